"""The report as a JSON document: the contract described by ``docs/report.schema.json``.

Built from the typed records by explicit functions, one per record kind, so a
field added to the report is a deliberate change here and in the schema.
"""

from __future__ import annotations

from typing import Any

from storytrace import __version__
from storytrace.models import Article, Mention, Rejected, Removed, Report, Story, StoryEvidence

REPORT_SCHEMA_VERSION = 1


def _removed(piece: Removed) -> dict[str, Any]:
    return {"kind": piece.kind, "text": piece.text, "start": piece.start, "end": piece.end}


def article_document(article: Article) -> dict[str, Any]:
    """One article as it appears in ``report.json``."""
    return {
        "id": article.id,
        "source": article.source,
        "url": article.url,
        "outlet": article.outlet,
        "title": article.title,
        "byline": article.byline,
        "published": article.published,
        "language": article.language,
        "input_format": article.input_format,
        "text": article.text,
        "removed": [_removed(piece) for piece in article.removed],
    }


def _rejected(item: Rejected) -> dict[str, Any]:
    return {"source": item.source, "reason": item.reason}


def _mention(mention: Mention) -> dict[str, Any]:
    return {
        "article_id": mention.article_id,
        "field": mention.field,
        "start": mention.start,
        "end": mention.end,
    }


def _evidence(evidence: StoryEvidence) -> dict[str, Any]:
    return {
        "kind": evidence.kind,
        "value": evidence.value,
        "weight": round(evidence.weight, 4),
        "mentions": [_mention(m) for m in evidence.mentions],
    }


def story_document(story: Story) -> dict[str, Any]:
    """One story as it appears in ``report.json``."""
    return {
        "id": story.id,
        "title": story.title,
        "article_ids": list(story.article_ids),
        "first_published": story.first_published,
        "last_published": story.last_published,
        "outlets": list(story.outlets),
        "explanation": [_evidence(e) for e in story.explanation],
    }


def report_document(report: Report) -> dict[str, Any]:
    """The whole report as plain JSON-serialisable data."""
    return {
        "schema_version": REPORT_SCHEMA_VERSION,
        "generator": f"storytrace {__version__}",
        "articles": [article_document(a) for a in report.articles],
        "rejected": [_rejected(r) for r in report.rejected],
        "stories": [story_document(s) for s in report.stories],
    }
