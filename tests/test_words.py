"""Words as each language writes them: function words, stems, unspaced scripts."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storytrace.words import character_pairs, function_words, is_function_word, stem, unspaced_terms


@pytest.mark.parametrize(
    ("word", "language"),
    [("der", "de"), ("les", "fr"), ("los", "es"), ("della", "it"), ("في", "ar"), ("the", "fr")],
)
def test_function_words_of_the_language_and_english(word: str, language: str) -> None:
    assert is_function_word(word, language)


def test_an_unknown_language_gets_the_english_list() -> None:
    assert function_words("xx") == function_words("en")
    assert function_words(None) == function_words("en")


@pytest.mark.parametrize(
    ("first", "second", "language"),
    [
        ("regierung", "regierungen", "de"),
        ("élection", "élections", "fr"),
        ("víctima", "víctimas", "es"),
        ("elezione", "elezioni", "it"),
        ("الحكومة", "حكومة", "ar"),
    ],
)
def test_inflections_share_a_stem(first: str, second: str, language: str) -> None:
    assert stem(first, language) == stem(second, language)


def test_words_of_a_language_without_a_stemmer_are_kept_whole() -> None:
    assert stem("选举", "zh") == "选举"
    assert stem("2010", "en") == "2010"


def test_unspaced_scripts_become_character_pairs() -> None:
    assert character_pairs("火灾") == ["火灾"]
    assert unspaced_terms("G20峰会") == ["g20", "峰会"]


@given(st.text(max_size=50), st.sampled_from(["en", "de", "ar", "zh", None, "xx"]))
def test_never_raises(word: str, language: str | None) -> None:
    stem(word.lower(), language)
    unspaced_terms(word)
