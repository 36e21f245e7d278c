"""The synthetic scale corpus: sizes, gold stories, substituted names, and a small timing run."""

from __future__ import annotations

from collections import Counter

import pytest

from storytrace.bench.ecbplus import load_ecbplus
from storytrace.bench.scale import generate_corpus, run_scale_benchmark
from storytrace.stories.features import parse_published
from tests.conftest import SHARED

ECBPLUS = SHARED / "data" / "ecbplus"


@pytest.fixture(scope="module")
def corpus():  # type: ignore[no-untyped-def]
    if not ECBPLUS.is_dir():
        pytest.skip(f"ECB+ is not at {ECBPLUS}")
    return load_ecbplus(ECBPLUS)


def test_bench_scale_generates_the_size_asked(corpus) -> None:  # type: ignore[no-untyped-def]
    generated = generate_corpus(corpus, 500, seed=3)
    assert len(generated.articles) == len(generated.gold) == 500
    assert len({a.id for a in generated.articles}) == 500
    sizes = Counter(generated.gold)
    assert 1 in sizes.values() and max(sizes.values()) > 5
    dated = [parse_published(a.published) for a in generated.articles if a.published]
    assert all(dated) and len(dated) > 400


def test_bench_scale_is_reproducible(corpus) -> None:  # type: ignore[no-untyped-def]
    first = generate_corpus(corpus, 200, seed=7)
    assert first == generate_corpus(corpus, 200, seed=7)
    assert first != generate_corpus(corpus, 200, seed=8)


def test_bench_scale_variants_change_names(corpus) -> None:  # type: ignore[no-untyped-def]
    generated = generate_corpus(corpus, 3000, seed=1)
    by_source: dict[str, set[str]] = {}
    for article in generated.articles:
        source, variant, _ = article.source.removeprefix("generated:").rsplit("/", 2)
        by_source.setdefault(source, set()).add(variant)
    assert any(len(variants) > 1 for variants in by_source.values())


def test_bench_scale_small_run(corpus) -> None:  # type: ignore[no-untyped-def]
    result = run_scale_benchmark(ECBPLUS, sizes=(200, 100))
    assert [run.articles for run in result.runs] == [100, 200]
    assert len(result.time_ratios) == 1 and len(result.cpu_time_ratios) == 1
    for run in result.runs:
        assert run.seconds > 0 and run.peak_memory_mb > 0
        assert run.score.items == run.articles
        assert 0.5 < run.score.f1 <= 1.0
