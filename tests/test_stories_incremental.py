"""Incremental grouping: new articles placed, reached stories regrouped, ids kept."""

from __future__ import annotations

import pytest

from storytrace.bench.ecbplus import load_ecbplus
from storytrace.models import Article, Story
from storytrace.stories import StorySettings, add_to_stories, group_stories
from tests.conftest import SHARED

HAITI = [
    "A magnitude 7.0 earthquake struck Haiti on Tuesday, killing thousands in Port-au-Prince.",
    "Thousands are feared dead after a 7.0 earthquake hit Port-au-Prince, Haiti on Tuesday.",
    "Rescue teams flew to Port-au-Prince after Tuesday's 7.0 earthquake in Haiti.",
]
CHILE = [
    "A magnitude 8.8 earthquake struck Chile on Saturday, killing hundreds near Concepcion.",
    "Hundreds are dead after an 8.8 earthquake hit Concepcion, Chile on Saturday.",
]
ECBPLUS = SHARED / "data" / "ecbplus"


def _articles(texts: list[str], prefix: str) -> list[Article]:
    return [Article(id=f"{prefix}{i}", source=prefix, text=t) for i, t in enumerate(texts)]


def _partition(stories: tuple[Story, ...]) -> set[tuple[str, ...]]:
    return {tuple(sorted(s.article_ids)) for s in stories}


def test_incremental_new_articles_join_or_start_stories() -> None:
    haiti, chile = _articles(HAITI, "h"), _articles(CHILE, "c")
    earlier = group_stories(haiti[:2])
    stories = add_to_stories(earlier, [*haiti, *chile], StorySettings())
    assert _partition(stories) == {("h0", "h1", "h2"), ("c0", "c1")}
    haiti_story = next(s for s in stories if "h0" in s.article_ids)
    assert haiti_story.id == earlier[0].id


def test_incremental_regroups_the_stories_new_articles_reach() -> None:
    haiti, chile = _articles(HAITI, "h"), _articles(CHILE, "c")
    earlier = (Story("s-a", ("h0", "h1", "c0")), Story("s-b", ("c1",)))
    stories = add_to_stories(earlier, [*haiti, *chile], StorySettings())
    assert [(s.id, s.article_ids) for s in stories] == [
        ("s-a", ("h0", "h1", "h2")),
        ("s-b", ("c0", "c1")),
    ]


def test_incremental_leaves_unreached_stories_alone() -> None:
    haiti, chile = _articles(HAITI, "h"), _articles(CHILE, "c")
    # An odd earlier grouping that no new article reaches stays as it was.
    earlier = (Story("s-a", ("h0",)), Story("s-b", ("h1", "h2")), Story("s-c", ("c0",)))
    stories = add_to_stories(earlier, [*haiti, *chile], StorySettings())
    assert ("s-c", ("c0", "c1")) in [(s.id, s.article_ids) for s in stories]


def test_incremental_forgets_articles_no_longer_given() -> None:
    haiti = _articles(HAITI, "h")
    earlier = (Story("s-a", ("h0", "h1", "gone")),)
    stories = add_to_stories(earlier, haiti, StorySettings())
    assert _partition(stories) == {("h0", "h1", "h2")}


def test_incremental_matches_one_shot_on_ecbplus_topics() -> None:
    if not ECBPLUS.is_dir():
        pytest.skip(f"ECB+ is not at {ECBPLUS}")
    articles = load_ecbplus(ECBPLUS).restricted_to(["3", "6", "12"]).articles
    settings = StorySettings()
    one_shot = group_stories(articles, settings)
    earlier_articles = [a for index, a in enumerate(articles) if index % 5]
    earlier = group_stories(earlier_articles, settings)
    stories = add_to_stories(earlier, articles, settings)
    assert _partition(stories) == _partition(one_shot)
