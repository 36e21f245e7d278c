"""Generated articles as drafts of paragraphs that remember where each sentence came from.

A story is drafted as :class:`Draft` articles made of :class:`Block`
paragraphs; each block remembers which sentences of its parent it reuses and
how (its gold kind), and each sentence carries a :class:`Trace`: the article
and sentence where its text was first written and every rewording or edit it
went through since. From these the gold is read off, never guessed from the
text: the passages a child took from its parent (:func:`gold_cases`), the
material of its own (:func:`own_spans`), and how any two articles of one
lineage are related (:func:`lineage_relation`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from storytrace.bench.reuse_outlets import Outlet
from storytrace.models import PassageKind, ReuseRelation, Span

Role = Literal["headline", "body", "own", "credit", "caption", "footer"]
Change = Literal["edited", "paraphrase"]

MIN_CASE_WORDS = 8
"""Reuse shorter than this (a copied short headline) is not a gold case: titles and names
alone are not reuse."""
MIN_SHARED_CHARS = 150
"""Two articles of one lineage are a copy (or a rewrite) of each other when they share at
least this many characters of one wording (reworded), about two sentences, as the
annotation guide (``docs/reuse-annotation.md``) asks."""
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class GoldCase:
    """One reused passage: a span of the source and the span of the target it became."""

    source_span: Span
    target_span: Span
    kind: PassageKind


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph: its sentences and, when reused, the parent sentence each one comes from.

    ``credits`` names the outlets the paragraph credits (a credit line, a clause).
    """

    sentences: tuple[str, ...]
    role: Role
    parent: tuple[int, ...] = ()
    kind: PassageKind | None = None
    credits: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Trace:
    """Where a sentence's text was first written, and each change of wording since.

    ``root`` is ``(article id, sentence number)``; ``changes`` lists, in order,
    the articles that edited or reworded the sentence on its way here.
    """

    root: tuple[str, int]
    changes: tuple[tuple[str, Change], ...] = ()


@dataclass(frozen=True, slots=True)
class Draft:
    """One generated article before it becomes an :class:`~storytrace.models.Article`."""

    id: str
    outlet: Outlet
    moment: datetime
    blocks: tuple[Block, ...]
    traces: tuple[Trace, ...]

    def sentences(self) -> list[str]:
        return [s for block in self.blocks for s in block.sentences]

    def credited(self) -> frozenset[str]:
        """The outlets (by their own names) that the article credits anywhere."""
        return frozenset(name for block in self.blocks for name in block.credits)

    def sentence_blocks(self) -> list[int]:
        """The block of every sentence, in text order."""
        return [b for b, block in enumerate(self.blocks) for _ in block.sentences]


def own_traces(article_id: str, blocks: Sequence[Block], parent: Draft | None) -> tuple[Trace, ...]:
    """The traces of ``blocks``: a reused sentence extends its parent sentence's trace."""
    traces: list[Trace] = []
    for block in blocks:
        for offset, _ in enumerate(block.sentences):
            number = len(traces)
            if not block.parent or parent is None:
                traces.append(Trace((article_id, number)))
                continue
            inherited = parent.traces[block.parent[offset]]
            change: Change | None = (
                "paraphrase"
                if block.kind == "paraphrase"
                else "edited"
                if block.kind == "edited"
                else None
            )
            changes = (*inherited.changes, (article_id, change)) if change else inherited.changes
            traces.append(Trace(inherited.root, changes))
    return tuple(traces)


def render(blocks: Sequence[Block]) -> tuple[str, list[Span], list[Span]]:
    """The text of ``blocks`` (paragraphs apart by a blank line), their spans and their
    sentences' spans."""
    pieces: list[str] = []
    block_spans: list[Span] = []
    sentence_spans: list[Span] = []
    position = 0
    for index, block in enumerate(blocks):
        if index:
            pieces.append("\n\n")
            position += 2
        start = position
        for number, sentence in enumerate(block.sentences):
            if number:
                pieces.append(" ")
                position += 1
            pieces.append(sentence)
            sentence_spans.append(Span(position, position + len(sentence)))
            position += len(sentence)
        block_spans.append(Span(start, position))
    return "".join(pieces), block_spans, sentence_spans


def gold_cases(child: Draft, parent: Draft) -> tuple[GoldCase, ...]:
    """The child's reusing blocks grouped into cases: adjacent blocks from neighbouring
    paragraphs of the parent make one case."""
    child_text, child_blocks, _ = render(child.blocks)
    _, _, parent_sentences = render(parent.blocks)
    paragraph_of = parent.sentence_blocks()
    cases: list[GoldCase] = []
    group: list[int] = []

    def close() -> None:
        if not group:
            return
        span = Span(child_blocks[group[0]].start, child_blocks[group[-1]].end)
        if len(_WORD.findall(child_text[span.start : span.end])) >= MIN_CASE_WORDS:
            used = [i for b in group for i in child.blocks[b].parent]
            kinds = {child.blocks[b].kind for b in group}
            kind: PassageKind = (
                "verbatim"
                if kinds == {"verbatim"}
                else ("paraphrase" if "paraphrase" in kinds else "edited")
            )
            source = Span(
                min(parent_sentences[i].start for i in used),
                max(parent_sentences[i].end for i in used),
            )
            cases.append(GoldCase(source, span, kind))
        group.clear()

    for index, block in enumerate(child.blocks):
        if not block.parent:
            close()
            continue
        if group:
            last = max(paragraph_of[i] for i in child.blocks[group[-1]].parent)
            first = min(paragraph_of[i] for i in block.parent)
            if not last <= first <= last + 1 or group[-1] != index - 1:
                close()
        group.append(index)
    close()
    return tuple(cases)


def own_spans(draft: Draft, copied: set[int]) -> tuple[Span, ...]:
    """Spans of the draft's own blocks (not from its parent) that no other article copied."""
    _, spans, _ = render(draft.blocks)
    return tuple(
        spans[i]
        for i, block in enumerate(draft.blocks)
        if not block.parent
        and block.role in ("own", "caption", "credit", "headline")
        and i not in copied
    )


def _changes_apart(first: Trace, second: Trace) -> tuple[set[Change], set[Change]]:
    """The changes of wording each trace went through since the two parted."""
    common = 0
    for left, right in zip(first.changes, second.changes, strict=False):
        if left != right:
            break
        common += 1
    return (
        {change for _, change in first.changes[common:]},
        {change for _, change in second.changes[common:]},
    )


def lineage_relation(first: Draft, second: Draft) -> ReuseRelation | None:
    """How two articles of one lineage are related, read from their sentences' traces.

    ``copy`` when they share :data:`MIN_SHARED_CHARS` characters or more of
    one wording (verbatim or lightly edited), else ``rewrite`` when as much of
    one is the other's text reworded; ``None`` when neither holds (they took
    different parts of their source, or both reworded it each their own way),
    so that the pair's relation is not clear-cut and it is not evaluated.
    """
    by_root: dict[tuple[str, int], tuple[Trace, int]] = {}
    for trace, sentence in zip(second.traces, second.sentences(), strict=True):
        by_root.setdefault(trace.root, (trace, len(sentence)))
    copied = reworded = 0
    for trace, sentence in zip(first.traces, first.sentences(), strict=True):
        match = by_root.get(trace.root)
        if match is None:
            continue
        other, length = match
        chars = min(length, len(sentence))
        mine, theirs = _changes_apart(trace, other)
        if "paraphrase" in mine and "paraphrase" in theirs:
            continue
        if "paraphrase" in mine | theirs:
            reworded += chars
        else:
            copied += chars
    if copied >= MIN_SHARED_CHARS:
        return "copy"
    if reworded >= MIN_SHARED_CHARS:
        return "rewrite"
    return None
