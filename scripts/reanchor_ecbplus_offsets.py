"""Re-anchor committed ECB+ offsets and sentence copies after numbers were rejoined.

One-off migration, kept as the record of how the committed data changed.
:func:`storytrace.bench.ecbplus.detokenize` used to leave a space inside a
number the ECB+ tokenizer had split ("6. 1", "170, 000"); it now rebuilds
"6.1" and "170,000". The only difference between the old and the new article
text is single spaces deleted, so an old character offset maps monotonically
to a new one: new = old - (spaces deleted before old). Lines are neither
added nor removed, so line numbers stay valid.

For each article the script rebuilds the old text (with a frozen copy of the
old detokenizer, below) and the new one, maps every offset field, rewrites
every copied text field from the new text and checks that each rewritten field
equals its slice of the new article. Records that already match the new text
are left as they are, so a second run changes nothing.

* ``tests/data/discrepancy_pairs/pairs.jsonl``: ``sentence_start``,
  ``sentence_end``, ``value_start``, ``value_end`` of both sides mapped;
  ``sentence`` and ``value`` sliced from the new text.
* ``tests/data/claims/attribution.jsonl``: ``sentence`` is line ``line`` of
  the new text; ``source``, ``head`` and ``cue`` (matched without regard to
  case, as the benchmark scores them) are re-sliced where they held a
  deleted space.

Files holding ECB+ ids without offsets or copied text need nothing:
``tests/data/reuse_pairs/*.jsonl`` (article ids; notes already quote numbers
whole) and ``tests/data/translations/translations.jsonl`` (line numbers, and
translated rather than copied text).

    .venv/bin/python scripts/reanchor_ecbplus_offsets.py ../shared/data/ecbplus --dry-run
    .venv/bin/python scripts/reanchor_ecbplus_offsets.py ../shared/data/ecbplus
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from unittest import mock

from storytrace.bench import ecbplus
from storytrace.bench.ecbplus import line_spans, read_document

DATA = Path(__file__).parents[1] / "tests" / "data"
DISCREPANCY_PAIRS = DATA / "discrepancy_pairs" / "pairs.jsonl"
ATTRIBUTION = DATA / "claims" / "attribution.jsonl"

# The detokenizer as it was before numbers were rejoined, frozen here because
# the old text is what the committed offsets point into.
_OLD_NO_SPACE_BEFORE = frozenset(
    {".", ",", ":", ";", "?", "!", ")", "]", "}", "%", "'s", "n't", "'m", "'re", "'ve",
     "'ll", "'d", "\u2019s", "\u2019", "\u201d", "''", "..."}
)  # fmt: skip
_OLD_NO_SPACE_AFTER = frozenset({"(", "[", "{", "$", "``", "\u201c", "\u2018"})
_OLD_APOSTROPHES = frozenset({"'", "\u2019"})
_OLD_CLITICS = frozenset({"s", "t", "d", "m", "ll", "re", "ve"})
_OLD_QUOTE_FORMS = {"``": '"', "''": '"'}


def old_detokenize(tokens: Sequence[str]) -> str:
    """``detokenize`` before numbers were rejoined.

    >>> old_detokenize(["A", "6", ".", "1", "quake"])
    'A 6. 1 quake'
    """
    pieces: list[str] = []
    glue_next = True
    open_straight_quote = False
    previous = ""
    for index, token in enumerate(tokens):
        text = _OLD_QUOTE_FORMS.get(token, token)
        following = tokens[index + 1] if index + 1 < len(tokens) else ""
        if token == '"':
            closing = open_straight_quote
            open_straight_quote = not open_straight_quote
            glue_before, glue_after = closing, not closing
        else:
            glue_before = token in _OLD_NO_SPACE_BEFORE or (
                previous in _OLD_APOSTROPHES and token in _OLD_CLITICS
            )
            glue_after = token in _OLD_NO_SPACE_AFTER or (
                token == ":" and previous.isdigit() and following.isdigit()
            )
        if pieces and not glue_next and not glue_before:
            pieces.append(" ")
        pieces.append(text)
        glue_next = glue_after
        previous = token
    return "".join(pieces)


@contextmanager
def _detokenizer(function: Callable[[Sequence[str]], str]) -> Iterator[None]:
    """Make :func:`read_document` join tokens with ``function``, so both texts
    come from the very same sentence grouping and URL handling."""
    with mock.patch.object(ecbplus, "detokenize", function):
        yield


@dataclass(frozen=True, slots=True)
class ArticlePair:
    """One article's text before and after, and the map between their offsets."""

    old: str
    new: str
    offsets: tuple[int, ...]
    """``offsets[k]``: the new offset of old offset ``k`` (``0 <= k <= len(old)``)."""

    def map(self, old_offset: int) -> int:
        return self.offsets[old_offset]

    def new_span(self, start: int, end: int) -> tuple[int, int]:
        return self.map(start), self.map(end)


def offset_map(old: str, new: str) -> tuple[int, ...]:
    """New offset of every old offset, when ``new`` is ``old`` with some spaces deleted.

    >>> offset_map("6. 1 m", "6.1 m")
    (0, 1, 2, 2, 3, 4, 5)
    """
    offsets: list[int] = []
    position = 0
    for character in old:
        offsets.append(position)
        if position < len(new) and new[position] == character:
            position += 1
        elif character != " ":
            raise ValueError(
                f"texts differ by more than deleted spaces at new offset {position}: "
                f"{old!r} -> {new!r}"
            )
    if position != len(new):
        raise ValueError(f"new text is longer than the old one: {old!r} -> {new!r}")
    offsets.append(position)
    return tuple(offsets)


def read_articles(ecbplus_folder: Path, ids: set[str]) -> dict[str, ArticlePair]:
    """The old and the new text of the ECB+ articles ``ids``."""
    folder = ecbplus_folder / "ECB+" if (ecbplus_folder / "ECB+").is_dir() else ecbplus_folder
    paths = {p.stem: p for p in folder.glob("*/*.xml") if p.stem in ids}
    missing = ids - paths.keys()
    if missing:
        raise SystemExit(f"ECB+ articles not found under {folder}: {sorted(missing)}")
    articles: dict[str, ArticlePair] = {}
    for article_id, path in sorted(paths.items()):
        with _detokenizer(old_detokenize):
            old = read_document(path).article.text
        new = read_document(path).article.text
        if old.count("\n") != new.count("\n"):
            raise SystemExit(f"{article_id}: line count changed; line numbers would break")
        articles[article_id] = ArticlePair(old, new, offset_map(old, new))
    return articles


def _read_jsonl(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def _write_jsonl(path: Path, records: list[dict[str, object]]) -> None:
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    path.write_text(text, "utf-8")


def _integer(record: dict[str, object], field: str) -> int:
    value = record[field]
    if not isinstance(value, int):
        raise SystemExit(f"{field} is {value!r}, expected an integer")
    return value


def reanchor_side(side: dict[str, object], article: ArticlePair) -> int:
    """Re-anchor one side of a discrepancy pair in place; the number of offsets changed."""
    start, end, value_start, value_end = (
        _integer(side, f) for f in ("sentence_start", "sentence_end", "value_start", "value_end")
    )
    new_sentence, new_value = article.new[start:end], article.new[value_start:value_end]
    if (new_sentence, new_value) == (side["sentence"], side["value"]):
        return 0
    old_sentence, old_value = article.old[start:end], article.old[value_start:value_end]
    if (old_sentence, old_value) != (side["sentence"], side["value"]):
        raise SystemExit(f"{side['article_id']}: sentence or value is not a slice of the old text")
    new_start, new_end = article.new_span(start, end)
    new_value_start, new_value_end = article.new_span(value_start, value_end)
    changed = sum(
        a != b
        for a, b in zip(
            (start, end, value_start, value_end),
            (new_start, new_end, new_value_start, new_value_end),
            strict=True,
        )
    )
    side.update(
        sentence_start=new_start,
        sentence_end=new_end,
        value_start=new_value_start,
        value_end=new_value_end,
        sentence=article.new[new_start:new_end],
        value=article.new[new_value_start:new_value_end],
    )
    return changed


def reanchor_discrepancy_pairs(ecbplus_folder: Path, *, write: bool) -> str:
    """Re-anchor ``discrepancy_pairs/pairs.jsonl``; a one-line summary."""
    records = _read_jsonl(DISCREPANCY_PAIRS)
    sides = [r[name] for r in records for name in ("left", "right")]
    ids = {str(s["article_id"]) for s in sides if isinstance(s, dict)}
    articles = read_articles(ecbplus_folder, ids)
    offsets = records_changed = texts_changed = 0
    for record in records:
        before = json.dumps(record, ensure_ascii=False)
        for name in ("left", "right"):
            side = record[name]
            if not isinstance(side, dict):
                raise SystemExit(f"{record['id']}: {name} is not an object")
            old_texts = (side["sentence"], side["value"])
            offsets += reanchor_side(side, articles[str(side["article_id"])])
            new_texts = (side["sentence"], side["value"])
            texts_changed += sum(a != b for a, b in zip(old_texts, new_texts, strict=True))
        records_changed += json.dumps(record, ensure_ascii=False) != before
    for side in (r[name] for r in records for name in ("left", "right")):
        if not isinstance(side, dict):
            continue
        article = articles[str(side["article_id"])]
        start, end, value_start, value_end = (
            _integer(side, f)
            for f in ("sentence_start", "sentence_end", "value_start", "value_end")
        )
        if article.new[start:end] != side["sentence"] or (
            article.new[value_start:value_end] != side["value"]
        ):
            raise SystemExit(f"{side['article_id']}: check failed after re-anchoring")
    if write:
        _write_jsonl(DISCREPANCY_PAIRS, records)
    return (
        f"{DISCREPANCY_PAIRS.relative_to(DATA.parent.parent)}: {len(records)} records, "
        f"{records_changed} changed, {offsets} offsets moved, {texts_changed} text fields rewritten"
    )


def reanchor_attribution(ecbplus_folder: Path, *, write: bool) -> str:
    """Re-anchor ``claims/attribution.jsonl``; a one-line summary."""
    records = _read_jsonl(ATTRIBUTION)
    articles = read_articles(ecbplus_folder, {str(r["document"]) for r in records})
    records_changed = texts_changed = 0
    for record in records:
        article = articles[str(record["document"])]
        line = _integer(record, "line")
        old_start, old_end = line_spans(article.old)[line]
        new_start, new_end = line_spans(article.new)[line]
        old_sentence, new_sentence = article.old[old_start:old_end], article.new[new_start:new_end]
        sentence = record["sentence"]
        if sentence == new_sentence:
            continue
        if sentence != old_sentence:
            raise SystemExit(f"{record['document']} line {line}: sentence is not the old line")
        record["sentence"] = new_sentence
        texts_changed += 1
        for field in ("source", "head", "cue"):
            part = record[field]
            if not isinstance(part, str) or part.casefold() in new_sentence.casefold():
                continue
            found = old_sentence.casefold().find(part.casefold())
            if found < 0:
                raise SystemExit(f"{record['document']} line {line}: {field} {part!r} not found")
            start, end = article.new_span(old_start + found, old_start + found + len(part))
            record[field] = article.new[start:end]
            texts_changed += 1
        records_changed += 1
    for record in records:
        article = articles[str(record["document"])]
        start, end = line_spans(article.new)[_integer(record, "line")]
        if record["sentence"] != article.new[start:end]:
            raise SystemExit(f"{record['document']}: check failed after re-anchoring")
        for field in ("source", "head", "cue"):
            part = record[field]
            if isinstance(part, str) and part.casefold() not in str(record["sentence"]).casefold():
                raise SystemExit(f"{record['document']}: {field} {part!r} not in its sentence")
    if write:
        _write_jsonl(ATTRIBUTION, records)
    return (
        f"{ATTRIBUTION.relative_to(DATA.parent.parent)}: {len(records)} records, "
        f"{records_changed} changed, {texts_changed} text fields rewritten"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("ecbplus", type=Path, help="the folder that holds ECB+/")
    parser.add_argument("--dry-run", action="store_true", help="report, write nothing")
    arguments = parser.parse_args()
    write = not arguments.dry_run
    print(reanchor_discrepancy_pairs(arguments.ecbplus, write=write))
    print(reanchor_attribution(arguments.ecbplus, write=write))


if __name__ == "__main__":
    main()
