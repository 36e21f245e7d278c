"""How much each piece of provenance evidence weighs: logistic models fitted on benchmark data.

Two questions get a model each, with the same form (a weighted sum of signed
features, turned into a probability by the logistic function):

**Which of two articles is the source** (:data:`DIRECTION_FEATURES`, signed
positive for the first article being the source; no intercept, since the order
of a pair says nothing; see :mod:`storytrace.reuse.direction`):

- ``credit``: one credits the other's outlet in its own text (+1 / -1);
- ``mention``: one names the other's outlet in its text without a credit cue
  that storytrace reads ("..., the Harbour Times wrote in its Tuesday edition");
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

``translation_note`` has no example in the benchmark and weighs as much as
``credit``: both are the article saying where it comes from.
``credited_by_others`` and ``wire`` are weak on their own: evidence made only
of them decides nothing.

**Whether a derivation edge is right** (:data:`EDGE_FEATURES`, with an
intercept; see :mod:`storytrace.reuse.chains`): ``credited`` (the copy credits
its parent), ``coverage`` (the part of the copy's copied text that the parent
explains), ``rivals`` (other candidate parents), ``missing_origin`` (the story
cites an origin missing from the corpus, so two copies may be siblings),
``direction`` (the direction model's probability, 0.5 for a chained order) and
``chained`` (the order rests on a chain). Its probability is the edge's
confidence, and edges below ``decide_at`` are not drawn.

Both are fitted by L2-regularised logistic regression on the ``dev`` split of
the generated reuse benchmark (:func:`fit_model`, run by ``storytrace bench
reuse --fit``) and shipped in ``data/``; figures are reported on ``test``.

>>> model = EvidenceModel((("credit", 2.0), ("time", 1.0)), decide_at=0.4)
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

DIRECTION_FEATURES: tuple[str, ...] = (
    "credit",
    "mention",
    "translation_note",
    "time",
    "credited_by_others",
    "wire",
    "lookalike",
    "containment",
    "witnesses",
)
EDGE_FEATURES: tuple[str, ...] = (
    "credited",
    "coverage",
    "rivals",
    "missing_origin",
    "direction",
    "chained",
)
WEAK_FEATURES = frozenset({"credited_by_others", "wire"})
"""Direction evidence that is never enough alone: what third articles say, being an agency."""
TIED = {"translation_note": "credit"}
"""Features without examples to fit on that weigh as much as another."""


@dataclass(frozen=True, slots=True)
class EvidenceModel:
    """Weights of features, an intercept, and the probability from which to decide."""

    weights: tuple[tuple[str, float], ...]
    intercept: float = 0.0
    decide_at: float = 0.5
    fitted_on: str = ""

    def __post_init__(self) -> None:
        known = set(DIRECTION_FEATURES) | set(EDGE_FEATURES)
        unknown = sorted({name for name, _ in self.weights} - known)
        if unknown:
            raise ConfigurationError(
                f"evidence model has unknown feature(s) {', '.join(unknown)}; the features "
                f"are {', '.join(sorted(known))}"
            )
        if not 0 <= self.decide_at <= 1:
            raise ConfigurationError(f"decide_at={self.decide_at}: expected a probability")

    def weight(self, feature: str) -> float:
        return dict(self.weights).get(feature, 0.0)

    def score(self, features: Mapping[str, float]) -> float:
        """The intercept plus the weighted sum of the features."""
        total = self.intercept + sum(self.weight(k) * v for k, v in features.items())
        return round(total, 4)

    @staticmethod
    def probability(score: float) -> float:
        """The logistic function of a score."""
        return 1 / (1 + exp(-score))

    def to_json(self) -> str:
        data = {"fitted_on": self.fitted_on, "decide_at": self.decide_at,
                "intercept": self.intercept, "weights": dict(self.weights)}  # fmt: skip
        return json.dumps(data, indent=1) + "\n"

    @classmethod
    def from_json(cls, text: str) -> EvidenceModel:
        data = json.loads(text)
        return cls(tuple((k, float(v)) for k, v in data["weights"].items()),
                   float(data.get("intercept", 0.0)), float(data["decide_at"]),
                   str(data.get("fitted_on", "")))  # fmt: skip


@cache
def packaged_model(name: str) -> EvidenceModel:
    """The packaged ``direction`` or ``edge`` model (fitted on the benchmark's dev split)."""
    if name not in ("direction", "edge"):
        raise ConfigurationError(f"no packaged model {name!r}; expected 'direction' or 'edge'")
    path = resources.files("storytrace.reuse").joinpath(f"data/{name}_model.json")
    return EvidenceModel.from_json(path.read_text(encoding="utf-8"))


def fit_model(
    samples: Sequence[tuple[Mapping[str, float], bool]],
    features: Sequence[str],
    *,
    intercept: bool,
    regularisation: float = 0.5,
    decide_at: float = 0.5,
    fitted_on: str = "",
) -> EvidenceModel:
    """Fit weights (and an intercept) by L2-regularised logistic regression.

    Each sample is the features of one case and its outcome. Features in
    :data:`TIED` are added to the one they weigh as.
    """
    if not samples:
        raise ConfigurationError("fit_model needs at least one sample")
    free = [name for name in features if name not in TIED]
    rows = [
        [f.get(name, 0.0) + sum(f.get(t, 0.0) for t, s in TIED.items() if s == name)
         for name in free] + ([1.0] if intercept else [])
        for f, _ in samples
    ]  # fmt: skip
    matrix = np.array(rows, dtype=float)
    signs = np.array([1.0 if outcome else -1.0 for _, outcome in samples])
    penalised = np.ones(matrix.shape[1])
    if intercept:
        penalised[-1] = 0.0

    def loss(weights: np.ndarray) -> float:
        scores = signs * (matrix @ weights)
        return float(np.sum(np.logaddexp(0.0, -scores)) + regularisation * np.sum(
            penalised * weights**2))  # fmt: skip

    fitted = minimize(loss, np.zeros(matrix.shape[1]), method="L-BFGS-B").x
    weights = {name: round(float(w), 3) for name, w in zip(free, fitted, strict=False)}
    weights.update({t: weights[s] for t, s in TIED.items() if t in features})
    return EvidenceModel(
        tuple((name, weights[name]) for name in features),
        round(float(fitted[-1]), 3) if intercept else 0.0,
        decide_at,
        fitted_on,
    )
