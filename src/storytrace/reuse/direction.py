"""Who copied whom, for one pair of articles that copied one from the other.

Each piece of evidence is a signed feature, positive for the first article
being the source, and :class:`~storytrace.reuse.evidence_model.EvidenceModel`
weighs them (a logistic model fitted on the reuse benchmark's dev split):

- **credit** (``attribution``): the later article credits the other's outlet
  in its own text ("X reported", "according to X", "(X) -", a credit line),
  under any of the outlet's names (:mod:`storytrace.reuse.outlet_identity`);
- **translation note** (``translation``): one article says it was translated
  from the other's language ("Traduit de l'anglais", see
  :mod:`storytrace.reuse.translation_notes`);
- **time**: one was published before the other (date-only values count only
  when the days differ). Dates mislead: time zones, updated pages, late crawls;
- **mention**: the later article names the other's outlet without a credit
  cue storytrace reads (weaker than a credit);
- **credited by others** (``attribution`` without a mention): other articles
  of the story credit the story to one of the two outlets;
- **wire**: one is a news agency's and the other is not. Agencies copy too;
- **lookalike**: one writes words with look-alike letters of another script,
  as spam copies do;
- **containment**: how much more of one article the shared passages cover
  than of the other: the copy is mostly made of its source's text (reprints
  are cut, excerpted and wrapped in a few lines of their own);
- **witnesses**: what the copy shares with the story's other articles lies
  inside what it shares with its source, while the source shares more with
  them (:mod:`storytrace.reuse.witnesses`).

The direction with a positive (or negative) score wins when the score reaches
the model's ``decide_at``; evidence made only of the weak kinds (credits by
others, an agency) decides nothing. Its supporting evidence is kept, and the
confidence is the model's probability.

>>> from storytrace.models import Article, Passage, Reuse, Span
>>> a = Article("a", "a", "x" * 100, outlet="Reuters", published="2016-07-01T10:00:00Z")
>>> b = Article("b", "b", "x" * 300, outlet="Daily Lantern", published="2016-07-01T12:00:00Z")
>>> reuse = Reuse("b", "a", (), 90, 0.9, 0.3)
>>> direction = infer_direction(reuse, {"a": a, "b": b}, credits={}, settings=ReuseSettings())
>>> direction.source_id, [e.kind for e in direction.evidence]
('a', ['time', 'wire', 'containment'])
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from storytrace.dates import parse_iso
from storytrace.models import Article, Mention, ProvenanceEvidence, Reuse
from storytrace.normalize import Normalized, disguised_words
from storytrace.reuse.attribution import Attribution
from storytrace.reuse.evidence_model import WEAK_FEATURES, EvidenceModel, packaged_model
from storytrace.reuse.outlet_identity import OutletDirectory
from storytrace.reuse.outlet_names import is_wire_service
from storytrace.reuse.settings import ReuseSettings
from storytrace.reuse.translation_notes import TranslationNote
from storytrace.reuse.witnesses import Witness

CHAIN_WEIGHT = 1.5
"""Score added to a parent edge by chain evidence (a copy of a copy, see ``chains``)."""
_LOOKALIKE_WORDS = 3
"""Disguised words that mark an article as a spam copy (one could be a typo)."""
_SHOWN = 0.05
"""Smallest contribution to the score for a piece of evidence to be listed."""


@dataclass(frozen=True, slots=True)
class Direction:
    """The likely direction of a copy between two articles, and the evidence for it.

    ``score`` is the model's score for the source (positive).
    """

    source_id: str
    target_id: str
    score: float
    evidence: tuple[ProvenanceEvidence, ...]

    @property
    def confidence(self) -> float:
        return confidence_of(self.score)


def confidence_of(score: float) -> float:
    """The probability the direction model gives a score (0.5 for none, near 1 for strong)."""
    return round(EvidenceModel.probability(max(score, 0.0)), 4)


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


def credit_of(
    credits: Sequence[Attribution], source: Article, outlets: OutletDirectory
) -> Attribution | None:
    """The first of ``credits`` that names the outlet which published ``source``."""
    for attribution in credits:
        if outlets.same_outlet_article(source.id, attribution.outlet):
            return attribution
    return None


def named_outlet(
    target: Article, source: Article, outlets: OutletDirectory, folded: Normalized | None = None
) -> Mention | None:
    """Where ``target`` names the outlet that published ``source``, if it does
    (``folded``: ``target``'s normalised text, when known)."""
    identity = outlets.identity_of_article(source.id)
    if identity is None:
        return None
    found = outlets.mention_in(identity, target.text, folded)
    return None if found is None else Mention(target.id, *found)


Named = Callable[[Article, Article], "Mention | None"]
"""Where the first article names the second's outlet (see :func:`named_outlet`)."""


Signed = list[tuple[str, float, ProvenanceEvidence]]


def _statements(
    first: Article,
    second: Article,
    credits: Mapping[str, Sequence[Attribution]],
    outlets: OutletDirectory,
    credited_by: Mapping[str, frozenset[str]],
    notes: Mapping[str, TranslationNote],
    named: Named,
) -> Signed:
    """What the articles say of each other: translation notes, credits and mentions."""
    found: Signed = []
    for source, target, sign in ((first, second, 1.0), (second, first, -1.0)):
        note = notes.get(target.id)
        if note is not None and source.language == note.language != target.language:
            detail = f'{target.id} says it is translated from {note.language}: "{note.line}"'
            found.append(("translation_note", sign,
                          ProvenanceEvidence("translation", detail, note.mention)))  # fmt: skip
    identity = outlets.identity_of_article(first.id)
    if identity is not None and identity == outlets.identity_of_article(second.id):
        return found
    for source, target, sign in ((first, second, 1.0), (second, first, -1.0)):
        credit = credit_of(credits.get(target.id, ()), source, outlets)
        if credit:
            why = outlets.reason(source.id, credit.outlet)
            detail = (f'{target.id} credits {outlets.outlet_name(source)} ("{credit.cue} '
                      f'{credit.outlet}")' + (f": {why}" if why else ""))  # fmt: skip
            found.append(
                ("credit", sign, ProvenanceEvidence("attribution", detail, credit.mention))
            )
        elif (mention := named(target, source)) is not None:
            detail = f"{target.id} names {outlets.outlet_name(source)} in its text"
            found.append(("mention", sign, ProvenanceEvidence("mention", detail, mention)))
        others = credited_by.get(source.id, frozenset()) - {first.id, second.id}
        if others:
            detail = (
                f"{len(others)} other article(s) of the story credit the story to "
                f"{outlets.outlet_name(source)}: {', '.join(sorted(others))}"
            )
            found.append(("credited_by_others", sign * min(len(others), 2),
                          ProvenanceEvidence("attribution", detail)))  # fmt: skip
    return found


def _measures(
    first: Article,
    second: Article,
    reuse: Reuse,
    witness: Witness | None,
    disguised: tuple[int, int] | None,
) -> Signed:
    """What the texts and dates show: time, agency, look-alike letters, containment,
    witnesses."""
    found: Signed = []
    order = _time_order(first, second)
    if order:
        early, late = (first, second) if order < 0 else (second, first)
        detail = f"{early.id} published {early.published}, {late.id} later ({late.published})"
        found.append(("time", float(-order), ProvenanceEvidence("time", detail)))
    wire_first, wire_second = is_wire_service(first.outlet), is_wire_service(second.outlet)
    if wire_first != wire_second:
        wire = first if wire_first else second
        detail = f"{wire.outlet} is a news agency: its stories are reprinted by others"
        found.append(("wire", 1.0 if wire_first else -1.0, ProvenanceEvidence("wire", detail)))
    disguised = disguised or (disguised_words(first.text), disguised_words(second.text))
    if min(disguised) == 0 and max(disguised) >= _LOOKALIKE_WORDS:
        copy = first if disguised[0] else second
        detail = (f"{copy.id} writes {max(disguised)} words with look-alike letters of "
                  "another script, as spam copies do to escape copy detection")  # fmt: skip
        found.append(("lookalike", -1.0 if copy is first else 1.0,
                      ProvenanceEvidence("lookalike", detail)))  # fmt: skip
    # reuse.source is ``first``: source_share is the part of ``first`` found in ``second``.
    difference = reuse.target_share - reuse.source_share
    if difference:
        inner, outer = (second, first) if difference > 0 else (first, second)
        high = max(reuse.source_share, reuse.target_share)
        low = min(reuse.source_share, reuse.target_share)
        detail = (f"{inner.id} is {high:.0%} made of text found in {outer.id}, which has "
                  f"more: {low:.0%} of {outer.id} is in {inner.id}")  # fmt: skip
        found.append(("containment", round(difference, 4),
                      ProvenanceEvidence("containment", detail)))  # fmt: skip
    if witness is not None:
        ahead = witness.share(second.id) - witness.share(first.id)
        if ahead:
            source, copy = (first, second) if ahead > 0 else (second, first)
            detail = (
                f"what {copy.id} shares with the story's other articles is "
                f"{witness.share(copy.id):.0%} inside what it shares with {source.id}; "
                f"{source.id} shares more with them ({1 - witness.share(source.id):.0%} "
                f"of it is not in {copy.id})"
            )
            found.append(("witnesses", round(ahead, 4),
                          ProvenanceEvidence("witnesses", detail)))  # fmt: skip
    return found


def pair_features(
    first: Article,
    second: Article,
    reuse: Reuse,
    *,
    credits: Mapping[str, Sequence[Attribution]],
    outlets: OutletDirectory,
    credited_by: Mapping[str, frozenset[str]] | None = None,
    notes: Mapping[str, TranslationNote] | None = None,
    witness: Witness | None = None,
    named: Named | None = None,
    disguised: tuple[int, int] | None = None,
) -> Signed:
    """Every feature of the pair, positive for ``first`` being the source, with its evidence.

    ``reuse`` must have ``first`` as its source and ``second`` as its target.
    ``named`` and ``disguised`` (each side's :func:`~storytrace.normalize.disguised_words`)
    save work when a story computes them once per article.
    """

    def lookup(target: Article, source: Article) -> Mention | None:
        return named_outlet(target, source, outlets)

    statements = _statements(
        first, second, credits, outlets, credited_by or {}, notes or {}, named or lookup
    )
    return [*statements, *_measures(first, second, reuse, witness, disguised)]


def infer_direction(
    reuse: Reuse,
    articles: Mapping[str, Article],
    *,
    credits: Mapping[str, Sequence[Attribution]],
    settings: ReuseSettings,
    outlets: OutletDirectory | None = None,
    credited_by: Mapping[str, frozenset[str]] | None = None,
    notes: Mapping[str, TranslationNote] | None = None,
    witness: Witness | None = None,
    model: EvidenceModel | None = None,
) -> Direction | None:
    """The direction of ``reuse`` (whose source and target are in any order), or ``None``.

    ``credited_by`` maps an article id to the articles of the story that credit
    the story to its outlet (see :func:`credited_articles`); ``notes`` an
    article id to its translation note; ``witness`` what the story's other
    articles say of the pair; ``model`` weighs the evidence (default: the
    packaged model).
    """
    model = model or packaged_model("direction")
    first, second = articles[reuse.source_id], articles[reuse.target_id]
    if outlets is None:
        names = [c.outlet for a in (first, second) for c in credits.get(a.id, ())]
        outlets = OutletDirectory.build([first, second], names)
    signed = pair_features(first, second, reuse, credits=credits, outlets=outlets,
                           credited_by=credited_by, notes=notes, witness=witness)  # fmt: skip
    return decide_direction(first.id, second.id, signed, model)


def decide_direction(
    first_id: str, second_id: str, signed: Signed, model: EvidenceModel
) -> Direction | None:
    """The direction the model gives the features of a pair (from :func:`pair_features`)."""
    features = {name: value for name, value, _ in signed}
    score = model.score(features)
    strong = [n for n, v in features.items() if n not in WEAK_FEATURES and model.weight(n) * v]
    if not strong or model.probability(abs(score)) < model.decide_at:
        return None
    sign = 1 if score > 0 else -1
    source, target = (first_id, second_id) if sign > 0 else (second_id, first_id)
    evidence = tuple(
        item for name, value, item in signed if model.weight(name) * value * sign >= _SHOWN
    )
    return Direction(source, target, abs(score), evidence)


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
