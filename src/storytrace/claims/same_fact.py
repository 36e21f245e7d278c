"""When two written values name the same thing: one person in full and in part, a list
and whether it is presented as complete.

>>> part_of("Robert J. Pickell", "Pickell"), part_of("Ms McMeekin", "Alice McMeekin")
(True, True)
>>> part_of("MySpace.com", "MySpace"), part_of("James Gage", "Robert Pickell")
(True, False)
>>> complete_list("It connects 12 countries: ", 12), complete_list("It named ", 3)
(True, False)
>>> swapped(frozenset({"GB", "FR", "US"}), frozenset({"US", "GB", "IT"}))
True
"""

from __future__ import annotations

import re

_COUNT_WORDS = {
    "two": 2, "both": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10,
}  # fmt: skip
_LEAD_WORD = re.compile(r"[\w-]+")
_HONORIFICS = frozenset("mr mrs ms miss mx dr sir dame lord lady prof rev the".split())
_WEB_SUFFIX = re.compile(r"\.(?:com|net|org|co\.uk)$")


def name_words(name: str) -> frozenset[str]:
    """The words of a name without honorifics and a web suffix ("MySpace.com")."""
    words = (_WEB_SUFFIX.sub("", w.strip(".,'\u2019\"")) for w in name.casefold().split())
    return frozenset(w for w in words if w and w.rstrip(".") not in _HONORIFICS)


def part_of(first: str, second: str) -> bool:
    """Whether one name is the other or a part of it, honorifics aside."""
    x, y = name_words(first), name_words(second)
    return bool(x and y and (x <= y or y <= x))


def swapped(first: frozenset[str], second: frozenset[str]) -> bool:
    """Two lists of one length that differ in exactly one member ("British, French and
    US" and "American, British and Italian")."""
    return len(first) == len(second) >= 2 and len(first & second) == len(first) - 1


def complete_list(before: str, members: int) -> bool:
    """Whether the words just before a list of ``members`` names say it is the whole list:
    "both X and Y", "only X and Y", or its count ("three countries: X, Y and Z")."""
    words = [w.casefold() for w in _LEAD_WORD.findall(before)[-4:]]
    if words and words[-1] in ("both", "only", "just"):
        return True
    for word in words:
        value = int(word) if word.isdigit() else _COUNT_WORDS.get(word)
        if value == members:
            return True
    return False
