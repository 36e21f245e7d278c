"""The story-grouping stage of analyze: articles in, stories out.

>>> a = Article(id="a", source="a", text="Quake kills 30 in Haiti on Monday, officials say.")
>>> b = Article(id="b", source="b", text="A quake killed 30 people in Haiti on Monday.")
>>> c = Article(id="c", source="c", text="")
>>> stories = group_stories([a, b, c], StorySettings(embedding_model="none"))
>>> [story.article_ids for story in stories]
[('a', 'b'), ('c',)]
"""

from __future__ import annotations

from collections.abc import Sequence

from storytrace.models import Article, Story
from storytrace.stories.grouping import Embedder, cluster_articles
from storytrace.stories.records import build_stories
from storytrace.stories.settings import StorySettings


def group_stories(
    articles: Sequence[Article],
    settings: StorySettings | None = None,
    *,
    embedder: Embedder | None = None,
) -> tuple[Story, ...]:
    """Every article in exactly one story, largest stories first, each with its evidence.

    ``embedder`` replaces the sentence encoder the settings name (for a cache of
    vectors computed earlier, or a stub in tests).
    """
    settings = settings or StorySettings()
    return build_stories(cluster_articles(articles, settings, embedder=embedder), settings)
