"""Check the multilingual claim sentences against their source texts.

The labels in ``sentences.jsonl`` point into the SemEval-2022 Task 8 sample
(``$STORYTRACE_SHARED/data/semeval2022-task8-sample/pairs.csv``, by default
``../shared`` next to the repository); the texts themselves are never copied
here. This script resolves every reference, checks the sentence hash and every
span, and prints counts per language and split. Standard library only.

    python tests/data/claims_multilingual/check.py

Exit status 0 when everything checks, 1 otherwise.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
LANGUAGES = ("fr", "es", "de", "it", "ar")
SPLITS = ("tune", "report")
TYPES = ("PER", "ORG", "LOC")
KEYS = {
    "language",
    "article",
    "pair_id",
    "side",
    "start",
    "end",
    "sha256",
    "article_sha256",
    "split",
    "attribution",
    "numbers",
    "entities",
}


def sha12(text: str) -> str:
    """First 12 hex digits of the SHA-256 of ``text`` in UTF-8.

    >>> sha12("abc")
    'ba7816bf8f01'
    """
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def pairs_csv() -> Path:
    shared = Path(os.environ.get("STORYTRACE_SHARED", str(REPO.parent / "shared")))
    return shared / "data" / "semeval2022-task8-sample" / "pairs.csv"


def load_texts(path: Path) -> dict[tuple[str, int], list[tuple[str, str, str]]]:
    """(pair_id, side) -> [(article id, language, text)], one item per row holding it."""
    texts: dict[tuple[str, int], list[tuple[str, str, str]]] = defaultdict(list)
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            ids = row["pair_id"].split("_")
            for side in (1, 2):
                item = (ids[side - 1], row[f"lang{side}"], row[f"text{side}"])
                texts[(row["pair_id"], side)].append(item)
    return texts


def _span(value: Any, length: int, what: str, errors: list[str]) -> bool:
    ok = (
        isinstance(value, list)
        and len(value) == 2
        and all(isinstance(x, int) and not isinstance(x, bool) for x in value)
        and 0 <= value[0] < value[1] <= length
    )
    if not ok:
        errors.append(f"{what}: bad span {value!r} (sentence length {length})")
    return ok


def check_row(row: dict[str, Any], texts: dict[tuple[str, int], list[tuple[str, str, str]]]) -> str:
    """Check one label line; return the sentence text or raise ValueError."""
    errors: list[str] = []
    if set(row) != KEYS:
        errors.append(f"keys {sorted(set(row) ^ KEYS)} missing or unexpected")
    if row.get("language") not in LANGUAGES or row.get("split") not in SPLITS:
        errors.append(f"language/split {row.get('language')!r}/{row.get('split')!r}")
    versions = texts.get((row.get("pair_id", ""), row.get("side", 0)), [])
    text = next((t for a, _, t in versions if sha12(t) == row.get("article_sha256")), None)
    if text is None:
        raise ValueError(f"no text for {row.get('pair_id')} side {row.get('side')}")
    article, language = next((a, lang) for a, lang, t in versions if t == text)
    if article != row["article"] or language != row["language"]:
        errors.append(f"article/language {article}/{language} in the csv")
    start, end = row["start"], row["end"]
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
        raise ValueError(f"bad sentence bounds {start}..{end} (text length {len(text)})")
    sentence = text[start:end]
    if sha12(sentence) != row["sha256"]:
        errors.append(f"sha256 {sha12(sentence)} != {row['sha256']}")
    if sentence != sentence.strip():
        errors.append("sentence has surrounding whitespace")
    n = len(sentence)
    attribution = row["attribution"]
    if attribution is not None:
        if set(attribution) != {"source", "cue", "source_is_pronoun"}:
            errors.append(f"attribution keys {sorted(attribution)}")
        _span(attribution.get("cue"), n, "cue", errors)
        if attribution.get("source") is not None:
            _span(attribution["source"], n, "source", errors)
        if not isinstance(attribution.get("source_is_pronoun"), bool):
            errors.append("source_is_pronoun is not a boolean")
    for number in row["numbers"]:
        _span(number.get("span"), n, "number", errors)
        value = number.get("value")
        if isinstance(value, bool) or not isinstance(value, int | float):
            errors.append(f"number value {value!r}")
    for entity in row["entities"]:
        _span(entity.get("span"), n, "entity", errors)
        if entity.get("type") not in TYPES:
            errors.append(f"entity type {entity.get('type')!r}")
    if errors:
        raise ValueError("; ".join(errors))
    return sentence


def main() -> int:
    source = pairs_csv()
    if not source.exists():
        print(f"source texts not found: {source} (set STORYTRACE_SHARED)", file=sys.stderr)
        return 1
    texts = load_texts(source)
    counts: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    articles: dict[tuple[str, str], set[str]] = defaultdict(set)
    seen: set[tuple[str, int, int]] = set()
    failures = 0
    lines = (HERE / "sentences.jsonl").read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, start=1):
        row = json.loads(line)
        try:
            check_row(row, texts)
            key = (row["article_sha256"], row["start"], row["end"])
            if key in seen:
                raise ValueError("duplicate sentence")
            seen.add(key)
        except (ValueError, KeyError, TypeError) as error:
            failures += 1
            print(f"line {number}: {error}", file=sys.stderr)
            continue
        for split in (row["split"], "all"):
            c = counts[(row["language"], split)]
            c["sentences"] += 1
            c["attributions"] += row["attribution"] is not None
            c["numbers"] += len(row["numbers"])
            c["entities"] += len(row["entities"])
            articles[(row["language"], split)].add(row["article"])
    for language in LANGUAGES:
        split_of = [a for a in articles[(language, "tune")] if a in articles[(language, "report")]]
        if split_of:
            failures += 1
            print(f"{language}: articles in both splits: {split_of}", file=sys.stderr)
    columns = ("sentences", "attributions", "numbers", "entities")
    print(f"{'language':<9}{'split':<8}{'articles':>9}" + "".join(f"{c:>13}" for c in columns))
    for language in (*LANGUAGES, "total"):
        for split in (*SPLITS, "all"):
            if language == "total":
                c = sum((counts[(lang, split)] for lang in LANGUAGES), Counter())
                n = sum(len(articles[(lang, split)]) for lang in LANGUAGES)
            else:
                c, n = counts[(language, split)], len(articles[(language, split)])
            print(f"{language:<9}{split:<8}{n:>9}" + "".join(f"{c[k]:>13}" for k in columns))
    print("OK" if failures == 0 else f"{failures} problem(s)")
    return 0 if failures == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
