"""How much each kind of direction evidence weighs: a logistic model fitted on benchmark data.

Every piece of evidence about which of two articles came first is a signed
feature, positive for the first article being the source (see
:mod:`storytrace.reuse.direction`):

- ``credit``: one credits the other's outlet in its own text (+1 / -1);
- ``translation_note``: one says it is translated from the other's language;
- ``time``: one was published before the other;
- ``credited_by_others``: how many other articles credit one of the two outlets
  (at most 2 each way);
- ``wire``: one is a news agency's and the other is not;
- ``lookalike``: one writes words with look-alike letters of another script;
- ``containment``: how much more of the second article the shared passages
  cover than of the first (the copy is contained in its source);
- ``witnesses``: how much more of what the second article shares with the rest
  of the story lies inside the pair (:mod:`storytrace.reuse.witnesses`).

The score is the weighted sum; the probability that the first article is the
source is the logistic function of it. The weights are fitted by regularised
logistic regression on the ``dev`` split of the generated reuse benchmark
(:func:`fit_direction_model`, run by ``storytrace bench reuse --fit``) and
shipped in ``data/direction_model.json``; figures are reported on ``test``.
``translation_note`` has no example in that corpus and weighs as much as
``credit``: both are the article saying where it comes from.
``credited_by_others`` and ``wire`` are weak on their own: evidence made only
of them decides nothing.

>>> model = DirectionModel((("credit", 2.0), ("time", 1.0)), decide_at=0.4)
>>> model.score({"credit": -1.0, "time": 1.0}), round(model.probability(1.0), 3)
(-1.0, 0.731)
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from math import exp

import numpy as np
from scipy.optimize import minimize

from storytrace.errors import ConfigurationError

FEATURES: tuple[str, ...] = (
    "credit",
    "translation_note",
    "time",
    "credited_by_others",
    "wire",
    "lookalike",
    "containment",
    "witnesses",
)
WEAK_FEATURES = frozenset({"credited_by_others", "wire"})
"""Evidence that is never enough alone: what third articles say, and being an agency."""
TIED = {"translation_note": "credit"}
"""Features without examples to fit on that weigh as much as another."""


@dataclass(frozen=True, slots=True)
class DirectionModel:
    """Weights of the direction features and the score from which a direction is decided."""

    weights: tuple[tuple[str, float], ...]
    decide_at: float = 0.4
    fitted_on: str = ""

    def __post_init__(self) -> None:
        unknown = sorted({name for name, _ in self.weights} - set(FEATURES))
        if unknown:
            raise ConfigurationError(
                f"direction model has unknown feature(s) {', '.join(unknown)}; the features "
                f"are {', '.join(FEATURES)}"
            )
        if self.decide_at < 0:
            raise ConfigurationError(f"decide_at={self.decide_at}: expected 0 or more")

    def weight(self, feature: str) -> float:
        return dict(self.weights).get(feature, 0.0)

    def score(self, features: Mapping[str, float]) -> float:
        """The weighted sum of the features (positive: the first article is the source)."""
        return round(sum(self.weight(name) * value for name, value in features.items()), 4)

    @staticmethod
    def probability(score: float) -> float:
        """The probability, by the fitted logistic model, that the scored side is the source."""
        return 1 / (1 + exp(-score))

    def to_json(self) -> str:
        data = {"fitted_on": self.fitted_on, "decide_at": self.decide_at,
                "weights": dict(self.weights)}  # fmt: skip
        return json.dumps(data, indent=1) + "\n"

    @classmethod
    def from_json(cls, text: str) -> DirectionModel:
        data = json.loads(text)
        return cls(tuple((k, float(v)) for k, v in data["weights"].items()),
                   float(data["decide_at"]), str(data.get("fitted_on", "")))  # fmt: skip

    @classmethod
    def packaged(cls) -> DirectionModel:
        """The model shipped with storytrace (fitted on the benchmark's dev split)."""
        return _packaged()


@cache
def _packaged() -> DirectionModel:
    path = resources.files("storytrace.reuse").joinpath("data/direction_model.json")
    return DirectionModel.from_json(path.read_text(encoding="utf-8"))


def fit_direction_model(
    samples: Sequence[tuple[Mapping[str, float], bool]],
    *,
    regularisation: float = 0.5,
    decide_at: float = 0.4,
    fitted_on: str = "",
) -> DirectionModel:
    """Fit the weights by L2-regularised logistic regression without intercept.

    Each sample is the features of one pair (oriented first, second) and whether
    the first article is the source. No intercept: the order of a pair says nothing.
    """
    if not samples:
        raise ConfigurationError("fit_direction_model needs at least one sample")
    free = [name for name in FEATURES if name not in TIED]
    matrix = np.array(
        [[features.get(name, 0.0) + sum(features.get(t, 0.0) for t, s in TIED.items() if s == name)
          for name in free] for features, _ in samples], dtype=float,
    )  # fmt: skip
    labels = np.array([1.0 if first else 0.0 for _, first in samples])

    def loss(weights: np.ndarray) -> float:
        scores = matrix @ weights
        # log(1 + exp(-y s)) with y in {-1, 1}, written to stay finite.
        signed = np.where(labels > 0, scores, -scores)
        return float(np.sum(np.logaddexp(0.0, -signed)) + regularisation * weights @ weights)

    fitted = minimize(loss, np.zeros(len(free)), method="L-BFGS-B").x
    weights = {name: round(float(w), 3) for name, w in zip(free, fitted, strict=True)}
    weights.update({tied: weights[same] for tied, same in TIED.items()})
    return DirectionModel(tuple((name, weights[name]) for name in FEATURES), decide_at, fitted_on)
