"""Metadata sidecars: a CSV or JSON Lines file giving plain files their url, outlet and date.

Rows name a file (``file``, ``path`` or ``filename`` column) by its name or
by its path relative to the sidecar; the other recognised columns are
``url``, ``outlet``, ``published``, ``title``, ``byline`` and ``language``.

>>> sidecar = parse_sidecar("metadata.csv", b"file,outlet\\na.txt,Daily Example\\n")
>>> sidecar.rows["a.txt"]["outlet"]
'Daily Example'
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field, replace
from pathlib import Path

from storytrace.errors import InputError
from storytrace.ingest.decode import NotText, decode_bytes
from storytrace.models import RawDocument, Rejected

FIELDS = ("url", "outlet", "published", "title", "byline", "language")
_KEYS = ("file", "path", "filename", "name")


@dataclass(frozen=True, slots=True)
class Sidecar:
    """Metadata rows keyed by file name or relative path, and the rows that were unusable."""

    rows: dict[str, dict[str, str]]
    problems: tuple[Rejected, ...] = field(default_factory=tuple)

    def apply(self, document: RawDocument, path: Path, root: Path | None) -> RawDocument:
        """Fill the document's missing metadata from the row naming its file, if any."""
        keys = [path.name]
        if root is not None and path.is_relative_to(root):
            keys.insert(0, path.relative_to(root).as_posix())
        row = next((self.rows[key] for key in keys if key in self.rows), None)
        if row is None:
            return document
        return replace(
            document,
            url=document.url or row.get("url"),
            outlet=document.outlet or row.get("outlet"),
            published=document.published or row.get("published"),
            title=document.title or row.get("title"),
            byline=document.byline or row.get("byline"),
            language=document.language or row.get("language"),
        )


def _records(source: str, text: str) -> list[dict[str, str]]:
    if source.lower().endswith(".jsonl"):
        records = []
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                value = json.loads(line)
            except json.JSONDecodeError as error:
                raise InputError(f"{source} line {number}: invalid JSON ({error.msg})") from error
            if isinstance(value, dict):
                records.append({str(k): "" if v is None else str(v) for k, v in value.items()})
        return records
    return [dict(row) for row in csv.DictReader(io.StringIO(text))]


def parse_sidecar(source: str, data: bytes) -> Sidecar:
    """Read a sidecar; rows without a file name are reported, not silently dropped."""
    try:
        text = decode_bytes(data).text
    except NotText as error:
        raise InputError(f"metadata sidecar {source} is not text: {error}") from error
    rows: dict[str, dict[str, str]] = {}
    problems = []
    for number, record in enumerate(_records(source, text), start=1):
        lowered = {
            key.strip().lower(): (value or "").strip() for key, value in record.items() if key
        }
        name = next((lowered[key] for key in _KEYS if lowered.get(key)), None)
        if name is None:
            problems.append(
                Rejected(
                    f"{source}#row={number}", "metadata row names no file (need a 'file' column)"
                )
            )
            continue
        rows[name.replace("\\", "/")] = {k: v for k, v in lowered.items() if k in FIELDS and v}
    return Sidecar(rows=rows, problems=tuple(problems))
