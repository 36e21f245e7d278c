"""Who copied whom, for one pair of articles that share passages.

Each kind of evidence adds to a score for one direction:

- **attribution** (weight 3): the later article credits the other's outlet
  ("X reported", "according to X", "(X) -", a credit line);
- **translation** (3): one article says it was translated from the other's
  language ("Traduit de l'anglais", see
  :mod:`storytrace.reuse.translation_notes`);
- **time** (2): one was published before the other (date-only values count
  only when the days differ);
- **credited** (0.5 per article, at most 1; reported as ``attribution``): other
  articles of the story credit the story to one of the two outlets: weak
  support, never enough alone (what third articles say is not evidence about
  this pair's text);
- **wire** (0.5): one is a news agency's and the other is not; agencies are
  copied more often than they copy, but they do copy;
- **containment** (1): the copy is contained in its source, not the reverse:
  the article made mostly of text found in the other (a larger share of it
  covered by the shared passages, by ``containment_margin`` or more) is the
  copy. Reprints are cut, excerpted and wrapped in a few lines of their own
  far more often than a source is a subset of a copy (the METER corpus of
  newspaper copies of Press Association stories is made of such
  derivations). Weak on purpose: a copy that adds much of its own is the
  opposite case.

The direction with the higher score wins if the net score reaches 1; its
supporting evidence is kept (evidence against it only lowers the confidence,
``1 - exp(-score / 2)``). No evidence, weak evidence only, or a tie gives no
direction.

>>> from storytrace.models import Article, Passage, Reuse, Span
>>> a = Article("a", "a", "x" * 100, outlet="Reuters", published="2016-07-01T10:00:00Z")
>>> b = Article("b", "b", "x" * 300, outlet="Daily Lantern", published="2016-07-01T12:00:00Z")
>>> reuse = Reuse("b", "a", (), 90, 0.9, 0.3)
>>> direction = infer_direction(reuse, {"a": a, "b": b}, credits={}, settings=ReuseSettings())
>>> direction.source_id, [e.kind for e in direction.evidence], round(direction.confidence, 2)
('a', ['time', 'wire', 'containment'], 0.83)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from math import exp

from storytrace.dates import parse_iso
from storytrace.models import Article, ProvenanceEvidence, Reuse
from storytrace.reuse.attribution import Attribution
from storytrace.reuse.outlet_identity import OutletDirectory
from storytrace.reuse.outlet_names import is_wire_service
from storytrace.reuse.settings import ReuseSettings
from storytrace.reuse.translation_notes import TranslationNote

ATTRIBUTION_WEIGHT = 3.0
TIME_WEIGHT = 2.0
WIRE_WEIGHT = 0.5
CONTAINMENT_WEIGHT = 1.0
CHAIN_WEIGHT = 1.5
CREDITED_WEIGHT = 0.5


@dataclass(frozen=True, slots=True)
class Direction:
    """The likely direction of a copy between two articles, and the evidence for it."""

    source_id: str
    target_id: str
    score: float
    evidence: tuple[ProvenanceEvidence, ...]

    @property
    def confidence(self) -> float:
        return confidence_of(self.score)


def confidence_of(score: float) -> float:
    """The confidence a net evidence score gives (0 for none, near 1 for strong evidence)."""
    return round(1 - exp(-max(score, 0.0) / 2), 4)


def publication_order(article: Article) -> tuple[int, str, str]:
    """A sort key: dated articles first, by date, then by id."""
    moment = parse_iso(article.published)
    return (0 if moment else 1, moment.isoformat() if moment else "", article.id)


def _time_order(first: Article, second: Article) -> int:
    """-1 when ``first`` came out before ``second``, 1 when after, 0 when unknown or equal."""
    start, end = parse_iso(first.published), parse_iso(second.published)
    if start is None or end is None:
        return 0
    date_only = len(first.published or "") <= 10 or len(second.published or "") <= 10
    if date_only:
        start_day, end_day = start.date(), end.date()
        return (start_day > end_day) - (start_day < end_day)
    gap = (end - start).total_seconds()
    return 0 if abs(gap) < 60 else (-1 if gap > 0 else 1)


def _credits(
    credits: Sequence[Attribution], source: Article, outlets: OutletDirectory
) -> Attribution | None:
    """The first credit that names the outlet which published ``source``."""
    for attribution in credits:
        if outlets.same_outlet_article(source.id, attribution.outlet):
            return attribution
    return None


def _name_of(article: Article, outlets: OutletDirectory) -> str | None:
    """The name of the outlet that published ``article``, as the directory shows it."""
    identity = outlets.identity_of_article(article.id)
    return article.outlet if identity is None else outlets.display(identity)


def _votes(
    first: Article,
    second: Article,
    reuse: Reuse,
    credits: Mapping[str, Sequence[Attribution]],
    outlets: OutletDirectory,
    settings: ReuseSettings,
    credited_by: Mapping[str, frozenset[str]],
    notes: Mapping[str, TranslationNote],
) -> list[tuple[float, ProvenanceEvidence]]:
    """Evidence as signed votes: positive for ``first`` being the source."""
    votes: list[tuple[float, ProvenanceEvidence]] = []
    for source, target, sign in ((first, second, 1), (second, first, -1)):
        note = notes.get(target.id)
        if note is not None and source.language == note.language != target.language:
            detail = f'{target.id} says it is translated from {note.language}: "{note.line}"'
            votes.append(
                (sign * ATTRIBUTION_WEIGHT, ProvenanceEvidence("translation", detail, note.mention))
            )
    identity = outlets.identity_of_article(first.id)
    same_outlet = identity is not None and identity == outlets.identity_of_article(second.id)
    if not same_outlet:
        for source, target, sign in ((first, second, 1), (second, first, -1)):
            found = _credits(credits.get(target.id, ()), source, outlets)
            if found:
                why = outlets.reason(source.id, found.outlet)
                detail = (f'{target.id} credits {_name_of(source, outlets)} ("{found.cue} '
                          f'{found.outlet}")' + (f": {why}" if why else ""))  # fmt: skip
                evidence = ProvenanceEvidence("attribution", detail, found.mention)
                votes.append((sign * ATTRIBUTION_WEIGHT, evidence))
            others = credited_by.get(source.id, frozenset()) - {first.id, second.id}
            if others:
                detail = (
                    f"{len(others)} other article(s) of the story credit the story to "
                    f"{_name_of(source, outlets)}: {', '.join(sorted(others))}"
                )
                weight = min(len(others), 2) * CREDITED_WEIGHT
                votes.append((sign * weight, ProvenanceEvidence("attribution", detail)))
    order = _time_order(first, second)
    if order:
        early, late = (first, second) if order < 0 else (second, first)
        detail = f"{early.id} published {early.published}, {late.id} later ({late.published})"
        votes.append((-order * TIME_WEIGHT, ProvenanceEvidence("time", detail)))
    wire_first, wire_second = is_wire_service(first.outlet), is_wire_service(second.outlet)
    if wire_first != wire_second:
        wire = first if wire_first else second
        detail = f"{wire.outlet} is a news agency: its stories are reprinted by others"
        votes.append(((1 if wire_first else -1) * WIRE_WEIGHT, ProvenanceEvidence("wire", detail)))
    # reuse.source is ``first``: source_share is the part of ``first`` found in ``second``.
    difference = reuse.source_share - reuse.target_share
    if abs(difference) >= settings.containment_margin:
        inner, outer = (first, second) if difference > 0 else (second, first)
        high = max(reuse.source_share, reuse.target_share)
        low = min(reuse.source_share, reuse.target_share)
        detail = (
            f"{inner.id} is {high:.0%} made of text found in {outer.id}, which has more: "
            f"{low:.0%} of {outer.id} is in {inner.id}"
        )
        votes.append(
            ((-1 if difference > 0 else 1) * CONTAINMENT_WEIGHT,
             ProvenanceEvidence("containment", detail))
        )  # fmt: skip
    return votes


def _by_others(item: ProvenanceEvidence) -> bool:
    """Whether the evidence is other articles' credits (not the pair's own text or times)."""
    return item.kind == "attribution" and item.mention is None


def infer_direction(
    reuse: Reuse,
    articles: Mapping[str, Article],
    *,
    credits: Mapping[str, Sequence[Attribution]],
    settings: ReuseSettings,
    outlets: OutletDirectory | None = None,
    credited_by: Mapping[str, frozenset[str]] | None = None,
    notes: Mapping[str, TranslationNote] | None = None,
) -> Direction | None:
    """The direction of ``reuse`` (whose source and target are in any order), or ``None``.

    ``credited_by`` maps an article id to the articles of the story that credit
    the story to its outlet (see :func:`credited_articles`); ``notes`` an
    article id to its translation note.
    """
    first, second = articles[reuse.source_id], articles[reuse.target_id]
    if outlets is None:
        names = [c.outlet for a in (first, second) for c in credits.get(a.id, ())]
        outlets = OutletDirectory.build([first, second], names)
    votes = _votes(first, second, reuse, credits, outlets, settings, credited_by or {}, notes or {})
    if all(_by_others(item) for _, item in votes):
        # What other articles credit is weak support, never enough alone.
        return None
    score = sum(weight for weight, _ in votes)
    if abs(score) < 1.0:
        return None
    sign = 1 if score > 0 else -1
    source, target = (first, second) if sign > 0 else (second, first)
    evidence = tuple(item for weight, item in votes if weight * sign > 0)
    return Direction(source.id, target.id, abs(score), evidence)


def credited_articles(
    articles: Sequence[Article],
    credits: Mapping[str, Sequence[Attribution]],
    outlets: OutletDirectory,
) -> dict[str, frozenset[str]]:
    """For each article, the other articles that credit the story to its outlet."""
    by_identity: dict[int, set[str]] = {}
    for article_id, found in credits.items():
        for attribution in found:
            identity = outlets.identity_of_name(attribution.outlet)
            if identity is not None and attribution.story_level:
                by_identity.setdefault(identity, set()).add(article_id)
    result: dict[str, frozenset[str]] = {}
    for article in articles:
        identity = outlets.identity_of_article(article.id)
        if identity is None or identity not in by_identity:
            continue
        same = set(outlets.identities[identity].article_ids)
        result[article.id] = frozenset(by_identity[identity] - same)
    return result
