"""Ranking discrepancies: materiality times certainty, on made-up records."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storytrace.claims.ranking import (
    MATERIALITY,
    compared_variants,
    fact_class,
    rank_discrepancies,
    rank_discrepancy,
    sentence_span,
    strength,
)
from storytrace.models import (
    Article,
    Discrepancy,
    DiscrepancyKind,
    DiscrepancyScope,
    Mention,
    Variant,
)


def _articles(template: str, values: Sequence[str]) -> tuple[dict[str, Article], list[Variant]]:
    """One article per value, each stating ``template`` with its value; a variant per value."""
    articles: dict[str, Article] = {}
    variants: dict[str, list[Mention]] = {}
    for number, value in enumerate(values):
        prefix = "Reports came in overnight. "
        text = prefix + template.format(value)
        start = len(prefix) + template.index("{}")
        article = Article(id=f"a{number}", source=f"{number}.txt", text=text, language="en")
        articles[article.id] = article
        variants.setdefault(value, []).append(Mention(article.id, start, start + len(value)))
    return articles, [Variant(value, tuple(mentions)) for value, mentions in variants.items()]


def _clash(
    kind: DiscrepancyKind,
    facet: str,
    template: str,
    values: Sequence[str],
    scope: DiscrepancyScope = "across_articles",
) -> tuple[Discrepancy, dict[str, Article]]:
    articles, variants = _articles(template, values)
    return Discrepancy("d", kind, None, "differs", tuple(variants), scope, facet), articles


def _score(discrepancy: Discrepancy, articles: dict[str, Article]) -> float:
    return rank_discrepancy(discrepancy, articles).score


def test_ranking_a_casualty_figure_outranks_a_street_name() -> None:
    casualty = _clash(
        "number", "people/killed", "{} people were killed in the blast.", ["23", "32"]
    )
    street = _clash("place", "area", "The blast hit {} at dawn.", ["Harbour Street", "Quay Street"])
    assert _score(*casualty) > _score(*street)
    assert strength(_score(*casualty)) != "weak"


def test_ranking_a_headline_contradicting_its_own_body_is_sure() -> None:
    article = Article(
        id="a",
        source="a.txt",
        title="No injuries in port fire",
        text="At least 23 people were taken to hospital after the fire.",
    )
    clash = Discrepancy(
        "d",
        "number",
        None,
        "figure differs",
        (
            Variant("No", (Mention("a", 0, 2, "title"),)),
            Variant("At least 23", (Mention("a", 0, 11),)),
        ),
        scope="headline_body",
        facet="people/injured",
    )
    ranking = rank_discrepancy(clash, {"a": article})
    assert ranking.certainty >= 0.7
    assert "headline contradicts its own text" in " ".join(ranking.reasons)
    across = _clash("number", "people/injured", "{} people were hurt.", ["No", "At least 23"])
    assert ranking.certainty > rank_discrepancy(*across).certainty


def test_ranking_one_article_against_many_is_surer_than_an_even_split() -> None:
    template = "The ferry carried {} passengers when it sank."
    lone = _clash("number", "passenger", template, ["230", "230", "230", "320"])
    split = _clash("number", "passenger", template, ["230", "230", "320", "320"])
    assert _score(*lone) > _score(*split)
    assert any("1 article against 3" in r for r in rank_discrepancy(*lone).reasons)
    assert any("even split" in r for r in rank_discrepancy(*split).reasons)


def test_ranking_figures_far_apart_outrank_figures_close_together() -> None:
    template = "{} people were injured, police said."
    far = _clash("number", "people/injured", template, ["23", "32"])
    close = _clash("number", "people/injured", template, ["100", "104"])
    assert _score(*far) > _score(*close)


def test_ranking_close_wordings_are_surer_than_different_ones() -> None:
    close = _clash("date", "weekday", "The ship sank on {} near the coast.", ["Monday", "Tuesday"])
    articles, variants = _articles("The ship sank on {} near the coast.", ["Monday"])
    other = Article(id="b", source="b.txt", text="Rescuers said on Tuesday that more were found.")
    far = Discrepancy(
        "d",
        "date",
        None,
        "differs",
        (variants[0], Variant("Tuesday", (Mention("b", 15, 22),))),
        facet="weekday",
    )
    assert _score(*close) > _score(far, {**articles, "b": other})


def test_ranking_a_revision_over_time_is_no_error() -> None:
    clash, articles = _clash("number", "tonne", "{} tonnes leaked.", ["380", "about 410"])
    revision = rank_discrepancy(replace(clash, scope="over_time"), articles)
    assert revision.score == 0.0 and "update" in revision.reasons[-1]


@pytest.mark.parametrize(
    ("kind", "facet", "expected"),
    [
        ("number", "people/killed", "people"),
        ("number", "people", "people"),
        ("number", "dollar money", "money"),
        ("number", "tonne", "figure"),
        ("date", "clock local", "time"),
        ("attribution", "", "speaker"),
        ("entity_set", "country", "participants"),
        ("place", "facility", "place"),
        ("polarity", "polarity", "polarity"),
    ],
)
def test_ranking_fact_class_by_kind_and_facet(
    kind: DiscrepancyKind, facet: str, expected: str
) -> None:
    assert fact_class(kind, facet) == expected


def test_ranking_materiality_table_orders_people_and_money_first() -> None:
    weight = {name: value for name, (value, _) in MATERIALITY.items()}
    assert weight["people"] >= weight["money"] > weight["figure"] > weight["participants"]
    assert weight["participants"] >= weight["place"] > weight["polarity"]


def test_ranking_without_the_articles_still_scores() -> None:
    clash, _ = _clash("number", "people/killed", "{} people died.", ["23", "32"])
    ranking = rank_discrepancy(clash, {})
    assert 0 < ranking.score <= 1 and not any("wording" in r for r in ranking.reasons)


@given(
    counts=st.lists(st.integers(1, 4), min_size=2, max_size=3),
    figures=st.lists(st.integers(0, 10_000), min_size=3, max_size=3, unique=True),
    scope=st.sampled_from(["across_articles", "headline_body", "over_time"]),
)
def test_ranking_score_is_materiality_times_certainty_within_zero_and_one(
    counts: list[int], figures: list[int], scope: DiscrepancyScope
) -> None:
    values = [str(f) for f, n in zip(figures, counts, strict=False) for _ in range(n)]
    clash, articles = _clash("number", "people/killed", "{} people died.", values, scope)
    ranking = rank_discrepancy(clash, articles)
    assert 0.0 <= ranking.score <= 1.0
    assert 0.0 <= ranking.certainty <= 1.0
    assert ranking.score == pytest.approx(ranking.materiality * ranking.certainty, abs=1e-3)


def test_rank_discrepancies_sorts_strongest_first_and_renumbers() -> None:
    street, articles = _clash("place", "area", "It hit {} at dawn.", ["Harbour Street", "Quay St"])
    casualty, more = _clash("number", "people/killed", "{} people died.", ["23", "32", "32"])
    ranked = rank_discrepancies([street, casualty], {**articles, **more})
    assert [d.id for d in ranked] == ["discrepancy-1", "discrepancy-2"]
    assert [d.kind for d in ranked] == ["number", "place"]
    assert ranked[0].score > ranked[1].score and ranked[0].reasons


def test_ranking_compares_the_two_most_stated_versions_in_their_order() -> None:
    variants = (
        Variant("a", (Mention("x", 0, 1),)),
        Variant("b", (Mention("y", 0, 1), Mention("z", 0, 1))),
        Variant("c", (Mention("w", 0, 1), Mention("v", 0, 1))),
    )
    pair = compared_variants(Discrepancy("d", "number", None, "s", variants))
    assert pair is not None and [v.value for v in pair] == ["b", "c"]


def test_ranking_sentence_span_is_the_sentence_holding_the_mention() -> None:
    article = Article(id="a", source="a", text="It rained. At least 23 were hurt. Roads shut.")
    span = sentence_span(Mention("a", 20, 22), {"a": article})
    assert span is not None and article.text[span.start : span.end] == "At least 23 were hurt."
    assert sentence_span(Mention("missing", 0, 1), {"a": article}) is None
