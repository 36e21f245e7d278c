"""Exports: claim matrix CSV, JSON Lines, GraphML, Markdown, from a report or a store."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import networkx as nx
import pytest

from storytrace.errors import ConfigurationError, InputError
from storytrace.export import EXPORT_FORMATS, export, read_report, report_from_store
from storytrace.report import write_report
from storytrace.store import Store
from tests.handmade import fill_store, small_report, two_story_report


def _export(format: str) -> str:
    out = io.StringIO()
    export(small_report(), format, out)
    return out.getvalue()


def test_export_claims_matrix_as_csv_one_column_per_outlet() -> None:
    rows = list(csv.DictReader(io.StringIO(_export("csv"))))
    assert [r["claim_id"] for r in rows] == ["c1", "c2"]
    first, second = rows
    assert (first["Wire Agency"], first["Daily Paper"], first["Radio One"]) == (
        "stated",
        "stated",
        "hedged",
    )
    assert second["Daily Paper"] == "contradicted" and second["single_source"] == "yes"
    assert first["independent_sources"] == "2" and first["articles"] == "3"


def test_export_csv_cells_cannot_become_spreadsheet_formulas() -> None:
    report = small_report()
    claim = report.stories[0].claims[0]
    formula = type(claim)(claim.id, '=HYPERLINK("http://evil.example")', claim.mentions, 1, 1)
    story = type(report.stories[0])(report.stories[0].story, claims=(formula,))
    out = io.StringIO()
    export(type(report)(articles=report.articles, stories=(story,)), "csv", out)
    row = next(csv.DictReader(io.StringIO(out.getvalue())))
    assert row["claim"].startswith("'=")


def test_export_json_lines_holds_articles_then_stories() -> None:
    lines = [json.loads(line) for line in _export("jsonl").splitlines()]
    assert [line["type"] for line in lines] == ["article"] * 3 + ["story"]
    assert lines[0]["story_id"] == "s1" and lines[-1]["claims"][0]["id"] == "c1"


def test_export_graphml_reads_back_with_networkx(tmp_path: Path) -> None:
    path = tmp_path / "graph.graphml"
    export(small_report(), "graphml", path)
    graph = nx.read_graphml(path)
    assert set(graph.nodes) == {"a1", "a2", "a3", "cited:s1:1"}
    assert graph.edges["a1", "a2"]["kind"] == "copy"
    assert graph.edges["a1", "a2"]["reused_share"] == pytest.approx(0.5479)
    assert graph.edges["cited:s1:1", "a2"]["kind"] == "cites"
    assert graph.nodes["a1"]["is_origin"] is True and graph.nodes["a1"]["lineage"] == "s1:L1"
    assert graph.nodes["a1"]["url"] == "https://wire.example/fire"


def test_export_markdown_is_the_markdown_report() -> None:
    assert _export("md").startswith("# storytrace report")


def test_export_reads_a_whole_store(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        fill_store(store, two_story_report())
        report = report_from_store(store)
        export(store, "jsonl", tmp_path / "out" / "all.jsonl")
    assert sorted(s.story.id for s in report.stories) == ["s1", "s2"]
    lines = (tmp_path / "out" / "all.jsonl").read_text().splitlines()
    assert len(lines) == 4 + 2


def test_export_reads_a_report_json_back(tmp_path: Path) -> None:
    write_report(small_report(), tmp_path)
    assert read_report(tmp_path / "report.json") == small_report()
    (tmp_path / "bad.json").write_text("{}")
    with pytest.raises(InputError, match=r"as a storytrace report\.json"):
        read_report(tmp_path / "bad.json")


def test_export_refuses_unknown_formats_listing_the_known() -> None:
    with pytest.raises(ConfigurationError, match="csv, jsonl, graphml, md"):
        export(small_report(), "xlsx", io.StringIO())
    assert EXPORT_FORMATS == ("csv", "jsonl", "graphml", "md")
