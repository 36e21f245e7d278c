"""Plain-text articles: one file, one article, decoded whatever its encoding."""

from __future__ import annotations

from collections.abc import Iterator

from storytrace.ingest.decode import NotText, decode_bytes
from storytrace.models import RawDocument, Rejected


def read_text(source: str, data: bytes) -> Iterator[RawDocument | Rejected]:
    """One plain-text document, or the reason it cannot be one.

    >>> next(read_text("a.txt", b"Quake hits city")).content
    'Quake hits city'
    """
    if not data.strip():
        yield Rejected(source, "empty file (no text)")
        return
    try:
        decoded = decode_bytes(data)
    except NotText as error:
        yield Rejected(source, f"not a text file: {error}")
        return
    if not decoded.text.strip():
        yield Rejected(source, "empty file (only whitespace)")
        return
    yield RawDocument(source=source, content=decoded.text, format="text", encoding=decoded.encoding)
