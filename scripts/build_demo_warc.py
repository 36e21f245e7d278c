"""Build the demo corpus's WARC file from the HTML pages in ``scripts/demo_warc_sources/``.

The pages live outside ``src/storytrace/demo/corpus/`` so that the demo reads
them once, from the WARC, and not a second time as loose HTML files.

The output is deterministic: record IDs are UUIDs derived from the record's
URL and type, WARC-Date and the HTTP ``Date`` header are fixed per page, and
warcio compresses each record with zlib's gzip wrapper, whose header carries no
timestamp. Rerunning the script gives byte-identical output (checked by
``--check``, which exits non-zero when the committed file is stale).

Usage::

    python scripts/build_demo_warc.py           # (re)write the WARC
    python scripts/build_demo_warc.py --check   # verify it is up to date
"""

from __future__ import annotations

import argparse
import hashlib
import io
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "scripts" / "demo_warc_sources"
OUTPUT = ROOT / "src" / "storytrace" / "demo" / "corpus" / "archive.warc.gz"

NAMESPACE = uuid.UUID("6f1c2c7e-5b1a-4c1e-9d61-3e0f8c7a2b10")
"""Fixed namespace for the record IDs, so that they do not change between runs."""

USER_AGENT = (
    "Mozilla/5.0 (compatible; storytrace-demo-crawler/1.0; +https://storytrace.example/demo)"
)


@dataclass(frozen=True)
class Capture:
    """One crawled page: its source file, URL, and when it was fetched."""

    source: str
    url: str
    warc_date: str
    http_date: str
    last_modified: str


CAPTURES = (
    Capture(
        source="observer-lusk-residents-night-of-fire.html",
        url=(
            "https://www.valdeniaobserver.example/corvenna/2026/03/13/"
            "lusk-residents-night-of-fire-sander-quay"
        ),
        warc_date="2026-03-15T08:02:11Z",
        http_date="Sun, 15 Mar 2026 08:02:11 GMT",
        last_modified="Fri, 13 Mar 2026 18:40:00 GMT",
    ),
    Capture(
        source="observer-sander-quay-strike-ends.html",
        url=(
            "https://www.valdeniaobserver.example/corvenna/2026/02/10/"
            "sander-quay-strike-ends-night-staffing-review"
        ),
        warc_date="2026-03-15T08:02:14Z",
        http_date="Sun, 15 Mar 2026 08:02:14 GMT",
        last_modified="Tue, 10 Feb 2026 19:05:00 GMT",
    ),
)


def _record_id(*parts: str) -> str:
    return f"<urn:uuid:{uuid.uuid5(NAMESPACE, '|'.join(parts))}>"


def build() -> bytes:
    """The WARC file's bytes: a warcinfo record, then a request and its response per page."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True, warc_version="1.0")

    info = writer.create_warcinfo_record(
        "archive.warc.gz",
        {
            "software": "storytrace scripts/build_demo_warc.py (warcio)",
            "format": "WARC File Format 1.0",
            "description": "storytrace demo corpus: invented pages, fiction",
            "isPartOf": "storytrace-demo",
        },
    )
    info.rec_headers.replace_header("WARC-Record-ID", _record_id("warcinfo"))
    info.rec_headers.replace_header("WARC-Date", CAPTURES[0].warc_date)
    writer.write_record(info)
    info_id = _record_id("warcinfo")

    for capture in CAPTURES:
        body = (SOURCES / capture.source).read_bytes()
        path = "/" + capture.url.split("/", 3)[3]
        host = capture.url.split("/")[2]

        request_headers = StatusAndHeaders(
            f"GET {path} HTTP/1.1",
            [
                ("Host", host),
                ("User-Agent", USER_AGENT),
                ("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8"),
                ("Accept-Language", "en"),
                ("Accept-Encoding", "identity"),
                ("Connection", "close"),
            ],
            is_http_request=True,
        )
        request_id = _record_id("request", capture.url)
        request = writer.create_warc_record(
            capture.url,
            "request",
            http_headers=request_headers,
            warc_headers_dict={
                "WARC-Record-ID": request_id,
                "WARC-Date": capture.warc_date,
                "WARC-Warcinfo-ID": info_id,
            },
        )

        response_headers = StatusAndHeaders(
            "200 OK",
            [
                ("Date", capture.http_date),
                ("Server", "nginx"),
                ("Content-Type", "text/html; charset=utf-8"),
                ("Content-Length", str(len(body))),
                ("Last-Modified", capture.last_modified),
                ("ETag", '"' + hashlib.sha1(body).hexdigest()[:16] + '"'),
                ("Cache-Control", "public, max-age=300"),
                ("Connection", "close"),
            ],
            protocol="HTTP/1.1",
        )
        response = writer.create_warc_record(
            capture.url,
            "response",
            payload=io.BytesIO(body),
            length=len(body),
            http_headers=response_headers,
            warc_headers_dict={
                "WARC-Record-ID": _record_id("response", capture.url),
                "WARC-Date": capture.warc_date,
                "WARC-Warcinfo-ID": info_id,
                "WARC-Concurrent-To": request_id,
                "WARC-IP-Address": "192.0.2.44",
            },
        )
        writer.write_record(request)
        writer.write_record(response)

    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="fail if the WARC file is missing or out of date"
    )
    args = parser.parse_args(argv)
    data = build()
    if args.check:
        if not OUTPUT.exists() or OUTPUT.read_bytes() != data:
            print(f"{OUTPUT} is out of date; run scripts/build_demo_warc.py", file=sys.stderr)
            return 1
        print(f"{OUTPUT} is up to date")
        return 0
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_bytes(data)
    print(f"wrote {OUTPUT} ({len(data)} bytes, {len(CAPTURES)} pages)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
