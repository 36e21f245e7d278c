"""The visible text blocks of a page, and which of them the main text left out.

A block is the text between two block-level boundaries (a paragraph, a list
item, a heading, a table cell, a ``<br>``...), with inline markup joined and
whitespace collapsed. Script, style, template and other never-rendered content
is skipped. :func:`left_out_blocks` compares blocks with the extracted text on a
word key (letters and digits only), so spacing or punctuation that the
extractor changed does not make a kept block look dropped.

>>> import lxml.html
>>> page = lxml.html.fromstring(
...     "<html><body><nav>Home</nav><p>A quake <b>hit</b>.</p></body></html>"
... )
>>> [block.text for block in page_blocks(page)]
['Home', 'A quake hit.']
>>> left_out_blocks(page_blocks(page), "A quake hit.")
('Home',)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from lxml import etree
from lxml.html import HtmlElement

_SKIPPED = frozenset(
    {"script", "style", "noscript", "template", "head", "svg", "math", "iframe", "object"}
)
"""Elements whose content a browser does not render as page text."""

_BLOCK_LEVEL = frozenset(
    """address article aside blockquote body br caption dd details dialog div dl dt fieldset
    figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main menu
    nav ol option p pre section summary table tbody td tfoot th thead tr ul""".split()
)

_WORD = re.compile(r"\w+")

PARAGRAPH_WORDS = 8
"""A block of at least this many words reads as a paragraph, not a menu item or a label."""

SHORT_BLOCK_WORDS = 4
"""Blocks of fewer words count as kept only when they are a whole line of the text."""


@dataclass(frozen=True, slots=True)
class Block:
    """One visible text block of a page and the element that holds it."""

    text: str
    element: HtmlElement


def page_blocks(root: HtmlElement) -> tuple[Block, ...]:
    """The page's visible text blocks in page order, blank ones dropped."""
    blocks: list[Block] = []
    pieces: list[str] = []
    holders: list[HtmlElement] = []

    def flush() -> None:
        text = " ".join("".join(pieces).split())
        if text:
            blocks.append(Block(text, holders[-1]))
        pieces.clear()

    skipping: HtmlElement | None = None
    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        if skipping is not None:
            if event == "end" and element is skipping:
                skipping = None
                if element.tail:
                    pieces.append(element.tail)
            continue
        if event == "start":
            if not tag or tag in _SKIPPED:
                # comments and processing instructions have no rendered text either
                skipping = element
                continue
            if tag in _BLOCK_LEVEL:
                flush()
                holders.append(element)
            elif not holders:
                holders.append(element)
            if element.text:
                pieces.append(element.text)
        else:
            if tag in _BLOCK_LEVEL:
                flush()
                if len(holders) > 1:
                    holders.pop()
            if element.tail:
                pieces.append(element.tail)
    flush()
    return tuple(blocks)


def paragraph_words(blocks: Sequence[Block]) -> int:
    """How many words the page shows in paragraph-length blocks."""
    return sum(count for block in blocks if (count := len(block.text.split())) >= PARAGRAPH_WORDS)


def word_key(text: str) -> str:
    """``text`` reduced to its lower-cased words, one space apart, for containment tests."""
    return " ".join(_WORD.findall(text.casefold()))


class TextIndex:
    """Answers "does this block appear in the extracted text?" cheaply.

    A block of fewer than :data:`SHORT_BLOCK_WORDS` words must be a whole
    line of the text: the menu item "Weather" is not kept because a sentence
    mentions the weather.

    >>> index = TextIndex("A quake hit the city.\\nWeather")
    >>> index.contains("quake hit the  City"), index.contains("Weather"), index.contains("the city")
    (True, True, False)
    """

    __slots__ = ("_joined", "_lines")

    def __init__(self, text: str) -> None:
        keys = [word_key(line) for line in text.split("\n")]
        self._lines = frozenset(keys)
        # extractors sometimes drop or add a space between inline elements
        self._joined = "|".join(key.replace(" ", "") for key in keys)

    def contains(self, block: str) -> bool:
        key = word_key(block)
        if not key:
            return True
        if key.count(" ") + 1 < SHORT_BLOCK_WORDS:
            return key in self._lines
        return key.replace(" ", "") in self._joined


def left_out_blocks(blocks: Sequence[Block], text: str) -> tuple[str, ...]:
    """The blocks not found in ``text``, in page order, each repeated text listed once."""
    index = TextIndex(text)
    seen: set[str] = set()
    left_out: list[str] = []
    for block in blocks:
        if block.text in seen or index.contains(block.text):
            continue
        seen.add(block.text)
        left_out.append(block.text)
    return tuple(left_out)
