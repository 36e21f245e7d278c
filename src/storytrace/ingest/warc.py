"""WARC and WARC.gz archives: the HTML responses inside become documents.

Records are streamed with warcio, so archives larger than memory are fine.
Responses that are not HTML pages (images, scripts, redirects, errors) are not
articles; they are counted and reported in one rejected entry per archive
rather than dropped silently.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import IO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from storytrace.ingest.html import read_html
from storytrace.models import RawDocument, Rejected

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        name, _, value = part.strip().partition("=")
        if name.lower() == "charset" and value:
            return value.strip("\"' ")
    return None


def read_warc(
    source: str, stream: IO[bytes], *, max_bytes: int
) -> Iterator[RawDocument | Rejected]:
    """The HTML responses of a WARC archive, with reasons for what is not used."""
    skipped: Counter[str] = Counter()
    responses = 0
    try:
        for record in ArchiveIterator(stream, check_digests=False):
            if record.rec_type not in ("response", "resource"):
                continue
            responses += 1
            uri = record.rec_headers.get_header("WARC-Target-URI")
            where = f"{source}#{uri or record.rec_headers.get_header('WARC-Record-ID')}"
            if record.rec_type == "response" and record.http_headers is not None:
                status = record.http_headers.get_statuscode()
                content_type = record.http_headers.get_header("Content-Type") or ""
            else:
                status = "200"
                content_type = record.rec_headers.get_header("Content-Type") or ""
            if status != "200":
                skipped[f"HTTP status {status}"] += 1
                continue
            if not content_type.lower().startswith(_HTML_TYPES):
                skipped[content_type.split(";")[0].strip() or "no content type"] += 1
                continue
            body = record.content_stream().read(max_bytes + 1)
            if len(body) > max_bytes:
                yield Rejected(where, f"WARC record larger than the {max_bytes:,}-byte limit")
                continue
            missing = getattr(record.raw_stream, "limit", 0) or 0
            if missing > 0:
                yield Rejected(
                    where,
                    f"WARC record is truncated: the archive ends {missing:,} bytes short of it",
                )
                return
            yield from read_html(where, body, url=uri, charset=_charset(content_type))
    except (ArchiveLoadFailed, EOFError, OSError, ValueError) as error:
        yield Rejected(
            source,
            f"WARC archive is damaged or truncated after {responses} response record(s): "
            f"{(str(error).strip() or type(error).__name__).splitlines()[0]}",
        )
    if skipped:
        counts = ", ".join(f"{count} {what}" for what, count in skipped.most_common())
        yield Rejected(source, f"WARC responses that are not HTML pages were not read: {counts}")
    elif responses == 0:
        yield Rejected(source, "WARC archive holds no response records")
