"""The report as a JSON document: the contract described by ``docs/report.schema.json``.

Built from the typed records by explicit functions, one per record kind, so a
field added to the report is a deliberate change here and in the schema.
:mod:`storytrace.report.parse` reads the same document back into records.
"""

from __future__ import annotations

from typing import Any

from storytrace import __version__
from storytrace.models import (
    Article,
    Claim,
    ClaimMention,
    Discrepancy,
    Entity,
    Lineage,
    Mention,
    Opinion,
    Origin,
    OwnMaterial,
    Passage,
    ProvenanceEdge,
    Rejected,
    Removed,
    Report,
    Reuse,
    Span,
    StoryAnalysis,
    StoryEvidence,
)

REPORT_SCHEMA_VERSION = 1


def _share(value: float) -> float:
    return round(value, 4)


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


def _span(span: Span) -> dict[str, int]:
    return {"start": span.start, "end": span.end}


def mention_document(mention: Mention) -> dict[str, Any]:
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
        "weight": _share(evidence.weight),
        "mentions": [mention_document(m) for m in evidence.mentions],
    }


def _passage(passage: Passage) -> dict[str, Any]:
    return {
        "source_span": _span(passage.source_span),
        "target_span": _span(passage.target_span),
        "kind": passage.kind,
        "similarity": _share(passage.similarity),
    }


def _reuse(reuse: Reuse) -> dict[str, Any]:
    return {
        "source_id": reuse.source_id,
        "target_id": reuse.target_id,
        "passages": [_passage(p) for p in reuse.passages],
        "shared_chars": reuse.shared_chars,
        "source_share": _share(reuse.source_share),
        "target_share": _share(reuse.target_share),
        "relation": reuse.relation,
        "relation_evidence": list(reuse.relation_evidence),
    }


def _edge(edge: ProvenanceEdge) -> dict[str, Any]:
    return {
        "source_id": edge.source_id,
        "target_id": edge.target_id,
        "confidence": _share(edge.confidence),
        "evidence": [
            {
                "kind": item.kind,
                "detail": item.detail,
                "mention": None if item.mention is None else mention_document(item.mention),
            }
            for item in edge.evidence
        ],
    }


def _origin(origin: Origin) -> dict[str, Any]:
    return {
        "article_id": origin.article_id,
        "outlet": origin.outlet,
        "in_corpus": origin.in_corpus,
        "cited_by": [mention_document(m) for m in origin.cited_by],
    }


def _lineage(lineage: Lineage) -> dict[str, Any]:
    return {"id": lineage.id, "root": lineage.root, "article_ids": list(lineage.article_ids)}


def _opinion(opinion: Opinion) -> dict[str, Any]:
    return {
        "is_opinion": opinion.is_opinion,
        "reasons": list(opinion.reasons),
        "loaded": [mention_document(m) for m in opinion.loaded],
    }


def _story_articles(analysis: StoryAnalysis) -> list[dict[str, Any]]:
    own: dict[str, OwnMaterial] = {item.article_id: item for item in analysis.own}
    opinions: dict[str, Opinion] = {item.article_id: item for item in analysis.opinions}
    notes = []
    for article_id in analysis.story.article_ids:
        material, opinion = own.get(article_id), opinions.get(article_id)
        notes.append(
            {
                "article_id": article_id,
                "own_share": None if material is None else _share(material.own_share),
                "own_spans": [] if material is None else [_span(s) for s in material.own_spans],
                "independent": None if material is None else material.independent,
                "opinion": None if opinion is None else _opinion(opinion),
            }
        )
    return notes


def _claim_mention(mention: ClaimMention) -> dict[str, Any]:
    return {
        "article_id": mention.article_id,
        "field": mention.field,
        "start": mention.start,
        "end": mention.end,
        "attributed_to": mention.attributed_to,
        "cue": mention.cue,
        "quote": mention.quote,
        "hedged": mention.hedged,
        "hedges": list(mention.hedges),
        "chain": [
            {"source": link.source, "cue": link.cue, "role": link.role} for link in mention.chain
        ],
        "translated_from": mention.translated_from,
    }


def _claim(claim: Claim) -> dict[str, Any]:
    return {
        "id": claim.id,
        "text": claim.text,
        "mentions": [_claim_mention(m) for m in claim.mentions],
        "support": claim.support,
        "independent_support": claim.independent_support,
    }


def _discrepancy(discrepancy: Discrepancy) -> dict[str, Any]:
    return {
        "id": discrepancy.id,
        "kind": discrepancy.kind,
        "scope": discrepancy.scope,
        "claim_id": discrepancy.claim_id,
        "summary": discrepancy.summary,
        "facet": discrepancy.facet,
        "score": _share(discrepancy.score),
        "reasons": list(discrepancy.reasons),
        "variants": [
            {"value": v.value, "mentions": [mention_document(m) for m in v.mentions]}
            for v in discrepancy.variants
        ],
    }


def _entity(entity: Entity) -> dict[str, Any]:
    return {
        "id": entity.id,
        "name": entity.name,
        "type": entity.type,
        "aliases": list(entity.aliases),
        "article_ids": list(entity.article_ids),
    }


def story_document(analysis: StoryAnalysis) -> dict[str, Any]:
    """One story and everything found in it, as it appears in ``report.json``."""
    story = analysis.story
    return {
        "id": story.id,
        "title": story.title,
        "article_ids": list(story.article_ids),
        "first_published": story.first_published,
        "last_published": story.last_published,
        "outlets": list(story.outlets),
        "explanation": [_evidence(e) for e in story.explanation],
        "articles": _story_articles(analysis),
        "reuse": [_reuse(r) for r in analysis.reuse],
        "provenance": [_edge(e) for e in analysis.provenance],
        "origins": [_origin(o) for o in analysis.origins],
        "lineages": [_lineage(item) for item in analysis.lineages],
        "claims": [_claim(c) for c in analysis.claims],
        "discrepancies": [_discrepancy(d) for d in analysis.discrepancies],
        "entities": [_entity(e) for e in analysis.entities],
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
