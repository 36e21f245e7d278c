"""End-to-end throughput of ``analyze``, against spaCy alone on the same texts.

Each corpus is written to JSON Lines files and analysed the way a user runs
``storytrace analyze`` (inputs in, a store filled, stories analysed), in a
process of its own so that its peak memory is its own:

1. a full run over 99 % of the articles into an empty store;
2. the remaining 1 % added (the same inputs plus one more file);
3. the same inputs again, unchanged.

Each run's time includes writing the report files, as the command does.

The floor, measured in the same process after the runs, is spaCy's English
pipeline (the one the claims stage loads) over the full run's texts with
``nlp.pipe``: what any analysis that parses each article once must pay.

>>> result = run_throughput(["ecbplus"], shared="../shared")  # doctest: +SKIP
>>> result.corpora[0].ratio_to_floor  # doctest: +SKIP
1.4
"""

from __future__ import annotations

import csv
import json
import multiprocessing
import random
import resource
import tempfile
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from storytrace.errors import ConfigurationError
from storytrace.models import Article, Report

CORPORA = ("ecbplus", "generated", "real-pairs")
"""The corpora the benchmark knows, by name."""


@dataclass(frozen=True, slots=True)
class RunFigures:
    """One ``analyze`` call."""

    seconds: float
    stage_seconds: tuple[tuple[str, float], ...]
    articles_changed: int
    stories_analysed: int
    stories_reused: int
    vectors_computed: int
    vectors_reused: int


@dataclass(frozen=True, slots=True)
class CorpusThroughput:
    """The three runs over one corpus and the spaCy floor on the same texts."""

    name: str
    articles: int
    """Articles in the full run (99 % of the corpus)."""
    added: int
    """Articles added by the second run (1 %)."""
    characters: int
    stories: int
    full: RunFigures
    add: RunFigures
    rerun: RunFigures
    spacy_seconds: float
    """spaCy's English pipeline alone over the full run's texts (``nlp.pipe``)."""
    peak_memory_mb: float
    """The resident peak of the process that made the runs and the floor."""
    worker_peak_memory_mb: float
    """The largest resident peak of its worker processes (0 without workers)."""

    @property
    def articles_per_second(self) -> float:
        return self.articles / self.full.seconds if self.full.seconds else 0.0

    @property
    def ratio_to_floor(self) -> float:
        """Full analysis time over the spaCy floor (the issue's goal: at most 1.5)."""
        return self.full.seconds / self.spacy_seconds if self.spacy_seconds else 0.0

    @property
    def add_share(self) -> float:
        """Time to add 1 % of the articles over the full run's time (goal: under 0.10)."""
        return self.add.seconds / self.full.seconds if self.full.seconds else 0.0


@dataclass(frozen=True, slots=True)
class ThroughputResult:
    corpora: tuple[CorpusThroughput, ...]
    cli_help_seconds: float
    """Wall time of ``storytrace --help`` in a new process (best of three)."""


def _records(articles: Sequence[Article]) -> list[dict[str, str]]:
    records = []
    for article in articles:
        record = {"text": article.text}
        for field in ("title", "url", "outlet", "published", "language"):
            value = getattr(article, field)
            if value:
                record[field] = value
        records.append(record)
    return records


def _write(folder: Path, name: str, records: Sequence[dict[str, str]]) -> Path:
    path = folder / name
    with path.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def corpus_records(name: str, shared: Path, *, size: int, seed: int = 0) -> list[dict[str, str]]:
    """The records of a named corpus, as JSON Lines objects (text and metadata)."""
    if name == "ecbplus":
        from storytrace.bench.ecbplus import load_ecbplus

        return _records(load_ecbplus(shared / "data" / "ecbplus").articles)
    if name == "generated":
        from storytrace.bench.ecbplus import load_ecbplus
        from storytrace.bench.scale import generate_corpus

        corpus = load_ecbplus(shared / "data" / "ecbplus")
        return _records(generate_corpus(corpus, size, seed=seed).articles)
    if name == "real-pairs":
        path = shared / "data" / "semeval2022-task8-sample" / "pairs.csv"
        texts: dict[str, None] = {}
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                for column in ("text1", "text2"):
                    if row[column].strip():
                        texts[row[column].strip()] = None
        return [{"text": text} for text in texts]
    raise ConfigurationError(f"unknown corpus {name!r}; expected one of {', '.join(CORPORA)}")


def _figures(started: float, written: float, report: Report) -> RunFigures:
    """One run's figures; the report files are written from ``written`` on."""
    work = report.work
    report_seconds = round(time.perf_counter() - written, 3)
    return RunFigures(
        seconds=round(time.perf_counter() - started, 2),
        stage_seconds=(*work.stage_seconds, ("report", report_seconds)),
        articles_changed=work.articles_changed,
        stories_analysed=work.stories_analysed,
        stories_reused=work.stories_reused,
        vectors_computed=work.vectors_computed,
        vectors_reused=work.vectors_reused,
    )


def measure_corpus(
    name: str, records: Sequence[dict[str, str]], *, seed: int = 0, workers: int = 0
) -> CorpusThroughput:
    """The three runs and the floor over ``records``, in this process (see the module).

    ``workers`` is the setting of that name (0: as ``storytrace analyze`` runs).
    """
    from storytrace.claims.nlp import PINNED_MODEL, load_pipeline
    from storytrace.pipeline import analyze
    from storytrace.report import write_report
    from storytrace.settings import Settings
    from storytrace.store import Store

    if len(records) < 2:
        raise ConfigurationError(f"corpus {name}: a throughput run needs at least 2 articles")
    order = list(records)
    random.Random(seed).shuffle(order)
    extra = max(1, len(order) // 100)
    main, added = order[:-extra], order[-extra:]
    settings = Settings(workers=workers)
    with tempfile.TemporaryDirectory(prefix="storytrace-throughput-") as temporary:
        folder = Path(temporary)
        main_path = _write(folder, "main.jsonl", main)
        added_path = _write(folder, "added.jsonl", added)
        runs = []
        for inputs in ([main_path], [main_path, added_path], [main_path, added_path]):
            started = time.perf_counter()
            with Store(folder / "store.db") as store:
                report = analyze([str(p) for p in inputs], settings=settings, store=store)
            written = time.perf_counter()
            write_report(report, folder / "report")
            runs.append(_figures(started, written, report))
        stories = len(report.stories)
    nlp = load_pipeline(PINNED_MODEL)
    texts = [record["text"] for record in main]
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    spacy_seconds = time.perf_counter() - started
    return CorpusThroughput(
        name=name,
        articles=len(main),
        added=len(added),
        characters=sum(len(text) for text in texts),
        stories=stories,
        full=runs[0],
        add=runs[1],
        rerun=runs[2],
        spacy_seconds=round(spacy_seconds, 2),
        peak_memory_mb=round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        worker_peak_memory_mb=round(
            resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1
        ),
    )


def _measure_named(name: str, shared: str, size: int, seed: int, workers: int) -> CorpusThroughput:
    records = corpus_records(name, Path(shared), size=size, seed=seed)
    label = f"{name} {len(records)}" if name == "generated" else name
    return measure_corpus(label, records, seed=seed, workers=workers)


def _help_seconds() -> float:
    import subprocess
    import sys

    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-c", "from storytrace.cli import main; main(['--help'])"],
            check=False,
            capture_output=True,
        )
        best = min(best, time.perf_counter() - started)
    return round(best, 3)


def run_throughput(
    corpora: Sequence[str] = CORPORA,
    *,
    shared: str | Path = "../shared",
    size: int = 10_000,
    seed: int = 0,
    workers: int = 0,
) -> ThroughputResult:
    """Measure each corpus in a fresh process, one after the other (see the module).

    ``size`` is the number of generated articles.
    """
    unknown = [name for name in corpora if name not in CORPORA]
    if unknown:
        raise ConfigurationError(
            f"unknown corpus {', '.join(unknown)}; expected some of {', '.join(CORPORA)}"
        )
    results = []
    context = multiprocessing.get_context("spawn")
    for name in corpora:
        with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
            results.append(
                pool.submit(_measure_named, name, str(shared), size, seed, workers).result()
            )
    return ThroughputResult(corpora=tuple(results), cli_help_seconds=_help_seconds())


def format_throughput(result: ThroughputResult) -> str:
    """The figures as the ``storytrace bench throughput`` command prints them."""
    lines = []

    def stages(run: RunFigures) -> str:
        return ", ".join(f"{stage} {seconds:.1f}" for stage, seconds in run.stage_seconds)

    for corpus in result.corpora:
        lines += [
            f"{corpus.name}: {corpus.articles} articles ({corpus.characters:,} characters), "
            f"{corpus.stories} stories after the last run",
            f"  full run      {corpus.full.seconds:8.1f} s  {corpus.articles_per_second:6.2f} "
            f"articles/s  ({stages(corpus.full)})",
            f"  spaCy floor   {corpus.spacy_seconds:8.1f} s  ratio full/floor "
            f"{corpus.ratio_to_floor:.2f}",
            f"  add {corpus.added:>5}     {corpus.add.seconds:8.1f} s  {corpus.add_share:.1%} of "
            f"the full run; {corpus.add.stories_analysed} stories analysed, "
            f"{corpus.add.stories_reused} read back ({stages(corpus.add)})",
            f"  unchanged     {corpus.rerun.seconds:8.1f} s  {corpus.rerun.stories_analysed} "
            f"stories analysed, {corpus.rerun.vectors_computed} vectors computed "
            f"({stages(corpus.rerun)})",
            f"  vectors: full run {corpus.full.vectors_computed} computed, "
            f"{corpus.full.vectors_reused} reused",
            f"  peak memory   {corpus.peak_memory_mb:8.0f} MB main process, "
            f"{corpus.worker_peak_memory_mb:.0f} MB largest worker",
        ]
    lines.append(f"storytrace --help: {result.cli_help_seconds:.2f} s (best of 3)")
    return "\n".join(lines)
