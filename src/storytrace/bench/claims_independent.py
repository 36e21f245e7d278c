"""Discrepancies between independent reports: precision on annotated statement pairs.

The claims stage runs on every ECB+ gold story as it comes (independent
reports of one event, each its own lineage). Each reported discrepancy joins
statements of two articles (a mention of one variant and a mention of
another); when both lie in the sentences of an annotated pair
(:mod:`.discrepancy_pairs`), the pair counts as *flagged*. Precision is the
share of flagged annotated pairs labelled ``conflict``; recall the share of
``conflict`` pairs flagged. Flags outside the annotated pairs are counted per
story but not judged. A baseline flags a pair whenever its two highlighted
values are written differently; another flags every candidate.

>>> score = SplitScore.of("report", flagged=4, correct=3, conflicts=5, candidates=20)
>>> round(score.precision, 2), round(score.recall, 2)
(0.75, 0.6)
"""

from __future__ import annotations

import re
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from storytrace.bench.discrepancy_pairs import LabelledPair, StatementSide, load_discrepancy_pairs
from storytrace.bench.ecbplus import load_ecbplus
from storytrace.claims import Embed, analyze_claims
from storytrace.models import Article, Discrepancy

_SPLITS = ("tune", "report")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class SplitScore:
    """Flags on the annotated pairs of one split (or of a baseline on it)."""

    split: str
    candidates: int
    flagged: int
    correct: int
    conflicts: int
    precision: float
    recall: float

    @classmethod
    def of(
        cls, split: str, *, flagged: int, correct: int, conflicts: int, candidates: int
    ) -> SplitScore:
        """The score from counts (0 where undefined)."""
        precision = correct / flagged if flagged else 0.0
        recall = correct / conflicts if conflicts else 0.0
        return cls(split, candidates, flagged, correct, conflicts, precision, recall)


@dataclass(frozen=True, slots=True)
class IndependentResult:
    """Every figure of the independent-report benchmark."""

    stories: int
    discrepancies: int
    by_kind: dict[str, int]
    ours: tuple[SplitScore, ...]
    values_differ: tuple[SplitScore, ...]
    every_candidate: tuple[SplitScore, ...]
    flagged_labels: dict[str, dict[str, int]]
    """Per split, how the flagged pairs are labelled."""
    seconds: float

    @property
    def per_story(self) -> float:
        """Discrepancies reported per gold story."""
        return self.discrepancies / self.stories if self.stories else 0.0


def _within(side: StatementSide, article_id: str, start: int, end: int) -> bool:
    return article_id == side.article_id and start < side.sentence_end and side.sentence_start < end


def flagged_pairs(discrepancies: Iterable[Discrepancy], pairs: Sequence[LabelledPair]) -> set[str]:
    """The ids of the annotated pairs that some discrepancy joins (one variant on each side)."""
    found: set[str] = set()
    for discrepancy in discrepancies:
        for first, second in combinations(discrepancy.variants, 2):
            for a in first.mentions:
                for b in second.mentions:
                    if a.article_id == b.article_id or "text" not in (a.field, b.field):
                        continue
                    for pair in pairs:
                        left, right = pair.left, pair.right
                        if (
                            _within(left, a.article_id, a.start, a.end)
                            and _within(right, b.article_id, b.start, b.end)
                        ) or (
                            _within(left, b.article_id, b.start, b.end)
                            and _within(right, a.article_id, a.start, a.end)
                        ):
                            found.add(pair.id)
    return found


def _normalised(value: str) -> str:
    return " ".join(_WORD.findall(value.casefold()))


def _scores(
    pairs: Sequence[LabelledPair], flagged: Callable[[LabelledPair], bool]
) -> tuple[SplitScore, ...]:
    scores = []
    for split in _SPLITS:
        mine = [p for p in pairs if p.split == split]
        hits = [p for p in mine if flagged(p)]
        scores.append(
            SplitScore.of(
                split,
                flagged=len(hits),
                correct=sum(p.label == "conflict" for p in hits),
                conflicts=sum(p.label == "conflict" for p in mine),
                candidates=len(mine),
            )
        )
    return tuple(scores)


def run_independent_bench(
    ecbplus: str | Path,
    pairs_path: str | Path,
    *,
    embed: Embed | None = None,
    stories: Sequence[str] | None = None,
    progress: Callable[[str], None] | None = None,
) -> IndependentResult:
    """Run the claims stage on ECB+ gold stories and score its flags on the annotated pairs.

    ``stories`` limits the run to some gold stories (default: all of them).
    """
    started = time.perf_counter()
    pairs = load_discrepancy_pairs(pairs_path)
    corpus = load_ecbplus(ecbplus)
    members: dict[str, list[Article]] = defaultdict(list)
    for document in corpus.documents:
        members[document.story].append(document.article)
    chosen = sorted(members) if stories is None else [s for s in sorted(members) if s in stories]
    by_story: dict[str, list[LabelledPair]] = defaultdict(list)
    for pair in pairs:
        by_story[pair.story].append(pair)
    flagged: set[str] = set()
    kinds: Counter[str] = Counter()
    total = 0
    for number, story in enumerate(chosen, start=1):
        articles = members[story]
        result = analyze_claims(articles, lineage_of={a.id: a.id for a in articles}, embed=embed)
        total += len(result.discrepancies)
        kinds.update(d.kind for d in result.discrepancies)
        flagged |= flagged_pairs(result.discrepancies, by_story.get(story, []))
        if progress is not None:
            progress(f"{number}/{len(chosen)} stories, {total} discrepancies")
    judged = [p for p in pairs if stories is None or p.story in stories]
    labels = {
        split: dict(Counter(str(p.label) for p in judged if p.split == split and p.id in flagged))
        for split in _SPLITS
    }
    return IndependentResult(
        stories=len(chosen),
        discrepancies=total,
        by_kind=dict(kinds),
        ours=_scores(judged, lambda p: p.id in flagged),
        values_differ=_scores(
            judged, lambda p: _normalised(p.left.value) != _normalised(p.right.value)
        ),
        every_candidate=_scores(judged, lambda p: True),
        flagged_labels=labels,
        seconds=time.perf_counter() - started,
    )


def format_independent_result(result: IndependentResult) -> str:
    """The figures as text, ours beside the baselines, per split (tune is in-sample)."""
    lines = [
        f"discrepancies between independent reports (ECB+, {result.stories} gold stories): "
        f"{result.discrepancies} reported, {result.per_story:.2f} per story "
        + ", ".join(f"{kind} {count}" for kind, count in sorted(result.by_kind.items())),
        "  annotated pairs (tests/data/discrepancy_pairs): precision / recall of 'conflict'",
    ]
    for index, split in enumerate(_SPLITS):
        note = " (in-sample: rules were tuned on it)" if split == "tune" else " (held out)"
        ours = result.ours[index]
        lines.append(
            f"  {split}{note}: {ours.candidates} pairs, {ours.conflicts} conflicts; "
            f"storytrace flags {ours.flagged}: precision {ours.precision:.3f} "
            f"recall {ours.recall:.3f}; flagged labelled "
            + (", ".join(f"{k} {v}" for k, v in sorted(result.flagged_labels[split].items()))
               or "-")
        )  # fmt: skip
        for name, scores in (
            ("values written differently", result.values_differ),
            ("every candidate", result.every_candidate),
        ):
            base = scores[index]
            lines.append(
                f"    baseline {name}: flags {base.flagged}, precision {base.precision:.3f} "
                f"recall {base.recall:.3f}"
            )
    return "\n".join(lines)
