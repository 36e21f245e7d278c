"""Average-link clustering over a sparse graph, with no number of clusters given.

Groups start as single articles (or as given groups) and the two most strongly
linked groups merge until no link reaches the threshold. The link of groups
``A`` and ``B`` is the sum of their edge weights divided by the most edges a
``k``-nearest-neighbour graph can hold between them,
``min(|A|, |B|) * min(k, max(|A|, |B|))``: two articles linked by one edge
have the edge's weight as link, a lone article joins a group only if most of
its neighbours are in it, and a large story is not split for want of edges
between every pair of its articles (plain average link, which counts missing
edges as zeros, would split it). Missing edges count as zero.

Clustering can start from groups merged beforehand, which then go on like any
cluster: families of copies of one text (which would otherwise fill each
other's few neighbour slots), and the stories of an earlier run when articles
are added to it.

>>> average_link(3, [(0, 1, 0.9), (1, 2, 0.1)], threshold=0.5, neighbours=5)
[[0, 1], [2]]
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Sequence


def average_link(
    size: int,
    edges: Iterable[tuple[int, int, float]],
    *,
    threshold: float,
    neighbours: int,
    groups: Sequence[Sequence[int]] = (),
) -> list[list[int]]:
    """Clusters of the nodes ``0 .. size - 1``, each sorted, in order of their first node.

    ``groups`` are merged before clustering starts (groups that share a node
    become one).
    """
    if neighbours < 1:
        raise ValueError(f"neighbours={neighbours}: expected an integer >= 1")
    parent = list(range(size))
    members: dict[int, list[int]] = {node: [node] for node in range(size)}
    for group in groups:
        heads = sorted({parent[node] for node in group})
        for other in heads[1:]:
            for node in members[other]:
                parent[node] = heads[0]
            members[heads[0]].extend(members.pop(other))
    adjacency: dict[int, dict[int, float]] = {node: {} for node in members}
    for left, right, weight in edges:
        a, b = parent[left], parent[right]
        if a == b:
            continue
        adjacency[a][b] = adjacency[a].get(b, 0.0) + weight
        adjacency[b][a] = adjacency[b].get(a, 0.0) + weight

    def link(a: int, b: int) -> float:
        small, large = sorted((len(members[a]), len(members[b])))
        return adjacency[a][b] / (small * min(neighbours, large))

    version = dict.fromkeys(members, 0)
    heap = [(-link(a, b), a, b, 0, 0) for a in adjacency for b in adjacency[a] if a < b]
    heapq.heapify(heap)
    while heap:
        negative, a, b, version_a, version_b = heapq.heappop(heap)
        if -negative < threshold:
            break
        if version.get(a) != version_a or version.get(b) != version_b:
            continue
        # The smaller node id survives, so results do not depend on edge order.
        _merge(a, b, adjacency, members, version)
        for other in adjacency[a]:
            low, high = min(a, other), max(a, other)
            heapq.heappush(heap, (-link(low, high), low, high, version[low], version[high]))
    return sorted((sorted(nodes) for nodes in members.values()), key=lambda nodes: nodes[0])


def _merge(
    a: int,
    b: int,
    adjacency: dict[int, dict[int, float]],
    members: dict[int, list[int]],
    version: dict[int, int],
) -> None:
    """Fold cluster ``b`` into ``a``: members, edge weights and versions."""
    for other, weight in adjacency.pop(b).items():
        if other == a:
            continue
        adjacency[a][other] = adjacency[a].get(other, 0.0) + weight
        neighbour = adjacency[other]
        neighbour[a] = neighbour.get(a, 0.0) + neighbour.pop(b)
    adjacency[a].pop(b, None)
    members[a].extend(members.pop(b))
    del version[b]
    version[a] += 1
