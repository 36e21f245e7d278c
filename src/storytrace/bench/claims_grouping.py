"""Claim grouping against ECB+ cross-document event coreference.

Two sentences of different documents of one ECB+ story (topic and half)
*corefer* when they mention one cross-document event instance
(``CROSS_DOC_COREF`` on ``ACTION``/``NEG`` mentions). The claims stage runs on
each story; two sentences are *grouped* when units of both fall in one claim
group. Pairwise precision and recall are counted over the pairs of
annotated sentences (``ECBplus_coreference_sentences.csv``) of different
documents, summed over stories.

Claim groups and event coreference are not the same thing: every sentence
that mentions an earthquake corefers on it, while a claim group holds
statements that say the same thing. Expect high precision and low recall.

>>> pairwise_scores({frozenset({1, 2})}, {frozenset({1, 2}), frozenset({1, 3})})
(0.5, 1.0)
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Collection, Hashable
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from storytrace.bench.claims_ecbplus import EventDocument, SentenceKey, load_event_documents
from storytrace.claims import ClaimSettings, Embed, analyze_claims


@dataclass(frozen=True, slots=True)
class GroupingResult:
    """How well claim groups recover ECB+ cross-document event coreference."""

    stories: int
    documents: int
    sentences: int
    gold_pairs: int
    predicted_pairs: int
    correct_pairs: int
    precision: float
    recall: float
    f1: float
    seconds: float


def pairwise_scores(
    gold: Collection[frozenset[Hashable]], predicted: Collection[frozenset[Hashable]]
) -> tuple[float, float]:
    """Precision and recall of predicted pairs against gold pairs (1.0 when a side is empty)."""
    correct = len(set(gold) & set(predicted))
    precision = correct / len(predicted) if predicted else 1.0
    recall = correct / len(gold) if gold else 1.0
    return precision, recall


def _story_pairs(
    documents: list[EventDocument], embed: Embed | None, settings: ClaimSettings
) -> tuple[set[frozenset[SentenceKey]], set[frozenset[SentenceKey]], int]:
    articles = [d.document.article for d in documents]
    result = analyze_claims(
        articles, lineage_of={a.id: a.id for a in articles}, embed=embed, settings=settings
    )
    located: dict[str, list[tuple[int, int, SentenceKey]]] = {
        d.document.article.id: [(s.start, s.end, s.key) for s in d.sentences if s.selected]
        for d in documents
    }
    predicted: set[frozenset[SentenceKey]] = set()
    for claim in result.claims:
        keys = {
            key
            for mention in claim.mentions
            for start, end, key in located.get(mention.article_id, ())
            if start <= mention.start < end
        }
        for first, second in combinations(sorted(keys, key=str), 2):
            if first.document != second.document:
                predicted.add(frozenset({first, second}))
    by_instance: dict[str, set[SentenceKey]] = defaultdict(set)
    selected = [s for d in documents for s in d.sentences if s.selected]
    for sentence in selected:
        for instance in sentence.instances:
            by_instance[instance].add(sentence.key)
    gold: set[frozenset[SentenceKey]] = set()
    for keys in by_instance.values():
        for first, second in combinations(sorted(keys, key=str), 2):
            if first.document != second.document:
                gold.add(frozenset({first, second}))
    return gold, predicted, len(selected)


def run_grouping_bench(
    path: str | Path,
    *,
    topics: tuple[str, ...] | None = None,
    embed: Embed | None = None,
    settings: ClaimSettings | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> GroupingResult:
    """Group the claims of every ECB+ story (or those of ``topics``) and score the pairs."""
    settings = settings or ClaimSettings()
    started = time.perf_counter()
    documents = load_event_documents(path, topics)
    stories: dict[str, list[EventDocument]] = defaultdict(list)
    for document in documents:
        stories[document.document.story].append(document)
    gold_total = predicted_total = correct_total = sentences = 0
    for done, members in enumerate(stories.values(), start=1):
        gold, predicted, selected = _story_pairs(members, embed, settings)
        gold_total += len(gold)
        predicted_total += len(predicted)
        correct_total += len(gold & predicted)
        sentences += selected
        if progress is not None:
            progress(done, len(stories))
    precision = correct_total / predicted_total if predicted_total else 1.0
    recall = correct_total / gold_total if gold_total else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return GroupingResult(
        stories=len(stories),
        documents=len(documents),
        sentences=sentences,
        gold_pairs=gold_total,
        predicted_pairs=predicted_total,
        correct_pairs=correct_total,
        precision=precision,
        recall=recall,
        f1=f1,
        seconds=time.perf_counter() - started,
    )
