"""The claims stage for one story: claims, attributions, entities, discrepancies, opinion.

:func:`analyze_claims` is a pure function of its inputs: the articles of one
story, the lineage of each article (copies of one origin share a lineage),
optionally the reuse stage's aligned passages and a sentence-embedding
function. It can run once per story inside a Spark partition; the only
process-wide state is the spaCy pipeline, loaded once.

>>> from storytrace.models import Article
>>> result = analyze_claims(  # doctest: +SKIP
...     [Article(id="a", source="a.txt", text="Haftar said the base was hit.")],
...     lineage_of={"a": "a"},
... )
>>> result.claims[0].mentions[0].attributed_to  # doctest: +SKIP
'Haftar'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from storytrace.claims.discrepancies import Finding, compare_group, compare_headline
from storytrace.claims.entities import (
    StoryEntities,
    acronym_pairs,
    acronym_spans,
    clean_name,
    descriptor_spans,
    hyphen_modifiers,
    named_spans,
    resolve_entities,
)
from storytrace.claims.groups import group_units, lexical_vectors
from storytrace.claims.links import counting_the_same, linked_by_quotes, linked_by_reuse
from storytrace.claims.nlp import load_pipeline, parse_texts
from storytrace.claims.opinion import article_opinion, loaded_phrases
from storytrace.claims.other_languages import read_other_languages
from storytrace.claims.ranking import rank_discrepancies
from storytrace.claims.records import (
    ENGLISH,
    Attribution,
    ClaimSettings,
    ClaimUnit,
    MentionAttribution,
    StoryClaims,
    Wording,
)
from storytrace.claims.slots import UnitSlots, unit_slots
from storytrace.claims.speakers import field_text, unit_attributions
from storytrace.claims.translated import add_translated_mentions, figures_changed
from storytrace.claims.units import article_sentences, split_sentences, units_of
from storytrace.claims.updates import duration_update, find_updates, is_revision
from storytrace.errors import ConfigurationError
from storytrace.models import (
    Article,
    ChainLink,
    Claim,
    ClaimMention,
    Discrepancy,
    Mention,
    ProvenanceEdge,
    Reuse,
)
from storytrace.normalize import normalize_for_matching

Embed = Callable[[Sequence[str]], npt.NDArray[np.float32]]
Parsed = tuple[str, str, int, Any]


def _entities(
    articles: Sequence[Article], parsed: Sequence[Parsed], captions: Sequence[Parsed]
) -> StoryEntities:
    everything = [*parsed, *captions]
    spans = named_spans(everything)
    acronyms = acronym_pairs([a.text for a in articles] + [a.title or "" for a in articles])
    spans += acronym_spans(everything, acronyms)
    modifiers = hyphen_modifiers(everything)
    descriptions = descriptor_spans(everything, modifiers)
    spans += descriptions
    links = dict(acronyms)
    for span in descriptions:
        modifier = span.text.split()[0].casefold()
        links.setdefault(clean_name(span.text), modifiers[modifier])
    return resolve_entities(spans, links)


def _masked(unit: ClaimUnit, entities: StoryEntities, types: Mapping[str, str]) -> str:
    """A unit's text with each name replaced by its type, for word-overlap similarity.

    "Tim Fanning said ..." and "James Haarsma said ..." are one statement with two
    speakers: a discrepancy to report, so they must fall in one group.
    """
    text = unit.text
    for mention in reversed(entities.within(unit.article_id, unit.field, unit.start, unit.end)):
        start, end = mention.start - unit.start, mention.end - unit.start
        text = f"{text[:start]} {types.get(mention.entity_id, 'other')} {text[end:]}"
    return text


def _channels(articles: Sequence[Article], entities: StoryEntities) -> frozenset[str]:
    """Entities that are outlets of the story: naming them credits a channel, not a speaker."""
    outlets = {a.outlet.casefold() for a in articles if a.outlet}
    return frozenset(
        e.id
        for e in entities.entities
        if any(alias.casefold() in outlets or e.name.casefold() in outlets for alias in e.aliases)
    )


def _claim(
    claim_id: str,
    members: Sequence[int],
    units: Sequence[ClaimUnit],
    attributions: Sequence[Attribution],
    lineage_of: Mapping[str, str],
) -> Claim:
    texts = [units[i].text for i in members]
    text = max(dict.fromkeys(texts), key=texts.count)
    mentions = tuple(
        ClaimMention(
            article_id=units[i].article_id,
            field=units[i].field,
            start=units[i].start,
            end=units[i].end,
            attributed_to=attributions[i].source,
            cue=attributions[i].cue,
            quote=attributions[i].quote,
            hedged=attributions[i].hedged,
            hedges=attributions[i].hedges,
            chain=tuple(
                ChainLink(source=link.source, cue=link.cue, role=link.role)
                for link in attributions[i].chain
            )
            if len(attributions[i].chain) > 1
            else (),
        )
        for i in members
    )
    articles = {units[i].article_id for i in members}
    lineages = {lineage_of.get(a, a) for a in articles}
    return Claim(claim_id, text, mentions, len(articles), len(lineages))


def analyze_claims(
    articles: Sequence[Article],
    *,
    lineage_of: Mapping[str, str],
    reuse: Sequence[Reuse] = (),
    embed: Embed | None = None,
    settings: ClaimSettings | None = None,
    translate: Embed | None = None,
    derivations: Sequence[ProvenanceEdge] = (),
    parse: Callable[[list[str]], Mapping[str, Any]] | None = None,
) -> StoryClaims:
    """Claims, attributions, entities, discrepancies and opinion of one story.

    ``lineage_of`` maps an article id to its lineage id (an article missing from
    it is its own lineage); ``reuse`` holds :class:`storytrace.models.Reuse`
    records between the story's articles; ``embed`` returns L2-normalised
    sentence vectors (e.g. :func:`storytrace.embeddings.embed_texts`);
    ``translate`` returns multilingual ones
    (:func:`storytrace.multilingual.embed_multilingual`) to find the claims
    that articles in other languages state in passages translated from what
    they derive from (``derivations``, the provenance edges). ``parse``
    replaces :func:`~storytrace.claims.nlp.parse_texts` (a
    :class:`~storytrace.claims.parses.ParseCache` of the settings' model).
    """
    settings = settings or ClaimSettings()
    ids = [a.id for a in articles]
    if len(set(ids)) != len(ids):
        raise ConfigurationError("analyze_claims: article ids must be unique within a story")
    english = [a for a in articles if a.language in ENGLISH]
    sentences = {a.id: list(article_sentences(a)) for a in english}
    captions = {
        a.id: [
            s for piece in a.removed if piece.kind == "caption" for s in split_sentences(piece.text)
        ]
        for a in english
    }
    texts = [s.text for items in sentences.values() for _, _, s in items]
    texts += [s.text for items in captions.values() for s in items]
    if parse is None:
        docs = parse_texts(texts, model=settings.model, batch_size=settings.batch_size)
    else:
        docs = dict(parse(texts))
    parsed: list[Parsed] = [
        (a.id, field, s.start, docs[s.text]) for a in english for field, _, s in sentences[a.id]
    ]
    caption_docs: list[Parsed] = [
        (a.id, "caption", s.start, docs[s.text]) for a in english for s in captions[a.id]
    ]
    entities = _entities(english, parsed, caption_docs)
    types = {e.id: e.type for e in entities.entities}
    names = {e.id: e.name for e in entities.entities}
    channels = _channels(articles, entities)
    stop_words = frozenset(load_pipeline(settings.model).Defaults.stop_words)
    units: list[ClaimUnit] = []
    slots: list[UnitSlots] = []
    attributions: list[Attribution] = []
    for article in english:
        pairs = units_of(article, docs, min_clause_tokens=settings.min_clause_tokens)
        article_attributions = unit_attributions(article, pairs, docs, entities)
        for (unit, sentence), attribution in zip(pairs, article_attributions, strict=True):
            units.append(unit)
            attributions.append(attribution)
            slots.append(
                unit_slots(
                    unit,
                    sentence_start=sentence.start,
                    doc=docs[sentence.text],
                    field_text=field_text(article, unit.field),
                    attribution=attribution,
                    entities=entities,
                    types=types,
                    channel_ids=channels,
                    stop_words=stop_words,
                )
            )
    masked = [_masked(u, entities, types) for u in units]
    matrices = [lexical_vectors(masked, stop_words)]
    if embed is not None and units:
        matrices.insert(0, np.asarray(embed([u.text for u in units]), dtype=np.float32))
    groups = group_units(
        units,
        matrices,
        threshold=settings.group_threshold,
        centroid_threshold=settings.centroid_threshold,
        linked=linked_by_reuse(units, reuse) + linked_by_quotes(units),
        extra=counting_the_same(slots, matrices, settings),
    )
    claims: list[Claim] = []
    claim_of: dict[int, str] = {}
    for number, members in enumerate(groups, start=1):
        claim_id = f"claim-{number}"
        claims.append(_claim(claim_id, members, units, attributions, lineage_of))
        for index in members:
            claim_of[index] = claim_id
    published = {a.id: a.published for a in articles}
    findings: list[tuple[Finding, str | None, str]] = []
    updates = list(find_updates(slots, claim_of, published))
    for members in groups:
        if len({units[i].article_id for i in members}) < 2:
            continue
        claim_id = claim_of[members[0]]
        for finding in compare_group(
            [slots[i] for i in members], names, skip=is_revision, published=published
        ):
            update = duration_update(finding, claim_id, published, len(updates) + 1)
            if update is not None:
                updates.append(update)
            else:
                findings.append((finding, claim_id, "across_articles"))
    findings += _headline_findings(
        english, units, slots, matrices, groups, claim_of, names, settings
    )
    if translate is not None:
        claims = list(
            add_translated_mentions(
                claims, {a.id: a for a in articles}, reuse, translate=translate,
                lineage_of=lineage_of, derivations=derivations,
            )
        )  # fmt: skip
    discrepancies = tuple(
        Discrepancy(f"discrepancy-{n}", f.kind, claim_id, f.summary, f.variants, scope, f.facet)  # type: ignore[arg-type]
        for n, (f, claim_id, scope) in enumerate(findings, start=1)
    )
    if translate is not None:
        changed = figures_changed(claims, {a.id: a for a in articles})
        discrepancies += tuple(
            change.discrepancy(f"discrepancy-{len(discrepancies) + n}")
            for n, change in enumerate(changed, start=1)
        )
    opinions = tuple(article_opinion(a, settings) for a in articles)
    mention_attributions = tuple(
        MentionAttribution(claim_of[i], u.article_id, u.field, u.start, u.end, attributions[i])
        for i, u in enumerate(units)
        if attributions[i].chain or attributions[i].hedged
    )
    if translate is not None:
        other = read_other_languages(
            claims, {a.id: a for a in articles}, translate=translate, lineage_of=lineage_of,
            first_discrepancy=len(discrepancies) + 1,
        )  # fmt: skip
        claims = list(other.claims)
        discrepancies += other.discrepancies
        mention_attributions += other.attributions
    return StoryClaims(
        claims=tuple(claims),
        discrepancies=rank_discrepancies(discrepancies, {a.id: a for a in articles}),
        entities=entities.entities,
        opinions=opinions,
        attributions=mention_attributions,
        updates=tuple(updates),
        wordings=_wordings(groups, units, claim_of),
    )


def _headline_findings(
    articles: Sequence[Article],
    units: Sequence[ClaimUnit],
    slots: Sequence[UnitSlots],
    matrices: Sequence[npt.NDArray[np.float32]],
    groups: Sequence[Sequence[int]],
    claim_of: Mapping[int, str],
    names: dict[str, str],
    settings: ClaimSettings,
) -> list[tuple[Finding, str | None, str]]:
    group_of = {i: tuple(members) for members in groups for i in members}
    by_article: dict[str, list[int]] = {}
    for index, unit in enumerate(units):
        by_article.setdefault(unit.article_id, []).append(index)
    findings: list[tuple[Finding, str | None, str]] = []
    for article in articles:
        indices = by_article.get(article.id, [])
        titles = [i for i in indices if units[i].field == "title"]
        body = [i for i in indices if units[i].field == "text"]
        for title in titles:
            close = [
                i
                for i in body
                if i in group_of[title]
                or max(float(m[title] @ m[i]) for m in matrices) >= settings.headline_threshold
            ]
            body_text = normalize_for_matching(article.text).text
            for finding in compare_headline(
                slots[title], [slots[i] for i in close], [slots[i] for i in body], names
            ):
                if _body_states_headline(finding, article, body_text):
                    continue
                claim_id = claim_of[title] if len(group_of[title]) > 1 else None
                findings.append((finding, claim_id, "headline_body"))
    return findings


def _body_states_headline(finding: Finding, article: Article, body_text: str) -> bool:
    """Whether the body itself states the headline's value somewhere.

    A headline naming the terminal the body names elsewhere ("Corvenna's
    Sander Quay"), or the rate the body gives in its first line, does not
    contradict the body even if the sentence compared says something else.
    """
    headline = article.title or ""
    for variant in finding.variants:
        for mention in variant.mentions:
            if mention.field != "title":
                continue
            said = [headline[mention.start : mention.end]]
            if finding.kind == "place":
                said.append(variant.value)
            for text in said:
                folded = normalize_for_matching(text).text.strip()
                if folded and re.search(rf"(?<!\w){re.escape(folded)}(?!\w)", body_text):
                    return True
    return False


def _wordings(
    groups: Sequence[Sequence[int]], units: Sequence[ClaimUnit], claim_of: Mapping[int, str]
) -> tuple[Wording, ...]:
    """How each article words a claim that several articles make, where the wordings differ.

    Verbatim copies (equal once quotes, case and spacing are folded) are one wording;
    each distinct wording is listed once per article with its loaded phrases.
    """
    wordings: list[Wording] = []
    for members in groups:
        if len({units[i].article_id for i in members}) < 2:
            continue
        folded = {i: normalize_for_matching(units[i].text).text for i in members}
        if len(set(folded.values())) < 2:
            continue
        for i in members:
            unit = units[i]
            loaded = tuple(
                Mention(unit.article_id, unit.start + h.start, unit.start + h.end, unit.field)
                for h in loaded_phrases(unit.text)
            )
            wordings.append(Wording(claim_of[i], unit.article_id, unit.text, loaded))
    return tuple(wordings)
