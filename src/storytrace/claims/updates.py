"""Figures revised over time: a later report that updates a figure is not a contradiction.

A unit that says a figure changed ("revised its estimate ... to about 410
tonnes, up from 380 tonnes on Friday") carries a *current* and a *previous*
figure for the same thing. Every earlier mention of the previous figure (in
another article, sharing content words with the revising sentence) becomes
the earlier side of an :class:`~storytrace.claims.records.Update`, and
conflicts with the current figure are not reported as discrepancies.

>>> from storytrace.claims.quantities import Quantity
>>> from storytrace.claims.discrepancies import Finding, SlotValue
>>> from storytrace.models import Mention
>>> later = Quantity(0, 9, "about 410", 389.5, 430.5, "tonne", "current")
>>> mention = Mention("a", 0, 9)
>>> value = SlotValue("number", "tonne", (389.5, 430.5), "about 410", mention, payload=later)
>>> is_revision(value, value)
True
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from storytrace.claims.discrepancies import Finding, SlotValue
from storytrace.claims.quantities import Quantity
from storytrace.claims.records import Update
from storytrace.claims.slots import UnitSlots
from storytrace.models import Mention


def is_revision(first: SlotValue, second: SlotValue) -> bool:
    """Whether a conflict between two values involves a figure stated as a revision."""
    return any(
        isinstance(value.payload, Quantity) and value.payload.role == "current"
        for value in (first, second)
    )


def _mention(slots: UnitSlots, quantity: Quantity) -> Mention:
    return Mention(slots.unit.article_id, quantity.start, quantity.end, slots.unit.field)


def find_updates(
    slots: Sequence[UnitSlots],
    claim_of: Mapping[int, str],
    published: Mapping[str, str | None],
) -> tuple[Update, ...]:
    """Revisions stated in the story, each with the earlier mentions it revises."""
    updates: list[Update] = []
    for index, later in enumerate(slots):
        previous = [q for q in later.quantities if q.role == "previous" and q.key]
        current = [q for q in later.quantities if q.role == "current" and q.key]
        for old in previous:
            new = next((q for q in current if q.key == old.key and q.middle != old.middle), None)
            if new is None:
                continue
            when = published.get(later.unit.article_id)
            earlier: list[Mention] = []
            for other in slots:
                if other.unit.article_id == later.unit.article_id:
                    continue
                other_when = published.get(other.unit.article_id)
                if when and other_when and other_when > when:
                    continue
                if len(other.words & later.words) < 2:
                    continue
                earlier += [
                    _mention(other, q)
                    for q in other.quantities
                    if q.key == old.key and q.role == "value" and q.agrees_with(old)
                    and abs(q.middle - old.middle) < abs(q.middle - new.middle)
                ]  # fmt: skip
            if not earlier:
                continue
            updates.append(
                Update(
                    id=f"update-{len(updates) + 1}",
                    kind="number",
                    claim_id=claim_of.get(index),
                    summary=(
                        f"{old.key} revised from {old.text!r} to {new.text!r} in a later report"
                    ),
                    earlier=tuple(earlier),
                    later=(_mention(later, new),),
                    earlier_value=old.text,
                    later_value=new.text,
                )
            )
    return tuple(updates)


_DURATIONS = frozenset({"minute", "hour", "day", "week", "month", "year"})


def duration_update(
    finding: Finding, claim_id: str | None, published: Mapping[str, str | None], number: int
) -> Update | None:
    """A duration that grows between reports published at different times is an update."""
    if finding.kind != "number" or finding.facet not in _DURATIONS or len(finding.variants) != 2:
        return None
    times = [[published.get(m.article_id) for m in v.mentions] for v in finding.variants]
    dated = [[str(t) for t in variant if t] for variant in times]
    if not all(dated):
        return None
    spans = [(min(v), max(v)) for v in dated]
    order = sorted(range(2), key=lambda k: spans[k][0])
    earlier, later = (finding.variants[k] for k in order)
    if spans[order[0]][1] >= spans[order[1]][0]:
        return None
    return Update(
        id=f"update-{number}",
        kind="number",
        claim_id=claim_id,
        summary=(
            f"{finding.facet}s given as {earlier.value!r}, then {later.value!r} in a later report"
        ),
        earlier=earlier.mentions,
        later=later.mentions,
        earlier_value=earlier.value,
        later_value=later.value,
    )
