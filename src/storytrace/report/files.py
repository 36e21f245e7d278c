"""Writing a report's files into an output folder."""

from __future__ import annotations

import json
from pathlib import Path

from storytrace.models import Report
from storytrace.report.document import report_document
from storytrace.report.html import write_html
from storytrace.report.markdown import render_markdown


def write_report(report: Report, folder: str | Path) -> list[Path]:
    """Write ``report.json``, ``report.md`` and ``report.html`` into ``folder``.

    Returns the paths written.
    """
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    json_path = out / "report.json"
    json_path.write_text(
        json.dumps(report_document(report), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    written.append(json_path)
    md_path = out / "report.md"
    md_path.write_text(render_markdown(report), encoding="utf-8")
    written.append(md_path)
    written.append(write_html(report, out))
    return written
