"""RSS and Atom feeds: entries that carry the full article become documents.

Entries that only link to the article are fetched when the user asked for it
(``fetch``); otherwise each is reported with the link to fetch.
"""

from __future__ import annotations

import calendar
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import feedparser

from storytrace.models import RawDocument, Rejected

MIN_CONTENT_WORDS = 60
"""An entry summary this long is taken as the article itself, not a teaser."""

Fetch = Callable[[str, str], Iterator[RawDocument | Rejected]]
"""Downloads a URL; called with the URL and the source name to report it under."""


def _iso(parsed: time.struct_time | None) -> str | None:
    if parsed is None:
        return None
    moment = datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC)
    return moment.isoformat().replace("+00:00", "Z")


_RSS_AUTHOR = re.compile(r"^\S+@\S+\s*\((?P<name>[^()]+)\)$")


def _author(entry: Any) -> str | None:
    """The entry's author name; RSS writes it as ``email (Name)``."""
    author = str(entry.get("author", "") or "").strip()
    match = _RSS_AUTHOR.match(author)
    if match:
        return match.group("name").strip()
    detail = entry.get("author_detail") or {}
    name = str(detail.get("name", "") or author).strip()
    return name or None


def _entry_html(entry: Any) -> str | None:
    contents = [c.get("value", "") for c in entry.get("content", []) if c.get("value")]
    if contents:
        return str(max(contents, key=len))
    summary = str(entry.get("summary", "") or "")
    if len(summary.split()) >= MIN_CONTENT_WORDS:
        return summary
    return None


def read_feed(
    source: str, data: bytes, *, fetch: Fetch | None = None
) -> Iterator[RawDocument | Rejected]:
    """The full-content entries of a feed, and fetched or reported link-only entries."""
    parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    entries = parsed.get("entries", [])
    if not entries:
        if parsed.get("bozo"):
            problem = str(parsed.get("bozo_exception", "")).strip() or "unreadable XML"
            yield Rejected(source, f"malformed feed: {problem}")
        else:
            yield Rejected(source, "feed has no entries")
        return
    outlet = str(parsed.feed.get("title", "") or "").strip() or None
    for number, entry in enumerate(entries, start=1):
        link = str(entry.get("link", "") or "") or None
        where = f"{source}#entry={number}"
        title = str(entry.get("title", "") or "").strip() or None
        published = _iso(entry.get("published_parsed") or entry.get("updated_parsed"))
        html = _entry_html(entry)
        if html is not None:
            yield RawDocument(
                source=where,
                content=html,
                format="fragment",
                url=link,
                title=title,
                byline=_author(entry),
                published=published,
                outlet=outlet,
            )
        elif link is None:
            yield Rejected(where, "feed entry has neither full content nor a link")
        elif fetch is None:
            yield Rejected(
                where, f"feed entry has only a link; pass --fetch to download the article: {link}"
            )
        else:
            for document in fetch(link, where):
                if isinstance(document, RawDocument):
                    document = _with_entry_metadata(document, title, published, outlet)
                yield document


def _with_entry_metadata(
    document: RawDocument, title: str | None, published: str | None, outlet: str | None
) -> RawDocument:
    return replace(
        document,
        title=document.title or title,
        published=document.published or published,
        outlet=document.outlet or outlet,
    )
