"""From clusters of articles to :class:`~storytrace.models.Story` records for the report.

A story's id comes from its first article id, so the same grouping gets the
same ids in every run; its title is the headline (or first sentence) of its
most central article, the one most strongly linked to the others.

>>> story_id(["b", "a"])
'story-86f7e437faa5'
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Mapping, Sequence

from storytrace.models import Article, Story
from storytrace.stories.explanation import explain_story
from storytrace.stories.features import ArticleFeatures, parse_published, split_sentences
from storytrace.stories.graph import Edge
from storytrace.stories.grouping import Grouping
from storytrace.stories.settings import StorySettings

TITLE_CHARACTERS = 160
"""A first sentence used as title is cut at a word boundary past this length."""


def story_id(article_ids: Sequence[str]) -> str:
    """A stable id for the story whose smallest article id is ``min(article_ids)``."""
    digest = hashlib.sha1(min(article_ids).encode("utf-8")).hexdigest()
    return f"story-{digest[:12]}"


def dates_and_outlets(
    articles: Sequence[Article],
) -> tuple[str | None, str | None, tuple[str, ...]]:
    """The first and last publication values among ``articles`` and their outlets, sorted.

    For a story whose articles changed after grouping (a correction, a joined
    translation).
    """
    dated = sorted(
        (moment, a.published)
        for a in articles
        if a.published and (moment := parse_published(a.published)) is not None
    )
    outlets = tuple(sorted({a.outlet for a in articles if a.outlet}))
    return (dated[0][1], dated[-1][1], outlets) if dated else (None, None, outlets)


def headline(article: Article) -> str | None:
    """The article's title, else its first sentence (shortened), else ``None``."""
    if article.title and article.title.strip():
        return " ".join(article.title.split())
    sentences = split_sentences(article.text or "")
    if not sentences:
        return None
    sentence = " ".join(sentences[0].split())
    if len(sentence) <= TITLE_CHARACTERS:
        return sentence
    return sentence[:TITLE_CHARACTERS].rsplit(" ", 1)[0] + "…"


def _central(positions: Sequence[int], edges: Sequence[Edge], articles: Sequence[Article]) -> int:
    strength: dict[int, float] = dict.fromkeys(positions, 0.0)
    for edge in edges:
        strength[edge.left] += edge.similarity
        strength[edge.right] += edge.similarity
    # A real headline represents a story better than a body's first sentence.
    with_title = (
        [p for p in positions if (articles[p].title or "").strip()]
        or [p for p in positions if (articles[p].text or "").strip()]
        or list(positions)
    )
    return max(with_title, key=lambda p: (strength[p], -p))


def _published_range(
    positions: Sequence[int], articles: Sequence[Article], features: Sequence[ArticleFeatures]
) -> tuple[str | None, str | None]:
    dated = [(features[p].published, articles[p].published) for p in positions]
    known = sorted((moment, text) for moment, text in dated if moment is not None and text)
    if not known:
        return None, None
    return known[0][1], known[-1][1]


def _assign_ids(clusters: list[tuple[str, ...]], earlier_ids: Mapping[str, str]) -> list[str]:
    """One distinct id per cluster: an earlier story's id goes to the cluster holding most
    of its articles, other clusters get an id from their first article."""
    votes = Counter(
        (earlier_ids[article_id], index)
        for index, cluster in enumerate(clusters)
        for article_id in cluster
        if article_id in earlier_ids
    )
    ids: dict[int, str] = {}
    taken: set[str] = set()
    for (earlier, index), _count in sorted(votes.items(), key=lambda item: (-item[1], item[0])):
        if index not in ids and earlier not in taken:
            ids[index] = earlier
            taken.add(earlier)
    taken.update(earlier_ids.values())
    for index, cluster in enumerate(clusters):
        if index in ids:
            continue
        fresh, suffix = story_id(cluster), 1
        while fresh in taken:
            suffix += 1
            fresh = f"{story_id(cluster)}-{suffix}"
        ids[index] = fresh
        taken.add(fresh)
    return [ids[index] for index in range(len(clusters))]


def build_stories(
    grouping: Grouping,
    settings: StorySettings,
    *,
    earlier: Sequence[Story] = (),
) -> tuple[Story, ...]:
    """One :class:`Story` per cluster, largest first, with title, dates, outlets and evidence.

    ``earlier`` are the stories of an earlier run: an earlier story's id goes
    to the story now holding most of its articles, and a story whose articles
    did not change is kept as it was.
    """
    earlier_ids = {a: story.id for story in earlier for a in story.article_ids}
    unchanged = {(story.id, frozenset(story.article_ids)): story for story in earlier}
    articles, features = grouping.articles, grouping.features
    document_frequency = {
        "names": Counter(term for f in features for term in f.names),
        "numbers": Counter(term for f in features for term in f.numbers),
        "dates": Counter(term for f in features for term in f.dates),
    }
    cluster_of = {p: index for index, cluster in enumerate(grouping.clusters) for p in cluster}
    inner_edges: dict[int, list[Edge]] = {}
    for edge in grouping.edges:
        if cluster_of[edge.left] == cluster_of[edge.right]:
            inner_edges.setdefault(cluster_of[edge.left], []).append(edge)
    ids = _assign_ids(
        [tuple(articles[p].id for p in positions) for positions in grouping.clusters],
        earlier_ids,
    )
    stories = []
    for index, positions in enumerate(grouping.clusters):
        kept = unchanged.get((ids[index], frozenset(articles[p].id for p in positions)))
        if kept is not None:
            stories.append(kept)
            continue
        edges = inner_edges.get(index, [])
        first, last = _published_range(positions, articles, features)
        stories.append(
            Story(
                id=ids[index],
                article_ids=tuple(articles[p].id for p in positions),
                title=headline(articles[_central(positions, edges, articles)]),
                first_published=first,
                last_published=last,
                outlets=tuple(sorted({a.outlet for p in positions if (a := articles[p]).outlet})),
                explanation=explain_story(
                    positions,
                    articles,
                    features,
                    edges,
                    document_frequency,
                    settings.shingle_words,
                ),
            )
        )
    return tuple(sorted(stories, key=lambda story: (-len(story.article_ids), story.id)))
