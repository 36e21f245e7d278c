"""The slots of a claim unit that discrepancies are checked on.

For each unit: the named participants (entities outside the attribution, by
type, with coordinated lists such as "British, French and US forces" kept
as sets), places (named facilities such as "Sander Quay chemical terminal"
or "Benina air base", and areas such as cities), figures
(:mod:`.quantities`), dates and times (:mod:`.times`), negations, and the
entities the claim is attributed to.

>>> facilities("fire at the Sander Quay chemical terminal")[0][2]
'Sander Quay'
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

from storytrace.claims.entities import EntityMention, StoryEntities
from storytrace.claims.gazetteer import locate
from storytrace.claims.quantities import Quantity, find_quantities
from storytrace.claims.records import Attribution, ClaimUnit
from storytrace.claims.times import TimeValue, find_times
from storytrace.models import EntityType

_FACILITY = re.compile(
    r"(?P<name>(?:[A-Z][\w'\u2019.-]*\s+){0,3}[A-Z][\w'\u2019.-]*)\s+"
    r"(?:(?!(?:in|on|at|of|the|a|an|for|to|from|by|with|and|or)\s)[a-z][a-z-]*\s+){0,2}?"
    r"(?P<kind>terminal|air\s?base|airbase|base|airport|airfield|port|quay|harbou?r|hospital|"
    r"station|bridge|square|prison|camp|stadium|university|school|plant|refinery|mine|factory|"
    r"embassy|palace|mosque|church|market|hotel|district|province|region|street|avenue|road)\b"
)
_ARTICLES = frozenset({"The", "A", "An", "This", "That", "At", "In", "On", "From", "Near"})
_NOT_NAMES = frozenset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May "
    "June July August September October November December".split()
)
_LIST_JOINER = re.compile(r"^\s*(?:,|,?\s*and|,?\s*or|&)\s*$")
_NEGATORS = frozenset(
    {
        "not",
        "n't",
        "no",
        "never",
        "none",
        "nobody",
        "nothing",
        "neither",
        "nor",
        "without",
        "cannot",
    }
)
_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_PARTICIPANT_TYPES: tuple[EntityType, ...] = ("country", "person", "organisation")


@dataclass(frozen=True, slots=True)
class EntityRef:
    """One participant named in a unit (offsets in the article field)."""

    entity_id: str
    type: EntityType
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class EntityList:
    """Participants named together ("British, French and US"): compared as a set."""

    type: EntityType
    ids: frozenset[str]
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class PlaceRef:
    """A place named in a unit: a named facility or an area (a city, a district)."""

    key: str
    level: str
    name: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Negation:
    """A negating word in a unit, and the words it negates (its head, as written and lemma)."""

    start: int
    end: int
    text: str
    heads: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class UnitSlots:
    """Everything a unit asserts that can be compared with another unit."""

    unit: ClaimUnit
    attribution: Attribution
    entities: tuple[EntityRef, ...]
    lists: tuple[EntityList, ...]
    places: tuple[PlaceRef, ...]
    quantities: tuple[Quantity, ...]
    times: tuple[TimeValue, ...]
    negations: tuple[Negation, ...]
    source_ids: frozenset[str]
    words: frozenset[str]


_LOCATIVE = re.compile(r"(?:\b(?:in|at|near|outside)|\bcapital,)\s+$", re.IGNORECASE)


def _located(field_text: str, mention: EntityMention) -> bool:
    """A name the entity model took for a person or organisation that follows "in", "at",
    "near" or "the capital," and that the gazetteer knows: "clashes in the capital,
    Accra", "a store in Yamoussoukro"."""
    if not _LOCATIVE.search(field_text[max(0, mention.start - 12) : mention.start]):
        return False
    return bool(locate(mention.text))


def facilities(text: str) -> list[tuple[int, int, str, str]]:
    """Named facilities in ``text``: (start, end, name, kind)."""
    found: list[tuple[int, int, str, str]] = []
    for match in _FACILITY.finditer(text):
        words = match["name"].split()
        while words and words[0] in _ARTICLES:
            words = words[1:]
        if not words or words[-1].endswith(("'s", "\u2019s", "'", "\u2019")):
            continue
        if set(words) <= _NOT_NAMES:
            continue
        name = " ".join(words)
        start = match.start("name") + match["name"].find(words[0])
        found.append((start, match.end(), name, " ".join(match["kind"].split())))
    return found


def _shift_quantity(q: Quantity, offset: int) -> Quantity:
    return Quantity(q.start + offset, q.end + offset, q.text, q.low, q.high, q.key, q.role)


def _shift_time(t: TimeValue, offset: int) -> TimeValue:
    return TimeValue(
        t.start + offset, t.end + offset, t.text, t.kind, t.value, t.minutes, t.approximate
    )


def _lists(refs: Sequence[EntityRef], field_text: str) -> tuple[EntityList, ...]:
    lists: list[EntityList] = []
    run: list[EntityRef] = []

    def close() -> None:
        if len(run) >= 2 and len({r.entity_id for r in run}) >= 2:
            start, end = run[0].start, run[-1].end
            lists.append(
                EntityList(
                    run[0].type,
                    frozenset(r.entity_id for r in run),
                    start,
                    end,
                    field_text[start:end],
                )
            )

    for ref in refs:
        if (
            run
            and ref.type == run[-1].type
            and _LIST_JOINER.match(field_text[run[-1].end : ref.start])
        ):
            run.append(ref)
            continue
        close()
        run = [ref]
    close()
    return tuple(lists)


def _speakers(ids: Sequence[str], types: dict[str, EntityType]) -> set[str]:
    """Who speaks: the first person named in a source, else its first organisation.

    "James Steele, chief of the Fire Department" is Steele; the department is his
    title, and in "X, the lawyer for Y and Z" the lawyer X speaks.
    """
    for kind in ("person", "organisation"):
        first = next((i for i in ids if types.get(i) == kind), None)
        if first is not None:
            return {first}
    return set()


def unit_slots(
    unit: ClaimUnit,
    *,
    sentence_start: int,
    doc: Any,
    field_text: str,
    attribution: Attribution,
    entities: StoryEntities,
    types: dict[str, EntityType],
    channel_ids: Collection[str],
    stop_words: Collection[str],
) -> UnitSlots:
    """The slots of one unit, read from its sentence's parse and the story's entities."""
    low, high = unit.start - sentence_start, unit.end - sentence_start
    sentence_text: str = doc.text
    # The chain's offsets are already in the article field.
    source_spans = [(link.start, link.end) for link in attribution.chain]

    def in_source(mention: EntityMention) -> bool:
        return any(s <= mention.start and mention.end <= e for s, e in source_spans)

    mentions = entities.within(unit.article_id, unit.field, unit.start, unit.end)
    sentence_mentions = entities.within(
        unit.article_id, unit.field, sentence_start, sentence_start + len(sentence_text)
    )
    sources = _speakers(
        [m.entity_id for m in sentence_mentions if in_source(m)] + list(attribution.entity_ids),
        types,
    )
    places: list[PlaceRef] = []
    facility_spans: list[tuple[int, int]] = []
    adjectives = {t.idx for t in doc if t.pos_ == "ADJ" or t.ent_type_ == "NORP"}
    for start, end, name, kind in facilities(sentence_text):
        # "Valdenian port" names no facility: its "name" is a nationality adjective.
        if " " not in name and start in adjectives:
            continue
        if low <= start and end <= high:
            a, b = start + sentence_start, end + sentence_start
            places.append(
                PlaceRef(
                    f"facility:{name.casefold()}", f"facility {kind}", name, a, b, field_text[a:b]
                )
            )
            facility_spans.append((a, b))
    refs: list[EntityRef] = []
    for mention in mentions:
        kind = types.get(mention.entity_id, "other")
        # A speaker is compared as a source; "French police say" still names France.
        speaker = in_source(mention) and kind in ("person", "organisation")
        if speaker or any(s <= mention.start and mention.end <= e for s, e in facility_spans):
            continue
        # A name the model reads as a place here is compared as a place, whatever
        # it is elsewhere in the story ("Jackson, Miss." next to "Jackson said").
        if (
            kind == "place"
            or (mention.label in _PLACE_LABELS and kind != "country")
            or (kind in ("person", "organisation") and _located(field_text, mention))
        ):
            places.append(
                PlaceRef(
                    mention.entity_id,
                    "area",
                    mention.text,
                    mention.start,
                    mention.end,
                    mention.text,
                )
            )
        elif kind in _PARTICIPANT_TYPES:
            refs.append(
                EntityRef(mention.entity_id, kind, mention.start, mention.end, mention.text)
            )
    times = [t for t in find_times(sentence_text) if low <= t.start and t.end <= high]
    skip = [(t.start, t.end) for t in times]
    quantities = [
        q
        for q in find_quantities(sentence_text, skip=skip, tokens=doc)
        if low <= q.start and q.end <= high
    ]
    negations = tuple(
        Negation(
            t.idx + sentence_start,
            t.idx + len(t.text) + sentence_start,
            t.text,
            (t.head.lower_, t.head.lemma_.casefold()),
        )
        for t in doc
        if low <= t.idx < high and (t.dep_ == "neg" or t.lower_ in _NEGATORS)
    )
    masked = {w.casefold() for m in mentions for w in _WORD.findall(m.text)}
    words = frozenset(
        w.casefold()
        for w in _WORD.findall(unit.text)
        if w.casefold() not in stop_words
        and w.casefold() not in _NEGATORS
        and w.casefold() not in masked
    )
    return UnitSlots(
        unit=unit,
        attribution=attribution,
        entities=tuple(refs),
        lists=_lists(refs, field_text),
        places=tuple(places),
        quantities=tuple(_shift_quantity(q, sentence_start) for q in quantities),
        times=tuple(_shift_time(t, sentence_start) for t in times),
        negations=negations,
        source_ids=frozenset(sources - set(channel_ids)),
        words=words,
    )
