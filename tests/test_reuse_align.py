"""Specifications of passage alignment (storytrace.reuse.align_pair)."""

from __future__ import annotations

import time
from dataclasses import replace

import numpy as np
import numpy.typing as npt
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storytrace.errors import ConfigurationError
from storytrace.models import Article, Passage
from storytrace.normalize import normalize_for_matching
from storytrace.reuse import ReuseSettings, align_pair, build_background

P1 = (
    "Air traffic recordings obtained by the Harbour Times reveal that a multinational "
    "operation is coordinating air strikes in support of a renegade general near Benghazi."
)
P2 = (
    "At least one air strike was heard being coordinated in the tapes, which total just "
    "under an hour in length, suggesting the operations room is not only used for "
    "reconnaissance."
)
P3 = (
    "The recordings were passed on from the Benina air base, which is considered to be the "
    "general's most important military facility, according to people familiar with them."
)
OWN = (
    "Residents of the eastern city said they had heard aircraft circling for several nights "
    "and that the local hospital had received more wounded than in any week this year."
)


def _article(article_id: str, *paragraphs: str) -> Article:
    return Article(article_id, f"{article_id}.txt", "\n\n".join(paragraphs))


def _text(article: Article, passage: Passage, side: str) -> str:
    span = passage.source_span if side == "source" else passage.target_span
    return article.text[span.start : span.end]


def test_reuse_align_finds_a_verbatim_paragraph_with_exact_spans() -> None:
    source = _article("s", P1, P2, P3)
    target = _article("t", OWN, P2)
    [passage] = align_pair(source, target)
    assert passage.kind == "verbatim"
    assert _text(source, passage, "source") == P2
    assert _text(target, passage, "target") == P2


def test_reuse_align_merges_consecutive_copied_paragraphs_into_one_passage() -> None:
    source = _article("s", P1, P2, P3)
    target = _article("t", P1, P2, P3, OWN)
    [passage] = align_pair(source, target)
    assert passage.kind == "verbatim"
    assert _text(target, passage, "target") == "\n\n".join([P1, P2, P3])


def test_reuse_align_keeps_reordered_paragraphs_as_separate_verbatim_passages() -> None:
    source = _article("s", P1, P2, P3)
    target = _article("t", P3, OWN, P1)
    passages = align_pair(source, target)
    assert sorted(_text(target, p, "target") for p in passages) == sorted([P1, P3])
    assert {p.kind for p in passages} == {"verbatim"}


def test_reuse_align_classifies_small_word_changes_as_edited() -> None:
    edited = P2.replace("heard", "reportedly heard").replace("length", "duration")
    [passage] = align_pair(_article("s", P1, P2), _article("t", OWN, edited))
    assert passage.kind == "edited"
    assert 0.8 < passage.similarity < 1


def test_reuse_align_finds_shuffled_sentences_as_one_edited_passage() -> None:
    first, second = P1, P2
    source = _article("s", f"{first} {second}", P3)
    target = _article("t", OWN, f"{second} {first}")
    [passage] = align_pair(source, target)
    assert passage.kind == "edited"
    assert _text(target, passage, "target") == f"{second} {first}"


def test_reuse_align_matches_look_alike_letter_copies_and_reports_original_spans() -> None:
    spam = P2.replace("a", "\u0430").replace("e", "\u0435").replace("o", "\u043e")
    source = _article("s", P1, P2)
    target = _article("t", OWN, spam)
    [passage] = align_pair(source, target)
    assert passage.kind == "verbatim"
    assert _text(target, passage, "target") == spam


def test_reuse_align_ignores_shared_names_and_titles() -> None:
    source = _article(
        "s", "General Khalifa Haftar of the Libyan National Army met the envoy on Monday."
    )
    target = _article(
        "t", "Protesters in Benghazi chanted against General Khalifa Haftar of the Libyan "
        "National Army after the vote.",
    )  # fmt: skip
    assert align_pair(source, target) == ()


def test_reuse_align_drops_boilerplate_found_in_unrelated_stories() -> None:
    footer = (
        "Sign up for our daily newsletter to get the top stories delivered to your inbox "
        "every morning before breakfast."
    )
    unrelated = [
        _article(f"u{n}", f"Unrelated story number {n} is here.", footer) for n in range(3)
    ]
    background = build_background(unrelated)
    source = _article("s", P1, footer)
    target = _article("t", OWN, footer)
    assert align_pair(source, target) != ()
    assert align_pair(source, target, background=background) == ()


def test_reuse_align_finds_paraphrases_with_an_embed_function() -> None:
    reworded = (
        "Tapes lasting almost sixty minutes suggest the operations room does more than "
        "watch, since at least one strike can be heard being directed."
    )
    source = _article("s", P1, P2)
    target = _article("t", OWN, reworded)

    def embed(texts: list[str]) -> npt.NDArray[np.float32]:
        # A stand-in model: the reworded sentence and P2 get the same vector.
        vectors = np.zeros((len(texts), 3), dtype=np.float32)
        for row, text in enumerate(texts):
            column = 0 if "strike" in text else (1 if "hospital" in text else 2)
            vectors[row, column] = 1.0
        return vectors

    assert align_pair(source, target) == ()
    [passage] = align_pair(source, target, embed=embed)
    assert passage.kind == "paraphrase"
    assert _text(target, passage, "target") == reworded


def test_reuse_align_is_symmetric() -> None:
    source = _article("s", P1, P2, P3)
    target = _article("t", OWN, P3, P2.replace("heard", "clearly heard"))
    forward = align_pair(source, target)
    backward = align_pair(target, source)
    assert {(p.source_span, p.target_span, p.kind) for p in forward} == {
        (p.target_span, p.source_span, p.kind) for p in backward
    }


def test_reuse_align_two_long_articles_well_under_a_second() -> None:
    paragraphs = [f"{P1} {n} {P2} {n} {P3} {n} {OWN} {n}" for n in range(60)]
    source = _article("s", *paragraphs)
    target = _article("t", *reversed(paragraphs))
    assert len(source.text.split()) > 5000
    align_pair(source, target)  # warm the look-alike table and sentence splitter
    started = time.perf_counter()
    passages = align_pair(source, target)
    assert time.perf_counter() - started < 2.0
    assert len(passages) >= 50


@pytest.mark.parametrize("bad", [{"min_passage_words": 0}, {"edited_similarity": 1.5}])
def test_reuse_align_settings_refuse_bad_values(bad: dict[str, float]) -> None:
    from storytrace.errors import ConfigurationError

    with pytest.raises(ConfigurationError, match=next(iter(bad))):
        ReuseSettings(**bad)  # type: ignore[arg-type]


sentences = st.lists(st.sampled_from([P1, P2, P3, OWN, "Short one.", "Another line here."]))


@settings(max_examples=40, deadline=None)
@given(sentences, sentences)
def test_reuse_align_spans_always_point_inside_both_texts(
    first: list[str], second: list[str]
) -> None:
    source = _article("s", *first)
    target = _article("t", *second)
    for passage in align_pair(source, target):
        assert 0 <= passage.source_span.start < passage.source_span.end <= len(source.text)
        assert 0 <= passage.target_span.start < passage.target_span.end <= len(target.text)
        assert 0 <= passage.similarity <= 1
        if passage.kind == "verbatim":
            left = normalize_for_matching(_text(source, passage, "source")).text
            right = normalize_for_matching(_text(target, passage, "target")).text
            assert left.strip(" .") == right.strip(" .")


_ENGLISH = (
    "Firefighters battled a blaze at the chemical plant for eight hours on Tuesday.\n"
    "The fire started in a storage hall shortly after midnight, the company said.\n"
    "Two workers were taken to hospital with burns and were later released.\n"
    "Residents living nearby were told to keep their windows closed until noon."
)
_FRENCH = (
    "Les pompiers ont combattu pendant huit heures mardi un incendie dans l'usine chimique.\n"
    "Le feu s'est déclaré dans un hangar de stockage peu après minuit, selon l'entreprise.\n"
    "Deux employés ont été hospitalisés pour des brûlures puis sont ressortis.\n"
    "Les habitants du quartier ont été priés de garder leurs fenêtres fermées jusqu'à midi."
)


def test_align_pair_finds_a_translation_with_spans_into_both_texts() -> None:
    from storytrace.multilingual import embed_multilingual

    english = Article("en", "en.txt", _ENGLISH, language="en")
    french = Article("fr", "fr.txt", _FRENCH, language="fr")
    [passage] = align_pair(english, french, translate=embed_multilingual)
    assert passage.kind == "translation"
    assert english.text[passage.source_span.start : passage.source_span.end] == _ENGLISH
    assert french.text[passage.target_span.start : passage.target_span.end] == _FRENCH
    assert align_pair(english, french) == ()


def test_align_pair_asks_for_translations_only_across_languages() -> None:
    calls: list[list[str]] = []

    def recording(texts: list[str]) -> npt.NDArray[np.float32]:
        calls.append(texts)
        return np.zeros((len(texts), 4), dtype=np.float32)

    english = Article("a", "a.txt", _ENGLISH, language="en")
    unknown = Article("b", "b.txt", _FRENCH, language=None)
    align_pair(english, replace(english, id="c"), translate=recording)
    align_pair(english, unknown, translate=recording)
    assert calls == []
    align_pair(english, replace(unknown, language="fr"), translate=recording)
    assert len(calls) == 1


def test_translation_thresholds_must_be_ordered() -> None:
    with pytest.raises(ConfigurationError, match="translation_similarity"):
        ReuseSettings(translation_similarity=0.8, translation_anchor_similarity=0.7)
    with pytest.raises(ConfigurationError, match="translation_extend_similarity"):
        ReuseSettings(translation_extend_similarity=0.6, translation_similarity=0.5)
