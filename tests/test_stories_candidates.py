"""Candidate pairs: inverted index, MinHash LSH for copies, time window, restricted rows."""

from __future__ import annotations

import numpy as np

from storytrace.models import Article
from storytrace.stories.candidates import candidate_pairs, near_duplicate_pairs, unique_pairs
from storytrace.stories.features import extract_features
from storytrace.stories.settings import StorySettings
from storytrace.stories.vectors import vectorize

SETTINGS = StorySettings()
WIRE = (
    "Rescue teams in northern Peru pulled twelve miners alive from a collapsed gold mine on "
    "Tuesday after three days underground, the regional governor told reporters at the site."
)


def _prepare(articles: list[Article]):  # type: ignore[no-untyped-def]
    features = [extract_features(article, SETTINGS) for article in articles]
    return features, vectorize(features, None)


def test_candidates_unique_pairs_orders_and_deduplicates() -> None:
    left, right = unique_pairs(np.array([3, 1, 1, 2]), np.array([1, 3, 1, 0]))
    assert list(zip(left.tolist(), right.tolist(), strict=True)) == [(0, 2), (1, 3)]


def test_candidates_near_duplicates_found_by_lsh() -> None:
    edited = WIRE.replace("Tuesday", "Tuesday morning")
    other = "Parliament in Lima voted on the budget after a long debate about mining taxes."
    shingles = [
        extract_features(Article(id=str(i), source="s", text=t), SETTINGS).shingles
        for i, t in enumerate([WIRE, other, edited, ""])
    ]
    left, right = unique_pairs(*near_duplicate_pairs(shingles, SETTINGS))
    assert list(zip(left.tolist(), right.tolist(), strict=True)) == [(0, 2)]


def test_candidates_time_window_drops_distant_pairs() -> None:
    articles = [
        Article(id="a", source="a", text=WIRE, published="2020-01-01"),
        Article(id="b", source="b", text=WIRE, published="2020-01-02"),
        Article(id="c", source="c", text=WIRE, published="2021-06-01"),
        Article(id="d", source="d", text=WIRE),
    ]
    features, vectors = _prepare(articles)
    pairs = candidate_pairs(features, vectors, SETTINGS)
    found = set(zip(pairs.left.tolist(), pairs.right.tolist(), strict=True))
    assert (0, 1) in found and (0, 3) in found and (2, 3) in found
    assert (0, 2) not in found and (1, 2) not in found


def test_candidates_rows_restrict_the_search() -> None:
    articles = [Article(id=str(i), source="s", text=WIRE) for i in range(5)]
    features, vectors = _prepare(articles)
    pairs = candidate_pairs(features, vectors, SETTINGS, rows=np.array([4]))
    assert all(4 in pair for pair in zip(pairs.left.tolist(), pairs.right.tolist(), strict=True))
    assert len(pairs.left) == 4


def test_candidates_each_article_gets_a_bounded_number() -> None:
    articles = [Article(id=str(i), source="s", text=f"{WIRE} Shift {i}.") for i in range(60)]
    features, vectors = _prepare(articles)
    settings = StorySettings(candidates_per_article=5)
    pairs = candidate_pairs(features, vectors, settings)
    # Each article looks up at most 5 (+1 when it is not its own best match) by words,
    # and LSH links copies to their next few in a bucket.
    assert len(pairs.left) <= 60 * (6 + settings.neighbours * settings.minhash_bands)
    assert len(pairs.left) < 60 * 59 / 2
