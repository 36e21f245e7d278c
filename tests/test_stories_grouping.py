"""The story stage: the seeds land together, odd articles stand alone, results are stable."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storytrace.errors import InputError
from storytrace.models import Article
from storytrace.stories import StorySettings, group_stories

QUAKE = [
    "A magnitude 7.0 earthquake struck Haiti on Tuesday, January 12, killing thousands in "
    "Port-au-Prince, officials said.",
    "Thousands are feared dead after a 7.0 earthquake hit Port-au-Prince, Haiti on Tuesday, "
    "January 12.",
    "Rescue teams from Florida flew to Port-au-Prince after Tuesday's 7.0 earthquake in Haiti "
    "killed thousands.",
]
OTHER_QUAKE = [
    "A magnitude 8.8 earthquake struck Chile on Saturday, February 27, killing hundreds near "
    "Concepcion, officials said.",
    "Hundreds are dead after an 8.8 earthquake hit Concepcion, Chile on Saturday, February 27.",
]


def _articles(texts: list[str], prefix: str, **fields: str) -> list[Article]:
    return [
        Article(id=f"{prefix}{i}", source=f"{prefix}{i}.txt", text=text, **fields)  # type: ignore[arg-type]
        for i, text in enumerate(texts)
    ]


def _partition(stories: tuple) -> set[tuple[str, ...]]:  # type: ignore[type-arg]
    return {tuple(sorted(story.article_ids)) for story in stories}


def test_grouping_seed_articles_land_in_one_story(seeds: Path) -> None:
    articles = [
        Article(id=path.stem, source=str(path), text=path.read_text("utf-8"))
        for path in sorted(seeds.glob("*.txt"))
    ]
    distractors = _articles(QUAKE + OTHER_QUAKE, "q")
    stories = group_stories(articles + distractors)
    seed_ids = tuple(sorted(a.id for a in articles))
    assert seed_ids in _partition(stories)
    story = next(s for s in stories if tuple(sorted(s.article_ids)) == seed_ids)
    names = {e.value for e in story.explanation if e.kind == "entity"}
    assert "Haftar" in names
    assert any(e.kind == "passage" for e in story.explanation)


def test_grouping_two_events_of_one_kind_stay_apart() -> None:
    stories = group_stories(_articles(QUAKE, "h") + _articles(OTHER_QUAKE, "c"))
    assert _partition(stories) == {("h0", "h1", "h2"), ("c0", "c1")}


@pytest.mark.parametrize(
    "odd",
    [
        Article(id="z", source="z", text=""),
        Article(id="z", source="z", text="   \n  "),
        Article(id="z", source="z", text="", title=None, published="not a date"),
        Article(
            id="z",
            source="z",
            text="Землетрясение магнитудой 7,0 произошло на Гаити во вторник.",
            language="ru",
        ),
        Article(id="z", source="z", text="地震がハイチで発生した。", language="ja"),
        Article(id="z", source="z", text="!!!", published="2010-01-12T99:00"),
    ],
)
def test_grouping_odd_article_gets_its_own_story(odd: Article) -> None:
    stories = group_stories([*_articles(QUAKE, "h"), odd])
    assert ("z",) in _partition(stories)
    assert ("h0", "h1", "h2") in _partition(stories)
    alone = next(s for s in stories if s.article_ids == ("z",))
    assert alone.explanation == ()


def test_grouping_single_and_no_article() -> None:
    assert group_stories([]) == ()
    (story,) = group_stories([Article(id="a", source="a", text="Quake hits Haiti.")])
    assert story.article_ids == ("a",) and story.title == "Quake hits Haiti."


def test_grouping_report_fields() -> None:
    articles = [
        Article(
            id=f"h{i}",
            source=f"h{i}",
            text=text,
            outlet=outlet,
            published=published,
            title="Haiti earthquake" if i == 1 else None,
        )
        for i, (text, outlet, published) in enumerate(
            zip(
                QUAKE,
                ["BBC", "Reuters", "BBC"],
                ["2010-01-13T08:00:00Z", "2010-01-12T22:00:00Z", None],
                strict=True,
            )
        )
    ]
    (story,) = group_stories(articles)
    assert story.id.startswith("story-")
    assert story.article_ids == ("h0", "h1", "h2")
    assert story.first_published == "2010-01-12T22:00:00Z"
    assert story.last_published == "2010-01-13T08:00:00Z"
    assert story.outlets == ("BBC", "Reuters")
    assert story.title
    kinds = {e.kind for e in story.explanation}
    assert {"similarity", "entity", "date", "number"} <= kinds


def test_grouping_refuses_duplicate_ids() -> None:
    twice = [Article(id="a", source="x", text="One."), Article(id="a", source="y", text="Two.")]
    with pytest.raises(InputError, match="two articles have the id 'a'"):
        group_stories(twice)


@settings(max_examples=15, deadline=None)
@given(st.permutations(range(5)))
def test_grouping_every_article_once_whatever_the_order(order: list[int]) -> None:
    pool = _articles(QUAKE, "h") + _articles(OTHER_QUAKE, "c")
    stories = group_stories([pool[i] for i in order], StorySettings())
    ids = [a for story in stories for a in story.article_ids]
    assert sorted(ids) == sorted(a.id for a in pool)
    assert _partition(stories) == {("h0", "h1", "h2"), ("c0", "c1")}
