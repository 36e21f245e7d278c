"""Specifications of translation notes and the direction they give."""

from __future__ import annotations

import pytest

from storytrace.models import Article, Passage, Reuse, Span
from storytrace.reuse import ReuseSettings
from storytrace.reuse.direction import infer_direction
from storytrace.reuse.translation_notes import translation_note

BODY = "The body of the article, long enough to be a paragraph of its own.\n"


@pytest.mark.parametrize(
    ("language", "line", "source"),
    [
        ("fr", "Traduit de l'anglais par la rédaction.", "en"),
        ("de", "Aus dem Englischen übersetzt von Max Muster.", "en"),
        ("en", "Translated from the French by Jane Doe.", "fr"),
        ("es", "Traducido del inglés por la redacción.", "en"),
        ("it", "Tradotto dall'inglese.", "en"),
        ("pt", "Traduzido do inglês.", "en"),
        ("ru", "Перевод с английского.", "en"),  # noqa: RUF001
        ("ar", "ترجمة عن الإنجليزية", "en"),
    ],
)
def test_a_short_line_naming_translation_and_a_language_is_a_note(
    language: str, line: str, source: str
) -> None:
    article = Article("a", "a", BODY + line, language=language)
    note = translation_note(article)
    assert note is not None and note.language == source
    assert note.mention is not None
    assert article.text[note.mention.start : note.mention.end] == line


@pytest.mark.parametrize(
    "line",
    [
        "Police said the statement was translated by officials.",
        "The French minister spoke to reporters on Friday.",
        "Translated from the French " + "and much more reporting " * 10,
    ],
)
def test_lines_that_are_not_notes(line: str) -> None:
    assert translation_note(Article("a", "a", BODY + line, language="en")) is None


def test_a_note_set_aside_as_furniture_still_counts_without_a_mention() -> None:
    from storytrace.models import Removed

    credit = Removed("byline", "Traduit de l'anglais par Marie Dupont")
    article = Article("a", "a", BODY, language="fr", removed=(credit,))
    note = translation_note(article)
    assert note is not None and note.language == "en" and note.mention is None


def test_the_note_decides_direction_without_dates() -> None:
    english = Article("en", "en", "x" * 100, language="en")
    french = Article("fr", "fr", "y" * 100 + "\nTraduit de l'anglais.", language="fr")
    reuse = Reuse("fr", "en", (Passage(Span(0, 100), Span(0, 100), "translation", 0.8),),
                  100, 0.8, 1.0)  # fmt: skip
    note = translation_note(french)
    assert note is not None
    direction = infer_direction(reuse, {"en": english, "fr": french}, credits={},
                                settings=ReuseSettings(), notes={"fr": note})  # fmt: skip
    assert direction is not None
    assert (direction.source_id, direction.target_id) == ("en", "fr")
    assert [e.kind for e in direction.evidence] == ["translation"]
