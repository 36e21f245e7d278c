"""Claims stated by independent reports in other languages, and the figures they give.

The claims stage parses English. A French or Arabic report of the same event,
written on its own and not translated from an English article, would say
nothing: it would neither support a claim nor disagree with one. This step
reads such articles sentence by sentence:

1. each sentence of an article in another language is paired with the claim
   closest to it in the multilingual embedding space (the claim's English
   wording against the sentence), at cosine ``threshold`` or more, each
   sentence to one claim and each claim to one sentence per article; an
   article already stating a claim (in English, or through a translated
   passage) is not paired with it again;
2. the sentence becomes a mention of the claim, with the attribution read from
   its words (:func:`storytrace.claims.reported_speech.read_attribution`) in
   the languages that reader covers; support and independent support are
   counted again, so an independent French report is a lineage of its own;
3. its figures (:func:`storytrace.claims.written_numbers.find_numbers`, read
   in the sentence's own conventions) are compared with those of the English
   mention: when both give as many figures (one to three) and the values
   differ, that is a ``number`` discrepancy across languages, each variant
   with the spans of its figures.

A figure is compared only with the sentence that says the same thing (the
pairing of step 1), never with the article at large.

>>> from storytrace.models import Claim, ClaimMention
>>> claim = Claim("c1", "Two hurt.", (ClaimMention("a", "text", 0, 9),), 1, 1)
>>> read_other_languages((claim,), {}, translate=lambda t: None, lineage_of={}).claims == (claim,)
True
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from storytrace.claims.records import ENGLISH, Attribution, AttributionLink, MentionAttribution
from storytrace.claims.reported_speech import read_attribution
from storytrace.claims.translated import with_added_mentions
from storytrace.claims.units import Sentence, split_sentences
from storytrace.claims.written_numbers import find_numbers
from storytrace.models import Article, Claim, ClaimMention, Discrepancy, Mention, Variant
from storytrace.reuse.align import Embed

MAX_FIGURES = 3
"""Sentences with more figures than this are not compared figure by figure."""


@dataclass(frozen=True, slots=True)
class OtherLanguageReading:
    """The claims with their new mentions, the attributions read, and figure discrepancies."""

    claims: tuple[Claim, ...]
    attributions: tuple[MentionAttribution, ...]
    discrepancies: tuple[Discrepancy, ...]


@dataclass(frozen=True, slots=True)
class _Pairing:
    claim_id: str
    english: ClaimMention
    article_id: str
    sentence: Sentence


def _claim_wording(claim: Claim, articles: Mapping[str, Article]) -> ClaimMention | None:
    """The first English mention of the claim (its text, or else its headline)."""
    english = [
        m
        for m in claim.mentions
        if m.translated_from is None
        and m.article_id in articles
        and articles[m.article_id].language in ENGLISH
    ]
    english.sort(key=lambda m: (m.field != "text", m.article_id, m.start))
    return english[0] if english else None


def _field_text(article: Article, mention: ClaimMention) -> str:
    text = article.text if mention.field == "text" else article.title or ""
    return text[mention.start : mention.end]


def _pairings(
    claims: Sequence[Claim],
    articles: Mapping[str, Article],
    translate: Embed,
    threshold: float,
) -> list[_Pairing]:
    wordings = [(c, _claim_wording(c, articles)) for c in claims]
    wanted = [(c, m) for c, m in wordings if m is not None]
    others = sorted(
        (a for a in articles.values() if a.language not in ENGLISH and a.text),
        key=lambda a: a.id,
    )
    if not wanted or not others:
        return []
    sentences = {a.id: split_sentences(a.text, a.language or "en") for a in others}
    flat = [s for a in others for s in sentences[a.id]]
    if not flat:
        return []
    texts = [_field_text(articles[m.article_id], m) for _, m in wanted] + [s.text for s in flat]
    vectors = translate(texts)
    if vectors is None:
        return []
    matrix = np.asarray(vectors, dtype=np.float32)
    cosines = matrix[: len(wanted)] @ matrix[len(wanted) :].T
    pairings: list[_Pairing] = []
    first = 0
    for article in others:
        # The article's sentences are the next run of columns, in the order of ``flat``.
        columns = list(range(first, first + len(sentences[article.id])))
        first += len(columns)
        rows = [
            r
            for r, (claim, _) in enumerate(wanted)
            if not any(m.article_id == article.id for m in claim.mentions)
        ]
        if not columns or not rows:
            continue
        block = cosines[np.ix_(rows, columns)]
        # Mutual best pairs above the threshold: each sentence to one claim, each claim
        # to one sentence of this article.
        for i, row in enumerate(rows):
            j = int(np.argmax(block[i]))
            if float(block[i, j]) < threshold or int(np.argmax(block[:, j])) != i:
                continue
            claim, english = wanted[row]
            pairings.append(_Pairing(claim.id, english, article.id, flat[columns[j]]))
    return pairings


def _attribution(sentence: Sentence, language: str | None) -> Attribution | None:
    read = read_attribution(sentence.text, language)
    if read is None:
        return None
    link = None
    if read.source_text is not None and read.source_start is not None:
        start = sentence.start + read.source_start
        end = sentence.start + (read.source_end or read.source_start)
        link = AttributionLink(read.source_text, read.cue_text, "speaker", start, end)
    return Attribution(
        source=read.source_text,
        cue=read.cue_text,
        chain=(link,) if link is not None else (),
    )


def _figures(text: str, language: str | None, offset: int) -> list[tuple[float, int, int, str]]:
    return [
        (n.value, offset + n.start, offset + n.end, n.text)
        for n in find_numbers(text, language or "en")
    ]


def _figure_discrepancy(
    pairing: _Pairing, articles: Mapping[str, Article], number: int
) -> Discrepancy | None:
    english = articles[pairing.english.article_id]
    other = articles[pairing.article_id]
    first = _figures(_field_text(english, pairing.english), "en", pairing.english.start)
    second = _figures(pairing.sentence.text, other.language, pairing.sentence.start)
    if not first or len(first) != len(second) or len(first) > MAX_FIGURES:
        return None
    if sorted(f[0] for f in first) == sorted(f[0] for f in second):
        return None
    shown_first = ", ".join(f[3] for f in first)
    shown_second = ", ".join(f[3] for f in second)
    return Discrepancy(
        id=f"discrepancy-{number}",
        kind="number",
        claim_id=pairing.claim_id,
        summary=(
            f"figures differ across languages: {shown_first} ({english.language or 'en'}) "
            f"vs {shown_second} ({other.language})"
        ),
        variants=(
            Variant(
                shown_first,
                tuple(Mention(english.id, s, e, pairing.english.field) for _, s, e, _ in first),
            ),
            Variant(shown_second, tuple(Mention(other.id, s, e, "text") for _, s, e, _ in second)),
        ),
    )


def read_other_languages(
    claims: Sequence[Claim],
    articles: Mapping[str, Article],
    *,
    translate: Embed,
    lineage_of: Mapping[str, str],
    threshold: float = 0.6,
    first_discrepancy: int = 1,
) -> OtherLanguageReading:
    """Mentions, attributions and figure discrepancies from articles in other languages.

    Discrepancy ids are numbered from ``first_discrepancy``.
    """
    pairings = _pairings(claims, articles, translate, threshold)
    if not pairings:
        return OtherLanguageReading(tuple(claims), (), ())
    added: dict[str, list[ClaimMention]] = {}
    attributions: list[MentionAttribution] = []
    discrepancies: list[Discrepancy] = []
    for pairing in pairings:
        language = articles[pairing.article_id].language
        attribution = _attribution(pairing.sentence, language)
        sentence = pairing.sentence
        added.setdefault(pairing.claim_id, []).append(
            ClaimMention(
                pairing.article_id,
                "text",
                sentence.start,
                sentence.end,
                attributed_to=attribution.source if attribution else None,
                cue=attribution.cue if attribution else None,
            )
        )
        if attribution is not None:
            attributions.append(
                MentionAttribution(
                    pairing.claim_id,
                    pairing.article_id,
                    "text",
                    sentence.start,
                    sentence.end,
                    attribution,
                )
            )
        found = _figure_discrepancy(pairing, articles, first_discrepancy + len(discrepancies))
        if found is not None:
            discrepancies.append(found)
    claims = with_added_mentions(claims, added, lineage_of)
    return OtherLanguageReading(claims, tuple(attributions), tuple(discrepancies))
