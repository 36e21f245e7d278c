"""How alike two articles are: a weighted mean of per-field cosines, faded by time apart.

Only the fields both articles have take part, so an article without numbers
is not pushed away from one that has some; a field neither can be compared on
says nothing either way. Embeddings are compared only between English (or
unlabelled) articles, since the encoder is English.

>>> time_factor(0.0, StorySettings()), time_factor(60.0, StorySettings())
(1.0, 0.0)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from scipy import sparse

from storytrace.stories.features import ArticleFeatures
from storytrace.stories.settings import StorySettings
from storytrace.stories.vectors import FIELDS, ArticleVectors

_CHUNK = 20_000
_ENGLISH = frozenset({"en", None})


@dataclass(frozen=True, slots=True)
class PairScores:
    """Similarities of a list of article pairs ``(left[k], right[k])``, and each field's cosine."""

    left: npt.NDArray[np.int64]
    right: npt.NDArray[np.int64]
    similarity: npt.NDArray[np.float64]
    fields: dict[str, npt.NDArray[np.float64]]


def time_factor(days_apart: float, settings: StorySettings) -> float:
    """1 within the grace period, fading linearly to 0 at the time window's edge."""
    if days_apart <= settings.time_grace_days:
        return 1.0
    if days_apart >= settings.time_window_days:
        return 0.0
    span = settings.time_window_days - settings.time_grace_days
    return 1.0 - (days_apart - settings.time_grace_days) / span


def _row_dots(
    matrix: sparse.csr_matrix, left: npt.NDArray[np.int64], right: npt.NDArray[np.int64]
) -> npt.NDArray[np.float64]:
    out = np.zeros(len(left), dtype=np.float64)
    for start in range(0, len(left), _CHUNK):
        stop = start + _CHUNK
        product = matrix[left[start:stop]].multiply(matrix[right[start:stop]])
        out[start:stop] = np.asarray(product.sum(axis=1)).ravel()
    return out


def days_between(
    features: Sequence[ArticleFeatures],
    left: npt.NDArray[np.int64],
    right: npt.NDArray[np.int64],
) -> npt.NDArray[np.float64]:
    """Days between the publication times of each pair; NaN when either is unknown."""
    stamps = np.array(
        [f.published.timestamp() if f.published else np.nan for f in features], dtype=np.float64
    )
    return np.asarray(np.abs(stamps[left] - stamps[right]) / 86_400.0, dtype=np.float64)


def score_pairs(
    features: Sequence[ArticleFeatures],
    vectors: ArticleVectors,
    left: npt.NDArray[np.int64],
    right: npt.NDArray[np.int64],
    settings: StorySettings,
) -> PairScores:
    """The similarity of each pair, in ``[0, 1]``."""
    weights = settings.weights
    total = np.zeros(len(left), dtype=np.float64)
    weight_sum = np.zeros(len(left), dtype=np.float64)
    cosines: dict[str, npt.NDArray[np.float64]] = {}
    for name in FIELDS:
        weight = float(getattr(weights, name))
        if weight == 0:
            continue
        matrix = vectors.field(name)
        present = np.asarray(matrix.getnnz(axis=1) > 0)
        both = present[left] & present[right]
        cosine = _row_dots(matrix, left, right)
        cosines[name] = cosine
        total += weight * cosine * both
        weight_sum += weight * both
    if vectors.embeddings is not None and weights.embedding > 0:
        english = np.array([f.language in _ENGLISH for f in features], dtype=bool)
        present = np.abs(vectors.embeddings).sum(axis=1) > 0
        usable = english & present
        both = usable[left] & usable[right]
        cosine = np.clip(
            np.einsum("ij,ij->i", vectors.embeddings[left], vectors.embeddings[right]), 0.0, 1.0
        ).astype(np.float64)
        cosines["embedding"] = cosine
        total += weights.embedding * cosine * both
        weight_sum += weights.embedding * both
    # A pair with no lexical field in common has nothing to stand on.
    lexical = np.zeros(len(left), dtype=bool)
    for name in FIELDS:
        if name in cosines:
            lexical |= cosines[name] > 0
    similarity = np.divide(total, weight_sum, out=np.zeros_like(total), where=weight_sum > 0)
    similarity = np.where(lexical, similarity, 0.0)
    if settings.name_conflict_names > 0 and "names" in cosines:
        # Two reports of one event name its actors and places; two articles that each name
        # several but share none report different events.
        named = np.array(
            [len(f.names) >= settings.name_conflict_names for f in features], dtype=bool
        )
        conflict = named[left] & named[right] & (cosines["names"] == 0)
        similarity = np.where(conflict, similarity * settings.name_conflict_factor, similarity)
    days = days_between(features, left, right)
    known = ~np.isnan(days)
    fade = np.ones(len(left), dtype=np.float64)
    fade[known] = [time_factor(float(d), settings) for d in days[known]]
    return PairScores(left=left, right=right, similarity=similarity * fade, fields=cosines)
