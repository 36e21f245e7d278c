"""The command line starts without the analysis stack: ``--help`` loads no model.

Start-up time is counted in imported modules, not timed, so the tests are
stable on a slow machine: each case runs in a fresh interpreter and lists which
heavy modules it ended up importing.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = (
    "spacy",
    "scipy",
    "onnxruntime",
    "networkx",
    "sklearn",
    "numpy",
    "tqdm",
    "trafilatura",
    "storytrace.pipeline",
    "storytrace.claims.story",
    "storytrace.reuse.story",
    "storytrace.export",
)

_LOADED = "json.dumps(sorted(name for name in {heavy!r} if name in sys.modules))"


def _heavy_modules_after(code: str) -> list[str]:
    script = f"import json, sys\n{code}\nprint({_LOADED.format(heavy=HEAVY)})"
    run = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120
    )
    loaded: list[str] = json.loads(run.stdout.splitlines()[-1])
    return loaded


@pytest.mark.parametrize(
    "code",
    [
        "import storytrace",
        "import storytrace.cli",
        "from storytrace import Settings, Report, StorytraceError",
        "from storytrace.settings import SETTINGS_HELP, Settings; Settings()",
        "import storytrace.claims, storytrace.reuse, storytrace.stories",
        "import storytrace.ingest, storytrace.report, storytrace.store",
    ],
)
def test_cli_start_imports_load_no_heavy_module(code: str) -> None:
    assert _heavy_modules_after(code) == []


@pytest.mark.parametrize(
    "command",
    [
        ["--help"],
        ["analyze", "--help"],
        ["demo", "--help"],
        ["serve", "--help"],
        ["export", "--help"],
        ["stories", "--help"],
        ["stories", "merge", "--help"],
        ["compare", "--help"],
        ["bench", "--help"],
        ["bench", "reuse", "--help"],
        ["bench", "claims", "--help"],
    ],
)
def test_cli_start_help_loads_no_heavy_module(command: list[str]) -> None:
    code = (
        "from storytrace.cli import main\n"
        f"main({command!r}, standalone_mode=False, prog_name='storytrace')"
    )
    assert _heavy_modules_after(code) == []


def test_cli_start_listing_stories_loads_no_heavy_module(tmp_path: Path) -> None:
    db = tmp_path / "st.db"
    code = (
        "from storytrace.store import Store\n"
        f"Store({str(db)!r}).close()\n"
        "from storytrace.cli import main\n"
        f"main(['stories', '--db', {str(db)!r}], standalone_mode=False)"
    )
    assert _heavy_modules_after(code) == []


def test_cli_start_analysis_still_loads_the_pipeline() -> None:
    # The counting above is only meaningful if the same check sees the heavy stack when
    # it is really needed.
    loaded = _heavy_modules_after("import storytrace.pipeline")
    assert {"storytrace.pipeline", "storytrace.claims.story", "scipy"} <= set(loaded)
