"""Stories across languages: a translated article joins the story of what it translates.

Story grouping weighs shared words, names and numbers; a translation into
another script shares almost none of them, so an Arabic or Russian translation
of an English report is left in a story of its own (10 of the 27 hand
translations of ``storytrace bench translation``), where reuse analysis never
sees it. This stage looks for such translations and moves them.

Only articles in other languages than the corpus's most common one may move
(so a corpus in one language costs nothing):

- an article that translates articles of other stories, and none of its own
  story, joins the story holding most of what it translates (grouping may
  have put it with articles that share its names and figures);
- a *foreign* story (no article in the main language) that translates
  something follows its articles: each linked one goes where what it
  translates is, the others with the story holding most of what the whole
  foreign story translates. Two translations grouped together because they
  share their language's words, but translating two different events, part.

Stories in the main language are never merged with one another. For each
article in another language:

1. candidates are the articles of other stories in another language, within
   ``window_days`` when both are dated, ranked by the cosine of their lead
   vectors (the mean multilingual vector of the first ``lead_sentences``
   sentences); the ``neighbours`` closest are kept;
2. each candidate is aligned with the article sentence by sentence
   (:func:`storytrace.reuse.align.align_texts` with multilingual vectors and
   the translation thresholds of :class:`storytrace.reuse.ReuseSettings`);
3. a candidate with at least ``derivation_min_chars`` translated characters
   is a link, and the link is the story's evidence (kind ``translation``, with
   the translated passage in both articles).

>>> from storytrace.models import Article, Story
>>> stories = (Story("s1", ("a",)),)
>>> join_translations(stories, [Article("a", "a", "Text.", language="en")],
...                   translate=lambda texts: None) == stories
True
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

import numpy as np

from storytrace.models import Article, Mention, Passage, Story, StoryEvidence
from storytrace.reuse.align import (
    Embed,
    align_texts,
    embed_original_sentences,
    embed_sentences,
    in_other_languages,
)
from storytrace.reuse.matches import Vectors, paraphrase_sentences
from storytrace.reuse.segments import MatchText, prepare_text
from storytrace.reuse.settings import ReuseSettings
from storytrace.stories.features import parse_published
from storytrace.stories.records import dates_and_outlets, headline, story_id


@dataclass(frozen=True, slots=True)
class TranslationLink:
    """``foreign_id`` translates ``source_id`` over ``characters`` of its text."""

    foreign_id: str
    source_id: str
    characters: int
    passage: Passage


def _dated(article: Article) -> datetime | None:
    return parse_published(article.published)


def _distance(first: datetime | None, second: datetime | None) -> float:
    """Seconds between two dates; unknown dates are the farthest."""
    if first is None or second is None:
        return float("inf")
    return abs((first - second).total_seconds())


def _within(first: datetime | None, second: datetime | None, days: float) -> bool:
    if first is None or second is None:
        return True
    return abs((first - second).total_seconds()) <= days * 86400


def _majority(articles: Mapping[str, Article]) -> str | None:
    """The corpus's most common language, or ``None`` when it has only one."""
    counts = Counter(a.language for a in articles.values() if a.language)
    if len(counts) < 2:
        return None
    return max(sorted(counts), key=lambda language: counts[language])


def _foreign_stories(stories: Sequence[Story], articles: Mapping[str, Article]) -> list[Story]:
    majority = _majority(articles)
    if majority is None:
        return []
    return [
        story
        for story in stories
        if all(
            (language := articles[a].language) and language != majority
            for a in story.article_ids
            if a in articles
        )
    ]


def translation_links(
    stories: Sequence[Story],
    articles: Sequence[Article],
    *,
    translate: Embed,
    settings: ReuseSettings | None = None,
    window_days: float = 30.0,
    neighbours: int = 10,
    lead_sentences: int = 5,
    max_candidates: int = 2000,
) -> list[TranslationLink]:
    """Articles not in the corpus's main language that translate articles in another.

    Each such article is aligned with its ``neighbours`` closest candidates in
    other stories and with every article of its own story in another language.
    Candidates are the other-language articles within ``window_days``; beyond
    ``max_candidates`` of them only the closest in time are kept (undated ones
    last), which bounds the embedding work in a large corpus.
    """
    settings = settings or ReuseSettings()
    by_id = {a.id: a for a in articles}
    majority = _majority(by_id)
    if majority is None:
        return []
    story_of = {a: s.id for s in stories for a in s.article_ids}
    dates = {a.id: _dated(a) for a in articles}
    wanted: dict[str, list[str]] = {}
    mates: dict[str, list[str]] = {}
    for story in stories:
        for article_id in story.article_ids:
            article = by_id.get(article_id)
            if article is None or not article.language or article.language == majority:
                continue
            others = [
                other.id
                for other in articles
                if in_other_languages(article, other)
                and _within(dates[article_id], dates[other.id], window_days)
            ]
            elsewhere = [o for o in others if story_of.get(o) != story.id]
            if len(elsewhere) > max_candidates:
                elsewhere = sorted(
                    elsewhere, key=lambda o: (_distance(dates[article_id], dates[o]), o)
                )[:max_candidates]
            wanted[article_id] = elsewhere
            mates[article_id] = [o for o in others if story_of.get(o) == story.id]
    involved = sorted({i for key, others in wanted.items() for i in (key, *others, *mates[key])})
    if not involved:
        return []
    texts = {i: prepare_text(by_id[i], seed_words=settings.seed_words) for i in involved}
    # Leads rank the candidates (a few sentences of every article); only the closest
    # candidates are embedded whole and aligned.
    leads = _leads(involved, texts, by_id, translate, lead_sentences)
    chosen = {
        article_id: [
            *sorted(others, key=lambda o: (-float(leads[article_id] @ leads[o]), o))[:neighbours],
            *mates[article_id],
        ]
        for article_id, others in sorted(wanted.items())
    }
    aligned = sorted({i for key, others in chosen.items() for i in (key, *others)})
    vectors = dict(
        zip(
            aligned,
            embed_original_sentences([texts[i] for i in aligned],
                                     [by_id[i].text for i in aligned], translate),
            strict=True,
        )
    )  # fmt: skip
    links: list[TranslationLink] = []
    for article_id, others in chosen.items():
        for other in others:
            link = _link(article_id, other, texts, vectors, settings)
            if link is not None:
                links.append(link)
    return links


def _leads(
    ids: Sequence[str],
    texts: Mapping[str, MatchText],
    articles: Mapping[str, Article],
    translate: Embed,
    count: int,
) -> dict[str, Vectors]:
    """The normalised mean multilingual vector of each article's first ``count`` sentences."""
    prepared = [texts[i] for i in ids]
    later = [set(paraphrase_sentences(text)[count:]) for text in prepared]
    vectors = embed_sentences(
        prepared, translate, skip=later, originals=[articles[i].text for i in ids]
    )
    leads: dict[str, Vectors] = {}
    for article_id, rows in zip(ids, vectors, strict=True):
        lead = rows[:count].sum(axis=0)
        norm = float(np.linalg.norm(lead))
        leads[article_id] = (lead / norm if norm else lead).astype(np.float32)
    return leads


def _link(
    foreign: str,
    other: str,
    texts: Mapping[str, MatchText],
    vectors: Mapping[str, Vectors],
    settings: ReuseSettings,
) -> TranslationLink | None:
    passages = [
        p
        for p in align_texts(
            texts[other],
            texts[foreign],
            settings=settings,
            translation_a=vectors[other],
            translation_b=vectors[foreign],
        )
        if p.kind == "translation"
    ]
    characters = sum(p.target_span.length for p in passages)
    if characters < settings.derivation_min_chars:
        return None
    longest = max(passages, key=lambda p: (p.target_span.length, p.target_span.start))
    return TranslationLink(foreign, other, characters, longest)


def join_translations(
    stories: Sequence[Story],
    articles: Sequence[Article],
    *,
    translate: Embed,
    settings: ReuseSettings | None = None,
    window_days: float = 30.0,
) -> tuple[Story, ...]:
    """The stories after each foreign story has joined the story it translates, if any.

    Stories that take part in no join come back unchanged (same records).
    """
    links = translation_links(
        stories, articles, translate=translate, settings=settings, window_days=window_days
    )
    if not links:
        return tuple(stories)
    story_of = {a: s.id for s in stories for a in s.article_ids}
    by_story = {s.id: s for s in stories}
    article_by_id = {a.id: a for a in articles}
    # Per article and per foreign story: the story holding most of what it translates.
    article_weight: dict[tuple[str, str], int] = {}
    story_weight: dict[tuple[str, str], int] = {}
    for link in links:
        target = story_of[link.source_id]
        key = (link.foreign_id, target)
        article_weight[key] = article_weight.get(key, 0) + link.characters
        pair = (story_of[link.foreign_id], target)
        story_weight[pair] = story_weight.get(pair, 0) + link.characters
    article_best = _best(article_weight)
    story_best = _best(story_weight)
    parent = {a: a for a in story_of}

    def root(article: str) -> str:
        while parent[article] != article:
            article = parent[article]
        return article

    def union(first: str, second: str) -> None:
        one, two = root(first), root(second)
        if one != two:
            parent[max(one, two)] = min(one, two)

    foreign = {s.id for s in _foreign_stories(stories, article_by_id)}
    linked_home = {
        link.foreign_id for link in links
        if story_of[link.foreign_id] == story_of[link.source_id]
    }  # fmt: skip
    # Where each moving article goes; the rest of each story stays together.
    moves: dict[str, str] = {}
    for story in stories:
        if story.id in foreign and story.id in story_best:
            # A foreign story that translates: each article goes where what it
            # translates is, the others with the story's main target.
            for article_id in story.article_ids:
                target = article_best.get(article_id, story_best[story.id])
                if target != story.id:
                    moves[article_id] = target
        else:
            # Any other story keeps its articles, except one in another language
            # that translates an article elsewhere and none of its own story.
            for article_id in story.article_ids:
                target = article_best.get(article_id, story.id)
                if target != story.id and article_id not in linked_home:
                    moves[article_id] = target
    anchors = {
        story.id: next((a for a in story.article_ids if a not in moves), story.article_ids[0])
        for story in stories
    }
    for story in stories:
        for article_id in story.article_ids:
            if article_id not in moves:
                union(anchors[story.id], article_id)
    for article_id, target in sorted(moves.items()):
        union(article_id, anchors[target])
    components: dict[str, list[str]] = {}
    for article_id in story_of:
        components.setdefault(root(article_id), []).append(article_id)
    result = []
    for members in components.values():
        sources = {story_of[a] for a in members}
        if len(sources) == 1 and len(by_story[next(iter(sources))].article_ids) == len(members):
            result.append(by_story[next(iter(sources))])
        else:
            contributing = [by_story[s] for s in sorted(sources)]
            result.append(_joined(contributing, sorted(members), links, article_by_id))
    return tuple(sorted(result, key=lambda s: (-len(s.article_ids), s.id)))


def _best(weights: Mapping[tuple[str, str], int]) -> dict[str, str]:
    """For each key, the target with the most characters (ties: the larger id)."""
    best: dict[str, str] = {}
    for (key, target), characters in sorted(weights.items()):
        current = best.get(key)
        if current is None or (characters, target) > (weights[key, current], current):
            best[key] = target
    return best


def _joined(
    contributing: Sequence[Story],
    members: Sequence[str],
    links: Sequence[TranslationLink],
    articles: Mapping[str, Article],
) -> Story:
    """The story of articles ``members``, drawn from the ``contributing`` stories.

    It keeps the title of the contributing story that gives it most articles;
    the links between its articles are its first evidence, and the contributing
    stories' evidence follows, restricted to its articles.
    """
    inside = set(members)
    main = max(contributing, key=lambda s: (len(inside & set(s.article_ids)), s.id))
    article_ids = tuple(sorted(members))
    known = [articles[a] for a in article_ids if a in articles]
    first, last, outlets = dates_and_outlets(known)
    evidence = [
        StoryEvidence(
            kind="translation",
            value=f"{link.foreign_id} translates {link.source_id} ({link.characters} characters)",
            weight=1.0,
            mentions=(
                Mention(
                    link.foreign_id, link.passage.target_span.start, link.passage.target_span.end
                ),
                Mention(
                    link.source_id, link.passage.source_span.start, link.passage.source_span.end
                ),
            ),
        )
        for link in links
        if link.foreign_id in inside and link.source_id in inside
    ]
    kept = [
        replace(item, mentions=tuple(m for m in item.mentions if m.article_id in inside))
        for story in contributing
        for item in story.explanation
        if not item.mentions or any(m.article_id in inside for m in item.mentions)
    ]
    title = main.title or next((t for a in known if (t := headline(a))), None)
    return replace(
        main,
        id=story_id(article_ids),
        article_ids=article_ids,
        title=title,
        first_published=first,
        last_published=last,
        outlets=outlets,
        explanation=(*evidence, *kept),
    )
