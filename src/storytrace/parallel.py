"""Stories analysed in worker processes, each loading its models once.

Story analysis is a function of a story's articles, the run's settings and
the boilerplate background (:func:`storytrace.pipeline.analyse_story`), so
stories can be analysed anywhere: here in a pool of processes, later inside
Spark partitions. Each worker is started with the settings and background
and keeps its models and sentence-vector cache for all the stories it gets;
with a store, a worker reads vectors from it and writes the new ones, so no
sentence is embedded twice whichever process meets it first.

Largest stories go first, so that no worker is left with a long story at the
end while the other waits.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass

from storytrace.encoders import Encoders, run_encoders
from storytrace.models import Article, Story, StoryAnalysis
from storytrace.reuse import Background
from storytrace.settings import Settings

MAX_AUTO_WORKERS = 4
"""Most processes chosen when the settings leave the number to the machine."""

MIN_ARTICLES = 40
"""Fewer articles to analyse than this are analysed in this process: starting
workers and loading their models costs more than it saves."""


def worker_count(settings: Settings, stories: Sequence[Story]) -> int:
    """How many processes to analyse ``stories`` with (1: in this process)."""
    wanted = settings.workers or min(MAX_AUTO_WORKERS, os.cpu_count() or 1)
    articles = sum(len(story.article_ids) for story in stories)
    if wanted <= 1 or len(stories) < 2 or articles < MIN_ARTICLES:
        return 1
    return min(wanted, len(stories))


@dataclass(frozen=True, slots=True)
class _Context:
    settings: Settings
    background: Background | None
    store_path: str | None
    threads: int


_context: _Context | None = None
_encoders: Encoders | None = None


def _start(context: _Context) -> None:
    """Set up one worker: what every story of the run shares."""
    global _context, _encoders
    from storytrace.store import Store

    _context = context
    store = Store(context.store_path) if context.store_path else None
    _encoders = run_encoders(context.settings, store, threads=context.threads, parses=store)


@dataclass(frozen=True, slots=True)
class Analysed:
    """One story's analysis and the vectors its worker computed and reused for it."""

    analysis: StoryAnalysis
    vectors_computed: int
    vectors_reused: int
    sentences_parsed: int


def _analyse_one(story: Story, members: Sequence[Article]) -> Analysed:
    from storytrace.pipeline import analyse_story

    assert _context is not None and _encoders is not None, "worker not started"
    computed, reused, parsed = _encoders.computed, _encoders.reused, _encoders.parsed
    analysis = analyse_story(
        story,
        {article.id: article for article in members},
        settings=_context.settings,
        background=_context.background,
        encoders=_encoders,
    )
    _encoders.flush()
    return Analysed(
        analysis,
        _encoders.computed - computed,
        _encoders.reused - reused,
        _encoders.parsed - parsed,
    )


def analyse_in_workers(
    stories: Sequence[Story],
    articles: Mapping[str, Article],
    *,
    settings: Settings,
    background: Background | None,
    workers: int,
    store_path: str | None = None,
) -> Iterator[Analysed]:
    """Analyses of ``stories`` from ``workers`` processes, in the order they finish.

    ``store_path`` names the SQLite store the workers share sentence vectors
    through (none: each worker keeps its own in memory).
    """
    threads = max(1, (os.cpu_count() or 1) // workers)
    context = _Context(settings, background, store_path, threads)
    spawn = multiprocessing.get_context("spawn")
    order = sorted(stories, key=lambda story: -len(story.article_ids))
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=spawn, initializer=_start, initargs=(context,)
    ) as pool:
        futures: list[Future[Analysed]] = [
            pool.submit(_analyse_one, story, [articles[i] for i in story.article_ids])
            for story in order
        ]
        for future in as_completed(futures):
            yield future.result()
