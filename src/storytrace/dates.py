"""Publication dates: whatever form the metadata gives, as ISO 8601 or nothing.

>>> iso_date("Wed, 13 Jul 2016 10:20:00 GMT")
'2016-07-13T10:20:00Z'
>>> iso_date("2016-07-13")
'2016-07-13'
>>> iso_date("next Tuesday") is None
True
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

from dateutil import parser

_DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def iso_date(value: str | None) -> str | None:
    """``value`` as an ISO 8601 date or UTC date-time, or ``None`` if it is not a date."""
    if value is None or not value.strip():
        return None
    value = value.strip()
    if _DATE_ONLY.match(value):
        return value
    try:
        moment: datetime = parser.parse(value)
    except (ValueError, OverflowError):
        return None
    if moment.tzinfo is None:
        if moment.hour == moment.minute == moment.second == 0 and ":" not in value:
            return moment.date().isoformat()
        return moment.isoformat()
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def parse_iso(value: str | None) -> datetime | None:
    """An ISO string from :func:`iso_date` as an aware UTC datetime (dates at midnight)."""
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
