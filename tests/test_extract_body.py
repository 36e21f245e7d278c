"""The main text: trafilatura in precision mode, in recall mode when precision keeps a fragment."""

from __future__ import annotations

import lxml.html
import pytest

from storytrace.extract import body
from storytrace.extract.body import main_text, unwrap_embedded_posts


def _page(markup: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(f"<html><body>{markup}</body></html>")


def _fake_runs(monkeypatch: pytest.MonkeyPatch, *, precise: str, broad: str) -> list[bool]:
    calls: list[bool] = []

    def run(root: lxml.html.HtmlElement, *, precision: bool) -> str:
        calls.append(precision)
        return (precise if precision else broad).strip()

    monkeypatch.setattr(body, "_run", run)
    return calls


def test_body_keeps_the_precise_text_when_it_covers_the_page(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = _fake_runs(monkeypatch, precise="word " * 60, broad="word " * 100)
    assert main_text(_page("<p>x</p>"), page_words=100) == ("word " * 60).strip()
    assert calls == [True]


@pytest.mark.parametrize(
    ("precise", "broad", "expected"),
    [
        ("", "recall text here", "recall text here"),
        ("reprint notice", "word " * 50, ("word " * 50).strip()),
        ("word " * 20, "word " * 30, ("word " * 20).strip()),
    ],
)
def test_body_falls_back_to_recall_when_precision_keeps_a_fragment(
    monkeypatch: pytest.MonkeyPatch, precise: str, broad: str, expected: str
) -> None:
    calls = _fake_runs(monkeypatch, precise=precise, broad=broad)
    assert main_text(_page("<p>x</p>"), page_words=500) == expected.strip()
    assert calls == [True, False]


def test_body_extracts_a_real_article_and_not_its_footer() -> None:
    sentence = "The harbour bridge reopened to traffic after eleven weeks of repairs. "
    page = _page(f"<article><p>{sentence * 8}</p></article><footer>Contact us</footer>")
    text = main_text(page, page_words=88)
    assert text.startswith("The harbour bridge reopened")
    assert "Contact us" not in text


def test_body_embedded_post_becomes_a_plain_quote_without_its_wrappers() -> None:
    page = _page(
        "<article><p>Intro.</p><div class='social-embed'><div class='wrap'>"
        "<blockquote class='twitter-tweet'><p>Posted words.</p>— Someone (@someone)"
        "</blockquote></div></div><p>After.</p></article>"
    )
    unwrapped = unwrap_embedded_posts(page)
    assert unwrapped is not page
    assert page.xpath("//blockquote[@class='twitter-tweet']")
    quotes = unwrapped.xpath("//article/blockquote")
    assert len(quotes) == 1
    assert quotes[0].attrib == {}
    assert " ".join(quotes[0].text_content().split()) == "Posted words.— Someone (@someone)"
    assert not unwrapped.xpath("//*[@class='social-embed']")


def test_body_page_without_embedded_posts_is_not_copied() -> None:
    page = _page("<p>Nothing embedded.</p>")
    assert unwrap_embedded_posts(page) is page
