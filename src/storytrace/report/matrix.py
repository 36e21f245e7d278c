"""The claim matrix: which outlet states which claim, hedges it, contradicts it or is silent.

Rows are claims, best supported first (by independent sources, then by
articles); columns are the story's outlets in order of first publication. An
outlet *contradicts* a claim when one of its articles carries another version
of the claim in a discrepancy tied to it (the claim's own version is the one
most of its stating articles carry). Several articles of one outlet fold into
one cell, the strongest status winning: contradicted, stated, hedged, silent.

>>> from storytrace.models import Article, Claim, ClaimMention, Story, StoryAnalysis
>>> a = Article(id="a", source="a", text="Two hurt.", outlet="MPA")
>>> b = Article(id="b", source="b", text="Nothing.", outlet="EBR")
>>> claim = Claim("c1", "Two hurt.", (ClaimMention("a", "text", 0, 9),), 1, 1)
>>> m = build_matrix(StoryAnalysis(Story("s", ("a", "b")), claims=(claim,)), {"a": a, "b": b})
>>> [cell.status for cell in m.rows[0].cells], m.rows[0].single_source
(['stated', 'silent'], True)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from storytrace.models import Article, Claim, Discrepancy, StoryAnalysis

CellStatus = Literal["stated", "hedged", "contradicted", "silent"]
STRENGTH: dict[CellStatus, int] = {"silent": 0, "hedged": 1, "stated": 2, "contradicted": 3}
QUOTE_CHARS = 200


@dataclass(frozen=True, slots=True)
class Column:
    """One outlet (or, with no outlet, one article) of the story."""

    label: str
    article_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CellArticle:
    """What one article of the column does with the claim, with its words."""

    article_id: str
    status: CellStatus
    quote: str | None = None
    attributed_to: str | None = None
    variant: str | None = None


@dataclass(frozen=True, slots=True)
class Cell:
    """One outlet's stance on one claim."""

    status: CellStatus
    articles: tuple[CellArticle, ...]


@dataclass(frozen=True, slots=True)
class Row:
    """One claim and every outlet's stance on it."""

    claim_id: str
    text: str
    support: int
    independent_support: int
    single_source: bool
    cells: tuple[Cell, ...]


@dataclass(frozen=True, slots=True)
class Matrix:
    """Claims by outlets."""

    columns: tuple[Column, ...]
    rows: tuple[Row, ...]


def _columns(analysis: StoryAnalysis, articles: Mapping[str, Article]) -> tuple[Column, ...]:
    members = [articles[a] for a in analysis.story.article_ids if a in articles]
    members.sort(key=lambda a: (a.published is None, a.published or "", a.id))
    groups: dict[str, list[str]] = {}
    for article in members:
        groups.setdefault(article.outlet or f"unknown outlet ({article.id})", []).append(article.id)
    return tuple(Column(label, tuple(ids)) for label, ids in groups.items())


def _quote(article: Article | None, field: str, start: int, end: int) -> str | None:
    if article is None:
        return None
    text = (article.title or "") if field == "title" else article.text
    piece = " ".join(text[start:end].split())
    return piece if len(piece) <= QUOTE_CHARS else piece[: QUOTE_CHARS - 1] + "…"


def _contradictions(claim: Claim, discrepancies: tuple[Discrepancy, ...]) -> dict[str, str]:
    """Article ids carrying another version of the claim, with that version."""
    stating = {m.article_id for m in claim.mentions}
    found: dict[str, str] = {}
    for discrepancy in discrepancies:
        if discrepancy.claim_id != claim.id or not discrepancy.variants:
            continue
        own = max(
            discrepancy.variants,
            key=lambda v: len(stating & {m.article_id for m in v.mentions}),
        )
        for variant in discrepancy.variants:
            if variant is not own:
                for mention in variant.mentions:
                    found.setdefault(mention.article_id, variant.value)
    return found


def _row(
    claim: Claim,
    columns: tuple[Column, ...],
    analysis: StoryAnalysis,
    articles: Mapping[str, Article],
) -> Row:
    contradicted = _contradictions(claim, analysis.discrepancies)
    cells = []
    for column in columns:
        entries = []
        for article_id in column.article_ids:
            mentions = [m for m in claim.mentions if m.article_id == article_id]
            if article_id in contradicted:
                entries.append(
                    CellArticle(article_id, "contradicted", variant=contradicted[article_id])
                )
            elif mentions:
                plain = [m for m in mentions if not m.hedged]
                chosen = (plain or mentions)[0]
                entries.append(
                    CellArticle(
                        article_id,
                        "stated" if plain else "hedged",
                        quote=_quote(
                            articles.get(article_id), chosen.field, chosen.start, chosen.end
                        ),
                        attributed_to=chosen.attributed_to,
                    )
                )
        status: CellStatus = max(
            (e.status for e in entries), key=STRENGTH.__getitem__, default="silent"
        )
        cells.append(Cell(status, tuple(entries)))
    return Row(
        claim_id=claim.id,
        text=claim.text,
        support=claim.support,
        independent_support=claim.independent_support,
        single_source=claim.independent_support <= 1,
        cells=tuple(cells),
    )


def build_matrix(analysis: StoryAnalysis, articles: Mapping[str, Article]) -> Matrix:
    """The story's claims (rows) by its outlets (columns)."""
    columns = _columns(analysis, articles)
    claims = sorted(analysis.claims, key=lambda c: (-c.independent_support, -c.support, c.id))
    return Matrix(columns, tuple(_row(c, columns, analysis, articles) for c in claims))
