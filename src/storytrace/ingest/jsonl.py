"""JSON Lines: one article per line, with ``text`` or ``html`` and optional metadata."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from storytrace.ingest.decode import NotText, decode_bytes
from storytrace.models import RawDocument, Rejected

FIELDS = ("url", "title", "outlet", "published", "byline", "language")
"""Optional metadata fields read from each line, besides ``text`` or ``html``."""


def _string(record: dict[str, Any], name: str) -> str | None:
    value = record.get(name)
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def read_jsonl(source: str, data: bytes) -> Iterator[RawDocument | Rejected]:
    """One document per usable line; a rejected entry, with its line number, per bad one.

    >>> [d.title for d in read_jsonl("a.jsonl", b'{"text": "Body", "title": "T"}')]
    ['T']
    """
    try:
        decoded = decode_bytes(data)
    except NotText as error:
        yield Rejected(source, f"not a JSON Lines file: {error}")
        return
    found = False
    for number, line in enumerate(decoded.text.splitlines(), start=1):
        if not line.strip():
            continue
        found = True
        where = f"{source}#line={number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield Rejected(where, f"invalid JSON on line {number}: {error.msg}")
            continue
        if not isinstance(record, dict):
            yield Rejected(where, f"line {number} is a JSON {type(record).__name__}, not an object")
            continue
        text, html = record.get("text"), record.get("html")
        if isinstance(html, str) and html.strip():
            content, kind = html, "html"
        elif isinstance(text, str) and text.strip():
            content, kind = text, "text"
        else:
            yield Rejected(where, f'line {number} has no non-empty "text" or "html" field')
            continue
        yield RawDocument(
            source=where,
            content=content,
            format="html" if kind == "html" else "text",
            encoding=decoded.encoding,
            **{name: _string(record, name) for name in FIELDS},
        )
    if not found:
        yield Rejected(source, "empty JSON Lines file (no records)")
