"""Real pairs, annotated: how storytrace's copy-or-not decision does on ECB+ reports of one event.

``tests/data/reuse_pairs/pairs.jsonl`` lists 170 pairs of ECB+ articles about
one real event (chosen by ``scripts/select_relation_pairs.py``: look-alike
wire copies, reports sharing quotations, independent reports) and
``labels.jsonl`` their relation as annotated by hand with the guide in
``docs/reuse-annotation.md``, before anything was tuned on them.
``double.jsonl`` holds a second, independent annotation of 32 of them, for
agreement. Pairs of odd topics are the ``tune`` half, even topics the
``report`` half: only the report half gives figures.

Each pair is analysed as a story of two articles (:func:`storytrace.reuse.trace_story`,
outlets from the ECB+ URLs, boilerplate learnt from the articles of the other
topics), and two baselines run beside it: TF-IDF cosine with its threshold
tuned on the tune half, and "a shared passage of ``derivation_min_chars``
characters is a copy" (what storytrace did before it told copies from
shared quotations and independent reports).

>>> result = run_reuse_pairs_benchmark("../shared/data/ecbplus")  # doctest: +SKIP
>>> print(format_reuse_pairs_result(result))  # doctest: +SKIP
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from storytrace.bench.ecbplus import load_ecbplus
from storytrace.models import Article, ReuseRelation
from storytrace.outlets import registered_domain
from storytrace.reuse import ReuseSettings, trace_story
from storytrace.reuse.align import Embed
from storytrace.reuse.boilerplate import Background, article_shingles
from storytrace.reuse.relation import DERIVATIONS
from storytrace.stories.vectors import tfidf_matrix
from storytrace.stories.vocabulary import STOP_WORDS

PAIRS = Path(__file__).parents[3] / "tests" / "data" / "reuse_pairs"
RELATIONS: tuple[ReuseRelation, ...] = ("copy", "rewrite", "shares_quotes", "independent")
_WORD = re.compile(r"(?u)\b\w\w+\b")


@dataclass(frozen=True, slots=True)
class LabelledPair:
    """One annotated pair and what each method said about it."""

    pair: str
    split: str
    gold: ReuseRelation
    predicted: ReuseRelation
    cosine: float
    passage_chars: int


@dataclass(frozen=True, slots=True)
class Scores:
    """Derivation (copy or rewrite) against not, on one half."""

    pairs: int
    precision: float
    recall: float
    f1: float
    accuracy: float


@dataclass(frozen=True, slots=True)
class ReusePairsResult:
    pairs: tuple[LabelledPair, ...]
    storytrace: Mapping[str, Scores]
    tfidf: Mapping[str, Scores]
    tfidf_threshold: float
    passages: Mapping[str, Scores]
    relation_accuracy: Mapping[str, float]
    confusion: Mapping[str, Mapping[tuple[str, str], int]]
    agreement: tuple[int, float, float]
    """(pairs annotated twice, raw agreement, Cohen's kappa) on the four relations."""


def _read(name: str) -> list[dict[str, object]]:
    path = PAIRS / name
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _scores(items: Sequence[tuple[bool, bool]]) -> Scores:
    """Precision, recall, F1 and accuracy of (gold, predicted) derivation flags."""
    true_positive = sum(g and p for g, p in items)
    predicted = sum(p for _, p in items)
    gold = sum(g for g, _ in items)
    precision = true_positive / predicted if predicted else 1.0
    recall = true_positive / gold if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    accuracy = sum(g == p for g, p in items) / len(items) if items else 0.0
    return Scores(len(items), precision, recall, f1, accuracy)


def cohen_kappa(first: Sequence[str], second: Sequence[str]) -> float:
    """Cohen's kappa of two annotations of the same items.

    >>> round(cohen_kappa(["a", "a", "b", "b"], ["a", "a", "b", "a"]), 3)
    0.5
    """
    total = len(first)
    observed = sum(x == y for x, y in zip(first, second, strict=True)) / total
    counts_first, counts_second = Counter(first), Counter(second)
    expected = sum(counts_first[k] * counts_second[k] for k in counts_first) / total**2
    return (observed - expected) / (1 - expected) if expected < 1 else 1.0


def _with_outlet(article: Article) -> Article:
    domain = registered_domain(article.url)
    if domain is None:
        return article
    return Article(article.id, article.source, article.text, url=article.url, outlet=domain,
                   language=article.language)  # fmt: skip


def run_reuse_pairs_benchmark(
    ecbplus: str | Path,
    *,
    settings: ReuseSettings | None = None,
    embed: Embed | None = None,
    halves: Sequence[str] = ("tune", "report"),
    progress: Callable[[int, int], None] | None = None,
) -> ReusePairsResult:
    """Analyse the annotated pairs of ``halves`` and score storytrace and the baselines.

    The TF-IDF baseline's threshold is always tuned on the tune half (cosines are cheap).
    """
    settings = settings or ReuseSettings()
    corpus = load_ecbplus(ecbplus)
    documents = {d.article.id: d for d in corpus.documents}
    pairs = _read("pairs.jsonl")
    labels = {str(row["pair"]): row for row in _read("labels.jsonl")}
    texts = [d.article.text for d in corpus.documents]
    bags = [Counter(w for w in _WORD.findall(t.lower()) if w not in STOP_WORDS) for t in texts]
    matrix = tfidf_matrix(bags, sublinear=False)
    row_of = {d.article.id: k for k, d in enumerate(corpus.documents)}
    backgrounds: dict[str, Background] = {}
    shingles: dict[str, frozenset[int]] = {}
    counts: Counter[int] = Counter()
    results: list[LabelledPair] = []
    cosines: list[tuple[str, ReuseRelation, float]] = []
    for number, row in enumerate(pairs, start=1):
        pair = str(row["pair"])
        if pair not in labels:
            continue
        first, second = documents[str(row["a"])], documents[str(row["b"])]
        cosine = float(
            (matrix[row_of[first.article.id]] @ matrix[row_of[second.article.id]].T).toarray()[0, 0]
        )
        if row["split"] not in halves:
            cosines.append((str(row["split"]), labels[pair]["label"], cosine))  # type: ignore[arg-type]
            continue
        topic = first.topic
        if topic not in backgrounds:
            # Boilerplate is what articles of the *other* topics share: all counts less
            # this topic's.
            if not shingles:
                shingles.update(
                    {
                        d.article.id: article_shingles(d.article, seed_words=settings.seed_words)
                        for d in corpus.documents
                    }
                )
                counts.update(g for grams in shingles.values() for g in grams)
            own = Counter(g for d in corpus.documents if d.topic == topic
                          for g in shingles[d.article.id])  # fmt: skip
            backgrounds[topic] = Background(
                settings.seed_words,
                frozenset(
                    g for g, n in counts.items() if n - own[g] >= settings.background_min_documents
                ),
            )
        traced = trace_story(
            [_with_outlet(first.article), _with_outlet(second.article)], settings=settings,
            embed=embed, background=backgrounds[topic],
        )  # fmt: skip
        predicted: ReuseRelation = traced.reuse[0].relation if traced.reuse else "independent"
        passage_chars = max(
            (
                sum(p.target_span.length for p in r.passages if p.kind != "paraphrase")
                for r in traced.reuse
            ),
            default=0,
        )
        results.append(
            LabelledPair(pair, str(row["split"]), labels[pair]["label"], predicted,  # type: ignore[arg-type]
                         round(cosine, 4), passage_chars)
        )  # fmt: skip
        if progress:
            progress(number, len(pairs))
    return _score(results, cosines, settings)


def _score(
    results: Sequence[LabelledPair],
    others: Sequence[tuple[str, ReuseRelation, float]],
    settings: ReuseSettings,
) -> ReusePairsResult:
    halves = {"tune": [r for r in results if r.split == "tune"],
              "report": [r for r in results if r.split == "report"]}  # fmt: skip
    tune = [(r.gold, r.cosine) for r in halves["tune"]]
    tune += [(gold, cosine) for split, gold, cosine in others if split == "tune"]
    candidates = sorted({cosine for _, cosine in tune})
    threshold = max(
        candidates or [0.5],
        key=lambda t: (_scores([(g in DERIVATIONS, c >= t) for g, c in tune]).f1, -t),
    )
    storytrace = {k: _scores([(r.gold in DERIVATIONS, r.predicted in DERIVATIONS) for r in v])
                  for k, v in halves.items()}  # fmt: skip
    tfidf = {k: _scores([(r.gold in DERIVATIONS, r.cosine >= threshold) for r in v])
             for k, v in halves.items()}  # fmt: skip
    least = settings.derivation_min_chars
    passages = {k: _scores([(r.gold in DERIVATIONS, r.passage_chars >= least) for r in v])
                for k, v in halves.items()}  # fmt: skip
    accuracy = {k: sum(r.gold == r.predicted for r in v) / len(v) if v else 0.0
                for k, v in halves.items()}  # fmt: skip
    confusion = {k: Counter((str(r.gold), str(r.predicted)) for r in v) for k, v in halves.items()}
    return ReusePairsResult(
        tuple(results), storytrace, tfidf, threshold, passages, accuracy,
        {k: dict(v) for k, v in confusion.items()}, _agreement(),
    )  # fmt: skip


def _agreement() -> tuple[int, float, float]:
    path = PAIRS / "double.jsonl"
    if not path.exists():
        return (0, 0.0, 0.0)
    second = {str(r["pair"]): str(r["label"]) for r in _read("double.jsonl")}
    first = {str(r["pair"]): str(r.get("first_label", r["label"])) for r in _read("labels.jsonl")}
    common = sorted(set(first) & set(second))
    if not common:
        return (0, 0.0, 0.0)
    a, b = [first[p] for p in common], [second[p] for p in common]
    raw = sum(x == y for x, y in zip(a, b, strict=True)) / len(common)
    return (len(common), raw, cohen_kappa(a, b))


def format_reuse_pairs_result(result: ReusePairsResult) -> str:
    """The figures as a plain-text table (the tune half is in-sample: marked so)."""
    gold = Counter((r.split, r.gold) for r in result.pairs)
    lines = [
        f"annotated ECB+ pairs: {len(result.pairs)} "
        f"(tune {sum(r.split == 'tune' for r in result.pairs)}, "
        f"report {sum(r.split == 'report' for r in result.pairs)})",
        "gold relations, report half: " + ", ".join(f"{k} {gold['report', k]}" for k in RELATIONS),
    ]
    if result.agreement[0]:
        count, raw, kappa = result.agreement
        lines.append(
            f"annotator agreement on {count} pairs labelled twice: {raw:.2f} raw, "
            f"Cohen's kappa {kappa:.2f}"
        )
    lines += ["", "derivation (copy or rewrite) vs not   precision  recall     F1  accuracy"]
    for half in ("report", "tune"):
        if not result.storytrace[half].pairs:
            continue
        note = "" if half == "report" else "  (in-sample: rules tuned here)"
        for name, scores in (
            ("storytrace", result.storytrace[half]),
            (f"TF-IDF cosine >= {result.tfidf_threshold:.3f}", result.tfidf[half]),
            ("any shared passage >= 150 chars", result.passages[half]),
        ):
            lines.append(
                f"  {half:6} {name:31} {scores.precision:9.3f} {scores.recall:7.3f} "
                f"{scores.f1:6.3f} {scores.accuracy:9.3f}{note if name == 'storytrace' else ''}"
            )
    accuracy = ", ".join(
        f"{half} {result.relation_accuracy[half]:.3f}" + (" (in-sample)" if half == "tune" else "")
        for half in ("report", "tune") if result.storytrace[half].pairs
    )  # fmt: skip
    lines += ["", f"relation (4 classes) accuracy: {accuracy}", "",
              "confusion, report half (rows gold, columns storytrace):",
              "  " + " " * 14 + "".join(f"{k[:12]:>14}" for k in RELATIONS)]  # fmt: skip
    table = result.confusion["report"]
    for row in RELATIONS:
        lines.append(f"  {row:14}" + "".join(f"{table.get((row, c), 0):14d}" for c in RELATIONS))
    return "\n".join(lines)


def tuning_table(result: ReusePairsResult) -> np.ndarray:
    """(gold is a derivation, predicted is one) per pair of the tune half, for rule checks."""
    return np.array(
        [(r.gold in DERIVATIONS, r.predicted in DERIVATIONS) for r in result.pairs
         if r.split == "tune"], dtype=bool,
    )  # fmt: skip
