"""How often incremental grouping differs from grouping everything at once.

The articles are fed in batches, shuffled or in order of publication (as a
newsroom would get them): the first batch is grouped in one run, each later
batch is added to the stories so far with
:func:`~storytrace.stories.add_to_stories`. The final stories are compared
with one run over all the articles: whether the two groupings are identical,
how many articles have a different set of story companions, and the B-cubed
F1 and ARI of one against the other.

>>> agreement = measure_incremental_agreement(articles, batches=5)  # doctest: +SKIP
>>> agreement.articles_differing / agreement.articles  # doctest: +SKIP
0.01
"""

from __future__ import annotations

import random
import time
from collections.abc import Sequence
from dataclasses import dataclass

from storytrace.bench.clustering import ClusteringScore, score_clustering
from storytrace.errors import ConfigurationError
from storytrace.models import Article, Story
from storytrace.stories.features import parse_published
from storytrace.stories.grouping import Embedder
from storytrace.stories.incremental import add_to_stories
from storytrace.stories.settings import StorySettings
from storytrace.stories.stage import group_stories


@dataclass(frozen=True, slots=True)
class IncrementalAgreement:
    """Incremental against one-shot grouping of the same articles."""

    articles: int
    batches: int
    identical: bool
    articles_differing: int
    """Articles whose set of story companions is not the same in both groupings."""
    agreement: ClusteringScore
    """The incremental grouping scored with the one-shot grouping as gold."""
    last_batch_seconds: float
    """Time to add the last batch to the stories of all the others."""
    one_shot_seconds: float
    """Time to group all the articles in one run."""


def _companions(stories: Sequence[Story]) -> dict[str, frozenset[str]]:
    return {a: frozenset(story.article_ids) for story in stories for a in story.article_ids}


def measure_incremental_agreement(
    articles: Sequence[Article],
    *,
    batches: int = 5,
    seed: int = 0,
    by_time: bool = False,
    settings: StorySettings | None = None,
    embedder: Embedder | None = None,
) -> IncrementalAgreement:
    """Group ``articles`` in ``batches`` increments and at once; compare.

    Batches follow publication time with ``by_time`` (undated articles fall at
    random places), else a shuffle by ``seed``.
    """
    if batches < 2:
        raise ConfigurationError(f"batches={batches}: an incremental run needs at least 2 batches")
    settings = settings or StorySettings()
    order = list(articles)
    rng = random.Random(seed)
    rng.shuffle(order)
    if by_time:
        times = {a.id: parse_published(a.published) for a in order}
        start = min((t for t in times.values() if t), default=None)
        span = max((t for t in times.values() if t), default=start)
        if start is not None and span is not None:
            seconds = max((span - start).total_seconds(), 1.0)
            moment = {
                a.id: (t - start).total_seconds() if (t := times[a.id]) else rng.uniform(0, seconds)
                for a in order
            }
            order.sort(key=lambda a: moment[a.id])
    cut = [round(len(order) * step / batches) for step in range(batches + 1)]
    stories = group_stories(order[: cut[1]], settings, embedder=embedder)
    last_batch_seconds = 0.0
    for step in range(2, batches + 1):
        started = time.perf_counter()
        stories = add_to_stories(stories, order[: cut[step]], settings, embedder=embedder)
        last_batch_seconds = time.perf_counter() - started
    started = time.perf_counter()
    one_shot = group_stories(order, settings, embedder=embedder)
    one_shot_seconds = time.perf_counter() - started
    incremental, reference = _companions(stories), _companions(one_shot)
    ids = [article.id for article in order]
    differing = sum(incremental[a] != reference[a] for a in ids)
    return IncrementalAgreement(
        articles=len(ids),
        batches=batches,
        identical=differing == 0,
        articles_differing=differing,
        agreement=score_clustering(
            [min(reference[a]) for a in ids], [min(incremental[a]) for a in ids]
        ),
        last_batch_seconds=last_batch_seconds,
        one_shot_seconds=one_shot_seconds,
    )
