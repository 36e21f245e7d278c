"""A news reuse corpus with passage, relation and provenance gold, generated from ECB+.

No public corpus of news reuse has gold passages, directions and origins, so
this module builds one, as the PAN plagiarism-detection corpora were built
(Potthast et al., 2010): take real texts, derive copies with known operations,
and record exactly which characters of each copy came from where. Unlike a
corpus made to check one detector, it plants none of the cues a detector
reads: each is drawn on its own, at rates seen in real coverage
(``docs/reuse-benchmark.md`` lists them).

Each story starts from an **origin**: two or three ECB+ reports of one real
event joined under a headline. Derived articles copy or rewrite it, or an
earlier derived article (copies of copies, up to three generations), each
with one operation (:data:`DERIVED_OPERATIONS`) around paragraphs of their
own. News agencies are origins in some stories and copiers in others (an
agency re-reporting a paper's scoop, then copied by papers). Dates are drawn
independently of the direction (:mod:`storytrace.bench.reuse_dates`); about
half of the derived articles credit their parent, in wording the detector
never sees (:mod:`storytrace.bench.reuse_credits`), some credit another
outlet instead. Outlets show as a site name, a URL on their domain, or both
(:mod:`storytrace.bench.reuse_outlets`). In about 30% of the stories the
origin is left out; its copies cite it. Negatives that matter join every
story (:mod:`storytrace.bench.reuse_negatives`).

The gold relation is given for every evaluated pair (:class:`GoldPair`): a
derivation is ``copy`` or ``rewrite``, two articles of one lineage that share
one wording are ``copy`` (or ``rewrite``) with no derivation between them,
negatives are ``independent`` or ``shares_quotes``.

The corpus has two splits over disjoint ECB+ topics: ``dev`` (odd topics,
seed 1) for tuning and ``test`` (even topics, seed 2) for the figures.

>>> corpus = generate_reuse_corpus("../shared/data/ecbplus", split="test")  # doctest: +SKIP
>>> len(corpus.stories)  # doctest: +SKIP
41
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

from storytrace.bench.reuse_builder import DERIVED_OPERATIONS, FOOTERS, Operation
from storytrace.bench.reuse_drafts import GoldCase
from storytrace.bench.reuse_gold import Derivation, GoldPair, GoldStory, Link, ReuseCorpus, Split
from storytrace.bench.reuse_negatives import NEGATIVE_KINDS
from storytrace.bench.reuse_sources import SourceDocument, read_sources
from storytrace.bench.reuse_story import build_story
from storytrace.errors import ConfigurationError
from storytrace.models import Article

__all__ = [
    "DERIVED_OPERATIONS",
    "NEGATIVE_KINDS",
    "Derivation",
    "GoldCase",
    "GoldPair",
    "GoldStory",
    "Link",
    "Operation",
    "ReuseCorpus",
    "Split",
    "generate_large_story",
    "generate_reuse_corpus",
]


def _operation_cycle(rotation: random.Random) -> Iterator[Operation]:
    """Operations in rounds, each round every operation once in a shuffled order."""
    while True:
        cycle = list(DERIVED_OPERATIONS)
        rotation.shuffle(cycle)
        yield from cycle


def _story_operations(cycle: Iterator[Operation], count: int) -> list[Operation]:
    operations: list[Operation] = []
    while len(operations) < count:
        operation = next(cycle)
        if operation not in operations or len(operations) >= len(DERIVED_OPERATIONS):
            operations.append(operation)
    return operations


def generate_reuse_corpus(
    ecbplus: str | Path,
    *,
    split: Split = "test",
    seed: int | None = None,
    derived_per_story: int = 7,
    max_stories: int | None = None,
) -> ReuseCorpus:
    """Generate the corpus from the ECB+ release at ``ecbplus``; same arguments, same corpus.

    ``seed`` defaults to 1 for ``dev`` and 2 for ``test``.
    """
    if split not in ("dev", "test"):
        raise ConfigurationError(f"split={split!r}: expected 'dev' or 'test'")
    if not 1 <= derived_per_story <= 3 * len(DERIVED_OPERATIONS):
        raise ConfigurationError(
            f"derived_per_story={derived_per_story}: expected 1 to {3 * len(DERIVED_OPERATIONS)}"
        )
    seed = (1 if split == "dev" else 2) if seed is None else seed
    documents = read_sources(ecbplus)
    parity = 1 if split == "dev" else 0
    mine = [d for d in documents if int(d.topic) % 2 == parity]
    others = [d for d in documents if int(d.topic) % 2 != parity]
    by_story: dict[str, list[SourceDocument]] = {}
    for document in mine:
        by_story.setdefault(document.story, []).append(document)
    cycle = _operation_cycle(random.Random(f"{seed}-rotation"))
    stories: list[GoldStory] = []
    names = sorted(by_story, key=lambda s: (int(s.split("/")[0]), s))
    for name in names[:max_stories] if max_stories else names:
        story_documents = by_story[name]
        if len(story_documents) < 4:
            continue
        topic = name.split("/")[0]
        operations = _story_operations(cycle, derived_per_story)
        rng = random.Random(f"{seed}-{name}")
        hosts = [d for d in mine if d.topic != topic and len(d.sentences) >= 3]
        other_event = [d for d in mine if d.topic == topic and d.story != name]
        story_id = f"{split}-{name.replace('/', '-')}"
        story = build_story(story_id, story_documents, hosts, other_event, operations, rng)
        if story is not None:
            stories.append(story)
    background_rng = random.Random(f"{seed}-background")
    background = tuple(
        Article(
            id=f"background-{d.name}",
            source=f"ecbplus/{d.name}",
            language="en",
            text="\n\n".join(
                [
                    *(s.text for s in d.sentences),
                    *([background_rng.choice(FOOTERS)] if background_rng.random() < 0.3 else []),
                ]
            ),
        )
        for d in others
    )
    return ReuseCorpus(split, seed, tuple(stories), background)


def generate_large_story(ecbplus: str | Path, *, articles: int = 200, seed: int = 3) -> GoldStory:
    """One story of about ``articles`` articles: an origin, its copies and copies of copies.

    For timing: every article shares text with many others, the worst case for
    pairwise alignment. The ECB+ event with the most documents is the origin.
    """
    if articles < 5:
        raise ConfigurationError(f"articles={articles}: a large story needs at least 5")
    documents = read_sources(ecbplus)
    by_story: dict[str, list[SourceDocument]] = {}
    for document in documents:
        by_story.setdefault(document.story, []).append(document)
    name = max(sorted(by_story), key=lambda s: len(by_story[s]))
    topic = name.split("/")[0]
    rng = random.Random(f"{seed}-large-{articles}")
    hosts = [d for d in documents if d.topic != topic and len(d.sentences) >= 3]
    other_event = [d for d in documents if d.topic == topic and d.story != name]
    cycle = _operation_cycle(random.Random(f"{seed}-large-rotation"))
    operations = [next(cycle) for _ in range(articles - 4)]
    story = build_story("large", by_story[name], hosts, other_event, operations, rng)
    if story is None:
        raise ConfigurationError(f"{ecbplus}: the largest ECB+ event has no usable report")
    return story
