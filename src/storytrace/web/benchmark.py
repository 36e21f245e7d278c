"""How fast the web app answers the story list, on a store as big as you ask.

:func:`build_store` fills a store with invented articles grouped into
stories (through the store's own ``save_run`` and ``save_stories``);
:func:`time_story_list` asks the app in process for the story list, plain and
with a search, and returns the latencies.

>>> import tempfile, pathlib
>>> with tempfile.TemporaryDirectory() as folder:
...     path = pathlib.Path(folder) / "bench.db"
...     build_store(path, articles=40)
...     time_story_list(path, repeat=2).stories
10
"""

from __future__ import annotations

import random
import statistics
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from storytrace.models import Article, RawDocument, Story, StoryAnalysis
from storytrace.store import Store
from storytrace.web.app import create_app

_WORDS = (
    "port tanker fire crew harbour minister police strike union court election budget rate "
    "bank storm flood rescue spill ship fog terminal chemical inquiry council vote border "
    "protest hospital school mayor report official source agency statement evacuation "
    "damage river bridge road train airport market price inflation energy water health"
).split()
_OUTLETS = tuple(f"Outlet {n:02d}" for n in range(40))
_LANGUAGES = ("en", "en", "en", "fr", "de", "it")


@dataclass(frozen=True, slots=True)
class Timing:
    """Latencies of one request, repeated, in milliseconds."""

    path: str
    median_ms: float
    p95_ms: float
    max_ms: float


@dataclass(frozen=True, slots=True)
class StoryListTiming:
    articles: int
    stories: int
    timings: tuple[Timing, ...]


def _article(number: int, rng: random.Random, start: datetime) -> Article:
    words = [rng.choice(_WORDS) for _ in range(rng.randint(150, 400))]
    published = start + timedelta(minutes=rng.randint(0, 60 * 24 * 365))
    return Article(
        id=f"a{number:015x}",
        source=f"bench/{number}.txt",
        text=" ".join(words).capitalize() + ".",
        url=f"https://outlet.example/{number}",
        outlet=rng.choice(_OUTLETS),
        title=" ".join(rng.choice(_WORDS) for _ in range(8)).capitalize(),
        published=published.isoformat(timespec="seconds").replace("+00:00", "Z"),
        language=rng.choice(_LANGUAGES),
    )


def build_store(
    path: str | Path, *, articles: int = 10_000, per_story: int = 4, seed: int = 7
) -> None:
    """Fill the store at ``path`` with ``articles`` invented articles, ``per_story`` a story."""
    rng = random.Random(seed)
    start = datetime(2025, 1, 1, tzinfo=UTC)
    made = [_article(n, rng, start) for n in range(articles)]
    analyses = []
    for first in range(0, len(made), per_story):
        group = sorted(made[first : first + per_story], key=lambda a: a.published or "")
        analyses.append(
            StoryAnalysis(
                Story(
                    id=f"s{first // per_story:07d}",
                    article_ids=tuple(a.id for a in group),
                    title=group[0].title,
                    first_published=group[0].published,
                    last_published=group[-1].published,
                    outlets=tuple(dict.fromkeys(a.outlet or "" for a in group)),
                )
            )
        )
    with Store(path) as store:
        store.save_run(
            inputs=["bench"],
            articles=made,
            documents={a.id: RawDocument(a.source, a.text, "text") for a in made},
            rejected=[],
            started_at=start.isoformat(),
        )
        store.save_stories(analyses)


def time_story_list(path: str | Path, *, repeat: int = 30) -> StoryListTiming:
    """Median, 95th percentile and worst latency of the story list, plain and searched.

    Requests go through Starlette's in-process test client (the ``test`` extra).
    """
    from starlette.testclient import TestClient

    paths = (
        "/stories",
        "/stories.json",
        "/stories?q=tanker+fire",
        "/stories?outlet=Outlet+07&since=2025-03-01&until=2025-06-30",
        "/stories?language=fr&page=3",
    )
    timings = []
    with (
        Store(path) as store,
        TestClient(create_app(path), base_url="http://127.0.0.1") as client,
    ):
        articles, stories = store.article_count(), store.story_count()
        for request_path in paths:
            client.get(request_path)
            spent = []
            for _ in range(repeat):
                began = time.perf_counter()
                response = client.get(request_path)
                spent.append((time.perf_counter() - began) * 1000)
                response.raise_for_status()
            spent.sort()
            timings.append(
                Timing(
                    path=request_path,
                    median_ms=round(statistics.median(spent), 2),
                    p95_ms=round(spent[min(len(spent) - 1, int(len(spent) * 0.95))], 2),
                    max_ms=round(spent[-1], 2),
                )
            )
    return StoryListTiming(articles, stories, tuple(timings))
