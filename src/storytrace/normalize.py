"""The normalised form of a text, used for matching but never shown or stored as the text.

Copies of a news story differ in ways that do not change what they say:
compatibility forms (full-width letters, ligatures), curly and straight quotes,
dash variants, letter case, runs of whitespace, and look-alike letters from
other scripts that spam copies swap in to dodge copy detection (Cyrillic
U+0430 for Latin "a"). :func:`normalize_for_matching` folds all of these and keeps,
for every character of the result, the offset of the original character it
came from, so that a match found in the normalised form can be reported as a
span of the original text.

>>> folded = normalize_for_matching("H\\u0430ft\\u0430r\\u2019s  \\u201cforces\\u201d")
>>> folded.text
'haftar\\'s "forces"'
>>> folded.original_span(0, 6)
(0, 6)
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache

_QUOTES = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u0060": "'",
    "\u00b4": "'",
    "\u02bc": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u2033": '"',
    "\u00ab": '"',
    "\u00bb": '"',
}
_DASHES = dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d", "-")


@dataclass(frozen=True, slots=True)
class Normalized:
    """A normalised text and, per character, the offset it came from in the original.

    ``offsets`` has one entry more than ``text``: the last is the original
    text's length, so that an end offset always maps.
    """

    text: str
    offsets: tuple[int, ...]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map ``[start, end)`` in the normalised text to the original text."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(
                f"span ({start}, {end}) is outside the normalised text of length {len(self.text)}"
            )
        if start == end:
            return self.offsets[start], self.offsets[start]
        return self.offsets[start], self.offsets[end - 1] + 1


@cache
def _lookalike_table() -> dict[str, str]:
    """Non-Latin letters that Unicode lists as confusable with one ASCII letter."""
    from confusable_homoglyphs import confusables

    table: dict[str, str] = {}
    for char, glyphs in confusables.confusables_data.items():
        if len(char) != 1 or char.isascii() or not char.isalpha():
            continue
        for glyph in glyphs:
            target = glyph["c"]
            if len(target) == 1 and target.isascii() and target.isalpha():
                table[char] = target
                break
    return table


def _is_latin(char: str) -> bool:
    return char.isascii() or unicodedata.name(char, "").startswith("LATIN")


def _fold_lookalikes(text: str) -> str:
    """Swap look-alike letters for Latin ones where the context is Latin.

    A Cyrillic letter is folded only inside a word that also has Latin letters,
    or anywhere in a text whose letters are mostly Latin, so genuine Russian
    or Greek text keeps its own letters.
    """
    table = _lookalike_table()
    if not any(char in table for char in text):
        return text
    letters = [char for char in text if char.isalpha()]
    mostly_latin = sum(_is_latin(char) for char in letters) * 2 > len(letters)
    chars = list(text)
    word_start = 0
    for index in range(len(chars) + 1):
        if index < len(chars) and chars[index].isalpha():
            continue
        word = chars[word_start:index]
        if mostly_latin or any(char.isascii() for char in word):
            for offset, char in enumerate(word):
                if char in table:
                    chars[word_start + offset] = table[char]
        word_start = index + 1
    return "".join(chars)


def disguised_words(text: str) -> int:
    """How many words mix Latin letters with look-alike letters of another script.

    Nobody types "H\u0430ftar" with a Cyrillic "\u0430": spam copies swap letters so that
    copy detectors miss them, so such words mark the copy, never the source.

    >>> disguised_words("H\u0430ft\u0430r and Benina")
    1
    >>> disguised_words("\u041c\u043e\u0441\u043a\u0432\u0430")  # Moscow, in Russian
    0
    """
    table = _lookalike_table()
    if not any(char in table for char in text):
        return 0
    count = 0
    for word in text.split():
        letters = [char for char in word if char.isalpha()]
        if any(char in table for char in letters) and any(char.isascii() for char in letters):
            count += 1
    return count


def normalize_for_matching(text: str) -> Normalized:
    """Fold compatibility forms, quotes, dashes, case, whitespace and look-alike letters."""
    text = _fold_lookalikes(text)
    out: list[str] = []
    offsets: list[int] = []
    pending_space = False
    for index, char in enumerate(text):
        if char.isspace():
            pending_space = bool(out)
            continue
        folded = _QUOTES.get(char) or _DASHES.get(char)
        if folded is None:
            folded = unicodedata.normalize("NFKC", char).casefold()
            folded = "".join(_QUOTES.get(c) or _DASHES.get(c) or c for c in folded)
        if not folded:
            continue
        if pending_space:
            out.append(" ")
            offsets.append(index - 1)
            pending_space = False
        out.extend(folded)
        offsets.extend([index] * len(folded))
    offsets.append(len(text))
    return Normalized("".join(out), tuple(offsets))
