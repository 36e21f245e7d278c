"""Discrepancies between independent reports: each false-alarm family stays quiet,
while the real conflict beside it is still found.

Every text here is made up; each pair is two independent articles of one event.
"""

from __future__ import annotations

import pytest

from storytrace.claims import analyze_claims
from storytrace.claims.gazetteer import relation
from storytrace.claims.metadata_lines import is_metadata_line
from storytrace.claims.relative_dates import resolve
from storytrace.claims.same_fact import complete_list
from storytrace.claims.times import TimeValue
from storytrace.models import Article, Discrepancy


def _kinds(*texts: str, published: tuple[str | None, ...] = ()) -> list[Discrepancy]:
    dates = published or (None,) * len(texts)
    articles = [
        Article(id=f"a{n}", source=f"a{n}.txt", text=text, published=date)
        for n, (text, date) in enumerate(zip(texts, dates, strict=True))
    ]
    result = analyze_claims(articles, lineage_of={})
    return [d for d in result.discrepancies if d.scope == "across_articles"]


@pytest.mark.parametrize(
    "line",
    [
        "July 28, 2004",
        "29 July 2004",
        "Posted: Tue Jul 29, 2008 10:45pm EDT",
        "Last Updated: Monday, 4 August 2008, 10:11 GMT",
        "By Jane Roe, Associated Press Writer",
        "Posted 3 hours ago",
    ],
)
def test_datelines_stamps_and_bylines_are_metadata(line: str) -> None:
    assert is_metadata_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "The fire broke out on July 28, 2004.",
        "Fire kills 3 on Tuesday",
        "By Tuesday, 40 people had died.",
    ],
)
def test_dated_statements_are_claims(line: str) -> None:
    assert not is_metadata_line(line)


def test_two_publication_datelines_are_no_date_conflict() -> None:
    found = _kinds(
        "July 28, 2004\nA fire destroyed the Harbour Street warehouse, firefighters said.",
        "29 July 2004\nA fire destroyed the Harbour Street warehouse, firefighters said.",
    )
    assert not [d for d in found if d.kind == "date"]


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ("Newport Beach", "California", "inside"),
        ("Nashville", "Tennessee", "inside"),
        ("Benghazi", "Libya", "inside"),
        ("Newport Beach", "Costa Mesa", "near"),
        ("Lyon", "Germany", "different"),
        ("Lyon", "Chicago", "different"),
        ("Harbour Street", "Chicago", "unknown"),
        ("New South Wales", "Queensland", "different"),
        ("Sydney", "New South Wales", "unknown"),
        ("Adelaide", "Quebec", "different"),
    ],
)
def test_places_relate_through_the_gazetteer(first: str, second: str, expected: str) -> None:
    assert relation(first, second) == expected


def test_a_place_inside_the_other_is_no_conflict_but_another_city_is() -> None:
    text = "The police chase ended in {} after the driver crashed into a parked truck."
    inside = _kinds(text.format("Newport Beach"), text.format("California"))
    assert not [d for d in inside if d.kind == "place"]
    elsewhere = _kinds(text.format("Newport Beach"), text.format("Chicago"))
    assert [d for d in elsewhere if d.kind == "place"]


def test_a_person_named_in_full_and_in_part_is_one_source() -> None:
    found = _kinds(
        "The suspect was subdued when officers surrounded him, Sheriff Robert J. Pickell said.",
        "The suspect was subdued when officers surrounded him, Pickell said.",
    )
    assert not [d for d in found if d.kind in ("attribution", "entity_set")]


def test_figures_of_different_things_are_not_compared() -> None:
    found = _kinds(
        "Traffic to India fell 65%, while 59% of traffic to Singapore and 44% to Malaysia "
        "was cut by the damaged cable.",
        "Traffic to Singapore fell 55% after the cable was damaged, the operator said.",
    )
    assert not [d for d in found if d.kind == "number"]


def test_one_of_is_not_a_count() -> None:
    found = _kinds(
        "Linknet is one of the country's largest internet providers hit by the cable cut.",
        "Linknet and Datawave, two of the country's largest internet providers, were hit by "
        "the cable cut.",
    )
    assert not [d for d in found if d.kind == "number"]


def test_a_real_difference_in_one_figure_is_still_found() -> None:
    found = _kinds(
        "The earthquake killed at least 10 people in the province, officials said.",
        "The earthquake killed at least 30 people in the province, officials said.",
    )
    assert [d for d in found if d.kind == "number"]


def test_relative_days_are_resolved_against_each_articles_date() -> None:
    thursday = TimeValue(0, 8, "Thursday", "weekday", "thursday")
    assert resolve(thursday, "2024-03-15").value == "2024-03-14"  # type: ignore[union-attr]
    same_day = _kinds(
        "The plant closed on Thursday after the union called a strike.",
        "The plant closed yesterday after the union called a strike.",
        published=("2024-03-16", "2024-03-15"),
    )
    assert not [d for d in same_day if d.kind == "date"]


def test_undated_weekdays_are_compared_only_in_near_identical_wordings() -> None:
    reworded = _kinds(
        "The plant closed on Thursday after the union called a strike over pay.",
        "Workers walked out on Friday and the plant shut after the union's strike call.",
    )
    assert not [d for d in reworded if d.kind == "date"]
    copied = _kinds(
        "The plant closed on Thursday after the union called a strike.",
        "The plant closed on Friday after the union called a strike.",
    )
    assert [d for d in copied if d.kind == "date"]


def test_resolved_weekdays_that_differ_conflict() -> None:
    found = _kinds(
        "The plant closed on Thursday after the union called a strike.",
        "The plant closed on Friday after the union called a strike.",
        published=("2024-03-16", "2024-03-16"),
    )
    assert [d for d in found if d.kind == "date"]


@pytest.mark.parametrize(
    ("before", "members", "complete"),
    [
        ("The cable connects 12 countries: ", 12, True),
        ("troops from three countries, ", 3, True),
        ("both ", 2, True),
        ("It named ", 3, False),
        ("The cable connects 12 countries: ", 4, False),
    ],
)
def test_a_list_is_complete_only_when_it_says_so(before: str, members: int, complete: bool) -> None:
    assert complete_list(before, members) is complete


def test_lists_naming_different_members_are_no_conflict_unless_one_is_swapped() -> None:
    found = _kinds(
        "The Angels, Orioles and Nationals have also made offers for the pitcher.",
        "The Red Sox and Orioles have offers on the table for the pitcher, his agent said.",
    )
    assert not [d for d in found if d.kind == "entity_set"]


def test_a_weekday_ahead_is_resolved_forward() -> None:
    found = _kinds(
        "Rescue teams from Norway would arrive on Saturday to help contain the spill.",
        "Rescue teams from Norway arrived on Saturday to help contain the spill.",
        published=("2024-03-15", "2024-03-16"),
    )
    assert not [d for d in found if d.kind == "date"]


def test_a_negation_elsewhere_in_the_sentence_is_no_polarity_conflict() -> None:
    found = _kinds(
        "His lawyers said they could not communicate with him in any meaningful way.",
        "His lawyers said they could not communicate in any meaningful way with a client "
        "who didn't know where he was.",
    )
    assert not [d for d in found if d.kind == "polarity"]


def test_the_same_words_negated_on_one_side_are_a_polarity_conflict() -> None:
    found = _kinds(
        "The suspect was taken into custody on the same evening, the police chief said.",
        "The suspect was not taken into custody on the same evening, the police chief said.",
    )
    assert [d for d in found if d.kind == "polarity"]


def test_a_city_the_entity_model_mistypes_is_still_a_place() -> None:
    found = _kinds(
        "Violent clashes broke out in the capital, Athens, following a day of protests.",
        "Violent clashes broke out in the capital, Accra, following a day of protests.",
    )
    assert [d for d in found if d.kind == "place"]


def test_a_place_named_on_both_sides_does_not_hide_a_swapped_one() -> None:
    found = _kinds(
        "There is breaking news out of Troy, Michigan, a suburb of Detroit.",
        "There is breaking news out of Troy, Pennsylvania, a suburb of Detroit.",
    )
    assert [d for d in found if d.kind == "place"]


def test_a_negated_copula_is_compared_by_the_sentence() -> None:
    found = _kinds(
        "The decision was made after the coach met with the surgeon this past week.",
        "The decision was not made after the coach met with the surgeon this past week.",
    )
    assert [d for d in found if d.kind == "polarity"]


def test_unharmed_and_no_one_else_injured_are_no_polarity_conflict() -> None:
    found = _kinds(
        "The other guests at the party managed to escape unharmed.",
        "One man was shot but the other guests at the party managed to escape and no one "
        "else was injured.",
    )
    assert not [d for d in found if d.kind == "polarity"]


def test_an_age_set_off_by_commas_is_compared() -> None:
    found = _kinds(
        "The actress, 26, checked in to a treatment centre late on Thursday, her lawyer said.",
        "The actress, 29, checked in to a treatment centre late on Thursday, her lawyer said.",
    )
    assert [d for d in found if d.kind == "number"]
