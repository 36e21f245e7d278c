"""Ranking discrepancies: how material the disputed fact is, and how sure the clash is.

A fact-checker chases every discrepancy, so the strongest come first. Each gets
``score = materiality * certainty``, both in [0, 1], with short reasons.

**Materiality** is what the disputed fact is, from the discrepancy's kind and
facet (:data:`MATERIALITY`): a count of people (``people/killed``) or a sum of
money matters most, then other figures, who said it, dates and clock times;
participants and places (facilities, areas) are in the middle, a negation lower.

**Certainty** is a weighted mean of what the records show (:data:`WEIGHTS`):

* *agreement*: the share of articles behind the most-stated version. One
  article against four (0.8) is likelier an error, and surer, than two against
  two (0.5); a headline contradicting its own article's text is sure (1.0).
* *wording*: the share of words (Jaccard) the two sentences compared have in
  common once the disputed values are taken out. Close wordings state one fact.
* *gap*, for figures: how far apart the two values are relative to the larger,
  ``gap / (gap + 0.1)``. ``23`` vs ``32`` (28 %) is clearer than ``100`` vs
  ``104`` (4 %).

A component the records cannot give (an article's text is missing, a figure
cannot be read) is left out of the mean. A revision over time
(``scope="over_time"``) is an update, not an error: its certainty is 0.

>>> from storytrace.models import Discrepancy, Mention, Variant
>>> clash = Discrepancy("d1", "number", None, "figure differs", (
...     Variant("23", (Mention("a", 0, 2),)), Variant("32", (Mention("b", 0, 2),))),
...     facet="people/injured")
>>> ranking = rank_discrepancy(clash, {})
>>> ranking.materiality, ranking.certainty, ranking.score
(1.0, 0.5792, 0.5792)
>>> ranking.reasons[1:]
('an even split: 1 article against 1', 'figures far apart (23 vs 32, 28%)')
>>> strength(ranking.score)
'moderate'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Literal

from storytrace.claims.quantities import find_quantities
from storytrace.claims.speakers import field_text
from storytrace.claims.units import split_sentences
from storytrace.models import Article, Discrepancy, DiscrepancyKind, Mention, Span, Variant

MATERIALITY: dict[str, tuple[float, str]] = {
    "people": (1.0, "a count of people"),
    "money": (0.95, "a sum of money"),
    "figure": (0.75, "a figure"),
    "speaker": (0.75, "who said it"),
    "time": (0.7, "a date or time"),
    "participants": (0.55, "who took part"),
    "place": (0.5, "a place"),
    "polarity": (0.35, "whether it happened (a negation)"),
}
"""Materiality by class of fact: (weight, how a reason names it)."""

_KIND_CLASS: dict[DiscrepancyKind, str] = {
    "number": "figure",
    "date": "time",
    "attribution": "speaker",
    "entity_set": "participants",
    "place": "place",
    "polarity": "polarity",
}

WEIGHTS: dict[str, float] = {"agreement": 0.5, "wording": 0.25, "gap": 0.25}
"""Weights of the certainty components in their mean."""

STRONG, MODERATE = 0.6, 0.35
"""Scores from which a discrepancy is called strong, or moderate (below: weak)."""

Strength = Literal["strong", "moderate", "weak"]

# A gap of 10 % of the larger figure is halfway to sure.
_GAP_HALF = 0.1
# Characters after a figure's span read with it ("No" + " injuries").
_FIGURE_CONTEXT = 40
_WORDS = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Ranking:
    """How strongly a discrepancy should be chased, and why."""

    score: float
    materiality: float
    certainty: float
    reasons: tuple[str, ...]


def fact_class(kind: DiscrepancyKind, facet: str) -> str:
    """The :data:`MATERIALITY` class of a discrepancy's fact.

    >>> fact_class("number", "people/killed"), fact_class("number", "dollar money")
    ('people', 'money')
    """
    if kind == "number":
        if facet.endswith("money"):
            return "money"
        if facet.startswith("people"):
            return "people"
    return _KIND_CLASS[kind]


def strength(score: float) -> Strength:
    """``strong``, ``moderate`` or ``weak``, as a report names a score."""
    if score >= STRONG:
        return "strong"
    return "moderate" if score >= MODERATE else "weak"


def compared_variants(discrepancy: Discrepancy) -> tuple[Variant, Variant] | None:
    """The two versions set side by side: the two stated by most articles, in their order."""
    if len(discrepancy.variants) < 2:
        return None
    order = sorted(
        range(len(discrepancy.variants)),
        key=lambda i: -_article_count(discrepancy.variants[i]),
    )
    first, second = sorted(order[:2])
    return discrepancy.variants[first], discrepancy.variants[second]


def sentence_span(mention: Mention, articles_by_id: Mapping[str, Article]) -> Span | None:
    """The sentence of the mention's headline or text that holds it (``None`` without it).

    The sentence is widened to hold the whole mention when the mention runs past it.
    """
    article = articles_by_id.get(mention.article_id)
    if article is None:
        return None
    text = field_text(article, mention.field)
    if not 0 <= mention.start <= mention.end <= len(text):
        return None
    for sentence in split_sentences(text, article.language or "en"):
        if sentence.start <= mention.start < sentence.end:
            return Span(sentence.start, max(sentence.end, mention.end))
    return Span(mention.start, mention.end)


def rank_discrepancy(discrepancy: Discrepancy, articles_by_id: Mapping[str, Article]) -> Ranking:
    """The score of one discrepancy (see the module's docstring), with its reasons."""
    material, what = MATERIALITY[fact_class(discrepancy.kind, discrepancy.facet)]
    reasons = [f"{what} (materiality {material:.2f})"]
    if discrepancy.scope == "over_time":
        reasons.append("a later report revised it: an update, not an error")
        return Ranking(0.0, material, 0.0, tuple(reasons))
    components: dict[str, float] = {}
    components["agreement"], said = _agreement(discrepancy)
    reasons.append(said)
    pair = compared_variants(discrepancy)
    if pair is not None:
        shared = _shared_words(pair, articles_by_id)
        if shared is not None:
            components["wording"] = shared
            closeness = "close" if shared >= 0.5 else "different"
            reasons.append(f"{closeness} wordings ({shared:.0%} of words shared)")
        gap = _gap(pair, articles_by_id) if discrepancy.kind == "number" else None
        if gap is not None:
            components["gap"] = gap / (gap + _GAP_HALF)
            apart = "far apart" if gap >= _GAP_HALF else "close"
            reasons.append(f"figures {apart} ({pair[0].value} vs {pair[1].value}, {gap:.0%})")
    total = sum(WEIGHTS[name] for name in components)
    certainty = sum(WEIGHTS[name] * value for name, value in components.items()) / total
    return Ranking(round(material * certainty, 4), material, round(certainty, 4), tuple(reasons))


def rank_discrepancies(
    discrepancies: Iterable[Discrepancy], articles_by_id: Mapping[str, Article]
) -> tuple[Discrepancy, ...]:
    """The discrepancies scored, strongest first, renumbered ``discrepancy-1`` to ``-n``."""
    scored = []
    for discrepancy in discrepancies:
        ranking = rank_discrepancy(discrepancy, articles_by_id)
        scored.append(replace(discrepancy, score=ranking.score, reasons=ranking.reasons))
    return tuple(
        replace(d, id=f"discrepancy-{n}") for n, d in enumerate(strongest_first(scored), start=1)
    )


def strongest_first(discrepancies: Iterable[Discrepancy]) -> list[Discrepancy]:
    """The discrepancies by score, highest first; equal scores keep their order."""
    return sorted(discrepancies, key=lambda d: -d.score)


def _article_count(variant: Variant) -> int:
    return len({m.article_id for m in variant.mentions})


def _agreement(discrepancy: Discrepancy) -> tuple[float, str]:
    if discrepancy.scope == "headline_body":
        return 1.0, "one outlet's headline contradicts its own text"
    counts = sorted((_article_count(v) for v in discrepancy.variants), reverse=True)
    if not counts or not sum(counts):
        return 0.0, "no article states a version"
    share = counts[0] / sum(counts)
    if len(counts) == 2 and counts[1] == 1 < counts[0]:
        return share, f"1 article against {counts[0]}: a likely error"
    said = f"{counts[0]} article{'s' if counts[0] != 1 else ''} against " + " and ".join(
        str(n) for n in counts[1:]
    )
    return share, f"an even split: {said}" if len(set(counts)) == 1 else said


def _words_apart(
    mention: Mention, articles_by_id: Mapping[str, Article]
) -> tuple[set[str], set[str]] | None:
    """The words of a mention's sentence, without the mention's own words, and with them."""
    span = sentence_span(mention, articles_by_id)
    if span is None:
        return None
    text = field_text(articles_by_id[mention.article_id], mention.field)
    sentence = text[span.start : span.end].casefold()
    start, end = mention.start - span.start, mention.end - span.start
    rest = f"{sentence[:start]} {sentence[end:]}"
    return set(_WORDS.findall(rest)), set(_WORDS.findall(sentence))


def _shared_words(
    pair: tuple[Variant, Variant], articles_by_id: Mapping[str, Article]
) -> float | None:
    if not all(v.mentions for v in pair):
        return None
    one, other = (_words_apart(v.mentions[0], articles_by_id) for v in pair)
    if one is None or other is None:
        return None
    (first, first_all), (second, second_all) = one, other
    if not first | second:
        # The mention is the whole sentence (a negation, a speaker): compare it all.
        first, second = first_all, second_all
    union = first | second
    return round(len(first & second) / len(union), 4) if union else None


def _figures(variant: Variant, articles_by_id: Mapping[str, Article]) -> list[float]:
    """The figures a variant states: read in its first mention's words, else in its value."""
    if variant.mentions:
        mention = variant.mentions[0]
        article = articles_by_id.get(mention.article_id)
        if article is not None:
            text = field_text(article, mention.field)
            window = text[mention.start : mention.end + _FIGURE_CONTEXT]
            inside = mention.end - mention.start
            found = [q.middle for q in find_quantities(window) if q.start < inside]
            if found:
                return found
    return [q.middle for q in find_quantities(variant.value)]


def _gap(pair: tuple[Variant, Variant], articles_by_id: Mapping[str, Article]) -> float | None:
    """How far apart two versions' figures are, relative to the larger (the widest pair)."""
    first, second = (_figures(v, articles_by_id) for v in pair)
    if not first or not second:
        return None
    if len(first) != len(second):
        first, second = first[:1], second[:1]
    gaps = [
        abs(a - b) / max(abs(a), abs(b)) if max(abs(a), abs(b)) else 0.0
        for a, b in zip(sorted(first), sorted(second), strict=True)
    ]
    return max(gaps)
