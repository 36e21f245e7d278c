"""PAN's passage measures on the reuse corpus, read from the passages storytrace reports.

For every gold derivation whose two articles are in the corpus, the gold
cases (which characters of the child came from which of the parent) are
compared with the passages of the story's :class:`~storytrace.models.Reuse`
record for the pair, per operation and per group of operations (verbatim,
edited, paraphrase, copies of copies), with PAN's character precision,
recall, granularity and plagdet (:mod:`storytrace.bench.pan`). For the
negatives: how many pairs got passages, and how many characters.

>>> merged([Span(0, 5), Span(3, 9), Span(12, 14)])
[Span(start=0, end=9), Span(start=12, end=14)]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from storytrace.bench.pan import Alignment, PanScore, pan_score
from storytrace.bench.reuse_corpus import GoldCase, GoldStory
from storytrace.models import Passage, Reuse, Span

GROUPS: dict[str, tuple[str, ...]] = {
    "verbatim": ("paragraph_copy", "truncation", "headline_rewrite", "lookalike"),
    "edited": ("sentence_shuffle", "word_substitution"),
    "paraphrase": ("paraphrase_coref", "paraphrase_rules"),
}
"""Operations grouped by the kind of reuse they make; ``copy of a copy`` is a fourth group
(every derivation of the second generation or later)."""


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
    """Negative pairs of one kind: how many got passages anyway, and how many characters."""

    name: str
    pairs: int
    pairs_with_passages: int
    chars: int


@dataclass(frozen=True, slots=True)
class AlignedPair:
    """The gold cases and the detected passages of one derivation, as PAN alignments."""

    operation: str
    generation: int
    cases: tuple[Alignment, ...]
    detections: tuple[Alignment, ...]
    case_chars: int
    kind_chars: int


def merged(spans: Iterable[Span]) -> list[Span]:
    """Overlapping or touching spans joined, in order."""
    result: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, s.end)):
        if result and span.start <= result[-1].end:
            result[-1] = Span(result[-1].start, max(result[-1].end, span.end))
        else:
            result.append(span)
    return result


def _oriented(reuse: Reuse, parent_id: str) -> list[tuple[Span, Span, Passage]]:
    """The record's passages as (parent span, child span, passage)."""
    if reuse.source_id == parent_id:
        return [(p.source_span, p.target_span, p) for p in reuse.passages]
    return [(p.target_span, p.source_span, p) for p in reuse.passages]


def _kind_chars(passages: Sequence[tuple[Span, Span, Passage]], case: GoldCase) -> int:
    target = case.target_span
    right = [
        Span(max(child.start, target.start), min(child.end, target.end))
        for _, child, passage in passages
        if passage.kind == case.kind and child.start < target.end and target.start < child.end
    ]
    return sum(span.length for span in merged(right))


def aligned_pairs(story: GoldStory, reuse: Sequence[Reuse]) -> list[AlignedPair]:
    """Gold cases against detected passages for every derivation inside the corpus."""
    by_pair = {frozenset((r.source_id, r.target_id)): r for r in reuse}
    in_corpus = {a.id for a in story.articles}
    result: list[AlignedPair] = []
    for derivation in story.derivations:
        if derivation.parent_id not in in_corpus:
            continue
        key = (derivation.parent_id, derivation.child_id)
        record = by_pair.get(frozenset(key))
        passages = _oriented(record, derivation.parent_id) if record else []
        cases = tuple(
            Alignment(
                key,
                (c.source_span.start, c.source_span.end),
                (c.target_span.start, c.target_span.end),
            )
            for c in derivation.cases
        )
        detections = tuple(
            Alignment(key, (parent.start, parent.end), (child.start, child.end))
            for parent, child, _ in passages
        )
        result.append(
            AlignedPair(
                derivation.operation,
                derivation.generation,
                cases,
                detections,
                sum(c.target_span.length for c in derivation.cases),
                sum(_kind_chars(passages, c) for c in derivation.cases),
            )
        )
    return result


def operation_score(name: str, rows: Sequence[AlignedPair]) -> OperationScore:
    """PAN measures over ``rows``."""
    cases = [c for row in rows for c in row.cases]
    detections = [d for row in rows for d in row.detections]
    case_chars = sum(row.case_chars for row in rows)
    kind = sum(row.kind_chars for row in rows) / case_chars if case_chars else 1.0
    return OperationScore(name, len(rows), pan_score(cases, detections), round(kind, 4))


def negative_rows(story: GoldStory, reuse: Sequence[Reuse]) -> list[tuple[str, int]]:
    """``(negative kind, characters of passages found)`` for every negative pair."""
    by_pair = {frozenset((r.source_id, r.target_id)): r for r in reuse}
    rows: list[tuple[str, int]] = []
    for pair in story.pairs:
        if pair.link != "negative":
            continue
        record = by_pair.get(frozenset((pair.source_id, pair.target_id)))
        chars = sum(p.target_span.length for p in record.passages) if record else 0
        rows.append((pair.operation, chars))
    return rows
