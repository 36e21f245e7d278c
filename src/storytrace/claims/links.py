"""Pairs of claim units known to state one thing, beyond what similarity finds.

Three sources: passages the reuse stage aligned between two articles; units
of different articles quoting the same words (one quotation inside the
other, at least six words); and units that count the same casualties
("people/injured") while being about the same thing, whose wordings may
differ more than the grouping threshold allows.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from storytrace.claims.attribution import quoted_spans
from storytrace.claims.records import ClaimSettings, ClaimUnit
from storytrace.claims.slots import UnitSlots
from storytrace.models import Reuse, Span
from storytrace.normalize import normalize_for_matching


def _inside(unit: ClaimUnit, span: Span) -> bool:
    return span.start <= unit.start and unit.end <= span.end


def linked_by_reuse(units: Sequence[ClaimUnit], reuse: Sequence[Reuse]) -> list[tuple[int, int]]:
    """Pairs of body units that the reuse stage aligned as one passage."""
    by_article: dict[str, list[int]] = {}
    for index, unit in enumerate(units):
        if unit.field == "text":
            by_article.setdefault(unit.article_id, []).append(index)
    linked: list[tuple[int, int]] = []
    for record in reuse:
        sources = by_article.get(record.source_id, [])
        targets = by_article.get(record.target_id, [])
        for passage in record.passages:
            inside_source = [i for i in sources if _inside(units[i], passage.source_span)]
            inside_target = [i for i in targets if _inside(units[i], passage.target_span)]
            linked.extend(_matching_units(units, inside_source, inside_target))
    return linked


_LINK_OVERLAP = 0.5
"""Word overlap (Jaccard) two units of one aligned passage need to be one claim.

A passage of one sentence on each side links the two; a longer edited passage
may hold its sentences in another order or drop some, so its units are paired
by their words, not by their positions."""


def _matching_units(
    units: Sequence[ClaimUnit], sources: Sequence[int], targets: Sequence[int]
) -> list[tuple[int, int]]:
    if len(sources) == len(targets) == 1:
        return [(sources[0], targets[0])]
    words = {
        i: set(normalize_for_matching(units[i].text).text.split()) for i in (*sources, *targets)
    }
    scored = sorted(
        (
            (len(words[i] & words[j]) / max(1, len(words[i] | words[j])), i, j)
            for i in sources
            for j in targets
        ),
        reverse=True,
    )
    pairs: list[tuple[int, int]] = []
    used: set[int] = set()
    for overlap, i, j in scored:
        if overlap < _LINK_OVERLAP:
            break
        if i not in used and j not in used:
            pairs.append((i, j))
            used.update((i, j))
    return pairs


_QUOTE_WORDS = 6


def linked_by_quotes(units: Sequence[ClaimUnit]) -> list[tuple[int, int]]:
    """Units of different articles that quote the same words (one quotation inside the other)."""
    quotes: list[tuple[int, str]] = []
    for index, unit in enumerate(units):
        for start, end in quoted_spans(unit.text):
            folded = " ".join(normalize_for_matching(unit.text[start + 1 : end - 1]).text.split())
            folded = folded.strip(" ,.;:!?")
            if len(folded.split()) >= _QUOTE_WORDS:
                quotes.append((index, folded))
    linked: list[tuple[int, int]] = []
    for position, (i, first) in enumerate(quotes):
        for j, second in quotes[position + 1 :]:
            if units[i].article_id != units[j].article_id and (first in second or second in first):
                linked.append((i, j))
    return linked


_COUNT_SIMILARITY = 0.5


def counting_the_same(
    slots: Sequence[UnitSlots], matrices: Sequence[npt.NDArray[np.float32]], settings: ClaimSettings
) -> dict[tuple[int, int], float]:
    """Candidate pairs of units that count the same casualties and are about the same thing.

    "At least 32 people were injured" and "At least 23 people were taken to hospital"
    are one claim with two figures, though their wordings are not that similar.
    """
    by_key: dict[str, list[int]] = {}
    for index, unit_slots_ in enumerate(slots):
        for key in {q.key for q in unit_slots_.quantities if q.key and q.key.startswith("people/")}:
            by_key.setdefault(key, []).append(index)
    extra: dict[tuple[int, int], float] = {}
    for members in by_key.values():
        for position, i in enumerate(members):
            for j in members[position + 1 :]:
                if slots[i].unit.article_id == slots[j].unit.article_id:
                    continue
                similarity = max(float(m[i] @ m[j]) for m in matrices)
                if similarity >= _COUNT_SIMILARITY:
                    extra[(i, j)] = max(similarity, settings.group_threshold)
    return extra
