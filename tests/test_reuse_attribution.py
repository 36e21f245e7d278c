"""Specifications of who an article credits (storytrace.reuse.find_attributions) and of
outlet names and their aliases (storytrace.reuse.outlet_names)."""

from __future__ import annotations

import pytest

from storytrace.models import Article
from storytrace.reuse import find_attributions
from storytrace.reuse.outlet_names import OutletAliases, acronym, is_wire_service, outlet_key


def _credits(text: str, **fields: str) -> list[tuple[str, str]]:
    article = Article("a", "a.txt", text, **fields)  # type: ignore[arg-type]
    return [(found.outlet, found.cue) for found in find_attributions(article)]


@pytest.mark.parametrize(
    ("text", "outlet", "cue"),
    [
        ("The tapes leaked, Middle East Eye reported on Tuesday.", "Middle East Eye", "reported"),
        ("Talks stalled, according to the Daily Lantern.", "Daily Lantern", "according to"),
        ("A spokesman told AFP the talks had failed.", "AFP", "told"),
        ("The Harbour Times said in a report that the base was used.", "The Harbour Times",
         "said in a report"),
        ("LONDON (Reuters) - Oil prices rose on Monday.", "Reuters", "dateline"),
        ("This article was first published by Global Eye Network.", "Global Eye Network",
         "article was first published by"),
        ("Source: Harbor Insider", "Harbor Insider", "source"),
        ("Recordings obtained by Middle East Eye reveal the strikes.", "Middle East Eye",
         "obtained by"),
        ("Politico reported that the vote was delayed.", "Politico", "reported"),
        ("He said in an interview with the BBC that he would stay.", "BBC", "interview with"),
        ("Ten died, the Coastal News Agency (CNA) reported.", "CNA", "reported"),
        ("Ten died, the Coastal News Agency (CNA) reported.",
         "Coastal News Agency", "reported"),
        ("It was first reported by the news website Middle East Eye.", "Middle East Eye",
         "first reported by"),
        ("middleeasteye.net reported that the strikes were coordinated.", "middleeasteye.net",
         "reported"),
        ("The Libya Observer's report said ten people died.", "The Libya Observer",
         "'s report"),
        ("Al Wasat was the first to report the leak.", "Al Wasat", "was the first to report"),
        ("Reprinted with permission from The Harbour Times.", "Harbour Times",
         "reprinted with permission from"),
        ("Citing Reuters, the paper said the port was shut.", "Reuters", "citing"),
        ("Additional reporting by AFP.", "AFP", "additional reporting by"),
        ("The BBC has learned that the deal collapsed.", "The BBC", "has learned"),
    ],
)  # fmt: skip
def test_reuse_attribution_finds_credit_cues(text: str, outlet: str, cue: str) -> None:
    assert (outlet, cue) in _credits(text)


@pytest.mark.parametrize(
    "text",
    [
        "Photo: AFP",
        "A Libyan boy holds a portrait. AFP PHOTO / ABDULLAH DOMA",
        "The minister told John Smith he would resign.",
        "Police reported two arrests on Friday.",
        "The UN reported 20 deaths in the city.",
        "Officers told reporters the road was closed.",
        "John Smith writes about the tapes. Smith's report said no.",
        "The police's findings were clear.",
        "(Reporting by Aidan Lewis; editing by Tom Brown)",
    ],
)
def test_reuse_attribution_ignores_photo_credits_people_and_officials(text: str) -> None:
    assert _credits(text) == []


def test_reuse_attribution_reads_the_title_and_marks_the_field() -> None:
    article = Article(
        "a", "a", "Body.", title="Haftar backed by the West, Middle East Eye reported"
    )
    [found] = find_attributions(article)
    assert (found.outlet, found.mention.field) == ("Middle East Eye", "title")
    assert article.title is not None
    assert article.title[found.mention.start : found.mention.end] == "Middle East Eye"


def test_reuse_attribution_skips_an_article_crediting_its_own_outlet() -> None:
    text = "Documents obtained by Middle East Eye show the plan."
    assert _credits(text, outlet="Middle East Eye") == []


def test_reuse_attribution_sees_through_look_alike_letters() -> None:
    spam = "Th\u0435 t\u0430pes w\u0435re leaked, Middle East Eye reported."
    assert [outlet_key(name) for name, _ in _credits(spam)] == ["middle east eye"]


def test_reuse_attribution_names_stop_at_line_breaks_and_weekdays() -> None:
    text = "A witness told the Daily News Tuesday it was loud.\n\nSource: Valley News\n\nA fire"
    assert [name for name, _ in _credits(text)] == ["Daily News", "Valley News"]


def test_reuse_attribution_story_level_excludes_quotes_given_to_an_outlet() -> None:
    article = Article(
        "a",
        "a",
        "A witness told the Daily Lantern it was loud. The Daily Lantern reported the fire.",
    )
    levels = [(c.cue, c.story_level) for c in find_attributions(article)]
    assert levels == [("told", False), ("reported", True)]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Middle East Eye", "MEE"),
        ("the Middle East Eye", "Middle East Eye's"),
        ("Agence France-Presse", "AFP"),
        ("Associated Press", "AP"),
        ("The Morning Star Journal", "MSJ"),
    ],
)
def test_reuse_outlet_names_merge_aliases_and_acronyms(first: str, second: str) -> None:
    aliases = OutletAliases.from_names([first, second])
    assert aliases.same(first, second)
    assert len(aliases.groups) == 1


def test_reuse_outlet_names_keep_different_outlets_apart() -> None:
    aliases = OutletAliases.from_names(["Daily Lantern", "Daily News", "Valley News"])
    assert len(aliases.groups) == 3


def test_reuse_outlet_names_display_the_full_plain_spelling() -> None:
    aliases = OutletAliases.from_names(["MEE", "M\u0456ddle East Eye", "the Middle East Eye"])
    assert aliases.display("MEE") == "Middle East Eye"


def test_reuse_outlet_names_know_wire_services_by_short_name() -> None:
    assert is_wire_service("AFP") and is_wire_service("Reuters")
    assert not is_wire_service("Daily Lantern") and not is_wire_service(None)
    assert acronym("Middle East Eye") == "mee"
