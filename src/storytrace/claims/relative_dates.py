"""Relative days resolved against the article's own publication date.

"On Thursday" in an article published on Friday 15 March 2024 is 14 March;
"yesterday" in one published on Saturday is Friday. Two articles that say
"Thursday" and "yesterday" on different days may mean one day, and two that
both say "yesterday" on different days mean two. So a weekday or a relative
day is compared only once resolved to a calendar date; without a
publication date it is not compared at all.

>>> resolve(TimeValue(0, 8, "Thursday", "weekday", "thursday"), "2024-03-15T09:00:00Z").value
'2024-03-14'
>>> resolve(TimeValue(0, 9, "yesterday", "relative", "yesterday"), "2024-03-16").value
'2024-03-15'
>>> resolve(TimeValue(0, 8, "Saturday", "weekday", "saturday"), "2024-03-15", future=True).value
'2024-03-16'
>>> resolve(TimeValue(0, 8, "Thursday", "weekday", "thursday"), None) is None
True
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from storytrace.claims.times import TimeValue
from storytrace.dates import parse_iso

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_OFFSETS = {
    "yesterday": -1, "last night": -1, "today": 0, "tonight": 0, "this morning": 0,
    "this afternoon": 0, "this evening": 0, "tomorrow": 1,
}  # fmt: skip


FUTURE = re.compile(
    r"\b(?:will|would|shall|going to|due to|expected to|scheduled|plans? to|set to|next)\b"
    r"|'ll\b",
    re.IGNORECASE,
)
"""Words that make a statement look ahead, so its weekday lies after the day of writing."""


def publication_day(published: str | None) -> date | None:
    """The calendar day of an ISO 8601 publication date or date-time, if it parses."""
    if not published:
        return None
    moment = parse_iso(published)
    if moment is not None:
        return moment.date()
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def resolve(value: TimeValue, published: str | None, *, future: bool = False) -> TimeValue | None:
    """The calendar date a weekday or relative day names, as a ``date`` value; ``None``
    when it cannot be resolved (no publication date, or not a relative day).

    A weekday is the latest such day on or before the day of writing, or with
    ``future`` (the statement looks ahead: "teams would arrive on Saturday") the
    next such day on or after it.
    """
    day = publication_day(published)
    if day is None or value.kind not in ("weekday", "relative"):
        return None
    if value.kind == "weekday" and future:
        when = day + timedelta(days=(_WEEKDAYS.index(value.value) - day.weekday()) % 7)
    elif value.kind == "weekday":
        # News tells what happened: the latest such weekday on or before the day of writing.
        back = (day.weekday() - _WEEKDAYS.index(value.value)) % 7
        when = day - timedelta(days=back)
    else:
        when = day + timedelta(days=_OFFSETS[value.value])
    return TimeValue(value.start, value.end, value.text, "date", when.isoformat())
