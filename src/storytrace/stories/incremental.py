"""Adding articles to an earlier grouping without clustering everything again.

The earlier stories that new articles reach in the candidate index are taken
apart and grouped again together with them, as one run over everything would;
stories they do not reach are not clustered again (they start the clustering
as groups, and can still be joined). A story keeps
the id of the earlier story most of its articles come from, so ids hold
across runs; analyst corrections are applied again afterwards.

``docs/stories.md`` reports how often the result differs from one run over
all the articles.

>>> from storytrace.models import Story
>>> earlier = (Story(id="story-1", article_ids=("a",)),)
>>> a = Article(id="a", source="a", text="Quake kills 30 in Haiti on Monday, officials say.")
>>> b = Article(id="b", source="b", text="A quake killed 30 people in Haiti on Monday.")
>>> [s.article_ids for s in add_to_stories(earlier, [a, b], StorySettings(embedding_model="none"))]
[('a', 'b')]
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from storytrace.models import Article, Story
from storytrace.stories.candidates import CandidatePairs, candidate_pairs
from storytrace.stories.grouping import (
    Embedder,
    Grouping,
    cluster_scored,
    prepare_articles,
    score_prepared,
)
from storytrace.stories.records import build_stories
from storytrace.stories.settings import StorySettings


def add_to_grouping(
    stories: Sequence[Story],
    articles: Sequence[Article],
    settings: StorySettings,
    *,
    embedder: Embedder | None = None,
) -> Grouping:
    """The grouping of ``articles`` (earlier and new), redoing only what new articles reach.

    Articles of ``stories`` missing from ``articles`` are left out; articles in
    no earlier story are the new ones.
    """
    prepared = prepare_articles(articles, settings, embedder=embedder)
    position = {article.id: index for index, article in enumerate(prepared.articles)}
    groups = [
        [position[article_id] for article_id in story.article_ids if article_id in position]
        for story in stories
    ]
    story_of = np.full(len(position), -1, dtype=np.int64)
    for index, group in enumerate(groups):
        story_of[group] = index
    # The lookup is cheap next to the features, and an earlier article may find a new one
    # that does not find it back, so every article is looked up.
    pairs = candidate_pairs(prepared.features, prepared.vectors, settings)
    new = story_of < 0
    with_new = new[pairs.left] | new[pairs.right]
    ends = np.concatenate([pairs.left[with_new], pairs.right[with_new]])
    touched = set(story_of[ends][story_of[ends] >= 0].tolist())
    # Stories the new articles reach are taken apart and grouped again with them.
    regrouped = new | np.isin(story_of, list(touched))
    inside = regrouped[pairs.left] | regrouped[pairs.right]
    # Articles those reach keep all their pairs, to rank their own best neighbours.
    reached = np.zeros(len(position), dtype=bool)
    reached[pairs.left[inside]] = True
    reached[pairs.right[inside]] = True
    kept_pairs = reached[pairs.left] | reached[pairs.right]
    left, right = pairs.left[kept_pairs], pairs.right[kept_pairs]
    scored = score_prepared(prepared, CandidatePairs(left, right), settings)
    kept = [group for index, group in enumerate(groups) if index not in touched]
    return cluster_scored(scored, settings, groups=kept)


def add_to_stories(
    stories: Sequence[Story],
    articles: Sequence[Article],
    settings: StorySettings,
    *,
    embedder: Embedder | None = None,
) -> tuple[Story, ...]:
    """Stories of all ``articles``: new articles placed, stories they reach regrouped.

    ``articles`` holds the earlier articles and the new ones.
    """
    grouping = add_to_grouping(stories, articles, settings, embedder=embedder)
    return build_stories(grouping, settings, earlier=stories)
