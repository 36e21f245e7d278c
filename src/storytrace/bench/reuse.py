"""The reuse benchmark: PAN measures per operation, direction and origin accuracy, timings.

On the generated corpus (:mod:`storytrace.bench.reuse_corpus`):

- **alignment**: every evaluated pair is aligned with
  :func:`storytrace.reuse.align_pair`; PAN's character precision, recall,
  granularity and plagdet (:mod:`storytrace.bench.pan`) are given per
  operation and per group (verbatim, edited, paraphrase); for the negative
  pairs, how many got a passage at all and how many characters;
- **provenance**: each story is traced with :func:`storytrace.reuse.trace_story`;
  direction accuracy is the share of gold derivations (both articles in the
  corpus) found as reuse whose inferred direction is parent to child (no
  direction counts as wrong), split by the evidence the pair offers; for the
  derivation edges (parents), precision is the share of edges whose source is
  a gold ancestor of the target and recall the share of gold derivations that
  are edges; origin accuracy is the share
  of stories whose first origin is the gold one; lineages are scored with
  B-cubed; own material with character precision and recall;
- **timings**: two articles of 5,000 words aligned, and one story of 200
  articles (an origin, its copies and copies of copies) traced.

>>> result = run_reuse_benchmark("../shared/data/ecbplus")  # doctest: +SKIP
>>> print(format_reuse_result(result))  # doctest: +SKIP
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from storytrace.bench.clustering import ClusteringScore, score_clustering
from storytrace.bench.pan import Alignment, PanScore, pan_score
from storytrace.bench.reuse_corpus import (
    DERIVED_OPERATIONS,
    NEGATIVE_OPERATIONS,
    GoldStory,
    ReuseCorpus,
    generate_reuse_corpus,
)
from storytrace.bench.reuse_timing import Timings, measure_timings
from storytrace.models import Article, Passage, Span
from storytrace.reuse import ReuseSettings, align_pair, build_background, trace_story
from storytrace.reuse.align import Embed
from storytrace.reuse.attribution import find_attributions
from storytrace.reuse.outlet_names import OutletAliases
from storytrace.reuse.shares import merged_spans
from storytrace.reuse.story import StoryProvenance

GROUPS: dict[str, tuple[str, ...]] = {
    "verbatim": ("paragraph_copy", "truncation", "headline_rewrite", "lookalike"),
    "edited": ("sentence_shuffle", "word_substitution", "attribution_line", "copy_of_copy"),
    "paraphrase": ("paraphrase_coref", "paraphrase_rules"),
}
"""Operations grouped by the kind of reuse they make (copy_of_copy mixes verbatim and edited)."""


@dataclass(frozen=True, slots=True)
class OperationScore:
    """PAN measures for one operation (or group), and how often the kind was right.

    ``kind_accuracy`` is the share of gold-case target characters detected with
    the gold kind (verbatim, edited or paraphrase).
    """

    name: str
    pairs: int
    score: PanScore
    kind_accuracy: float


@dataclass(frozen=True, slots=True)
class NegativeScore:
    """Pairs that share nothing: how many got passages anyway, and how many characters."""

    name: str
    pairs: int
    pairs_with_passages: int
    false_chars: int


@dataclass(frozen=True, slots=True)
class EvidenceRow:
    """Direction accuracy among gold derivations that offer one kind of evidence."""

    evidence: str
    pairs: int
    correct: int


@dataclass(frozen=True, slots=True)
class ProvenanceScore:
    """Direction, edges, origins, lineages and own material against the gold."""

    derivations: int
    detected: int
    correct: int
    reversed: int
    direction_accuracy: float
    by_evidence: tuple[EvidenceRow, ...]
    edges: int
    edge_precision: float
    edge_recall: float
    stories: int
    origin_accuracy: float
    cited_origin_accuracy: float
    lineages: ClusteringScore
    own_precision: float
    own_recall: float
    independent_accuracy: float


@dataclass(frozen=True, slots=True)
class ReuseBenchResult:
    """Everything the benchmark measured, for printing or for a test to check."""

    split: str
    seed: int
    embeddings: bool
    stories: int
    articles: int
    operations: tuple[OperationScore, ...]
    groups: tuple[OperationScore, ...]
    negatives: tuple[NegativeScore, ...]
    provenance: ProvenanceScore
    timings: Timings | None
    seconds: float


def _alignment(pair: object, source: Span, target: Span) -> Alignment:
    return Alignment(pair, (source.start, source.end), (target.start, target.end))


def _kind_chars(passages: Sequence[Passage], case_target: Span, kind: str) -> int:
    right = [
        Span(max(p.target_span.start, case_target.start), min(p.target_span.end, case_target.end))
        for p in passages
        if p.kind == kind and p.target_span.start < case_target.end
        and case_target.start < p.target_span.end
    ]  # fmt: skip
    return sum(span.length for span in merged_spans(right))


@dataclass(frozen=True, slots=True)
class _Aligned:
    operation: str
    key: tuple[str, str]
    cases: tuple[Alignment, ...]
    detections: tuple[Alignment, ...]
    case_chars: int
    kind_chars: int
    false_chars: int


def _align_corpus(
    corpus: ReuseCorpus, settings: ReuseSettings, embed: Embed | None
) -> list[_Aligned]:
    background = build_background(
        corpus.background, seed_words=settings.seed_words,
        min_documents=settings.background_min_documents,
    )  # fmt: skip
    results: list[_Aligned] = []
    for story in corpus.stories:
        for pair in story.pairs:
            source, target = story.article(pair.source_id), story.article(pair.target_id)
            passages = align_pair(source, target, settings=settings, embed=embed,
                                  background=background)  # fmt: skip
            key = (pair.source_id, pair.target_id)
            cases = tuple(_alignment(key, c.source_span, c.target_span) for c in pair.cases)
            detections = tuple(_alignment(key, p.source_span, p.target_span) for p in passages)
            results.append(
                _Aligned(
                    operation=pair.operation,
                    key=key,
                    cases=cases,
                    detections=detections,
                    case_chars=sum(c.target_span.length for c in pair.cases),
                    kind_chars=sum(_kind_chars(passages, c.target_span, c.kind)
                                   for c in pair.cases),
                    false_chars=0 if pair.cases else sum(p.target_span.length for p in passages),
                )
            )  # fmt: skip
    return results


def _operation_score(name: str, rows: Sequence[_Aligned]) -> OperationScore:
    cases = [c for row in rows for c in row.cases]
    detections = [d for row in rows for d in row.detections]
    case_chars = sum(row.case_chars for row in rows)
    kind = sum(row.kind_chars for row in rows) / case_chars if case_chars else 1.0
    return OperationScore(name, len(rows), pan_score(cases, detections), round(kind, 4))


def _ancestors(story: GoldStory) -> dict[str, set[str]]:
    parent = {p.target_id: p.source_id for p in story.pairs if p.cases or p.operation
              in DERIVED_OPERATIONS}  # fmt: skip
    result: dict[str, set[str]] = {}
    for child in parent:
        seen: set[str] = set()
        node = child
        while node in parent and parent[node] not in seen:
            node = parent[node]
            seen.add(node)
        result[child] = seen
    return result


def _evidence_available(story: GoldStory, source: Article, target: Article) -> str:
    if source.published and target.published:
        return "time"
    aliases = OutletAliases.from_names([n for n in (source.outlet,) if n])
    credits = find_attributions(target)
    if source.outlet and any(aliases.same(c.outlet, source.outlet) for c in credits):
        return "attribution"
    return "neither"


def _story_rows(story: GoldStory, traced: StoryProvenance) -> dict[str, list[int]]:
    """Counts of one story, summed over stories by the caller."""
    edges = {(e.source_id, e.target_id) for e in traced.provenance}
    directions = {(d.source_id, d.target_id) for d in traced.directions}
    detected = {frozenset((r.source_id, r.target_id)) for r in traced.reuse}
    in_corpus = {a.id for a in story.articles}
    ancestors = _ancestors(story)
    rows: dict[str, list[int]] = {
        "derivations": [0], "detected": [0], "correct": [0], "reversed": [0],
        "edges": [len(edges)], "edges_right": [0], "edges_found": [0],
    }  # fmt: skip
    rows["edges_right"][0] = sum(1 for s, t in edges if s in ancestors.get(t, set()))
    for pair in story.pairs:
        if pair.operation not in DERIVED_OPERATIONS:
            continue
        if pair.source_id not in in_corpus or pair.target_id not in in_corpus:
            continue
        rows["derivations"][0] += 1
        rows["edges_found"][0] += (pair.source_id, pair.target_id) in edges
        if frozenset((pair.source_id, pair.target_id)) not in detected:
            continue
        rows["detected"][0] += 1
        right = (pair.source_id, pair.target_id) in directions
        rows["correct"][0] += right
        rows["reversed"][0] += (pair.target_id, pair.source_id) in directions
        evidence = _evidence_available(
            story, story.article(pair.source_id), story.article(pair.target_id)
        )
        row = rows.setdefault(f"evidence:{evidence}", [0, 0])
        row[0] += 1
        row[1] += right
    return rows


def _origin_right(story: GoldStory, traced: StoryProvenance) -> bool:
    if not traced.origins:
        return False
    first = traced.origins[0]
    if story.origin_article_id is not None:
        return first.in_corpus and first.article_id == story.origin_article_id
    aliases = OutletAliases.from_names([story.origin_outlet, first.outlet or ""])
    return not first.in_corpus and aliases.same(first.outlet or "", story.origin_outlet)


def _own_chars(story: GoldStory, traced: StoryProvenance) -> tuple[int, int, int]:
    """(overlap, predicted, gold) characters of own material over the derived articles."""
    predicted = {o.article_id: o.own_spans for o in traced.own}
    overlap = total_predicted = total_gold = 0
    for article_id, gold_spans in story.own_spans:
        if article_id not in predicted:
            continue
        gold = merged_spans(gold_spans)
        found = merged_spans(predicted[article_id])
        total_gold += sum(s.length for s in gold)
        total_predicted += sum(s.length for s in found)
        for g in gold:
            for f in found:
                overlap += max(0, min(g.end, f.end) - max(g.start, f.start))
    return overlap, total_predicted, total_gold


def _independent_right(story: GoldStory, traced: StoryProvenance,
                       settings: ReuseSettings) -> tuple[int, int]:  # fmt: skip
    flags = {o.article_id: o.independent for o in traced.own}
    right = total = 0
    for article_id, gold_spans in story.own_spans:
        if article_id not in flags:
            continue
        chars = sum(s.length for s in merged_spans(gold_spans))
        length = len(story.article(article_id).text)
        gold = (
            chars >= settings.independent_min_chars and chars >= settings.independent_share * length
        )
        right += flags[article_id] == gold
        total += 1
    return right, total


def _provenance(
    corpus: ReuseCorpus, settings: ReuseSettings, embed: Embed | None
) -> ProvenanceScore:
    background = build_background(
        corpus.background, seed_words=settings.seed_words,
        min_documents=settings.background_min_documents,
    )  # fmt: skip
    totals: dict[str, list[int]] = {}
    origins_right = cited_right = cited_total = 0
    gold_labels: list[str] = []
    predicted_labels: list[str] = []
    own = [0, 0, 0]
    independent = [0, 0]
    for story in corpus.stories:
        traced = trace_story(story.articles, settings=settings, embed=embed,
                             background=background)  # fmt: skip
        for name, values in _story_rows(story, traced).items():
            current = totals.setdefault(name, [0] * len(values))
            for index, value in enumerate(values):
                current[index] += value
        right = _origin_right(story, traced)
        origins_right += right
        if story.origin_article_id is None:
            cited_total += 1
            cited_right += right
        lineage_of = {i: lineage.id for lineage in traced.lineages for i in lineage.article_ids}
        for article in story.articles:
            gold = "origin" if article.id in story.lineage else article.id
            gold_labels.append(f"{story.id}/{gold}")
            predicted_labels.append(f"{story.id}/{lineage_of.get(article.id, article.id)}")
        for index, value in enumerate(_own_chars(story, traced)):
            own[index] += value
        for index, value in enumerate(_independent_right(story, traced, settings)):
            independent[index] += value
    detected = totals["detected"][0]
    evidence_rows = tuple(
        EvidenceRow(name.split(":", 1)[1], values[0], values[1])
        for name, values in sorted(totals.items())
        if name.startswith("evidence:")
    )
    stories = len(corpus.stories)
    return ProvenanceScore(
        derivations=totals["derivations"][0],
        detected=detected,
        correct=totals["correct"][0],
        reversed=totals["reversed"][0],
        direction_accuracy=round(totals["correct"][0] / detected, 4) if detected else 1.0,
        by_evidence=evidence_rows,
        edges=totals["edges"][0],
        edge_precision=round(totals["edges_right"][0] / totals["edges"][0], 4)
        if totals["edges"][0] else 1.0,
        edge_recall=round(totals["edges_found"][0] / totals["derivations"][0], 4)
        if totals["derivations"][0] else 1.0,
        stories=stories,
        origin_accuracy=round(origins_right / stories, 4) if stories else 1.0,
        cited_origin_accuracy=round(cited_right / cited_total, 4) if cited_total else 1.0,
        lineages=score_clustering(gold_labels, predicted_labels),
        own_precision=round(own[0] / own[1], 4) if own[1] else 1.0,
        own_recall=round(own[0] / own[2], 4) if own[2] else 1.0,
        independent_accuracy=round(independent[0] / independent[1], 4) if independent[1] else 1.0,
    )  # fmt: skip


def run_reuse_benchmark(
    ecbplus: str | Path,
    *,
    split: str = "test",
    seed: int = 2,
    settings: ReuseSettings | None = None,
    embed: Embed | None = None,
    max_stories: int | None = None,
    timings: bool = True,
    workers: int = 2,
) -> ReuseBenchResult:
    """Generate the corpus, align and trace it, and score the result against the gold."""
    settings = settings or ReuseSettings()
    started = time.perf_counter()
    corpus = generate_reuse_corpus(ecbplus, split="dev" if split == "dev" else "test", seed=seed,
                                   max_stories=max_stories)  # fmt: skip
    rows = _align_corpus(corpus, settings, embed)
    operations = tuple(
        _operation_score(name, [r for r in rows if r.operation == name])
        for name in DERIVED_OPERATIONS
        if any(r.operation == name for r in rows)
    )
    groups = tuple(
        _operation_score(group, [r for r in rows if r.operation in names])
        for group, names in GROUPS.items()
        if any(r.operation in names for r in rows)
    )
    negatives = tuple(
        NegativeScore(
            name,
            sum(1 for r in rows if r.operation == name),
            sum(1 for r in rows if r.operation == name and r.detections),
            sum(r.false_chars for r in rows if r.operation == name),
        )
        for name in NEGATIVE_OPERATIONS
    )
    provenance = _provenance(corpus, settings, embed)
    measured = (
        measure_timings(ecbplus, corpus, settings, workers=workers, embed=embed)
        if timings
        else None
    )
    return ReuseBenchResult(
        split=corpus.split,
        seed=seed,
        embeddings=embed is not None,
        stories=len(corpus.stories),
        articles=sum(len(s.articles) for s in corpus.stories),
        operations=operations,
        groups=groups,
        negatives=negatives,
        provenance=provenance,
        timings=measured,
        seconds=round(time.perf_counter() - started, 1),
    )


def format_reuse_result(result: ReuseBenchResult) -> str:
    """The result as the plain-text table ``storytrace bench reuse`` prints."""
    lines = [
        f"reuse benchmark: split {result.split}, seed {result.seed}, {result.stories} stories, "
        f"{result.articles} articles, embeddings {'on' if result.embeddings else 'off'}",
        "",
        f"{'operation':<20} {'pairs':>5} {'prec':>6} {'rec':>6} {'gran':>6} {'plagdet':>7} "
        f"{'kind':>6}",
    ]
    for row in (*result.operations, *result.groups):
        if row is result.groups[0]:
            lines.append("")
        s = row.score
        lines.append(
            f"{row.name:<20} {row.pairs:>5} {s.precision:>6.3f} {s.recall:>6.3f} "
            f"{s.granularity:>6.3f} {s.plagdet:>7.3f} {row.kind_accuracy:>6.3f}"
        )
    lines.append("")
    for negative in result.negatives:
        lines.append(
            f"{negative.name:<20} {negative.pairs:>5} pairs, {negative.pairs_with_passages} with "
            f"passages ({negative.false_chars} characters)"
        )
    p = result.provenance
    lines += [
        "",
        f"direction accuracy   {p.direction_accuracy:.3f} ({p.correct}/{p.detected} gold "
        f"derivations found as reuse, of {p.derivations}; {p.reversed} reversed, "
        f"{p.detected - p.correct - p.reversed} undecided)",
    ]
    for evidence in p.by_evidence:
        accuracy = evidence.correct / evidence.pairs if evidence.pairs else 1.0
        lines.append(
            f"  with {evidence.evidence:<15} {accuracy:.3f} ({evidence.correct}/{evidence.pairs})"
        )
    lines += [
        f"derivation edges     precision {p.edge_precision:.3f}, recall {p.edge_recall:.3f} "
        f"({p.edges} edges)",
        f"origin accuracy      {p.origin_accuracy:.3f} of {p.stories} stories "
        f"(cited, not in corpus: {p.cited_origin_accuracy:.3f})",
        f"lineages B-cubed F1  {p.lineages.f1:.3f} (precision {p.lineages.precision:.3f}, "
        f"recall {p.lineages.recall:.3f})",
        f"own material         precision {p.own_precision:.3f}, recall {p.own_recall:.3f}; "
        f"independent flag accuracy {p.independent_accuracy:.3f}",
    ]
    if result.timings:
        t = result.timings
        lines += [
            "",
            f"timing: two articles of {t.pair_words[0]:,} and {t.pair_words[1]:,} words aligned "
            f"in {t.pair_seconds:.3f} s",
            f"timing: story of {t.story_articles} articles ({t.story_aligned_pairs} candidate "
            f"pairs) traced in {t.story_seconds:.1f} s with {t.workers} worker(s)",
        ]
        if t.story_seconds_with_embeddings is not None:
            lines.append(
                f"timing: the same story with sentence embeddings (paraphrase) in "
                f"{t.story_seconds_with_embeddings:.1f} s"
            )
    lines.append(f"total {result.seconds:.0f} s")
    return "\n".join(lines)
