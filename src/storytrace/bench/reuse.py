"""The reuse benchmark: relations, derivation edges and directions, beside three baselines.

On the generated corpus (:mod:`storytrace.bench.reuse_corpus`), each story is
traced with :func:`storytrace.reuse.trace_story`, and only its public result
is read:

- **relations**: for every evaluated pair, ``Reuse.relation`` against the gold
  (a pair with no record is ``independent``): accuracy, recall per class and
  the confusion matrix;
- **derivation edges**: precision (the edge's source is the target's gold
  parent; looser: one of its gold ancestors) and recall (gold derivations with
  both articles in the corpus), also for copies and rewrites apart; a
  reliability table of edge confidence;
- **direction**: over gold derivations found as reuse (undecided counts as
  wrong), for all and split by what the pair offers (dates shown and
  different, either way; a credit of the parent; neither);
- the same figures for three baselines (:mod:`storytrace.bench.reuse_baselines`),
  their thresholds tuned on the dev split;
- PAN's passage measures per operation (:mod:`storytrace.bench.reuse_passages`),
  origin accuracy, lineage B-cubed, own material, and timings.

The per-pair and per-edge records are returned too, so that edge confidence
can be calibrated on the dev split (:func:`benchmark_records`).

>>> result = run_reuse_benchmark("../shared/data/ecbplus")  # doctest: +SKIP
>>> print(format_reuse_result(result))  # doctest: +SKIP
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from storytrace.bench.clustering import ClusteringScore, score_clustering
from storytrace.bench.reuse_baselines import (
    StoryPrediction,
    TfidfCosine,
    best_threshold,
    predict_earlier_wins,
    predict_four_rules,
    predict_tfidf,
    shared_grams,
)
from storytrace.bench.reuse_corpus import GoldStory, ReuseCorpus, Split, generate_reuse_corpus
from storytrace.bench.reuse_outlets import Outlet
from storytrace.bench.reuse_passages import (
    GROUPS,
    AlignedPair,
    NegativeScore,
    OperationScore,
    aligned_pairs,
    merged,
    negative_rows,
    operation_score,
)
from storytrace.bench.reuse_report import format_reuse_result
from storytrace.bench.reuse_scores import (
    EdgeRecord,
    MethodScore,
    PairRecord,
    ReliabilityBin,
    expected_calibration_error,
    reliability,
    score_method,
    story_records,
)
from storytrace.bench.reuse_timing import Timings, measure_timings
from storytrace.errors import ConfigurationError
from storytrace.models import Origin
from storytrace.reuse import Embed, ReuseSettings, StoryProvenance, build_background, trace_story

__all__ = [
    "BenchRecords",
    "ReuseBenchResult",
    "benchmark_records",
    "format_reuse_result",
    "run_reuse_benchmark",
    "same_outlet",
    "trace_corpus",
    "tune_baselines",
]

GRAM_CANDIDATES = (1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 40)
COSINE_CANDIDATES = tuple(round(0.05 + 0.01 * i, 2) for i in range(91))


@dataclass(frozen=True, slots=True)
class BenchRecords:
    """Storytrace's answers on one split, pair by pair and edge by edge."""

    split: str
    pairs: tuple[PairRecord, ...]
    edges: tuple[EdgeRecord, ...]


@dataclass(frozen=True, slots=True)
class StoryScore:
    """Origins, lineages and own material against the gold, over the stories.

    ``origin_accuracy`` is the share of stories whose first origin listed is the
    gold one (the article, or the outlet cited when the origin is not in the
    corpus); ``origin_listed`` the share where it is listed at all.
    """

    stories: int
    origin_accuracy: float
    origin_listed: float
    cited_origin_accuracy: float
    cited_stories: int
    lineages: ClusteringScore
    own_precision: float
    own_recall: float


@dataclass(frozen=True, slots=True)
class ReuseBenchResult:
    """Everything the benchmark measured, for printing or for a test to check."""

    split: str
    seed: int
    embeddings: bool
    stories: int
    articles: int
    methods: tuple[MethodScore, ...]
    min_grams: int
    cosine_threshold: float
    reliability: tuple[ReliabilityBin, ...]
    calibration_error: float
    operations: tuple[OperationScore, ...]
    groups: tuple[OperationScore, ...]
    negatives: tuple[NegativeScore, ...]
    story_score: StoryScore
    records: BenchRecords
    timings: Timings | None
    seconds: float


def _prediction(traced: StoryProvenance) -> StoryPrediction:
    """Storytrace's answer in the form every method gives."""
    return StoryPrediction(
        relations={frozenset((r.source_id, r.target_id)): r.relation for r in traced.reuse},
        directions=frozenset((d.source_id, d.target_id) for d in traced.directions),
        edges=tuple((e.source_id, e.target_id, e.confidence) for e in traced.provenance),
    )


def trace_corpus(
    corpus: ReuseCorpus, settings: ReuseSettings, embed: Embed | None = None
) -> list[StoryProvenance]:
    """Every story of the corpus traced, with boilerplate learnt from the background."""
    background = build_background(
        corpus.background,
        seed_words=settings.seed_words,
        min_documents=settings.background_min_documents,
    )
    return [
        trace_story(story.articles, settings=settings, embed=embed, background=background)
        for story in corpus.stories
    ]


def _records(corpus: ReuseCorpus, predictions: Sequence[StoryPrediction]) -> BenchRecords:
    pairs: list[PairRecord] = []
    edges: list[EdgeRecord] = []
    for story, prediction in zip(corpus.stories, predictions, strict=True):
        story_pairs, story_edges = story_records(story, prediction)
        pairs += story_pairs
        edges += story_edges
    return BenchRecords(corpus.split, tuple(pairs), tuple(edges))


def benchmark_records(
    ecbplus: str | Path,
    *,
    split: Split = "dev",
    seed: int | None = None,
    settings: ReuseSettings | None = None,
    embed: Embed | None = None,
    max_stories: int | None = None,
) -> BenchRecords:
    """Storytrace's pair and edge records on one split, e.g. to fit a calibration of edge
    confidence on ``dev`` (each :class:`EdgeRecord` has the confidence and whether it is right).
    """
    corpus = generate_reuse_corpus(ecbplus, split=split, seed=seed, max_stories=max_stories)
    traced = trace_corpus(corpus, settings or ReuseSettings(), embed)
    return _records(corpus, [_prediction(t) for t in traced])


def _gold_copy(story: GoldStory) -> list[tuple[frozenset[str], bool]]:
    return [(frozenset((p.source_id, p.target_id)), p.relation == "copy") for p in story.pairs]


def tune_baselines(corpus: ReuseCorpus) -> tuple[int, float]:
    """The 8-gram count and the TF-IDF cosine that best tell copies from the rest on
    ``corpus`` (the dev split)."""
    counted: list[tuple[float, bool]] = []
    cosined: list[tuple[float, bool]] = []
    model = TfidfCosine(
        [a.text for s in corpus.stories for a in s.articles] + [a.text for a in corpus.background]
    )
    for story in corpus.stories:
        shared = shared_grams(story.articles)
        cosines = model.cosines(story.articles)
        for key, copy in _gold_copy(story):
            counted.append((shared.get(key, (0, 0.0, 0.0))[0], copy))
            cosined.append((cosines[key], copy))
    return int(best_threshold(counted, GRAM_CANDIDATES)), best_threshold(cosined, COSINE_CANDIDATES)


def _baseline_scores(corpus: ReuseCorpus, min_grams: int, threshold: float) -> list[MethodScore]:
    model = TfidfCosine(
        [a.text for s in corpus.stories for a in s.articles] + [a.text for a in corpus.background]
    )
    earlier = _records(
        corpus, [predict_earlier_wins(s.articles, min_grams) for s in corpus.stories]
    )
    rules = _records(corpus, [predict_four_rules(s.articles, min_grams) for s in corpus.stories])
    cosine = _records(
        corpus, [predict_tfidf(model.cosines(s.articles), threshold) for s in corpus.stories]
    )
    return [
        score_method("earlier wins", earlier.pairs, earlier.edges),
        score_method("four rules", rules.pairs, rules.edges),
        score_method("TF-IDF", cosine.pairs, cosine.edges, draws_edges=False, directs=False),
    ]


_FOLD = re.compile(r"[^a-z0-9.]+")


def same_outlet(name: str, outlet: Outlet) -> bool:
    """Whether ``name`` (as a detector reports an outlet) is one of ``outlet``'s names."""

    def fold(text: str) -> str:
        return _FOLD.sub(" ", re.sub(r"^the\s+", "", text.lower())).strip()

    folded = fold(name)
    if not folded:
        return False
    host = folded.removeprefix("www.").split("/")[0]
    return folded in {fold(n) for n in outlet.names} or host.endswith(outlet.domain)


def _is_origin(story: GoldStory, origin: Origin) -> bool:
    if story.origin_article_id is not None:
        return origin.in_corpus and origin.article_id == story.origin_article_id
    return not origin.in_corpus and same_outlet(origin.outlet or "", story.origin_outlet)


def _origin_right(story: GoldStory, traced: StoryProvenance) -> tuple[bool, bool]:
    """Whether the first origin listed is the gold one, and whether any listed is."""
    found = [_is_origin(story, origin) for origin in traced.origins]
    return bool(found and found[0]), any(found)


def _own_chars(story: GoldStory, traced: StoryProvenance) -> tuple[int, int, int]:
    """(overlap, predicted, gold) characters of own material over the derived articles."""
    predicted = {o.article_id: o.own_spans for o in traced.own}
    overlap = total_predicted = total_gold = 0
    for article_id, gold_spans in story.own_spans:
        if article_id not in predicted:
            continue
        gold, found = merged(gold_spans), merged(predicted[article_id])
        total_gold += sum(s.length for s in gold)
        total_predicted += sum(s.length for s in found)
        overlap += sum(
            max(0, min(g.end, f.end) - max(g.start, f.start)) for g in gold for f in found
        )
    return overlap, total_predicted, total_gold


def _story_score(corpus: ReuseCorpus, traced: Sequence[StoryProvenance]) -> StoryScore:
    first = listed = cited = cited_first = 0
    gold_labels: list[str] = []
    predicted_labels: list[str] = []
    own = [0, 0, 0]
    for story, result in zip(corpus.stories, traced, strict=True):
        right, among = _origin_right(story, result)
        first += right
        listed += among
        if story.origin_article_id is None:
            cited += 1
            cited_first += right
        lineage_of = {i: lineage.id for lineage in result.lineages for i in lineage.article_ids}
        for article in story.articles:
            gold = "origin" if article.id in story.lineage else article.id
            gold_labels.append(f"{story.id}/{gold}")
            predicted_labels.append(f"{story.id}/{lineage_of.get(article.id, article.id)}")
        for index, value in enumerate(_own_chars(story, result)):
            own[index] += value
    stories = len(corpus.stories)
    return StoryScore(
        stories=stories,
        origin_accuracy=round(first / stories, 4) if stories else 1.0,
        origin_listed=round(listed / stories, 4) if stories else 1.0,
        cited_origin_accuracy=round(cited_first / cited, 4) if cited else 1.0,
        cited_stories=cited,
        lineages=score_clustering(gold_labels, predicted_labels),
        own_precision=round(own[0] / own[1], 4) if own[1] else 1.0,
        own_recall=round(own[0] / own[2], 4) if own[2] else 1.0,
    )


def _passage_scores(
    corpus: ReuseCorpus, traced: Sequence[StoryProvenance]
) -> tuple[tuple[OperationScore, ...], tuple[OperationScore, ...], tuple[NegativeScore, ...]]:
    rows: list[AlignedPair] = []
    negatives: list[tuple[str, int]] = []
    for story, result in zip(corpus.stories, traced, strict=True):
        rows += aligned_pairs(story, result.reuse)
        negatives += negative_rows(story, result.reuse)
    names = list(dict.fromkeys(r.operation for r in sorted(rows, key=lambda r: r.operation)))
    operations = tuple(operation_score(n, [r for r in rows if r.operation == n]) for n in names)
    groups = [
        operation_score(group, [r for r in rows if r.operation in members])
        for group, members in GROUPS.items()
        if any(r.operation in members for r in rows)
    ]
    later = [r for r in rows if r.generation >= 2]
    if later:
        groups.append(operation_score("copy of a copy", later))
    kinds = list(dict.fromkeys(kind for kind, _ in negatives))
    negative_scores = tuple(
        NegativeScore(
            kind,
            sum(1 for k, _ in negatives if k == kind),
            sum(1 for k, c in negatives if k == kind and c),
            sum(c for k, c in negatives if k == kind),
        )
        for kind in sorted(kinds)
    )
    return operations, tuple(groups), negative_scores


def run_reuse_benchmark(
    ecbplus: str | Path,
    *,
    split: str = "test",
    seed: int | None = None,
    settings: ReuseSettings | None = None,
    embed: Embed | None = None,
    max_stories: int | None = None,
    timings: bool = True,
    workers: int = 2,
) -> ReuseBenchResult:
    """Generate the corpus, trace it, run the baselines, and score everything against the gold.

    The baselines' thresholds are tuned on the dev split (generated, not traced).
    """
    if split not in ("dev", "test"):
        raise ConfigurationError(f"split={split!r}: expected 'dev' or 'test'")
    settings = settings or ReuseSettings()
    started = time.perf_counter()
    corpus = generate_reuse_corpus(
        ecbplus, split="dev" if split == "dev" else "test", seed=seed, max_stories=max_stories
    )
    dev = corpus if split == "dev" else generate_reuse_corpus(ecbplus, split="dev")
    min_grams, threshold = tune_baselines(dev)
    traced = trace_corpus(corpus, settings, embed)
    records = _records(corpus, [_prediction(t) for t in traced])
    methods = (
        score_method("storytrace", records.pairs, records.edges),
        *_baseline_scores(corpus, min_grams, threshold),
    )
    bins = reliability(records.edges)
    operations, groups, negatives = _passage_scores(corpus, traced)
    measured = (
        measure_timings(ecbplus, corpus, settings, workers=workers, embed=embed)
        if timings
        else None
    )
    return ReuseBenchResult(
        split=corpus.split,
        seed=corpus.seed,
        embeddings=embed is not None,
        stories=len(corpus.stories),
        articles=sum(len(s.articles) for s in corpus.stories),
        methods=methods,
        min_grams=min_grams,
        cosine_threshold=threshold,
        reliability=bins,
        calibration_error=expected_calibration_error(bins),
        operations=operations,
        groups=groups,
        negatives=negatives,
        story_score=_story_score(corpus, traced),
        records=records,
        timings=measured,
        seconds=round(time.perf_counter() - started, 1),
    )
