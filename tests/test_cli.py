from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from storytrace.cli import main


def _invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def test_cli_analyze_writes_the_report_and_a_one_line_rejection_summary(
    tmp_path: Path, data: Path
) -> None:
    code, output = _invoke(
        "analyze",
        str(data / "inputs"),
        str(data / "bad" / "empty.txt"),
        "--out",
        str(tmp_path / "out"),
        "--db",
        str(tmp_path / "st.db"),
    )
    assert code == 0, output
    assert "Analysed" in output
    [summary] = [line for line in output.splitlines() if line.startswith("Rejected")]
    assert "1 x empty file (N bytes)" in summary
    assert "2 x WARC responses that are not HTML pages were not read" in summary
    report = json.loads((tmp_path / "out" / "report.json").read_text())
    assert report["articles"]
    assert (tmp_path / "out" / "report.md").exists()


def test_cli_analyze_fails_when_nothing_could_be_analysed(tmp_path: Path, data: Path) -> None:
    code, output = _invoke(
        "analyze",
        str(data / "bad" / "empty.txt"),
        "--out",
        str(tmp_path / "out"),
        "--db",
        str(tmp_path / "st.db"),
    )
    assert code == 1
    assert "Nothing could be analysed." in output


def test_cli_analyze_reads_an_explicit_metadata_sidecar(tmp_path: Path, data: Path) -> None:
    sidecar = tmp_path / "meta.csv"
    sidecar.write_text("file,outlet,published\nquake.txt,Sidecar Times,2026-02-03\n")
    code, output = _invoke(
        "analyze",
        str(data / "inputs" / "quake.txt"),
        "--metadata",
        str(sidecar),
        "--out",
        str(tmp_path / "out"),
        "--db",
        str(tmp_path / "st.db"),
    )
    assert code == 0, output
    [article] = json.loads((tmp_path / "out" / "report.json").read_text())["articles"]
    assert article["outlet"] == "Sidecar Times"
    assert article["published"] == "2026-02-03"


def test_cli_reports_a_store_problem_without_a_traceback(tmp_path: Path, data: Path) -> None:
    bad_store = tmp_path / "bad.db"
    bad_store.write_bytes(b"not sqlite" * 200)
    code, output = _invoke(
        "analyze",
        str(data / "inputs" / "quake.txt"),
        "--db",
        str(bad_store),
        "--out",
        str(tmp_path / "out"),
    )
    assert code == 1
    assert "Error: " in output and "not a storytrace store" in output
    assert "Traceback" not in output


@pytest.mark.parametrize("command", [[], ["analyze"], ["demo"]])
def test_cli_every_help_ends_with_an_example(command: list[str]) -> None:
    code, output = _invoke(*command, "--help")
    assert code == 0
    assert "Example: storytrace" in output


def test_cli_version() -> None:
    code, output = _invoke("--version")
    assert code == 0 and "storytrace" in output
