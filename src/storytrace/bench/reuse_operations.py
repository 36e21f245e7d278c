"""The copy-editing operations of the reuse corpus generator, each a pure function of a seeded RNG.

Copiers of news change text in a few typical ways; each function here does one
of them to a sentence or a paragraph and nothing else, so the generator
(:mod:`storytrace.bench.reuse_corpus`) knows exactly what a copy is made of:

- light editing: a few words swapped for synonyms, an adverb inserted or
  dropped (``edited`` reuse; rewording proper is :mod:`storytrace.bench.reuse_rewording`);
- look-alike letters: Cyrillic letters that look Latin, as spam copies use;
- headline rewrites and name swaps (an unrelated article made to share names).

>>> import random
>>> edit_sentence("Police said the fire killed two people near the city.", random.Random(3))
'Officers said the fire then killed 2 people near the city.'
"""

from __future__ import annotations

import random
import re

from storytrace.bench.reuse_rewording import swap_synonyms

_INSERTIONS = ("reportedly", "also", "now", "reportedly also", "later", "then")
_DELETABLE = frozenset({"very", "also", "just", "still", "now", "then", "reportedly", "really"})
_LOOKALIKES = dict(
    zip(
        "aeopcxyiABEHKMOPCTX",
        "\u0430\u0435\u043e\u0440\u0441\u0445\u0443\u0456\u0410\u0412\u0415\u041d\u041a"
        "\u041c\u041e\u0420\u0421\u0422\u0425",
        strict=True,
    )
)
_NAME = re.compile(r"(?<=[a-z,;] )[A-Z][a-z]+(?: [A-Z][a-z]+)+")


def edit_sentence(sentence: str, rng: random.Random) -> str:
    """Light editing: a few synonyms, and an adverb inserted or dropped."""
    edited = swap_synonyms(sentence, rng, rate=0.3)
    words = edited.split(" ")
    deletable = [i for i, word in enumerate(words) if word.lower() in _DELETABLE]
    if deletable and rng.random() < 0.5:
        del words[rng.choice(deletable)]
        return " ".join(words)
    # An adverb goes before a past participle or past tense ("was reportedly killed").
    verbs = [
        i
        for i, word in enumerate(words)
        if i >= 1 and word.islower() and word.endswith("ed") and '"' not in word
    ]
    if verbs:
        words.insert(rng.choice(verbs), rng.choice(_INSERTIONS))
    return " ".join(words)


def add_lookalikes(text: str, rng: random.Random, *, rate: float = 0.3) -> str:
    """Swap about ``rate`` of the swappable Latin letters for Cyrillic look-alikes."""
    return "".join(
        _LOOKALIKES[char] if char in _LOOKALIKES and rng.random() < rate else char for char in text
    )


def rewrite_headline(headline: str, rng: random.Random) -> str:
    """A new headline that keeps at most a name or two of the old one."""
    names = _NAME.findall(" " + headline) or [w for w in headline.split() if w[:1].isupper()][:2]
    subject = " ".join(names[:1]) if names else "the story"
    template = rng.choice(
        (
            "What we know so far about {}",
            "{}: the questions that remain",
            "Live updates: {}",
            "Everything you need to know about {}",
        )
    )
    return template.format(subject)


def swap_names(text: str, names: list[str]) -> str:
    """Replace every multi-word name in ``text`` with one of ``names``, in turn."""
    if not names:
        return text
    mapping: dict[str, str] = {}

    def replace(match: re.Match[str]) -> str:
        found = match.group()
        if found not in mapping:
            mapping[found] = names[len(mapping) % len(names)]
        return mapping[found]

    return _NAME.sub(replace, text)


def find_names(text: str) -> list[str]:
    """Multi-word capitalised names inside sentences, in order of first use."""
    return list(dict.fromkeys(_NAME.findall(text)))
