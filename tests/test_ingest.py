from __future__ import annotations

import http.server
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest

from storytrace.ingest import read_inputs, sniff_format
from storytrace.ingest.decode import NotText, decode_bytes
from storytrace.models import RawDocument, Rejected
from storytrace.settings import Settings


def _read(*inputs: Path | str, settings: Settings | None = None) -> list[RawDocument | Rejected]:
    return list(read_inputs([str(i) for i in inputs], settings=settings or Settings()))


def _documents(items: list[RawDocument | Rejected]) -> list[RawDocument]:
    return [item for item in items if isinstance(item, RawDocument)]


def _rejected(items: list[RawDocument | Rejected]) -> list[Rejected]:
    return [item for item in items if isinstance(item, Rejected)]


@pytest.mark.parametrize(
    ("name", "head", "expected"),
    [
        ("a.txt", b"", "text"),
        ("a.HTML", b"", "html"),
        ("a.htm.gz", b"", "html"),
        ("a.jsonl", b"", "jsonl"),
        ("a.warc.gz", b"", "warc"),
        ("a.rss", b"", "feed"),
        ("a.xml", b"<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'>", "feed"),
        ("download", b"<!DOCTYPE html><html>", "html"),
        ("download", b"WARC/1.0\r\n", "warc"),
        ("notes.xyz", b"plain words", None),
    ],
)
def test_ingest_sniffs_format_from_name_then_content(
    name: str, head: bytes, expected: str | None
) -> None:
    assert sniff_format(name, head) == expected


def test_ingest_reads_plain_text_with_sidecar_metadata(data: Path) -> None:
    documents = {d.source: d for d in _documents(_read(data / "inputs"))}
    quake = documents[str(data / "inputs" / "quake.txt")]
    assert quake.format == "text"
    assert quake.outlet == "Harbour Press"
    assert quake.url == "https://www.harbourpress.example/quake"
    assert quake.published == "2026-02-03T08:00:00Z"


@pytest.mark.parametrize(
    ("name", "encoding", "needle"),
    [
        ("arabic-cp1256.txt", "cp1256", "حفتر"),
        ("seisme-latin1.html", "cp1252", "Séisme à Port Elwin"),
    ],
)
def test_ingest_decodes_legacy_encodings(data: Path, name: str, encoding: str, needle: str) -> None:
    [document] = _documents(_read(data / "inputs" / name))
    assert document.encoding == encoding
    assert needle in document.content


def test_ingest_reads_gzip_compressed_html(data: Path) -> None:
    [document] = _documents(_read(data / "inputs" / "quake-compressed.html.gz"))
    assert document.format == "html"
    assert "lighthouse" in document.content


def test_ingest_reads_json_lines_and_reports_bad_lines(data: Path) -> None:
    items = _read(data / "inputs" / "articles.jsonl")
    documents = _documents(items)
    assert [d.format for d in documents] == ["text", "html"]
    assert documents[0].outlet == "Northstar News"
    assert documents[0].byline == "Jon Hale"
    assert documents[0].source.endswith("articles.jsonl#line=1")
    reasons = [r.reason for r in _rejected(items)]
    assert reasons == [
        "invalid JSON on line 4: Expecting value",
        "line 5 is a JSON list, not an object",
        'line 6 has no non-empty "text" or "html" field',
    ]


@pytest.mark.parametrize("name", ["archive.warc", "archive.warc.gz"])
def test_ingest_reads_html_responses_from_warc(data: Path, name: str) -> None:
    items = _read(data / "inputs" / name)
    [document] = _documents(items)
    assert document.url == "https://www.coastdaily.example/news/quake-lighthouse"
    assert document.format == "html"
    [skipped] = _rejected(items)
    assert "1 image/png" in skipped.reason
    assert "HTTP status 404" in skipped.reason


def test_ingest_reads_full_content_feed_entries_and_reports_link_only_ones(data: Path) -> None:
    items = _read(data / "inputs" / "feed.rss")
    [document] = _documents(items)
    assert document.format == "fragment"
    assert document.title == "Power back in most of Port Elwin after quake"
    assert document.published == "2026-02-04T06:30:00Z"
    assert document.outlet == "Harbour Press"
    assert document.byline == "Harbour Press desk"
    [link_only] = _rejected(items)
    assert "pass --fetch" in link_only.reason
    assert "https://www.harbourpress.example/lighthouse-rebuilt" in link_only.reason


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("empty.txt", "empty file (0 bytes)"),
        ("blank.txt", "empty file"),
        ("noise.txt", "not a text file: binary data"),
        ("random.bin", "unknown file type (.bin)"),
        ("image.png", "unknown file type (.png)"),
        ("notes.xyz", "unknown file type (.xyz)"),
        ("truncated.html.gz", "truncated or damaged gzip file"),
        ("truncated.warc.gz", "WARC record is truncated"),
        ("malformed.rss", "malformed feed"),
    ],
)
def test_ingest_bad_input_becomes_a_rejected_entry_with_a_reason(
    data: Path, name: str, reason: str
) -> None:
    items = _read(data / "bad" / name)
    assert _documents(items) == []
    assert any(reason in r.reason for r in _rejected(items)), items


def test_ingest_rejects_a_file_over_the_size_limit_without_reading_it(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as handle:
        handle.truncate(200 * 1024 * 1024)  # sparse: costs no disk
    [rejected] = _read(huge)
    assert isinstance(rejected, Rejected)
    assert "209.7 MB, larger than the 20.0 MB limit" in rejected.reason


def test_ingest_rejects_a_missing_path() -> None:
    [rejected] = _read("no/such/place")
    assert isinstance(rejected, Rejected)
    assert rejected.reason == "no such file, folder or http(s) URL"


def test_ingest_a_bad_file_does_not_stop_the_others(data: Path) -> None:
    items = _read(data / "bad" / "empty.txt", data / "inputs" / "quake.txt")
    assert len(_documents(items)) == 1
    assert len(_rejected(items)) == 1


def test_decode_refuses_binary_data() -> None:
    with pytest.raises(NotText):
        decode_bytes(b"\x00\x01\x02\x03" * 100)


def test_decode_trusts_a_byte_order_mark() -> None:
    decoded = decode_bytes("\ufeffLe phare".encode("utf-16-le"))
    assert decoded.text == "Le phare"


class _Handler(http.server.BaseHTTPRequestHandler):
    pages: ClassVar[dict[str, tuple[int, str, str]]] = {
        "/story": (
            200,
            "text/html; charset=windows-1252",
            "<html><body><p>caf\xe9</p></body></html>",
        ),
        "/feed": (
            200,
            "application/rss+xml",
            "<?xml version='1.0'?><rss><channel><title>T</title>"
            "<item><title>I</title><link>http://x.invalid/a</link></item></channel></rss>",
        ),
        "/plain": (200, "text/plain; charset=utf-8", "Plain story text."),
        "/image": (200, "image/png", "\x89PNG"),
        "/big": (200, "text/html", "<p>" + "x" * 5000 + "</p>"),
    }

    def do_GET(self) -> None:
        if self.path == "/slow":
            time.sleep(1.5)
        if self.path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
            return
        status, content_type, body = self.pages.get(self.path, (404, "text/html", "missing"))
        payload = body.encode("cp1252" if "1252" in content_type else "utf-8")
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, format: str, *args: object) -> None:
        return


@pytest.fixture
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_ingest_fetches_a_page_with_its_declared_charset(server: str) -> None:
    [document] = _read(f"{server}/story")
    assert isinstance(document, RawDocument)
    assert document.format == "html"
    assert "café" in document.content
    assert document.url == f"{server}/story"


def test_ingest_fetches_plain_text(server: str) -> None:
    [document] = _read(f"{server}/plain")
    assert isinstance(document, RawDocument)
    assert document.content == "Plain story text."


def test_ingest_fetches_a_feed_and_follows_links_only_when_asked(server: str) -> None:
    [rejected] = _read(f"{server}/feed")
    assert isinstance(rejected, Rejected) and "pass --fetch" in rejected.reason


@pytest.mark.parametrize(
    ("path", "settings", "reason"),
    [
        ("/missing", Settings(), "HTTP 404 Not Found"),
        ("/image", Settings(), "unsupported content type 'image/png'"),
        ("/slow", Settings(timeout=0.3), "timed out after 0.3 s"),
        ("/loop", Settings(max_redirects=2), "more than 2 redirects"),
        ("/big", Settings(max_bytes=1000), "larger than the 1,000-byte limit"),
    ],
)
def test_ingest_url_problems_become_rejected_entries(
    server: str, path: str, settings: Settings, reason: str
) -> None:
    [rejected] = _read(f"{server}{path}", settings=settings)
    assert isinstance(rejected, Rejected)
    assert reason in rejected.reason
