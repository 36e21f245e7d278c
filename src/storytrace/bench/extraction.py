"""The article extraction benchmark: storytrace's main text against human-checked bodies.

The data set is Zyte's (ScrapingHub's) article extraction benchmark (MIT
licence): 181 news and blog pages ``html/<id>.html.gz`` and their article
bodies in ``ground-truth.json`` (``{id: {"articleBody": ..., "url": ...}}``).
The metric is the benchmark's own ``evaluate.py``, replicated exactly: texts
become word 4-gram shingles (``\\w+`` tokens); per page, true positives, false
positives and false negatives are counted over shingle multisets and
normalised to sum to 1; precision is averaged over the pages where something
was predicted, recall over the pages with a gold body; F1 is the harmonic mean
of the two averages; accuracy is the share of pages whose token sequence
equals the gold one. Gold bodies are only read to score, after every page has
been extracted.

>>> score_page("the quake hit the city at dawn", "the quake hit the city").recall
0.5
>>> path = Path("../shared/data/article-extraction-benchmark")
>>> round(run_extraction_benchmark(path).f1, 2)  # doctest: +SKIP
0.97
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
import time
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from storytrace.articles import finish, prepare
from storytrace.errors import ConfigurationError, InputError
from storytrace.extract import extract_html
from storytrace.ingest.html import read_html
from storytrace.models import RawDocument, Rejected

Mode = Literal["storytrace", "extract"]
"""``extract``: the text :func:`storytrace.extract.extract_html` returns;
``storytrace``: the article text after storytrace's cleaning as well
(:func:`storytrace.articles.prepare` and :func:`~storytrace.articles.finish`
over all the pages together, as one run over a folder of pages would)."""

MODES: tuple[Mode, ...] = ("storytrace", "extract")

SHINGLE_SIZE = 4

_TOKEN = re.compile(r"\w+", re.UNICODE | re.MULTILINE | re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True, slots=True)
class PageScore:
    """One page's shingle scores, normalised as the benchmark does."""

    id: str
    true_positive: float
    false_positive: float
    false_negative: float
    exact: bool

    @property
    def precision(self) -> float:
        tp, fp, fn = self.true_positive, self.false_positive, self.false_negative
        if fp == fn == 0:
            return 1.0
        if tp == fp == 0:
            return 0.0
        return tp / (tp + fp)

    @property
    def recall(self) -> float:
        tp, fp, fn = self.true_positive, self.false_positive, self.false_negative
        if fp == fn == 0:
            return 1.0
        if tp == fn == 0:
            return 0.0
        return tp / (tp + fn)

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


@dataclass(frozen=True, slots=True)
class Scores:
    """Averaged scores over pages, as ``evaluate.py`` reports them, and each page's score."""

    precision: float
    recall: float
    f1: float
    accuracy: float
    pages: tuple[PageScore, ...]


@dataclass(frozen=True, slots=True)
class ExtractionBenchmarkResult:
    """Averaged scores of one run, with every page's own score (worst pages first)."""

    mode: Mode
    precision: float
    recall: float
    f1: float
    accuracy: float
    pages: int
    seconds: float
    scores: tuple[PageScore, ...]
    rejected: tuple[Rejected, ...] = ()

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.seconds if self.seconds > 0 else 0.0


def tokenize(text: str) -> list[str]:
    """The benchmark's tokens: runs of word characters."""
    return _TOKEN.findall(text or "")


def _shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = tokenize(text)
    # as in evaluate.py, a text shorter than a shingle is one short shingle
    return Counter(
        shingle
        for start in range(max(1, len(tokens) - SHINGLE_SIZE + 1))
        if (shingle := tuple(tokens[start : start + SHINGLE_SIZE]))
    )


def score_page(gold: str, predicted: str, *, page_id: str = "") -> PageScore:
    """Shingle counts of one predicted body against the gold one, normalised to sum to 1."""
    true, pred = _shingles(gold), _shingles(predicted)
    tp = fp = fn = 0.0
    for shingle in true.keys() | pred.keys():
        true_count, pred_count = true[shingle], pred[shingle]
        tp += min(true_count, pred_count)
        fp += max(0, pred_count - true_count)
        fn += max(0, true_count - pred_count)
    total = tp + fp + fn
    if total > 0:
        tp, fp, fn = tp / total, fp / total, fn / total
    return PageScore(page_id, tp, fp, fn, exact=tokenize(gold) == tokenize(predicted))


def score_predictions(gold: Mapping[str, str], predicted: Mapping[str, str]) -> Scores:
    """Precision, recall, F1 and accuracy as ``evaluate.py`` computes them.

    Both mappings go from page id to article body and must have the same ids.
    """
    if gold.keys() != predicted.keys():
        missing = sorted(gold.keys() - predicted.keys())[:3]
        extra = sorted(predicted.keys() - gold.keys())[:3]
        raise ValueError(
            f"predictions must cover exactly the gold pages: missing {missing}, extra {extra}"
        )
    pages = tuple(score_page(gold[key], predicted[key], page_id=key) for key in gold)
    precisions = [s.precision for s in pages if s.true_positive + s.false_positive > 0]
    recalls = [s.recall for s in pages if s.true_positive + s.false_negative > 0]
    precision = statistics.mean(precisions) if precisions else 0.0
    recall = statistics.mean(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    accuracy = statistics.mean(float(s.exact) for s in pages) if pages else 0.0
    return Scores(precision, recall, f1, accuracy, pages)


def load_bodies(path: Path) -> dict[str, str]:
    """Article bodies by page id from a benchmark JSON file (gold or an ``output/`` file).

    Newer output files wrap the bodies as ``{"version": ..., "output": {...}}``.
    A ``null`` body counts as empty, as in ``evaluate.py``.
    """
    try:
        data: Any = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise InputError(f"cannot read benchmark file {path}: {error}") from error
    if isinstance(data, dict) and set(data) == {"version", "output"}:
        data = data["output"]
    if not isinstance(data, dict):
        raise InputError(f"{path} is not a benchmark file: expected an object of pages")
    return {
        key: (value.get("articleBody") or "") if isinstance(value, dict) else ""
        for key, value in data.items()
    }


def _page_ids(path: Path) -> list[str]:
    html = path / "html"
    if not (path / "ground-truth.json").is_file() or not html.is_dir():
        raise InputError(
            f"{path} is not the article extraction benchmark: expected ground-truth.json "
            "and an html/ folder (git clone "
            "https://github.com/scrapinghub/article-extraction-benchmark)"
        )
    return sorted(page.name.split(".")[0] for page in html.glob("*.html.gz"))


def _read_page(path: Path, page_id: str) -> RawDocument | Rejected:
    source = str(path / "html" / f"{page_id}.html.gz")
    data = gzip.decompress((path / "html" / f"{page_id}.html.gz").read_bytes())
    return next(iter(read_html(source, data)))


def _predict(
    documents: list[RawDocument | Rejected], mode: Mode
) -> tuple[dict[str, str], list[Rejected]]:
    """Body text by source of the pages storytrace keeps, and why the others were dropped."""
    rejected = [d for d in documents if isinstance(d, Rejected)]
    readable = [d for d in documents if isinstance(d, RawDocument)]
    texts: dict[str, str] = {}
    if mode == "extract":
        for document in readable:
            extraction = extract_html(document.content, source=document.source, url=document.url)
            if isinstance(extraction, Rejected):
                rejected.append(extraction)
            else:
                texts[document.source] = extraction.text
        return texts, rejected
    drafts = []
    for document in readable:
        draft = prepare(document)
        if isinstance(draft, Rejected):
            rejected.append(draft)
        else:
            drafts.append(draft)
    articles, duplicates = finish(drafts)
    rejected.extend(duplicates)
    return {article.source: article.text for article in articles}, rejected


def run_extraction_benchmark(
    path: Path, *, mode: Mode = "storytrace", limit: int | None = None
) -> ExtractionBenchmarkResult:
    """Extract every page of the benchmark at ``path`` and score the bodies.

    ``limit`` keeps the first pages in id order (a fixed subset, for quick
    checks). Pages that storytrace rejects score as empty predictions.
    """
    if mode not in MODES:
        raise ConfigurationError(f"benchmark mode {mode!r}: expected one of {', '.join(MODES)}")
    if limit is not None and limit < 1:
        raise ConfigurationError(f"limit={limit}: expected a number of pages >= 1, or None")
    ids = _page_ids(path)[:limit]
    started = time.perf_counter()
    documents = [_read_page(path, page_id) for page_id in ids]
    by_source, rejected = _predict(documents, mode)
    seconds = time.perf_counter() - started
    gold = load_bodies(path / "ground-truth.json")
    predicted = {
        page_id: by_source.get(str(path / "html" / f"{page_id}.html.gz"), "") for page_id in ids
    }
    scores = score_predictions({page_id: gold.get(page_id, "") for page_id in ids}, predicted)
    return ExtractionBenchmarkResult(
        mode=mode,
        precision=scores.precision,
        recall=scores.recall,
        f1=scores.f1,
        accuracy=scores.accuracy,
        pages=len(ids),
        seconds=seconds,
        scores=tuple(sorted(scores.pages, key=lambda s: (s.f1, s.id))),
        rejected=tuple(rejected),
    )
