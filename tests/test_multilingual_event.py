"""One event reported independently in English, French and Arabic, and another story from
the same port: grouped by event, not by language or place, with the Arabic report's
different figure found (fixture: ``tests/data/multilingual_event``, written for these tests).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from storytrace.models import Report, StoryAnalysis
from storytrace.pipeline import analyze
from storytrace.settings import Settings

FIXTURE = Path(__file__).parent / "data" / "multilingual_event"


@pytest.fixture(scope="module")
def report() -> Report:
    return analyze(sorted(str(path) for path in FIXTURE.glob("*.jsonl")), settings=Settings())


def _ids_by_file(report: Report) -> dict[str, str]:
    return {Path(a.source.split("#")[0]).stem: a.id for a in report.articles}


def _story_of(report: Report, article_id: str) -> StoryAnalysis:
    return next(s for s in report.stories if article_id in s.story.article_ids)


def test_the_fire_is_one_story_in_three_languages(report: Report) -> None:
    ids = _ids_by_file(report)
    fire = _story_of(report, ids["fire-en-harbour"])
    assert set(fire.story.article_ids) == {
        ids["fire-en-harbour"], ids["fire-en-coast"], ids["fire-fr"], ids["fire-ar"]
    }  # fmt: skip


def test_a_strike_in_the_same_port_is_a_story_of_its_own(report: Report) -> None:
    ids = _ids_by_file(report)
    assert _story_of(report, ids["strike-en"]).story.article_ids == (ids["strike-en"],)


def test_the_french_and_arabic_reports_state_the_injury_claim(report: Report) -> None:
    ids = _ids_by_file(report)
    fire = _story_of(report, ids["fire-en-harbour"])
    injured = next(c for c in fire.claims if "14 passengers" in c.text)
    stating = {m.article_id for m in injured.mentions}
    assert {ids["fire-fr"], ids["fire-ar"]} <= stating
    assert injured.independent_support >= 3


def test_the_french_mention_carries_the_attribution_read_in_french(report: Report) -> None:
    ids = _ids_by_file(report)
    fire = _story_of(report, ids["fire-en-harbour"])
    french = [
        m for c in fire.claims for m in c.mentions if m.article_id == ids["fire-fr"] and m.cue
    ]
    assert any(m.cue == "selon" and m.attributed_to == "les pompiers régionaux" for m in french)


def test_the_arabic_figure_is_a_discrepancy_with_both_spans(report: Report) -> None:
    ids = _ids_by_file(report)
    fire = _story_of(report, ids["fire-en-harbour"])
    arabic = next(a for a in report.articles if a.id == ids["fire-ar"])
    found = [
        d
        for d in fire.discrepancies
        if d.kind == "number" and "41" in {v.value for v in d.variants}
    ]
    assert len(found) == 1
    values = {v.value: v for v in found[0].variants}
    assert set(values) == {"14", "41"}
    span = values["41"].mentions[0]
    assert arabic.text[span.start : span.end] == "41"


def test_the_strike_has_no_discrepancy(report: Report) -> None:
    ids = _ids_by_file(report)
    assert _story_of(report, ids["strike-en"]).discrepancies == ()
