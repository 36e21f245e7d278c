"""Exports for other tools: the claim matrix as CSV, articles and stories as JSON
Lines, the provenance graph as GraphML (Gephi, networkx, yEd), the report as
Markdown.

Exports read a :class:`~storytrace.models.Report` or a whole store. Text
cells that a spreadsheet would run as a formula (starting with ``=``, ``+``,
``-``, ``@``) are prefixed with an apostrophe, because article text is
written by strangers.

>>> import io
>>> from storytrace.models import Article, Report
>>> out = io.StringIO()
>>> export(Report(articles=(Article(id="a1", source="x", text="Hi"),)), "jsonl", out)
>>> out.getvalue().startswith('{"type": "article"')
True
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

import networkx as nx

from storytrace.errors import ConfigurationError, InputError
from storytrace.export_formats import EXPORT_FORMATS as EXPORT_FORMATS
from storytrace.export_formats import ExportFormat as ExportFormat
from storytrace.models import Article, Rejected, Report, StoryAnalysis
from storytrace.report.document import article_document, story_document
from storytrace.report.graph import reused_share
from storytrace.report.markdown import render_markdown
from storytrace.report.matrix import build_matrix
from storytrace.report.parse import article_from_document, story_from_document
from storytrace.report.views import safe_url
from storytrace.store import Store

_FORMULA = ("=", "+", "-", "@", "\t", "\r")
_PAGE = 500


def report_from_store(store: Store) -> Report:
    """Every article and stored story of a store, as a report (without rejections)."""
    stories: list[StoryAnalysis] = []
    offset = 0
    while True:
        found = store.search_stories(limit=_PAGE, offset=offset)
        stories += [store.story_analysis(s.id) for s in found]
        if len(found) < _PAGE:
            break
        offset += _PAGE
    return Report(articles=tuple(store.articles()), stories=tuple(stories))


def read_report(path: str | Path) -> Report:
    """A report read back from its ``report.json``."""
    try:
        document = json.loads(Path(path).read_text(encoding="utf-8"))
        return Report(
            articles=tuple(article_from_document(a) for a in document["articles"]),
            rejected=tuple(Rejected(r["source"], r["reason"]) for r in document["rejected"]),
            stories=tuple(story_from_document(s) for s in document["stories"]),
        )
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise InputError(
            f"cannot read {path} as a storytrace report.json ({error}); give the report.json "
            "that storytrace analyze wrote"
        ) from error


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA) else text


def claims_csv(report: Report) -> str:
    """The claim matrix of every story: one row per claim, one column per outlet.

    A cell is ``stated``, ``hedged``, ``contradicted`` or ``silent``, and empty
    when the outlet has no article in the claim's story.
    """
    articles = {a.id: a for a in report.articles}
    matrices = [(s, build_matrix(s, articles)) for s in report.stories]
    outlets = sorted({c.label for _, m in matrices for c in m.columns})
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        [
            "story_id",
            "story_title",
            "claim_id",
            "claim",
            "articles",
            "independent_sources",
            "single_source",
            *map(_cell, outlets),
        ]
    )
    for analysis, matrix in matrices:
        for row in matrix.rows:
            status = {
                c.label: cell.status for c, cell in zip(matrix.columns, row.cells, strict=True)
            }
            writer.writerow(
                [
                    _cell(analysis.story.id),
                    _cell(analysis.story.title),
                    _cell(row.claim_id),
                    _cell(row.text),
                    row.support,
                    row.independent_support,
                    "yes" if row.single_source else "no",
                    *(status.get(outlet, "") for outlet in outlets),
                ]
            )
    return out.getvalue()


def json_lines(report: Report) -> Iterator[str]:
    """Articles (``"type": "article"``, with their ``story_id``) then stories, one a line."""
    story_of = {a: s.story.id for s in report.stories for a in s.story.article_ids}
    for article in report.articles:
        document = {"type": "article", **article_document(article)}
        document["story_id"] = story_of.get(article.id)
        yield json.dumps(document, ensure_ascii=False)
    for analysis in report.stories:
        yield json.dumps({"type": "story", **story_document(analysis)}, ensure_ascii=False)


def _attributes(**values: Any) -> dict[str, Any]:
    """GraphML attributes: values that are ``None`` are left out (GraphML has no null)."""
    return {k: v for k, v in values.items() if v is not None}


def _article_node(article: Article, story_id: str | None) -> dict[str, Any]:
    return _attributes(
        kind="article",
        label=article.outlet or article.id,
        title=article.title,
        outlet=article.outlet,
        published=article.published,
        url=safe_url(article.url),
        language=article.language,
        story_id=story_id,
    )


def provenance_graph(report: Report) -> nx.DiGraph:
    """Articles and cited origins as nodes; "copy" and "cites" edges between them."""
    graph = nx.DiGraph()
    story_of = {a: s.story.id for s in report.stories for a in s.story.article_ids}
    for article in report.articles:
        graph.add_node(article.id, **_article_node(article, story_of.get(article.id)))
    for analysis in report.stories:
        story_id = analysis.story.id
        for number, lineage in enumerate(analysis.lineages, start=1):
            for article_id in lineage.article_ids:
                if article_id in graph:
                    graph.nodes[article_id].setdefault("lineage", f"{story_id}:L{number}")
        for origin in analysis.origins:
            if origin.in_corpus and origin.article_id in graph:
                graph.nodes[origin.article_id]["is_origin"] = True
        for edge in analysis.provenance:
            if edge.source_id in graph and edge.target_id in graph:
                graph.add_edge(
                    edge.source_id,
                    edge.target_id,
                    **_attributes(
                        kind="copy",
                        confidence=edge.confidence,
                        reused_share=reused_share(edge.source_id, edge.target_id, analysis.reuse),
                        evidence="; ".join(f"{e.kind}: {e.detail}" for e in edge.evidence),
                    ),
                )
        cited = [o for o in analysis.origins if not o.in_corpus]
        for number, origin in enumerate(cited, start=1):
            key = f"cited:{story_id}:{number}"
            graph.add_node(
                key,
                **_attributes(
                    kind="cited_origin", label=origin.outlet or "unnamed source", story_id=story_id
                ),
            )
            for article_id in dict.fromkeys(m.article_id for m in origin.cited_by):
                if article_id in graph:
                    graph.add_edge(key, article_id, kind="cites")
    return graph


def export(source: Report | Store, format: str, out: str | Path | TextIO) -> None:
    """Write ``source`` in ``format`` (one of :data:`EXPORT_FORMATS`) to a file or stream.

    Example: ``export(Store("storytrace.db"), "graphml", "provenance.graphml")``
    """
    if format not in EXPORT_FORMATS:
        raise ConfigurationError(
            f"export format {format!r} is unknown; use one of {', '.join(EXPORT_FORMATS)}"
        )
    report = report_from_store(source) if isinstance(source, Store) else source
    if format == "csv":
        text = claims_csv(report)
    elif format == "jsonl":
        text = "".join(line + "\n" for line in json_lines(report))
    elif format == "graphml":
        text = "\n".join(nx.generate_graphml(provenance_graph(report))) + "\n"
    else:
        text = render_markdown(report)
    if isinstance(out, str | Path):
        path = Path(out)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="")
    else:
        out.write(text)
