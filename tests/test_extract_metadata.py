"""Page metadata: only what the page states about its article, normalised."""

from __future__ import annotations

import lxml.html
import pytest

from storytrace.extract.metadata import canonical_url, page_language, published_date


def _page(
    head: str = "", body: str = "<p>Text</p>", html_attributes: str = ""
) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(
        f"<html {html_attributes}><head>{head}</head><body>{body}</body></html>"
    )


@pytest.mark.parametrize(
    ("head", "body", "expected"),
    [
        (
            '<meta property="article:published_time" content="2019-11-18T23:04:24-05:00">',
            "<p>Text</p>",
            "2019-11-18T23:04:24-05:00",
        ),
        ('<meta name="pubdate" content="2019-11-18">', "<p>Text</p>", "2019-11-18"),
        (
            '<meta property="article:published_time" content="November 19, 2019, 07:47 PM EST">',
            "<p>Text</p>",
            "2019-11-19T19:47:00-05:00",
        ),
        (
            '<script type="application/ld+json">{"@graph": [{"@type": "WebSite"},'
            ' {"@type": "NewsArticle", "datePublished": "2020-02-03T10:00:00Z"}]}</script>',
            "<p>Text</p>",
            "2020-02-03T10:00:00Z",
        ),
        (
            "",
            '<p>Posted <time itemprop="datePublished" datetime="2021-06-07">7 June</time></p>',
            "2021-06-07",
        ),
        (
            "",
            '<header><span class="pub-date">Published March 5, 2024, 9:15 a.m.</span></header>',
            "2024-03-05",
        ),
        ("", '<div class="entry-date published">4 May 2022</div>', "2022-05-04"),
    ],
)
def test_metadata_reads_the_stated_publication_date(head: str, body: str, expected: str) -> None:
    assert published_date(_page(head, body), url=None) == expected


@pytest.mark.parametrize(
    ("head", "body"),
    [
        ("", "<p>The bridge opened on 3 March 2021 after repairs.</p>"),
        ("", '<aside><span class="published">12 January 2023</span></aside>'),
        ("", '<a href="/other"><span class="pub-date">12 January 2023</span></a>'),
        ('<meta property="article:modified_time" content="2019-11-19T13:23:59-05:00">', ""),
        ('<meta name="pubdate" content="2019">', ""),
        ('<meta name="pubdate" content="05/10/2018">', ""),
        ('<meta name="pubdate" content="19 Nov 2019 10:00 XYZ">', ""),
        ('<meta name="pubdate" content="1874-05-04">', ""),
        ('<script type="application/ld+json">{"@type": "Article", "datePublished": </script>', ""),
        (
            '<script type="application/ld+json">'
            '{"@type": "Event", "datePublished": "2019-01-01"}</script>',
            "",
        ),
    ],
)
def test_metadata_states_no_date_rather_than_a_guess(head: str, body: str) -> None:
    assert published_date(_page(head, body), url=None) is None


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://news.example/2019/11/18/a-story", "2019-11-18"),
        ("https://news.example/world/2019-11-18/a-story", "2019-11-18"),
        ("https://news.example/2019/11/a-story", None),
        ("https://news.example/story-20191118", None),
        (None, None),
    ],
)
def test_metadata_reads_a_full_date_in_the_address(url: str | None, expected: str | None) -> None:
    assert published_date(_page(), url=url) == expected


@pytest.mark.parametrize(
    ("attributes", "head", "expected"),
    [
        ('lang="en"', "", "en"),
        ('lang="PT_br"', "", "pt-br"),
        ('xml:lang="de"', "", "de"),
        ("", '<meta http-equiv="Content-Language" content="fr, en">', "fr"),
        ("", '<meta property="og:locale" content="es_ES">', "es-ES"),
        ('lang="not a language"', "", None),
        ("", "", None),
    ],
)
def test_metadata_language_is_the_declared_one(
    attributes: str, head: str, expected: str | None
) -> None:
    assert page_language(_page(head, html_attributes=attributes)) == expected


@pytest.mark.parametrize(
    ("head", "url", "expected"),
    [
        ('<link rel="canonical" href="https://a.example/x">', None, "https://a.example/x"),
        ('<link rel="Canonical" href="/x">', "https://a.example/y?page=2", "https://a.example/x"),
        ('<meta property="og:url" content="https://a.example/z">', None, "https://a.example/z"),
        ('<link rel="canonical" href="/x">', None, None),
        ('<link rel="canonical" href="javascript:void(0)">', None, None),
    ],
)
def test_metadata_canonical_url_is_absolute(
    head: str, url: str | None, expected: str | None
) -> None:
    assert canonical_url(_page(head), url=url) == expected
