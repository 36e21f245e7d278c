"""How sure a derivation edge is: its features, and the edge model's probability.

A parent chosen by :mod:`storytrace.reuse.chains` can still be wrong: a sibling
of the copy (both reprinted an origin the corpus lacks), its grandparent, or
the wrong way round. The edge model
(:func:`storytrace.reuse.evidence_model.packaged_model` ``("edge")``), fitted on
the benchmark's dev split, turns what is known about the edge into the
probability that the parent is right, and edges below its ``decide_at`` are not
drawn (the two articles stay in one lineage through their copy relation).

>>> from storytrace.models import Passage, Reuse, Span
>>> copied = (Passage(Span(0, 400), Span(0, 400), "verbatim", 1.0),)
>>> reuses = {frozenset(("a", "b")): Reuse("a", "b", copied, 400, 1.0, 0.8, "copy")}
>>> features = edge_features("a", "b", reuses, credited=True, rivals=0, missing_origin=False,
...                          direction=0.9, chained=False)
>>> features["coverage"], features["credited"]
(1.0, 1.0)
"""

from __future__ import annotations

from collections.abc import Mapping

from storytrace.models import Reuse
from storytrace.reuse.relation import DERIVATIONS
from storytrace.reuse.shares import copied_spans, merged_spans, overlap_chars


def edge_features(
    source: str,
    target: str,
    reuses: Mapping[frozenset[str], Reuse],
    *,
    credited: bool,
    rivals: int,
    missing_origin: bool,
    direction: float,
    chained: bool,
) -> dict[str, float]:
    """The features of the edge ``source`` to ``target`` (see ``EDGE_FEATURES``).

    ``coverage`` is the part of the text ``target`` shares with any article of
    the story (by a copy or rewrite relation) that it shares with ``source``.
    """
    copied = merged_spans(
        span for pair, reuse in reuses.items() if target in pair and reuse.relation in DERIVATIONS
        for span in copied_spans(reuse, target)
    )  # fmt: skip
    parent = copied_spans(reuses[frozenset((source, target))], target)
    inside = overlap_chars(copied, parent)
    total = sum(span.length for span in copied)
    return {
        "credited": float(credited),
        "coverage": round(inside / total, 4) if total else 0.0,
        "rivals": float(min(rivals, 3)),
        "missing_origin": float(missing_origin),
        "direction": round(direction, 4),
        "chained": float(chained),
    }
