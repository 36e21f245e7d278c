"""Renderers of a :class:`~storytrace.models.Report`: JSON (the contract) and Markdown."""

# Imported under private names, so that dir() lists the public names only.
import typing as _typing

from storytrace.lazy import lazy_exports as _lazy_exports

if _typing.TYPE_CHECKING:
    from storytrace.report.document import REPORT_SCHEMA_VERSION, report_document
    from storytrace.report.files import write_report
    from storytrace.report.markdown import render_markdown
else:
    # The store reads and writes JSON documents without the HTML and Markdown renderers.
    __getattr__, __dir__ = _lazy_exports(
        __name__,
        {
            "storytrace.report.document": ("REPORT_SCHEMA_VERSION", "report_document"),
            "storytrace.report.files": ("write_report",),
            "storytrace.report.markdown": ("render_markdown",),
        },
    )

__all__ = ["REPORT_SCHEMA_VERSION", "render_markdown", "report_document", "write_report"]
