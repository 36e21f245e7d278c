"""Publication dates: whatever form the metadata gives, as ISO 8601 or nothing.

>>> iso_date("Wed, 13 Jul 2016 10:20:00 GMT")
'2016-07-13T10:20:00Z'
>>> iso_date("November 19, 2019, 07:47 PM EST")
'2019-11-19T19:47:00-05:00'
>>> iso_date("2019") is None
True
>>> iso_date("2016-07-13")
'2016-07-13'
>>> iso_date("next Tuesday") is None
True
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from dateutil import parser

_DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_HAS_DAY = re.compile(r"\d{4}-\d{1,2}-\d{1,2}|\b\d{1,2}\b.*\b\d{4}\b|\b\d{4}\b.*\b\d{1,2}\b")

# Zone abbreviations news sites print; dateutil knows only UTC/GMT without help.
_ZONES = {
    name: hours * 3600
    for name, hours in {
        "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
        "AKST": -9, "HST": -10, "BST": 1, "IST": 1, "CET": 1, "CEST": 2, "EET": 2, "EEST": 3,
        "MSK": 3, "AST": 3, "GST": 4, "PKT": 5, "WIB": 7, "SGT": 8, "HKT": 8, "JST": 9,
        "KST": 9, "AEST": 10, "AEDT": 11, "NZST": 12, "NZDT": 13, "WAT": 1, "CAT": 2, "EAT": 3,
    }.items()
}  # fmt: skip


def iso_date(value: str | None) -> str | None:
    """``value`` as an ISO 8601 date or date-time, or ``None`` if it is not a full date.

    A date-time keeps the offset it was given in (so a US evening story keeps
    its local date); UTC is written ``Z``. A year or a month alone is not a date.
    """
    if value is None or not value.strip():
        return None
    value = value.strip()
    if _DATE_ONLY.match(value):
        return value
    if not _HAS_DAY.search(value):
        return None
    try:
        moment: datetime = parser.parse(value, tzinfos=_ZONES)
    except (ValueError, OverflowError):
        return None
    if moment.tzinfo is None:
        if moment.hour == moment.minute == moment.second == 0 and ":" not in value:
            return moment.date().isoformat()
        return moment.isoformat()
    if moment.utcoffset() == timedelta(0):
        return moment.replace(tzinfo=None).isoformat() + "Z"
    return moment.isoformat()


def parse_iso(value: str | None) -> datetime | None:
    """An ISO string from :func:`iso_date` as an aware UTC datetime (dates at midnight)."""
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
