"""Dates and clock times in a claim, normalised so that formats do not matter.

Relative days ("yesterday", "on Thursday") say nothing alone: they are
resolved against each article's own publication date
(:mod:`.relative_dates`) before they are compared. A clock time keeps its
zone (``local`` unless GMT/UTC or another zone is written after it) and
whether it is approximate (``about 2:40 a.m.``); times in different zones
are never compared. Weekdays, calendar dates (``13 March``, ``March 13,
2026``), months and years are each compared with their own kind.

>>> [(t.kind, t.value) for t in find_times("at about 2:40 a.m. local time (0140 GMT) on Friday")]
[('clock', 'local 02:40'), ('clock', 'GMT 01:40'), ('weekday', 'friday')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

TimeKind = Literal["clock", "weekday", "relative", "date", "month", "year"]

_MONTHS = (
    "january february march april may june july august september october november december"
).split()
_MONTH_NAMES = {name: number for number, name in enumerate(_MONTHS, start=1)}
_MONTH_NAMES.update({name[:3]: number for name, number in list(_MONTH_NAMES.items())})
_MONTH_NAMES["sept"] = 9
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
_ZONE = r"(?P<zone>GMT|UTC|BST|CET|CEST|EST|EDT|ET|PST|PDT|PT|CST|CDT|local time)"
_APPROXIMATE = re.compile(
    r"(?:about|around|approximately|roughly|shortly (?:before|after)|just (?:before|after)"
    r"|some time)\s*$",
    re.IGNORECASE,
)
_CLOCK = re.compile(
    r"(?<![\w:.])(?:(?P<hour>\d{1,2})(?:[:.](?P<minute>\d{2}))?\s*(?P<meridiem>a\.m\.|p\.m\.|am\b|pm\b)"
    r"|(?P<hour24>[01]?\d|2[0-3]):(?P<minute24>[0-5]\d)(?![\d:])"
    r"|(?P<military>[0-2]\d[0-5]\d)(?=\s*(?:GMT|UTC|hours|hrs)\b)"
    r"|(?P<word>noon|midnight|midday))"
    rf"(?:\s*\(?\s*{_ZONE})?",
    re.IGNORECASE,
)
_DATE = re.compile(
    rf"(?<!\w)(?:(?P<month1>{_MONTH})\s+(?P<day1>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year1>\d{{4}}))?"
    rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month2>{_MONTH})(?:,?\s+(?P<year2>\d{{4}}))?)(?!\w)"
)
_MONTH_ONLY = re.compile(
    rf"(?<!\w)(?:in|since|until|by|last|next|early|late|mid-?)\s+(?P<month>{_MONTH})(?:\s+(?P<year>\d{{4}}))?(?!\w)"
)
_RELATIVE = re.compile(
    r"(?<!\w)(yesterday|today|tonight|tomorrow|last night"
    r"|this (?:morning|afternoon|evening))(?!\w)",
    re.IGNORECASE,
)
_WEEKDAY = re.compile(r"(?<!\w)(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?(?!\w)")
_MEASURES = (
    r"%|per ?cent|people|persons|metres|meters|feet|ft|tonnes|tons|km|kilometres|miles|"
    r"dollars|euros|pounds|votes|troops|soldiers|workers|homes|houses|cases"
)
_YEAR = re.compile(rf"(?<![\w.,])(?P<year>1[89]\d\d|20\d\d)(?![\w.,]\d|\s*(?:{_MEASURES})\b)")


@dataclass(frozen=True, slots=True)
class TimeValue:
    """A date or time in a text: where, as written, its kind and normalised value."""

    start: int
    end: int
    text: str
    kind: TimeKind
    value: str
    minutes: int | None = None
    approximate: bool = False

    def agrees_with(self, other: TimeValue) -> bool:
        """Whether two values of one kind can both be true; other kinds never disagree."""
        if self.kind != other.kind or self.kind == "relative":
            # "yesterday" in two articles of different days need not be one day; see
            # storytrace.claims.relative_dates for resolving them against publication dates.
            return True
        if self.kind == "clock":
            zone, other_zone = self.value.split()[0], other.value.split()[0]
            if zone != other_zone or self.minutes is None or other.minutes is None:
                return True
            tolerance = 20 if self.approximate or other.approximate else 5
            gap = abs(self.minutes - other.minutes)
            return min(gap, 24 * 60 - gap) <= tolerance
        if self.kind == "date":
            # "13 March" and "13 March 2026" agree; a year is compared only if both give one.
            mine, theirs = self.value.split("-"), other.value.split("-")
            return mine[-2:] == theirs[-2:] and (len(mine) < 3 or len(theirs) < 3 or mine == theirs)
        return self.value == other.value


def _clock(match: re.Match[str], text: str) -> TimeValue:
    zone = (match["zone"] or "local time").upper().replace("LOCAL TIME", "local")
    if match["word"]:
        minutes = 0 if match["word"].casefold() == "midnight" else 12 * 60
    elif match["military"]:
        minutes = int(match["military"][:2]) * 60 + int(match["military"][2:])
    elif match["hour24"]:
        minutes = int(match["hour24"]) * 60 + int(match["minute24"])
    else:
        hour = int(match["hour"]) % 12
        if match["meridiem"].casefold().startswith("p"):
            hour += 12
        minutes = hour * 60 + int(match["minute"] or 0)
    approximate = bool(_APPROXIMATE.search(text[max(0, match.start() - 20) : match.start()]))
    value = f"{zone} {minutes // 60:02d}:{minutes % 60:02d}"
    return TimeValue(
        match.start(), match.end(), match.group(), "clock", value, minutes, approximate
    )


def find_times(text: str) -> list[TimeValue]:
    """Clock times, weekdays, dates, months and years written in ``text``, in order."""
    found: list[TimeValue] = [_clock(m, text) for m in _CLOCK.finditer(text)]
    taken = [(t.start, t.end) for t in found]

    def free(start: int, end: int) -> bool:
        return not any(s < end and start < e for s, e in taken)

    for match in _DATE.finditer(text):
        if not free(match.start(), match.end()):
            continue
        month = _MONTH_NAMES[(match["month1"] or match["month2"]).rstrip(".").casefold()]
        day = int(match["day1"] or match["day2"])
        year = match["year1"] or match["year2"]
        if not 1 <= day <= 31:
            continue
        value = f"{year}-{month:02d}-{day:02d}" if year else f"{month:02d}-{day:02d}"
        found.append(TimeValue(match.start(), match.end(), match.group(), "date", value))
        taken.append((match.start(), match.end()))
    for match in _MONTH_ONLY.finditer(text):
        start = match.start("month")
        if free(start, match.end()):
            month = _MONTH_NAMES[match["month"].rstrip(".").casefold()]
            value = f"{match['year']}-{month:02d}" if match["year"] else f"{month:02d}"
            found.append(TimeValue(start, match.end(), text[start : match.end()], "month", value))
            taken.append((start, match.end()))
    for match in _WEEKDAY.finditer(text):
        if free(match.start(), match.end()):
            value = match.group(1).casefold()
            found.append(TimeValue(match.start(), match.end(), match.group(), "weekday", value))
            taken.append((match.start(), match.end()))
    for match in _RELATIVE.finditer(text):
        if free(match.start(), match.end()):
            value = " ".join(match.group(1).casefold().split())
            found.append(TimeValue(match.start(), match.end(), match.group(), "relative", value))
            taken.append((match.start(), match.end()))
    for match in _YEAR.finditer(text):
        if free(match.start(), match.end()):
            found.append(
                TimeValue(match.start(), match.end(), match.group(), "year", match["year"])
            )
    found.sort(key=lambda t: t.start)
    return found
