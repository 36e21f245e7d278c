"""Story features: names, numbers and dates, lead, shingles, time; odd articles never fail."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from storytrace.models import Article
from storytrace.stories.features import extract_features, parse_published, split_sentences
from storytrace.stories.settings import StorySettings

SETTINGS = StorySettings()


def _features(text: str, title: str | None = None, published: str | None = None):  # type: ignore[no-untyped-def]
    return extract_features(
        Article(id="a", source="a", text=text, title=title, published=published), SETTINGS
    )


def test_features_names_inside_sentences() -> None:
    features = _features(
        "Rescuers said Tara Reid left the Promises clinic. Reid thanked her fans on Friday."
    )
    assert set(features.names) == {"tara", "reid", "promises"}
    assert features.names["reid"] == 2
    assert "rescuers" not in features.names and "friday" not in features.names


def test_features_month_may_is_not_a_title_case_mark() -> None:
    features = _features("Rescuers in Haiti found 12 survivors on May 3.")
    assert set(features.names) == {"haiti"} and set(features.numbers) == {"12"}
    assert set(features.dates) == {"may-3"}


def test_features_headline_capitals_are_not_names() -> None:
    features = _features("Actress Enters Rehab Center In Malibu\nShe went to Malibu on Monday.")
    assert "actress" not in features.names and "rehab" not in features.names
    assert features.names["malibu"] == 2


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        # A year says when, not what: not a shared figure.
        ("The quake struck on May 3, 2010, killing 1,200 people.", {"1200"}),
        ("It happened on Sept. 14 at 7:40 pm.", {"7:40"}),
        ("They may 3 times fail.", {"3"}),
        ("No numbers here at all.", set()),
    ],
)
def test_features_numbers_and_dates(text: str, numbers: set[str]) -> None:
    assert set(_features(text).numbers) == numbers


def test_features_lead_is_title_and_first_sentences() -> None:
    text = "One quake. Two dead. Three hurt. Four towns. Five roads."
    features = extract_features(
        Article(id="a", source="a", text=text, title="Quake in Peru"),
        StorySettings(lead_sentences=3, embedding_sentences=4),
    )
    assert features.lead_text == "Quake in Peru One quake. Two dead. Three hurt. Four towns."
    assert "five" not in features.lead and "four" not in features.lead and "peru" in features.lead


def test_features_words_are_stemmed_without_the_language_function_words() -> None:
    features = extract_features(
        Article(id="d", source="d", text="Die Regierungen und die Regierung", language="de"),
        StorySettings(),
    )
    assert set(features.words) == {"regier"}


def test_features_chinese_is_compared_by_character_pairs() -> None:
    features = extract_features(
        Article(id="z", source="z", text="北京大学发生火灾", language="zh"), StorySettings()
    )
    assert {"北京", "京大", "大学"} <= set(features.words)


@pytest.mark.parametrize("text", ["", "   ", "!!! ??? ...", "\n\n"])
def test_features_empty_article(text: str) -> None:
    features = _features(text)
    assert features.is_empty
    assert len(features.shingles) == 0


def test_features_other_scripts_do_not_fail() -> None:
    features = _features("Землетрясение магнитудой 7,1 произошло в Москве. 地震が東京で発生した。")
    assert not features.is_empty
    assert "7,1" in features.numbers or "7.1" in features.numbers or "7" in features.numbers


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2016-07-13", "2016-07-13T00:00:00+00:00"),
        ("2016-07-13T10:00:00Z", "2016-07-13T10:00:00+00:00"),
        ("2016-07-13T10:00:00+02:00", "2016-07-13T10:00:00+02:00"),
    ],
)
def test_features_parse_published(value: str, iso: str) -> None:
    parsed = parse_published(value)
    assert parsed is not None and parsed.isoformat() == iso


@pytest.mark.parametrize("value", [None, "", "yesterday", "2016-13-45"])
def test_features_unreadable_dates_are_unknown(value: str | None) -> None:
    assert parse_published(value) is None
    assert _features("Quake hits.", published=value).published is None


def test_features_shingles_match_across_copies() -> None:
    text = "Rescue teams pulled twelve miners alive from the gold mine on Tuesday."
    copy = _features(f"Breaking. {text}")
    assert len(_features(text).shingles) == 8
    assert len(np.intersect1d(_features(text).shingles, copy.shingles)) == 8


def test_features_split_sentences_keeps_abbreviations_together() -> None:
    assert split_sentences("Quake hits U.S. coast. Dozens dead.\nMore soon") == [
        "Quake hits U.S. coast.",
        "Dozens dead.",
        "More soon",
    ]


@given(st.text(max_size=300))
def test_features_any_text_is_handled(text: str) -> None:
    features = _features(text, title=text[:20] or None)
    assert all(count > 0 for count in features.words.values())
    assert all(term == term.lower() for term in features.names)
