"""Article text the extractor missed, put back: body continuations and dropped words.

**Continuations.** Some layouts cut the article body into several sibling containers with the
same markup (``<div class="article__body">`` ... an advertisement row ...
``<div class="article__body">``); trafilatura then keeps the first one only.
A container is taken for a continuation of the body when it has the same tag
and class as the container of at least :data:`MIN_PARAGRAPHS` kept
paragraphs, and holds at least :data:`MIN_PARAGRAPHS` paragraphs of
:data:`PARAGRAPH_WORDS` words or more of which none was kept. Its paragraphs are
inserted after the text that precedes them on the page.

A lone paragraph in such a container is not taken back: precision mode drops
"Subscribe to our newsletter" lines that sites put in body-styled boxes.

**Dropped words.** trafilatura sometimes drops a link or an inline element
from the middle of a sentence ("reported that [the NFL will fine Rudolph] for
his role"), which changes what the sentence says.
:func:`restore_dropped_words` replaces such a line with the page paragraph it
came from when the line's words are, in order, most of that paragraph's.

>>> import lxml.html
>>> from storytrace.extract.blocks import page_blocks
>>> words = "has enough words to count as text."
>>> part = "<div class='body'><p>{0} one " + words + "</p><p>{0} two " + words + "</p></div>"
>>> page = lxml.html.fromstring(
...     "<html><body>" + part.format("Paragraph") + "<aside>Ad</aside>"
...     + part.format("Later paragraph") + "</body></html>"
... )
>>> text = f"Paragraph one {words}\\nParagraph two {words}"
>>> print(add_continuations(text, page_blocks(page)))
Paragraph one has enough words to count as text.
Paragraph two has enough words to count as text.
Later paragraph one has enough words to count as text.
Later paragraph two has enough words to count as text.
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from collections.abc import Sequence

from lxml.html import HtmlElement

from storytrace.extract.blocks import PARAGRAPH_WORDS, Block, TextIndex, word_key

MIN_PARAGRAPHS = 2
"""Paragraphs needed both to recognise the body's container and to take a continuation."""

MIN_KEPT_SHARE = 0.6
"""A line is a paragraph with dropped words if it keeps at least this share of its words."""


def _signature(element: HtmlElement) -> tuple[str, str] | None:
    parent = element.getparent()
    if parent is None or not parent.get("class", "").strip():
        return None
    return str(parent.tag), " ".join(parent.get("class", "").split())


def _is_paragraph(block: Block) -> bool:
    return block.element.tag == "p" and len(block.text.split()) >= PARAGRAPH_WORDS


class _LineFinder:
    """Finds, in page order, the line of the text where a kept block ends."""

    def __init__(self, lines: Sequence[str]) -> None:
        self._starts: list[int] = []
        joined: list[str] = []
        length = 0
        for line in lines:
            self._starts.append(length)
            key = word_key(line).replace(" ", "") + "|"
            joined.append(key)
            length += len(key)
        self._joined = "".join(joined)
        self._position = 0

    def line_of(self, text: str) -> int | None:
        key = word_key(text).replace(" ", "")
        if not key:
            return None
        found = self._joined.find(key, self._position)
        if found == -1:
            found = self._joined.find(key)
        if found == -1:
            return None
        self._position = found
        return bisect.bisect_right(self._starts, found + len(key) - 1) - 1


def add_continuations(text: str, blocks: Sequence[Block]) -> str:
    """``text`` with the paragraphs of the body's continuation containers inserted."""
    index = TextIndex(text)
    kept = [index.contains(block.text) for block in blocks]
    kept_parents = {b.element.getparent() for b, k in zip(blocks, kept, strict=True) if k}
    body_signatures = Counter(
        signature
        for block, is_kept in zip(blocks, kept, strict=True)
        if is_kept and _is_paragraph(block) and (signature := _signature(block.element))
    )
    finder = _LineFinder(text.split("\n"))
    last_line = -1
    candidates: list[tuple[int, Block]] = []
    for block, is_kept in zip(blocks, kept, strict=True):
        if is_kept:
            line = finder.line_of(block.text)
            last_line = last_line if line is None else line
        elif (
            _is_paragraph(block)
            and (signature := _signature(block.element)) is not None
            and body_signatures[signature] >= MIN_PARAGRAPHS
            and block.element.getparent() not in kept_parents
        ):
            candidates.append((last_line, block))
    per_container = Counter(block.element.getparent() for _, block in candidates)
    inserted: defaultdict[int, list[str]] = defaultdict(list)
    for line, block in candidates:
        if per_container[block.element.getparent()] >= MIN_PARAGRAPHS:
            inserted[line].append(block.text)
    if not inserted:
        return text
    lines = list(inserted.get(-1, []))
    for number, line_text in enumerate(text.split("\n")):
        lines.append(line_text)
        lines.extend(inserted.get(number, []))
    return "\n".join(lines)


def _in_order(words: Sequence[str], within: Sequence[str]) -> bool:
    remaining = iter(within)
    return all(word in remaining for word in words)


def restore_dropped_words(text: str, blocks: Sequence[Block]) -> str:
    """``text`` where each line that lost words of its page paragraph is that paragraph.

    >>> import lxml.html
    >>> from storytrace.extract.blocks import page_blocks
    >>> page = lxml.html.fromstring(
    ...     "<html><body><p>The agency <a>said on Monday that it</a> will fine the club "
    ...     "for its role.</p></body></html>"
    ... )
    >>> restore_dropped_words("The agency will fine the club for its role.", page_blocks(page))
    'The agency said on Monday that it will fine the club for its role.'
    """
    index = TextIndex(text)
    by_first_word: defaultdict[str, list[tuple[list[str], str]]] = defaultdict(list)
    for block in blocks:
        words = word_key(block.text).split()
        if len(words) >= PARAGRAPH_WORDS and not index.contains(block.text):
            by_first_word[words[0]].append((words, block.text))
    if not by_first_word:
        return text
    lines = text.split("\n")
    for number, line in enumerate(lines):
        words = word_key(line).split()
        if not words:
            continue
        for paragraph_words, paragraph in by_first_word.get(words[0], ()):
            if MIN_KEPT_SHARE * len(paragraph_words) <= len(words) < len(
                paragraph_words
            ) and _in_order(words, paragraph_words):
                lines[number] = paragraph
                break
    return "\n".join(lines)
