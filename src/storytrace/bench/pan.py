"""PAN's text-alignment measures: character precision, recall, granularity and plagdet.

As defined by Potthast, Stein, Barrón-Cedeño and Rosso ("An Evaluation
Framework for Plagiarism Detection", COLING 2010) and used in the PAN text
alignment tasks. A case ``s`` (gold) and a detection ``r`` are each a pair of
character ranges, one in the source and one in the target of the same article
pair; ``r`` detects ``s`` when they overlap in both. Then, with ``s & r`` the
characters they share when ``r`` detects ``s`` (and nothing otherwise),

- precision = mean over detections of ``|union over s of (s & r)| / |r|``,
- recall = mean over cases of ``|union over r of (s & r)| / |s|``,
- granularity = mean, over detected cases, of how many detections detect each,
- plagdet = F1 / log2(1 + granularity).

>>> case = Alignment("pair", (0, 100), (0, 100))
>>> half = Alignment("pair", (0, 50), (0, 50))
>>> score = pan_score([case], [half])
>>> score.precision, score.recall, score.granularity, score.plagdet
(1.0, 0.5, 1.0, 0.6667)
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from math import log2


@dataclass(frozen=True, slots=True)
class Alignment:
    """A case or a detection: ``[start, end)`` in the source and in the target of one pair."""

    pair: Hashable
    source: tuple[int, int]
    target: tuple[int, int]

    @property
    def size(self) -> int:
        return self.source[1] - self.source[0] + self.target[1] - self.target[0]


@dataclass(frozen=True, slots=True)
class PanScore:
    """PAN's four measures over a set of cases and detections, rounded to 4 places."""

    precision: float
    recall: float
    granularity: float
    plagdet: float
    cases: int
    detections: int


def _overlaps(first: tuple[int, int], second: tuple[int, int]) -> bool:
    return first[0] < second[1] and second[0] < first[1]


def _detects(detection: Alignment, case: Alignment) -> bool:
    return (
        detection.pair == case.pair
        and _overlaps(detection.source, case.source)
        and _overlaps(detection.target, case.target)
    )


def _shared(first: Alignment, second: Alignment) -> set[tuple[str, int]]:
    """The characters two alignments share, as ("s", offset) and ("t", offset) items."""
    chars: set[tuple[str, int]] = set()
    for side, one, two in (("s", first.source, second.source), ("t", first.target, second.target)):
        chars.update((side, i) for i in range(max(one[0], two[0]), min(one[1], two[1])))
    return chars


def pan_score(cases: Sequence[Alignment], detections: Sequence[Alignment]) -> PanScore:
    """Precision, recall, granularity and plagdet of ``detections`` against ``cases``.

    With no detections precision is 0 (and 1 when there are no cases either);
    with no cases recall is 1.
    """
    by_pair: dict[Hashable, list[Alignment]] = {}
    for detection in detections:
        by_pair.setdefault(detection.pair, []).append(detection)
    case_chars: list[set[tuple[str, int]]] = [set() for _ in cases]
    detection_chars: dict[int, set[tuple[str, int]]] = {id(d): set() for d in detections}
    detected_by: list[int] = [0] * len(cases)
    for index, case in enumerate(cases):
        for detection in by_pair.get(case.pair, ()):
            if _detects(detection, case):
                shared = _shared(case, detection)
                case_chars[index] |= shared
                detection_chars[id(detection)] |= shared
                detected_by[index] += 1
    if detections:
        precision = sum(len(detection_chars[id(d)]) / d.size for d in detections if d.size) / len(
            detections
        )
    else:
        precision = 0.0 if cases else 1.0
    if cases:
        recall = sum(len(chars) / c.size for chars, c in zip(case_chars, cases, strict=True)
                     if c.size) / len(cases)  # fmt: skip
    else:
        recall = 1.0
    detected = [count for count in detected_by if count]
    granularity = sum(detected) / len(detected) if detected else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    plagdet = f1 / log2(1 + granularity)
    return PanScore(
        precision=round(precision, 4),
        recall=round(recall, 4),
        granularity=round(granularity, 4),
        plagdet=round(plagdet, 4),
        cases=len(cases),
        detections=len(detections),
    )
