from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from storytrace.models import (
    Article,
    Claim,
    ClaimMention,
    Discrepancy,
    Entity,
    Lineage,
    Mention,
    Opinion,
    Origin,
    OwnMaterial,
    Passage,
    ProvenanceEdge,
    ProvenanceEvidence,
    Rejected,
    Removed,
    Report,
    Reuse,
    Span,
    Story,
    StoryAnalysis,
    StoryEvidence,
    Variant,
)
from storytrace.pipeline import analyze
from storytrace.report import render_markdown, report_document, write_report
from storytrace.report.document import story_document
from storytrace.report.parse import story_from_document
from storytrace.settings import Settings
from tests.handmade import ranked_report

SCHEMA = json.loads((Path(__file__).parents[1] / "docs" / "report.schema.json").read_text())

HOSTILE = "<script>alert(1)</script> [click](javascript:alert(1)) <img src=x onerror=alert(1)>"


def _validate(document: dict[str, object]) -> None:
    jsonschema.Draft202012Validator(SCHEMA).validate(document)


def test_report_schema_is_itself_valid() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_report_of_every_test_input_matches_the_schema(data: Path) -> None:
    report = analyze([str(data / "inputs"), str(data / "bad")], settings=Settings())
    _validate(report_document(report))


def _full_analysis() -> tuple[Article, Article, StoryAnalysis]:
    first = Article(id="a0123456789abcde", source="x.txt", text="Quake hits town.", title="Quake")
    second = Article(id="a0123456789abcdf", source="y.txt", text="A quake hit the town.")
    mention = Mention(first.id, 0, 5)
    analysis = StoryAnalysis(
        story=Story(
            id="s1",
            article_ids=(first.id, second.id),
            title="Quake",
            explanation=(StoryEvidence("entity", "Port Elwin", 0.8, (mention,)),),
        ),
        reuse=(
            Reuse(
                first.id,
                second.id,
                (Passage(Span(0, 5), Span(2, 7), "edited", 0.9),),
                shared_chars=5,
                source_share=0.3125,
                target_share=0.25,
            ),
        ),
        provenance=(
            ProvenanceEdge(
                first.id,
                second.id,
                0.75,
                (ProvenanceEvidence("attribution", "credits the wire", mention),),
            ),
        ),
        origins=(Origin(None, "Harbour Press", in_corpus=False, cited_by=(mention,)),),
        lineages=(Lineage("l1", first.id, (first.id, second.id)),),
        own=(OwnMaterial(second.id, 0.5, (Span(8, 20),), independent=False),),
        claims=(
            Claim(
                "c1",
                "Quake hits town.",
                (ClaimMention(first.id, "text", 0, 16, "police", "said", False, True),),
                support=1,
                independent_support=1,
            ),
        ),
        discrepancies=(
            Discrepancy(
                "d1",
                "number",
                "c1",
                "23 vs 32 injured",
                (Variant("23", (mention,)), Variant("32", (Mention(second.id, 0, 2),))),
                scope="headline_body",
                facet="people/injured",
                score=0.8125,
                reasons=("a count of people", "one outlet's headline contradicts its own text"),
            ),
        ),
        entities=(Entity("e1", "Port Elwin", "place", ("Port Elwin",), (first.id,)),),
        opinions=(Opinion(first.id, True, ("op-ed notice",), (mention,)),),
    )
    return first, second, analysis


def test_report_with_every_story_part_matches_the_schema() -> None:
    first, second, analysis = _full_analysis()
    _validate(report_document(Report(articles=(first, second), stories=(analysis,))))


def test_report_story_document_reads_back_as_the_same_records() -> None:
    _, _, analysis = _full_analysis()
    assert story_from_document(story_document(analysis)) == analysis


def test_report_reads_discrepancies_written_before_ranking_as_unscored() -> None:
    _, _, analysis = _full_analysis()
    document = story_document(analysis)
    for field in ("facet", "score", "reasons"):
        del document["discrepancies"][0][field]
    [read] = story_from_document(document).discrepancies
    assert (read.facet, read.score, read.reasons) == ("", 0.0, ())


def test_report_schema_refuses_a_score_outside_zero_and_one() -> None:
    first, second, analysis = _full_analysis()
    document = report_document(Report(articles=(first, second), stories=(analysis,)))
    document["stories"][0]["discrepancies"][0]["score"] = 1.5
    with pytest.raises(jsonschema.ValidationError, match="maximum"):
        _validate(document)


def test_report_markdown_lists_discrepancies_strongest_first_with_both_sentences() -> None:
    markdown = render_markdown(ranked_report())
    assert markdown.index("figure for people/killed") < markdown.index("place named differs")
    assert "**strong 0.90**" in markdown and "**weak 0.20**" in markdown
    assert "in context, **32**: “Police said 32 people died.”" in markdown
    assert "&lt;script&gt;alert\\(1\\)&lt;/script&gt; said 23" in markdown
    assert "<script>" not in markdown and "<b>" not in markdown


def test_report_markdown_shows_every_story_part() -> None:
    first, second, analysis = _full_analysis()
    markdown = render_markdown(Report(articles=(first, second), stories=(analysis,)))
    for needle in ("Origin", "Who copied whom", "Lineages", "Shared passages", "Discrepancies"):
        assert needle in markdown
    assert "cited, not in the corpus" in markdown
    assert "“Quake”" in markdown


def test_report_files_are_written(tmp_path: Path) -> None:
    article = Article(id="a0123456789abcde", source="x.txt", text="Quake hits town.")
    written = write_report(Report(articles=(article,)), tmp_path / "out")
    assert [p.name for p in written] == ["report.json", "report.md", "report.html"]
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
