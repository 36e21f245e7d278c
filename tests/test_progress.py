"""Progress off a terminal: a plain line per stage every few seconds with an ETA, and a
last line when the stage ends. A fake clock stands in for time, so nothing sleeps."""

from __future__ import annotations

import io
from collections.abc import Iterable
from pathlib import Path

import pytest
from click.testing import CliRunner

from storytrace.cli import main
from storytrace.progress import ProgressBars, ProgressLines, format_duration, remaining_seconds


class _Clock:
    """Returns the given times one call after another."""

    def __init__(self, times: Iterable[float]) -> None:
        self._times = iter(times)

    def __call__(self) -> float:
        return next(self._times)


def _lines(
    calls: Iterable[tuple[str, int, int | None]], times: Iterable[float], *, close: bool = True
) -> list[str]:
    out = io.StringIO()
    progress = ProgressLines(out, clock=_Clock(times), interval=10.0)
    for stage, done, total in calls:
        progress(stage, done, total)
    if close:
        progress.close()
    return out.getvalue().splitlines()


@pytest.mark.parametrize(
    ("done", "total", "elapsed", "expected"),
    [
        (40, 88, 72.0, 86.4),
        (1, 4, 10.0, 30.0),
        (88, 88, 300.0, 0.0),
        (90, 88, 300.0, 0.0),
        (0, 88, 10.0, None),
        (12, None, 10.0, None),
    ],
)
def test_progress_eta_is_the_pace_so_far_applied_to_what_is_left(
    done: int, total: int | None, elapsed: float, expected: float | None
) -> None:
    assert remaining_seconds(done, total, elapsed) == expected


@pytest.mark.parametrize(
    ("seconds", "expected"),
    [
        (0.0, "0s"),
        (-3.0, "0s"),
        (59.4, "59s"),
        (59.6, "1m00s"),
        (72.0, "1m12s"),
        (3599.0, "59m59s"),
        (3600.0, "1h00m"),
        (7530.0, "2h05m"),
    ],
)
def test_progress_durations_read_as_hours_minutes_seconds(seconds: float, expected: str) -> None:
    assert format_duration(seconds) == expected


def test_progress_line_shows_count_share_elapsed_and_eta() -> None:
    lines = _lines([("analyse stories", 40, 88)], [0.0, 72.0], close=False)
    assert lines == ["analyse stories: 40/88 (45%), 1m12s elapsed, ETA 1m26s"]


def test_progress_lines_come_at_most_once_per_interval() -> None:
    calls = [("analyse stories", done, 10) for done in range(1, 7)]
    lines = _lines(calls, [0.0, 2.0, 4.0, 10.0, 15.0, 19.9, 21.0], close=False)
    assert lines == [
        "analyse stories: 3/10 (30%), 10s elapsed, ETA 23s",
        "analyse stories: 6/10 (60%), 21s elapsed, ETA 14s",
    ]


def test_progress_each_stage_ends_with_a_last_line_without_eta() -> None:
    calls: list[tuple[str, int, int | None]] = [
        ("read", 1, None),
        ("read", 2, None),
        ("clean", 2, 2),
        ("group stories", 2, 2),
        ("analyse stories", 1, 1),
    ]
    # The clock is read once on creation and once per call; each item is reported once
    # done, so a stage's time runs from the previous report to its own last one.
    lines = _lines(calls, [0.0, 1.0, 4.0, 9.0, 10.0, 76.0])
    assert lines == [
        "read: 2 in 4s",
        "clean: 2/2 (100%) in 5s",
        "group stories: 2/2 (100%) in 1s",
        "analyse stories: 1/1 (100%) in 1m06s",
    ]


def test_progress_complete_stage_writes_its_last_line_at_once() -> None:
    calls: list[tuple[str, int, int | None]] = [
        ("analyse stories", 1, 2),
        ("analyse stories", 2, 2),
    ]
    lines = _lines(calls, [0.0, 5.0, 12.0], close=False)
    assert lines == ["analyse stories: 2/2 (100%) in 12s"]


def test_progress_stage_of_unknown_size_shows_its_count_without_eta() -> None:
    lines = _lines([("read", 1200, None)], [0.0, 30.0], close=False)
    assert lines == ["read: 1200, 30s elapsed"]


def test_progress_empty_stage_counts_as_complete() -> None:
    assert _lines([("clean", 0, 0)], [0.0, 1.0]) == ["clean: 0/0 (100%) in 1s"]


def test_progress_close_twice_writes_the_last_line_once() -> None:
    out = io.StringIO()
    progress = ProgressLines(out, clock=_Clock([0.0, 2.0]))
    progress("clean", 1, 1)
    progress.close()
    progress.close()
    assert out.getvalue() == "clean: 1/1 (100%) in 2s\n"


@pytest.mark.parametrize("interval", [0.0, -1.0])
def test_progress_interval_must_be_positive(interval: float) -> None:
    with pytest.raises(ValueError, match=f"interval={interval!r}: expected seconds > 0"):
        ProgressLines(io.StringIO(), interval=interval)


def test_progress_bars_show_each_stage_with_its_total() -> None:
    out = io.StringIO()
    bars = ProgressBars(out)
    bars("read", 5, None)
    for done in (1, 2, 3):
        bars("analyse stories", done, 3)
    bars.close()
    shown = out.getvalue()
    assert "read: 5item" in shown
    assert "analyse stories: 100%" in shown
    assert "3/3 [" in shown


@pytest.mark.parametrize("quiet", [False, True])
def test_progress_cli_off_a_terminal_prints_plain_lines_unless_quiet(
    tmp_path: Path, data: Path, quiet: bool
) -> None:
    arguments = [
        "analyze",
        str(data / "inputs" / "quake.txt"),
        "--out",
        str(tmp_path / "out"),
        "--db",
        str(tmp_path / "st.db"),
    ]
    result = CliRunner().invoke(main, arguments + (["--quiet"] if quiet else []))
    assert result.exit_code == 0, result.output
    stages = [line.split(":", 1)[0] for line in result.stderr.splitlines()]
    assert stages == ([] if quiet else ["read", "clean", "group stories", "analyse stories"])
    assert "\r" not in result.stderr
