"""Which pairs of articles are worth comparing, found without comparing all pairs.

Three sources, merged:

- lexical neighbours: an inverted index over each article's most weighted
  words (a sparse product, skipping words too common to discriminate) gives
  the articles sharing the most weight with it;
- semantic neighbours: the nearest sentence embeddings, by blocked dot products;
- near-duplicates: MinHash signatures of word shingles (rensa) in LSH bands;
  articles sharing a band bucket are candidates.

Pairs of dated articles further apart than the time window are dropped.

>>> pairs = unique_pairs(np.array([2, 0, 1]), np.array([0, 2, 1]))
>>> pairs[0].tolist(), pairs[1].tolist()
([0], [2])
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from rensa import RMinHash
from scipy import sparse

from storytrace.stories.features import ArticleFeatures
from storytrace.stories.settings import StorySettings
from storytrace.stories.similarity import days_between
from storytrace.stories.vectors import ArticleVectors

IndexArray = npt.NDArray[np.int64]

_BLOCK_ROWS = 1024
_MINHASH_SEED = 20_160_713


def unique_pairs(left: IndexArray, right: IndexArray) -> tuple[IndexArray, IndexArray]:
    """Pairs as ``(low, high)`` with ``low < high``, without repeats or self-pairs, sorted."""
    low = np.minimum(left, right)
    high = np.maximum(left, right)
    keep = low != high
    width = int(high.max(initial=0)) + 1
    codes = np.unique(low[keep] * width + high[keep])
    return (codes // width).astype(np.int64), (codes % width).astype(np.int64)


def _rank_within_rows(rows: IndexArray) -> IndexArray:
    """For rows sorted ascending, each entry's position among the entries of its row."""
    starts = np.concatenate([[0], np.flatnonzero(np.diff(rows)) + 1]).astype(np.int64)
    lengths = np.diff(np.append(starts, len(rows)))
    ranks: IndexArray = np.arange(len(rows), dtype=np.int64) - np.repeat(starts, lengths)
    return ranks


def _keep_top(entries: sparse.coo_matrix, count: int) -> sparse.csr_matrix:
    """The matrix with only the ``count`` largest entries of each row."""
    order = np.lexsort((-entries.data, entries.row))
    keep = order[_rank_within_rows(entries.row[order].astype(np.int64)) < count]
    return sparse.csr_matrix(
        (entries.data[keep], (entries.row[keep], entries.col[keep])), shape=entries.shape
    )


def lexical_neighbours(
    words: sparse.csr_matrix, settings: StorySettings, count: int, rows: IndexArray
) -> tuple[IndexArray, IndexArray]:
    """For each article in ``rows``, the ``count`` articles sharing the most weight of its
    top discriminating words."""
    frequency = np.bincount(words.indices, minlength=words.shape[1])
    entries = sparse.coo_matrix(words[:, np.flatnonzero(frequency <= settings.max_term_articles)])
    pruned = _keep_top(entries, settings.candidate_terms)
    # Each word's posting list keeps only the articles where it weighs most, so that a
    # lookup costs the same however many articles use the word.
    postings = _keep_top(sparse.coo_matrix(pruned.T), settings.posting_limit)
    lefts: list[IndexArray] = []
    rights: list[IndexArray] = []
    for start in range(0, len(rows), _BLOCK_ROWS):
        block = rows[start : start + _BLOCK_ROWS]
        product = sparse.csr_matrix(pruned[block] @ postings)
        for local, row in enumerate(block.tolist()):
            begin, end = product.indptr[local], product.indptr[local + 1]
            columns = product.indices[begin:end]
            values = product.data[begin:end]
            # One more than wanted, since an article is its own best match.
            if end - begin > count + 1:
                columns = columns[np.argpartition(values, -count - 1)[-count - 1 :]]
            columns = columns[columns != row]
            lefts.append(np.full(len(columns), row, dtype=np.int64))
            rights.append(columns.astype(np.int64))
    return _concatenate(lefts), _concatenate(rights)


def semantic_neighbours(
    embeddings: npt.NDArray[np.float32], count: int, rows: IndexArray
) -> tuple[IndexArray, IndexArray]:
    """For each article in ``rows``, its ``count`` nearest embeddings by cosine (exact)."""
    n = embeddings.shape[0]
    count = min(count, n - 1)
    if count < 1:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    present = np.abs(embeddings).sum(axis=1) > 0
    lefts: list[IndexArray] = []
    rights: list[IndexArray] = []
    for start in range(0, len(rows), _BLOCK_ROWS):
        block_rows = rows[start : start + _BLOCK_ROWS]
        block = embeddings[block_rows] @ embeddings.T
        block[:, ~present] = -np.inf
        local = np.arange(len(block_rows))
        block[local, block_rows] = -np.inf
        nearest = np.argpartition(block, -count, axis=1)[:, -count:]
        valid = np.isfinite(block[local[:, None], nearest]) & present[block_rows][:, None]
        left = np.repeat(block_rows, count).reshape(-1, count)
        lefts.append(left[valid].astype(np.int64))
        rights.append(nearest[valid].astype(np.int64))
    return _concatenate(lefts), _concatenate(rights)


def near_duplicate_pairs(
    shingles: Sequence[npt.NDArray[np.uint64]], settings: StorySettings
) -> tuple[IndexArray, IndexArray]:
    """Pairs sharing a MinHash LSH band of their word shingles.

    A bucket of many copies links each copy to the next few in the bucket
    rather than to all, which keeps the copies connected at a linear cost.
    """
    present = np.array([len(s) > 0 for s in shingles], dtype=bool)
    indices = np.flatnonzero(present)
    if len(indices) < 2:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    digests = np.asarray(
        RMinHash.digest_matrix_from_token_hash_sets(
            [shingles[i] for i in indices.tolist()], settings.minhash_permutations, _MINHASH_SEED
        ).to_rows(),
        dtype=np.uint32,
    )
    rows_per_band = settings.minhash_permutations // settings.minhash_bands
    window = settings.neighbours
    lefts: list[IndexArray] = []
    rights: list[IndexArray] = []
    for band in range(settings.minhash_bands):
        part = np.ascontiguousarray(digests[:, band * rows_per_band : (band + 1) * rows_per_band])
        keys = part.view(np.dtype((np.void, part.dtype.itemsize * rows_per_band))).ravel()
        _, bucket = np.unique(keys, return_inverse=True)
        order = np.argsort(bucket, kind="stable")
        sorted_bucket = bucket[order]
        for offset in range(1, window + 1):
            same = sorted_bucket[offset:] == sorted_bucket[:-offset]
            lefts.append(indices[order[:-offset][same]].astype(np.int64))
            rights.append(indices[order[offset:][same]].astype(np.int64))
    return _concatenate(lefts), _concatenate(rights)


def _concatenate(parts: list[IndexArray]) -> IndexArray:
    return np.concatenate(parts).astype(np.int64) if parts else np.zeros(0, np.int64)


@dataclass(frozen=True, slots=True)
class CandidatePairs:
    """Pairs ``(left[k], right[k])`` with ``left < right``."""

    left: IndexArray
    right: IndexArray


def candidate_pairs(
    features: Sequence[ArticleFeatures],
    vectors: ArticleVectors,
    settings: StorySettings,
    *,
    rows: IndexArray | None = None,
) -> CandidatePairs:
    """Candidate pairs from the three sources, inside the time window.

    With ``rows``, only pairs with at least one article among those rows (the
    articles added since an earlier run).
    """
    count = settings.candidates_per_article
    searched = np.arange(len(features), dtype=np.int64) if rows is None else rows
    duplicates = unique_pairs(*near_duplicate_pairs([f.shingles for f in features], settings))
    if rows is not None:
        involved = np.isin(duplicates[0], rows) | np.isin(duplicates[1], rows)
        duplicates = duplicates[0][involved], duplicates[1][involved]
    sources = [lexical_neighbours(vectors.words, settings, count, searched), duplicates]
    if vectors.embeddings is not None:
        sources.append(semantic_neighbours(vectors.embeddings, count, searched))
    left, right = unique_pairs(
        _concatenate([s[0] for s in sources]), _concatenate([s[1] for s in sources])
    )
    inside = ~(days_between(features, left, right) > settings.time_window_days)
    return CandidatePairs(left[inside], right[inside])
