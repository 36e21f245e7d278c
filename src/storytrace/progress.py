"""How a long run shows its progress: bars on a terminal, plain lines in a log.

Both are progress callbacks for :func:`storytrace.pipeline.analyze`, told a
stage's name, how many items it has done and how many there are if known. The
command line picks one; :class:`ProgressLines` writes to any stream and reads
any clock, so it is tested without a terminal and without waiting.

>>> import io
>>> out, now = io.StringIO(), iter([0.0, 30.0, 72.0])
>>> lines = ProgressLines(out, clock=lambda: next(now), interval=10.0)
>>> lines("analyse stories", 20, 88)
>>> lines("analyse stories", 40, 88)
>>> print(out.getvalue(), end="")
analyse stories: 20/88 (23%), 30s elapsed, ETA 1m42s
analyse stories: 40/88 (45%), 1m12s elapsed, ETA 1m26s
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO

from tqdm import tqdm


def format_duration(seconds: float) -> str:
    """Seconds as a person reads them: ``"45s"``, ``"1m12s"``, ``"2h05m"``.

    >>> format_duration(72.4)
    '1m12s'
    """
    whole = round(max(seconds, 0.0))
    if whole < 60:
        return f"{whole}s"
    if whole < 3600:
        return f"{whole // 60}m{whole % 60:02d}s"
    return f"{whole // 3600}h{whole % 3600 // 60:02d}m"


def remaining_seconds(done: int, total: int | None, elapsed: float) -> float | None:
    """Seconds left at the pace so far; ``None`` while nothing is done or the total is unknown.

    >>> remaining_seconds(40, 88, 72.0)
    86.4
    """
    if total is None or done <= 0:
        return None
    return max(total - done, 0) * elapsed / done


class ProgressLines:
    """A line per stage at most every ``interval`` seconds, and a last line when it ends:
    once all its items are done, or else when the next stage reports or on :meth:`close`.

    Meant for standard error when it is not a terminal (a log file, CI), where
    bars redrawn in place would fill the log with carriage returns. The pipeline
    reports an item once it is done, so a stage's time runs from the previous
    report (or from the creation of this object) to its own last report.
    """

    def __init__(
        self,
        stream: TextIO,
        *,
        clock: Callable[[], float] = time.monotonic,
        interval: float = 10.0,
    ) -> None:
        if interval <= 0:
            raise ValueError(f"interval={interval!r}: expected seconds > 0, such as 10.0")
        self.stream = stream
        self.clock = clock
        self.interval = interval
        self._stage: str | None = None
        self._done = 0
        self._total: int | None = None
        self._started = self._printed = self._reported = clock()

    def __call__(self, stage: str, done: int, total: int | None) -> None:
        now = self.clock()
        if stage != self._stage:
            self.close()
            self._stage, self._started, self._printed = stage, self._reported, self._reported
        self._done, self._total, self._reported = done, total, now
        if total is not None and done >= total:
            self.close()
        elif now - self._printed >= self.interval:
            self._printed = now
            self._write(self._line(now, final=False))

    def close(self) -> None:
        """Write the last line of the stage under way, if any; later calls start afresh."""
        if self._stage is not None:
            self._write(self._line(self._reported, final=True))
            self._stage = None

    def _line(self, now: float, *, final: bool) -> str:
        elapsed = now - self._started
        count = f"{self._done}"
        if self._total is not None:
            share = self._done / self._total if self._total else 1.0
            count = f"{self._done}/{self._total} ({share:.0%})"
        if final:
            return f"{self._stage}: {count} in {format_duration(elapsed)}"
        line = f"{self._stage}: {count}, {format_duration(elapsed)} elapsed"
        left = remaining_seconds(self._done, self._total, elapsed)
        return line if left is None else f"{line}, ETA {format_duration(left)}"

    def _write(self, line: str) -> None:
        self.stream.write(line + "\n")
        self.stream.flush()


class ProgressBars:
    """A tqdm bar per stage, with its rate and, when the total is known, its ETA.

    Each bar stays on screen when its stage is complete or the next stage reports.
    """

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream
        self._stage: str | None = None
        self._bar: tqdm[None] | None = None

    def __call__(self, stage: str, done: int, total: int | None) -> None:
        if self._bar is None or stage != self._stage:
            self.close()
            self._stage = stage
            self._bar = tqdm(desc=stage, total=total, unit="item", leave=True, file=self.stream)
        bar = self._bar
        if bar.total != total:
            bar.total = total
            bar.refresh()
        bar.update(done - bar.n)
        if total is not None and done >= total:
            self.close()

    def close(self) -> None:
        """Close the bar under way, if any, leaving its last state on screen."""
        if self._bar is not None:
            self._bar.close()
            self._bar = None
