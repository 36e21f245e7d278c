"""Publication dates of the generated articles, drawn independently of who copied whom.

Real dates are a weak witness of direction: pages show no date, a copy is
stamped to the minute of its source by a feed, a copy looks *earlier* than
its source because of a time zone taken for UTC, an update of the source or a
late crawl, and many pages give the day only. Each derived article draws
where its moment falls relative to its parent's (:data:`TIMING_SHARES`); the
date shown is then the moment, in UTC or a local offset, or its day only.

>>> import random
>>> from datetime import UTC, datetime
>>> moment = datetime(2016, 7, 1, 12, 0, tzinfo=UTC)
>>> show_date(moment, random.Random(1), day_only=0.0, local=0.0)
'2016-07-01T12:00:00Z'
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta, timezone
from typing import Literal

Timing = Literal["missing", "equal", "earlier", "later"]
"""Where a derived article's date falls relative to its parent's."""

TIMING_SHARES: tuple[tuple[Timing, float], ...] = (
    ("missing", 0.25),
    ("equal", 0.10),
    ("earlier", 0.15),
    ("later", 0.50),
)
"""How often each timing is drawn for a derived article."""

MISSING_SHARE = 0.25
"""How often an origin or a negative shows no date."""

DAY_ONLY_SHARE = 0.15
"""How often a shown date is the day only."""

LOCAL_SHARE = 0.25
"""How often a shown date-time is written in a local offset rather than UTC."""

_OFFSETS = (-7, -5, -4, 1, 2, 3, 5.5, 8, 10)


def draw_timing(rng: random.Random) -> Timing:
    """One timing, in the shares of :data:`TIMING_SHARES`."""
    pick = rng.random()
    for timing, share in TIMING_SHARES:
        pick -= share
        if pick < 0:
            return timing
    return "later"


def derived_moment(parent: datetime, timing: Timing, rng: random.Random) -> datetime:
    """The moment a derived article appears to have: equal, 10 min to 12 h earlier, or
    45 min to 30 h later (also for a missing date, whose moment is not shown)."""
    if timing == "equal":
        return parent
    if timing == "earlier":
        return parent - timedelta(minutes=rng.randrange(10, 12 * 60))
    return parent + timedelta(minutes=rng.randrange(45, 30 * 60))


def show_date(
    moment: datetime,
    rng: random.Random,
    *,
    day_only: float = DAY_ONLY_SHARE,
    local: float = LOCAL_SHARE,
) -> str:
    """``moment`` as a page would give it: ISO 8601 in UTC or a local offset, or the day only."""
    if rng.random() < day_only:
        return f"{moment:%Y-%m-%d}"
    if rng.random() < local:
        hours = rng.choice(_OFFSETS)
        zone = timezone(timedelta(hours=hours))
        return moment.astimezone(zone).isoformat(timespec="seconds")
    return moment.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def parse_shown(value: str | None) -> tuple[datetime, bool] | None:
    """A shown date back as ``(moment, day_only)``; a day is taken at 00:00 UTC."""
    if value is None:
        return None
    if len(value) == 10:
        return datetime.fromisoformat(value).replace(tzinfo=UTC), True
    return datetime.fromisoformat(value.replace("Z", "+00:00")), False


def compare_shown(first: str | None, second: str | None) -> int | None:
    """-1 when ``first`` is shown earlier, 1 when later, 0 when they cannot be told apart
    (the same minute, or the same day when either gives the day only), None when one is missing.

    >>> compare_shown("2016-07-01", "2016-07-01T09:00:00Z"), compare_shown("2016-07-01", None)
    (0, None)
    """
    left, right = parse_shown(first), parse_shown(second)
    if left is None or right is None:
        return None
    (a, a_day), (b, b_day) = left, right
    if a_day or b_day:
        a_key, b_key = a.astimezone(UTC).date(), b.astimezone(UTC).date()
        return (a_key > b_key) - (a_key < b_key)
    a_minute, b_minute = a.replace(second=0), b.replace(second=0)
    return (a_minute > b_minute) - (a_minute < b_minute)
