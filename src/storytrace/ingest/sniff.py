"""Which reader a file needs, from its name first and its first bytes second.

>>> sniff_format("story.html.gz", b"")
'html'
>>> sniff_format("download", b"<?xml version='1.0'?><rss version='2.0'>")
'feed'
"""

from __future__ import annotations

import zlib
from typing import Literal

Format = Literal["text", "html", "jsonl", "warc", "feed"]

EXTENSIONS: dict[str, Format] = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".warc": "warc",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
}
"""File name endings storytrace reads, each with its reader (``.gz`` may follow)."""

SIDECAR_NAMES = frozenset({"metadata.csv", "metadata.jsonl", "storytrace-metadata.csv"})
"""File names read as metadata sidecars rather than as articles."""


def _suffix(name: str) -> str:
    lowered = name.lower()
    if lowered.endswith(".gz"):
        lowered = lowered[:-3]
    dot = lowered.rfind(".")
    slash = max(lowered.rfind("/"), lowered.rfind("\\"))
    return lowered[dot:] if dot > slash else ""


def is_gzip_name(name: str) -> bool:
    return name.lower().endswith(".gz")


def _peek_gzip(head: bytes) -> bytes:
    """The first bytes of a gzip stream's content, as far as ``head`` reaches."""
    try:
        return zlib.decompressobj(wbits=16 + zlib.MAX_WBITS).decompress(head, 2048)
    except zlib.error:
        return b""


def sniff_content(head: bytes) -> Format | None:
    """The format of a document from its first bytes, or ``None`` if unsure."""
    if head.startswith(b"\x1f\x8b"):
        head = _peek_gzip(head)
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith(b"warc/"):
        return "warc"
    if text.startswith(b"<?xml") or text.startswith((b"<rss", b"<feed", b"<rdf")):
        window = text[:2048]
        if b"<rss" in window or b"<feed" in window or b"<rdf:rdf" in window:
            return "feed"
        if b"<html" in window:
            return "html"
        return None
    if text.startswith((b"<!doctype html", b"<html", b"<head", b"<body")):
        return "html"
    if text.startswith(b"{"):
        return "jsonl"
    return None


def sniff_format(name: str, head: bytes) -> Format | None:
    """The reader for a file called ``name`` whose content starts with ``head``.

    A known extension decides, except that ``.xml`` must hold a feed; a file
    with another or no extension is read only if its content is recognisable.
    """
    by_name = EXTENSIONS.get(_suffix(name))
    if by_name == "feed" and _suffix(name) == ".xml":
        return sniff_content(head) or "feed"
    return by_name or sniff_content(head)


__all__ = ["EXTENSIONS", "SIDECAR_NAMES", "Format", "is_gzip_name", "sniff_content", "sniff_format"]
