"""The web app's pages as records read from the store, one function per page.

Each function returns the record a page shows; the app renders it as HTML
or, for the page's JSON twin, as JSON, so the two cannot disagree. Nothing
here knows about HTTP.

>>> from storytrace.store import Store
>>> with Store(":memory:") as store:
...     story_list(store, StoryQuery(query="fire")).stories
()
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storytrace.errors import ConfigurationError
from storytrace.models import Correction
from storytrace.report.compare import (
    Comparison,
    PairSummary,
    compare_articles,
    default_pair,
    pair_summaries,
)
from storytrace.report.views import (
    ArticleRow,
    ArticleView,
    StoryView,
    article_rows,
    article_view,
    display_time,
    story_view,
)
from storytrace.store import Store

PER_PAGE = 50
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Stored dates are ISO strings compared as text: any date-time of a day sorts
# before the day followed by "~", so "until" includes the whole day.
_END_OF_DAY = "~"


@dataclass(frozen=True, slots=True)
class StoryQuery:
    """The story list's search: words, outlet, language, a date range and a page."""

    query: str | None = None
    outlet: str | None = None
    language: str | None = None
    since: str | None = None
    until: str | None = None
    page: int = 1

    def __post_init__(self) -> None:
        for name in ("since", "until"):
            value = getattr(self, name)
            if value and not _DATE.match(value):
                raise ConfigurationError(
                    f"{name}={value!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-03-13"
                )
        if self.page < 1:
            raise ConfigurationError(f"page={self.page} is not a page number; pages start at 1")


@dataclass(frozen=True, slots=True)
class StoryListItem:
    id: str
    title: str | None
    first_published: str | None
    last_published: str | None
    article_count: int
    outlets: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class StoryListPage:
    """One page of stories matching a search, newest first."""

    query: StoryQuery
    stories: tuple[StoryListItem, ...]
    outlets: tuple[str, ...]
    page: int
    per_page: int
    has_next: bool
    story_count: int
    article_count: int


@dataclass(frozen=True, slots=True)
class StoryPage:
    story: StoryView


@dataclass(frozen=True, slots=True)
class ComparePage:
    """Two articles of a story side by side, with the story's articles to pick from."""

    story_id: str
    story_title: str | None
    articles: tuple[ArticleRow, ...]
    pairs: tuple[PairSummary, ...]
    comparison: Comparison


@dataclass(frozen=True, slots=True)
class ArticlePage:
    article: ArticleView
    story_title: str | None


@dataclass(frozen=True, slots=True)
class CorrectionRow:
    kind: str
    article_ids: tuple[str, ...]
    anchor_id: str | None
    created_at: str | None


@dataclass(frozen=True, slots=True)
class CorrectionsPage:
    """Every correction an analyst made, oldest first (later ones win)."""

    corrections: tuple[CorrectionRow, ...]


def story_list(store: Store, query: StoryQuery, *, per_page: int = PER_PAGE) -> StoryListPage:
    """One page of the stories matching ``query``."""
    found = store.search_stories(
        query=query.query,
        outlet=query.outlet,
        language=query.language,
        since=query.since,
        until=query.until + _END_OF_DAY if query.until else None,
        limit=per_page + 1,
        offset=(query.page - 1) * per_page,
    )
    return StoryListPage(
        query=query,
        stories=tuple(
            StoryListItem(
                id=s.id,
                title=s.title,
                first_published=display_time(s.first_published),
                last_published=display_time(s.last_published),
                article_count=s.article_count,
                outlets=s.outlets,
            )
            for s in found[:per_page]
        ),
        outlets=tuple(store.outlets()),
        page=query.page,
        per_page=per_page,
        has_next=len(found) > per_page,
        story_count=store.story_count(),
        article_count=store.article_count(),
    )


def story_page(store: Store, story_id: str) -> StoryPage:
    """A story with everything found in it."""
    analysis = store.story_analysis(story_id)
    articles = {a.id: a for a in store.articles(list(analysis.story.article_ids))}
    return StoryPage(story_view(analysis, articles))


def compare_page(store: Store, story_id: str, left: str | None, right: str | None) -> ComparePage:
    """Two articles of a story side by side (by default the pair sharing the most)."""
    analysis = store.story_analysis(story_id)
    articles = {a.id: a for a in store.articles(list(analysis.story.article_ids))}
    if not left or not right:
        default = default_pair(analysis)
        if default is None:
            raise ConfigurationError(
                f"story {story_id} has a single article; there is nothing to compare"
            )
        left, right = default
    return ComparePage(
        story_id=analysis.story.id,
        story_title=analysis.story.title,
        articles=article_rows(analysis, articles),
        pairs=pair_summaries(analysis, articles),
        comparison=compare_articles(analysis, articles, left, right),
    )


def article_page(store: Store, article_id: str) -> ArticlePage:
    """One article in full, with what its story's analysis says about it."""
    article = store.article(article_id)
    story_id = store.story_of(article_id)
    if story_id is None:
        return ArticlePage(article_view(article), None)
    analysis = store.story_analysis(story_id)
    index = analysis.story.article_ids.index(article_id)
    return ArticlePage(article_view(article, analysis, index=index), analysis.story.title)


def _row(correction: Correction) -> CorrectionRow:
    return CorrectionRow(
        correction.kind, correction.article_ids, correction.anchor_id, correction.created_at
    )


def corrections_page(store: Store) -> CorrectionsPage:
    """Every correction kept in the store."""
    return CorrectionsPage(tuple(_row(c) for c in store.corrections()))
