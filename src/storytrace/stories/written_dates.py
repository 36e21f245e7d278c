"""The date an undated article gives in its own lead: "May 3, 2010", "3 mai 2010", "2010-05-03".

Many pages come without a publication date. Reports still date their event in
the opening lines (a dateline, "on Tuesday, May 3, 2010"), and two reports of
two events of one kind are often months or years apart. The first full date
(a month with its year, with or without the day) written in the headline or
the first ``window`` characters of the text stands in for the publication
date when there is none; later dates are usually background ("a similar quake
in 2008"). Month names come from babel's calendar data for the article's
language, and English.

>>> written_date("Quake", "The quake struck on May 3, 2010, killing 1,200.", "en").date()
datetime.date(2010, 5, 3)
>>> written_date(None, "Le séisme a frappé le 3 mai 2010.", "fr").date()
datetime.date(2010, 5, 3)
>>> written_date(None, "It struck on Tuesday.", "en") is None
True
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from functools import cache

_ISO = re.compile(r"(?<!\d)((?:19|20)\d\d)-(0?[1-9]|1[0-2])-(0?[1-9]|[12]\d|3[01])(?!\d)")


@cache
def _month_names(language: str | None) -> dict[str, int]:
    """Lower-case month names and abbreviations of the language and of English."""
    from babel.dates import get_month_names

    names: dict[str, int] = {}
    for locale in {"en", language or "en"}:
        for width in ("wide", "abbreviated"):
            try:
                months = get_month_names(width, locale=locale)
            except (ValueError, LookupError):
                continue
            for number, name in months.items():
                names[str(name).lower().rstrip(".")] = int(number)
    names["sept"] = 9
    return names


@cache
def _pattern(language: str | None) -> re.Pattern[str]:
    names = "|".join(sorted((re.escape(n) for n in _month_names(language)), key=len, reverse=True))
    day = r"(?P<{}>[0-3]?\d)(?:st|nd|rd|th|er|º|°)?"
    return re.compile(
        rf"(?<![\w]){day.format('d1')}\.?\s+(?:de\s+)?(?P<m1>{names})\.?,?\s+(?:de\s+)?(?P<y1>(?:19|20)\d\d)(?!\d)"
        rf"|(?<![\w])(?P<m2>{names})\.?\s+{day.format('d2')},?\s+(?P<y2>(?:19|20)\d\d)(?!\d)"
        rf"|(?<![\w])(?P<m3>{names})\.?,?\s+(?:de\s+)?(?P<y3>(?:19|20)\d\d)(?!\d)",
        re.IGNORECASE,
    )


def _date(year: int, month: int, day: int | None) -> datetime | None:
    try:
        return datetime(year, month, day or 15, tzinfo=UTC)
    except ValueError:
        return None


def written_date(
    title: str | None, text: str, language: str | None, *, window: int = 600
) -> datetime | None:
    """The first full date in the headline or the lead, or ``None`` (mid-month if no day)."""
    lead = f"{title or ''}\n{text[:window]}"
    months = _month_names(language)
    found: list[tuple[int, datetime]] = []
    iso = _ISO.search(lead)
    if iso:
        parsed = _date(int(iso[1]), int(iso[2]), int(iso[3]))
        if parsed is not None:
            found.append((iso.start(), parsed))
    match = _pattern(language).search(lead)
    if match:
        for suffix in ("1", "2", "3"):
            if match[f"m{suffix}"]:
                month = months.get(match[f"m{suffix}"].lower().rstrip("."))
                day = match.groupdict().get(f"d{suffix}")
                if month:
                    parsed = _date(int(match[f"y{suffix}"]), month, int(day) if day else None)
                    if parsed is not None:
                        found.append((match.start(), parsed))
                break
    return min(found)[1] if found else None
