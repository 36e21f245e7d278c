"""Specifications of the generated reuse corpus: deterministic, with gold that holds."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from storytrace.bench import reuse_operations as ops
from storytrace.bench.reuse_corpus import (
    DERIVED_OPERATIONS,
    ReuseCorpus,
    generate_reuse_corpus,
)
from storytrace.errors import ConfigurationError
from storytrace.normalize import normalize_for_matching

ECBPLUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "ecbplus"


@pytest.fixture(scope="module")
def corpus() -> ReuseCorpus:
    if not (ECBPLUS / "ECB+").is_dir():
        pytest.skip(f"ECB+ is not at {ECBPLUS}")
    return generate_reuse_corpus(ECBPLUS, split="dev", seed=1, max_stories=10)


def test_bench_reuse_corpus_is_deterministic(corpus: ReuseCorpus) -> None:
    again = generate_reuse_corpus(ECBPLUS, split="dev", seed=1, max_stories=10)
    assert again == corpus


def test_bench_reuse_corpus_gold_spans_point_inside_the_texts(corpus: ReuseCorpus) -> None:
    for story in corpus.stories:
        for pair in story.pairs:
            source, target = story.article(pair.source_id), story.article(pair.target_id)
            for case in pair.cases:
                assert 0 <= case.source_span.start < case.source_span.end <= len(source.text)
                assert 0 <= case.target_span.start < case.target_span.end <= len(target.text)


def test_bench_reuse_corpus_verbatim_cases_are_equal_after_normalising(
    corpus: ReuseCorpus,
) -> None:
    checked = 0
    for story in corpus.stories:
        for pair in story.pairs:
            if pair.operation not in ("paragraph_copy", "truncation", "lookalike"):
                continue
            source, target = story.article(pair.source_id), story.article(pair.target_id)
            for case in pair.cases:
                left = source.text[case.source_span.start : case.source_span.end]
                right = target.text[case.target_span.start : case.target_span.end]
                assert normalize_for_matching(left).text == normalize_for_matching(right).text
                checked += 1
    assert checked > 10


def test_bench_reuse_corpus_covers_every_operation_and_hides_some_origins(
    corpus: ReuseCorpus,
) -> None:
    operations = {p.operation for s in corpus.stories for p in s.pairs}
    assert set(DERIVED_OPERATIONS) - {"paraphrase_coref"} <= operations
    hidden = [s for s in corpus.stories if s.origin_article_id is None]
    assert hidden and all(s.hidden for s in hidden)
    assert all(s.origin_article_id in {a.id for a in s.articles} for s in corpus.stories
               if s.origin_article_id)  # fmt: skip


def test_bench_reuse_corpus_splits_use_disjoint_topics(corpus: ReuseCorpus) -> None:
    test = generate_reuse_corpus(ECBPLUS, split="test", seed=1, max_stories=10)
    dev_topics = {s.id.split("-")[1] for s in corpus.stories}
    test_topics = {s.id.split("-")[1] for s in test.stories}
    assert dev_topics and test_topics and not dev_topics & test_topics


def test_bench_reuse_corpus_refuses_an_unknown_split() -> None:
    with pytest.raises(ConfigurationError, match="split"):
        generate_reuse_corpus(ECBPLUS, split="train")  # type: ignore[arg-type]


def test_bench_reuse_operations_are_seeded() -> None:
    sentence = "Police said the fire killed two people near the city, officials said."
    assert ops.edit_sentence(sentence, random.Random(4)) == ops.edit_sentence(
        sentence, random.Random(4)
    )
    assert normalize_for_matching(ops.add_lookalikes(sentence, random.Random(1))).text == (
        normalize_for_matching(sentence).text
    )
    assert "Daily Lantern" in ops.attribute_sentence(sentence, "Daily Lantern", random.Random(2))
