"""The report as Markdown, for reading in a terminal, an editor or a code forge.

Article text is untrusted: it is quoted, never interpreted. Markdown and HTML
characters that would change the rendering are escaped.
"""

from __future__ import annotations

import re
from collections import Counter

from storytrace.models import Article, Report

_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~])")
_ENTITIES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


def escape_markdown(text: str) -> str:
    """``text`` on one line, HTML characters as entities and Markdown syntax escaped."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()).translate(_ENTITIES))


def _preview(text: str, words: int = 60) -> str:
    parts = text.split()
    cut = " ".join(parts[:words])
    return escape_markdown(cut) + (" …" if len(parts) > words else "")


def _article_section(article: Article) -> list[str]:
    title = escape_markdown(article.title or "(no title)")
    lines = [f"### {title}", ""]
    facts = [
        ("id", f"`{article.id}`"),
        ("outlet", escape_markdown(article.outlet or "unknown")),
        ("published", article.published or "unknown"),
        ("byline", escape_markdown(article.byline or "none")),
        ("language", article.language or "unknown"),
        ("source", escape_markdown(article.source)),
    ]
    lines += [f"- **{name}**: {value}" for name, value in facts]
    lines += ["", f"> {_preview(article.text)}", ""]
    if article.removed:
        kinds = Counter(piece.kind for piece in article.removed)
        summary = ", ".join(f"{count} {kind}" for kind, count in sorted(kinds.items()))
        lines += [f"Set aside as page furniture ({summary}):", ""]
        for piece in article.removed:
            where = f" [{piece.start}:{piece.end}]" if piece.start is not None else ""
            lines.append(f"- *{piece.kind}*{where}: {_preview(piece.text, 25)}")
        lines.append("")
    return lines


def render_markdown(report: Report) -> str:
    """A readable Markdown report: stories, articles with their removed furniture, rejections."""
    lines = [
        "# storytrace report",
        "",
        f"{len(report.articles)} article(s), {len(report.stories)} story(ies), "
        f"{len(report.rejected)} input(s) rejected.",
        "",
    ]
    titles = {a.id: a.title or a.id for a in report.articles}
    if report.stories:
        lines += ["## Stories", ""]
        for story in report.stories:
            lines.append(
                f"- **{escape_markdown(story.title or story.id)}** (`{story.id}`): "
                f"{len(story.article_ids)} article(s) from "
                f"{escape_markdown(', '.join(story.outlets) or 'unknown outlets')}"
            )
            for article_id in story.article_ids:
                lines.append(f"  - {escape_markdown(titles.get(article_id, article_id))}")
        lines.append("")
    lines += ["## Articles", ""]
    for article in report.articles:
        lines += _article_section(article)
    if report.rejected:
        lines += ["## Rejected inputs", ""]
        lines += [
            f"- {escape_markdown(item.source)}: {escape_markdown(item.reason)}"
            for item in report.rejected
        ]
        lines.append("")
    return "\n".join(lines)
