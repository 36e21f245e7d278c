"""Quality gate on ECB+ topics with pinned floors, and the honest-tuning benchmark machinery.

Floors sit a little under the figures measured when they were set (see
docs/stories.md): a change that lowers them must say why.
"""

from __future__ import annotations

import pytest

from storytrace.bench.clustering import score_clustering
from storytrace.bench.ecbplus import load_ecbplus
from storytrace.bench.stories import TuningGrid, run_stories_benchmark
from storytrace.stories import group_stories
from tests.conftest import SHARED

ECBPLUS = SHARED / "data" / "ecbplus"


@pytest.fixture(scope="module")
def corpus():  # type: ignore[no-untyped-def]
    if not ECBPLUS.is_dir():
        pytest.skip(f"ECB+ is not at {ECBPLUS}")
    return load_ecbplus(ECBPLUS)


@pytest.mark.parametrize(
    ("topics", "floor"),
    [
        # Two events each: rehab (Reid, Lohan), boxing (Klitschko twice), baseball offers to
        # one player, Indian navy and pirates twice, shootings, earthquakes.
        (("1", "7", "10", "12", "24", "36"), 0.90),
        (("3", "7", "12", "19", "41"), 0.98),
    ],
)
def test_bench_stories_quality_gate(corpus, topics: tuple[str, ...], floor: float) -> None:  # type: ignore[no-untyped-def]
    subset = corpus.restricted_to(topics)
    stories = group_stories(subset.articles)
    story_of = {a: story.id for story in stories for a in story.article_ids}
    score = score_clustering(subset.gold_stories(), [story_of[a.id] for a in subset.articles])
    assert score.f1 >= floor


def test_bench_stories_benchmark_reports_held_out_scores(corpus) -> None:  # type: ignore[no-untyped-def]
    grid = TuningGrid(neighbours=(4,), min_similarity=(0.15,), link_threshold=(0.06, 0.1))
    result = run_stories_benchmark(ECBPLUS, folds=2, grid=grid)
    assert result.articles == 982 and result.gold_stories == 86
    assert result.topic_as_story.f1 == pytest.approx(0.685, abs=0.001)
    assert result.tfidf_baseline.f1 == pytest.approx(0.87, abs=0.01)
    assert len(result.halves) == 2 and len(result.folds) == 2
    for held_out in (*result.halves, *result.folds):
        assert not set(held_out.tuned_on) & set(held_out.tested_on)
        assert held_out.link_threshold in grid.link_threshold
    assert result.folds_pooled.items == 982
    assert result.folds_pooled.f1 > 0.93
