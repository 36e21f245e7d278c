"""Confidence that means something: evidence scores mapped to how often edges are right.

A derivation edge's raw score adds up its evidence (a credit 3, publication
times 2, containment 1, ...). The score orders edges well but is not a
probability. :class:`Calibration` maps it to one: the share of edges with
that score that were right on the development split of the reuse benchmark,
fitted by isotonic regression (``scipy.optimize.isotonic_regression``: the
mapping only ever rises with the score) and read off by linear
interpolation between the fitted points. ``docs/reuse.md`` has the
reliability table measured on the test split; the packaged table is
``data/edge_confidence.json``, written by ``storytrace bench reuse --calibrate``.

>>> calibration = fit_calibration([1.0, 1.0, 2.0, 2.0, 5.0, 5.0], [False, True, True, True,
...                                                              True, True])
>>> calibration.confidence(1.0), calibration.confidence(5.0), calibration.confidence(0.0)
(0.5, 0.8333, 0.5)
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np
from scipy.optimize import isotonic_regression

from storytrace.errors import ConfigurationError

_SMOOTHING = 1.0
"""Pseudo-counts towards 1/2 for each fitted point, so that a score seen a few times
right is not reported as certain."""


@dataclass(frozen=True, slots=True)
class Calibration:
    """Fitted points ``(score, probability)``, scores rising; see the module docstring."""

    scores: tuple[float, ...]
    probabilities: tuple[float, ...]
    edges: int = 0

    def __post_init__(self) -> None:
        if not self.scores or len(self.scores) != len(self.probabilities):
            raise ConfigurationError(
                "a calibration needs as many probabilities as scores, and at least one; "
                "refit it with `storytrace bench reuse --calibrate`"
            )

    def confidence(self, score: float) -> float:
        """The probability that an edge with this raw score is right (4 decimals)."""
        value = float(np.interp(score, self.scores, self.probabilities))
        return round(value, 4)

    def to_json(self) -> str:
        points = [[s, p] for s, p in zip(self.scores, self.probabilities, strict=True)]
        return json.dumps({"edges": self.edges, "points": points}, indent=1) + "\n"


def fit_calibration(scores: Sequence[float], correct: Sequence[bool]) -> Calibration:
    """Fit the mapping from raw scores to the share of right edges (isotonic regression)."""
    if len(scores) != len(correct) or not scores:
        raise ConfigurationError(
            f"fit_calibration got {len(scores)} scores and {len(correct)} outcomes; "
            "give one outcome per score, at least one"
        )
    levels = sorted(set(round(float(s), 4) for s in scores))
    totals = {level: [0.0, 0.0] for level in levels}
    for score, right in zip(scores, correct, strict=True):
        bucket = totals[round(float(score), 4)]
        bucket[0] += float(right)
        bucket[1] += 1.0
    rates = [(totals[x][0] + _SMOOTHING / 2) / (totals[x][1] + _SMOOTHING) for x in levels]
    weights = [totals[x][1] for x in levels]
    fitted = isotonic_regression(rates, weights=weights, increasing=True).x
    return Calibration(tuple(levels), tuple(round(float(p), 4) for p in fitted), edges=len(scores))


@cache
def packaged_calibration() -> Calibration:
    """The calibration shipped with storytrace (fitted on the benchmark's dev split)."""
    text = (
        resources.files("storytrace.reuse")
        .joinpath("data/edge_confidence.json")
        .read_text(encoding="utf-8")
    )
    data = json.loads(text)
    points = data["points"]
    return Calibration(
        tuple(float(s) for s, _ in points), tuple(float(p) for _, p in points), data["edges"]
    )
