"""What the HTML report and the web app show, as plain records computed once.

A view record holds exactly what a page displays; the HTML templates only lay
it out and the web app's JSON twin of a page is the same record as JSON, so a
page and its twin cannot disagree. Article text is carried as data and never
as markup: escaping is the templates' job, and every link to an article's
own URL goes through :func:`safe_url`.

>>> safe_url("javascript:alert(1)") is None
True
>>> safe_url(" https://example.org/a?b=1 ")
'https://example.org/a?b=1'
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from storytrace.claims.ranking import (
    compared_variants,
    sentence_span,
    strength,
    strongest_first,
)
from storytrace.claims.speakers import field_text
from storytrace.models import (
    Article,
    Discrepancy,
    Mention,
    Removed,
    Report,
    StoryAnalysis,
    Variant,
)
from storytrace.report.compare import (
    AnnotatedText,
    Comparison,
    PairSummary,
    annotate_text,
    compare_articles,
    default_pair,
    pair_summaries,
)
from storytrace.report.graph import Graph, layout_graph, reused_share
from storytrace.report.matrix import Matrix, build_matrix
from storytrace.report.timeline import Role, Timeline, article_roles, build_timeline, format_time
from storytrace.report.timeline import parse_time as _parse_time

QUOTE_CHARS = 400
_CONTROL = re.compile(r"[\x00-\x20\x7f]")


def safe_url(url: str | None) -> str | None:
    """``url`` if it is an absolute http(s) URL with a host, else ``None`` (never linked)."""
    if not url:
        return None
    candidate = url.strip()
    if _CONTROL.search(candidate):
        return None
    try:
        parts = urlsplit(candidate)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return candidate


def display_time(published: str | None) -> str | None:
    """A readable UTC date for a page, the raw value when it cannot be read."""
    moment = _parse_time(published)
    return published if moment is None else format_time(moment)


@dataclass(frozen=True, slots=True)
class Quote:
    """Words of one article, quoted as evidence, with where they are."""

    article_id: str
    outlet: str | None
    field: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class VariantView:
    value: str
    quotes: tuple[Quote, ...]


@dataclass(frozen=True, slots=True)
class Side:
    """One version of a disputed fact in the sentence that states it, the value marked.

    ``start`` and ``end`` place the sentence in the article's headline or text;
    ``before``, ``marked`` and ``after`` are its words around the value.
    """

    value: str
    article_id: str
    outlet: str | None
    field: str
    start: int
    end: int
    before: str
    marked: str
    after: str


@dataclass(frozen=True, slots=True)
class DiscrepancyView:
    """A discrepancy as shown: its strength, the two sentences side by side, every version.

    ``strength`` is ``strong``, ``moderate`` or ``weak``, or ``update`` for a
    revision over time; ``sides`` is empty when the articles are not at hand.
    """

    id: str
    kind: str
    scope: str
    summary: str
    claim_id: str | None
    variants: tuple[VariantView, ...]
    score: float
    strength: str
    reasons: tuple[str, ...]
    sides: tuple[Side, ...]


@dataclass(frozen=True, slots=True)
class OriginView:
    """Where the story came from: an article of the corpus or an outlet only cited."""

    outlet: str | None
    in_corpus: bool
    article_id: str | None
    quotes: tuple[Quote, ...]


@dataclass(frozen=True, slots=True)
class ArticleRow:
    """One article in a story's list of articles."""

    index: int
    article_id: str
    outlet: str | None
    title: str | None
    published: str | None
    when: str | None
    url: str | None
    role: Role
    sources: tuple[str, ...]
    lineage: str | None
    own_share: float | None
    independent: bool | None
    is_opinion: bool


@dataclass(frozen=True, slots=True)
class CopyEvidence:
    """One reason to believe a copy went this way, quoted when the text shows it."""

    kind: str
    detail: str
    quote: Quote | None


@dataclass(frozen=True, slots=True)
class CopyRow:
    """One provenance edge: ``target_id`` derives from ``source_id``."""

    source_id: str
    target_id: str
    share: float | None
    confidence: float
    evidence: tuple[CopyEvidence, ...]


@dataclass(frozen=True, slots=True)
class LineageRow:
    """Articles descending from one origin; ``root`` is shown as an outlet when known."""

    id: str
    label: str
    root: str
    size: int
    article_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class EvidenceRow:
    kind: str
    value: str
    weight: float


@dataclass(frozen=True, slots=True)
class FurnitureGroup:
    """Page furniture of one kind set aside from an article."""

    kind: str
    pieces: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ClaimStance:
    """A claim as one article states it."""

    claim_id: str
    text: str
    quote: str
    hedged: bool
    attributed_to: str | None
    support: int
    independent_support: int
    translated_from: str | None = None


@dataclass(frozen=True, slots=True)
class ArticleView:
    """One article in full: facts, highlighted text, opinion, claims and furniture."""

    article_id: str
    story_id: str | None
    outlet: str | None
    title: str | None
    byline: str | None
    published: str | None
    when: str | None
    language: str | None
    url: str | None
    source: str
    input_format: str
    is_opinion: bool
    opinion_reasons: tuple[str, ...]
    loaded_count: int
    own_share: float | None
    text: AnnotatedText
    claims: tuple[ClaimStance, ...]
    furniture: tuple[FurnitureGroup, ...]
    furniture_count: int


@dataclass(frozen=True, slots=True)
class StoryView:
    """One story and everything found in it, ready to lay out."""

    id: str
    title: str | None
    first_published: str | None
    last_published: str | None
    outlets: tuple[str, ...]
    articles: tuple[ArticleRow, ...]
    explanation: tuple[EvidenceRow, ...]
    origins: tuple[OriginView, ...]
    graph: Graph
    copies: tuple[CopyRow, ...]
    lineages: tuple[LineageRow, ...]
    timeline: Timeline
    matrix: Matrix
    discrepancies: tuple[DiscrepancyView, ...]
    pairs: tuple[PairSummary, ...]
    comparison: Comparison | None
    article_views: tuple[ArticleView, ...]

    def label(self, article_id: str) -> str:
        """An article's outlet (its id when the outlet is unknown or it is not in the story)."""
        row = next((r for r in self.articles if r.article_id == article_id), None)
        return (row.outlet or article_id) if row else article_id

    def node_label(self, key: str) -> str:
        """A graph node's full name, by its key."""
        node = next((n for n in self.graph.nodes if n.key == key), None)
        return node.full_label if node else key


@dataclass(frozen=True, slots=True)
class ReportView:
    """A whole report: stories (with their articles), articles in no story, rejected inputs."""

    article_count: int
    stories: tuple[StoryView, ...]
    unassigned: tuple[ArticleView, ...]
    rejected: tuple[tuple[str, str], ...]


def quote(mention: Mention, articles: Mapping[str, Article]) -> Quote:
    """The words a mention points at, shortened to a readable quotation."""
    article = articles.get(mention.article_id)
    text = ""
    if article is not None:
        text = field_text(article, mention.field)
    piece = " ".join(text[mention.start : mention.end].split())
    if len(piece) > QUOTE_CHARS:
        piece = piece[: QUOTE_CHARS - 1] + "…"
    return Quote(
        article_id=mention.article_id,
        outlet=article.outlet if article else None,
        field=mention.field,
        start=mention.start,
        end=mention.end,
        text=piece,
    )


def _side(variant: Variant, articles: Mapping[str, Article]) -> Side | None:
    """The sentence stating a variant's first mention, cut around the mention."""
    if not variant.mentions:
        return None
    mention = variant.mentions[0]
    span = sentence_span(mention, articles)
    if span is None:
        return None
    article = articles[mention.article_id]
    text = field_text(article, mention.field)
    # A very long sentence is shown around its value, as a quotation is cut.
    start = max(span.start, mention.start - QUOTE_CHARS // 2)
    end = min(span.end, max(mention.end, start + QUOTE_CHARS))
    return Side(
        value=variant.value,
        article_id=article.id,
        outlet=article.outlet,
        field=mention.field,
        start=span.start,
        end=span.end,
        before=("…" if start > span.start else "") + text[start : mention.start].lstrip(),
        marked=text[mention.start : mention.end],
        after=text[mention.end : end].rstrip() + ("…" if end < span.end else ""),
    )


def discrepancy_view(discrepancy: Discrepancy, articles: Mapping[str, Article]) -> DiscrepancyView:
    """One discrepancy with its strength and, side by side, the sentences of two versions."""
    pair = compared_variants(discrepancy)
    sides = tuple(side for v in pair or () if (side := _side(v, articles)) is not None)
    return DiscrepancyView(
        id=discrepancy.id,
        kind=discrepancy.kind,
        scope=discrepancy.scope,
        summary=discrepancy.summary,
        claim_id=discrepancy.claim_id,
        variants=tuple(
            VariantView(v.value, tuple(quote(m, articles) for m in v.mentions))
            for v in discrepancy.variants
        ),
        score=discrepancy.score,
        strength="update" if discrepancy.scope == "over_time" else strength(discrepancy.score),
        reasons=discrepancy.reasons,
        sides=sides if len(sides) == 2 else (),
    )


def _furniture(removed: Sequence[Removed]) -> tuple[FurnitureGroup, ...]:
    groups: dict[str, list[str]] = {}
    for piece in removed:
        groups.setdefault(piece.kind, []).append(piece.text)
    return tuple(FurnitureGroup(kind, tuple(texts)) for kind, texts in groups.items())


def article_view(
    article: Article, analysis: StoryAnalysis | None = None, *, index: int = 0
) -> ArticleView:
    """One article with what its story's analysis says about it (if it has one)."""
    opinion = None
    own = None
    claims: list[ClaimStance] = []
    if analysis is not None:
        opinion = next((o for o in analysis.opinions if o.article_id == article.id), None)
        own = next((o for o in analysis.own if o.article_id == article.id), None)
        lookup = {article.id: article}
        for claim in analysis.claims:
            for mention in claim.mentions:
                if mention.article_id == article.id:
                    claims.append(
                        ClaimStance(
                            claim_id=claim.id,
                            text=claim.text,
                            quote=quote(
                                Mention(article.id, mention.start, mention.end, mention.field),
                                lookup,
                            ).text,
                            hedged=mention.hedged,
                            attributed_to=mention.attributed_to,
                            support=claim.support,
                            independent_support=claim.independent_support,
                            translated_from=mention.translated_from,
                        )
                    )
                    break
    return ArticleView(
        article_id=article.id,
        story_id=analysis.story.id if analysis else None,
        outlet=article.outlet,
        title=article.title,
        byline=article.byline,
        published=article.published,
        when=display_time(article.published),
        language=article.language,
        url=safe_url(article.url),
        source=article.source,
        input_format=article.input_format,
        is_opinion=bool(opinion and opinion.is_opinion),
        opinion_reasons=opinion.reasons if opinion else (),
        loaded_count=len(opinion.loaded) if opinion else 0,
        own_share=own.own_share if own else None,
        text=annotate_text(article, analysis, index=index),
        claims=tuple(claims),
        furniture=_furniture(article.removed),
        furniture_count=len(article.removed),
    )


def article_rows(
    analysis: StoryAnalysis, articles: Mapping[str, Article]
) -> tuple[ArticleRow, ...]:
    """The story's articles as its list shows them, in story order."""
    roles = article_roles(analysis)
    own = {o.article_id: o for o in analysis.own}
    opinion = {o.article_id for o in analysis.opinions if o.is_opinion}
    lineage: dict[str, str] = {}
    for number, item in enumerate(analysis.lineages):
        for article_id in item.article_ids:
            lineage.setdefault(article_id, f"L{number + 1}")
    rows = []
    for index, article_id in enumerate(analysis.story.article_ids):
        article = articles.get(article_id)
        if article is None:
            continue
        material = own.get(article_id)
        rows.append(
            ArticleRow(
                index=index,
                article_id=article_id,
                outlet=article.outlet,
                title=article.title,
                published=article.published,
                when=display_time(article.published),
                url=safe_url(article.url),
                role=roles[article_id],
                sources=tuple(
                    dict.fromkeys(
                        e.source_id for e in analysis.provenance if e.target_id == article_id
                    )
                ),
                lineage=lineage.get(article_id),
                own_share=material.own_share if material else None,
                independent=material.independent if material else None,
                is_opinion=article_id in opinion,
            )
        )
    return tuple(rows)


def story_view(
    analysis: StoryAnalysis,
    articles: Mapping[str, Article],
    *,
    key: str = "g0",
    pair: tuple[str, str] | None = None,
) -> StoryView:
    """Everything the report and the web app show about one story.

    ``pair`` chooses the two articles compared side by side (by default the
    two sharing the most text); ``key`` keeps SVG ids unique in a page.
    """
    story = analysis.story
    chosen = pair or default_pair(analysis)
    graph = layout_graph(analysis, articles, key=key)
    comparison = None
    if chosen is not None and all(a in articles for a in chosen):
        comparison = compare_articles(analysis, articles, *chosen)
    return StoryView(
        id=story.id,
        title=story.title,
        first_published=display_time(story.first_published),
        last_published=display_time(story.last_published),
        outlets=story.outlets,
        articles=article_rows(analysis, articles),
        explanation=tuple(EvidenceRow(e.kind, e.value, e.weight) for e in story.explanation),
        origins=tuple(
            OriginView(
                outlet=o.outlet,
                in_corpus=o.in_corpus,
                article_id=o.article_id,
                quotes=tuple(quote(m, articles) for m in o.cited_by),
            )
            for o in analysis.origins
        ),
        graph=graph,
        copies=tuple(
            CopyRow(
                source_id=e.source_id,
                target_id=e.target_id,
                share=reused_share(e.source_id, e.target_id, analysis.reuse),
                confidence=e.confidence,
                evidence=tuple(
                    CopyEvidence(
                        item.kind,
                        item.detail,
                        quote(item.mention, articles) if item.mention else None,
                    )
                    for item in e.evidence
                ),
            )
            for e in analysis.provenance
        ),
        lineages=tuple(
            LineageRow(
                id=item.id,
                label=f"L{number + 1}",
                root=articles[item.root].outlet or item.root
                if item.root in articles
                else item.root,
                size=len(item.article_ids),
                article_ids=item.article_ids,
            )
            for number, item in enumerate(analysis.lineages)
        ),
        timeline=build_timeline(analysis, articles),
        matrix=build_matrix(analysis, articles),
        discrepancies=tuple(
            discrepancy_view(d, articles) for d in strongest_first(analysis.discrepancies)
        ),
        pairs=pair_summaries(analysis, articles),
        comparison=comparison,
        article_views=tuple(
            article_view(articles[a], analysis, index=i)
            for i, a in enumerate(story.article_ids)
            if a in articles
        ),
    )


def report_view(report: Report) -> ReportView:
    """The whole report: each story with its articles, then the articles in no story."""
    articles = {a.id: a for a in report.articles}
    grouped = {a for analysis in report.stories for a in analysis.story.article_ids}
    return ReportView(
        article_count=len(report.articles),
        stories=tuple(
            story_view(analysis, articles, key=f"g{n}") for n, analysis in enumerate(report.stories)
        ),
        unassigned=tuple(article_view(a) for a in report.articles if a.id not in grouped),
        rejected=tuple((item.source, item.reason) for item in report.rejected),
    )


def furniture_summary(view: ArticleView) -> str:
    """``3 extractor, 1 caption``: the kinds of furniture set aside, most common first."""
    counts = Counter({group.kind: len(group.pieces) for group in view.furniture})
    return ", ".join(f"{n} {kind}" for kind, n in counts.most_common())
