"""Pair similarity: symmetric, bounded, faded by time, lowered when no name is shared."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storytrace.models import Article
from storytrace.stories.features import extract_features
from storytrace.stories.settings import StorySettings
from storytrace.stories.similarity import score_pairs, time_factor
from storytrace.stories.vectors import vectorize

SETTINGS = StorySettings()


def _similarity(a: Article, b: Article, settings: StorySettings = SETTINGS) -> float:
    features = [extract_features(a, settings), extract_features(b, settings)]
    vectors = vectorize(features, None)
    scores = score_pairs(features, vectors, np.array([0]), np.array([1]), settings)
    return float(scores.similarity[0])


@pytest.mark.parametrize(
    ("days", "factor"), [(0.0, 1.0), (3.0, 1.0), (16.5, 0.5), (30.0, 0.0), (400.0, 0.0)]
)
def test_similarity_time_factor(days: float, factor: float) -> None:
    assert time_factor(days, SETTINGS) == pytest.approx(factor)


def test_similarity_fades_with_time_apart() -> None:
    text = "Klitschko stopped Thompson in Bern on Saturday to keep his heavyweight titles."
    near = _similarity(
        Article(id="a", source="a", text=text, published="2012-07-07"),
        Article(id="b", source="b", text=text, published="2012-07-08"),
    )
    far = _similarity(
        Article(id="a", source="a", text=text, published="2012-07-07"),
        Article(id="b", source="b", text=text, published="2012-08-30"),
    )
    assert near > 0.9 and far == 0.0


def test_similarity_no_shared_names_lowers_it() -> None:
    a = Article(
        id="a", source="a", text="Boxer Wladimir Klitschko beat Hasim Rahman in Mannheim, Germany."
    )
    b = Article(
        id="b", source="b", text="Boxer Vitali Holyfield beat Tony Thompson in Bern, Switzerland."
    )
    off = StorySettings(name_conflict_names=0)
    assert _similarity(a, b) == pytest.approx(_similarity(a, b, off) * 0.5)


words = st.sampled_from(
    "quake Haiti rescue Monday 30 killed Peru miners Lima gold said the in on".split()
)


@settings(max_examples=40, deadline=None)
@given(st.lists(words, max_size=25), st.lists(words, max_size=25))
def test_similarity_is_symmetric_and_bounded(left: list[str], right: list[str]) -> None:
    a = Article(id="a", source="a", text=" ".join(left))
    b = Article(id="b", source="b", text=" ".join(right))
    forward = _similarity(a, b)
    assert 0.0 <= forward <= 1.0 + 1e-9
    assert forward == pytest.approx(_similarity(b, a))
