"""A large synthetic corpus built from ECB+, and the timing of story grouping on it.

:func:`generate_corpus` makes stories of 1 to 200 articles (sizes drawn from a
power law, as news coverage is) by resampling the articles of one ECB+ gold
story. Every synthetic story but the first made from a source story swaps all
the source's capitalised names and numbers for others, consistently within the
story: a different event of the same kind, told with the same vocabulary.
Each article drops or swaps some sentences and words, and is dated within
three days of its story's day (one in ten has no date); story days spread over
two years.

>>> corpus = load_ecbplus("../shared/data/ecbplus")  # doctest: +SKIP
>>> generated = generate_corpus(corpus, 10_000, seed=1)  # doctest: +SKIP
>>> len(generated.articles)  # doctest: +SKIP
10000
"""

from __future__ import annotations

import random
import re
import resource
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from itertools import pairwise
from pathlib import Path

from storytrace.bench.clustering import ClusteringScore, score_clustering
from storytrace.bench.ecbplus import EcbPlusCorpus, load_ecbplus
from storytrace.errors import ConfigurationError
from storytrace.models import Article
from storytrace.stories.grouping import Embedder
from storytrace.stories.settings import StorySettings
from storytrace.stories.stage import group_stories
from storytrace.stories.vocabulary import MONTHS, STOP_WORDS, WEEKDAYS

_NAME = re.compile(r"(?<=[a-z,;] )[A-Z][a-z]+(?:-[A-Z][a-z]+)?")
_NUMBER = re.compile(r"\b\d+(?:[.,]\d+)*\b")
_MAX_STORY = 200
_START = datetime(2015, 1, 1, tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class GeneratedCorpus:
    """Synthetic articles and the gold story of each."""

    articles: tuple[Article, ...]
    gold: tuple[str, ...]


def _story_sizes(total: int, rng: random.Random) -> list[int]:
    weights = [1.0 / (size * size) for size in range(1, _MAX_STORY + 1)]
    sizes: list[int] = []
    remaining = total
    while remaining > 0:
        size = min(rng.choices(range(1, _MAX_STORY + 1), weights)[0], remaining)
        sizes.append(size)
        remaining -= size
    return sizes


def _name_pool(corpus: EcbPlusCorpus) -> list[str]:
    names = {
        name
        for article in corpus.articles
        for name in _NAME.findall(article.text)
        if name.lower() not in STOP_WORDS
        and name.lower() not in MONTHS
        and name.lower() not in WEEKDAYS
    }
    return sorted(names)


def _substitute(text: str, names: dict[str, str], numbers: dict[str, str]) -> str:
    text = _NAME.sub(lambda m: names.get(m.group(), m.group()), text)
    return _NUMBER.sub(lambda m: numbers.get(m.group(), m.group()), text)


def _perturb(text: str, rng: random.Random) -> str:
    sentences = [s for s in text.split("\n") if s.strip()]
    kept = [s for s in sentences if rng.random() > 0.2] or sentences[:1]
    for index in range(len(kept) - 1):
        if rng.random() < 0.1:
            kept[index], kept[index + 1] = kept[index + 1], kept[index]
    out = []
    for sentence in kept:
        words = sentence.split(" ")
        out.append(" ".join(w for w in words if rng.random() > 0.03) or sentence)
    return "\n".join(out)


def generate_corpus(corpus: EcbPlusCorpus, size: int, *, seed: int = 0) -> GeneratedCorpus:
    """``size`` synthetic articles in stories resampled and perturbed from ECB+."""
    if size < 1:
        raise ConfigurationError(f"size={size}: generate at least one article")
    rng = random.Random(seed)
    sources: dict[str, list[Article]] = {}
    for document in corpus.documents:
        sources.setdefault(document.story, []).append(document.article)
    source_names = sorted(sources)
    pool = _name_pool(corpus)
    variants: dict[str, int] = {}
    articles: list[Article] = []
    gold: list[str] = []
    for story_number, story_size in enumerate(_story_sizes(size, rng)):
        source = rng.choice(source_names)
        variant = variants.get(source, 0)
        variants[source] = variant + 1
        members = sources[source]
        names: dict[str, str] = {}
        numbers: dict[str, str] = {}
        if variant:
            for article in members:
                for name in _NAME.findall(article.text):
                    names.setdefault(name, rng.choice(pool))
                for number in _NUMBER.findall(article.text):
                    numbers.setdefault(
                        number, str(rng.randrange(10 ** (len(number) - 1), 10 ** len(number)))
                    )
        day = _START + timedelta(days=rng.uniform(0, 730))
        for _ in range(story_size):
            original = rng.choice(members)
            text = _perturb(_substitute(original.text, names, numbers), rng)
            published = day + timedelta(hours=rng.uniform(0, 72))
            articles.append(
                Article(
                    id=f"gen-{len(articles):06d}",
                    source=f"generated:{source}/{variant}/{original.id}",
                    text=text,
                    outlet=f"outlet-{rng.randrange(300)}.example",
                    published=published.isoformat() if rng.random() > 0.1 else None,
                    language="en",
                )
            )
            gold.append(f"{story_number}")
    return GeneratedCorpus(articles=tuple(articles), gold=tuple(gold))


@dataclass(frozen=True, slots=True)
class ScaleRun:
    """Grouping one generated corpus: time, memory, and quality against its gold stories."""

    articles: int
    seconds: float
    """Wall-clock time of the grouping."""
    cpu_seconds: float
    """Processor time of the grouping (all threads): on a shared machine, closer to the
    wall time it would take alone."""
    peak_memory_mb: float
    stories: int
    gold_stories: int
    score: ClusteringScore


@dataclass(frozen=True, slots=True)
class ScaleBenchmarkResult:
    """Runs in order of size; the ratios divide each run's time by the previous run's."""

    runs: tuple[ScaleRun, ...]
    time_ratios: tuple[float, ...]
    cpu_time_ratios: tuple[float, ...]


def _peak_memory_mb() -> float:
    # ru_maxrss is in kilobytes on Linux.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_scale_benchmark(
    path: str | Path,
    sizes: Sequence[int] = (10_000, 20_000, 50_000),
    *,
    settings: StorySettings | None = None,
    seed: int = 0,
    embedder: Embedder | None = None,
) -> ScaleBenchmarkResult:
    """Generate and group a corpus of each size (smallest first), timing the grouping alone.

    Peak memory is the process's resident peak so far, so runs are made in
    increasing size to make each figure that run's own.
    """
    corpus = load_ecbplus(path)
    settings = settings or StorySettings()
    runs = []
    for size in sorted(sizes):
        generated = generate_corpus(corpus, size, seed=seed)
        started, cpu_started = time.perf_counter(), time.process_time()
        stories = group_stories(generated.articles, settings, embedder=embedder)
        seconds = time.perf_counter() - started
        cpu_seconds = time.process_time() - cpu_started
        label = {a: story.id for story in stories for a in story.article_ids}
        predicted = [label[a.id] for a in generated.articles]
        runs.append(
            ScaleRun(
                articles=size,
                seconds=seconds,
                cpu_seconds=cpu_seconds,
                peak_memory_mb=_peak_memory_mb(),
                stories=len(stories),
                gold_stories=len(set(generated.gold)),
                score=score_clustering(generated.gold, predicted),
            )
        )
    pairs = list(pairwise(runs))
    return ScaleBenchmarkResult(
        runs=tuple(runs),
        time_ratios=tuple(later.seconds / earlier.seconds for earlier, later in pairs),
        cpu_time_ratios=tuple(later.cpu_seconds / earlier.cpu_seconds for earlier, later in pairs),
    )
