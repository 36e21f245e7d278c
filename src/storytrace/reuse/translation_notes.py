"""Translation notes: an article that says it was translated, and from which language.

Outlets that translate a report often say so in a short line ("Traduit de
l'anglais par la rédaction.", "Aus dem Englischen übersetzt", "Translated from
the French by ..."). Such a line settles who copied whom between an article
and one in the language it names, even without dates or credits.

A note is a short line (of the text, or of the furniture cleaning set aside)
holding a translation word (``translat``, ``tradu``, ``übersetz``, ...) and
a language name in the article's own language. Language names come from
pycountry's ISO 639 translations (``Anglais``, ``Englisch``, ``английский``,
``الإنجليزية``), matched by their stem so that inflected forms match too
("de l'anglais", "aus dem Englischen").

>>> from storytrace.models import Article
>>> note = translation_note(Article("a", "a", "Texte.\\nTraduit de l'anglais par la rédaction.",
...                                 language="fr"))
>>> note.language, note.line, note.mention.start
('en', "Traduit de l'anglais par la rédaction.", 7)
"""

from __future__ import annotations

import gettext
import re
from dataclasses import dataclass
from functools import cache

import pycountry

from storytrace.clean import split_paragraphs
from storytrace.models import Article, Mention

SOURCE_LANGUAGES = (
    "en", "fr", "de", "es", "it", "pt", "ru", "ar", "nl", "pl", "tr", "zh", "ja", "ko", "th",
)  # fmt: skip
"""Languages a note may name: those of the multilingual encoder that finds translations."""

_TRANSLATION_WORDS = re.compile(
    r"translat|tradu|tradott|übersetz|uebersetz|vertaal|vertaling|перев[оеё]д|ترجم|tłumacz|çevir",
    re.IGNORECASE,
)
"""The stems of "translate" and "translation" in the languages notes are read in."""

_MAX_LINE = 200
"""A note is a short line; a long paragraph that mentions translating is reporting."""


@dataclass(frozen=True, slots=True)
class TranslationNote:
    """``article_id`` says it was translated from ``language`` in ``line``.

    ``mention`` places the line in the article's text; it is ``None`` when the
    line was set aside as page furniture.
    """

    article_id: str
    language: str
    line: str
    mention: Mention | None


@cache
def _language_stems(locale: str) -> tuple[tuple[str, str], ...]:
    """``(stem, code)`` of each source language's name in ``locale`` (and in English)."""
    stems: list[tuple[str, str]] = []
    for locale_name in dict.fromkeys((locale, "en")):
        try:
            catalog: gettext.NullTranslations = gettext.translation(
                "iso639-3", pycountry.LOCALES_DIR, languages=[locale_name]
            )
        except OSError:
            catalog = gettext.NullTranslations()
        for code in SOURCE_LANGUAGES:
            language = pycountry.languages.get(alpha_2=code)
            if language is None:
                continue
            name = catalog.gettext(language.name).split("(")[0].strip().casefold()
            # "anglais" -> "angla" matches "l'anglais"; short names must match whole
            # words' starts as they are ("polish" must not match "police").
            stem = name[: max(5, len(name) - 2)] if len(name) > 6 else name
            stems.append((stem, code))
    return tuple(stems)


def _language_named(line: str, locale: str, own: str | None) -> str | None:
    words = re.findall(r"[^\W\d_]+", line.casefold())
    for word in words:
        for stem, code in _language_stems(locale):
            if code != own and word.startswith(stem):
                return code
    # Arabic joins the article to the name: "عن الإنجليزية" has the stem inside a word.
    folded = line.casefold()
    for stem, code in _language_stems(locale):
        if code != own and len(stem) >= 4 and stem in folded and not stem.isascii():
            return code
    return None


def translation_note(article: Article) -> TranslationNote | None:
    """The article's note that it was translated from another language, if it has one."""
    locale = article.language or "en"
    candidates: list[tuple[str, Mention | None]] = [
        (line.text, Mention(article.id, line.start, line.end))
        for line in split_paragraphs(article.text)
    ]
    candidates += [(piece.text.strip(), None) for piece in article.removed]
    for line, mention in candidates:
        if len(line) > _MAX_LINE or not _TRANSLATION_WORDS.search(line):
            continue
        language = _language_named(line, locale, article.language)
        if language is not None:
            return TranslationNote(article.id, language, line, mention)
    return None
