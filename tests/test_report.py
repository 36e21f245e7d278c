from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from storytrace.models import Article, Mention, Rejected, Removed, Report, Story, StoryEvidence
from storytrace.pipeline import analyze
from storytrace.report import render_markdown, report_document, write_report
from storytrace.settings import Settings

SCHEMA = json.loads((Path(__file__).parents[1] / "docs" / "report.schema.json").read_text())

HOSTILE = "<script>alert(1)</script> [click](javascript:alert(1)) <img src=x onerror=alert(1)>"


def _validate(document: dict[str, object]) -> None:
    jsonschema.Draft202012Validator(SCHEMA).validate(document)


def test_report_schema_is_itself_valid() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_report_of_every_test_input_matches_the_schema(data: Path) -> None:
    report = analyze([str(data / "inputs"), str(data / "bad")], settings=Settings())
    _validate(report_document(report))


def test_report_with_stories_matches_the_schema() -> None:
    article = Article(id="a0123456789abcde", source="x.txt", text="Quake hits town.")
    story = Story(
        id="s1",
        article_ids=(article.id,),
        title="Quake",
        explanation=(StoryEvidence("entity", "Port Elwin", 0.8, (Mention(article.id, 0, 5),)),),
    )
    _validate(report_document(Report(articles=(article,), stories=(story,))))


def test_report_files_are_written(tmp_path: Path) -> None:
    article = Article(id="a0123456789abcde", source="x.txt", text="Quake hits town.")
    written = write_report(Report(articles=(article,)), tmp_path / "out")
    assert [p.name for p in written] == ["report.json", "report.md"]
    assert json.loads(written[0].read_text())["articles"][0]["id"] == article.id


def test_report_markdown_escapes_article_text() -> None:
    article = Article(
        id="a0123456789abcde",
        source=HOSTILE,
        text=HOSTILE,
        title=HOSTILE,
        removed=(Removed("caption", HOSTILE),),
    )
    markdown = render_markdown(Report(articles=(article,), rejected=(Rejected(HOSTILE, HOSTILE),)))
    assert "<script>" not in markdown
    assert "<img" not in markdown
    assert "](javascript:" not in markdown


@pytest.mark.parametrize("field", ["articles", "rejected", "stories"])
def test_report_document_lists_every_part(field: str) -> None:
    assert field in report_document(Report(articles=()))
