"""Putting back article text the extractor missed: body continuations and dropped words."""

from __future__ import annotations

import lxml.html
import pytest

from storytrace.extract.blocks import page_blocks
from storytrace.extract.restore import add_continuations, restore_dropped_words

LONG = "is a paragraph with enough words to count as article text."


def _page(body: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(f"<html><body>{body}</body></html>")


def _part(css_class: str, *names: str) -> str:
    return f"<div class='{css_class}'>" + "".join(f"<p>{n} {LONG}</p>" for n in names) + "</div>"


def test_restore_inserts_a_continuation_where_it_stands_on_the_page() -> None:
    page = _page(_part("body", "One", "Two") + "<div>Ad</div>" + _part("body", "Three", "Four"))
    text = f"One {LONG}\nTwo {LONG}\nThe end."
    assert add_continuations(text, page_blocks(page)).split("\n") == [
        f"One {LONG}",
        f"Two {LONG}",
        f"Three {LONG}",
        f"Four {LONG}",
        "The end.",
    ]


@pytest.mark.parametrize(
    "second_part",
    [
        _part("body", "Three"),
        _part("promo", "Three", "Four"),
        "<div>" + "".join(f"<p>{n} {LONG}</p>" for n in ("Three", "Four")) + "</div>",
        "<div class='body'><p>Short one.</p><p>Short two.</p></div>",
    ],
)
def test_restore_takes_back_only_a_container_like_the_body_with_paragraphs(
    second_part: str,
) -> None:
    page = _page(_part("body", "One", "Two") + second_part)
    text = f"One {LONG}\nTwo {LONG}"
    assert add_continuations(text, page_blocks(page)) == text


def test_restore_leaves_a_paragraph_the_extractor_dropped_from_the_body_itself() -> None:
    page = _page(_part("body", "One", "Two", "Subscribe now, this"))
    text = f"One {LONG}\nTwo {LONG}"
    assert add_continuations(text, page_blocks(page)) == text


def test_restore_puts_back_words_dropped_inside_a_paragraph() -> None:
    page = _page(
        "<p>The insider reported that <a href='/x'>the league will fine the player</a> "
        "for his role in the fight on Thursday.</p>"
    )
    text = "Intro line.\nThe insider reported that for his role in the fight on Thursday."
    assert restore_dropped_words(text, page_blocks(page)) == (
        "Intro line.\nThe insider reported that the league will fine the player "
        "for his role in the fight on Thursday."
    )


@pytest.mark.parametrize(
    "line",
    [
        "The insider said so.",
        "Thursday the insider reported that for his role in the fight.",
        "The insider reported that the league will fine the player for his role in the fight.",
    ],
)
def test_restore_keeps_lines_that_are_not_a_shortened_paragraph(line: str) -> None:
    page = _page(
        "<p>The insider reported that the league will fine the player for his role in the "
        "fight on Thursday, and more words that make this paragraph much longer than it was.</p>"
    )
    assert restore_dropped_words(line, page_blocks(page)) == line
