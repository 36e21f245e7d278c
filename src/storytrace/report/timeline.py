"""When each article of a story appeared, on one time axis.

Dates are read as ISO 8601; a date without a time zone is taken as UTC, a
date without a time as midnight. Articles with no readable date are listed
apart rather than guessed.

>>> from storytrace.models import Article, Story, StoryAnalysis
>>> a = Article(id="a", source="a", text="x", outlet="MPA", published="2026-03-13T06:12:00Z")
>>> b = Article(id="b", source="b", text="x", outlet="EBR", published="2026-03-13T09:30:00+01:00")
>>> line = build_timeline(StoryAnalysis(Story("s", ("b", "a"))), {"a": a, "b": b})
>>> [(e.outlet, e.offset, e.position) for e in line.entries]
[('MPA', 'first', 0.0), ('EBR', '+2 h 18 min', 1.0)]
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

from storytrace.models import Article, StoryAnalysis

Role = Literal["origin", "copy", "cites", "independent", "unknown"]
"""An article's place in the copying: the origin, a copy (has a source in the
story), citing an origin outside the corpus, independent (own reporting, no
source), or not known."""


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One article on the time axis; ``position`` runs from 0 (first) to 1 (last)."""

    article_id: str
    outlet: str | None
    title: str | None
    published: str | None
    when: str | None
    offset: str | None
    position: float | None
    role: Role


@dataclass(frozen=True, slots=True)
class Timeline:
    """A story's articles in order of publication, and those with no date."""

    entries: tuple[TimelineEntry, ...]
    undated: tuple[TimelineEntry, ...]
    first: str | None
    last: str | None
    span: str | None


def parse_time(published: str | None) -> datetime | None:
    """An ISO 8601 date or date-time as an aware UTC datetime, or ``None``."""
    if not published:
        return None
    try:
        moment = datetime.fromisoformat(published.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def format_time(moment: datetime) -> str:
    """A UTC moment as journalists write it: ``13 Mar 2026 06:12 UTC``."""
    return moment.strftime("%d %b %Y %H:%M UTC").lstrip("0")


def short_time(published: str | None) -> str:
    """A compact date for labels (``13 Mar 06:12``), or ``no date``."""
    moment = parse_time(published)
    return "no date" if moment is None else moment.strftime("%d %b %H:%M").lstrip("0")


def format_duration(seconds: float) -> str:
    """A duration in its two largest units, e.g. ``2 d 3 h`` or ``2 h 18 min``."""
    minutes = round(seconds / 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    parts = [(days, "d"), (hours, "h"), (minutes, "min")]
    shown = [f"{value} {unit}" for value, unit in parts if value][:2]
    return " ".join(shown) or "0 min"


def article_roles(analysis: StoryAnalysis) -> dict[str, Role]:
    """Each article's role in the story's copying, from provenance and origins."""
    origins = {o.article_id for o in analysis.origins if o.in_corpus and o.article_id}
    copies = {edge.target_id for edge in analysis.provenance}
    citing = {m.article_id for o in analysis.origins if not o.in_corpus for m in o.cited_by}
    independent = {o.article_id for o in analysis.own if o.independent}
    # Without provenance, an article with no source is not known to be independent.
    traced = bool(analysis.provenance)
    roles: dict[str, Role] = {}
    for article_id in analysis.story.article_ids:
        if article_id in origins:
            roles[article_id] = "origin"
        elif article_id in copies:
            roles[article_id] = "copy"
        elif article_id in citing:
            roles[article_id] = "cites"
        elif article_id in independent or traced:
            roles[article_id] = "independent"
        else:
            roles[article_id] = "unknown"
    return roles


def build_timeline(analysis: StoryAnalysis, articles: Mapping[str, Article]) -> Timeline:
    """The story's articles on one axis from the first publication to the last."""
    roles = article_roles(analysis)
    dated: list[tuple[datetime, Article]] = []
    undated: list[Article] = []
    for article_id in analysis.story.article_ids:
        article = articles.get(article_id)
        if article is None:
            continue
        moment = parse_time(article.published)
        if moment is None:
            undated.append(article)
        else:
            dated.append((moment, article))
    dated.sort(key=lambda item: (item[0], item[1].id))
    start = dated[0][0] if dated else None
    end = dated[-1][0] if dated else None
    total = (end - start).total_seconds() if start and end else 0.0
    entries = []
    for moment, article in dated:
        elapsed = (moment - dated[0][0]).total_seconds()
        entries.append(
            TimelineEntry(
                article_id=article.id,
                outlet=article.outlet,
                title=article.title,
                published=article.published,
                when=format_time(moment),
                offset="first" if elapsed == 0 else "+" + format_duration(elapsed),
                position=round(elapsed / total, 4) if total else 0.0,
                role=roles.get(article.id, "unknown"),
            )
        )
    return Timeline(
        entries=tuple(entries),
        undated=tuple(
            TimelineEntry(a.id, a.outlet, a.title, a.published, None, None, None, roles[a.id])
            for a in undated
        ),
        first=format_time(start) if start else None,
        last=format_time(end) if end else None,
        span=format_duration(total) if start and end and total else None,
    )
