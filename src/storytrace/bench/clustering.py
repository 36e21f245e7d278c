"""Scores of a grouping against gold labels: B-cubed precision, recall, F1 and ARI.

Both groupings are given as one label per item, in the same item order; the
label values themselves do not matter, only which items share one.

B-cubed (Bagga and Baldwin, 1998) averages over items: an item's precision is
the share of its predicted cluster that shares its gold label, its recall the
share of its gold cluster that shares its predicted label. The adjusted Rand
index (Hubert and Arabie, 1985) counts agreeing pairs, corrected for chance.

>>> score = score_clustering(["a", "a", "b"], ["x", "x", "x"])
>>> round(score.precision, 3), score.recall, round(score.f1, 3)
(0.556, 1.0, 0.714)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from math import comb


@dataclass(frozen=True, slots=True)
class ClusteringScore:
    """How close a grouping is to the gold one."""

    precision: float
    recall: float
    f1: float
    ari: float
    items: int
    predicted_clusters: int
    gold_clusters: int


def _check_lengths(gold: Sequence[Hashable], predicted: Sequence[Hashable]) -> None:
    if len(gold) != len(predicted):
        raise ValueError(
            f"gold has {len(gold)} labels and predicted {len(predicted)}: give one label "
            "per item to both, in the same item order"
        )


def bcubed(gold: Sequence[Hashable], predicted: Sequence[Hashable]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of ``predicted`` against ``gold``.

    >>> bcubed([1, 1, 2, 2], [7, 7, 8, 8])
    (1.0, 1.0, 1.0)
    """
    _check_lengths(gold, predicted)
    if len(gold) == 0:
        return 1.0, 1.0, 1.0
    joint = Counter(zip(gold, predicted, strict=True))
    gold_sizes = Counter(gold)
    predicted_sizes = Counter(predicted)
    # Every item of a (gold, predicted) cell has the same per-item scores.
    precision = sum(n * n / predicted_sizes[p] for (_, p), n in joint.items()) / len(gold)
    recall = sum(n * n / gold_sizes[g] for (g, _), n in joint.items()) / len(gold)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def adjusted_rand_index(gold: Sequence[Hashable], predicted: Sequence[Hashable]) -> float:
    """The adjusted Rand index: 1 for identical groupings, about 0 for chance.

    >>> adjusted_rand_index([1, 1, 2, 2], [5, 5, 6, 6])
    1.0
    """
    _check_lengths(gold, predicted)
    pairs_total = comb(len(gold), 2)
    if pairs_total == 0:
        return 1.0
    pairs_joint = sum(comb(n, 2) for n in Counter(zip(gold, predicted, strict=True)).values())
    pairs_gold = sum(comb(n, 2) for n in Counter(gold).values())
    pairs_predicted = sum(comb(n, 2) for n in Counter(predicted).values())
    expected = pairs_gold * pairs_predicted / pairs_total
    maximum = (pairs_gold + pairs_predicted) / 2
    if maximum == expected:
        # Both groupings are all-singletons or one-cluster: the same pairs agree.
        return 1.0
    return (pairs_joint - expected) / (maximum - expected)


def score_clustering(gold: Sequence[Hashable], predicted: Sequence[Hashable]) -> ClusteringScore:
    """B-cubed and ARI in one record."""
    precision, recall, f1 = bcubed(gold, predicted)
    return ClusteringScore(
        precision=precision,
        recall=recall,
        f1=f1,
        ari=adjusted_rand_index(gold, predicted),
        items=len(gold),
        predicted_clusters=len(set(predicted)),
        gold_clusters=len(set(gold)),
    )
