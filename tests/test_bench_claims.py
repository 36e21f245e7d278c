"""The claims benchmarks: ECB+ event sentences, injected changes, attribution annotations."""

from __future__ import annotations

from pathlib import Path

import pytest

from storytrace.bench.claims_attribution import read_annotations, run_attribution_bench
from storytrace.bench.claims_discrepancies import make_cases, run_discrepancy_bench
from storytrace.bench.claims_ecbplus import load_event_documents
from storytrace.bench.claims_grouping import pairwise_scores, run_grouping_bench
from storytrace.bench.claims_inject import KINDS

ANNOTATIONS = Path(__file__).parent / "data" / "claims" / "attribution.jsonl"


@pytest.fixture(scope="module")
def ecbplus() -> Path:
    from tests.conftest import SHARED

    path = SHARED / "data" / "ecbplus"
    if not (path / "ECB+").is_dir():
        pytest.skip(f"ECB+ is not at {path}")
    return path


def test_bench_claims_cases_change_one_line_each(ecbplus: Path) -> None:
    cases = make_cases(ecbplus, limit=21, seed=3)
    assert len(cases) == 21
    assert {c.change.kind for c in cases if c.change} <= set(KINDS)
    assert any(c.change is None for c in cases)
    for case in cases:
        reworded = case.reworded.split("\n")
        assert len(reworded) == len(case.original.text.split("\n"))
        copied = case.copy.text.split("\n")
        assert len(reworded) == len(copied)
        differing = [i for i, (a, b) in enumerate(zip(reworded, copied, strict=True)) if a != b]
        if case.change is None:
            assert differing == []
        else:
            assert len(differing) == 1
            assert case.copy.text[case.change.start : case.change.end] == case.change.after


def test_bench_claims_discrepancies_floor(ecbplus: Path) -> None:
    result = run_discrepancy_bench(ecbplus, limit=42, seed=1)
    assert result.false_alarms_on_controls == 0
    for score in result.scores:
        assert score.precision >= 0.8, score
        assert score.recall >= 0.4, score


def test_bench_claims_event_sentences_map_to_lines(ecbplus: Path) -> None:
    documents = load_event_documents(ecbplus, topics=("1",))
    for document in documents:
        text = document.document.article.text
        lines = text.split("\n")
        assert len(document.sentences) == len(lines)
        for sentence in document.sentences:
            assert text[sentence.start : sentence.end] == lines[sentence.line]


def test_bench_claims_grouping_floor(ecbplus: Path) -> None:
    result = run_grouping_bench(ecbplus, topics=("1",))
    assert result.gold_pairs > 0
    assert result.precision >= 0.5


@pytest.mark.parametrize(
    ("gold", "predicted", "expected"),
    [
        ({frozenset({1, 2})}, {frozenset({1, 2})}, (1.0, 1.0)),
        ({frozenset({1, 2})}, set(), (1.0, 0.0)),
        (set(), {frozenset({1, 2})}, (0.0, 1.0)),
    ],
)
def test_bench_claims_pairwise_scores(gold, predicted, expected) -> None:
    assert pairwise_scores(gold, predicted) == expected


def test_bench_claims_annotations_have_100_attributions() -> None:
    rows = read_annotations(ANNOTATIONS)
    assert len(rows) == 135
    assert sum(1 for r in rows if r.source is not None) >= 100
    for row in rows:
        if row.source is not None:
            assert row.head is not None and row.head.casefold() in row.sentence.casefold()


def test_bench_claims_attribution_floor() -> None:
    result = run_attribution_bench(ANNOTATIONS)
    assert result.source.precision >= 0.9 and result.source.recall >= 0.9
    assert result.cue.precision >= 0.9 and result.cue.recall >= 0.9


PAIRS = Path(__file__).parent / "data" / "discrepancy_pairs" / "pairs.jsonl"


def test_bench_claims_independent_flags_join_annotated_sentences(ecbplus: Path) -> None:
    from storytrace.bench.claims_independent import (
        format_independent_result,
        run_independent_bench,
    )

    # Topic 20 (two earthquakes in Iran) holds annotated conflicts: magnitudes and tolls.
    result = run_independent_bench(ecbplus, PAIRS, stories=["20/ecb", "20/ecbplus"])
    assert result.stories == 2
    tune, report = result.ours
    assert report.candidates == 0 and tune.candidates > 0
    assert tune.flagged == sum(result.flagged_labels["tune"].values())
    assert result.every_candidate[0].flagged == tune.candidates
    text = format_independent_result(result)
    assert "held out" in text and "baseline values written differently" in text
