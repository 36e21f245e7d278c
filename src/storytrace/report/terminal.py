"""Two articles side by side in a terminal, shared passages marked with their numbers.

Passage ``n`` opens with ``[n`` and closes with ``n]`` on both sides, wherever
it sits in each text, so reordered paragraphs still pair up by number.
Article text is printed as text; control characters are replaced so that an
article cannot drive the terminal.

>>> from storytrace.models import Article, Passage, Reuse, Span, Story, StoryAnalysis
>>> from storytrace.report.compare import compare_articles
>>> a = Article(id="a", source="a.txt", text="Fire at the port. Two hurt.")
>>> b = Article(id="b", source="b.txt", text="Two hurt. Fire at the port.")
>>> reuse = Reuse("a", "b", (Passage(Span(0, 17), Span(10, 27), "verbatim", 1.0),), 17, 0.6, 0.6)
>>> analysis = StoryAnalysis(Story("s", ("a", "b")), reuse=(reuse,))
>>> pair = compare_articles(analysis, {"a": a, "b": b}, "a", "b")
>>> lines = render_side_by_side(pair, width=60).splitlines()
>>> print(lines[3])
unknown outlet (a)           | unknown outlet (b)
>>> print(lines[5])
[1 Fire at the port. 1] Two  | Two hurt. [1 Fire at the
"""

from __future__ import annotations

import re
import textwrap
from itertools import zip_longest

from storytrace.report.compare import AnnotatedText, Comparison

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _safe(text: str) -> str:
    return _CONTROL.sub("\ufffd", text)


def _marked(side: AnnotatedText, pair: int | None) -> list[str]:
    paragraphs = []
    for paragraph in side.paragraphs:
        parts: list[str] = []
        open_number: int | None = None
        for segment in paragraph.segments:
            link = segment.link_for(pair)
            number = None if link is None else link.number
            if number != open_number:
                if open_number is not None:
                    parts.append(f" {open_number}]")
                if number is not None:
                    parts.append(f"[{number} ")
                open_number = number
            parts.append(_safe(segment.text))
        if open_number is not None:
            parts.append(f" {open_number}]")
        paragraphs.append("".join(parts))
    return paragraphs


def _column(side: AnnotatedText, pair: int | None, width: int) -> list[str]:
    lines: list[str] = []
    header = f"{side.outlet or 'unknown outlet'} ({side.article_id})"
    lines += [*textwrap.wrap(_safe(header), width), "-" * width]
    for paragraph in _marked(side, pair):
        lines += textwrap.wrap(paragraph, width) or [""]
        lines.append("")
    return lines


def render_side_by_side(comparison: Comparison, *, width: int = 120) -> str:
    """Both articles in two columns, each shared passage marked ``[n ... n]`` on both sides."""
    column = max(20, (width - 3) // 2)
    pair = None if comparison.pair is None else comparison.pair.pair
    if comparison.pair is None:
        summary = "These articles share no passage."
    else:
        summary = (
            f"{len(comparison.passages)} shared passage(s); "
            f"{comparison.pair.target_share:.0%} of the later article's text is shared "
            f"({comparison.pair.relation})."
        )
    left = _column(comparison.left, pair, column)
    right = _column(comparison.right, pair, column)
    rows = [f"{a:<{column}} | {b}".rstrip() for a, b in zip_longest(left, right, fillvalue="")]
    kinds = [f"[{p.number}] {p.kind}, similarity {p.similarity:.2f}" for p in comparison.passages]
    return "\n".join([summary, *kinds, "", *rows]).rstrip()
