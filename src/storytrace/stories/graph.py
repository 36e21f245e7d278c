"""The story graph: each article linked to its few most similar candidates.

An edge needs a similarity of at least ``min_similarity`` and must be one of
the ``neighbours`` best of either of its articles. Near-duplicates get no
special pass: articles written from one template about different events (a
results table, an earnings note) share most shingles yet are not one story,
and true copies are each other's nearest neighbours anyway. Keeping few
neighbours is what separates two events of one kind: an article's nearest
neighbours almost always report its own event.

>>> edges = select_edges(
...     np.array([0, 0]), np.array([1, 2]), np.array([0.9, 0.1]),
...     neighbours=1, min_similarity=0.2,
... )
>>> [(e.left, e.right) for e in edges]
[(0, 1)]
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt


@dataclass(frozen=True, slots=True)
class Edge:
    """Two article positions and the similarity linking them (``left < right``)."""

    left: int
    right: int
    similarity: float


def copy_families(
    size: int,
    left: npt.NDArray[np.int64],
    right: npt.NDArray[np.int64],
    similarity: npt.NDArray[np.float64],
    threshold: float,
) -> npt.NDArray[np.int64]:
    """A family label per article: articles linked by pairs at least ``threshold`` similar
    (copies of one text, directly or through other copies) share a label.

    >>> copy_families(3, np.array([0]), np.array([2]), np.array([0.9]), 0.8).tolist()
    [0, 1, 0]
    """
    parent = np.arange(size, dtype=np.int64)

    def find(node: int) -> int:
        root = node
        while parent[root] != root:
            root = int(parent[root])
        while parent[node] != root:
            parent[node], node = root, int(parent[node])
        return root

    close = similarity >= threshold
    for a, b in zip(left[close].tolist(), right[close].tolist(), strict=True):
        root_a, root_b = find(a), find(b)
        if root_a != root_b:
            parent[max(root_a, root_b)] = min(root_a, root_b)
    roots = np.array([find(node) for node in range(size)], dtype=np.int64)
    return np.unique(roots, return_inverse=True)[1].astype(np.int64)


def families_of(labels: npt.NDArray[np.int64]) -> list[list[int]]:
    """The families with more than one article, as lists of article positions."""
    order = np.argsort(labels, kind="stable")
    cuts = np.flatnonzero(np.diff(labels[order])) + 1
    return [part.tolist() for part in np.split(order, cuts) if len(part) > 1]


def select_edges(
    left: npt.NDArray[np.int64],
    right: npt.NDArray[np.int64],
    similarity: npt.NDArray[np.float64],
    *,
    neighbours: int,
    min_similarity: float,
    family: npt.NDArray[np.int64] | None = None,
) -> list[Edge]:
    """The kNN edges (union over both ends) above the similarity floor.

    With ``family`` labels, pairs inside one copy family are left out (the
    family is grouped anyway) so that neighbours are found outside it.
    """
    strong = similarity >= min_similarity
    if family is not None:
        strong &= family[left] != family[right]
    left, right = left[strong], right[strong]
    similarity = similarity[strong]
    ends = np.concatenate([left, right])
    pair = np.concatenate([np.arange(len(left)), np.arange(len(left))])
    scores = np.concatenate([similarity, similarity])
    order = np.lexsort((pair, -scores, ends))
    ends_sorted = ends[order]
    starts = np.r_[0, np.flatnonzero(np.diff(ends_sorted)) + 1]
    rank = np.arange(len(ends_sorted)) - np.repeat(starts, np.diff(np.r_[starts, len(ends_sorted)]))
    keep = np.zeros(len(left), dtype=bool)
    keep[pair[order][rank < neighbours]] = True
    return [
        Edge(int(a), int(b), float(s))
        for a, b, s in zip(left[keep], right[keep], similarity[keep], strict=True)
    ]
