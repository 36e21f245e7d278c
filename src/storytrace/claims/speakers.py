"""Attribution across the sentences of one article: quotations and pronouns.

:func:`storytrace.claims.attribution.attribute_sentence` reads one sentence;
here a quotation that runs over several sentences takes the speaker named
where it closes (or, failing that, the one before it in the paragraph), and
a pronoun source ("he said") takes the last named speaker of the article. A
source that is exactly a name is shown as the entity's canonical name
("Toaldo" -> "Mattia Toaldo").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from storytrace.claims.attribution import (
    attribute_sentence,
    is_pronoun,
    make_attribution,
    quote_state,
)
from storytrace.claims.entities import StoryEntities
from storytrace.claims.records import Attribution, AttributionLink, ClaimUnit
from storytrace.claims.units import Sentence
from storytrace.models import Article


def field_text(article: Article, field: str) -> str:
    return article.title or "" if field == "title" else article.text


def _shift(chain: Sequence[AttributionLink], offset: int) -> tuple[AttributionLink, ...]:
    return tuple(
        AttributionLink(link.source, link.cue, link.role, link.start + offset, link.end + offset)
        for link in chain
    )


def _sentence_chains(
    article: Article, sentences: Sequence[tuple[str, int, Sentence]], docs: Mapping[str, Any]
) -> dict[tuple[str, int], tuple[tuple[AttributionLink, ...], bool]]:
    """Each sentence's attribution chain (field offsets) and whether it sits inside a quotation.

    A sentence inside a quotation that names no speaker takes the speaker of the
    sentence of the same paragraph that closes the quotation, or else of the one before.
    """
    result: dict[tuple[str, int], tuple[tuple[AttributionLink, ...], bool]] = {}
    open_quote = False
    pending: list[tuple[str, int]] = []
    previous: tuple[AttributionLink, ...] = ()
    paragraph = -1
    for field, number, sentence in sentences:
        text = field_text(article, field)
        current_paragraph = text.count("\n", 0, sentence.start) if field == "text" else -1
        if current_paragraph != paragraph:
            for key in pending:
                result[key] = (previous, True)
            pending, previous, open_quote, paragraph = [], (), False, current_paragraph
        doc = docs[sentence.text]
        chain = _shift(attribute_sentence(doc), sentence.start)
        quoted, open_quote_after = quote_state(sentence.text, open_quote)
        inside = open_quote or (quoted and open_quote_after)
        if chain:
            for key in pending:
                result[key] = (chain, True)
            pending = []
            previous = chain
            result[(field, number)] = (chain, inside)
        elif inside:
            pending.append((field, number))
        else:
            result[(field, number)] = ((), False)
        open_quote = open_quote_after
    for key in pending:
        result[key] = (previous, True)
    return result


def _speaker_name(
    link: AttributionLink | None, article: Article, field: str, entities: StoryEntities
) -> tuple[str | None, tuple[str, ...]]:
    """The speaker's canonical name when the source is just a name, and its entity ids."""
    if link is None:
        return None, ()
    mentions = entities.within(article.id, field, link.start, link.end)
    ids = tuple(dict.fromkeys(m.entity_id for m in mentions))
    names = entities.by_id()
    if len(mentions) == 1 and mentions[0].text.strip() == link.source.strip():
        entity = names.get(mentions[0].entity_id)
        if entity is not None and entity.type in ("person", "organisation"):
            return entity.name, ids
    return link.source, ids


def unit_attributions(
    article: Article,
    units: Sequence[tuple[ClaimUnit, Sentence]],
    docs: Mapping[str, Any],
    entities: StoryEntities,
) -> list[Attribution]:
    sentences = [(u.field, u.sentence, s) for u, s in units]
    unique = list(dict.fromkeys((f, n) for f, n, _ in sentences))
    by_key = {(f, n): s for f, n, s in sentences}
    chains = _sentence_chains(article, [(f, n, by_key[(f, n)]) for f, n in unique], docs)
    result: list[Attribution] = []
    last_speaker: tuple[str | None, tuple[str, ...]] = (None, ())
    for unit, _ in units:
        chain, inside = chains.get((unit.field, unit.sentence), ((), False))
        speaker = next((link for link in chain if link.role == "speaker"), None)
        name, ids = _speaker_name(speaker, article, unit.field, entities)
        if speaker is not None and is_pronoun(speaker.source) and last_speaker[0]:
            # Shown with the last named speaker's name, but not compared as a source:
            # resolving pronouns is a guess.
            name, ids = last_speaker[0], ()
        elif speaker is not None and ids:
            last_speaker = (name, ids)
        attribution = make_attribution(chain, unit.text, inside_quote=inside, resolved_source=name)
        result.append(
            Attribution(
                source=attribution.source,
                cue=attribution.cue,
                quote=attribution.quote,
                hedged=attribution.hedged,
                hedges=attribution.hedges,
                chain=attribution.chain,
                entity_ids=ids,
            )
        )
    return result
