"""Numbers and quantities in a claim, as intervals with a unit, so that wording does not matter.

A figure becomes the interval it asserts: ``23`` is [23, 23]; ``about 4,200``
is ±5 %; ``at least 23`` is [23, 26.45] (in news a lower bound *is* the
count); ``more than 4,000`` is [4,000, 6,000]; ``just under an hour`` is
[0.85, 1] hour; ``dozens`` is [24, 99]. Two figures for the same thing
disagree when their intervals do not overlap: ``23`` and ``32`` do,
``just under an hour`` and ``an hour`` do not (they overlap at one hour),
``366`` and ``dozens`` do.

What a figure counts is its *key*: the counted noun (``tonne``, ``hour``), or,
for people, ``people`` with the casualty class found near it (``injured`` for
"taken to hospital", "hurt", "injuries"), so that "23 people were taken to
hospital", "23 hurt" and "No injuries" are compared.

>>> [(q.low, q.high, q.key) for q in find_quantities("At least 32 people were injured.")]
[(32.0, 36.8, 'people/injured')]
>>> [(q.low, q.key) for q in find_quantities("The actress, 26, checked in late on Thursday.")]
[(26.0, 'age')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

QuantityRole = Literal["value", "previous", "current"]

_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_VAGUE = {
    "a dozen": (12.0, 12.0), "dozens": (24.0, 99.0), "scores": (40.0, 99.0),
    "hundreds": (200.0, 999.0), "thousands": (2000.0, 9999.0),
    "tens of thousands": (20000.0, 99999.0),
    "several": (3.0, 9.0), "a few": (2.0, 5.0), "a handful": (2.0, 6.0),
}  # fmt: skip
_MAGNITUDES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "bn": 1e9, "m": 1e6, "k": 1e3}
# Qualifier -> (low factor, high factor) around the stated figure.
_QUALIFIERS: dict[str, tuple[float, float]] = {
    "about": (0.95, 1.05), "around": (0.95, 1.05), "approximately": (0.95, 1.05),
    "roughly": (0.95, 1.05), "some": (0.95, 1.05), "an estimated": (0.95, 1.05),
    "estimated": (0.95, 1.05), "close to": (0.85, 1.0), "nearly": (0.85, 1.0),
    "almost": (0.85, 1.0), "just under": (0.85, 1.0), "under": (0.5, 1.0),
    "less than": (0.5, 1.0), "fewer than": (0.5, 1.0), "up to": (0.5, 1.0),
    "at least": (1.0, 1.15), "as many as": (1.0, 1.15), "just over": (1.0, 1.15),
    "more than": (1.0, 1.5), "over": (1.0, 1.5), "upwards of": (1.0, 1.5),
    "in excess of": (1.0, 1.5),
}  # fmt: skip
_NUMBER_WORD = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|"
    r"five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
    r"twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
)
_DIGITS = r"\d{1,3}(?:[,\u00a0\u202f]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_QUALIFIER = "|".join(sorted((re.escape(q) for q in _QUALIFIERS), key=len, reverse=True))
_VAGUE_WORDS = "|".join(sorted((re.escape(v) for v in _VAGUE), key=len, reverse=True))
_TIME_UNITS = r"hour|day|week|month|year|minute|decade|mile|kilometre|kilometer"
_QUANTITY = re.compile(
    rf"(?<![\w.,:-])(?:(?P<qualifier>{_QUALIFIER})\s+)?"
    rf"(?:(?P<digits>{_DIGITS})(?:\s*(?P<magnitude>thousand|million|billion|bn)\b)?(?P<percent>\s?%)?"
    rf"|(?P<word>{_NUMBER_WORD})(?![\w])"
    rf"|(?P<vague>{_VAGUE_WORDS})(?=\s+(?:of\s+)?\w)"
    rf"|(?P<article>an?)(?=[\s-]+(?:{_TIME_UNITS})s?\b)"
    rf"|(?P<none>no)(?=\s+(?:injuries|casualties|deaths|fatalities|dead|injured|one\s+(?:was|were)))"
    r")",
    re.IGNORECASE,
)
_NEXT_WORDS = re.compile(r"[\s-]*(?:of\s+(?:the\s+)?)?((?:[A-Za-z][\w'-]*\s*){0,3})")
_PEOPLE = frozenset(
    """people persons person residents resident crew crewmen members member sailors sailor
    workers worker civilians civilian soldiers soldier passengers passenger children child men
    women victims victim patients patient officers officer staff migrants refugees fighters
    troops protesters students pupils employees inhabitants villagers miners firefighters
    police policemen others adults neighbours neighbors""".split()
)
_CASUALTY = (
    ("injured", r"injur\w*|hurt|wounded|hospitali[sz]ed|taken to hospital|admitted|casualt\w*"),
    ("dead", r"killed|dead|died|deaths?|fatalit\w*|death toll|bodies"),
    ("missing", r"missing|unaccounted"),
    ("evacuated", r"evacuated|evacuees|moved|displaced"),
    ("arrested", r"arrested|detained"),
    ("rescued", r"rescued|saved"),
)
_CASUALTY_PATTERNS = tuple(
    (name, re.compile(rf"\b(?:{p})\b", re.IGNORECASE)) for name, p in _CASUALTY
)
_UNIT_SYNONYMS = {
    "tonnes": "tonne", "tons": "tonne", "ton": "tonne", "kilometres": "km", "kilometre": "km",
    "kilometers": "km", "kilometer": "km", "metres": "metre", "meters": "metre", "meter": "metre",
    "per": "percent", "percent": "percent", "miles": "mile", "hours": "hour", "minutes": "minute",
    "days": "day", "weeks": "week", "months": "month", "years": "year", "dollars": "dollar",
    "euros": "euro",
}  # fmt: skip
_REVISION = re.compile(
    r"\b(?:revis\w+|rais\w+ its estimate|lower\w+ its estimate|up from|down from|"
    r"rose to|risen to|climbed to|increased to|fell to|dropped to)\b",
    re.IGNORECASE,
)
_PREVIOUS = re.compile(
    r"\b(?:up|down|revised|rising|falling)\s+from\s*$|\bfrom\s+an?\s+(?:earlier|initial)\s+(?:estimate|figure)\s+of\s*$",
    re.IGNORECASE,
)
_SKIP_NOUNS = frozenset({"of", "the", "a", "and", "in", "on", "at", "to", "them", "those", "which"})


@dataclass(frozen=True, slots=True)
class Quantity:
    """A figure in a text: where, as written, the interval it asserts, and what it counts."""

    start: int
    end: int
    text: str
    low: float
    high: float
    key: str | None
    role: QuantityRole = "value"

    @property
    def middle(self) -> float:
        """The centre of the interval: the figure as stated, give or take its qualifier."""
        return (self.low + self.high) / 2

    def agrees_with(self, other: Quantity) -> bool:
        """Whether two figures can both be true (their intervals overlap)."""
        slack = 1e-9 * max(abs(self.high), abs(other.high), 1.0)
        return self.low <= other.high + slack and other.low <= self.high + slack


def _word_value(word: str) -> float:
    parts = re.split(r"[- ]", word.casefold())
    total = 0
    for part in parts:
        total += _TENS.get(part, 0) + _UNITS.get(part, 0)
    return float(total)


def _base(match: re.Match[str]) -> tuple[float, float] | None:
    if match["digits"]:
        value = float(re.sub(r"[,\u00a0\u202f]", "", match["digits"]))
        value *= _MAGNITUDES.get((match["magnitude"] or "").casefold(), 1.0)
        return value, value
    if match["word"]:
        value = _word_value(match["word"])
        return value, value
    if match["vague"]:
        return _VAGUE[" ".join(match["vague"].casefold().split())]
    if match["article"]:
        return 1.0, 1.0
    if match["none"]:
        return 0.0, 0.0
    return None


def _noun_from_words(text: str, end: int) -> str | None:
    words = _NEXT_WORDS.match(text, end)
    noun = None
    for word in words.group(1).split() if words else []:
        lowered = word.casefold().strip("'")
        if lowered in _SKIP_NOUNS:
            break
        noun = lowered
        if lowered in _PEOPLE or lowered in _UNIT_SYNONYMS or lowered.endswith("s"):
            break
    return noun


def _noun_from_tokens(tokens: Any, end: int) -> str | None:
    """The counted noun after a figure: the last noun of the run of nouns and adjectives."""
    following = [t for t in tokens if t.idx >= end]
    if following and following[0].lower_ == "of":
        following = following[1:]
        while following and following[0].pos_ in ("DET", "PRON"):
            following = following[1:]
    noun = None
    for token in following:
        if token.text in ("-", "\u2013"):
            continue
        if token.pos_ in ("NOUN", "PROPN"):
            noun = token.lower_
            if token.dep_ != "compound":
                break
        elif token.pos_ == "ADJ" and noun is None:
            continue
        else:
            break
    return noun


def _casualty(window: str) -> str | None:
    hits = [
        (m.start(), name)
        for name, pattern in _CASUALTY_PATTERNS
        for m in [pattern.search(window)]
        if m
    ]
    return min(hits)[1] if hits else None


def _key(noun: str | None, match: re.Match[str], window: str) -> str | None:
    if match["percent"]:
        return "percent"
    if match["none"]:
        noun = "people"
    casualty = _casualty(window)
    if noun is not None:
        noun = noun.rstrip(".,;:")
        if _casualty(noun) is not None:
            noun = None  # "23 hurt": the figure counts people
    if noun is None or noun in _PEOPLE:
        if noun is None and casualty is None:
            return None
        return f"people/{casualty}" if casualty else "people"
    return _UNIT_SYNONYMS.get(noun, _singular(noun))


_AGE_BEFORE = re.compile(r"[^\W\d_],\s*$")
_AGE_AFTER = re.compile(r"\s*[,)]")


def _is_age(text: str, match: re.Match[str]) -> bool:
    """A bare number set off by commas after a name or noun: "The actress, 26, checked in"."""
    digits = match["digits"]
    if not digits or not digits.isdigit() or not 1 <= int(digits) <= 120 or match["qualifier"]:
        return False
    return bool(
        _AGE_BEFORE.search(text[max(0, match.start() - 3) : match.start()])
        and _AGE_AFTER.match(text, match.end())
    )


def _singular(noun: str) -> str:
    if noun.endswith("ies") and len(noun) > 4:
        return noun[:-3] + "y"
    if noun.endswith(("ches", "shes", "sses", "xes")):
        return noun[:-2]
    return noun[:-1] if noun.endswith("s") and len(noun) > 3 else noun


def find_quantities(
    text: str, *, skip: Sequence[tuple[int, int]] = (), tokens: Any = None
) -> list[Quantity]:
    """The figures in ``text``, except inside the ``skip`` ranges (dates and clock times).

    ``tokens`` (the spaCy ``Doc`` of ``text``) lets the counted noun be read from
    parts of speech; without it the next words are used.
    """
    revised = bool(_REVISION.search(text))
    found: list[Quantity] = []
    for match in _QUANTITY.finditer(text):
        start, end = match.start(), match.end()
        if any(s < end and start < e for s, e in skip):
            continue
        base = _base(match)
        if base is None:
            continue
        qualifier = " ".join((match["qualifier"] or "").casefold().split())
        low_factor, high_factor = _QUALIFIERS.get(qualifier, (1.0, 1.0))
        low, high = base[0] * low_factor, base[1] * high_factor
        window = text[start : min(len(text), end + 60)]
        noun = _noun_from_tokens(tokens, end) if tokens is not None else _noun_from_words(text, end)
        key = _key(noun, match, window)
        if key is None and _is_age(text, match):
            key = "age"
        role: QuantityRole = "value"
        if revised:
            role = "previous" if _PREVIOUS.search(text[max(0, start - 30) : start]) else "current"
        found.append(Quantity(start, end, match.group(), round(low, 6), round(high, 6), key, role))
    return found
