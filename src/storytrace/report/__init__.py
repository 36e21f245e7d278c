"""Renderers of a :class:`~storytrace.models.Report`: JSON (the contract) and Markdown."""

from storytrace.report.document import REPORT_SCHEMA_VERSION, report_document
from storytrace.report.files import write_report
from storytrace.report.markdown import render_markdown

__all__ = ["REPORT_SCHEMA_VERSION", "render_markdown", "report_document", "write_report"]
