"""The report as Markdown, for reading in a terminal, an editor or a code forge.

Article text is untrusted: it is quoted, never interpreted. HTML characters
become entities and Markdown syntax characters are escaped.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import replace

from storytrace.claims.ranking import compared_variants, sentence_span, strength, strongest_first
from storytrace.models import (
    RELATION_LABELS,
    Article,
    Discrepancy,
    Mention,
    Report,
    StoryAnalysis,
)

_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~])")
_ENTITIES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


def escape_markdown(text: str) -> str:
    """``text`` on one line, HTML characters as entities and Markdown syntax escaped."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()).translate(_ENTITIES))


def _preview(text: str, words: int = 60) -> str:
    parts = text.split()
    cut = " ".join(parts[:words])
    return escape_markdown(cut) + (" …" if len(parts) > words else "")


def _quote(mention: Mention, articles: Mapping[str, Article]) -> str:
    article = articles.get(mention.article_id)
    if article is None:
        return f"`{mention.article_id}`"
    text = (article.title or "") if mention.field == "title" else article.text
    where = "headline" if mention.field == "title" else "text"
    snippet = text[mention.start : mention.end]
    name = escape_markdown(article.outlet or article.id)
    return (
        f"“{_preview(snippet, 40)}” ({name}, `{article.id}` {where} {mention.start}:{mention.end})"
    )


def _label(article_id: str, articles: Mapping[str, Article]) -> str:
    article = articles.get(article_id)
    if article is None:
        return f"`{article_id}`"
    return f"{escape_markdown(article.outlet or 'unknown outlet')} (`{article_id}`)"


def _story_section(analysis: StoryAnalysis, articles: Mapping[str, Article]) -> list[str]:
    story = analysis.story
    lines = [f"### {escape_markdown(story.title or story.id)}", ""]
    lines.append(
        f"`{story.id}`: {len(story.article_ids)} article(s) from "
        f"{escape_markdown(', '.join(story.outlets) or 'unknown outlets')}; "
        f"published {story.first_published or 'unknown'} to {story.last_published or 'unknown'}."
    )
    lines.append("")
    for article_id in story.article_ids:
        article = articles.get(article_id)
        title = escape_markdown(article.title or "(no title)") if article else ""
        lines.append(f"- {_label(article_id, articles)}: {title}")
    lines.append("")
    if story.explanation:
        lines += ["Why these belong together:", ""]
        lines += [
            f"- {e.kind}: {escape_markdown(e.value)} (weight {e.weight:.2f})"
            for e in story.explanation
        ]
        lines.append("")
    if analysis.origins:
        lines += ["**Origin**", ""]
        for origin in analysis.origins:
            where = "in the corpus" if origin.in_corpus else "cited, not in the corpus"
            who = escape_markdown(origin.outlet or "unknown outlet")
            cited = f", cited by {len(origin.cited_by)} mention(s)" if origin.cited_by else ""
            lines.append(f"- {who} ({where}{cited})")
            lines += [f"  - {_quote(m, articles)}" for m in origin.cited_by]
        lines.append("")
    if analysis.provenance:
        lines += ["**Who copied whom**", ""]
        for edge in analysis.provenance:
            reasons = "; ".join(escape_markdown(e.detail) for e in edge.evidence)
            lines.append(
                f"- {_label(edge.source_id, articles)} → {_label(edge.target_id, articles)} "
                f"(confidence {edge.confidence:.2f}): {reasons}"
            )
        lines.append("")
    if analysis.lineages:
        lines += ["**Lineages** (each counts as one source)", ""]
        for lineage in analysis.lineages:
            members = ", ".join(_label(a, articles) for a in lineage.article_ids)
            lines.append(f"- `{lineage.id}` from {escape_markdown(lineage.root)}: {members}")
        lines.append("")
    if analysis.reuse:
        lines += ["**Shared passages**", ""]
        for reuse in analysis.reuse:
            kinds = Counter(p.kind for p in reuse.passages)
            summary = ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items()))
            why = escape_markdown(reuse.relation_evidence[0]) if reuse.relation_evidence else ""
            lines.append(
                f"- {_label(reuse.target_id, articles)} shares {reuse.target_share:.0%} of its "
                f"text with {_label(reuse.source_id, articles)} ({summary}): "
                f"**{RELATION_LABELS[reuse.relation]}**, {why}"
            )
        lines.append("")
    if analysis.claims:
        ranked = sorted(analysis.claims, key=lambda c: (-c.independent_support, -c.support))
        lines += ["**Best-supported claims**", ""]
        lines += [
            f"- {_preview(c.text, 40)} — {c.support} article(s), "
            f"{c.independent_support} independent"
            for c in ranked[:10]
            if c.independent_support > 1 or c.support > 1
        ]
        single = [c for c in ranked if c.independent_support <= 1 and c.support > 1]
        if single:
            lines += ["", "**Claims resting on a single origin**", ""]
            lines += [f"- {_preview(c.text, 40)} — {c.support} article(s)" for c in single[:10]]
        lines.append("")
    if analysis.discrepancies:
        lines += ["**Discrepancies** (strongest first)", ""]
        for item in strongest_first(analysis.discrepancies):
            lines += _discrepancy(item, articles)
        lines.append("")
    return lines


def _discrepancy(item: Discrepancy, articles: Mapping[str, Article]) -> list[str]:
    """A discrepancy with its strength, both sentences quoted, then every version's mentions."""
    scope = " (headline vs body)" if item.scope == "headline_body" else ""
    label = "update" if item.scope == "over_time" else f"{strength(item.score)} {item.score:.2f}"
    lines = [f"- **{label}** {item.kind}{scope}: {escape_markdown(item.summary)}"]
    if item.reasons:
        lines.append(f"  - why: {escape_markdown('; '.join(item.reasons))}")
    for variant in compared_variants(item) or ():
        sentence = sentence_span(variant.mentions[0], articles) if variant.mentions else None
        if sentence is None:
            continue
        mention = variant.mentions[0]
        quoted = _quote(replace(mention, start=sentence.start, end=sentence.end), articles)
        lines.append(f"  - in context, **{escape_markdown(variant.value)}**: {quoted}")
    for variant in item.variants:
        quotes = "; ".join(_quote(m, articles) for m in variant.mentions)
        lines.append(f"  - {escape_markdown(variant.value)}: {quotes}")
    return lines


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
            if piece.kind == "extractor":
                continue
            where = f" [{piece.start}:{piece.end}]" if piece.start is not None else ""
            lines.append(f"- *{piece.kind}*{where}: {_preview(piece.text, 25)}")
        if kinds["extractor"]:
            lines.append(
                f"- *extractor*: {kinds['extractor']} block(s) of the page around the article "
                "(menus, footers, sidebars), listed in report.json"
            )
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
    articles = {a.id: a for a in report.articles}
    if report.stories:
        lines += ["## Stories", ""]
        for analysis in report.stories:
            lines += _story_section(analysis, articles)
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
