"""How much of each article a pair shares: covered characters, shares, and turning pairs round.

>>> from storytrace.models import Passage, Span
>>> passage = Passage(Span(0, 50), Span(10, 60), "verbatim", 1.0)
>>> reuse = make_reuse("a", "b", (passage,), source_length=100, target_length=200)
>>> reuse.shared_chars, reuse.source_share, reuse.target_share
(50, 0.5, 0.25)
>>> reverse_reuse(reuse).target_id
'a'
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from storytrace.models import Passage, Reuse, Span


def merged_spans(spans: Iterable[Span]) -> list[Span]:
    """The union of ``spans`` as sorted, non-overlapping spans."""
    merged: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, s.end)):
        if merged and span.start <= merged[-1].end:
            if span.end > merged[-1].end:
                merged[-1] = Span(merged[-1].start, span.end)
        else:
            merged.append(span)
    return merged


def copied_spans(reuse: Reuse, article_id: str) -> list[Span]:
    """The spans of ``article_id`` covered by copied or translated passages of ``reuse``
    (reworded ones too when the pair is a rewrite), merged."""
    passages = [p for p in reuse.passages if p.kind != "paraphrase" or reuse.relation == "rewrite"]
    if reuse.target_id == article_id:
        return merged_spans(p.target_span for p in passages)
    return merged_spans(p.source_span for p in passages)


def overlap_chars(first: Sequence[Span], second: Sequence[Span]) -> int:
    """Characters two sorted, non-overlapping span lists have in common.

    >>> overlap_chars([Span(0, 10), Span(20, 30)], [Span(5, 25)])
    10
    """
    total = i = j = 0
    while i < len(first) and j < len(second):
        low, high = max(first[i].start, second[j].start), min(first[i].end, second[j].end)
        total += max(0, high - low)
        if first[i].end < second[j].end:
            i += 1
        else:
            j += 1
    return total


def covered_chars(spans: Iterable[Span]) -> int:
    """How many characters the union of ``spans`` holds."""
    return sum(span.length for span in merged_spans(spans))


def make_reuse(
    source_id: str,
    target_id: str,
    passages: Sequence[Passage],
    *,
    source_length: int,
    target_length: int,
) -> Reuse:
    """The :class:`Reuse` record of a pair.

    ``shared_chars`` counts the target's characters in the passages.
    """
    source = covered_chars(p.source_span for p in passages)
    target = covered_chars(p.target_span for p in passages)
    return Reuse(
        source_id=source_id,
        target_id=target_id,
        passages=tuple(passages),
        shared_chars=target,
        source_share=round(source / source_length, 4) if source_length else 0.0,
        target_share=round(target / target_length, 4) if target_length else 0.0,
    )


def reverse_reuse(reuse: Reuse) -> Reuse:
    """The same reuse seen the other way round (source and target swapped)."""
    passages = tuple(
        Passage(p.target_span, p.source_span, p.kind, p.similarity) for p in reuse.passages
    )
    source_chars = covered_chars(p.source_span for p in passages)
    return Reuse(
        source_id=reuse.target_id,
        target_id=reuse.source_id,
        passages=tuple(sorted(passages, key=lambda p: (p.source_span.start, p.target_span.start))),
        shared_chars=source_chars,
        source_share=reuse.target_share,
        target_share=reuse.source_share,
        relation=reuse.relation,
        relation_evidence=reuse.relation_evidence,
    )
