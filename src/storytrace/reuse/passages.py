"""From matches to passages: merge neighbouring matches, classify, filter, map back.

Matches that lie close together in both texts merge into one passage (PAN's
"extension" step), so a copied paragraph is one passage, not one per sentence:

- in the same order, they merge when one side's gap is at most
  ``near_gap_chars`` and the other's at most ``far_gap_chars`` (a sentence
  deleted, or a clause inserted, on one side), unless that gap holds a whole
  paragraph (a paragraph skipped, or the copier's own paragraph in between);
- in crossed order (sentences shuffled), they merge only when both gaps are
  near and they share a paragraph on one side, so reordered paragraphs stay
  separate passages, each still verbatim.

A passage is ``verbatim`` when both sides have the same words in the same
order, ``translation`` or ``paraphrase`` when most of it was matched by
multilingual or English sentence embeddings, and ``edited`` otherwise.
Passages with too few matched words or content words (names and titles
alone), or made mostly of boilerplate, are dropped.

>>> from storytrace.models import Article
>>> from storytrace.reuse.segments import prepare_text
>>> from storytrace.reuse.settings import ReuseSettings
>>> a = prepare_text(Article("a", "a", "One two three four five six seven eight nine ten."))
>>> b = prepare_text(Article("b", "b", "one two three four five six seven eight nine ten"))
>>> match = Match((0, 10), (0, 10), "verbatim", 1.0)
>>> [(p.source_span, p.kind) for p in assemble_passages(a, b, [match], ReuseSettings())]
[(Span(start=0, end=49), 'verbatim')]
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from storytrace.models import Passage, PassageKind
from storytrace.reuse.matches import Match
from storytrace.reuse.segments import MatchText
from storytrace.reuse.settings import ReuseSettings

_REWORDED = frozenset({"paraphrase", "translation"})
"""Kinds matched by embeddings, whose similarity is a cosine rather than a word overlap."""


@dataclass(frozen=True, slots=True)
class _Box:
    """A group of matches and the character ranges it spans in each normalised text."""

    a_start: int
    a_end: int
    b_start: int
    b_end: int
    matches: tuple[Match, ...]

    def joined(self, other: _Box) -> _Box:
        return _Box(
            min(self.a_start, other.a_start),
            max(self.a_end, other.a_end),
            min(self.b_start, other.b_start),
            max(self.b_end, other.b_end),
            self.matches + other.matches,
        )


def _box(match: Match, a: MatchText, b: MatchText) -> _Box:
    a_start, a_end = a.word_span(*match.a_words)
    b_start, b_end = b.word_span(*match.b_words)
    return _Box(a_start, a_end, b_start, b_end, (match,))


def _gap(start: int, end: int, other_start: int, other_end: int) -> tuple[int, int]:
    """The range between two ranges (empty when they overlap)."""
    if end <= other_start:
        return end, other_start
    if other_end <= start:
        return other_end, start
    return 0, 0


def _holds_paragraph(text: MatchText, gap: tuple[int, int]) -> bool:
    start, end = gap
    if end <= start:
        return False
    index = bisect_left(text.paragraphs, (start,))
    return index < len(text.paragraphs) and text.paragraphs[index][1] <= end


def _mergeable(x: _Box, y: _Box, a: MatchText, b: MatchText, settings: ReuseSettings) -> bool:
    gap_a = _gap(x.a_start, x.a_end, y.a_start, y.a_end)
    gap_b = _gap(x.b_start, x.b_end, y.b_start, y.b_end)
    size_a, size_b = gap_a[1] - gap_a[0], gap_b[1] - gap_b[0]
    near, far = settings.near_gap_chars, settings.far_gap_chars
    if (x.a_start <= y.a_start) == (x.b_start <= y.b_start) or not size_a or not size_b:
        if min(size_a, size_b) > near or max(size_a, size_b) > far:
            return False
        return not (_holds_paragraph(a, gap_a) or _holds_paragraph(b, gap_b))
    if size_a > near or size_b > near:
        return False
    start_a, end_a = min(x.a_start, y.a_start), max(x.a_end, y.a_end)
    start_b, end_b = min(x.b_start, y.b_start), max(x.b_end, y.b_end)
    return a.paragraph_at(start_a) == a.paragraph_at(end_a - 1) or b.paragraph_at(
        start_b
    ) == b.paragraph_at(end_b - 1)


def _merge(boxes: list[_Box], a: MatchText, b: MatchText, settings: ReuseSettings) -> list[_Box]:
    """Single-linkage merging until no two groups are mergeable."""
    boxes = sorted(boxes, key=lambda box: (box.b_start, box.a_start))
    merged = True
    while merged:
        merged = False
        result: list[_Box] = []
        far = settings.far_gap_chars
        for box in boxes:
            for index in range(len(result) - 1, -1, -1):
                other = result[index]
                if other.b_start - box.b_end > far or box.b_start - other.b_end > far:
                    continue
                if _mergeable(other, box, a, b, settings):
                    result[index] = other.joined(box)
                    merged = True
                    break
            else:
                result.append(box)
        boxes = result
    return boxes


def _matched_words(ranges: Sequence[tuple[int, int]]) -> set[int]:
    return {position for first, end in ranges for position in range(first, end)}


def _kind(box: _Box, a: MatchText, b: MatchText) -> PassageKind:
    first_a, end_a = a.words_in(box.a_start, box.a_end)
    first_b, end_b = b.words_in(box.b_start, box.b_end)
    if a.words[first_a:end_a] == b.words[first_b:end_b]:
        return "verbatim"
    lexical = _matched_words([m.b_words for m in box.matches if m.kind not in _REWORDED])
    translated = _matched_words([m.b_words for m in box.matches if m.kind == "translation"])
    reworded = _matched_words([m.b_words for m in box.matches if m.kind == "paraphrase"])
    if len(translated - lexical) > len(lexical):
        return "translation"
    return "paraphrase" if len(reworded - lexical) > len(lexical) else "edited"


def _similarity(box: _Box, kind: PassageKind, a: MatchText, b: MatchText) -> float:
    if kind == "verbatim":
        return 1.0
    if kind in _REWORDED:
        weights = [m.b_words[1] - m.b_words[0] for m in box.matches]
        total = sum(weights)
        return sum(w * m.similarity for w, m in zip(weights, box.matches, strict=True)) / total
    first_a, end_a = a.words_in(box.a_start, box.a_end)
    first_b, end_b = b.words_in(box.b_start, box.b_end)
    bag_a = Counter(a.words[first_a:end_a])
    bag_b = Counter(b.words[first_b:end_b])
    return 2 * (bag_a & bag_b).total() / (bag_a.total() + bag_b.total())


def _substantial(box: _Box, a: MatchText, b: MatchText, settings: ReuseSettings) -> bool:
    """Enough matched words on both sides, and enough content words among them."""
    matched_a = _matched_words([m.a_words for m in box.matches])
    matched_b = _matched_words([m.b_words for m in box.matches])
    if min(len(matched_a), len(matched_b)) < settings.min_passage_words:
        return False
    content = sum(1 for position in matched_b if b.content[position])
    return content >= settings.min_content_words


def _boilerplate_share(text: MatchText, start: int, end: int, mask: bytes | None) -> float:
    if mask is None:
        return 0.0
    first, last = text.words_in(start, end)
    return sum(mask[first:last]) / (last - first) if last > first else 0.0


def assemble_passages(
    a: MatchText,
    b: MatchText,
    matches: Sequence[Match],
    settings: ReuseSettings,
    *,
    boilerplate_a: bytes | None = None,
    boilerplate_b: bytes | None = None,
) -> tuple[Passage, ...]:
    """Merge, classify and filter ``matches`` into passages with spans of the original texts.

    ``boilerplate_a`` and ``boilerplate_b`` mark, one byte per word, the words
    that boilerplate n-grams cover (see :mod:`storytrace.reuse.boilerplate`).
    """
    boxes = _merge([_box(m, a, b) for m in matches], a, b, settings)
    passages: list[Passage] = []
    for box in boxes:
        if not _substantial(box, a, b, settings):
            continue
        share = max(
            _boilerplate_share(a, box.a_start, box.a_end, boilerplate_a),
            _boilerplate_share(b, box.b_start, box.b_end, boilerplate_b),
        )
        if share >= settings.boilerplate_share:
            continue
        kind = _kind(box, a, b)
        similarity = _similarity(box, kind, a, b)
        a_start, a_end = a.extend_to_sentences(box.a_start, box.a_end)
        b_start, b_end = b.extend_to_sentences(box.b_start, box.b_end)
        passages.append(
            Passage(
                source_span=a.original_span(a_start, a_end),
                target_span=b.original_span(b_start, b_end),
                kind=kind,
                similarity=round(similarity, 4),
            )
        )
    passages.sort(key=lambda p: (p.source_span.start, p.target_span.start))
    return tuple(passages)
