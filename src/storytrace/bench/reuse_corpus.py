"""A news reuse corpus with passage-level gold, generated from ECB+ the way PAN's were.

No public corpus of news reuse has gold passages, directions and origins, so
this module builds one, as the PAN plagiarism-detection corpora were built
(Potthast et al., 2010): take real texts, derive copies with known operations,
and record exactly which characters of each copy came from where.

Each story starts from an **origin**: two or three ECB+ articles of one gold
story (one real event, different outlets), joined into a multi-paragraph
article under a headline. Derived articles then copy it (or copy a copy) with
one operation each (:data:`DERIVED_OPERATIONS`), around paragraphs of their own
taken from an article about another topic, with optional credit lines naming
the source outlet, photo captions and boilerplate footers. Two negatives join
each story: an article about the other event of the same topic with the
origin's names swapped in (``unrelated_names``) and an independent report of
the same event from another ECB+ outlet that shares no 6-word run with the
origin (``independent_report``). In about a third of the stories the origin
itself is left out of the corpus; its copies still credit it.

Paraphrases are human-written: a sentence of the origin is replaced by a
sentence of another ECB+ article of the same event that shares most of its
cross-document coreference instances (``paraphrase_coref``, see
:func:`storytrace.bench.reuse_sources.paraphrase_partner`), or reworded by
rules (``paraphrase_rules``, :mod:`storytrace.bench.reuse_operations`).

The corpus has two splits over disjoint ECB+ topics: ``dev`` (odd topics)
for tuning and ``test`` (even topics) for the figures.

>>> corpus = generate_reuse_corpus("../shared/data/ecbplus", split="test")  # doctest: +SKIP
>>> len(corpus.stories), sum(len(story.articles) for story in corpus.stories)  # doctest: +SKIP
(43, 368)
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from storytrace.bench.reuse_builder import (
    DERIVED_OPERATIONS,
    FOOTERS,
    NEGATIVE_OPERATIONS,
    Draft,
    GoldCase,
    Operation,
    StoryBuilder,
    draft_article,
    gold_cases,
    own_spans,
)
from storytrace.bench.reuse_sources import SourceDocument, paraphrase_partner, read_sources
from storytrace.errors import ConfigurationError
from storytrace.models import Article, Span

__all__ = [
    "DERIVED_OPERATIONS",
    "NEGATIVE_OPERATIONS",
    "GoldCase",
    "GoldPair",
    "GoldStory",
    "Operation",
    "ReuseCorpus",
    "generate_large_story",
    "generate_reuse_corpus",
]

Split = Literal["dev", "test"]


@dataclass(frozen=True, slots=True)
class GoldPair:
    """An evaluated article pair: a derivation (source to target) or a negative (no cases)."""

    source_id: str
    target_id: str
    operation: Operation
    cases: tuple[GoldCase, ...]


@dataclass(frozen=True, slots=True)
class GoldStory:
    """One generated story: its articles, evaluated pairs, origin, lineage and own material.

    ``hidden`` holds the origin article when it is left out of ``articles``
    (the story's copies only cite it); pairs may still name it as source.
    """

    id: str
    articles: tuple[Article, ...]
    hidden: tuple[Article, ...]
    pairs: tuple[GoldPair, ...]
    origin_article_id: str | None
    origin_outlet: str
    lineage: tuple[str, ...]
    own_spans: tuple[tuple[str, tuple[Span, ...]], ...]

    def article(self, article_id: str) -> Article:
        """The article (in the corpus or hidden) with this id."""
        for article in (*self.articles, *self.hidden):
            if article.id == article_id:
                return article
        raise KeyError(article_id)


@dataclass(frozen=True, slots=True)
class ReuseCorpus:
    """The generated stories, and unrelated articles to learn boilerplate from."""

    split: Split
    seed: int
    stories: tuple[GoldStory, ...]
    background: tuple[Article, ...]


def _build_story(builder: StoryBuilder, operations: Sequence[Operation]) -> GoldStory:
    rng = builder.rng
    origin = builder.origin()
    derived: list[Draft] = []
    for number, operation in enumerate(operations, start=1):
        if operation == "paraphrase_coref" and not any(
            paraphrase_partner(s, builder.pool) for s in builder.sources.values()
        ):
            operation = "paraphrase_rules"
        # A copy of a copy starts from a re-report with material of its own, when there is one.
        rich = [d for d in derived if any(b.role in ("own", "caption") for b in d.blocks)]
        parent = rng.choice(rich or derived) if operation == "copy_of_copy" and derived else origin
        if operation == "copy_of_copy" and not derived:
            operation = "paragraph_copy"
        derived.append(builder.derive(operation, parent, number))
    negatives = [
        d for n, operation in enumerate(NEGATIVE_OPERATIONS, start=len(operations) + 1)
        if (d := builder.negative(operation, n)) is not None
    ]  # fmt: skip
    articles = {d.id: draft_article(d, rng) for d in [origin, *derived, *negatives]}
    pairs: list[GoldPair] = []
    copied: dict[str, set[int]] = {}
    for draft in derived:
        parent = builder.drafts[builder.parents[draft.id]]
        cases = gold_cases(draft, parent)
        pairs.append(GoldPair(parent.id, draft.id, builder.operations[draft.id], cases))
        blocks_used = {b for block in draft.blocks for i in block.parent
                       for b in [parent.sentence_blocks()[i][0]]}  # fmt: skip
        copied.setdefault(parent.id, set()).update(blocks_used)
    anchor = derived[0].id if builder.hidden else origin.id
    for draft in negatives:
        pairs.append(GoldPair(anchor, draft.id, builder.operations[draft.id], ()))
    own = tuple((d.id, own_spans(d, copied.get(d.id, set()))) for d in derived)
    in_corpus = [a for i, a in articles.items() if not (builder.hidden and i == origin.id)]
    return GoldStory(
        id=builder.id,
        articles=tuple(in_corpus),
        hidden=(articles[origin.id],) if builder.hidden else (),
        pairs=tuple(pairs),
        origin_article_id=None if builder.hidden else origin.id,
        origin_outlet=origin.outlet,
        lineage=tuple(d.id for d in [origin, *derived]),
        own_spans=own,
    )


def generate_reuse_corpus(
    ecbplus: str | Path,
    *,
    split: Split = "test",
    seed: int = 2,
    derived_per_story: int = 6,
    max_stories: int | None = None,
) -> ReuseCorpus:
    """Generate the corpus from the ECB+ release at ``ecbplus``; same arguments, same corpus."""
    if split not in ("dev", "test"):
        raise ConfigurationError(f"split={split!r}: expected 'dev' or 'test'")
    if not 1 <= derived_per_story <= len(DERIVED_OPERATIONS):
        raise ConfigurationError(
            f"derived_per_story={derived_per_story}: expected 1 to {len(DERIVED_OPERATIONS)}"
        )
    documents = read_sources(ecbplus)
    parity = 1 if split == "dev" else 0
    mine = [d for d in documents if int(d.topic) % 2 == parity]
    others = [d for d in documents if int(d.topic) % 2 != parity]
    by_story: dict[str, list[SourceDocument]] = {}
    for document in mine:
        by_story.setdefault(document.story, []).append(document)
    rotation = random.Random(f"{seed}-rotation")
    cycle: list[Operation] = []
    stories: list[GoldStory] = []
    names = sorted(by_story, key=lambda s: (int(s.split("/")[0]), s))
    for name in names[:max_stories] if max_stories else names:
        story_documents = by_story[name]
        if len(story_documents) < 4:
            continue
        topic = name.split("/")[0]
        operations: list[Operation] = []
        while len(operations) < derived_per_story:
            if not cycle:
                cycle = list(DERIVED_OPERATIONS)
                rotation.shuffle(cycle)
            operation = cycle.pop()
            if operation not in operations:
                operations.append(operation)
        if "copy_of_copy" in operations:
            operations.remove("copy_of_copy")
            operations.append("copy_of_copy")
        rng = random.Random(f"{seed}-{name}")
        hosts = [d for d in mine if d.topic != topic and len(d.sentences) >= 3]
        other_event = [d for d in mine if d.topic == topic and d.story != name]
        story_id = f"{split}-{name.replace('/', '-')}"
        builder = StoryBuilder(story_id, story_documents, hosts, other_event, rng)
        stories.append(_build_story(builder, operations))
    background_rng = random.Random(f"{seed}-background")
    background = tuple(
        Article(
            id=f"background-{d.name}", source=f"ecbplus/{d.name}", language="en",
            text="\n\n".join([*(s.text for s in d.sentences),
                              *([background_rng.choice(FOOTERS)]
                                if background_rng.random() < 0.3 else [])]),
        )
        for d in others
    )  # fmt: skip
    return ReuseCorpus(split, seed, tuple(stories), background)


def generate_large_story(ecbplus: str | Path, *, articles: int = 200, seed: int = 3) -> GoldStory:
    """One story of ``articles`` articles: an origin, its copies and copies of copies.

    For timing: every article shares text with many others, the worst case for
    pairwise alignment. The ECB+ event with the most documents is the origin.
    """
    if articles < 4:
        raise ConfigurationError(f"articles={articles}: a large story needs at least 4")
    documents = read_sources(ecbplus)
    by_story: dict[str, list[SourceDocument]] = {}
    for document in documents:
        by_story.setdefault(document.story, []).append(document)
    name = max(sorted(by_story), key=lambda s: len(by_story[s]))
    topic = name.split("/")[0]
    rng = random.Random(f"{seed}-large-{articles}")
    hosts = [d for d in documents if d.topic != topic and len(d.sentences) >= 3]
    other_event = [d for d in documents if d.topic == topic and d.story != name]
    builder = StoryBuilder("large", by_story[name], hosts, other_event, rng, articles + 2)
    derived = articles - 1 - len(NEGATIVE_OPERATIONS)
    operations = [DERIVED_OPERATIONS[i % len(DERIVED_OPERATIONS)] for i in range(derived)]
    story = _build_story(builder, operations)
    return story
