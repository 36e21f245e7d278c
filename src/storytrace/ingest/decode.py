"""Bytes to text: BOMs, declared charsets, and detection for undeclared ones.

News pages in the wild come as UTF-8, but also as Windows-1256 (Arabic),
Latin-1 and other legacy encodings, often without saying so. Declared
charsets are tried first, then UTF-8, then charset-normalizer's detection.

>>> decode_bytes("caf\\xe9 cr\\xe8me".encode("cp1252")).text
'café crème'
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([\w:.-]+)""", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded text and the encoding it was read with."""

    text: str
    encoding: str


class NotText(ValueError):
    """The bytes are not text in any encoding storytrace can recognise."""


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample and not sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return True
    controls = sum(1 for byte in sample if byte < 9 or 13 < byte < 32)
    return controls > len(sample) * 0.05


def declared_charset(data: bytes) -> str | None:
    """The charset a page or XML file declares about itself, if any."""
    head = data[:4096]
    for pattern in (_META_CHARSET, _XML_ENCODING):
        match = pattern.search(head)
        if match:
            name = match.group(1).decode("ascii", "replace")
            try:
                return codecs.lookup(name).name
            except LookupError:
                return None
    return None


def decode_bytes(data: bytes, *, declared: str | None = None) -> Decoded:
    """Decode ``data``, trusting a BOM, then a declared charset, then UTF-8, then detection.

    Raises :class:`NotText` for binary data.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return Decoded(data.decode(encoding, errors="replace"), encoding.replace("-sig", ""))
    if _looks_binary(data):
        raise NotText("binary data (control bytes or NUL), not text")
    candidates = [c for c in (declared, declared_charset(data)) if c]
    for encoding in [*candidates, "utf-8"]:
        try:
            return Decoded(data.decode(encoding), codecs.lookup(encoding).name)
        except (UnicodeDecodeError, LookupError):
            continue
    matches = from_bytes(data)
    best = matches.best()
    if best is None or best.encoding is None:
        raise NotText("not text in any known encoding")
    western = _as_western(data)
    if western is not None and any(
        m.encoding == "cp1252" or "cp1252" in m.could_be_from_charset for m in matches
    ):
        return Decoded(western, "cp1252")
    return Decoded(str(best), codecs.lookup(best.encoding).name)


def _as_western(data: bytes) -> str | None:
    """The Windows-1252 reading of ``data`` when every non-ASCII character is a Latin letter.

    Short Western European texts are ambiguous between the single-byte code
    pages; detection then often picks Central European cp1250 and turns "à"
    into "ŕ". Windows-1252 is far more common, and a reading in which every
    non-ASCII character is an accented Latin letter is the likely one.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    extra = [char for char in text if not char.isascii()]
    if extra and all(char.isalpha() and "\u00c0" <= char <= "\u00ff" for char in extra):
        return text
    return None
