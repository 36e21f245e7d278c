"""Who says it, read from the words in five languages (examples written for these tests)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storytrace.claims.reported_speech import LANGUAGES, name_runs, read_attribution


@pytest.mark.parametrize(
    ("sentence", "language", "cue", "source"),
    [
        ("Selon la préfecture, deux routes sont fermées.", "fr", "Selon", "la préfecture"),
        ("« Nous resterons », a déclaré le maire, Paul Martin.", "fr", "a déclaré", "Paul Martin"),
        ("El alcalde Juan Pérez dijo que el puente abrirá en mayo.", "es", "dijo", "Juan Pérez"),
        ("Según fuentes policiales, hubo tres detenidos.", "es", "Según", "fuentes policiales"),
        ("Am Montag sagte der Bürgermeister, die Straße bleibe gesperrt.", "de", "sagte",
         "der Bürgermeister"),
        ("Laut Polizei wurden zwei Menschen verletzt.", "de", "Laut", "Polizei"),
        ("Dem Bericht zufolge stieg die Zahl der Fälle.", "de", "zufolge", "Dem Bericht"),
        ("Il sindaco Marco Bianchi ha detto che la strada riaprirà.", "it", "ha detto",
         "Marco Bianchi"),
        ("Secondo la Croce Rossa, i feriti sono tre.", "it", "Secondo", "Croce Rossa"),
        ("وقال المتحدث باسم الشرطة إن الطريق مغلق", "ar", "قال", "المتحدث باسم الشرطة"),
        ("وأصيب ثلاثة أشخاص بحسب الدفاع المدني", "ar", "بحسب", "الدفاع المدني"),
    ],
)  # fmt: skip
def test_reads_the_cue_and_the_source(sentence: str, language: str, cue: str, source: str) -> None:
    read = read_attribution(sentence, language)
    assert read is not None
    assert read.cue_text == cue
    assert read.source_text == source
    assert sentence[read.source_start : read.source_end] == source  # type: ignore[misc]


def test_a_pronoun_source_is_flagged() -> None:
    read = read_attribution("Er sagte, die Lage sei ernst.", "de")
    assert read is not None and read.source_text == "Er" and read.source_is_pronoun


def test_a_dropped_subject_gives_no_source_but_the_pronoun_flag() -> None:
    read = read_attribution("Dijo que la situación es grave.", "es")
    assert read is not None and read.source_text is None and read.source_is_pronoun


def test_a_headline_with_a_speaker_and_a_quote() -> None:
    read = read_attribution('Merkel: "Wir schaffen das"', "de")
    assert read is not None and (read.cue_text, read.source_text) == (":", "Merkel")


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("Le pont a été fermé mardi.", "fr"),
        ("Das Wetter war schön.", "de"),
        ("La strada è chiusa.", "it"),
        ("Said the man.", "en"),  # English is read from the parse, not here
        ("", "fr"),
    ],
)
def test_no_attribution_where_no_one_is_quoted(sentence: str, language: str) -> None:
    assert read_attribution(sentence, language) is None


def test_names_inside_a_sentence_but_not_german_nouns() -> None:
    sentence = "Am Montag traf Angela Merkel den Bürgermeister in Köln."
    found = [sentence[a:b] for a, b in name_runs(sentence, "de")]
    assert "Angela Merkel" in found and "Bürgermeister" not in found


@given(st.text(max_size=300), st.sampled_from([*LANGUAGES, "en", None]))
def test_never_raises_and_spans_stay_inside(sentence: str, language: str | None) -> None:
    read = read_attribution(sentence, language)
    if read is not None:
        assert 0 <= read.cue_start < read.cue_end <= len(sentence)
        if read.source_start is not None and read.source_end is not None:
            assert 0 <= read.source_start < read.source_end <= len(sentence)
    for start, end in name_runs(sentence, language):
        assert 0 <= start < end <= len(sentence)
