"""Average link over a sparse graph: threshold, size-fair link, starting groups, edge order."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storytrace.stories.clustering import average_link


def test_clustering_stops_at_threshold() -> None:
    edges = [(0, 1, 0.9), (1, 2, 0.3), (3, 4, 0.5)]
    assert average_link(5, edges, threshold=0.4, neighbours=4) == [[0, 1], [2], [3, 4]]
    assert average_link(5, edges, threshold=0.1, neighbours=4) == [[0, 1, 2], [3, 4]]


def test_clustering_lone_article_needs_most_of_its_neighbours_in_a_group() -> None:
    # A clique of five, and an article with one weak edge into it.
    clique = [(a, b, 0.8) for a in range(5) for b in range(a + 1, 5)]
    grouped = average_link(6, [*clique, (0, 5, 0.3)], threshold=0.1, neighbours=4)
    assert grouped == [[0, 1, 2, 3, 4], [5]]
    attached = [(a, 5, 0.3) for a in range(4)]
    assert average_link(6, clique + attached, threshold=0.1, neighbours=4) == [list(range(6))]


def test_clustering_large_story_with_sparse_edges_stays_whole() -> None:
    # A chain-of-cliques story of 60 articles where each links only to a few others.
    edges = [(a, b, 0.6) for a in range(60) for b in range(a + 1, min(a + 4, 60))]
    assert average_link(60, edges, threshold=0.1, neighbours=4) == [list(range(60))]


def test_clustering_groups_start_together_and_may_grow() -> None:
    clusters = average_link(5, [(2, 3, 0.9), (3, 4, 0.9)], threshold=0.4, neighbours=4,
                            groups=[[0, 1], [2, 3]])  # fmt: skip
    assert clusters == [[0, 1], [2, 3, 4]]
    overlapping = average_link(4, [], threshold=0.5, neighbours=4, groups=[[0, 1], [1, 2]])
    assert overlapping == [[0, 1, 2], [3]]


def test_clustering_refuses_bad_arguments() -> None:
    with pytest.raises(ValueError, match="neighbours"):
        average_link(2, [], threshold=0.1, neighbours=0)


@given(
    st.lists(
        st.tuples(st.integers(0, 11), st.integers(0, 11), st.floats(0.01, 1.0)),
        max_size=40,
    ),
    st.integers(0, 1000),
)
def test_clustering_is_a_partition_independent_of_edge_order(
    raw: list[tuple[int, int, float]], seed: int
) -> None:
    edges = [(a, b, round(w, 3)) for a, b, w in raw if a != b]
    shuffled = edges[:]
    random.Random(seed).shuffle(shuffled)
    first = average_link(12, edges, threshold=0.2, neighbours=3)
    assert sorted(node for cluster in first for node in cluster) == list(range(12))
    # Edges given the other way round and in another order make the same clusters.
    flipped = [(b, a, w) for a, b, w in shuffled]
    assert average_link(12, flipped, threshold=0.2, neighbours=3) == first
