"""HTML pages: decoded with the charset the page or server declares, else detected."""

from __future__ import annotations

from collections.abc import Iterator

from storytrace.ingest.decode import NotText, decode_bytes
from storytrace.models import RawDocument, Rejected


def read_html(
    source: str, data: bytes, *, url: str | None = None, charset: str | None = None
) -> Iterator[RawDocument | Rejected]:
    """One HTML page, or the reason it cannot be read.

    ``charset`` is what an HTTP header declared; the page's own ``<meta>``
    declaration is read by :func:`~storytrace.ingest.decode.decode_bytes`.

    >>> next(read_html("a.html", b"<html><p>Hi</p></html>")).format
    'html'
    """
    if not data.strip():
        yield Rejected(source, "empty HTML file")
        return
    try:
        decoded = decode_bytes(data, declared=charset)
    except NotText as error:
        yield Rejected(source, f"not an HTML page: {error}")
        return
    yield RawDocument(
        source=source, content=decoded.text, format="html", encoding=decoded.encoding, url=url
    )
