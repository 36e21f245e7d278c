"""Analyst corrections: merge, split, move by article ids, applied in order, unknown ids skipped."""

from __future__ import annotations

import pytest

from storytrace.models import Article, Mention, Story, StoryEvidence
from storytrace.stories import Merge, Move, Split, apply_corrections

STORIES = (
    Story(
        "s1",
        ("a", "b", "c"),
        title="Quake in Haiti",
        explanation=(
            StoryEvidence(
                "entity", "Haiti", 1.0, (Mention("a", 0, 5), Mention("b", 0, 5), Mention("c", 0, 5))
            ),
        ),
    ),
    Story("s2", ("d", "e"), title="Quake in Chile"),
    Story("s3", ("f",), title="Election"),
)
ARTICLES = [
    Article(id=x, source=x, text=f"Text {x}.", outlet=f"outlet-{x}", published=f"2010-01-1{i}")
    for i, x in enumerate("abcdef")
]


def _partition(stories: tuple[Story, ...]) -> set[tuple[str, ...]]:
    return {tuple(sorted(s.article_ids)) for s in stories}


@pytest.mark.parametrize(
    ("corrections", "expected"),
    [
        ([Merge(("a", "d"))], {("a", "b", "c", "d", "e"), ("f",)}),
        ([Split(("b", "c"))], {("a",), ("b", "c"), ("d", "e"), ("f",)}),
        ([Move("c", to_story_of="f")], {("a", "b"), ("c", "f"), ("d", "e")}),
        ([Move("f", to_story_of="d")], {("a", "b", "c"), ("d", "e", "f")}),
        ([Merge(("a", "d")), Split(("e",))], {("a", "b", "c", "d"), ("e",), ("f",)}),
        ([Merge(("a", "a"))], {("a", "b", "c"), ("d", "e"), ("f",)}),
    ],
)
def test_corrections_change_the_grouping(corrections: list, expected: set) -> None:  # type: ignore[type-arg]
    outcome = apply_corrections(STORIES, corrections, ARTICLES)
    assert _partition(outcome.stories) == expected
    assert outcome.skipped == ()
    ids = [a for s in outcome.stories for a in s.article_ids]
    assert sorted(ids) == sorted(set(ids))


def test_corrections_record_why_and_refresh_fields() -> None:
    outcome = apply_corrections(STORIES, [Merge(("a", "d"))], ARTICLES)
    merged = outcome.stories[0]
    assert merged.id == "s1" and merged.title == "Quake in Haiti"
    assert merged.explanation[0].kind == "correction"
    assert merged.first_published == "2010-01-10" and merged.last_published == "2010-01-14"
    assert merged.outlets == ("outlet-a", "outlet-b", "outlet-c", "outlet-d", "outlet-e")


def test_corrections_split_drops_evidence_of_departed_articles() -> None:
    outcome = apply_corrections(STORIES, [Split(("b", "c"))], ARTICLES)
    rest = next(s for s in outcome.stories if s.article_ids == ("a",))
    assert all(m.article_id == "a" for e in rest.explanation for m in e.mentions)
    assert rest.id == "s1"
    split = next(s for s in outcome.stories if s.article_ids == ("b", "c"))
    assert split.id not in {"s1", "s2", "s3"}


def test_corrections_unknown_articles_are_skipped_with_reason() -> None:
    outcome = apply_corrections(STORIES, [Move("zz", to_story_of="a"), Split(())], ARTICLES)
    assert _partition(outcome.stories) == _partition(STORIES)
    assert [s.reason for s in outcome.skipped] == ["unknown article id(s): zz", "no article"]


def test_corrections_survive_a_rerun_with_new_story_ids() -> None:
    rerun = tuple(Story(f"new-{s.id}", s.article_ids) for s in STORIES)
    corrections = [Move("c", to_story_of="f")]
    first = apply_corrections(STORIES, corrections, ARTICLES)
    again = apply_corrections(rerun, corrections, ARTICLES)
    assert _partition(first.stories) == _partition(again.stories)
