"""Explanations: shared passages, names, dates; every mention points inside its text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storytrace.models import Article
from storytrace.stories import group_stories
from storytrace.stories.explanation import find_mention

SHARED = (
    "The leaked tapes appear to confirm earlier reports suggesting the existence of an "
    "international operations centre near Benghazi."
)


@pytest.mark.parametrize(
    ("text", "term", "found"),
    [
        ("Quake in Haiti. Haiti mourns.", "haiti", "Haiti"),
        ("It struck on Jan. 12 at noon.", "january-12", "Jan. 12"),
        ("It struck on January 12.", "january-12", "January 12"),
        ("Rahman\u2019s corner gave up.", "rahman's", "Rahman\u2019s"),
        ("Haitian rescuers", "haiti", None),
    ],
)
def test_explanation_find_mention(text: str, term: str, found: str | None) -> None:
    mention = find_mention(Article(id="a", source="a", text=text), term)
    assert (text[mention.start : mention.end] if mention else None) == found


def test_explanation_prefers_the_title() -> None:
    mention = find_mention(Article(id="a", source="a", text="Haiti.", title="In Haiti"), "haiti")
    assert mention is not None and (mention.field, mention.start) == ("title", 3)


def test_explanation_shared_passage_spans_both_articles() -> None:
    a = Article(id="a", source="a", text=f"Middle East Eye said on Wednesday. {SHARED} More.")
    b = Article(id="b", source="b", text=f"Reports by MEE Khalifa Haftar. {SHARED}")
    (story,) = group_stories([a, b])
    passage = next(e for e in story.explanation if e.kind == "passage")
    for mention in passage.mentions:
        text = a.text if mention.article_id == "a" else b.text
        assert text[mention.start : mention.end] == SHARED.rstrip(".")


sentences = st.lists(
    st.sampled_from(
        [
            "Haftar met Toaldo in Benghazi on July 20.",
            "The air base at Benina was busy on Monday.",
            "French and British forces helped, 3 officials said.",
            SHARED,
            "Nothing else happened.",
        ]
    ),
    min_size=1,
    max_size=6,
)


@settings(max_examples=25, deadline=None)
@given(st.lists(sentences, min_size=2, max_size=4))
def test_explanation_mentions_point_inside_the_text(bodies: list[list[str]]) -> None:
    articles = [
        Article(id=f"a{i}", source="s", text=" ".join(body), title="Haftar tapes" if i else None)
        for i, body in enumerate(bodies)
    ]
    by_id = {a.id: a for a in articles}
    for story in group_stories(articles):
        for evidence in story.explanation:
            for mention in evidence.mentions:
                article = by_id[mention.article_id]
                assert mention.article_id in story.article_ids
                text = article.title if mention.field == "title" else article.text
                assert text is not None and 0 <= mention.start < mention.end <= len(text)
