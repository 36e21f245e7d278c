"""Words that are someone else's: quotations and the text of official statements.

Two outlets that quote the same speaker, or reproduce the same press release,
share words without either copying the other: the words belong to the
speaker or the issuer. :func:`quoted_words` marks, for each word of a
:class:`~storytrace.reuse.segments.MatchText`, whether it lies

- between quotation marks: double quotes of every script (folded to ``"`` by
  :func:`storytrace.normalize.normalize_for_matching`, guillemets and low-9
  marks included), corner brackets, and single quotes used as quotation marks
  (an opening mark before a word, a closing one after it; an apostrophe inside
  a word such as "Haftar's" is not a quotation mark). A quotation may run over
  several paragraphs or lines: a paragraph that opens one and never closes it
  is quoted to its end, and one that starts with a closing mark (after a word,
  before a space or punctuation) is quoted up to it;
- in a sentence that presents the content of a statement, release or
  communiqué ("The ministry said in a statement that..."), named by the words
  in :data:`STATEMENT_WORDS` (English, French, Spanish, Portuguese, Italian,
  German, Russian, Arabic).

>>> from storytrace.models import Article
>>> from storytrace.reuse.segments import prepare_text
>>> text = prepare_text(Article("a", "a", 'The mayor said: "We will rebuild." It rained.'))
>>> [w for w, q in zip(text.words, quoted_words(text)) if q]
['we', 'will', 'rebuild']
"""

from __future__ import annotations

import re

from storytrace.reuse.segments import MatchText

STATEMENT_WORDS = re.compile(
    r"\b(?:statements?|press releases?|news releases?|communiqu[eé]s?|d[eé]clarations?|"
    r"comunicados?|comunicato|comunicati|nota oficial|nota ufficiale|pressemitteilung|"
    r"mitteilung|erkl[aä]rung|заявлени\w*|пресс-релиз\w*|коммюнике|بيان)",
)
"""Nouns that name an official text whose words outlets reproduce (lower case, normalised)."""

_CORNERS = {"「": "」", "『": "』"}
_OPENING_SINGLE = re.compile(r"(?:^|(?<=[\s(\[—-]))'(?=\w)")
_CLOSING_SINGLE = re.compile(r"(?<=[\w.,!?])'(?=$|[\s.,;:!?)\]—-])")


def _closes(paragraph: str, position: int) -> bool:
    """Whether the quotation mark at ``position`` looks like a closing one: it follows a
    word or punctuation and is followed by a space, punctuation or the end."""
    before = paragraph[position - 1] if position else " "
    after = paragraph[position + 1] if position + 1 < len(paragraph) else " "
    return not before.isspace() and (after.isspace() or after in ".,;:!?)]")


def _quote_ranges(paragraph: str) -> list[tuple[int, int]]:
    """``[start, end)`` ranges of one paragraph that are inside quotation marks."""
    ranges: list[tuple[int, int]] = []
    opened: int | None = None
    for position, character in enumerate(paragraph):
        if character != '"':
            continue
        if opened is not None:
            ranges.append((opened, position + 1))
            opened = None
        elif _closes(paragraph, position):
            # The end of a quotation that began in an earlier paragraph or line.
            ranges.append((0, position + 1))
        else:
            opened = position
    if opened is not None:
        ranges.append((opened, len(paragraph)))
    for opening, closing in _CORNERS.items():
        for match in re.finditer(re.escape(opening) + r"[^" + closing + r"]*(?:" + closing + "|$)",
                                 paragraph):  # fmt: skip
            ranges.append(match.span())
    closers = [m.start() for m in _CLOSING_SINGLE.finditer(paragraph)]
    for match in _OPENING_SINGLE.finditer(paragraph):
        # A single quotation mark closes within the sentence or two that follow.
        end = next((c for c in closers if match.start() < c <= match.start() + 400), None)
        if end is not None:
            ranges.append((match.start(), end + 1))
    return ranges


def quoted_words(text: MatchText) -> bytes:
    """One byte per word of ``text``: 1 inside a quotation or a statement's sentence, else 0."""
    folded = text.normalized.text
    marked = bytearray(len(text.words))
    character_ranges: list[tuple[int, int]] = []
    for paragraph_start, paragraph_end in text.paragraphs:
        character_ranges.extend(
            (paragraph_start + start, paragraph_start + end)
            for start, end in _quote_ranges(folded[paragraph_start:paragraph_end])
        )
    for sentence in text.sentences:
        if STATEMENT_WORDS.search(folded, sentence.start, sentence.end):
            character_ranges.append((sentence.start, sentence.end))
    if not character_ranges:
        return bytes(marked)
    inside = bytearray(len(folded) + 1)
    for start, end in character_ranges:
        inside[start:end] = b"\x01" * (end - start)
    for index, (start, end) in enumerate(zip(text.starts, text.ends, strict=True)):
        if inside[start] and inside[end - 1]:
            marked[index] = 1
    return bytes(marked)
