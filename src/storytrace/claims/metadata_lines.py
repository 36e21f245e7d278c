"""Lines that date or sign a page rather than state a fact: datelines, bylines, stamps.

"July 28, 2004", "Posted: Tue Jul 29, 2008 10:45pm EDT" or "By Jane Roe,
Associated Press Writer" say when a page was published and who wrote it. Two
outlets' own publication dates differ without disagreeing on anything, so
such lines are metadata and never compared as claims.

>>> is_metadata_line("Posted: Tue Jul 29, 2008 10:45pm EDT")
True
>>> is_metadata_line("The fire broke out on July 28, 2004.")
False
"""

from __future__ import annotations

import re

from storytrace.claims.times import find_times

_STAMP_WORDS = frozenset(
    "posted updated published last modified created filed on at by am pm a.m p.m gmt utc bst "
    "cet cest est edt et pst pdt pt cst cdt ist local time hours hrs the of and | - date "
    "jan feb mar apr may jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri "
    "sat sun ago year years day days hour hours minute minutes mins".split()
)
_WORD = re.compile(r"[^\W\d_]+(?:\.[^\W\d_]+)*")
_BYLINE = re.compile(r"^\s*(?:by|from)\s+[A-Z]", re.IGNORECASE)
_STAMP_START = re.compile(
    r"^\W*(?:(?:last|first)\s+)?(?:posted|updated|published|modified|filed)\b", re.IGNORECASE
)
_MAX_BYLINE_WORDS = 10
_MAX_CLAIM_WORDS = 1
"""A dated line with at most this many other words states nothing."""


def is_metadata_line(text: str) -> bool:
    """Whether a line (or sentence) is a dateline, a time stamp or a byline."""
    times = find_times(text)
    if times:
        rest = list(text)
        for value in times:
            rest[value.start : value.end] = " " * (value.end - value.start)
        words = [w for w in _WORD.findall("".join(rest)) if w.casefold() not in _STAMP_WORDS]
        if len(words) <= _MAX_CLAIM_WORDS:
            return True
    if _STAMP_START.match(text) and len(_WORD.findall(text)) <= _MAX_BYLINE_WORDS:
        return True
    if not _BYLINE.match(text) or text.rstrip().endswith((".", "!", "?")):
        return False
    return len(_WORD.findall(text)) <= _MAX_BYLINE_WORDS
