"""Known changes injected into copies of real articles, for the discrepancy benchmark.

A copy of an ECB+ article is first reworded harmlessly everywhere (lists
reordered, a few synonyms, nationality adjectives written as the country's
name), then, for all copies but the control ones, one sentence gets one
known change of one kind:

* ``entity_set``: a country is replaced by another country;
* ``number``: a figure is replaced by one about three times as large;
* ``date``: a weekday, a calendar date, a clock time or a year is shifted;
* ``place``: a city or region is replaced by another one of the corpus;
* ``polarity``: "not" is put after an auxiliary verb, or taken out;
* ``attribution``: the person a statement is credited to is replaced.

Targets are found with simple patterns and spaCy's entities, so a change
always lands on real text; a replaced name must read as a name of its kind
in its new sentence (the entity model must label it so), and the changed
sentence's span is recorded.

>>> reword("Troops from France, Spain and Italy arrived about noon.")
'Troops from Spain, France and Italy arrived around noon.'
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from storytrace.bench.ecbplus import line_spans
from storytrace.claims.countries import find_country
from storytrace.claims.nlp import parse_texts
from storytrace.models import Article, DiscrepancyKind

KINDS: tuple[DiscrepancyKind, ...] = (
    "entity_set",
    "number",
    "date",
    "place",
    "polarity",
    "attribution",
)

_ITEM = r"((?:[A-Z][\w.]+ ){0,2}[A-Z][\w.]+)"
# Items start after a lower-case word, so "Ras Al Khaimah" is never cut in two.
_LIST = re.compile(rf"(?<=[a-z,;:] ){_ITEM}, {_ITEM},? and {_ITEM}\b")
_SYNONYMS = {"about": "around", "began": "started", "large": "big", "following": "after"}
_SYNONYM = re.compile(r"\b(" + "|".join(_SYNONYMS) + r")\b")
_WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
_WEEKDAY = re.compile(r"\b(" + "|".join(_WEEKDAYS) + r")\b")
_CLOCK = re.compile(r"\b(\d{1,2})(:\d{2})?\s?(a\.m\.|p\.m\.|am|pm)")
_YEAR = re.compile(r"(?<![\w.,])(19[5-9]\d|20[0-2]\d)(?![\w.,]\d|\d)")
_DAY_DATE = re.compile(
    r"\b(January|February|March|April|May|June|July|August|September|October|November|December)"
    r" (\d{1,2})\b"
)
_AUXILIARY = re.compile(
    r"\b(was|were|is|are|has|had|have|will|would|could|can|did)\s+(?!not\b|n't\b)(?=[a-z]{3,}\b)"
)
_NOT = re.compile(r"\b(was|were|is|are|has|had|have|will|would|could|can|did)\s+not\s+")
_SAY = r"(?:said|says|told)"
_SPEAKER_AFTER = re.compile(rf"[,\"\u201d] {_SAY} $")
_SPEAKER_BEFORE = re.compile(rf"^ {_SAY}\b")


@dataclass(frozen=True, slots=True)
class InjectedChange:
    """One change made to a copy: its kind, the changed sentence's span, and the words."""

    kind: DiscrepancyKind
    start: int
    end: int
    before: str
    after: str


@dataclass(frozen=True, slots=True)
class Pools:
    """Replacement values drawn from the corpus: people and places (cities, regions)."""

    people: tuple[str, ...]
    places: tuple[str, ...]
    countries: tuple[str, ...]


def reword(text: str) -> str:
    """Harmless rewording: reorder three-item lists, a few synonyms, demonyms as names."""
    text = _LIST.sub(lambda m: f"{m[2]}, {m[1]} and {m[3]}", text)
    text = _SYNONYM.sub(lambda m: _SYNONYMS[m[1]], text)

    def country_name(match: re.Match[str]) -> str:
        country = find_country(match[0], label="NORP")
        # "American troops" -> "United States troops": the same country, in other words.
        if country is None or country.name.casefold() == match[0].casefold():
            return match[0]
        return country.name

    return re.sub(r"\b[A-Z][a-z]+(?:ish|ian|ese|can|ch|an)\b(?= [a-z])", country_name, text)


def _entities(doc: Any, labels: set[str]) -> list[tuple[int, int, str]]:
    """Named entities standing alone: whole words, not glued to other capitalised words."""
    found = []
    for e in doc.ents:
        if e.label_ not in labels or not e.text.replace(" ", "").replace(".", "").isalpha():
            continue
        before = doc[e.start - 1] if e.start > 0 else None
        after = doc[e.end] if e.end < len(doc) else None
        if (before is not None and before.is_title) or (after is not None and after.is_title):
            continue
        if any(not word[:1].isupper() for word in e.text.split()):
            continue
        text = doc.text
        if (e.start_char > 0 and text[e.start_char - 1].isalnum()) or (
            e.end_char < len(text) and text[e.end_char].isalnum()
        ):
            continue
        found.append((e.start_char, e.end_char, e.text))
    return found


def _swap(line: str, start: int, end: int, new: str) -> str:
    return line[:start] + new + line[end:]


def _number(line: str, doc: Any, pools: Pools, rng: random.Random) -> str | None:
    # A figure written in digits that counts the plural noun right after it ("12 years").
    tokens = [
        t
        for t in doc
        if t.text.replace(",", "").isdigit()
        and t.dep_ == "nummod"
        and t.head.i == t.i + 1
        and t.head.tag_ == "NNS"
        and not _YEAR.fullmatch(t.text)
    ]
    if not tokens:
        return None
    token = rng.choice(tokens)
    value = int(token.text.replace(",", ""))
    new = value * 3 + 7
    if 1800 <= new <= 2100:
        new += 300  # a figure, not something that reads as a year
    text = f"{new:,}" if "," in token.text else str(new)
    return _swap(line, token.idx, token.idx + len(token.text), text)


def _date(line: str, doc: Any, pools: Pools, rng: random.Random) -> str | None:
    if match := _WEEKDAY.search(line):
        day = _WEEKDAYS[(_WEEKDAYS.index(match[1]) + 2) % 7]
        return _swap(line, match.start(1), match.end(1), day)
    if match := _DAY_DATE.search(line):
        return _swap(line, match.start(2), match.end(2), str((int(match[2]) + 9) % 28 + 1))
    if (match := _CLOCK.search(line)) and not line[: match.start()].rstrip().endswith(":"):
        return _swap(line, match.start(1), match.end(1), str((int(match[1]) + 2) % 12 + 1))
    if match := _YEAR.search(line):
        return _swap(line, match.start(1), match.end(1), str(int(match[1]) - 3))
    return None


def _country(line: str, doc: Any, pools: Pools, rng: random.Random) -> str | None:
    found = [
        (s, e, t) for s, e, t in _entities(doc, {"GPE", "NORP"}) if find_country(t, label="GPE")
    ]
    if not found:
        return None
    start, end, text = rng.choice(found)
    current = find_country(text, label="GPE")
    choices = [c for c in pools.countries if find_country(c) != current and c not in line]
    return _swap(line, start, end, rng.choice(choices)) if choices else None


def _place(line: str, doc: Any, pools: Pools, rng: random.Random) -> str | None:
    found = [
        (s, e, t)
        for s, e, t in _entities(doc, {"GPE"})
        if find_country(t, label="GPE") is None and t in pools.places
    ]
    if not found:
        return None
    start, end, text = rng.choice(found)
    choices = [p for p in pools.places if p != text and p not in line]
    return _swap(line, start, end, rng.choice(choices)) if choices else None


def _polarity(line: str, doc: Any, pools: Pools, rng: random.Random) -> str | None:
    if match := _NOT.search(line):
        return line[: match.end(1)] + " " + line[match.end() :]
    matches = list(_AUXILIARY.finditer(line))
    if not matches:
        return None
    match = rng.choice(matches)
    return line[: match.end(1)] + " not" + line[match.end(1) :]


def _attribution(line: str, doc: Any, pools: Pools, rng: random.Random) -> str | None:
    # Only unambiguous speakers: "Name said" or '", said Name'.
    people = [
        (s, e, t)
        for s, e, t in _entities(doc, {"PERSON"})
        if " " in t
        and (
            _SPEAKER_BEFORE.match(line[e : e + 8]) or _SPEAKER_AFTER.search(line[max(0, s - 9) : s])
        )
    ]
    if not people:
        return None
    start, end, text = rng.choice(people)
    surname = text.split()[-1]
    choices = [p for p in pools.people if p.split()[-1] != surname and p not in line]
    return _swap(line, start, end, rng.choice(choices)) if choices else None


INJECTORS: dict[DiscrepancyKind, Callable[[str, Any, Pools, random.Random], str | None]] = {
    "entity_set": _country,
    "number": _number,
    "date": _date,
    "place": _place,
    "polarity": _polarity,
    "attribution": _attribution,
}
"""One function per kind: a line, its parse, the pools and a random source to a changed line."""


_EXPECTED_LABELS: dict[DiscrepancyKind, frozenset[str]] = {
    "entity_set": frozenset({"GPE", "NORP"}),
    "place": frozenset({"GPE", "LOC", "FAC"}),
    "attribution": frozenset({"PERSON"}),
}


def _common_prefix(first: str, second: str) -> int:
    length = 0
    for a, b in zip(first, second, strict=False):
        if a != b:
            break
        length += 1
    return length


def _recognisable(kind: DiscrepancyKind, line: str, changed: str) -> bool:
    """Whether a name put into a line reads as a name of its kind there.

    A replacement the entity model takes for something else ("Cumbria him to get
    him out of the car") tests the model, not discrepancy detection.
    """
    labels = _EXPECTED_LABELS.get(kind)
    if labels is None:
        return True
    prefix = _common_prefix(line, changed)
    suffix = _common_prefix(line[prefix:][::-1], changed[prefix:][::-1])
    start, end = prefix, len(changed) - suffix
    doc = parse_texts([changed])[changed]
    return any(e.label_ in labels and e.start_char <= start and end <= e.end_char for e in doc.ents)


def inject(
    text: str,
    kind: DiscrepancyKind,
    docs: dict[str, Any],
    pools: Pools,
    rng: random.Random,
) -> tuple[str, InjectedChange] | None:
    """``text`` with one change of ``kind`` in one of its lines, or ``None`` if none applies."""
    spans = line_spans(text)
    order = list(range(len(spans)))
    rng.shuffle(order)
    for index in order:
        start, end = spans[index]
        line = text[start:end]
        doc = docs.get(line)
        if doc is None or len(line.split()) < 6:
            continue
        changed = INJECTORS[kind](line, doc, pools, rng)
        if changed is None or changed == line or not _recognisable(kind, line, changed):
            continue
        new_text = text[:start] + changed + text[end:]
        return new_text, InjectedChange(kind, start, start + len(changed), line, changed)
    return None


def copy_article(article: Article, text: str) -> Article:
    """A copy of ``article`` with another id and the given text."""
    return Article(
        id=f"{article.id}-copy", source=f"{article.source}#copy", text=text, language="en"
    )


def make_pools(articles: Sequence[Article], docs: dict[str, Any]) -> Pools:
    """People, places (seen at least twice as places) and countries named in the corpus."""
    people: set[str] = set()
    places: Counter[str] = Counter()
    countries: set[str] = set()
    for article in articles:
        for line in article.text.split("\n"):
            doc = docs.get(line)
            if doc is None:
                continue
            for _, _, text in _entities(doc, {"PERSON"}):
                if len(text.split()) == 2:
                    people.add(text)
            for _, _, text in _entities(doc, {"GPE"}):
                country = find_country(text, label="GPE")
                if country is None:
                    places[text] += 1
                elif text == country.name:
                    countries.add(text)
    common = tuple(sorted(p for p, n in places.items() if n >= 2))
    return Pools(tuple(sorted(people)), common, tuple(sorted(countries)))
