"""How alike two articles are: a weighted mean of per-field cosines, faded by time apart.

Only the fields both articles have take part, so an article without numbers
is not pushed away from one that has some; a field neither can be compared on
says nothing either way. Words and lead words are compared only between
articles in one language (two languages share none but names and numbers);
names and numbers across languages too. Embeddings are compared between any
two articles the encoder covers: the multilingual encoder across its 15
languages, MiniLM between English (or unlabelled) articles only.

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
_ENGLISH: frozenset[str | None] = frozenset({"en", None})
_SAME_LANGUAGE_FIELDS = frozenset({"words", "lead", "numbers"})
USE_LANGUAGES: frozenset[str | None] = frozenset(
    {*"ar de en es fr it ja ko nl pl pt ru th tr zh".split(), None}
)
"""Languages of the multilingual Universal Sentence Encoder (and unlabelled articles)."""


def embedding_languages(settings: StorySettings) -> frozenset[str | None]:
    """The languages whose articles the configured encoder can embed."""
    return USE_LANGUAGES if settings.embedding_model == "use" else _ENGLISH


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
    """Days between the dates of each pair (published, else written in the lead); NaN when
    either is unknown."""
    stamps = np.array(
        [when.timestamp() if (when := f.when) else np.nan for f in features], dtype=np.float64
    )
    return np.asarray(np.abs(stamps[left] - stamps[right]) / 86_400.0, dtype=np.float64)


def _embedding_cosines(
    features: Sequence[ArticleFeatures],
    embeddings: npt.NDArray[np.float32],
    left: npt.NDArray[np.int64],
    right: npt.NDArray[np.int64],
    same_language: npt.NDArray[np.bool_],
    settings: StorySettings,
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.bool_]]:
    """Rescaled embedding cosines of the pairs, and which pairs the encoder covers."""
    covered = embedding_languages(settings)
    known = np.array([f.language in covered for f in features], dtype=bool)
    usable = known & (np.abs(embeddings).sum(axis=1) > 0)
    both = usable[left] & usable[right]
    raw = np.einsum("ij,ij->i", embeddings[left], embeddings[right])
    floor = np.where(same_language, settings.embedding_floor, settings.cross_language_floor)
    cosine = np.clip((raw - floor) / (1.0 - floor), 0.0, 1.0).astype(np.float64)
    return cosine * both, both


def score_pairs(
    features: Sequence[ArticleFeatures],
    vectors: ArticleVectors,
    left: npt.NDArray[np.int64],
    right: npt.NDArray[np.int64],
    settings: StorySettings,
) -> PairScores:
    """The similarity of each pair, in ``[0, 1]``."""
    weights = settings.weights
    languages = [f.language for f in features]
    codes = {language: index for index, language in enumerate(sorted(set(languages), key=str))}
    language_code = np.array([codes[language] for language in languages], dtype=np.int64)
    same_language = language_code[left] == language_code[right]
    total = np.zeros(len(left), dtype=np.float64)
    weight_sum = np.zeros(len(left), dtype=np.float64)
    cosines: dict[str, npt.NDArray[np.float64]] = {}
    for name in FIELDS:
        matrix = vectors.field(name)
        present = np.asarray(matrix.getnnz(axis=1) > 0)
        both = present[left] & present[right]
        if name in _SAME_LANGUAGE_FIELDS:
            both &= same_language
        cosine = _row_dots(matrix, left, right)
        cosines[name] = cosine
        weight = float(getattr(weights, name)) * both
        total += weight * cosine
        weight_sum += weight
    # A pair with no lexical field in common has nothing to stand on, unless the two
    # are in different languages and their embeddings alone are close enough.
    lexical = np.zeros(len(left), dtype=bool)
    for cosine in cosines.values():
        lexical |= cosine > 0
    if vectors.embeddings is not None and weights.embedding > 0:
        embedded, both = _embedding_cosines(
            features, vectors.embeddings, left, right, same_language, settings
        )
        cosines["embedding"] = embedded
        total += weights.embedding * embedded
        weight_sum += weights.embedding * both
        lexical |= ~same_language & (embedded >= settings.cross_language_min)
    similarity = np.divide(total, weight_sum, out=np.zeros_like(total), where=weight_sum > 0)
    similarity = np.where(lexical, similarity, 0.0)
    if settings.name_conflict_names > 0:
        # Two reports of one event name its actors and places; two articles that each name
        # several but share none report different events.
        named = np.array(
            [len(f.names) >= settings.name_conflict_names for f in features], dtype=bool
        )
        # Only within one language: names are written differently across languages and
        # scripts, and German capitalises every noun.
        conflict = named[left] & named[right] & (cosines["names"] == 0) & same_language
        similarity = np.where(conflict, similarity * settings.name_conflict_factor, similarity)
    days = days_between(features, left, right)
    known = ~np.isnan(days)
    fade = np.ones(len(left), dtype=np.float64)
    fade[known] = [time_factor(float(d), settings) for d in days[known]]
    return PairScores(left=left, right=right, similarity=similarity * fade, fields=cosines)
