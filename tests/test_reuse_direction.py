"""Specifications of who copied whom in one pair (storytrace.reuse.direction)."""

from __future__ import annotations

import pytest

from storytrace.models import Article, Mention, Reuse
from storytrace.reuse import ReuseSettings
from storytrace.reuse.attribution import Attribution
from storytrace.reuse.direction import confidence_of, infer_direction


def _pair(
    first: dict[str, str | None], second: dict[str, str | None], shares: tuple[float, float]
) -> tuple[Reuse, dict[str, Article]]:
    a = Article("a", "a", "x" * 100, **first)  # type: ignore[arg-type]
    b = Article("b", "b", "x" * 100, **second)  # type: ignore[arg-type]
    return Reuse("a", "b", (), 50, shares[0], shares[1]), {"a": a, "b": b}


def test_reuse_direction_follows_publication_time() -> None:
    reuse, articles = _pair(
        {"published": "2016-07-13T12:00:00Z"}, {"published": "2016-07-13T08:00:00Z"}, (0.5, 0.5)
    )
    direction = infer_direction(reuse, articles, credits={}, settings=ReuseSettings())
    assert direction is not None
    assert (direction.source_id, direction.target_id) == ("b", "a")
    assert [e.kind for e in direction.evidence] == ["time"]


def test_reuse_direction_ignores_the_same_day_when_only_dates_are_known() -> None:
    reuse, articles = _pair({"published": "2016-07-13"}, {"published": "2016-07-13"}, (0.5, 0.5))
    assert infer_direction(reuse, articles, credits={}, settings=ReuseSettings()) is None


def test_reuse_direction_follows_an_explicit_credit_with_its_mention() -> None:
    reuse, articles = _pair({"outlet": "Daily Lantern"}, {"outlet": "Valley News"}, (0.5, 0.5))
    credit = Attribution("the Daily Lantern", "according to", Mention("b", 10, 27))
    direction = infer_direction(reuse, articles, credits={"b": (credit,)}, settings=ReuseSettings())
    assert direction is not None
    assert (direction.source_id, direction.target_id) == ("a", "b")
    assert direction.evidence[0].kind == "attribution"
    assert direction.evidence[0].mention == credit.mention


def test_reuse_direction_credit_outweighs_a_contrary_time() -> None:
    reuse, articles = _pair(
        {"outlet": "Daily Lantern", "published": "2016-07-13T12:00:00Z"},
        {"outlet": "Valley News", "published": "2016-07-13T08:00:00Z"},
        (0.5, 0.5),
    )
    credit = Attribution("Daily Lantern", "reported", Mention("b", 0, 13))
    direction = infer_direction(reuse, articles, credits={"b": (credit,)}, settings=ReuseSettings())
    assert direction is not None
    assert direction.source_id == "a"
    assert direction.confidence < confidence_of(3.0)


def test_reuse_direction_a_news_agency_alone_decides_nothing() -> None:
    # Agencies copy too (a newspaper's scoop re-reported by a wire): being an agency is
    # weak support, never enough alone.
    reuse, articles = _pair({"outlet": "Valley News"}, {"outlet": "Reuters"}, (0.5, 0.5))
    assert infer_direction(reuse, articles, credits={}, settings=ReuseSettings()) is None
    reuse, articles = _pair({"outlet": "Valley News"}, {"outlet": "Reuters"}, (0.9, 0.4))
    direction = infer_direction(reuse, articles, credits={}, settings=ReuseSettings())
    assert direction is not None
    assert (direction.source_id, [e.kind for e in direction.evidence]) == (
        "b", ["wire", "containment"])  # fmt: skip


@pytest.mark.parametrize(("shares", "source"), [((0.9, 0.4), "b"), ((0.4, 0.9), "a")])
def test_reuse_direction_takes_the_contained_article_as_the_copy(
    shares: tuple[float, float], source: str
) -> None:
    reuse, articles = _pair({}, {}, shares)
    direction = infer_direction(reuse, articles, credits={}, settings=ReuseSettings())
    assert direction is not None
    assert direction.source_id == source
    assert direction.evidence[0].kind == "containment"


def test_reuse_direction_without_evidence_is_none() -> None:
    reuse, articles = _pair({}, {}, (0.5, 0.55))
    assert infer_direction(reuse, articles, credits={}, settings=ReuseSettings()) is None


def test_reuse_direction_credits_by_other_articles_only_support() -> None:
    reuse, articles = _pair({"outlet": "Daily Lantern"}, {"outlet": "Valley News"}, (0.5, 0.5))
    others = {"a": frozenset({"c", "d"})}
    alone = infer_direction(reuse, articles, credits={}, settings=ReuseSettings(),
                            credited_by=others)  # fmt: skip
    assert alone is None
    reuse, articles = _pair({"outlet": "Daily Lantern"}, {"outlet": "Valley News"}, (0.5, 0.9))
    direction = infer_direction(reuse, articles, credits={}, settings=ReuseSettings(),
                                credited_by=others)  # fmt: skip
    assert direction is not None
    assert direction.source_id == "a"
    assert [e.kind for e in direction.evidence] == ["attribution", "containment"]
    assert "c, d" in direction.evidence[0].detail


def test_reuse_direction_confidence_grows_with_evidence() -> None:
    # No evidence: a coin toss; then the logistic model's probability.
    assert confidence_of(0) == 0.5
    assert confidence_of(1) < confidence_of(3) < confidence_of(6) < 1
