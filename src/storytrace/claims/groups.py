"""Claim groups: equivalent claim units of different articles, found by similarity.

Two units are candidates when their similarity reaches ``threshold``: the
larger of the cosine of their sentence embeddings (when an ``embed``
function is given) and the cosine of their hashed TF-IDF word vectors, which
catches verbatim and lightly edited copies on its own. Passages aligned by
the reuse stage link the units they cover as well. Candidates are merged best
first into groups under two constraints that stop chains of loosely similar
sentences: a group holds at most one unit per article field (a headline may
join its own body's sentence), and the groups' centres must stay
``centroid_threshold`` similar.

>>> texts = ["Fire at port", "Fire at the port", "Rates held"]
>>> vectors = lexical_vectors(texts, frozenset({"the", "at"}))
>>> round(float(vectors[0] @ vectors[1]), 2)
1.0
"""

from __future__ import annotations

import math
import re
import zlib
from collections import Counter
from collections.abc import Collection, Mapping, Sequence

import numpy as np
import numpy.typing as npt

from storytrace.claims.records import ClaimUnit

Matrix = npt.NDArray[np.float32]

_TOKEN = re.compile(r"\w+")
_DIMENSIONS = 2048
_CHUNK = 512


def _words(text: str, stop_words: Collection[str]) -> list[str]:
    # Figures are left out: two versions of a claim that differ only in a figure
    # are one claim with a discrepancy, not two claims.
    return [w for w in _TOKEN.findall(text.casefold()) if w not in stop_words and not w.isdigit()]


def lexical_vectors(texts: Sequence[str], stop_words: Collection[str]) -> Matrix:
    """Hashed TF-IDF vectors (square-root IDF) of content words, L2-normalised, one row per text."""
    tokenised = [_words(text, stop_words) for text in texts]
    document_frequency: Counter[str] = Counter()
    for words in tokenised:
        document_frequency.update(set(words))
    total = len(texts)
    vectors = np.zeros((total, _DIMENSIONS), dtype=np.float32)
    for row, words in enumerate(tokenised):
        for word, count in Counter(words).items():
            # Damped: in a story of two articles a word of one should not outweigh the rest.
            idf = math.sqrt(math.log((1 + total) / (1 + document_frequency[word])) + 1.0)
            vectors[row, zlib.crc32(word.encode("utf-8")) % _DIMENSIONS] += count * idf
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    result: Matrix = vectors / np.maximum(norms, 1e-12)
    return result


def similar_pairs(
    matrices: Sequence[Matrix], allowed: npt.NDArray[np.int64], threshold: float
) -> dict[tuple[int, int], float]:
    """Pairs ``i < j`` whose best similarity over ``matrices`` reaches ``threshold``.

    ``allowed`` gives each row a group label; rows with the same label are never paired.
    """
    pairs: dict[tuple[int, int], float] = {}
    if not matrices:
        return pairs
    count = matrices[0].shape[0]
    for first in range(0, count, _CHUNK):
        last = min(count, first + _CHUNK)
        best = np.zeros((last - first, count), dtype=np.float32)
        for matrix in matrices:
            np.maximum(best, matrix[first:last] @ matrix.T, out=best)
        rows, columns = np.nonzero(best >= threshold)
        for row, column in zip(rows.tolist(), columns.tolist(), strict=True):
            i = first + row
            if column > i and allowed[i] != allowed[column]:
                pairs[(i, column)] = float(best[row, column])
    return pairs


def field_labels(units: Sequence[ClaimUnit]) -> npt.NDArray[np.int64]:
    """One label per (article, field), so that units of one field are never paired."""
    labels: dict[tuple[str, str], int] = {}
    return np.array(
        [labels.setdefault((u.article_id, u.field), len(labels)) for u in units], dtype=np.int64
    )


def group_units(
    units: Sequence[ClaimUnit],
    matrices: Sequence[Matrix],
    *,
    threshold: float,
    centroid_threshold: float,
    linked: Collection[tuple[int, int]] = (),
    extra: Mapping[tuple[int, int], float] | None = None,
) -> list[list[int]]:
    """Groups of unit indices (singletons included), ordered by their first unit.

    ``matrices`` hold L2-normalised vectors (embeddings first, if any); ``linked``
    are pairs known to be one passage (aligned by reuse, or quoting the same
    words); ``extra`` adds candidate pairs with their own scores.
    """
    labels = field_labels(units)
    pairs = similar_pairs(matrices, labels, threshold)
    for (i, j), score in (extra or {}).items():
        a, b = min(i, j), max(i, j)
        if labels[a] != labels[b]:
            pairs[(a, b)] = max(pairs.get((a, b), 0.0), score)
    for i, j in linked:
        a, b = min(i, j), max(i, j)
        if labels[a] != labels[b]:
            pairs[(a, b)] = max(pairs.get((a, b), 0.0), 1.0)
    parent = list(range(len(units)))
    members: dict[int, set[int]] = {i: {int(labels[i])} for i in range(len(units))}
    sizes = dict.fromkeys(range(len(units)), 1)
    primary = matrices[0] if matrices else np.zeros((len(units), 1), dtype=np.float32)
    sums = {i: primary[i].astype(np.float64) for i in range(len(units))}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for (i, j), score in sorted(pairs.items(), key=lambda item: (-item[1], item[0])):
        a, b = find(i), find(j)
        if a == b or members[a] & members[b]:
            continue
        if score < 1.0 and (sizes[a] > 1 or sizes[b] > 1):
            left, right = sums[a] / sizes[a], sums[b] / sizes[b]
            norm = float(np.linalg.norm(left) * np.linalg.norm(right))
            if norm > 0 and float(left @ right) / norm < centroid_threshold:
                continue
        root, other = min(a, b), max(a, b)
        parent[other] = root
        members[root] |= members.pop(other)
        sums[root] = sums[root] + sums.pop(other)
        sizes[root] += sizes.pop(other)
    groups: dict[int, list[int]] = {}
    for index in range(len(units)):
        groups.setdefault(find(index), []).append(index)
    return sorted(groups.values(), key=lambda group: group[0])
