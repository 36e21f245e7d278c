"""B-cubed and ARI: known values, and invariants that hold for any labelling."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storytrace.bench.clustering import adjusted_rand_index, bcubed, score_clustering

labels = st.lists(st.integers(0, 4), min_size=1, max_size=30)


@pytest.mark.parametrize(
    ("gold", "predicted", "ari"),
    [
        ([0, 0, 1, 1], [1, 1, 0, 0], 1.0),
        ([0, 0, 1, 1], [0, 1, 0, 1], -0.5),
        ([0, 0, 1, 2], [0, 0, 1, 1], 0.5714285714285714),
        ([0, 0, 0, 0], [0, 1, 2, 3], 0.0),
        ([0, 1, 2], [0, 1, 2], 1.0),
    ],
)
def test_clustering_ari_known_values(gold: list[int], predicted: list[int], ari: float) -> None:
    assert adjusted_rand_index(gold, predicted) == pytest.approx(ari)


@pytest.mark.parametrize(
    ("gold", "predicted", "expected"),
    [
        ([1, 1, 2, 2], [1, 1, 2, 2], (1.0, 1.0, 1.0)),
        (["a", "a", "b"], ["x", "x", "x"], (5 / 9, 1.0, 2 * (5 / 9) / (5 / 9 + 1))),
        ([1, 2, 3], [1, 1, 1], (1 / 3, 1.0, 0.5)),
        ([1, 1, 1], [1, 2, 3], (1.0, 1 / 3, 0.5)),
    ],
)
def test_clustering_bcubed_known_values(
    gold: list[object], predicted: list[object], expected: tuple[float, float, float]
) -> None:
    assert bcubed(gold, predicted) == pytest.approx(expected)


def test_clustering_refuses_unequal_lengths() -> None:
    with pytest.raises(ValueError, match="one label per item"):
        score_clustering([1, 2], [1])


@given(labels, st.data())
def test_clustering_scores_are_bounded_and_symmetric(gold: list[int], data: st.DataObject) -> None:
    predicted = data.draw(st.lists(st.integers(0, 4), min_size=len(gold), max_size=len(gold)))
    precision, recall, f1 = bcubed(gold, predicted)
    assert 0 < precision <= 1 and 0 < recall <= 1 and 0 < f1 <= 1
    assert bcubed(predicted, gold) == pytest.approx((recall, precision, f1))
    assert adjusted_rand_index(gold, predicted) == pytest.approx(
        adjusted_rand_index(predicted, gold)
    )
    assert adjusted_rand_index(gold, predicted) <= 1 + 1e-9


@given(labels)
def test_clustering_renaming_labels_changes_nothing(gold: list[int]) -> None:
    renamed = [f"story-{label * 7}" for label in gold]
    assert score_clustering(gold, renamed).f1 == pytest.approx(1.0)
    assert score_clustering(gold, renamed).ari == pytest.approx(1.0)
