"""Boilerplate that slipped through cleaning, recognised because unrelated stories share it.

A sentence that two articles of one story share is evidence of copying only
if it is not also in articles of other stories: "Sign up for our newsletter"
or an agency's standard disclaimer are in many. A :class:`Background` holds
the word n-grams found in at least ``background_min_documents`` articles of
other stories, hashed with a stable hash so that it can be built once, saved
or shipped to Spark workers, and used anywhere.

>>> from storytrace.models import Article
>>> footer = "Sign up for our newsletter to get the latest news every morning."
>>> others = [Article(str(n), "x", f"Story {n} here. " + footer) for n in range(3)]
>>> background = build_background(others, seed_words=5, min_documents=2)
>>> from storytrace.reuse.segments import prepare_text
>>> text = prepare_text(Article("s", "s", "Quake hits city. " + footer))
>>> list(boilerplate_mask(text, background))
[0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from storytrace.errors import ConfigurationError
from storytrace.models import Article
from storytrace.reuse.segments import MatchText, gram_hash, prepare_text


@dataclass(frozen=True, slots=True)
class Background:
    """Stable hashes of the word n-grams common to unrelated articles."""

    seed_words: int
    shingles: frozenset[int]


def _shingles(text: MatchText, seed_words: int) -> set[int]:
    if text.seed_words == seed_words:
        return set(text.gram_hashes)
    words = text.words
    return {gram_hash(words[i : i + seed_words]) for i in range(len(words) - seed_words + 1)}


def article_shingles(article: Article, *, seed_words: int = 5) -> frozenset[int]:
    """The stable hashes of an article's word n-grams (what :func:`build_background` counts)."""
    return frozenset(_shingles(prepare_text(article, seed_words=seed_words), seed_words))


def build_background(
    articles: Iterable[Article], *, seed_words: int = 5, min_documents: int = 2
) -> Background:
    """The n-grams that at least ``min_documents`` of ``articles`` contain.

    Give it articles of *other* stories (or a sample of an outlet's archive):
    what they share with each other is boilerplate, not news.
    """
    if seed_words < 1 or min_documents < 1:
        raise ConfigurationError(
            f"build_background(seed_words={seed_words}, min_documents={min_documents}): "
            "both must be >= 1"
        )
    counts: Counter[int] = Counter()
    for article in articles:
        counts.update(article_shingles(article, seed_words=seed_words))
    return Background(
        seed_words, frozenset(key for key, count in counts.items() if count >= min_documents)
    )


def boilerplate_mask(text: MatchText, background: Background | None) -> bytes | None:
    """One byte per word of ``text``: 1 where a background n-gram covers the word."""
    if background is None or not background.shingles:
        return None
    size = background.seed_words
    hashes = (
        text.gram_hashes
        if text.seed_words == size
        else [gram_hash(text.words[i : i + size]) for i in range(len(text.words) - size + 1)]
    )
    mask = bytearray(len(text.words))
    for i, value in enumerate(hashes):
        if value in background.shingles:
            mask[i : i + size] = b"\x01" * size
    return bytes(mask)
