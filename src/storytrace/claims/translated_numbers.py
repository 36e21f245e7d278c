"""Figures that change in translation: a sentence and its translation that count differently.

Translations keep figures as digits, but write them their own way: "2,000"
becomes "2 000" or "2.000", "88.41" becomes "88,41". Both sides are read as
numbers (thousands separators dropped, a decimal comma read as a point) and
compared as sets. Clock times are left out: "6:00 p.m." becomes "18 h 00" and
"1300 GMT" "13 h 00 GMT", so they are not comparable number by number.

A sentence pair differs when each side has a number the other lacks (a
translated sentence that only adds a figure, from a clause the English unit
does not cover, is not a change).

>>> number_change("At least 2,000 people were evacuated.", "Au moins 2 000 personnes évacuées.")
>>> number_change("At least 23 people were hurt at 6:00 p.m.", "Au moins 32 blessés à 18 h 00.")
(('23',), ('32',))
"""

from __future__ import annotations

import re

_NUMBER = re.compile(
    r"(?<![\w.,])(?:\d{1,3}(?:[ ,.\u00a0\u202f]\d{3})+(?![\d])|\d+(?:[.,]\d+)?)(?![\w])"
)
_TIME_AFTER = re.compile(
    r"^(?:\s?(?:[:h]\s?\d|a\.?\s?m\b|p\.?\s?m\b|uhr\b|gmt\b|utc\b|hrs?\b|heures?\b|ч\b|час))",
    re.IGNORECASE,
)
_TIME_BEFORE = re.compile(r"(?:\d\s?[:h]\s?|à\s|at\s|um\s|alle\s|las\s|às\s)$", re.IGNORECASE)


def _value(token: str) -> str:
    plain = re.sub(r"[ ,.\u00a0\u202f](?=\d{3}(?!\d))", "", token)
    plain = plain.replace(",", ".")
    return plain.rstrip("0").rstrip(".") if "." in plain else plain.lstrip("0") or "0"


def numbers(text: str) -> dict[str, str]:
    """The figures of ``text`` that are not clock times: value -> first way written."""
    found: dict[str, str] = {}
    for match in _NUMBER.finditer(text):
        after = text[match.end() : match.end() + 6]
        before = text[max(0, match.start() - 6) : match.start()]
        if _TIME_AFTER.match(after) or _TIME_BEFORE.search(before):
            continue
        found.setdefault(_value(match.group()), match.group())
    return found


def number_change(original: str, translated: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The figures only ``original`` has and only ``translated`` has, when both have some."""
    first, second = numbers(original), numbers(translated)
    only_first = [first[v] for v in first if v not in second]
    only_second = [second[v] for v in second if v not in first]
    if only_first and only_second:
        return tuple(only_first), tuple(only_second)
    return None
