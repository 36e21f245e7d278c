"""Analyst corrections to a grouping: merge stories, split articles off, move an article.

Corrections name articles, not stories, because story ids can change between
runs while article ids do not; so a stored list of corrections applies again
after every re-run. They are applied in order. A correction naming an article
the grouping does not hold is skipped with its reason, never an error.

>>> from storytrace.models import Story
>>> stories = (Story("s1", ("a", "b")), Story("s2", ("c",)))
>>> outcome = apply_corrections(stories, [Move("b", to_story_of="c")], [])
>>> [s.article_ids for s in outcome.stories]
[('b', 'c'), ('a',)]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from storytrace.models import Article, Story, StoryEvidence
from storytrace.stories.records import dates_and_outlets, headline, story_id


@dataclass(frozen=True, slots=True)
class Merge:
    """The stories holding these articles become one story."""

    article_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Split:
    """These articles leave their stories and form one new story together."""

    article_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Move:
    """One article leaves its story for the story holding another article."""

    article_id: str
    to_story_of: str


Correction = Merge | Split | Move


@dataclass(frozen=True, slots=True)
class SkippedCorrection:
    """A correction that could not be applied, and why."""

    correction: Correction
    reason: str


@dataclass(frozen=True, slots=True)
class CorrectionOutcome:
    """The corrected stories and the corrections that were skipped."""

    stories: tuple[Story, ...]
    skipped: tuple[SkippedCorrection, ...]


def _describe(correction: Correction) -> str:
    if isinstance(correction, Merge):
        return "merged by an analyst: " + ", ".join(correction.article_ids)
    if isinstance(correction, Split):
        return "split off by an analyst: " + ", ".join(correction.article_ids)
    return f"moved by an analyst: {correction.article_id} to the story of {correction.to_story_of}"


def _named(correction: Correction) -> tuple[str, ...]:
    if isinstance(correction, Move):
        return (correction.article_id, correction.to_story_of)
    return correction.article_ids


def apply_corrections(
    stories: Sequence[Story], corrections: Sequence[Correction], articles: Sequence[Article]
) -> CorrectionOutcome:
    """The stories after each correction in turn, largest first.

    ``articles`` lets changed stories get their dates and outlets again; a
    story's title is kept while it holds most of its former articles.
    """
    by_id = {story.id: story for story in stories}
    story_of = {article_id: story.id for story in stories for article_id in story.article_ids}
    changed: dict[str, str] = {}
    skipped: list[SkippedCorrection] = []
    for correction in corrections:
        missing = [a for a in _named(correction) if a not in story_of]
        if missing or not _named(correction):
            reason = f"unknown article id(s): {', '.join(missing)}" if missing else "no article"
            skipped.append(SkippedCorrection(correction, reason))
            continue
        note = _describe(correction)
        if isinstance(correction, Merge):
            targets = sorted(
                {story_of[a] for a in correction.article_ids},
                key=lambda s: (-len(by_id[s].article_ids), s),
            )
            keeper = targets[0]
            for other in targets[1:]:
                _move(list(by_id[other].article_ids), keeper, by_id, story_of)
            changed[keeper] = note
        elif isinstance(correction, Split):
            moving = list(dict.fromkeys(correction.article_ids))
            sources = {story_of[a] for a in moving}
            new_id = story_id(moving)
            while new_id in by_id:
                new_id += "-split"
            by_id[new_id] = Story(id=new_id, article_ids=())
            _move(moving, new_id, by_id, story_of)
            changed[new_id] = note
            changed.update({s: note for s in sources if s in by_id})
        else:
            source = story_of[correction.article_id]
            target = story_of[correction.to_story_of]
            _move([correction.article_id], target, by_id, story_of)
            changed[target] = note
            if source in by_id:
                changed[source] = note
    article_by_id = {article.id: article for article in articles}
    result = [
        _refresh(story, changed[story.id], stories, article_by_id) if story.id in changed else story
        for story in by_id.values()
    ]
    return CorrectionOutcome(
        stories=tuple(sorted(result, key=lambda s: (-len(s.article_ids), s.id))),
        skipped=tuple(skipped),
    )


def _move(
    article_ids: list[str], target: str, by_id: dict[str, Story], story_of: dict[str, str]
) -> None:
    for article_id in article_ids:
        source = story_of[article_id]
        if source == target:
            continue
        remaining = tuple(a for a in by_id[source].article_ids if a != article_id)
        if remaining:
            by_id[source] = replace(by_id[source], article_ids=remaining)
        else:
            del by_id[source]
        by_id[target] = replace(by_id[target], article_ids=(*by_id[target].article_ids, article_id))
        story_of[article_id] = target


def _refresh(
    story: Story, note: str, before: Sequence[Story], articles: dict[str, Article]
) -> Story:
    """Dates, outlets, title and evidence of a story whose articles changed."""
    members = set(story.article_ids)
    ordered = tuple(sorted(members))
    title = None
    for earlier in before:
        if len(members & set(earlier.article_ids)) * 2 > len(earlier.article_ids):
            title = earlier.title
            break
    known = [articles[a] for a in ordered if a in articles]
    if title is None:
        title = next((t for a in known if (t := headline(a))), story.title)
    first, last, outlets = dates_and_outlets(known)
    evidence = [
        replace(item, mentions=tuple(m for m in item.mentions if m.article_id in members))
        for item in story.explanation
        if item.kind != "correction"
    ]
    kept = [item for item in evidence if len(item.mentions) >= 2 or item.kind == "similarity"]
    correction = StoryEvidence(kind="correction", value=note, weight=1.0)
    return replace(
        story,
        article_ids=ordered,
        title=title,
        first_published=first,
        last_published=last,
        outlets=outlets,
        explanation=(correction, *kept),
    )
