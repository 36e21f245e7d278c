"""Claims stated in another language: mentions found through translated passages.

Claims are parsed in English only, so a French translation of a wire story
would be silent on every claim it repeats. Reuse analysis already knows which
passage of it translates which passage of an English article
(:class:`~storytrace.models.Passage` of kind ``translation``); inside each such
passage, every English mention of a claim is paired with the sentence of the
translation closest to it in the multilingual embedding space (cosine at least
``threshold``). The new mention names the article it translates
(``translated_from``) and the attribution its own words give, read by
:func:`storytrace.claims.reported_speech.read_attribution` where that
reader covers the language. Support and
independent support are counted again: the translation adds an article, and a
lineage only if it is not in the English article's lineage already.
:func:`figures_changed` then compares the figures of each translated mention
with those of the sentence it translates
(:mod:`storytrace.claims.translated_numbers`).

>>> from storytrace.models import Claim, ClaimMention
>>> claim = Claim("c1", "Two hurt.", (ClaimMention("a", "text", 0, 9),), 1, 1)
>>> add_translated_mentions((claim,), {}, (), translate=lambda t: None, lineage_of={},
...                         derivations=()) == (claim,)
True
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np

from storytrace.claims.records import ENGLISH
from storytrace.claims.reported_speech import read_attribution
from storytrace.claims.translated_numbers import number_change
from storytrace.claims.units import Sentence, split_sentences
from storytrace.models import (
    Article,
    Claim,
    ClaimMention,
    Discrepancy,
    Mention,
    ProvenanceEdge,
    Reuse,
    Span,
    Variant,
)
from storytrace.reuse.align import Embed


def _inside(start: int, end: int, span: Span) -> bool:
    return span.start <= start and end <= span.end


def _pairs(
    reuse: Sequence[Reuse], articles: Mapping[str, Article], derived: set[frozenset[str]]
) -> list[tuple[str, Span, str, Span]]:
    """``(english id, english span, other id, other span)`` of every translated passage
    between two articles of which one derives from the other."""
    found: list[tuple[str, Span, str, Span]] = []
    for record in reuse:
        if frozenset((record.source_id, record.target_id)) not in derived:
            continue
        source = articles.get(record.source_id)
        target = articles.get(record.target_id)
        if source is None or target is None:
            continue
        for passage in record.passages:
            if passage.kind != "translation":
                continue
            if source.language in ENGLISH and target.language not in ENGLISH:
                found.append((source.id, passage.source_span, target.id, passage.target_span))
            elif target.language in ENGLISH and source.language not in ENGLISH:
                found.append((target.id, passage.target_span, source.id, passage.source_span))
    return found


@dataclass(frozen=True, slots=True)
class TranslatedFigures:
    """A claim's sentence and its translation give different figures."""

    claim_id: str
    original: Mention
    original_figures: tuple[str, ...]
    translation: Mention
    translated_figures: tuple[str, ...]

    def discrepancy(self, discrepancy_id: str) -> Discrepancy:
        """As a number discrepancy between the two articles, each variant with its span."""
        first, second = ", ".join(self.original_figures), ", ".join(self.translated_figures)
        return Discrepancy(
            id=discrepancy_id,
            kind="number",
            claim_id=self.claim_id,
            summary=f"figure changed in translation: {first} vs {second}",
            variants=(Variant(first, (self.original,)), Variant(second, (self.translation,))),
        )


def figures_changed(
    claims: Sequence[Claim], articles: Mapping[str, Article]
) -> list[TranslatedFigures]:
    """Translated mentions whose figures differ from the sentence they translate.

    The whole English sentence is compared, not only the clause the claim is:
    the translated sentence holds all of its clauses.
    """
    changes: list[TranslatedFigures] = []
    sentences: dict[str, list[Sentence]] = {}
    for claim in claims:
        for mention in claim.mentions:
            if mention.translated_from is None:
                continue
            originals = [m for m in claim.mentions if m.article_id == mention.translated_from]
            translated = articles[mention.article_id].text[mention.start : mention.end]
            for original in originals:
                if original.field != "text":
                    continue
                source = articles[original.article_id]
                if source.id not in sentences:
                    sentences[source.id] = split_sentences(source.text, source.language or "en")
                start, end = next(
                    ((s.start, s.end) for s in sentences[source.id]
                     if s.start <= original.start < s.end),
                    (original.start, original.end),
                )  # fmt: skip
                change = number_change(source.text[start:end], translated)
                if change is not None:
                    changes.append(
                        TranslatedFigures(
                            claim.id,
                            Mention(original.article_id, start, end),
                            change[0],
                            Mention(mention.article_id, mention.start, mention.end),
                            change[1],
                        )
                    )
                    break
    return changes


def add_translated_mentions(
    claims: Sequence[Claim],
    articles: Mapping[str, Article],
    reuse: Sequence[Reuse],
    *,
    translate: Embed,
    lineage_of: Mapping[str, str],
    derivations: Sequence[ProvenanceEdge] = (),
    threshold: float = 0.5,
) -> tuple[Claim, ...]:
    """``claims`` with the mentions their translations make; others unchanged.

    Only passages between an article and what it derives from (``derivations``,
    the story's provenance edges) count: an independent report in English that
    covers the same facts is not what a translation translates.
    """
    derived = {frozenset((edge.source_id, edge.target_id)) for edge in derivations}
    pairs = _pairs(reuse, articles, derived)
    if not pairs:
        return tuple(claims)
    sentences: dict[str, list[Sentence]] = {}
    added: dict[str, list[ClaimMention]] = {}
    for english_id, english_span, other_id, other_span in pairs:
        other = articles[other_id]
        if other_id not in sentences:
            sentences[other_id] = split_sentences(other.text, other.language or "en")
        candidates = [s for s in sentences[other_id] if _inside(s.start, s.end, other_span)]
        wanted = [
            (claim.id, mention)
            for claim in claims
            for mention in claim.mentions
            if mention.article_id == english_id
            and mention.field == "text"
            and _inside(mention.start, mention.end, english_span)
            and not any(m.article_id == other_id for m in claim.mentions)
        ]
        if not candidates or not wanted:
            continue
        english = articles[english_id].text
        vectors = np.asarray(
            translate([english[m.start : m.end] for _, m in wanted] + [s.text for s in candidates]),
            dtype=np.float32,
        )
        cosines = vectors[: len(wanted)] @ vectors[len(wanted) :].T
        for row, (claim_id, _) in enumerate(wanted):
            column = int(np.argmax(cosines[row]))
            if float(cosines[row, column]) < threshold:
                continue
            sentence = candidates[column]
            mentions = added.setdefault(claim_id, [])
            if not any(m.article_id == other_id for m in mentions):
                read = read_attribution(sentence.text, other.language)
                mentions.append(
                    ClaimMention(other_id, "text", sentence.start, sentence.end,
                                 attributed_to=read.source_text if read else None,
                                 cue=read.cue_text if read else None,
                                 translated_from=english_id)
                )  # fmt: skip
    return with_added_mentions(claims, added, lineage_of)


def with_added_mentions(
    claims: Sequence[Claim],
    added: Mapping[str, Sequence[ClaimMention]],
    lineage_of: Mapping[str, str],
) -> tuple[Claim, ...]:
    """``claims`` with the mentions ``added`` by claim id, support and independent support
    counted again (an article outside ``lineage_of`` is a lineage of its own); claims
    without new mentions come back unchanged.
    """
    result = []
    for claim in claims:
        extra = added.get(claim.id)
        if not extra:
            result.append(claim)
            continue
        every = (*claim.mentions, *extra)
        stating = {m.article_id for m in every}
        result.append(
            replace(
                claim,
                mentions=every,
                support=len(stating),
                independent_support=len({lineage_of.get(a, a) for a in stating}),
            )
        )
    return tuple(result)
