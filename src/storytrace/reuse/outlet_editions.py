"""Names of outlets: the base outlet of an edition, and whether a domain label spells a name.

"Middle East Eye's French edition", "MEE édition française" and "Al Jazeera
Arabic" name editions of one outlet. :func:`edition_base` strips edition
words (``EDITION_WORDS``, the one list no library holds) and language names
(pycountry's ISO 639 names, in English and in each language);
:func:`name_spells_label` says whether a domain label (``nytimes``) spells a
name ("The New York Times").

>>> edition_base("Al Jazeera Arabic"), name_spells_label("Middle East Eye", "middleeasteye")
('Al Jazeera', True)
"""

from __future__ import annotations

import gettext
import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache

import pycountry

from storytrace.normalize import normalize_for_matching
from storytrace.outlets import host_parts

EDITION_WORDS = frozenset("edition edicion edizione edicao ausgabe version versao versione".split())
"""Words that mark an edition, compared without accents: the one list no library holds."""

LABEL_EXTRAS = frozenset({"news", "online", "daily", "tv", "24", "today"})
"""Words a domain label may add after the outlet's name (``apnews``, ``france24``)."""

_EDITION_LINKS = frozenset(
    "in en em auf of de du des di del della da do von the l la le el".split()
)
_OF_LINKS = frozenset("of de du des di del della da do von".split())
_OPTIONAL_WORDS = frozenset(
    "the of and a an al el le la les l de du des d di da del der die".split()
)
_WORD = re.compile(r"[^\W_]+")
_POSSESSIVE = re.compile(r"(?<=\w)['\u2019](?:s\b|(?=\s|$))")
_TRAILING_SUFFIX = re.compile(r"(?<=[^\W\d_])\.([a-z]{2,}(?:\.[a-z]{2})?)$")


def _fold(text: str) -> str:
    """Case, look-alike letters and accents folded: for comparing, never for showing."""
    text = normalize_for_matching(text).text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def has_latin_letters(name: str) -> bool:
    return any("a" <= char <= "z" for char in _fold(name))


def _language_keys(names: Iterable[str]) -> set[str]:
    """Folded language names of at most three words, without "(macrolanguage)" notes."""
    keys: set[str] = set()
    for name in names:
        for part in re.split(r"[;,]", re.sub(r"\([^)]*\)", "", name)):
            words = _WORD.findall(_fold(part))
            if 0 < len(words) <= 3:
                keys.add(" ".join(words))
    return keys


@cache
def _languages() -> tuple[tuple[str, str], ...]:
    """ISO 639-1 languages as (code, English name), from pycountry."""
    return tuple(
        (lang.alpha_2, lang.name) for lang in pycountry.languages if hasattr(lang, "alpha_2")
    )


def _translation(locale: str) -> gettext.NullTranslations:
    try:
        return gettext.translation("iso639-3", pycountry.LOCALES_DIR, languages=[locale])
    except OSError:
        return gettext.NullTranslations()


@cache
def _own_language_names() -> frozenset[str]:
    """Each language's English name and, where pycountry has it, its own name ("français")."""
    names = [name for _, name in _languages()]
    names += [_translation(code).gettext(name) for code, name in _languages()]
    return frozenset(_language_keys(names))


@cache
def _any_language_names() -> frozenset[str]:
    """Every language's name in each of these languages that pycountry translates, with
    the endings of edition phrases ("édition française", "edición española")."""
    english = [name for _, name in _languages()]
    translations = [_translation(code) for code, _ in _languages()]
    names = [translation.gettext(name) for translation in translations for name in english]
    keys = _language_keys(english + names)
    inflected = {key + ending for key in keys for ending in ("e", "a")}
    inflected |= {key[:-1] + "a" for key in keys if key.endswith("o")}
    return frozenset(keys | inflected)


def _language_at(words: Sequence[str], names: frozenset[str], *, end: bool) -> int:
    """How many words (up to three) at the end (or start) of ``words`` form a language name."""
    for size in (3, 2, 1):
        if size <= len(words):
            piece = words[-size:] if end else words[:size]
            if " ".join(piece) in names:
                return size
    return 0


def _edition_suffix(words: Sequence[str]) -> int:
    """How many trailing words say which edition: "French edition", "in English", "Arabic"."""
    names = (
        _any_language_names() if any(w in EDITION_WORDS for w in words) else _own_language_names()
    )
    end, marked = len(words), False
    while end > 0:
        if words[end - 1] in EDITION_WORDS:
            end, marked = end - 1, True
        elif size := _language_at(words[:end], names, end=True):
            end, marked = end - size, True
        elif words[end - 1] in _EDITION_LINKS and end < len(words):
            end -= 1
        else:
            break
    return len(words) - end if marked else 0


def _edition_prefix(words: Sequence[str]) -> int:
    """How many leading words say which edition: "the French edition of", "l'édition arabe de"."""
    if not any(w in EDITION_WORDS for w in words):
        return 0
    names = _any_language_names()
    start, cut, seen_edition = 0, 0, False
    while start < len(words):
        word = words[start]
        if word in EDITION_WORDS:
            start, seen_edition = start + 1, True
        elif size := _language_at(words[start:], names, end=False):
            start += size
        elif word in _EDITION_LINKS:
            start += 1
            if word in _OF_LINKS and seen_edition:
                cut = start
        else:
            break
    return cut


@lru_cache(maxsize=4096)
def edition_base(name: str) -> str:
    """The outlet an edition's name names: the name without edition words and language names.

    Language names come from pycountry (English names and each language's own
    name; with an edition word, names in every language it translates).

    >>> edition_base("Middle East Eye's French edition"), edition_base("Al Jazeera Arabic")
    ('Middle East Eye', 'Al Jazeera')
    >>> edition_base("MEE édition française"), edition_base("Voice of America")
    ('MEE', 'Voice of America')
    """
    text = _POSSESSIVE.sub("", " ".join(name.split()))
    spans = [match.span() for match in _WORD.finditer(text)]
    words = [_fold(text[start:end]) for start, end in spans]
    start = _edition_prefix(words)
    end = len(words) - _edition_suffix(words[start:])
    kept = words[start:end]
    if (start, end) == (0, len(words)) or all(w in _OPTIONAL_WORDS for w in kept):
        return " ".join(name.split())
    return text[spans[start][0] : spans[end - 1][1]]


def _name_words(name: str) -> tuple[str, ...]:
    """The folded words of a name's base outlet, less a domain suffix ("Le Monde.fr")."""
    text = _fold(edition_base(name))
    suffix = _TRAILING_SUFFIX.search(text)
    if suffix and host_parts(f"x.{suffix.group(1)}")[2] == suffix.group(1):
        text = text[: suffix.start()]
    return tuple(_WORD.findall(_POSSESSIVE.sub("", text)))


@lru_cache(maxsize=16384)
def name_spells_label(name: str, label: str) -> bool:
    """Whether a domain label spells an outlet's name.

    Each word of the name gives, in order, its full form or its initial; "the",
    "al", "le", "de" and the like may be left out; the label may end with one
    of :data:`LABEL_EXTRAS`. The whole label must be explained, and by at least
    one full word or two initials, so a part of a name spells nothing.

    >>> name_spells_label("The New York Times", "nytimes"), name_spells_label("Eye", "nytimes")
    (True, False)
    """
    words = _name_words(name)
    target = re.sub(r"[^a-z0-9]", "", _fold(label))
    if not words or not target or not all(word.isascii() for word in words):
        return False

    @cache
    def walk(index: int, at: int, full: bool, initials: int) -> bool:
        if index == len(words):
            rest = target[at:]
            return (full or initials >= 2) and (not rest or rest in LABEL_EXTRAS)
        word = words[index]
        core = word not in _OPTIONAL_WORDS
        if not core and walk(index + 1, at, full, initials):
            return True
        if target.startswith(word, at) and walk(index + 1, at + len(word), full or core, initials):
            return True
        return target.startswith(word[0], at) and walk(
            index + 1, at + 1, full, min(initials + 1, 2)
        )

    return walk(0, 0, False, 0)
