"""Records from a report document: the inverse of :mod:`storytrace.report.document`.

The store keeps each story's analysis as its report document; the web app and
later runs read it back as typed records through :func:`story_from_document`.

>>> from storytrace.models import Story, StoryAnalysis
>>> from storytrace.report.document import story_document
>>> analysis = StoryAnalysis(Story(id="s1", article_ids=("a1",)))
>>> story_from_document(story_document(analysis)) == analysis
True
"""

from __future__ import annotations

from typing import Any

from storytrace.models import (
    Article,
    ChainLink,
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
    ProvenanceEvidence,
    Removed,
    Reuse,
    Span,
    Story,
    StoryAnalysis,
    StoryEvidence,
    Variant,
)


def _span(data: dict[str, Any]) -> Span:
    return Span(int(data["start"]), int(data["end"]))


def mention_from_document(data: dict[str, Any]) -> Mention:
    return Mention(
        article_id=data["article_id"], start=data["start"], end=data["end"], field=data["field"]
    )


def _mentions(items: list[dict[str, Any]]) -> tuple[Mention, ...]:
    return tuple(mention_from_document(item) for item in items)


def article_from_document(data: dict[str, Any]) -> Article:
    """An article record from its report entry."""
    return Article(
        id=data["id"],
        source=data["source"],
        text=data["text"],
        url=data["url"],
        outlet=data["outlet"],
        title=data["title"],
        byline=data["byline"],
        published=data["published"],
        language=data["language"],
        input_format=data["input_format"],
        removed=tuple(
            Removed(kind=r["kind"], text=r["text"], start=r["start"], end=r["end"])
            for r in data["removed"]
        ),
    )


def _story(data: dict[str, Any]) -> Story:
    return Story(
        id=data["id"],
        article_ids=tuple(data["article_ids"]),
        title=data["title"],
        first_published=data["first_published"],
        last_published=data["last_published"],
        outlets=tuple(data["outlets"]),
        explanation=tuple(
            StoryEvidence(
                kind=e["kind"],
                value=e["value"],
                weight=e["weight"],
                mentions=_mentions(e["mentions"]),
            )
            for e in data["explanation"]
        ),
    )


def _reuse(data: dict[str, Any]) -> Reuse:
    return Reuse(
        source_id=data["source_id"],
        target_id=data["target_id"],
        passages=tuple(
            Passage(
                source_span=_span(p["source_span"]),
                target_span=_span(p["target_span"]),
                kind=p["kind"],
                similarity=p["similarity"],
            )
            for p in data["passages"]
        ),
        shared_chars=data["shared_chars"],
        source_share=data["source_share"],
        target_share=data["target_share"],
        relation=data["relation"],
        relation_evidence=tuple(data["relation_evidence"]),
    )


def _edge(data: dict[str, Any]) -> ProvenanceEdge:
    return ProvenanceEdge(
        source_id=data["source_id"],
        target_id=data["target_id"],
        confidence=data["confidence"],
        evidence=tuple(
            ProvenanceEvidence(
                kind=e["kind"],
                detail=e["detail"],
                mention=None if e["mention"] is None else mention_from_document(e["mention"]),
            )
            for e in data["evidence"]
        ),
    )


def _claim(data: dict[str, Any]) -> Claim:
    return Claim(
        id=data["id"],
        text=data["text"],
        mentions=tuple(
            ClaimMention(
                article_id=m["article_id"],
                field=m["field"],
                start=m["start"],
                end=m["end"],
                attributed_to=m["attributed_to"],
                cue=m["cue"],
                quote=m["quote"],
                hedged=m["hedged"],
                hedges=tuple(m["hedges"]),
                chain=tuple(
                    ChainLink(source=c["source"], cue=c["cue"], role=c["role"]) for c in m["chain"]
                ),
                translated_from=m.get("translated_from"),
            )
            for m in data["mentions"]
        ),
        support=data["support"],
        independent_support=data["independent_support"],
    )


def _discrepancy(data: dict[str, Any]) -> Discrepancy:
    return Discrepancy(
        id=data["id"],
        kind=data["kind"],
        scope=data["scope"],
        claim_id=data["claim_id"],
        summary=data["summary"],
        variants=tuple(
            Variant(value=v["value"], mentions=_mentions(v["mentions"])) for v in data["variants"]
        ),
        # Reports written before discrepancies were ranked have no facet, score or reasons.
        facet=data.get("facet", ""),
        score=data.get("score", 0.0),
        reasons=tuple(data.get("reasons", ())),
    )


def story_from_document(data: dict[str, Any]) -> StoryAnalysis:
    """A story analysis record from its report entry."""
    notes = data["articles"]
    return StoryAnalysis(
        story=_story(data),
        reuse=tuple(_reuse(r) for r in data["reuse"]),
        provenance=tuple(_edge(e) for e in data["provenance"]),
        origins=tuple(
            Origin(
                article_id=o["article_id"],
                outlet=o["outlet"],
                in_corpus=o["in_corpus"],
                cited_by=_mentions(o["cited_by"]),
            )
            for o in data["origins"]
        ),
        lineages=tuple(
            Lineage(id=item["id"], root=item["root"], article_ids=tuple(item["article_ids"]))
            for item in data["lineages"]
        ),
        own=tuple(
            OwnMaterial(
                article_id=n["article_id"],
                own_share=n["own_share"],
                own_spans=tuple(_span(s) for s in n["own_spans"]),
                independent=n["independent"],
            )
            for n in notes
            if n["own_share"] is not None
        ),
        claims=tuple(_claim(c) for c in data["claims"]),
        discrepancies=tuple(_discrepancy(d) for d in data["discrepancies"]),
        entities=tuple(
            Entity(
                id=e["id"],
                name=e["name"],
                type=e["type"],
                aliases=tuple(e["aliases"]),
                article_ids=tuple(e["article_ids"]),
            )
            for e in data["entities"]
        ),
        opinions=tuple(
            Opinion(
                article_id=n["article_id"],
                is_opinion=n["opinion"]["is_opinion"],
                reasons=tuple(n["opinion"]["reasons"]),
                loaded=_mentions(n["opinion"]["loaded"]),
            )
            for n in notes
            if n["opinion"] is not None
        ),
    )
