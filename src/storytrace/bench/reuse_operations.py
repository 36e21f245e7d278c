"""The rewriting operations of the reuse corpus generator, each a pure function of a seeded RNG.

Copiers of news change text in a few typical ways; each function here does one
of them to a sentence or a paragraph and nothing else, so the generator
(:mod:`storytrace.bench.reuse_corpus`) knows exactly what a copy is made of:

- word substitution from a small hand-made synonym table, plus inserted and
  deleted adverbs (``edited`` reuse);
- rule-based rewording: every word with a synonym swapped, and the attribution
  clause moved ("X, police said." becomes "Police said that x.") - a stand-in for
  paraphrase without a generation model, lexically closer to the source than
  human paraphrase;
- look-alike letters: Cyrillic letters that look Latin, as spam copies use;
- credit lines and attribution clauses naming the source outlet;
- headline rewrites and name swaps (an unrelated article made to share names).

>>> import random
>>> substitute_words("Police said the fire killed two people.", random.Random(3), rate=1.0)
'Officers stated the blaze slain two individuals.'
"""

from __future__ import annotations

import random
import re

SYNONYMS: dict[str, str] = dict(
    pair.split(":")
    for pair in """about:around after:following also:additionally announced:declared
    arrested:detained attack:assault attempt:try battle:fight began:started believe:think
    biggest:largest building:structure buy:purchase called:named charged:accused chief:head
    city:town company:firm confirmed:verified country:nation crash:collision damage:destruction
    deal:agreement decision:ruling died:perished earlier:previously expected:anticipated
    fans:supporters fire:blaze following:after former:ex game:match group:organisation
    help:assist helped:assisted hospital:clinic however:but injured:hurt
    investigation:probe killed:slain large:big later:afterwards leader:head made:created
    many:numerous meeting:talks near:close need:require officials:authorities people:individuals
    percent:per police:officers quickly:rapidly received:got record:mark released:freed
    reported:noted residents:locals said:stated says:states season:campaign show:reveal
    shows:reveals small:minor start:begin statement:announcement suspect:accused team:side
    told:informed tried:attempted victims:casualties want:wish wife:spouse won:clinched
    workers:employees wounded:injured young:youthful acquire:buy unveiled:presented
    plan:scheme agreed:consented claimed:alleged car:vehicle home:residence house:residence
    children:kids prison:jail jail:prison murder:killing earthquake:quake quake:tremor
    struck:hit hit:struck shooting:gunfire trial:hearing weeks:week men:males women:females
    woman:female man:male major:significant important:key top:leading fight:battle
    win:victory lost:failed leave:depart left:departed return:comeback million:millions
    week:seven-day rescue:recovery storm:gale hours:hrs minutes:mins death:passing
    life:lifetime friends:acquaintances family:relatives""".split()
)
"""One replacement per word; deliberately crude, so that what remains is the copy's skeleton."""

_INSERTIONS = ("reportedly", "also", "now", "reportedly also", "in fact")
_DELETABLE = frozenset({"very", "also", "just", "still", "now", "then", "reportedly", "really"})
_LOOKALIKES = dict(
    zip(
        "aeopcxyiABEHKMOPCTX",
        "\u0430\u0435\u043e\u0440\u0441\u0445\u0443\u0456\u0410\u0412\u0415\u041d\u041a"
        "\u041c\u041e\u0420\u0421\u0422\u0425",
        strict=True,
    )
)
_LEADING_FUNCTION_WORDS = frozenset(
    "after before as when while in on the a an during despite although since for at by with "
    "from if once until".split()
)
_WORD = re.compile(r"[A-Za-z]+")
_ATTRIBUTION_TAIL = re.compile(r"^(?P<claim>.+?),\s+(?P<who>[^,]{3,60}?)\s+(?P<verb>said|says)\.$")
_NAME = re.compile(r"(?<=[a-z,;] )[A-Z][a-z]+(?: [A-Z][a-z]+)+")


def _keep_case(original: str, replacement: str) -> str:
    return replacement[:1].upper() + replacement[1:] if original[:1].isupper() else replacement


def substitute_words(sentence: str, rng: random.Random, *, rate: float = 0.3) -> str:
    """Replace about ``rate`` of the words that have a synonym."""

    def swap(match: re.Match[str]) -> str:
        word = match.group()
        replacement = SYNONYMS.get(word.lower())
        if replacement is None or rng.random() >= rate:
            return word
        return _keep_case(word, replacement)

    return _WORD.sub(swap, sentence)


def edit_sentence(sentence: str, rng: random.Random) -> str:
    """Light editing: a few synonyms, and an adverb inserted or dropped."""
    edited = substitute_words(sentence, rng, rate=0.35)
    words = edited.split(" ")
    deletable = [i for i, word in enumerate(words) if word.lower() in _DELETABLE]
    if deletable and rng.random() < 0.5:
        del words[rng.choice(deletable)]
    elif len(words) > 4:
        words.insert(rng.randrange(2, len(words) - 1), rng.choice(_INSERTIONS))
    return " ".join(words)


def reword_sentence(sentence: str, rng: random.Random) -> str:
    """Heavy rule-based rewording: attribution clause moved first, clauses swapped, synonyms."""
    tail = _ATTRIBUTION_TAIL.match(sentence.strip())
    parts = sentence.strip().rstrip(".").split(", ", 1)
    if tail:
        who = tail["who"]
        moved = f"{who[:1].upper()}{who[1:]} {tail['verb']} that {tail['claim']}."
    elif len(parts) == 2 and len(parts[0].split()) >= 3 and len(parts[1].split()) >= 3:
        first = parts[0]
        if first.split()[0].lower() in _LEADING_FUNCTION_WORDS:
            first = first[:1].lower() + first[1:]
        moved = f"{parts[1][:1].upper()}{parts[1][1:]}, {first}."
    else:
        moved = sentence
    return substitute_words(moved, rng, rate=1.0)


def add_lookalikes(text: str, rng: random.Random, *, rate: float = 0.3) -> str:
    """Swap about ``rate`` of the swappable Latin letters for Cyrillic look-alikes."""
    return "".join(
        _LOOKALIKES[char] if char in _LOOKALIKES and rng.random() < rate else char for char in text
    )


def credit_line(outlet: str, rng: random.Random) -> str:
    """A line of its own crediting ``outlet``, as reprints end or begin."""
    template = rng.choice(
        (
            "This article was first published by {}.",
            "Source: {}",
            "Originally published by {}.",
            "This story first appeared in {}.",
        )
    )
    return template.format(outlet)


def attribute_sentence(sentence: str, outlet: str, rng: random.Random) -> str:
    """``sentence`` with a clause crediting ``outlet`` worked into it."""
    body = sentence.rstrip()
    stem = body[:-1] if body.endswith(".") else body
    choice = rng.randrange(4)
    if choice == 0:
        return f"{stem}, {outlet} reported."
    if choice == 1:
        lowered = stem if stem[:2].isupper() else stem[:1].lower() + stem[1:]
        return f"According to {outlet}, {lowered}."
    if choice == 2:
        return f"{stem}, {outlet} said in a report."
    return f"({outlet}) - {body}"


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
