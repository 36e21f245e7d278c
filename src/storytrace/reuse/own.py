"""An article's own material: the part found in no other article of its story.

Own spans are runs of at least ``min_passage_words`` words that no passage
(with any other article, in either role) covers and that are not boilerplate.
An article adds **independent** material when its own spans make up at least
``independent_share`` of its text and ``independent_min_chars`` characters:
new quotes, interviews or facts, not just a new headline and a credit line.

>>> from storytrace.models import Article, Span
>>> from storytrace.reuse.segments import prepare_text
>>> text = "Copied sentence one here. " * 2 + "Our reporter spoke to three witnesses at the port."
>>> article = Article("a", "a", text)
>>> own = own_material(prepare_text(article), [Span(0, 52)], None, ReuseSettings())
>>> own.own_spans, own.own_share
((Span(start=52, end=102),), 0.4902)
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from storytrace.models import OwnMaterial, Span
from storytrace.reuse.segments import MatchText
from storytrace.reuse.settings import ReuseSettings
from storytrace.reuse.shares import merged_spans


def _overlaps(covered: Sequence[Span], starts: Sequence[int], start: int, end: int) -> bool:
    index = bisect_right(starts, start) - 1
    for candidate in covered[max(index, 0) : index + 2]:
        if candidate.start < end and start < candidate.end:
            return True
    return False


def own_material(
    text: MatchText,
    reused: Sequence[Span],
    boilerplate: bytes | None,
    settings: ReuseSettings,
) -> OwnMaterial:
    """What of ``text`` no span of ``reused`` (original offsets) covers, and whether it is much."""
    covered = merged_spans(reused)
    starts = [span.start for span in covered]
    runs: list[tuple[int, int]] = []
    first = None
    for index in range(len(text.words) + 1):
        own = False
        if index < len(text.words):
            span = text.original_span(text.starts[index], text.ends[index])
            own = not _overlaps(covered, starts, span.start, span.end) and not (
                boilerplate and boilerplate[index]
            )
        if own and first is None:
            first = index
        elif not own and first is not None:
            if index - first >= settings.min_passage_words:
                runs.append((first, index))
            first = None
    spans: list[Span] = []
    for first_word, end_word in runs:
        start, end = text.extend_to_sentences(*text.word_span(first_word, end_word))
        spans.append(text.original_span(start, end))
    spans = merged_spans(spans)
    own_chars = sum(span.length for span in spans)
    share = round(own_chars / text.length, 4) if text.length else 0.0
    independent = (
        share >= settings.independent_share and own_chars >= settings.independent_min_chars
    )
    return OwnMaterial(text.article_id, share, tuple(spans), independent)
