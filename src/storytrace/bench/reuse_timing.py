"""Speed checks of reuse analysis: one long pair, and one story of 200 articles.

Both go through :func:`storytrace.reuse.trace_story`, the public entry point (the
pair as a story of two articles).

>>> timings = measure_timings("../shared/data/ecbplus", corpus, ReuseSettings())  # doctest: +SKIP
>>> timings.pair_seconds < 1  # doctest: +SKIP
True
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass, replace
from pathlib import Path

from storytrace.bench import reuse_operations as ops
from storytrace.bench.reuse_corpus import ReuseCorpus, generate_large_story
from storytrace.models import Article
from storytrace.reuse import Embed, ReuseSettings, trace_story


@dataclass(frozen=True, slots=True)
class Timings:
    """Wall-clock seconds of the two speed checks.

    ``story_seconds`` is without sentence embeddings (verbatim and edited reuse);
    ``story_seconds_with_embeddings`` also embeds every sentence, when an embed
    function was given.
    """

    pair_words: tuple[int, int]
    pair_seconds: float
    story_articles: int
    story_aligned_pairs: int
    story_seconds: float
    workers: int
    story_seconds_with_embeddings: float | None = None


def _long_pair(corpus: ReuseCorpus, words: int) -> tuple[Article, Article]:
    """Two articles of about ``words`` words: unrelated paragraphs, and an edited, shuffled copy."""
    paragraphs: list[str] = []
    count = 0
    for article in corpus.background:
        for paragraph in article.text.split("\n\n"):
            paragraphs.append(paragraph)
            count += len(paragraph.split())
            if count >= words:
                break
        if count >= words:
            break
    rng = random.Random(5)
    copy = [ops.edit_sentence(p, rng) if rng.random() < 0.3 else p for p in paragraphs]
    rng.shuffle(copy)
    return (
        Article("long-a", "long-a", "\n\n".join(paragraphs)),
        Article("long-b", "long-b", "\n\n".join(copy)),
    )


def measure_timings(
    ecbplus: str | Path,
    corpus: ReuseCorpus,
    settings: ReuseSettings,
    *,
    workers: int = 2,
    embed: Embed | None = None,
) -> Timings:
    """Seconds to trace two 5,000-word articles, and a story of 200 articles."""
    first, second = _long_pair(corpus, 5000)
    started = time.perf_counter()
    trace_story([first, second], settings=settings)
    pair_seconds = time.perf_counter() - started
    story = generate_large_story(ecbplus, articles=200)
    started = time.perf_counter()
    traced = trace_story(story.articles, settings=replace(settings, workers=workers))
    story_seconds = time.perf_counter() - started
    embedded = None
    if embed is not None:
        started = time.perf_counter()
        trace_story(story.articles, settings=replace(settings, workers=workers), embed=embed)
        embedded = round(time.perf_counter() - started, 2)
    return Timings(
        pair_words=(len(first.text.split()), len(second.text.split())),
        pair_seconds=round(pair_seconds, 3),
        story_articles=len(story.articles),
        story_aligned_pairs=traced.aligned_pairs,
        story_seconds=round(story_seconds, 2),
        workers=workers,
        story_seconds_with_embeddings=embedded,
    )
