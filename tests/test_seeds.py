"""The foundation issue's acceptance checks on the two real seed articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from storytrace.models import Article, Report
from storytrace.pipeline import analyze
from storytrace.settings import Settings

HEADLINE = (
    "Leaked tape recordings show Khalifa Haftar\u2019s forces are backed by American, British "
    "and Italian military, Middle East Eye reported"
)
FURNITURE = [
    "Submit a Correction",
    "How to submit an Op-Ed",
    "Your suggestion have been successfully submitted",
    "You might also like",
    "AFP PHOTO",
]


@pytest.fixture(scope="module")
def report() -> Report:
    from tests.conftest import SEEDS

    if not SEEDS.is_dir():
        pytest.skip(f"the seed articles are not at {SEEDS}")
    return analyze([str(SEEDS)], settings=Settings())


def _by_name(report: Report, name: str) -> Article:
    [article] = [a for a in report.articles if Path(a.source).name == name]
    return article


def test_seeds_give_two_articles_and_nothing_rejected(report: Report) -> None:
    assert len(report.articles) == 2
    assert report.rejected == ()


def test_seeds_title_is_the_first_line_of_003(report: Report) -> None:
    assert _by_name(report, "003_6732e68f8beaf28c.txt").title == HEADLINE


@pytest.mark.parametrize("needle", FURNITURE)
def test_seeds_furniture_of_003_is_removed_not_lost(report: Report, needle: str) -> None:
    article = _by_name(report, "003_6732e68f8beaf28c.txt")
    assert needle not in article.text
    assert any(needle in piece.text for piece in article.removed)


def test_seeds_photo_caption_is_removed_once_as_a_caption(report: Report) -> None:
    article = _by_name(report, "003_6732e68f8beaf28c.txt")
    captions = [p for p in article.removed if "A Libyan boy holds a portrait" in p.text]
    assert [p.kind for p in captions].count("caption") == 1
    assert "A Libyan boy" not in article.text


def test_seeds_have_no_publication_date(report: Report) -> None:
    assert [a.published for a in report.articles] == [None, None]


def test_seeds_byline_and_credit_of_000(report: Report) -> None:
    article = _by_name(report, "000_015605b83f63924a.txt")
    assert article.byline == "Libyan Gazette Editorial Staff"
    assert ("credit", "Photo: AFP") in [(p.kind, p.text) for p in article.removed]


def test_seeds_every_input_line_is_in_the_text_or_removed(report: Report, seeds: Path) -> None:
    for article in report.articles:
        original = Path(article.source).read_text(encoding="utf-8")
        for line in filter(None, (line.strip() for line in original.splitlines())):
            assert line in article.text or any(line == p.text for p in article.removed), line


def test_seeds_removed_offsets_point_into_the_input(report: Report) -> None:
    for article in report.articles:
        original = Path(article.source).read_text(encoding="utf-8")
        for piece in article.removed:
            assert piece.start is not None and piece.end is not None
            assert original[piece.start : piece.end] == piece.text


def test_seeds_are_identified_as_english(report: Report) -> None:
    assert {a.language for a in report.articles} == {"en"}
