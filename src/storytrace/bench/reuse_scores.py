"""Scoring a method's answers on the reuse corpus: relations, derivation edges, directions.

Every method (storytrace and the baselines) answers as a
:class:`~storytrace.bench.reuse_baselines.StoryPrediction`; its answers are
turned into one :class:`PairRecord` per evaluated pair and one
:class:`EdgeRecord` per derivation edge it drew, and the records into a
:class:`MethodScore`. The records are kept so that a calibration of edge
confidence can be fitted on the dev split (:func:`reliability`).

>>> bins = reliability([EdgeRecord("s", "a", "b", 0.95, True, True),
...                     EdgeRecord("s", "a", "c", 0.92, False, True)])
>>> [(b.low, b.edges, b.correct) for b in bins if b.edges]
[(0.9, 2, 0.5)]
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from storytrace.bench.reuse_baselines import StoryPrediction
from storytrace.bench.reuse_corpus import Derivation, GoldStory, Link
from storytrace.bench.reuse_dates import compare_shown
from storytrace.models import ReuseRelation

RELATIONS: tuple[ReuseRelation, ...] = ("copy", "rewrite", "shares_quotes", "independent")
Evidence = Literal["dates: child later", "dates: child earlier", "credit of the parent", "neither"]
EVIDENCE: tuple[Evidence, ...] = (
    "dates: child later",
    "dates: child earlier",
    "credit of the parent",
    "neither",
)
"""What a gold derivation offers to tell its direction: both dates shown and different (the
child's later, or earlier than its parent's), a credit of the parent in the child, or
neither of these."""
Direction = Literal["right", "reversed", "undecided"]
RELIABILITY_BOUNDS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)


@dataclass(frozen=True, slots=True)
class PairRecord:
    """One evaluated pair: the gold and what the method said.

    ``found`` is whether the method reported the pair as sharing text at all;
    ``direction`` and ``evidence`` are given for gold derivations only.
    """

    story_id: str
    source_id: str
    target_id: str
    link: Link
    operation: str
    gold: ReuseRelation
    predicted: ReuseRelation
    found: bool
    direction: Direction | None = None
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class EdgeRecord:
    """One derivation edge a method drew, its confidence, and whether it is right: its
    source is the target's gold parent (``parent``) or one of its gold ancestors."""

    story_id: str
    source_id: str
    target_id: str
    confidence: float | None
    parent: bool
    ancestor: bool


@dataclass(frozen=True, slots=True)
class Rate:
    """``right`` of ``total``, with the share."""

    name: str
    right: int
    total: int

    @property
    def share(self) -> float | None:
        return self.right / self.total if self.total else None


@dataclass(frozen=True, slots=True)
class MethodScore:
    """The relation, edge and direction figures of one method on one split."""

    name: str
    relations: Rate
    relation_recall: tuple[Rate, ...]
    confusion: tuple[tuple[ReuseRelation, tuple[int, ...]], ...]
    edge_precision: Rate
    edge_ancestor_precision: Rate
    edge_recall: tuple[Rate, ...]
    found: Rate
    directions: tuple[Rate, ...]
    direction_all: Rate
    draws_edges: bool
    directs: bool


@dataclass(frozen=True, slots=True)
class ReliabilityBin:
    """Edges whose confidence is in ``[low, high)``: how many, their mean confidence, and
    the share whose source is the gold parent."""

    low: float
    high: float
    edges: int
    mean_confidence: float
    correct: float


def derivation_evidence(story: GoldStory, derivation: Derivation) -> tuple[Evidence, ...]:
    """What the pair offers to tell its direction (see :data:`EVIDENCE`)."""
    parent, child = story.article(derivation.parent_id), story.article(derivation.child_id)
    found: list[Evidence] = []
    order = compare_shown(parent.published, child.published)
    if order == -1:
        found.append("dates: child later")
    elif order == 1:
        found.append("dates: child earlier")
    if story.outlet(parent.id).name in derivation.credited:
        found.append("credit of the parent")
    return tuple(found) or ("neither",)


def _ancestors(story: GoldStory) -> dict[str, set[str]]:
    parent = {d.child_id: d.parent_id for d in story.derivations}
    result: dict[str, set[str]] = {}
    for child in parent:
        seen: set[str] = set()
        node = child
        while node in parent:
            node = parent[node]
            seen.add(node)
        result[child] = seen
    return result


def story_records(
    story: GoldStory, prediction: StoryPrediction
) -> tuple[list[PairRecord], list[EdgeRecord]]:
    """The pair and edge records of one story for one method."""
    derivations = {(d.parent_id, d.child_id): d for d in story.derivations}
    pairs: list[PairRecord] = []
    for pair in story.pairs:
        key = frozenset((pair.source_id, pair.target_id))
        predicted = prediction.relations.get(key, "independent")
        direction: Direction | None = None
        evidence: tuple[Evidence, ...] = ()
        derivation = derivations.get((pair.source_id, pair.target_id))
        if pair.link == "derivation" and derivation is not None:
            evidence = derivation_evidence(story, derivation)
            direction = (
                "right"
                if (pair.source_id, pair.target_id) in prediction.directions
                else "reversed"
                if (pair.target_id, pair.source_id) in prediction.directions
                else "undecided"
            )
        pairs.append(
            PairRecord(
                story.id,
                pair.source_id,
                pair.target_id,
                pair.link,
                pair.operation,
                pair.relation,
                predicted,
                key in prediction.relations,
                direction,
                evidence,
            )
        )
    parent_of = {d.child_id: d.parent_id for d in story.derivations}
    ancestors = _ancestors(story)
    edges = [
        EdgeRecord(
            story.id,
            source,
            target,
            confidence,
            parent_of.get(target) == source,
            source in ancestors.get(target, set()),
        )
        for source, target, confidence in prediction.edges
    ]
    return pairs, edges


def _rate(name: str, flags: Sequence[bool]) -> Rate:
    return Rate(name, sum(flags), len(flags))


def score_method(
    name: str,
    pairs: Sequence[PairRecord],
    edges: Sequence[EdgeRecord],
    *,
    draws_edges: bool = True,
    directs: bool = True,
) -> MethodScore:
    """The figures of one method from its records."""
    confusion = Counter((p.gold, p.predicted) for p in pairs)
    derivations = [p for p in pairs if p.link == "derivation"]
    found = [p for p in derivations if p.found]
    directions = [_rate("all", [p.direction == "right" for p in found])]
    for evidence in EVIDENCE:
        directions.append(
            _rate(evidence, [p.direction == "right" for p in found if evidence in p.evidence])
        )
    edge_keys = {(e.story_id, e.source_id, e.target_id) for e in edges}
    recall = [
        _rate("all", [(p.story_id, p.source_id, p.target_id) in edge_keys for p in derivations])
    ]
    for relation in ("copy", "rewrite"):
        recall.append(
            _rate(
                relation,
                [
                    (p.story_id, p.source_id, p.target_id) in edge_keys
                    for p in derivations
                    if p.gold == relation
                ],
            )
        )
    return MethodScore(
        name=name,
        relations=_rate("all", [p.gold == p.predicted for p in pairs]),
        relation_recall=tuple(
            _rate(r, [p.predicted == r for p in pairs if p.gold == r]) for r in RELATIONS
        ),
        confusion=tuple((g, tuple(confusion[(g, p)] for p in RELATIONS)) for g in RELATIONS),
        edge_precision=_rate("parent", [e.parent for e in edges]),
        edge_ancestor_precision=_rate("ancestor", [e.ancestor for e in edges]),
        edge_recall=tuple(recall),
        found=_rate("found", [p.found for p in derivations]),
        directions=tuple(directions),
        direction_all=_rate("all derivations", [p.direction == "right" for p in derivations]),
        draws_edges=draws_edges,
        directs=directs,
    )


def reliability(
    edges: Sequence[EdgeRecord], bounds: Sequence[float] = RELIABILITY_BOUNDS
) -> tuple[ReliabilityBin, ...]:
    """Edges binned by confidence (the last bin includes 1.0), with the share right in each."""
    bins: list[ReliabilityBin] = []
    for index, (low, high) in enumerate(itertools.pairwise(bounds)):
        last = index == len(bounds) - 2
        inside = [
            e
            for e in edges
            if e.confidence is not None
            and low <= e.confidence
            and (e.confidence < high or (last and e.confidence <= high))
        ]
        mean = sum(e.confidence or 0.0 for e in inside) / len(inside) if inside else 0.0
        right = sum(e.parent for e in inside) / len(inside) if inside else 0.0
        bins.append(ReliabilityBin(low, high, len(inside), round(mean, 4), round(right, 4)))
    return tuple(bins)


def expected_calibration_error(bins: Sequence[ReliabilityBin]) -> float:
    """The mean gap between confidence and share right, weighted by the edges in each bin."""
    total = sum(b.edges for b in bins)
    if not total:
        return 0.0
    return round(sum(b.edges * abs(b.mean_confidence - b.correct) for b in bins) / total, 4)
