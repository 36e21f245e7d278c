"""The bundled demo corpus: it ships with the package and analyses cleanly."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from storytrace.cli import main

ROOT = Path(__file__).parents[1]


def test_demo_writes_a_report_of_every_article_and_the_one_bad_input(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["demo", "--out", str(tmp_path / "demo")])
    assert result.exit_code == 0, result.output
    report = json.loads((tmp_path / "demo" / "report.json").read_text())
    assert len(report["articles"]) == 16
    reasons = sorted(item["reason"] for item in report["rejected"])
    assert reasons[0] == "empty file (0 bytes)"
    assert reasons[1].startswith("feed entry has only a link; pass --fetch")
    outlets = {a["outlet"] for a in report["articles"]}
    assert {"Meridian Press Agency", "Le Courrier du Littoral", "WorldBrief 24"} <= outlets


def test_demo_warc_is_rebuilt_from_its_sources() -> None:
    result = subprocess.run(
        [sys.executable, "scripts/build_demo_warc.py", "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
