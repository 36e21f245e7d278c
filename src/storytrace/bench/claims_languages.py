"""Claim reading in French, Spanish, German, Italian and Arabic, on sentences no one here wrote.

The set (``tests/data/claims_multilingual``, guide in
``docs/claims-multilingual-annotation.md``) labels 165 sentences of the
SemEval-2022 Task 8 sample for attribution, numbers and entities, as
references into the shared file (no text is copied). Each sentence is read on
its own and scored per language and split (``tune`` was looked at while the
readers were written; ``report`` was not):

- **attribution**: a found attribution is right when the sentence has one and
  the sources agree (their spans overlap, or neither names a source);
  precision over attributions found, recall over attributions labelled;
- **numbers**: a found number is right when a labelled one overlaps it and
  has the same value;
- **entities**: a found name is right when a labelled entity overlaps it
  (types are not compared: only French has a typing model here).

A plain baseline runs beside each reader: any sentence holding a quotation
mark or a colon is attributed to its first capitalised word; every run of
digits is a number (read with a full stop as decimal point); every
capitalised word not opening the sentence is an entity.

>>> rows = run_languages_benchmark("tests/data/claims_multilingual")  # doctest: +SKIP
>>> rows[0].language  # doctest: +SKIP
'ar'
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storytrace.claims.reported_speech import name_runs, read_attribution
from storytrace.claims.written_numbers import find_numbers
from storytrace.errors import InputError

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class LabelledSentence:
    """One sentence and its labels (spans relative to the sentence)."""

    language: str
    split: str
    text: str
    attribution: Span | bool | None
    """The source span, ``None`` for an attribution without a named source, ``False`` for none."""
    numbers: tuple[tuple[Span, float], ...]
    entities: tuple[tuple[Span, str], ...]


@dataclass(frozen=True, slots=True)
class Counts:
    """Matches, found and labelled items: precision and recall."""

    right_found: int
    found: int
    right_labelled: int
    labelled: int

    @property
    def precision(self) -> float:
        """Right among found (1 when nothing was found)."""
        return self.right_found / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        """Found among labelled (1 when nothing was labelled)."""
        return self.right_labelled / self.labelled if self.labelled else 1.0


@dataclass(frozen=True, slots=True)
class LanguageRow:
    """The scores of one language on one split, with the baselines'."""

    language: str
    split: str
    sentences: int
    attribution: Counts
    numbers: Counts
    entities: Counts
    baseline_attribution: Counts
    baseline_numbers: Counts
    baseline_entities: Counts


def _sha12(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def load_labelled(folder: str | Path, shared: str | Path) -> list[LabelledSentence]:
    """The labelled sentences, resolved against ``shared/data/semeval2022-task8-sample``."""
    folder, shared = Path(folder), Path(shared)
    source = shared / "data" / "semeval2022-task8-sample" / "pairs.csv"
    if not source.is_file():
        raise InputError(f"{source}: the SemEval sample the labels point into is missing")
    texts: dict[str, str] = {}
    csv.field_size_limit(sys.maxsize)
    with source.open(encoding="utf-8", newline="") as handle:
        for record in csv.DictReader(handle):
            for side in ("text1", "text2"):
                texts.setdefault(_sha12(record[side]), record[side])
    labelled = []
    for line in (folder / "sentences.jsonl").read_text("utf-8").splitlines():
        if not line.strip():
            continue
        row: dict[str, Any] = json.loads(line)
        text = texts.get(row["article_sha256"])
        if text is None:
            raise InputError(f"no text with hash {row['article_sha256']} in {source}")
        sentence = text[row["start"] : row["end"]]
        attribution = row["attribution"]
        gold: Span | bool | None = False
        if attribution is not None:
            named = attribution["source"]
            gold = (int(named[0]), int(named[1])) if named else None
        labelled.append(
            LabelledSentence(
                language=row["language"],
                split=row["split"],
                text=sentence,
                attribution=gold,
                numbers=tuple(
                    ((int(n["span"][0]), int(n["span"][1])), float(n["value"]))
                    for n in row["numbers"]
                ),
                entities=tuple(
                    ((int(e["span"][0]), int(e["span"][1])), str(e["type"]))
                    for e in row["entities"]
                ),
            )
        )
    return labelled


def _overlap(first: Span, second: Span) -> bool:
    return first[0] < second[1] and second[0] < first[1]


def _attribution_counts(
    gold: Sequence[Span | bool | None], found: Sequence[Span | bool | None]
) -> Counts:
    right = 0
    for labelled, read in zip(gold, found, strict=True):
        if labelled is False or read is False:
            continue
        if (labelled is None and read is None) or (
            isinstance(labelled, tuple) and isinstance(read, tuple) and _overlap(labelled, read)
        ):
            right += 1
    return Counts(
        right, sum(r is not False for r in found), right, sum(g is not False for g in gold)
    )


def _span_counts(
    gold: Sequence[Sequence[tuple[Span, float | str]]],
    found: Sequence[Sequence[tuple[Span, float | str]]],
    same: Callable[[float | str, float | str], bool],
) -> Counts:
    right_found = right_labelled = found_total = labelled_total = 0
    for labelled, read in zip(gold, found, strict=True):
        found_total += len(read)
        labelled_total += len(labelled)
        right_found += sum(any(_overlap(s, g) and same(v, w) for g, w in labelled) for s, v in read)
        right_labelled += sum(
            any(_overlap(s, g) and same(v, w) for s, v in read) for g, w in labelled
        )
    return Counts(right_found, found_total, right_labelled, labelled_total)


def _same_value(first: float | str, second: float | str) -> bool:
    a, b = float(first), float(second)
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def _any(_first: float | str, _second: float | str) -> bool:
    return True


_CAPITALISED = re.compile(r"(?<=\s)[A-ZÀ-Ý][\w'\u2019-]+")
_DIGITS = re.compile(r"\d+(?:\.\d+)?")


def _baseline_attribution(text: str) -> Span | bool | None:
    if not any(mark in text for mark in '"«»“”:'):
        return False
    match = re.search(r"[A-ZÀ-Ý][\w'\u2019-]+", text)
    return (match.start(), match.end()) if match else None


def read_entities(text: str, language: str) -> list[tuple[Span, str]]:
    """Names found by the reader: capitalised runs inside the sentence (Latin scripts)."""
    return [(span, "NAME") for span in name_runs(text, language)]


def _rows(sentences: Iterable[LabelledSentence]) -> list[LanguageRow]:
    groups: dict[tuple[str, str], list[LabelledSentence]] = defaultdict(list)
    for sentence in sentences:
        groups[(sentence.language, sentence.split)].append(sentence)
    rows = []
    for (language, split), items in sorted(groups.items()):
        found_attributions: list[Span | bool | None] = []
        for item in items:
            read = read_attribution(item.text, language)
            if read is None:
                found_attributions.append(False)
            elif read.source_start is None or read.source_end is None:
                found_attributions.append(None)
            else:
                found_attributions.append((read.source_start, read.source_end))
        numbers = [
            [((n.start, n.end), n.value) for n in find_numbers(item.text, language)]
            for item in items
        ]
        baseline_numbers = [
            [((m.start(), m.end()), float(m.group())) for m in _DIGITS.finditer(item.text)]
            for item in items
        ]
        entities = [read_entities(item.text, language) for item in items]
        baseline_entities = [
            [((m.start(), m.end()), "NAME") for m in _CAPITALISED.finditer(item.text)]
            for item in items
        ]
        gold_attributions = [item.attribution for item in items]
        gold_numbers = [list(item.numbers) for item in items]
        gold_entities = [list(item.entities) for item in items]
        rows.append(
            LanguageRow(
                language=language,
                split=split,
                sentences=len(items),
                attribution=_attribution_counts(gold_attributions, found_attributions),
                numbers=_span_counts(gold_numbers, numbers, _same_value),
                entities=_span_counts(gold_entities, entities, _any),
                baseline_attribution=_attribution_counts(
                    gold_attributions, [_baseline_attribution(i.text) for i in items]
                ),
                baseline_numbers=_span_counts(gold_numbers, baseline_numbers, _same_value),
                baseline_entities=_span_counts(gold_entities, baseline_entities, _any),
            )
        )
    return rows


def run_languages_benchmark(
    folder: str | Path, shared: str | Path = "../shared"
) -> list[LanguageRow]:
    """Score the readers on every language and split of the labelled set."""
    return _rows(load_labelled(folder, shared))
