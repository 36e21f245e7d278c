"""Simple methods run beside storytrace on the reuse benchmark, written apart from it.

- **earlier wins**: two articles that share ``min_grams`` word 8-grams or more
  are a copy; the earlier shown date is the source (no date or the same one:
  undecided); each article's parent is the earliest earlier article it shares
  that much with;
- **four rules**: the same copies, and the direction from the first rule that
  decides: earlier wins, then a credit (one text names the other's outlet,
  alias or domain), then a news agency (the agency is the source), then
  containment (the article whose 8-grams are the more shared is the copy);
  each article's parent is the source it shares most with;
- **TF-IDF cosine**: a copy when the cosine of the two articles' TF-IDF
  vectors reaches a threshold (no direction, no parents).

The thresholds are tuned on the dev split, for telling copies from the rest.
None of this reads the detector's code or word lists.

>>> grams = gram_hashes("One two three four five six seven eight nine")
>>> len(grams)
2
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import combinations

import numpy as np
from scipy import sparse

from storytrace.bench.reuse_dates import compare_shown, parse_shown
from storytrace.models import Article, ReuseRelation
from storytrace.normalize import normalize_for_matching

GRAM = 8
_WORD = re.compile(r"\w+")
_HOST_PREFIXES = frozenset("www m news edition uk us amp mobile".split())
_SECOND_LEVEL = frozenset("co com org net ac gov".split())
WIRES = frozenset(
    name.strip()
    for name in """reuters|associated press|ap|agence france-presse|agence france presse|afp
    |united press international|upi|deutsche presse-agentur|dpa|press association|pa media
    |bloomberg|xinhua|kyodo|ansa|efe|reuters.com|apnews.com|afp.com|upi.com|dpa.com|pa.media
    |bloomberg.com|xinhuanet.com""".split("|")
)
"""Agencies by name, acronym or domain, from general knowledge of the news wires."""


def gram_hashes(text: str, size: int = GRAM) -> set[int]:
    """Hashes of the word ``size``-grams of ``text``, after folding case and look-alikes."""
    words = _WORD.findall(normalize_for_matching(text).text)
    return {hash(tuple(words[i : i + size])) for i in range(len(words) - size + 1)}


def _domain(url: str | None) -> str | None:
    """The registrable domain of ``url``, by a plain rule (no suffix list)."""
    if not url:
        return None
    host = url.split("//", 1)[-1].split("/", 1)[0].lower()
    labels = host.split(".")
    while len(labels) > 2 and labels[0] in _HOST_PREFIXES:
        labels = labels[1:]
    if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def outlet_names(article: Article) -> list[str]:
    """What a credit of the article's outlet may say: its name without "The", its acronym,
    its domain and the domain's first label."""
    names: list[str] = []
    if article.outlet:
        name = re.sub(r"^The ", "", article.outlet)
        words = [w for w in re.split(r"[\s-]+", name) if w]
        names.append(name)
        if len(words) >= 3:
            names.append("".join(w[0] for w in words).upper())
    domain = _domain(article.url)
    if domain:
        names += [domain, domain.split(".")[0]]
    return names


def credits(text: str, article: Article) -> bool:
    """Whether ``text`` names the outlet of ``article``."""
    for name in outlet_names(article):
        flags = 0 if name.isupper() else re.IGNORECASE
        if len(name) >= 2 and re.search(rf"\b{re.escape(name)}\b", text, flags):
            return True
    return False


def is_wire(article: Article) -> bool:
    """Whether the article comes from a news agency (by its outlet or its domain)."""
    found = {(article.outlet or "").lower(), (_domain(article.url) or "").lower()}
    return bool(found & WIRES)


@dataclass(frozen=True, slots=True)
class StoryPrediction:
    """What a method says about one story: relations, directions, derivation edges.

    ``relations`` holds the pairs found to share text (the others are
    independent); ``edges`` are ``(source, target, confidence)``, the
    confidence ``None`` for a method that gives none.
    """

    relations: Mapping[frozenset[str], ReuseRelation]
    directions: frozenset[tuple[str, str]]
    edges: tuple[tuple[str, str, float | None], ...]


def shared_grams(articles: Sequence[Article]) -> dict[frozenset[str], tuple[int, float, float]]:
    """For each pair sharing an 8-gram: how many, and the share of each one's 8-grams (in
    the order of the ids sorted)."""
    grams = {a.id: gram_hashes(a.text) for a in articles}
    result: dict[frozenset[str], tuple[int, float, float]] = {}
    for first, second in combinations(sorted(grams), 2):
        shared = len(grams[first] & grams[second])
        if shared:
            result[frozenset((first, second))] = (
                shared,
                shared / max(1, len(grams[first])),
                shared / max(1, len(grams[second])),
            )
    return result


def _earlier(first: Article, second: Article) -> str | None:
    order = compare_shown(first.published, second.published)
    return None if not order else (first.id if order < 0 else second.id)


def four_rule_source(
    first: Article, second: Article, containment: tuple[float, float]
) -> str | None:
    """The source of the pair by the first rule that decides: date, credit, agency,
    containment (``containment`` is each one's share of shared 8-grams)."""
    earlier = _earlier(first, second)
    if earlier:
        return earlier
    forward, backward = credits(second.text, first), credits(first.text, second)
    if forward != backward:
        return first.id if forward else second.id
    wire_first, wire_second = is_wire(first), is_wire(second)
    if wire_first != wire_second:
        return first.id if wire_first else second.id
    if containment[0] != containment[1]:
        # The article whose text is the more covered by what they share is the copy.
        return second.id if containment[0] > containment[1] else first.id
    return None


def predict_earlier_wins(articles: Sequence[Article], min_grams: int) -> StoryPrediction:
    """Copies by shared 8-grams, direction and parents by the earlier date."""
    shared = shared_grams(articles)
    by_id = {a.id: a for a in articles}
    copies = {pair for pair, (count, _, _) in shared.items() if count >= min_grams}
    directions: set[tuple[str, str]] = set()
    for pair in copies:
        first, second = sorted(pair)
        source = _earlier(by_id[first], by_id[second])
        if source:
            directions.add((source, second if source == first else first))
    edges: list[tuple[str, str, float | None]] = []
    for target in sorted(by_id):
        sources = [s for s, t in directions if t == target]
        if sources:
            earliest = min(sources, key=lambda s: (_sort_key(by_id[s]), s))
            edges.append((earliest, target, None))
    return StoryPrediction(dict.fromkeys(copies, "copy"), frozenset(directions), tuple(edges))


def _sort_key(article: Article) -> datetime:
    shown = parse_shown(article.published)
    return shown[0] if shown else datetime.max.replace(tzinfo=UTC)


def predict_four_rules(articles: Sequence[Article], min_grams: int) -> StoryPrediction:
    """Copies by shared 8-grams, direction by the four rules, parent the most shared source."""
    shared = shared_grams(articles)
    by_id = {a.id: a for a in articles}
    directions: set[tuple[str, str]] = set()
    counts: dict[tuple[str, str], int] = {}
    copies = set()
    for pair, (count, first_share, second_share) in shared.items():
        if count < min_grams:
            continue
        copies.add(pair)
        first, second = sorted(pair)
        source = four_rule_source(by_id[first], by_id[second], (first_share, second_share))
        if source:
            target = second if source == first else first
            directions.add((source, target))
            counts[(source, target)] = count
    edges: list[tuple[str, str, float | None]] = []
    for target in sorted(by_id):
        sources = [s for s, t in directions if t == target]
        if sources:
            best = max(sources, key=lambda s: (counts[(s, target)], s))
            edges.append((best, target, None))
    return StoryPrediction(dict.fromkeys(copies, "copy"), frozenset(directions), tuple(edges))


class TfidfCosine:
    """TF-IDF vectors (log term frequency, smoothed IDF, unit length) fitted on a set of
    texts, and the cosine of any two of them."""

    def __init__(self, texts: Iterable[str]) -> None:
        documents = [Counter(_WORD.findall(normalize_for_matching(t).text)) for t in texts]
        frequency = Counter(word for document in documents for word in document)
        self.vocabulary = {word: index for index, word in enumerate(sorted(frequency))}
        count = len(documents)
        self.idf = np.array(
            [math.log((1 + count) / (1 + frequency[w])) + 1 for w in sorted(frequency)]
        )

    def vectors(self, texts: Sequence[str]) -> sparse.csr_matrix:
        rows: list[int] = []
        columns: list[int] = []
        values: list[float] = []
        for row, text in enumerate(texts):
            counts = Counter(_WORD.findall(normalize_for_matching(text).text))
            for word, number in counts.items():
                column = self.vocabulary.get(word)
                if column is not None:
                    rows.append(row)
                    columns.append(column)
                    values.append((1 + math.log(number)) * self.idf[column])
        matrix = sparse.csr_matrix(
            (values, (rows, columns)), shape=(len(texts), len(self.vocabulary))
        )
        norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
        norms[norms == 0] = 1
        return sparse.csr_matrix(sparse.diags(1 / norms) @ matrix)

    def cosines(self, articles: Sequence[Article]) -> dict[frozenset[str], float]:
        """The cosine of every pair of ``articles``."""
        matrix = self.vectors([a.text for a in articles])
        similarity = (matrix @ matrix.T).toarray()
        return {
            frozenset((articles[i].id, articles[j].id)): float(similarity[i, j])
            for i, j in combinations(range(len(articles)), 2)
        }


def predict_tfidf(cosines: Mapping[frozenset[str], float], threshold: float) -> StoryPrediction:
    """Copies where the cosine reaches ``threshold``; no direction, no parents."""
    copies: dict[frozenset[str], ReuseRelation] = {
        pair: "copy" for pair, value in cosines.items() if value >= threshold
    }
    return StoryPrediction(copies, frozenset(), ())


def best_threshold(scored: Sequence[tuple[float, bool]], candidates: Iterable[float]) -> float:
    """The candidate threshold with the most pairs right (``value >= threshold`` is a copy);
    the lowest one among ties.

    >>> best_threshold([(0.9, True), (0.2, False), (0.6, True), (0.5, False)], [0.3, 0.55, 0.8])
    0.55
    """
    best: tuple[int, float] | None = None
    for threshold in candidates:
        right = sum((value >= threshold) == copy for value, copy in scored)
        if best is None or right > best[0]:
            best = (right, threshold)
    if best is None:
        raise ValueError("best_threshold needs at least one candidate")
    return best[1]
