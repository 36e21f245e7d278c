"""The labelled ECB+ discrepancy pairs: they load, cover every label, and point into ECB+."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storytrace.bench.discrepancy_pairs import load_discrepancy_pairs
from storytrace.bench.ecbplus import load_ecbplus
from storytrace.errors import InputError
from tests.conftest import DATA, SHARED

PAIRS = DATA / "discrepancy_pairs" / "pairs.jsonl"
ECBPLUS = SHARED / "data" / "ecbplus"


def test_discrepancy_pairs_load_with_every_label_and_split() -> None:
    pairs = load_discrepancy_pairs(PAIRS)
    assert len(pairs) >= 300
    assert {p.label for p in pairs} == {"conflict", "agree", "different_facts", "not_a_fact"}
    assert {p.split for p in pairs} == {"report", "tune"}
    assert {p.source for p in pairs} == {"detector", "independent"}
    assert len({p.id for p in pairs}) == len(pairs)


def test_discrepancy_pairs_spans_and_split_rule() -> None:
    for pair in load_discrepancy_pairs(PAIRS):
        assert pair.left.article_id != pair.right.article_id
        assert pair.split == ("report" if pair.topic % 2 else "tune")
        for side in (pair.left, pair.right):
            assert side.sentence_start <= side.value_start < side.value_end <= side.sentence_end
            offset = side.value_start - side.sentence_start
            assert side.sentence[offset : offset + len(side.value)] == side.value


@pytest.mark.skipif(not ECBPLUS.is_dir(), reason=f"ECB+ is not at {ECBPLUS}")
def test_discrepancy_pairs_slice_the_ecbplus_texts() -> None:
    corpus = load_ecbplus(ECBPLUS)
    texts = {d.article.id: d.article.text for d in corpus.documents}
    stories = {d.article.id: d.story for d in corpus.documents}
    for pair in load_discrepancy_pairs(PAIRS):
        for side in (pair.left, pair.right):
            text = texts[side.article_id]
            assert stories[side.article_id] == pair.story
            assert text[side.sentence_start : side.sentence_end] == side.sentence
            assert text[side.value_start : side.value_end] == side.value


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"label": "contradiction"}, "label is 'contradiction'"),
        ({"kind": None}, "kind is None"),
        ({"topic": "3"}, "topic is '3'"),
        ({"left": {"article_id": "a"}}, "sentence_start is None"),
    ],
)
def test_discrepancy_pairs_malformed_line_names_the_field(
    tmp_path: Path, change: dict[str, object], message: str
) -> None:
    record = json.loads(PAIRS.read_text(encoding="utf-8").splitlines()[0])
    record.update(change)
    path = tmp_path / "pairs.jsonl"
    path.write_text("\n" + json.dumps(record) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=rf"pairs.jsonl:2: not a labelled pair \({message}"):
        load_discrepancy_pairs(path)


def test_discrepancy_pairs_value_outside_sentence_is_rejected(tmp_path: Path) -> None:
    record = json.loads(PAIRS.read_text(encoding="utf-8").splitlines()[0])
    record["left"]["value_end"] = record["left"]["sentence_end"] + 1
    path = tmp_path / "pairs.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="must lie inside the sentence span"):
        load_discrepancy_pairs(path)
