"""Choose the ECB+ article pairs annotated for the reuse relation benchmark, and render them.

Pairs are two articles of one ECB+ event (one gold story). They are drawn by how
many word 8-grams they share, so that the sample holds look-alike wire copies
and rewrites as well as reports that share only quotations and independent
reports: every stratum is drawn with a fixed seed, at most three pairs per event
in the strata with shared text. Topics split the pairs: odd topics are the
``tune`` half, even topics the ``report`` half.

    python scripts/select_relation_pairs.py ../shared/data/ecbplus         # pairs.jsonl
    python scripts/select_relation_pairs.py ../shared/data/ecbplus --render /tmp/annotation

``--render`` writes one text file per pair (for annotators) in batches; the
article texts are never committed (ECB+ is read from ``../shared/data``).
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import re
from collections import defaultdict
from pathlib import Path

from storytrace.bench.ecbplus import load_ecbplus

OUT = Path(__file__).parents[1] / "tests" / "data" / "reuse_pairs" / "pairs.jsonl"
STRATA = (("high", 10, 10**9, 60), ("mid", 1, 9, 55), ("low", 0, 0, 35), ("none", -1, -1, 20))
"""(name, least shared 8-grams, most, pairs drawn); ``low``: no 8-gram but 4-grams shared."""
_WORD = re.compile(r"\w+")


def _grams(text: str, size: int) -> set[tuple[str, ...]]:
    words = [w.lower() for w in _WORD.findall(text)]
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ecbplus")
    parser.add_argument("--render", type=Path)
    parser.add_argument("--batches", type=int, default=4)
    arguments = parser.parse_args()
    corpus = load_ecbplus(arguments.ecbplus)
    by_story = defaultdict(list)
    for document in corpus.documents:
        if len(_WORD.findall(document.article.text)) >= 60:
            by_story[document.story].append(document)
    rows = []
    for story, documents in sorted(by_story.items()):
        for a, b in itertools.combinations(documents, 2):
            eight = len(_grams(a.article.text, 8) & _grams(b.article.text, 8))
            four = len(_grams(a.article.text, 4) & _grams(b.article.text, 4))
            stratum = "none" if four < 3 else ("low" if eight == 0 else None)
            for name, low, high, _ in STRATA[:2]:
                if low <= eight <= high:
                    stratum = name
            if stratum:
                rows.append((stratum, story, a.article.id, b.article.id, eight))
    rng = random.Random(20261203)
    chosen = []
    for name, _, _, wanted in STRATA:
        pool = [r for r in rows if r[0] == name]
        rng.shuffle(pool)
        per_story: dict[str, int] = defaultdict(int)
        for row in pool:
            if len([c for c in chosen if c[0] == name]) >= wanted:
                break
            if name in ("high", "mid") and per_story[row[1]] >= 3:
                continue
            per_story[row[1]] += 1
            chosen.append(row)
    rng.shuffle(chosen)
    records = []
    for number, (stratum, story, first, second, _) in enumerate(chosen, start=1):
        topic = int(story.split("/")[0])
        records.append(
            {
                "pair": f"p{number:03d}",
                "a": first,
                "b": second,
                "stratum": stratum,
                "split": "tune" if topic % 2 else "report",
            }
        )
    OUT.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    print(f"{len(records)} pairs -> {OUT}")
    if arguments.render:
        texts = {d.article.id: d.article for d in corpus.documents}
        for index, record in enumerate(records):
            batch = arguments.render / f"batch{index % arguments.batches + 1}"
            batch.mkdir(parents=True, exist_ok=True)
            parts = [f"PAIR {record['pair']}\n"]
            for side in ("a", "b"):
                article = texts[record[side]]
                parts.append(f"\n===== ARTICLE {side.upper()} ({article.id}) =====\n")
                parts.append(article.text + "\n")
            (batch / f"{record['pair']}.txt").write_text("".join(parts), encoding="utf-8")
        print(f"rendered into {arguments.render}")


if __name__ == "__main__":
    main()
