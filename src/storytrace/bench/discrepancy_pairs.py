"""Labelled candidate discrepancies between independent ECB+ reports.

Each line of ``tests/data/discrepancy_pairs/pairs.jsonl`` is two statements
from two different articles of one ECB+ gold story, each with a highlighted
value, and a label from ``docs/discrepancy-annotation.md``: ``conflict``,
``agree``, ``different_facts`` or ``not_a_fact``. Offsets are character
offsets into ``Article.text`` as :func:`storytrace.bench.ecbplus.load_ecbplus`
builds it.

>>> pairs = load_discrepancy_pairs("tests/data/discrepancy_pairs/pairs.jsonl")  # doctest: +SKIP
>>> sum(p.label == "conflict" for p in pairs)  # doctest: +SKIP
12
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, cast, get_args

from storytrace.errors import InputError

PairLabel = Literal["conflict", "agree", "different_facts", "not_a_fact"]
PairKind = Literal["number", "date", "place", "person", "polarity"]
PairSplit = Literal["report", "tune"]
PairSource = Literal["detector", "independent"]

_SIDE_INTEGERS = ("sentence_start", "sentence_end", "value_start", "value_end")


@dataclass(frozen=True, slots=True)
class StatementSide:
    """One statement: a sentence of an article and the value highlighted in it."""

    article_id: str
    sentence_start: int
    sentence_end: int
    value_start: int
    value_end: int
    sentence: str
    value: str


@dataclass(frozen=True, slots=True)
class LabelledPair:
    """Two statements of one story and whether they state one fact incompatibly."""

    id: str
    story: str
    topic: int
    split: PairSplit
    kind: PairKind
    source: PairSource
    left: StatementSide
    right: StatementSide
    label: PairLabel
    note: str


def _choice(record: dict[str, object], field: str, allowed: tuple[str, ...]) -> str:
    value = record.get(field)
    if value not in allowed:
        raise ValueError(f"{field} is {value!r}; expected one of {', '.join(allowed)}")
    return value


def _text(record: dict[str, object], field: str) -> str:
    value = record.get(field)
    if not isinstance(value, str):
        raise ValueError(f"{field} is {value!r}; expected a string")
    return value


def _integer(record: dict[str, object], field: str) -> int:
    value = record.get(field)
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValueError(f"{field} is {value!r}; expected an integer")
    return value


def _side(record: object, name: str) -> StatementSide:
    if not isinstance(record, dict):
        raise ValueError(f"{name} is {record!r}; expected an object")
    start, end, value_start, value_end = (_integer(record, f) for f in _SIDE_INTEGERS)
    if not 0 <= start <= value_start < value_end <= end:
        raise ValueError(
            f"{name}: value span [{value_start}, {value_end}) must lie inside the sentence "
            f"span [{start}, {end})"
        )
    return StatementSide(
        article_id=_text(record, "article_id"),
        sentence_start=start,
        sentence_end=end,
        value_start=value_start,
        value_end=value_end,
        sentence=_text(record, "sentence"),
        value=_text(record, "value"),
    )


def _pair(record: object) -> LabelledPair:
    if not isinstance(record, dict):
        raise ValueError(f"expected a JSON object, got {type(record).__name__}")
    return LabelledPair(
        id=_text(record, "id"),
        story=_text(record, "story"),
        topic=_integer(record, "topic"),
        split=cast(PairSplit, _choice(record, "split", get_args(PairSplit))),
        kind=cast(PairKind, _choice(record, "kind", get_args(PairKind))),
        source=cast(PairSource, _choice(record, "source", get_args(PairSource))),
        left=_side(record.get("left"), "left"),
        right=_side(record.get("right"), "right"),
        label=cast(PairLabel, _choice(record, "label", get_args(PairLabel))),
        note=_text(record, "note"),
    )


def load_discrepancy_pairs(path: str | Path) -> tuple[LabelledPair, ...]:
    """Every labelled pair of a ``pairs.jsonl`` file, in file order.

    Raises :class:`InputError` naming the line and the field when a line is
    not a well-formed pair.
    """
    source = Path(path)
    try:
        lines = source.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise InputError(f"{source}: cannot read the labelled pairs ({error})") from error
    pairs: list[LabelledPair] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            pairs.append(_pair(json.loads(line)))
        except (ValueError, TypeError) as error:
            raise InputError(
                f"{source}:{number}: not a labelled pair ({error}); see "
                "docs/discrepancy-annotation.md for the fields"
            ) from error
    return tuple(pairs)
