"""The story-grouping benchmark on ECB+, with thresholds never tuned on the topics reported.

Three thresholds are tuned (``neighbours``, ``min_similarity``,
``link_threshold``) on a grid, by B-cubed F1 on the tuning topics; the chosen
values are then run on the held-out topics. Each set of topics is grouped on
its own, so nothing of the held-out articles (not even their IDF) is seen
while tuning. Reported:

- the TF-IDF average-link baseline tuned on all topics, and each topic as one story;
- the default settings on all topics (optimistic: the defaults were chosen on ECB+);
- tuning on one half of the topics and testing on the other, both ways;
- k-fold cross-validation by topic, pooled over the held-out folds.

>>> result = run_stories_benchmark("../shared/data/ecbplus", folds=5)  # doctest: +SKIP
>>> result.folds_pooled.f1 > 0.95  # doctest: +SKIP
True
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
import numpy.typing as npt

from storytrace.bench.baseline import cut_dendrogram, tfidf_dendrogram
from storytrace.bench.clustering import ClusteringScore, score_clustering
from storytrace.bench.ecbplus import EcbPlusCorpus, load_ecbplus
from storytrace.errors import ConfigurationError
from storytrace.stories.grouping import (
    Embedder,
    ScoredPairs,
    cluster_scored,
    default_embedder,
    score_candidates,
)
from storytrace.stories.settings import StorySettings


@dataclass(frozen=True, slots=True)
class TuningGrid:
    """The values tried for each tuned threshold."""

    neighbours: tuple[int, ...] = (3, 4, 5, 6, 8)
    min_similarity: tuple[float, ...] = (0.1, 0.15, 0.2, 0.25)
    link_threshold: tuple[float, ...] = tuple(round(0.02 * step, 2) for step in range(1, 16))


@dataclass(frozen=True, slots=True)
class HeldOutResult:
    """Thresholds tuned on some topics and the score they get on others."""

    tuned_on: tuple[str, ...]
    tested_on: tuple[str, ...]
    neighbours: int
    min_similarity: float
    link_threshold: float
    tuning_f1: float
    test: ClusteringScore


@dataclass(frozen=True, slots=True)
class StoriesBenchmarkResult:
    """Every figure of the ECB+ story-grouping benchmark."""

    articles: int
    gold_stories: int
    embedding_model: str
    topic_as_story: ClusteringScore
    tfidf_baseline: ClusteringScore
    tfidf_baseline_threshold: float
    defaults: ClusteringScore
    halves: tuple[HeldOutResult, ...]
    folds: tuple[HeldOutResult, ...]
    folds_pooled: ClusteringScore
    seconds: float
    settings: StorySettings = field(default_factory=StorySettings)


def caching_embedder(embed: Embedder) -> Embedder:
    """An embedder that encodes each distinct text once across calls."""
    cache: dict[str, npt.NDArray[np.float32]] = {}

    def embed_cached(texts: Sequence[str]) -> npt.NDArray[np.float32]:
        missing = list(dict.fromkeys(t for t in texts if t not in cache))
        if missing:
            for text, vector in zip(missing, embed(missing), strict=True):
                cache[text] = vector
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        return np.stack([cache[t] for t in texts]).astype(np.float32)

    return embed_cached


def _labels(scored: ScoredPairs, settings: StorySettings, gold: dict[str, str]) -> list[int]:
    grouping = cluster_scored(scored, settings)
    labels = [0] * len(scored.articles)
    for index, cluster in enumerate(grouping.clusters):
        for position in cluster:
            labels[position] = index
    return labels


def _gold(scored: ScoredPairs, gold: dict[str, str]) -> list[str]:
    return [gold[article.id] for article in scored.articles]


def tune(
    scored: ScoredPairs, gold: dict[str, str], settings: StorySettings, grid: TuningGrid
) -> tuple[StorySettings, float]:
    """The grid point with the best B-cubed F1 on the scored articles (first one on ties)."""
    truth = _gold(scored, gold)
    best: tuple[float, StorySettings] | None = None
    for neighbours in grid.neighbours:
        for min_similarity in grid.min_similarity:
            for link_threshold in grid.link_threshold:
                candidate = replace(
                    settings,
                    neighbours=neighbours,
                    min_similarity=min_similarity,
                    link_threshold=link_threshold,
                )
                f1 = score_clustering(truth, _labels(scored, candidate, gold)).f1
                if best is None or f1 > best[0]:
                    best = (f1, candidate)
    if best is None:
        raise ConfigurationError("the tuning grid is empty: give at least one value per setting")
    return best[1], best[0]


def _held_out(
    corpus: EcbPlusCorpus,
    tuned_on: Sequence[str],
    tested_on: Sequence[str],
    score: Callable[[EcbPlusCorpus], ScoredPairs],
    gold: dict[str, str],
    settings: StorySettings,
    grid: TuningGrid,
) -> tuple[HeldOutResult, list[str], list[int]]:
    chosen, tuning_f1 = tune(score(corpus.restricted_to(tuned_on)), gold, settings, grid)
    test_scored = score(corpus.restricted_to(tested_on))
    truth = _gold(test_scored, gold)
    predicted = _labels(test_scored, chosen, gold)
    result = HeldOutResult(
        tuned_on=tuple(tuned_on),
        tested_on=tuple(tested_on),
        neighbours=chosen.neighbours,
        min_similarity=chosen.min_similarity,
        link_threshold=chosen.link_threshold,
        tuning_f1=tuning_f1,
        test=score_clustering(truth, predicted),
    )
    return result, truth, predicted


def run_stories_benchmark(
    path: str | Path,
    *,
    settings: StorySettings | None = None,
    folds: int = 5,
    grid: TuningGrid | None = None,
    embedder: Embedder | None = None,
) -> StoriesBenchmarkResult:
    """Group ECB+ and score it against the gold stories, with honest tuning."""
    if folds < 2:
        raise ConfigurationError(f"folds={folds}: cross-validation needs at least 2 folds")
    started = time.perf_counter()
    settings = settings or StorySettings()
    grid = grid or TuningGrid()
    corpus = load_ecbplus(path)
    gold = {d.article.id: d.story for d in corpus.documents}
    base = embedder or default_embedder(settings)
    embed = caching_embedder(base) if base is not None else None

    def score(subset: EcbPlusCorpus) -> ScoredPairs:
        return score_candidates(subset.articles, settings, embedder=embed)

    truth = list(corpus.gold_stories())
    tree = tfidf_dendrogram([a.text for a in corpus.articles])
    baseline_threshold, baseline = max(
        ((t, score_clustering(truth, cut_dendrogram(tree, t))) for t in np.arange(0.05, 0.6, 0.01)),
        key=lambda item: item[1].f1,
    )
    everything = score(corpus)
    defaults = score_clustering(_gold(everything, gold), _labels(everything, settings, gold))

    topics = corpus.topics()
    half_a, half_b = topics[0::2], topics[1::2]
    halves = tuple(
        _held_out(corpus, tuned, tested, score, gold, settings, grid)[0]
        for tuned, tested in ((half_a, half_b), (half_b, half_a))
    )
    fold_results = []
    pooled_truth: list[str] = []
    pooled_predicted: list[str] = []
    for fold in range(folds):
        tested = topics[fold::folds]
        tuned = [t for t in topics if t not in tested]
        result, fold_truth, predicted = _held_out(
            corpus, tuned, tested, score, gold, settings, grid
        )
        fold_results.append(result)
        pooled_truth.extend(fold_truth)
        pooled_predicted.extend(f"{fold}/{label}" for label in predicted)
    return StoriesBenchmarkResult(
        articles=len(corpus.documents),
        gold_stories=len(set(truth)),
        embedding_model=settings.embedding_model if embed is not None else "none",
        topic_as_story=score_clustering(truth, [d.topic for d in corpus.documents]),
        tfidf_baseline=baseline,
        tfidf_baseline_threshold=round(float(baseline_threshold), 2),
        defaults=defaults,
        halves=halves,
        folds=tuple(fold_results),
        folds_pooled=score_clustering(pooled_truth, pooled_predicted),
        seconds=time.perf_counter() - started,
        settings=settings,
    )
