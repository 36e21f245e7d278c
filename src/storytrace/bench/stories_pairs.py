"""Story grouping on real news pairs in ten languages, beside two baselines, cross-validated.

Every text of the SemEval-2022 Task 8 sample (:mod:`storytrace.bench.news_pairs`)
is grouped in one run, as a user's pile would be; a judged pair counts as
*grouped* when both articles land in one story. The pairs are split into
``folds`` folds (seeded); for each fold the settings are chosen on the other
folds' pairs and scored on its own, and the held-out predictions are pooled.
Nothing is tuned on the pairs it is scored on, but the article texts (not their
labels) are seen by every fold, as in a real run.

The baselines are tuned in the same folds, each with its own threshold per
category reported (English, same-language, cross-language, and per language),
which favours them:

- TF-IDF cosine over all words of two letters or more (no stop list, smoothed
  IDF over the sample);
- cosine of the packaged multilingual Universal Sentence Encoder over headline
  and text.

>>> result = run_pairs_benchmark("../shared/data/semeval2022-task8-sample")  # doctest: +SKIP
>>> result.row("same-language").ours.f1 > 0  # doctest: +SKIP
True
"""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import numpy.typing as npt

from storytrace.bench.news_pairs import NewsPair, load_news_pairs
from storytrace.errors import ConfigurationError
from storytrace.stories.grouping import (
    Embedder,
    ScoredPairs,
    cluster_scored,
    default_embedder,
    score_candidates,
)
from storytrace.stories.settings import StorySettings
from storytrace.stories.vectors import tfidf_matrix

_WORD = re.compile(r"(?u)\b\w\w+\b")
BoolArray = npt.NDArray[np.bool_]


@dataclass(frozen=True, slots=True)
class PairScore:
    """Pair precision, recall and F1 of "grouped" against "same story"."""

    precision: float
    recall: float
    f1: float

    @classmethod
    def of(cls, predicted: BoolArray, gold: BoolArray) -> PairScore:
        """The score of predictions against gold labels (0 where undefined)."""
        hits = int(np.sum(predicted & gold))
        precision = hits / int(predicted.sum()) if predicted.any() else 0.0
        recall = hits / int(gold.sum()) if gold.any() else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return cls(precision, recall, f1)


@dataclass(frozen=True, slots=True)
class CategoryRow:
    """One category of pairs: its size and the three systems' held-out scores."""

    name: str
    pairs: int
    same: int
    ours: PairScore
    tfidf: PairScore
    use: PairScore


@dataclass(frozen=True, slots=True)
class PairsBenchmarkResult:
    """Every figure of the real-pairs benchmark."""

    articles: int
    pairs: int
    folds: int
    rows: tuple[CategoryRow, ...]
    chosen: tuple[tuple[float, float], ...]
    """``(min_similarity, link_threshold)`` chosen in each fold."""
    defaults: PairScore
    """The default settings on all pairs (in-sample: the defaults were chosen on them)."""
    seconds: float

    def row(self, name: str) -> CategoryRow:
        """The row of one category."""
        for row in self.rows:
            if row.name == name:
                return row
        raise KeyError(name)


def categories(pairs: Sequence[NewsPair]) -> dict[str, BoolArray]:
    """Masks over the pairs: English, same-language, cross-language, then each language."""
    same_language = np.array([not p.cross_language for p in pairs], dtype=bool)
    masks = {
        "English": np.array([p.left_language == p.right_language == "en" for p in pairs]),
        "same-language": same_language,
        "cross-language": ~same_language,
    }
    for language in sorted({p.left_language for p in pairs if not p.cross_language}):
        masks[f"  {language}"] = np.array(
            [p.left_language == p.right_language == language for p in pairs], dtype=bool
        )
    return masks


def fold_of(count: int, folds: int, seed: int = 2022) -> npt.NDArray[np.int64]:
    """A fold number per pair: a seeded permutation cut into ``folds`` near-equal parts."""
    order = np.random.default_rng(seed).permutation(count)
    labels = np.empty(count, dtype=np.int64)
    labels[order] = np.arange(count) % folds
    return labels


def _f1(predicted: BoolArray, gold: BoolArray) -> float:
    return PairScore.of(predicted, gold).f1


def _threshold_predictions(
    scores: npt.NDArray[np.float64],
    gold: BoolArray,
    fold: npt.NDArray[np.int64],
    mask: BoolArray,
    folds: int,
) -> BoolArray:
    """Held-out predictions of a score cut at the threshold best on the other folds."""
    predicted = np.zeros(len(scores), dtype=bool)
    for held in range(folds):
        train = mask & (fold != held)
        test = mask & (fold == held)
        candidates = np.unique(scores[train])
        best = max(
            candidates,
            key=lambda t: (_f1(scores[train] >= t, gold[train]), -t),
            default=1.0,
        )
        predicted[test] = scores[test] >= best
    return predicted


def _tfidf_cosines(
    texts: Sequence[str], left: npt.NDArray[np.int64], right: npt.NDArray[np.int64]
) -> npt.NDArray[np.float64]:
    matrix = tfidf_matrix([Counter(_WORD.findall(t.lower())) for t in texts], sublinear=False)
    return np.asarray(matrix[left].multiply(matrix[right]).sum(axis=1), dtype=np.float64).ravel()


def _use_cosines(
    texts: Sequence[str], left: npt.NDArray[np.int64], right: npt.NDArray[np.int64]
) -> npt.NDArray[np.float64]:
    from storytrace.multilingual import embed_multilingual

    vectors = embed_multilingual(texts)
    cosines: npt.NDArray[np.float64] = np.einsum("ij,ij->i", vectors[left], vectors[right]).astype(
        np.float64
    )
    return cosines


def _grouped(scored: ScoredPairs, settings: StorySettings, pairs: Sequence[NewsPair]) -> BoolArray:
    grouping = cluster_scored(scored, settings)
    story: dict[str, int] = {}
    for number, cluster in enumerate(grouping.clusters):
        for position in cluster:
            story[grouping.articles[position].id] = number
    return np.array([story[p.left] == story[p.right] for p in pairs], dtype=bool)


def run_pairs_benchmark(
    path: str | Path,
    *,
    settings: StorySettings | None = None,
    folds: int = 5,
    min_similarities: Sequence[float] = (0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4),
    link_thresholds: Sequence[float] = (0.04, 0.06, 0.08, 0.1, 0.12, 0.14, 0.16, 0.2, 0.25, 0.3),
    embedder: Embedder | None = None,
    progress: Callable[[str], None] | None = None,
) -> PairsBenchmarkResult:
    """Group every text of the sample and score the judged pairs, cross-validated."""
    if folds < 2:
        raise ConfigurationError(f"folds={folds}: cross-validation needs at least 2 folds")
    started = time.perf_counter()
    settings = settings or StorySettings(embedding_model="use")
    sample = load_news_pairs(path)
    pairs = sample.pairs
    gold = np.array([p.same for p in pairs], dtype=bool)
    fold = fold_of(len(pairs), folds)
    scored = score_candidates(
        sample.articles, settings, embedder=embedder or default_embedder(settings)
    )
    grid = [(m, t) for m in min_similarities for t in link_thresholds]
    predictions = {
        point: _grouped(
            scored, replace(settings, min_similarity=point[0], link_threshold=point[1]), pairs
        )
        for point in grid
    }
    ours = np.zeros(len(pairs), dtype=bool)
    chosen = []
    for held in range(folds):
        train = fold != held
        point = max(grid, key=lambda g: _f1(predictions[g][train], gold[train]))
        chosen.append(point)
        ours[fold == held] = predictions[point][fold == held]
    if progress:
        progress("story grouping done; baselines")
    index = {article.id: row for row, article in enumerate(sample.articles)}
    left = np.array([index[p.left] for p in pairs], dtype=np.int64)
    right = np.array([index[p.right] for p in pairs], dtype=np.int64)
    texts = [f"{a.title or ''}\n{a.text}" for a in sample.articles]
    tfidf_scores = _tfidf_cosines(texts, left, right)
    use_scores = _use_cosines(texts, left, right)
    rows = []
    for name, mask in categories(pairs).items():
        rows.append(
            CategoryRow(
                name=name,
                pairs=int(mask.sum()),
                same=int(gold[mask].sum()),
                ours=PairScore.of(ours[mask], gold[mask]),
                tfidf=PairScore.of(
                    _threshold_predictions(tfidf_scores, gold, fold, mask, folds)[mask],
                    gold[mask],
                ),
                use=PairScore.of(
                    _threshold_predictions(use_scores, gold, fold, mask, folds)[mask], gold[mask]
                ),
            )
        )
    return PairsBenchmarkResult(
        articles=len(sample.articles),
        pairs=len(pairs),
        folds=folds,
        rows=tuple(rows),
        chosen=tuple(chosen),
        defaults=PairScore.of(_grouped(scored, settings, pairs), gold),
        seconds=time.perf_counter() - started,
    )
