"""Time the web app's story list on a store of 10,000 invented articles.

Usage: python benchmarks/story_list.py [--articles N] [--db PATH]
(the store is built once and kept at --db; delete it to rebuild).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from storytrace.web.benchmark import build_store, time_story_list


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument(
        "--db", type=Path, default=Path(tempfile.gettempdir()) / "storytrace-bench.db"
    )
    parser.add_argument("--repeat", type=int, default=30)
    options = parser.parse_args()
    if not options.db.exists():
        began = time.perf_counter()
        build_store(options.db, articles=options.articles)
        print(f"built {options.db} in {time.perf_counter() - began:.1f} s")
    result = time_story_list(options.db, repeat=options.repeat)
    print(f"{result.articles} articles, {result.stories} stories, {options.repeat} requests each")
    for timing in result.timings:
        print(
            f"  {timing.path:<62} median {timing.median_ms:6.1f} ms  "
            f"p95 {timing.p95_ms:6.1f} ms  max {timing.max_ms:6.1f} ms"
        )


if __name__ == "__main__":
    main()
