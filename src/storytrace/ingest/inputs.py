"""The one entry point of ingest: paths, folders and URLs in, raw documents out.

Every input either yields documents or a :class:`~storytrace.models.Rejected`
entry that says why not; nothing is dropped silently and one bad file never
stops the run.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator, Sequence
from contextlib import ExitStack
from pathlib import Path

import httpx

from storytrace.errors import InputError
from storytrace.ingest.feed import read_feed
from storytrace.ingest.fetch import fetch_url, is_url, make_client
from storytrace.ingest.html import read_html
from storytrace.ingest.jsonl import read_jsonl
from storytrace.ingest.sidecar import Sidecar, parse_sidecar
from storytrace.ingest.sniff import EXTENSIONS, SIDECAR_NAMES, is_gzip_name, sniff_format
from storytrace.ingest.text import read_text
from storytrace.ingest.warc import read_warc
from storytrace.models import RawDocument, Rejected
from storytrace.settings import Settings

CONTAINER_FACTOR = 50
"""A JSON Lines file or feed may be this many times ``max_bytes``: it holds many articles."""


class _TooLarge(Exception):
    pass


def _read_limited(path: Path, limit: int) -> bytes:
    opener = gzip.open if is_gzip_name(path.name) else open
    with opener(path, "rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise _TooLarge
    return data


def _head(path: Path) -> bytes:
    with open(path, "rb") as handle:
        return handle.read(4096)


class _Reader:
    """Reads inputs one by one, opening an HTTP client only when a URL needs it."""

    def __init__(self, settings: Settings, stack: ExitStack) -> None:
        self.settings = settings
        self._stack = stack
        self._client: httpx.Client | None = None

    @property
    def client(self) -> httpx.Client:
        if self._client is None:
            self._client = self._stack.enter_context(make_client(self.settings))
        return self._client

    def fetch(self, url: str, source: str | None = None) -> Iterator[RawDocument | Rejected]:
        return fetch_url(url, client=self.client, settings=self.settings, source=source)

    def read_file(
        self, path: Path, *, root: Path | None, sidecar: Sidecar | None
    ) -> Iterator[RawDocument | Rejected]:
        for document in self._read_file(path):
            if sidecar is not None and isinstance(document, RawDocument):
                document = sidecar.apply(document, path, root)
            yield document

    def _read_file(self, path: Path) -> Iterator[RawDocument | Rejected]:
        source = str(path)
        limit = self.settings.max_bytes
        try:
            size = path.stat().st_size
            if size == 0:
                yield Rejected(source, "empty file (0 bytes)")
                return
            fmt = sniff_format(path.name, _head(path))
            if fmt is None:
                known = ", ".join(sorted(EXTENSIONS))
                suffix = path.suffix or "no extension"
                yield Rejected(
                    source,
                    f"unknown file type ({suffix}) and content not recognised as HTML, a feed, "
                    f"WARC or JSON Lines; storytrace reads {known} (optionally .gz)",
                )
                return
            if fmt == "warc":
                with open(path, "rb") as stream:
                    yield from read_warc(source, stream, max_bytes=limit)
                return
            container = fmt in ("jsonl", "feed")
            cap = limit * CONTAINER_FACTOR if container else limit
            if size > cap and not is_gzip_name(path.name):
                yield Rejected(source, _too_large(size, cap))
                return
            data = _read_limited(path, cap)
        except _TooLarge:
            yield Rejected(source, f"larger than the {cap:,}-byte limit once decompressed")
            return
        except (EOFError, gzip.BadGzipFile, zlib.error) as error:
            yield Rejected(source, f"truncated or damaged gzip file: {error}")
            return
        except OSError as error:
            yield Rejected(source, f"cannot read file: {error.strerror or error}")
            return
        if fmt == "text":
            yield from read_text(source, data)
        elif fmt == "html":
            yield from read_html(source, data)
        elif fmt == "jsonl":
            yield from read_jsonl(source, data)
        else:
            yield from read_feed(source, data, fetch=self.fetch if self.settings.fetch else None)


def _too_large(size: int, limit: int) -> str:
    return (
        f"file is {size / 1e6:,.1f} MB, larger than the {limit / 1e6:,.1f} MB limit; "
        "raise max_bytes (--max-bytes) to read it"
    )


def _folder_sidecar(folder: Path, files: Sequence[Path]) -> tuple[Sidecar | None, list[Rejected]]:
    rows: dict[str, dict[str, str]] = {}
    problems: list[Rejected] = []
    for path in files:
        if path.name.lower() in SIDECAR_NAMES:
            try:
                sidecar = parse_sidecar(str(path), path.read_bytes())
            except (InputError, OSError) as error:
                problems.append(Rejected(str(path), f"unusable metadata sidecar: {error}"))
                continue
            prefix = path.parent.relative_to(folder).as_posix()
            for key, row in sidecar.rows.items():
                rows[key] = row
                if prefix != ".":
                    rows[f"{prefix}/{key}"] = row
            problems.extend(sidecar.problems)
    return (Sidecar(rows=rows) if rows else None), problems


def read_inputs(
    inputs: Sequence[str], *, settings: Settings, sidecar: Sidecar | None = None
) -> Iterator[RawDocument | Rejected]:
    """Every document in ``inputs`` (files, folders read recursively, URLs), in order.

    Folders may hold ``metadata.csv`` or ``metadata.jsonl`` sidecars; an
    explicit ``sidecar`` applies to every file.

    >>> from storytrace.settings import Settings
    >>> [type(d).__name__ for d in read_inputs(["no/such/file.txt"], settings=Settings())]
    ['Rejected']
    """
    with ExitStack() as stack:
        reader = _Reader(settings, stack)
        for item in inputs:
            if is_url(item):
                yield from reader.fetch(item)
                continue
            path = Path(item)
            if path.is_dir():
                files = sorted(p for p in path.rglob("*") if p.is_file())
                found, problems = _folder_sidecar(path, files)
                yield from problems
                merged = _merge(sidecar, found)
                for file in files:
                    if file.name.lower() in SIDECAR_NAMES:
                        continue
                    yield from reader.read_file(file, root=path, sidecar=merged)
            elif path.is_file():
                yield from reader.read_file(path, root=path.parent, sidecar=sidecar)
            else:
                yield Rejected(item, "no such file, folder or http(s) URL")


def _merge(first: Sidecar | None, second: Sidecar | None) -> Sidecar | None:
    if first is None or second is None:
        return first or second
    return Sidecar(rows={**second.rows, **first.rows})
