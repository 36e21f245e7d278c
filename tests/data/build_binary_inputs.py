"""Rebuild the binary test inputs (WARC archives, legacy encodings) from text kept here.

Run from the repository root: python tests/data/build_binary_inputs.py
"""

from __future__ import annotations

import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HERE = Path(__file__).parent
PAGE = (HERE / "inputs" / "quake.html").read_bytes()


def _record(writer: WARCWriter, uri: str, body: bytes, status: str, content_type: str) -> None:
    headers = StatusAndHeaders(
        status,
        [("Content-Type", content_type), ("Content-Length", str(len(body)))],
        protocol="HTTP/1.1",
    )
    record = writer.create_warc_record(
        uri,
        "response",
        payload=io.BytesIO(body),
        http_headers=headers,
        warc_headers_dict={
            "WARC-Date": "2026-02-03T10:00:00Z",
            "WARC-Record-ID": f"<urn:uuid:00000000-0000-0000-0000-{abs(hash(uri)) % 10**12:012d}>",
        },
    )
    writer.write_record(record)


def build_warc(*, compress: bool) -> bytes:
    raw = io.BytesIO()
    writer = WARCWriter(raw, gzip=compress)
    _record(
        writer,
        "https://www.coastdaily.example/news/quake-lighthouse",
        PAGE,
        "200 OK",
        "text/html; charset=utf-8",
    )
    _record(
        writer,
        "https://www.coastdaily.example/logo.png",
        b"\x89PNG\r\n\x1a\n",
        "200 OK",
        "image/png",
    )
    _record(
        writer,
        "https://www.coastdaily.example/missing",
        b"<html>gone</html>",
        "404 Not Found",
        "text/html",
    )
    return raw.getvalue()


def main() -> None:
    (HERE / "inputs" / "archive.warc").write_bytes(build_warc(compress=False))
    compressed = build_warc(compress=True)
    (HERE / "inputs" / "archive.warc.gz").write_bytes(compressed)
    # Cut inside the first record's gzip member: the archive ends mid-record.
    (HERE / "bad" / "truncated.warc.gz").write_bytes(compressed[:700])
    arabic = (
        "تسجيلات مسربة تكشف دعما عسكريا غربيا لحفتر\n\n"
        "كشفت تسجيلات للحركة الجوية حصل عليها موقع ميدل إيست آي أن عملية عسكرية متعددة "
        "الجنسيات تشارك فيها قوات بريطانية وفرنسية وأمريكية تنسق غارات جوية دعما للواء "
        "خليفة حفتر من قاعدة قرب بنغازي في شرق ليبيا.\n"
    )
    (HERE / "inputs" / "arabic-cp1256.txt").write_bytes(arabic.encode("cp1256"))
    french = (
        '<!DOCTYPE html><html lang="fr"><head><title>Séisme à Port Elwin</title></head><body>'
        "<article><h1>Séisme à Port Elwin : le phare fissuré</h1>"
        "<p>Un séisme de magnitude 5,1 a frappé mardi matin la ville côtière de Port Elwin, "
        "fissurant le vieux phare et privant d'électricité environ 4 000 foyers, a indiqué "
        "la mairie.</p><p>« La tour du phare s'est fendue de haut en bas », a déclaré le "
        "porte-parole Tomas Berg. Personne ne se trouvait à l'intérieur, a-t-il précisé.</p>"
        "<p>Les écoles resteront fermées jusqu'à ce que les ingénieurs aient inspecté chaque "
        "bâtiment de la vieille ville, selon la préfecture régionale.</p></article></body></html>"
    )
    (HERE / "inputs" / "seisme-latin1.html").write_bytes(french.encode("latin-1"))


if __name__ == "__main__":
    main()
