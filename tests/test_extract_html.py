"""extract_html on whole pages: the article, its stated metadata, and everything else kept aside."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from storytrace.extract import Extraction, extract_html
from storytrace.ingest.html import read_html
from storytrace.models import RawDocument, Rejected

PAGES = Path(__file__).parent / "data" / "html"


def _extract(name: str, *, url: str | None = None) -> Extraction | Rejected:
    path = PAGES / name
    document = next(iter(read_html(str(path), path.read_bytes(), url=url)))
    assert isinstance(document, RawDocument)
    return extract_html(document.content, source=document.source, url=document.url)


def _article(name: str, *, url: str | None = None) -> Extraction:
    extraction = _extract(name, url=url)
    assert isinstance(extraction, Extraction), extraction
    return extraction


def test_extract_keeps_the_article_paragraphs_one_per_line() -> None:
    extraction = _article("article.html")
    lines = extraction.text.split("\n")
    assert len(lines) == 6
    assert lines[0].startswith("The Old Harbour bridge reopened to traffic on Tuesday morning")
    assert lines[-1].startswith("Cyclists will have to wait until April")


@pytest.mark.parametrize(
    "furniture",
    [
        "News",
        "Related stories",
        "Storm leaves thousands without power across the coast",
        "Share on Facebook",
        "Get the morning briefing in your inbox every day.",
        "Copyright 2024 The Coastal Ledger",
        "Photo: Ledger staff",
    ],
)
def test_extract_leaves_page_furniture_out_of_the_text(furniture: str) -> None:
    assert furniture not in _article("article.html").text


def test_extract_lists_what_it_left_out_in_page_order() -> None:
    left_out = _article("article.html").left_out
    assert left_out[:3] == ("The Coastal Ledger", "News", "Sport")
    expected_order = [
        "Harbour bridge reopens after storm repairs",
        "By Mira Calloway",
        "The bridge on Monday morning. Photo: Ledger staff",
        "Related stories",
        "Share on Facebook Share on X Email this story",
        "Get the morning briefing in your inbox every day.",
        "Copyright 2024 The Coastal Ledger. All rights reserved.",
    ]
    positions = [left_out.index(text) for text in expected_order]
    assert positions == sorted(positions)


def test_extract_left_out_skips_text_that_is_never_shown() -> None:
    left_out = " ".join(_article("article.html").left_out)
    for hidden in ("Do not show this script text", "display: none", "Template text never shown"):
        assert hidden not in left_out
    assert "Please enable JavaScript" not in left_out


def test_extract_loses_no_visible_text() -> None:
    extraction = _article("article.html")
    shown = extraction.text + "\n" + "\n".join(extraction.left_out)
    for line in ("Weather", "Ferry timetable changes while bridge is closed", "Subscribe"):
        assert line in shown


def test_extract_reads_the_metadata_the_page_states() -> None:
    extraction = _article(
        "article.html", url="https://www.coastal-ledger.example/news/2024/03/05/bridge"
    )
    assert extraction.title == "Harbour bridge reopens after storm repairs"
    assert extraction.byline == "Mira Calloway"
    assert extraction.published == "2024-03-05T07:30:00Z"
    assert extraction.site_name == "The Coastal Ledger"
    assert extraction.language == "en-GB"
    assert extraction.canonical_url == (
        "https://www.coastal-ledger.example/news/2024/harbour-bridge-reopens"
    )


def test_extract_gives_no_canonical_url_when_a_relative_one_cannot_be_resolved() -> None:
    assert _article("article.html").canonical_url is None


def test_extract_rejects_a_page_without_an_article() -> None:
    rejected = _extract("no_article.html")
    assert isinstance(rejected, Rejected)
    assert rejected.source.endswith("no_article.html")
    assert rejected.reason.startswith("HTML page has no article text (the extractor found ")


@pytest.mark.parametrize(
    ("html", "reason"),
    [
        ("", "HTML page is empty"),
        ("  \n ", "HTML page is empty"),
        (
            "<html><body></body></html>",
            "HTML page has no article text (the extractor found 0 words)",
        ),
        (
            "%PDF-1.4",
            "HTML page has no article text "
            "(the extractor found 1 word, in no line of 40 letters or more)",
        ),
    ],
)
def test_extract_says_why_there_is_no_article(html: str, reason: str) -> None:
    assert extract_html(html, source="page.html") == Rejected("page.html", reason)


@pytest.mark.parametrize("wrapper", ["<p>{}</p>", "<body><p>{}</p></body>", "<div><p>{}</p></div>"])
def test_extract_reads_a_page_that_is_only_a_fragment(wrapper: str) -> None:
    sentence = "The harbour bridge reopened to traffic after eleven weeks of repairs. "
    extraction = extract_html(wrapper.format(sentence * 3), source="bare.html")
    assert isinstance(extraction, Extraction)
    assert extraction.text == (sentence * 3).strip()


def test_extract_never_guesses_the_date_from_page_text() -> None:
    extraction = _article("undated.html")
    assert "3 March 1921" in extraction.text
    assert extraction.published is None


def test_extract_takes_the_date_from_the_address_when_the_page_states_none() -> None:
    extraction = _article("undated.html", url="https://clock.example/2023/02/01/why-slow")
    assert extraction.published == "2023-02-01"


def test_extract_reads_a_marked_dateline_and_a_declared_language() -> None:
    extraction = _article("dateline.html")
    assert extraction.published == "2024-09-12T08:00:00+02:00"
    assert extraction.language == "fr"
    assert extraction.byline == "Lucie Fabre"


def test_extract_joins_an_article_body_split_by_an_advertisement() -> None:
    extraction = _article("split_body.html")
    lines = extraction.text.split("\n")
    assert len(lines) == 6
    assert lines[3].startswith("The agency says automation will save")
    assert "Advertisement" in extraction.left_out


def test_extract_keeps_an_embedded_post_as_a_quote() -> None:
    text = _article("embedded_post.html").text
    lines = text.split("\n")
    assert lines[1].startswith("With regret, the spring parade will not go ahead this year.")
    assert lines[2] == "\u2014 Mayor of Eastwick (@EastwickMayor) April 7, 2024"
    assert lines[3].startswith("Several councillors said")


def test_extract_gets_decoded_text_from_a_non_utf8_page() -> None:
    path = PAGES / "latin1.html"
    assert b"caf\xe9" in path.read_bytes()
    extraction = _article("latin1.html")
    assert "Le café du Théâtre, ouvert en 1924 face à l\u2019opéra" in extraction.text
    assert "« Nous n\u2019allons rien moderniser" in extraction.text
    assert extraction.language == "fr"


def test_extract_never_opens_a_network_connection(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("extraction tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    for page in sorted(PAGES.glob("*.html")):
        _extract(page.name, url="https://www.coastal-ledger.example/news/2024/03/05/x")


def test_extract_does_not_change_the_records_it_returns() -> None:
    first = _article("article.html")
    assert first == _article("article.html")
    with pytest.raises(AttributeError):
        first.text = "changed"  # type: ignore[misc]
