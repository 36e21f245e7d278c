"""The HTML report: one self-contained file, readable on a phone and on paper.

Everything is inlined (style, script, the provenance graphs as SVG); the page
loads nothing from anywhere, and its Content-Security-Policy forbids it to:
only the report's own script and stylesheet run, identified by their hashes.
Links to an article's original page are plain links, made only for http(s)
URLs.

>>> from storytrace.models import Article, Report
>>> page = render_html(Report(articles=(Article(id="a1", source="x", text="<b>Hi</b>"),)))
>>> "&lt;b&gt;Hi&lt;/b&gt;" in page and "<b>Hi" not in page
True
"""

from __future__ import annotations

from pathlib import Path

from storytrace import __version__
from storytrace.models import Report
from storytrace.report.templating import asset, csp_hash, environment
from storytrace.report.views import report_view


def report_policy(style: str, script: str) -> str:
    """The report's Content-Security-Policy: nothing but its own inline style and script."""
    return (
        f"default-src 'none'; script-src {csp_hash(script)}; style-src {csp_hash(style)}; "
        "img-src 'none'; font-src 'none'; connect-src 'none'; media-src 'none'; "
        "object-src 'none'; frame-src 'none'; base-uri 'none'; form-action 'none'"
    )


def _anchor(article_id: str) -> str:
    return f"#article-{article_id}"


def render_html(report: Report) -> str:
    """The whole report as one HTML document."""
    style, script = asset("storytrace.css"), asset("storytrace.js")
    template = environment().get_template("report.html")
    return template.render(
        report=report_view(report),
        style=style,
        script=script,
        policy=report_policy(style, script),
        generator=f"storytrace {__version__}",
        article_href=_anchor,
    )


def write_html(report: Report, folder: str | Path) -> Path:
    """Write ``report.html`` into ``folder`` (created if needed); returns its path."""
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    path = out / "report.html"
    path.write_text(render_html(report), encoding="utf-8")
    return path
