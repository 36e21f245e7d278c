from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storytrace.normalize import normalize_for_matching


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        ("Haftar\u2019s \u201cforces\u201d", 'haftar\'s "forces"'),
        ("air\u2013base \u2014 now", "air-base - now"),
        ("\ufb01ne \uff21\uff22", "fine ab"),
        ("H\u0430ft\u0430r \u0455\u0430id", "haftar said"),  # Cyrillic look-alikes
        ("  many   spaces\n\nand lines ", "many spaces and lines"),
    ],
)
def test_normalize_folds_variants_that_do_not_change_meaning(original: str, expected: str) -> None:
    assert normalize_for_matching(original).text == expected


def test_normalize_keeps_genuine_cyrillic_text() -> None:
    assert normalize_for_matching("Москва сообщила").text == "москва сообщила"


def test_normalize_spam_copy_matches_its_source() -> None:
    source = "Leaked tapes expose US and western backing of Haftar"
    spam = source.replace("a", "\u0430").replace("e", "\u0435").replace("o", "\u043e")
    assert normalize_for_matching(spam).text == normalize_for_matching(source).text


def test_normalize_maps_spans_back_to_the_original() -> None:
    original = "The  \u201cBenina\u201d air base"
    folded = normalize_for_matching(original)
    start = folded.text.index("benina")
    begin, end = folded.original_span(start, start + len("benina"))
    assert original[begin:end] == "Benina"


@given(st.text(max_size=200))
def test_normalize_offsets_always_point_inside_the_original(text: str) -> None:
    folded = normalize_for_matching(text)
    assert len(folded.offsets) == len(folded.text) + 1
    assert all(0 <= offset <= len(text) for offset in folded.offsets)
    assert list(folded.offsets) == sorted(folded.offsets)
    if folded.text:
        begin, end = folded.original_span(0, len(folded.text))
        assert 0 <= begin <= end <= len(text)


def test_normalize_rejects_a_span_outside_the_text() -> None:
    with pytest.raises(ValueError, match="outside the normalised text"):
        normalize_for_matching("abc").original_span(1, 9)
