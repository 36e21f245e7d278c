"""Discrepancy detection on real articles with known injected changes.

Each case pairs an ECB+ article with a copy of it (:mod:`.claims_inject`):
every copy is reworded harmlessly, and all but the control copies carry one
known change. The claims stage runs on each pair as a story of two
independent articles. A reported discrepancy is *correct* when its kind is
the injected kind and one of its mentions lies in the changed sentence of
the copy; every other report is a false alarm of its kind. Recall counts
the injected changes found; precision the reports that are correct.

>>> score = KindScore.of("number", injected=10, detected=9, reported=10, correct=9)
>>> score.recall, score.precision
(0.9, 0.9)
"""

from __future__ import annotations

import random
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from storytrace.bench.claims_inject import KINDS, InjectedChange, copy_article, inject, reword
from storytrace.bench.ecbplus import load_ecbplus
from storytrace.claims import ClaimSettings, Embed, analyze_claims
from storytrace.models import Article, Discrepancy, DiscrepancyKind


@dataclass(frozen=True, slots=True)
class DiscrepancyCase:
    """An original article, its harmless rewording, and the copy: the rewording with the
    change injected into it (if any)."""

    original: Article
    reworded: str
    copy: Article
    change: InjectedChange | None


@dataclass(frozen=True, slots=True)
class KindScore:
    """Precision and recall of one discrepancy kind."""

    kind: DiscrepancyKind
    injected: int
    detected: int
    reported: int
    correct: int
    precision: float
    recall: float

    @classmethod
    def of(
        cls, kind: DiscrepancyKind, *, injected: int, detected: int, reported: int, correct: int
    ) -> KindScore:
        precision = correct / reported if reported else 1.0
        recall = detected / injected if injected else 1.0
        return cls(kind, injected, detected, reported, correct, precision, recall)


@dataclass(frozen=True, slots=True)
class DiscrepancyBenchResult:
    """Scores per kind, with the number of cases and control copies."""

    cases: int
    controls: int
    false_alarms_on_controls: int
    scores: tuple[KindScore, ...]
    seconds: float


def make_cases(path: str | Path, *, limit: int, seed: int = 0) -> tuple[DiscrepancyCase, ...]:
    """Up to ``limit`` cases from ECB+ documents, kinds balanced, one control in seven."""
    corpus = load_ecbplus(path)
    rng = random.Random(seed)
    documents = list(corpus.articles)
    rng.shuffle(documents)
    counts: Counter[str] = Counter()
    cases: list[DiscrepancyCase] = []
    for number, article in enumerate(documents):
        if len(cases) >= limit:
            break
        text = reword(article.text, rng=rng)
        if number % 7 == 6:
            cases.append(DiscrepancyCase(article, text, copy_article(article, text), None))
            continue
        for kind in sorted(KINDS, key=lambda k: (counts[k], KINDS.index(k))):
            injected = inject(text, kind, rng)
            if injected is not None:
                counts[kind] += 1
                new_text, change = injected
                copy = copy_article(article, new_text)
                cases.append(DiscrepancyCase(article, text, copy, change))
                break
    return tuple(cases)


def _correct(discrepancy: Discrepancy, case: DiscrepancyCase) -> bool:
    change = case.change
    if change is None or discrepancy.kind != change.kind:
        return False
    return any(
        m.article_id == case.copy.id and m.start < change.end and change.start < m.end
        for variant in discrepancy.variants
        for m in variant.mentions
    )


def run_discrepancy_bench(
    path: str | Path,
    *,
    limit: int = 350,
    seed: int = 0,
    embed: Embed | None = None,
    settings: ClaimSettings | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> DiscrepancyBenchResult:
    """Inject changes into copies of ECB+ articles and score the discrepancies found."""
    started = time.perf_counter()
    cases = make_cases(path, limit=limit, seed=seed)
    injected: Counter[str] = Counter()
    detected: Counter[str] = Counter()
    reported: Counter[str] = Counter()
    correct: Counter[str] = Counter()
    false_alarms = 0
    for done, case in enumerate(cases, start=1):
        lineage = {case.original.id: "original", case.copy.id: "copy"}
        result = analyze_claims(
            [case.original, case.copy], lineage_of=lineage, embed=embed, settings=settings
        )
        found = [d for d in result.discrepancies if d.scope == "across_articles"]
        if case.change is None:
            false_alarms += len(found)
        else:
            injected[case.change.kind] += 1
            if any(_correct(d, case) for d in found):
                detected[case.change.kind] += 1
        for discrepancy in found:
            reported[discrepancy.kind] += 1
            correct[discrepancy.kind] += _correct(discrepancy, case)
        if progress is not None:
            progress(done, len(cases))
    scores = tuple(
        KindScore.of(
            kind,
            injected=injected[kind],
            detected=detected[kind],
            reported=reported[kind],
            correct=correct[kind],
        )
        for kind in KINDS
    )
    return DiscrepancyBenchResult(
        cases=len(cases),
        controls=sum(1 for c in cases if c.change is None),
        false_alarms_on_controls=false_alarms,
        scores=scores,
        seconds=time.perf_counter() - started,
    )
