"""Attribution benchmark: sources and cues against hand annotations of ECB+ sentences.

The annotations (``tests/data/claims/attribution.jsonl``, described in the
README beside it) give for each sentence the directly credited speaker
(``source``), the word that identifies it (``head``) and the reporting cue, or
nothing for sentences with no attribution. Each sentence is parsed on its own
and :func:`storytrace.claims.attribution.attribute_sentence` gives a chain;
its first speaker link is the prediction.

* source precision: predictions that contain the gold head / all predictions;
* source recall: correct predictions / gold attributions;
* the same for cues (exact, case-insensitive), and an exact-span figure.

>>> score = AttributionScore.of(predicted=10, gold=12, correct=9)
>>> round(score.precision, 2), score.recall
(0.9, 0.75)
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path

from storytrace.claims import ClaimSettings
from storytrace.claims.attribution import attribute_sentence
from storytrace.claims.nlp import parse_texts
from storytrace.errors import InputError


@dataclass(frozen=True, slots=True)
class AttributionScore:
    """Precision and recall of one extracted field."""

    predicted: int
    gold: int
    correct: int
    precision: float
    recall: float

    @classmethod
    def of(cls, *, predicted: int, gold: int, correct: int) -> AttributionScore:
        precision = correct / predicted if predicted else 1.0
        recall = correct / gold if gold else 1.0
        return cls(predicted, gold, correct, precision, recall)


@dataclass(frozen=True, slots=True)
class AttributionAnnotation:
    """One annotated sentence."""

    document: str
    line: int
    sentence: str
    source: str | None
    head: str | None
    cue: str | None


@dataclass(frozen=True, slots=True)
class AttributionPrediction:
    """What the stage found in one annotated sentence."""

    annotation: AttributionAnnotation
    source: str | None
    cue: str | None


@dataclass(frozen=True, slots=True)
class AttributionBenchResult:
    """Scores of source (head match and exact span) and cue extraction."""

    sentences: int
    attributions: int
    source: AttributionScore
    source_exact: AttributionScore
    cue: AttributionScore
    predictions: tuple[AttributionPrediction, ...]
    seconds: float


def read_annotations(path: str | Path) -> tuple[AttributionAnnotation, ...]:
    """The annotated sentences of an ``attribution.jsonl`` file."""
    file = Path(path)
    if not file.is_file():
        raise InputError(
            f"{file}: no attribution annotations; pass tests/data/claims/attribution.jsonl"
        )
    annotations = []
    for number, line in enumerate(file.read_text("utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            annotations.append(
                AttributionAnnotation(
                    document=str(row["document"]),
                    line=int(row["line"]),
                    sentence=str(row["sentence"]),
                    source=row["source"],
                    head=row["head"],
                    cue=row["cue"],
                )
            )
        except (ValueError, KeyError) as error:
            raise InputError(f"{file} line {number}: not an annotation ({error})") from error
    return tuple(annotations)


def run_attribution_bench(
    annotations: str | Path, *, settings: ClaimSettings | None = None
) -> AttributionBenchResult:
    """Extract the attribution of every annotated sentence and score it."""
    settings = settings or ClaimSettings()
    started = time.perf_counter()
    rows = read_annotations(annotations)
    docs = parse_texts([r.sentence for r in rows], model=settings.model)
    predictions = []
    for row in rows:
        chain = attribute_sentence(docs[row.sentence])
        speaker = next((link for link in chain if link.role == "speaker"), None)
        predictions.append(
            AttributionPrediction(
                row,
                speaker.source if speaker is not None else None,
                speaker.cue if speaker is not None else None,
            )
        )
    gold = sum(1 for r in rows if r.source is not None)
    predicted = sum(1 for p in predictions if p.source is not None)

    def correct_source(p: AttributionPrediction) -> bool:
        head = p.annotation.head
        return bool(p.source and head and head.casefold() in p.source.casefold())

    def correct_cue(p: AttributionPrediction) -> bool:
        gold_cue = p.annotation.cue
        return bool(p.cue and gold_cue and p.cue.casefold() == gold_cue.casefold())

    return AttributionBenchResult(
        sentences=len(rows),
        attributions=gold,
        source=AttributionScore.of(
            predicted=predicted, gold=gold, correct=sum(map(correct_source, predictions))
        ),
        source_exact=AttributionScore.of(
            predicted=predicted,
            gold=gold,
            correct=sum(
                1 for p in predictions if p.source is not None and p.source == p.annotation.source
            ),
        ),
        cue=AttributionScore.of(
            predicted=sum(1 for p in predictions if p.cue is not None),
            gold=gold,
            correct=sum(map(correct_cue, predictions)),
        ),
        predictions=tuple(predictions),
        seconds=time.perf_counter() - started,
    )
