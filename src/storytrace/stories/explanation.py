"""Why a story's articles belong together: shared passages, names, numbers and dates.

Evidence is what most of a story's articles share and few other articles
have: names and numbers are ranked by how many of the story's articles carry
them times how rare they are in the run. Each piece points at where it shows
(:class:`~storytrace.models.Mention` spans into the article's title or text),
so a reader can check it.

>>> find_mention(Article(id="a", source="a", text="Quake in Haiti. Haiti mourns."), "haiti")
Mention(article_id='a', start=9, end=14, field='text')
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from storytrace.models import Article, EvidenceKind, Mention, StoryEvidence
from storytrace.stories.features import TOKEN, ArticleFeatures, fold_token, shingle_hashes
from storytrace.stories.graph import Edge
from storytrace.stories.vocabulary import MONTH_NAMES

MAX_MENTIONS = 20
"""Mentions kept per piece of evidence: enough to check it, few enough to read."""
_TOP_NAMES = 5
_TOP_NUMBERS = 3
_MIN_PASSAGE_WORDS = 8


def find_mention(article: Article, term: str) -> Mention | None:
    """Where a lower-case term first shows in the title, else the text, else ``None``."""
    return _first_mention(article, mention_pattern(term))


def mention_pattern(term: str) -> re.Pattern[str]:
    """A case-blind pattern for a term as a whole word (``may-3`` matches "May 3")."""
    return re.compile(rf"(?<![^\W_]){_term_pattern(term)}(?![^\W_])", re.IGNORECASE)


def _first_mention(article: Article, pattern: re.Pattern[str]) -> Mention | None:
    match = pattern.search(article.title or "")
    if match:
        return Mention(article.id, match.start(), match.end(), "title")
    match = pattern.search(article.text or "")
    if match:
        return Mention(article.id, match.start(), match.end(), "text")
    return None


def _term_pattern(term: str) -> str:
    month, _, day = term.partition("-")
    if day.isdigit() and month in MONTH_NAMES:
        return rf"{month[:3]}[a-z]*\.?\s+0?{day}"
    return re.escape(term).replace("'", "['\u2019]")


def _shared_terms(
    bags: Sequence[Counter[str]],
    document_frequency: Counter[str],
    corpus_size: int,
    top: int,
) -> list[tuple[str, float, int]]:
    """Terms in at least two of the bags, best first: (term, weight, articles).

    A term weighs more the more of the story's articles carry it, the rarer it
    is in the run, and the more often the story's articles repeat it.
    """
    in_story: Counter[str] = Counter()
    occurrences: Counter[str] = Counter()
    for bag in bags:
        in_story.update(bag.keys())
        occurrences.update(bag)
    ranked = []
    for term, count in in_story.items():
        if count < 2:
            continue
        rarity = math.log((1 + corpus_size) / (1 + document_frequency.get(term, count)))
        repeated = math.log(1 + occurrences[term] / count)
        ranked.append((term, count / len(bags) * (1 + rarity) * repeated, count))
    ranked.sort(key=lambda item: (-item[1], item[0]))
    return ranked[:top]


def _term_evidence(
    kind: EvidenceKind,
    terms: list[tuple[str, float, int]],
    articles: Sequence[Article],
) -> list[StoryEvidence]:
    evidence = []
    for term, weight, _count in terms:
        pattern = mention_pattern(term)
        mentions = []
        for article in articles:
            mention = _first_mention(article, pattern)
            if mention is not None:
                mentions.append(mention)
            if len(mentions) >= MAX_MENTIONS:
                break
        if len(mentions) >= 2:
            first = mentions[0]
            source = next(a for a in articles if a.id == first.article_id)
            text = source.title if first.field == "title" else source.text
            evidence.append(
                StoryEvidence(
                    kind=kind,
                    value=(text or "")[first.start : first.end],
                    weight=round(weight, 4),
                    mentions=tuple(mentions),
                )
            )
    return evidence


def _word_spans(text: str) -> list[tuple[str, int, int]]:
    return [(fold_token(m.group()), m.start(), m.end()) for m in TOKEN.finditer(text)]


def shared_passage(
    first: Article,
    second: Article,
    shared: npt.NDArray[np.uint64],
    size: int,
) -> StoryEvidence | None:
    """The longest run of at least eight words the two texts share.

    ``shared`` holds the hashes of the word shingles (of ``size`` words) both
    texts have; a passage is a run of the second text's shingles found in the first.
    """
    if len(shared) == 0:
        return None
    words_b = _word_spans(second.text or "")
    found = np.isin(shingle_hashes([word for word, _, _ in words_b], size), shared)
    best_start, best_length, run = 0, 0, 0
    for index, hit in enumerate(found.tolist()):
        run = run + 1 if hit else 0
        if run > best_length:
            best_start, best_length = index - run + 1, run
    length = best_length + size - 1
    if best_length == 0 or length < _MIN_PASSAGE_WORDS:
        return None
    words_a = _word_spans(first.text or "")
    opening = [word for word, _, _ in words_b[best_start : best_start + size]]
    for index in range(len(words_a) - size + 1):
        if [word for word, _, _ in words_a[index : index + size]] == opening:
            start_a = index
            break
    else:
        return None
    matched = 0
    while (
        matched < length
        and start_a + matched < len(words_a)
        and words_a[start_a + matched][0] == words_b[best_start + matched][0]
    ):
        matched += 1
    if matched < _MIN_PASSAGE_WORDS:
        return None
    begin_a, end_a = words_a[start_a][1], words_a[start_a + matched - 1][2]
    begin_b, end_b = words_b[best_start][1], words_b[best_start + matched - 1][2]
    return StoryEvidence(
        kind="passage",
        value=(first.text or "")[begin_a:end_a],
        weight=float(matched),
        mentions=(Mention(first.id, begin_a, end_a), Mention(second.id, begin_b, end_b)),
    )


def explain_story(
    positions: Sequence[int],
    articles: Sequence[Article],
    features: Sequence[ArticleFeatures],
    edges: Sequence[Edge],
    document_frequency: dict[str, Counter[str]],
    shingle_words: int,
) -> tuple[StoryEvidence, ...]:
    """The strongest shared evidence of one story (nothing for a story of one article).

    ``edges`` are the story graph's edges inside the story,
    ``document_frequency`` holds, per field (``"names"``, ``"numbers"``), how
    many articles of the run use each term, and ``shingle_words`` is the length
    of the features' word shingles.
    """
    if len(positions) < 2:
        return ()
    members = [articles[p] for p in positions]
    evidence: list[StoryEvidence] = []
    if edges:
        strongest = max(edges, key=lambda edge: (edge.similarity, -edge.left, -edge.right))
        left, right = features[strongest.left], features[strongest.right]
        passage = shared_passage(
            articles[strongest.left],
            articles[strongest.right],
            np.intersect1d(left.shingles, right.shingles, assume_unique=True),
            shingle_words,
        )
        if passage is not None:
            evidence.append(passage)
        mean = sum(edge.similarity for edge in edges) / len(edges)
        evidence.append(
            StoryEvidence(
                kind="similarity",
                value=f"mean similarity {mean:.2f} over {len(edges)} links",
                weight=round(mean, 4),
            )
        )
    corpus_size = len(articles)
    names = _shared_terms(
        [features[p].names for p in positions], document_frequency["names"], corpus_size, _TOP_NAMES
    )
    evidence.extend(_term_evidence("entity", names, members))
    numbers = _shared_terms(
        [features[p].numbers for p in positions],
        document_frequency["numbers"],
        corpus_size,
        _TOP_NUMBERS,
    )
    dates = _shared_terms(
        [features[p].dates for p in positions],
        document_frequency.get("dates", Counter()),
        corpus_size,
        _TOP_NUMBERS,
    )
    evidence.extend(_term_evidence("date", dates, members))
    evidence.extend(_term_evidence("number", numbers, members))
    return tuple(evidence)
