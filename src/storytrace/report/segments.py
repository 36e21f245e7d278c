"""Cutting an article's text into paragraphs of marked segments, for highlighting.

Every view that highlights text (shared passages, own material, loaded
wording) goes through :func:`cut_text`, so highlighting is one algorithm: the
text is cut at every mark boundary and each piece carries the marks covering
it. Marks may overlap and come in any order; the pieces always rebuild the
text exactly, which is what makes highlighting tolerant of reordered passages.

>>> paragraphs = cut_text("Quake hits town.\\nAll safe.", (Mark(6, 10, "loaded"),))
>>> [(s.text, s.loaded) for s in paragraphs[0].segments]
[('Quake ', False), ('hits', True), (' town.', False)]
>>> paragraphs[1].segments[0].text
'All safe.'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import Literal

from storytrace.models import PassageKind

MarkKind = Literal["passage", "own", "loaded"]
"""What a mark highlights: a passage shared with another article, material found
in no other article of the story, or loaded wording."""

_PARAGRAPH = re.compile(r"[^\n]+")


@dataclass(frozen=True, slots=True)
class PassageLink:
    """A segment's part in a shared passage: which pair of articles, which passage.

    ``pair`` indexes the story's reuse records; ``number`` counts the pair's
    passages from 1 in reading order of the source; ``first`` is true on the
    first segment of the passage on this side (where its label goes).
    """

    pair: int
    number: int
    kind: PassageKind
    first: bool = False


@dataclass(frozen=True, slots=True)
class Mark:
    """A character range ``[start, end)`` to highlight, with what it means."""

    start: int
    end: int
    kind: MarkKind
    link: PassageLink | None = None


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of text with every mark covering all of it."""

    start: int
    end: int
    text: str
    own: bool = False
    loaded: bool = False
    links: tuple[PassageLink, ...] = ()

    @property
    def plain(self) -> bool:
        """Whether nothing marks this piece (it is written out as bare text)."""
        return not (self.own or self.loaded or self.links)

    @property
    def tokens(self) -> str:
        """The links as ``pair:number:first`` words, for the comparison script."""
        return " ".join(f"{x.pair}:{x.number}:{int(x.first)}" for x in self.links)

    def link_for(self, pair: int | None) -> PassageLink | None:
        """This segment's passage in the pair ``pair``, if any."""
        return next((x for x in self.links if x.pair == pair), None)


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One line of the text (a paragraph in every input storytrace reads)."""

    segments: tuple[Segment, ...]


def _piece(text: str, start: int, end: int, marks: Sequence[Mark]) -> Segment:
    covering = [m for m in marks if m.start <= start and m.end >= end and m.start < m.end]
    links = tuple(m.link for m in covering if m.link is not None)
    return Segment(
        start=start,
        end=end,
        text=text[start:end],
        own=any(m.kind == "own" for m in covering),
        loaded=any(m.kind == "loaded" for m in covering),
        links=links,
    )


def cut_segments(text: str, start: int, end: int, marks: Sequence[Mark]) -> tuple[Segment, ...]:
    """The range ``[start, end)`` of ``text`` cut at every mark boundary inside it."""
    inside = [m for m in marks if m.start < end and m.end > start]
    cuts = {start, end}
    for mark in inside:
        cuts.update(point for point in (mark.start, mark.end) if start < point < end)
    points = sorted(cuts)
    return tuple(_piece(text, a, b, inside) for a, b in pairwise(points))


def cut_text(text: str, marks: Sequence[Mark]) -> tuple[Paragraph, ...]:
    """``text`` as paragraphs (its non-empty lines) of segments cut at every mark boundary.

    Marks reaching outside the text are clipped to it; empty marks are ignored.
    """
    size = len(text)
    clipped = [
        Mark(max(0, min(m.start, size)), max(0, min(m.end, size)), m.kind, m.link) for m in marks
    ]
    paragraphs = []
    seen: set[tuple[int, int]] = set()
    for found in _PARAGRAPH.finditer(text):
        if not found.group().strip():
            continue
        segments = []
        for segment in cut_segments(text, found.start(), found.end(), clipped):
            links = []
            for link in segment.links:
                key = (link.pair, link.number)
                links.append(replace(link, first=key not in seen))
                seen.add(key)
            segments.append(replace(segment, links=tuple(links)))
        paragraphs.append(Paragraph(tuple(segments)))
    return tuple(paragraphs)
