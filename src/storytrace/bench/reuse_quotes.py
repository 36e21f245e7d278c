"""Quotations and official statements that independent reports share word for word.

Two outlets that write their own reports of one event often quote the same
sentence of a spokesman, or reproduce the same statement of a company or the
police. They then share a run of words without either copying the other. The
generator makes such negatives by putting a quotation taken from the origin
(text inside quotation marks, with its own attribution wording), or one
official statement (identical text, each article framing it its own way),
into an independent report of the same event.

>>> find_quotations(['"We are all shocked and saddened by the loss of our friend," he said.'])
[(0, 'We are all shocked and saddened by the loss of our friend')]
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence

from storytrace.bench.reuse_operations import find_names
from storytrace.bench.reuse_sources import word_grams

MIN_QUOTE_WORDS = 10
"""A shared quotation has at least this many words (shorter ones are stock phrases)."""

_QUOTATION = re.compile(r"[\"\u201c](?P<text>[^\"\u201c\u201d]+)[\"\u201d]")
_WORD = re.compile(r"\w+")
_QUOTE_FRAMES = (
    '{Who} told reporters: "{q}."',
    '"{q}," {who} said in remarks carried by local media.',
    'Speaking to the press, {who} said: "{q}."',
    '"{q}," {who} was quoted as saying.',
    'In comments later on, {who} said: "{q}."',
    '{Who} put it this way: "{q}."',
)
_STATEMENT_FRAMES = (
    'In a statement, {who} said: "{t}"',
    '"{t}" {who} said in a statement.',
    'A statement issued by {who} read: "{t}"',
    '{Who} said in a written statement: "{t}"',
    'The statement from {who}, released on the same day, said: "{t}"',
    "The full statement from {who} reads: {t}",
    "{Who} issued the following statement: {t}",
)
_ISSUERS = (
    "officials",
    "police",
    "a spokesperson",
    "the family",
    "the authorities",
    "the organisers",
    "the company",
    "a spokesman for the agency",
)


def find_quotations(sentences: Sequence[str]) -> list[tuple[int, str]]:
    """``(sentence index, quoted text)`` of every quotation of :data:`MIN_QUOTE_WORDS` words or
    more, its closing punctuation left out."""
    found: list[tuple[int, str]] = []
    for index, sentence in enumerate(sentences):
        for match in _QUOTATION.finditer(sentence):
            text = match["text"].strip().rstrip(",.;:!? ").strip()
            if len(_WORD.findall(text)) >= MIN_QUOTE_WORDS:
                found.append((index, text))
    return found


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def quote_paragraph(quote: str, context: str, rng: random.Random) -> str:
    """``quote`` as another outlet puts it: the same words, its own attribution wording.

    The speaker is the first name in ``context`` (the origin's sentence), if any.
    """
    names = find_names(" " + context)
    who = names[0] if names else rng.choice(("a spokesperson", "an official", "one witness"))
    frame = rng.choice(_QUOTE_FRAMES)
    return frame.format(q=quote, who=who, Who=_capitalised(who))


def statement_text(sentences: Sequence[str]) -> str:
    """The text of a statement made of ``sentences``, with inner quotation marks made single."""
    return " ".join(
        s.replace('"', "'").replace("\u201c", "'").replace("\u201d", "'") for s in sentences
    )


def statement_paragraphs(text: str, rng: random.Random) -> tuple[str, str]:
    """Two framings of one statement ``text``, each in its own words, the text identical."""
    who = rng.choice(_ISSUERS)
    first, second = rng.sample(_STATEMENT_FRAMES, 2)
    return (
        first.format(t=text, who=who, Who=_capitalised(who)),
        second.format(t=text, who=who, Who=_capitalised(who)),
    )


def shared_runs(text: str, shared: Sequence[str], size: int = 8) -> bool:
    """Whether ``text`` holds a run of ``size`` words of one of the ``shared`` texts.

    >>> shared_runs("He said: we will rebuild the school before the winter comes.",
    ...             ["We will rebuild the school before the winter comes, he said"])
    True
    """
    grams = word_grams([text], size)
    return any(word_grams([piece], size) & grams for piece in shared)
