"""Discrepancies: where the mentions of one claim, or a headline and its body, disagree.

Each unit's slots (:mod:`.slots`) are turned into *values*, one facet at a
time: figures by what they count, times by kind and zone, places by level
(facility or area), participants by type, polarity, and sources. Two
mentions conflict on a facet by *substitution*: each states a value that
nothing on the other side agrees with. A mere omission ("British and US"
against "British, French and US") or a restatement in other words ("US"
and "American", "French, British" and "British, French") is no conflict.
Participants named outside a list, polarity and missing lists are compared
only between near-identical wordings (half their content words shared), so
that paraphrases do not raise false alarms.

>>> summarise_entities([("France, Italy", 2), ("Italy, Spain", 1)])
'France (in 2 articles) vs Spain (in 1 article)'
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Hashable, Mapping, Sequence, Set
from dataclasses import dataclass

from storytrace.claims.gazetteer import relation
from storytrace.claims.metadata_lines import is_metadata_line
from storytrace.claims.quantities import Quantity
from storytrace.claims.relative_dates import FUTURE, resolve
from storytrace.claims.same_fact import complete_list, part_of, swapped
from storytrace.claims.slots import UnitSlots
from storytrace.claims.times import TimeValue
from storytrace.models import DiscrepancyKind, Mention, Variant

# Word overlap (Jaccard) two wordings need before a facet that paraphrase easily
# changes is compared: loose participants, polarity, dates, unquoted sources, areas,
# lists not presented as complete, and figures of a statement that gives several of
# one kind. A single figure of a kind is compared whatever the wording.
_CLOSE: dict[DiscrepancyKind, float] = {
    "entity_set": 0.6,
    "polarity": 0.5,
    "date": 0.4,
    "attribution": 0.7,
    "number": 0.35,
    "place": 0.0,
}
_AT_LEAST: dict[DiscrepancyKind, float] = {"number": 0.2}
_COPY_OVERLAP = 0.7
"""Word overlap of a near-identical wording: a copy, reworded at most lightly."""
"""Overlap below which two mentions are not compared at all: figures of one kind in
sentences that share almost nothing else ("13 homers ... in 54 games" and "33
homers and 121 RBIs" over a whole season) count different things."""
_CLOSE_FACETS: dict[tuple[DiscrepancyKind, str], float] = {
    ("place", "area"): 0.4,
    ("date", "weekday"): 0.6,
    ("date", "relative"): 0.6,
}
"""Named areas (cities, regions) are compared only between close wordings: a
sentence names where something happened, where someone is from and whose
officials spoke. Named facilities of one kind (two terminals) are compared in
any wording of one claim. Weekdays and relative days of an article without a
publication date cannot be resolved to a day: they are compared only between
near-identical wordings (a copy is written the same day as its source)."""


# "one of the largest", "two more times", "three other victims": not a count of the thing.
_NOT_A_COUNT = re.compile(r"\s+(?:more|other|others|additional|further|else)\b")
_ONE_OF = re.compile(r"one\s+of\b", re.IGNORECASE)


_MONEY_BEFORE = re.compile(r"(?:[$\u20ac\u00a3\u00a5\u20b9]|US\$|USD|EUR|GBP)\s?$")
_MONEY_AFTER = re.compile(
    r"\s*(?:million|billion|bn|m|k)?\s*(?:dollars?|euros?|pounds?|yen|yuan|rupees?|francs?"
    r"|USD|EUR|GBP)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class SlotValue:
    """One comparable value of a unit, with the span that states it."""

    kind: DiscrepancyKind
    facet: str
    key: Hashable
    display: str
    mention: Mention
    loose: bool = False
    complete: bool = False
    """A list presented as complete ("both X and Y", "three countries: X, Y and Z")."""
    payload: Quantity | TimeValue | frozenset[str] | tuple[str, ...] | int | None = None
    surfaces: tuple[tuple[str, str], ...] = ()

    def ids(self) -> frozenset[str]:
        """The entities (or place keys) this value names."""
        if isinstance(self.payload, frozenset | tuple):
            return frozenset(self.payload)
        return frozenset({str(self.key)}) if self.kind == "place" else frozenset()


@dataclass(frozen=True, slots=True)
class Finding:
    """A disagreement found on one facet, before it gets an id."""

    kind: DiscrepancyKind
    facet: str
    summary: str
    variants: tuple[Variant, ...]


def word_overlap(first: UnitSlots, second: UnitSlots) -> float:
    """Share of content words (entities masked) two units have in common (Jaccard)."""
    if not first.words or not second.words:
        return 0.0
    return _jaccard(first.words, second.words)


def _jaccard(first: Set[str], second: Set[str]) -> float:
    return len(first & second) / max(1, len(first | second))


def _mention(slots: UnitSlots, start: int, end: int) -> Mention:
    return Mention(slots.unit.article_id, start, end, slots.unit.field)


def slot_values(
    slots: UnitSlots,
    names: dict[str, str],
    *,
    published: str | None = None,
    across_days: bool = True,
) -> list[SlotValue]:
    """Every comparable value of one unit (none for a dateline, a time stamp or a byline).

    With ``across_days`` (values compared with other articles') weekdays and relative
    days are resolved against ``published``, the article's date, and left out when
    it is unknown; within one article they are compared as written.
    """
    values: list[SlotValue] = []
    unit = slots.unit
    if is_metadata_line(unit.text):
        return values
    counted = [
        q
        for q in slots.quantities
        if q.key is not None
        and q.role != "previous"
        and not _NOT_A_COUNT.match(unit.text, q.end - unit.start)
        and not _ONE_OF.match(unit.text, q.start - unit.start)
    ]
    per_key = Counter(q.key for q in counted)
    for quantity in counted:
        # A sum of money is never the same figure as a count ("an eight-year, $160 million
        # offer"): it gets a facet of its own.
        money = _MONEY_BEFORE.search(
            unit.text[: quantity.start - unit.start]
        ) or _MONEY_AFTER.match(unit.text, quantity.end - unit.start)
        # Several figures of one kind in one statement ("59% of ..., 44% with ...") are
        # told apart by what each is about, which a key alone does not say.
        values.append(
            SlotValue("number", f"{quantity.key} money" if money else str(quantity.key),
                      (quantity.low, quantity.high), quantity.text,
                      _mention(slots, quantity.start, quantity.end), payload=quantity,
                      loose=per_key[quantity.key] > 1)
        )  # fmt: skip
    for stated in slots.times:
        time: TimeValue | None = stated
        if across_days and stated.kind in ("weekday", "relative") and published:
            time = resolve(stated, published, future=bool(FUTURE.search(unit.text)))
        if time is None:
            continue
        facet = f"{time.kind} {time.value.split()[0]}" if time.kind == "clock" else time.kind
        values.append(
            SlotValue("date", facet, time.value, time.text, _mention(slots, time.start, time.end),
                      payload=time)
        )  # fmt: skip
    for place in slots.places:
        values.append(
            SlotValue("place", place.level, place.key, place.name,
                      _mention(slots, place.start, place.end),
                      surfaces=((place.key, place.name.casefold()),))
        )  # fmt: skip
    written = tuple((ref.entity_id, ref.text.casefold()) for ref in slots.entities)
    listed: set[str] = set()
    for group in slots.lists:
        listed |= group.ids
        display = ", ".join(sorted(names.get(i, i) for i in group.ids))
        complete = complete_list(unit.text[: group.start - unit.start], len(group.ids))
        values.append(
            SlotValue("entity_set", group.type, group.ids, display,
                      _mention(slots, group.start, group.end), payload=group.ids,
                      surfaces=written, complete=complete)
        )  # fmt: skip
    singles: dict[str, list[tuple[str, int, int]]] = {}
    for ref in slots.entities:
        if ref.entity_id not in listed:
            singles.setdefault(ref.type, []).append((ref.entity_id, ref.start, ref.end))
    for kind, refs in singles.items():
        if any(v.kind == "entity_set" and v.facet == kind for v in values):
            continue
        # Kept as a sorted sequence: a name replaced where it also occurs elsewhere
        # in the sentence changes the counts, not the set.
        ids = tuple(sorted(ref[0] for ref in refs))
        display = ", ".join(sorted({names.get(i, i) for i in ids}))
        start, end = min(r[1] for r in refs), max(r[2] for r in refs)
        values.append(
            SlotValue("entity_set", kind, ids, display, _mention(slots, start, end), loose=True,
                      payload=ids, surfaces=written)
        )  # fmt: skip
    negated = len(slots.negations) % 2
    negates = tuple(("negates", head) for n in slots.negations for head in n.heads)
    values.append(
        SlotValue("polarity", "polarity", negated, "negated" if negated else "affirmative",
                  _mention(slots, unit.start, unit.end), loose=True, payload=negated,
                  surfaces=negates + tuple(("word", w) for w in sorted(slots.words)))
    )  # fmt: skip
    if slots.source_ids:
        display = ", ".join(sorted(names.get(i, i) for i in slots.source_ids))
        link = next((link for link in slots.attribution.chain if link.role == "speaker"), None)
        start, end = (unit.start, unit.end)
        if link is not None:
            start, end = _source_span(slots, link.source)
        # A quotation's speaker is compared whatever the wording ("loose" = not quoted).
        spoken = tuple((i, names.get(i, i).casefold()) for i in sorted(slots.source_ids))
        values.append(
            SlotValue("attribution", "source", slots.source_ids, display,
                      _mention(slots, start, end), loose=not slots.attribution.quote,
                      payload=slots.source_ids, surfaces=spoken)
        )  # fmt: skip
    return values


def _source_span(slots: UnitSlots, source: str) -> tuple[int, int]:
    position = slots.unit.text.find(source)
    if position < 0:
        return slots.unit.start, slots.unit.end
    return slots.unit.start + position, slots.unit.start + position + len(source)


def _tagged(value: SlotValue, tag: str) -> set[str]:
    return {word for kind, word in value.surfaces if kind == tag}


def same_person(first: SlotValue, second: SlotValue) -> bool:
    """Whether some name of one value is a part of a name of the other ("Robert J" and
    "Robert J Pickell", "Pickell" and "Robert Pickell"): one person written in full and
    in part."""
    return any(part_of(a, b) for _, a in first.surfaces for _, b in second.surfaces)


def _named_within(first: SlotValue, second: SlotValue) -> bool:
    """Whether every name of ``first`` is written, in full or in part, in ``second``."""
    mine = [(i, t) for i, t in first.surfaces if i in first.ids()]
    theirs = [(i, t) for i, t in second.surfaces if i in second.ids()]
    return bool(mine) and all(any(i == j or part_of(a, b) for j, b in theirs) for i, a in mine)


def same_place(first: SlotValue, second: SlotValue) -> bool:
    """Whether two named areas can be the place of one happening: the same, one inside
    the other, neighbouring cities, or either unknown to the gazetteer."""
    return relation(first.display, second.display) != "different"


def compatible(first: SlotValue, second: SlotValue, close: bool) -> bool:
    """Whether two values of one facet can both be true; ``close`` if the wordings match."""
    if first.kind == "number" and isinstance(first.payload, Quantity):
        if (first.loose or second.loose) and not close:
            return True
        return isinstance(second.payload, Quantity) and first.payload.agrees_with(second.payload)
    if first.kind == "date" and isinstance(first.payload, TimeValue):
        if not close:
            return True
        return isinstance(second.payload, TimeValue) and first.payload.agrees_with(second.payload)
    if first.kind == "entity_set":
        if (first.loose or second.loose) and not close:
            return True
        if _named_within(first, second) or _named_within(second, first):
            return True
        a_items, b_items = first.payload, second.payload
        if (
            isinstance(a_items, tuple)
            and isinstance(b_items, tuple)
            and len(a_items) == len(b_items)
        ):
            return a_items == b_items
        a, b = first.ids(), second.ids()
        if not close and not (first.complete and second.complete) and not swapped(a, b):
            # Two lists in other words may name different members of one set, or two sets;
            # one member swapped for another in lists of one length is a drifted detail.
            return True
        return a <= b or b <= a
    if first.kind == "polarity":
        if not close:
            return True
        # Only a word negated on one side and stated without negation on the other: "was
        # not taken into custody" against "was taken into custody"; not a "not" elsewhere
        # in the sentence, nor two negations where one has one.
        a_heads, b_heads = _tagged(first, "negates"), _tagged(second, "negates")
        a_words, b_words = _tagged(first, "word"), _tagged(second, "word")
        a_only, b_only = a_heads - b_heads, b_heads - a_heads
        if (a_only and not a_only & a_words) or (b_only and not b_only & b_words):
            # The negated word is a function word ("was not", "could not have"): the
            # sentence's parity of negations is all there is to compare, and only in a
            # near-identical wording ("no one else was injured" is "unharmed").
            return _jaccard(a_words, b_words) < _COPY_OVERLAP or first.key == second.key
        return not (a_only & b_words or b_only & a_words)
    if first.kind == "attribution":
        # Outlets quote different officials for one fact; only words in quotation
        # marks, or a near-identical wording (a copy), credited to two different
        # people disagree on who spoke.
        if (first.loose or second.loose) and not close:
            return True
        return bool(first.ids() & second.ids()) or same_person(first, second)
    if first.kind == "place" and first.facet == second.facet == "area":
        return not close or first.key == second.key or same_place(first, second)
    return first.key == second.key


def _unwritten(value: SlotValue, others: Sequence[SlotValue], other_text: str | None) -> bool:
    """False when every name only ``value`` has is written in the other text anyway.

    The entity model may miss a name in one wording and find it in the other.
    """
    if other_text is None or not value.surfaces:
        return True
    missing = value.ids() - frozenset().union(*(o.ids() for o in others))
    if not missing:
        return True
    folded = other_text.casefold()
    return not all(
        any(surface in folded for entity, surface in value.surfaces if entity == name)
        for name in missing
    )


def _conflicts(
    first: Sequence[SlotValue],
    second: Sequence[SlotValue],
    close: bool,
    texts: tuple[str, str] | None = None,
) -> tuple[list[SlotValue], list[SlotValue]]:
    """The values of each side that nothing on the other side agrees with.

    ``texts`` (the two wordings) let a value count only if its own names are
    missing from the other wording.
    """
    first_text, second_text = texts if texts is not None else (None, None)
    # A value both sides state alike is matched already: it cannot also stand in for a
    # different value ("Olympic Park" in both does not make "Colorado" agree with "Utah").
    first_rest = [a for a in first if not any(a.key == b.key for b in second)]
    second_rest = [b for b in second if not any(a.key == b.key for a in first)]
    only_first = [
        a
        for a in first_rest
        if not any(compatible(a, b, close) for b in second_rest)
        and _unwritten(a, second, second_text)
    ]
    only_second = [
        b
        for b in second_rest
        if not any(compatible(a, b, close) for a in first_rest) and _unwritten(b, first, first_text)
    ]
    if only_first and only_second:
        return only_first, only_second
    return [], []


def _variants(
    distinguishing: Sequence[SlotValue],
    supporters: Sequence[SlotValue],
) -> list[tuple[SlotValue, list[Mention]]]:
    """Distinguishing values clustered into variants, each with every mention that states it."""
    clusters: list[tuple[SlotValue, list[Mention]]] = []
    for value in distinguishing:
        for representative, _ in clusters:
            if compatible(representative, value, True):
                break
        else:
            clusters.append((value, []))
    for value in supporters:
        for representative, mentions in clusters:
            if compatible(representative, value, True):
                if value.mention not in mentions:
                    mentions.append(value.mention)
                break
    return [(rep, mentions) for rep, mentions in clusters if mentions]


def summarise_entities(variants: Sequence[tuple[str, int]]) -> str:
    """Name what differs between entity-set variants, with how many articles state each."""
    sets = [set(value.split(", ")) for value, _ in variants]
    parts = []
    for (_, count), names in zip(variants, sets, strict=True):
        others = set.union(*(s for s in sets if s is not names)) if len(sets) > 1 else set()
        own = sorted(names - others) or sorted(names)
        articles = "article" if count == 1 else "articles"
        parts.append(f"{', '.join(own)} (in {count} {articles})")
    return " vs ".join(parts)


def _summary(kind: DiscrepancyKind, facet: str, variants: Sequence[tuple[str, int]]) -> str:
    if kind == "entity_set":
        return f"{facet} set differs: {summarise_entities(variants)}"
    listed = " vs ".join(
        f"{value!r} (in {count} article{'s' if count != 1 else ''})" for value, count in variants
    )
    label = {
        "number": f"figure for {facet}",
        "date": f"{facet.split()[0]} given",
        "place": f"{facet} named",
        "polarity": "negation",
        "attribution": "source of the statement",
    }[kind]
    return f"{label} differs: {listed}"


def _finding(
    kind: DiscrepancyKind, facet: str, clusters: Sequence[tuple[SlotValue, list[Mention]]]
) -> Finding | None:
    if len(clusters) < 2:
        return None
    variants = tuple(Variant(rep.display, tuple(mentions)) for rep, mentions in clusters)
    counted = [(v.value, len({m.article_id for m in v.mentions})) for v in variants]
    return Finding(kind, facet, _summary(kind, facet, counted), variants)


def compare_group(
    members: Sequence[UnitSlots],
    names: dict[str, str],
    *,
    skip: Callable[[SlotValue, SlotValue], bool] = lambda a, b: False,
    published: Mapping[str, str | None] | None = None,
) -> list[Finding]:
    """Disagreements among the mentions of one claim group (one mention per article field).

    ``published`` maps article ids to their publication dates, against which
    weekdays and relative days are resolved.
    """
    dates = published or {}
    by_facet: dict[tuple[DiscrepancyKind, str], list[tuple[int, list[SlotValue]]]] = {}
    for index, slots in enumerate(members):
        for value in slot_values(slots, names, published=dates.get(slots.unit.article_id)):
            entries = by_facet.setdefault((value.kind, value.facet), [])
            if entries and entries[-1][0] == index:
                entries[-1][1].append(value)
            else:
                entries.append((index, [value]))
    findings: list[Finding] = []
    for (kind, facet), entries in sorted(by_facet.items(), key=lambda item: item[0]):
        distinguishing: list[SlotValue] = []
        seen: set[tuple[Hashable, ...]] = set()
        for position, (i, first) in enumerate(entries):
            for j, second in entries[position + 1 :]:
                signature = (tuple(v.key for v in first), tuple(v.key for v in second), i, j)
                if signature in seen:
                    continue
                seen.add(signature)
                if members[i].unit.article_id == members[j].unit.article_id:
                    continue
                overlap = word_overlap(members[i], members[j])
                if overlap < _AT_LEAST.get(kind, 0.0):
                    continue
                close = overlap >= _CLOSE_FACETS.get((kind, facet), _CLOSE[kind])
                texts = (members[i].unit.text, members[j].unit.text)
                a, b = _conflicts(first, second, close, texts)
                if any(skip(x, y) for x in a for y in b):
                    continue
                distinguishing.extend(v for v in (*a, *b) if v not in distinguishing)
        if not distinguishing:
            continue
        supporters = [v for _, values in entries for v in values]
        finding = _finding(kind, facet, _variants(distinguishing, supporters))
        if finding is not None:
            findings.append(finding)
    return findings


_HEADLINE_KINDS: frozenset[DiscrepancyKind] = frozenset({"number", "date", "place", "entity_set"})


def compare_headline(
    headline: UnitSlots,
    body: Sequence[UnitSlots],
    whole_body: Sequence[UnitSlots],
    names: dict[str, str],
) -> list[Finding]:
    """Where a headline states what its own body contradicts.

    ``body`` are the body units that say the same thing as the headline;
    ``whole_body`` every body unit, searched only for counts of people (a
    headline's "No injuries" is checked against any count of injured) and for
    lists of participants that share a member with the headline's list.
    """
    findings: list[Finding] = []
    own = [v for v in slot_values(headline, names, across_days=False) if v.kind in _HEADLINE_KINDS]
    # Each body unit's values are read once, not once per facet of the headline.
    stated: dict[int, list[SlotValue]] = {}

    def values(slots: UnitSlots) -> list[SlotValue]:
        if id(slots) not in stated:
            stated[id(slots)] = slot_values(slots, names, across_days=False)
        return stated[id(slots)]

    for facet in sorted({(v.kind, v.facet) for v in own}):
        kind, name = facet
        mine = [v for v in own if (v.kind, v.facet) == facet]
        wide = kind == "entity_set" or (kind == "number" and name.startswith("people"))
        pool = whole_body if wide else body
        theirs = [
            v
            for slots in pool
            for v in values(slots)
            if (v.kind, v.facet) == facet and not (kind == "entity_set" and v.loose)
        ]
        if kind == "entity_set":
            mine = [v for v in mine if not v.loose]
        if not mine or not theirs:
            continue
        # Disjoint lists in a headline and its body are two lists, not two versions.
        a, b = _conflicts(mine, theirs, kind != "entity_set")
        if not a:
            continue
        finding = _finding(kind, name, _variants([*a, *b], [*mine, *theirs]))
        if finding is not None:
            findings.append(finding)
    return findings
