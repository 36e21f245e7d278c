"""The self-contained HTML report: every part shows, nothing loads, nothing from an article runs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from markupsafe import escape

from storytrace.models import Article, Report, Story, StoryAnalysis
from storytrace.report.html import render_html, report_policy, write_html
from storytrace.report.templating import asset, csp_hash
from tests.handmade import HOSTILE, hostile_report, ranked_report, small_report
from tests.safety import assert_inert, inspect_html

SCRIPT = asset("storytrace.js")


@pytest.fixture(scope="module")
def page() -> str:
    return render_html(small_report())


@pytest.mark.parametrize(
    "needle",
    [
        "Who copied whom",
        'class="graph-svg"',
        "cited, not in corpus",
        "55% · time, containment",
        "Timeline",
        "+2 h 18 min",
        "Claims by outlet",
        'class="cell cell-contradicted"',
        'class="cell cell-hedged"',
        "single source",
        "Discrepancies",
        "France or Italy sends help",
        "“Teams from Italy”",
        "Side by side",
        'data-c="1" data-n="1"',
        "Daily Paper shares 55% of its text with Wire Agency",
        'class="seg own"',
        'class="seg loaded"',
        '<details class="furniture">',
        "Share on social media",
        "Opinion",
        "Rejected inputs",
        'href="https://wire.example/fire"',
    ],
)
def test_html_report_shows_every_part_of_a_story(page: str, needle: str) -> None:
    assert needle in page


def test_html_report_highlights_shared_passages_in_the_same_colour_on_both_sides(page: str) -> None:
    columns = re.findall(r'data-column="(left|right)">(.*?)</div>\s*</div>', page, re.S)
    assert [side for side, _ in columns] == ["left", "right"]
    colours = [dict(re.findall(r'data-c="(\d)"[^>]*>([^<]+)<', body)) for _, body in columns]
    assert colours[0] == colours[1] and len(colours[0]) == 2


def test_html_report_allows_only_its_own_inline_script_and_style(page: str) -> None:
    style = asset("storytrace.css")
    policy = report_policy(style, SCRIPT)
    assert f'content="{escape(policy)}"' in page
    assert csp_hash(SCRIPT) in policy and csp_hash(style) in policy
    assert f"<style>{style}</style>" in page and f"<script>{SCRIPT}</script>" in page
    assert "default-src 'none'" in policy and "unsafe" not in policy
    assert_inert(page, allowed_scripts=[SCRIPT])


def test_html_report_loads_nothing_from_anywhere(page: str) -> None:
    found = inspect_html(page)
    assert found.loads == []
    assert not re.search(r'(src|srcset)="', page)
    assert not re.search(r'<link[^>]+rel="stylesheet"', page)
    assert "@import" not in asset("storytrace.css") and "url(" not in asset("storytrace.css")


def test_html_report_escapes_everything_an_article_brings() -> None:
    page = render_html(hostile_report())
    assert_inert(page, allowed_scripts=[SCRIPT])
    assert HOSTILE not in page
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page
    assert "javascript:alert(5)" not in page


def test_html_report_of_articles_without_stories_lists_them() -> None:
    article = Article(id="a1", source="x.txt", text="Quake hits town.", title="Quake")
    page = render_html(Report(articles=(article,)))
    assert 'id="article-a1"' in page and "Quake hits town." in page
    assert "Side by side" not in page


def test_html_report_is_written_as_report_html(tmp_path: Path) -> None:
    path = write_html(small_report(), tmp_path / "out")
    assert path == tmp_path / "out" / "report.html"
    assert path.read_text(encoding="utf-8").startswith("<!doctype html>")


def test_html_report_escapes_hostile_ids() -> None:
    evil = '"><script>alert(7)</script>'
    article = Article(id=evil, source="x", text="Text.", title="T")
    other = Article(id="b" + evil, source="y", text="Text.", title="U")
    story = StoryAnalysis(Story(id=evil, article_ids=(evil, "b" + evil), title=evil))
    page = render_html(Report(articles=(article, other), stories=(story,)))
    assert_inert(page, allowed_scripts=[SCRIPT])
    assert "<script>alert(7)" not in page


def test_html_report_shows_discrepancies_strongest_first_with_both_sentences_escaped() -> None:
    page = render_html(ranked_report())
    assert_inert(page, allowed_scripts=[SCRIPT])
    assert page.index("figure for people/killed") < page.index("place named differs")
    sides = re.findall(r'<div class="sides">(.*?)</div>', page, re.S)[0]
    assert "&lt;script&gt;alert(1)&lt;/script&gt; said <mark>23</mark> &lt;b&gt;people" in sides
    assert "Police said <mark>32</mark> people died." in sides
    assert "&lt;i&gt;Wire&lt;/i&gt;" in sides and "<script>" not in sides
    assert 'title="score 0.90&#10;a count of people">strong' in page
