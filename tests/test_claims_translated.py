"""Specifications of claims found through translated passages."""

from __future__ import annotations

from storytrace.claims.translated import add_translated_mentions
from storytrace.models import (
    Article,
    Claim,
    ClaimMention,
    Passage,
    ProvenanceEdge,
    ProvenanceEvidence,
    Reuse,
    Span,
)
from storytrace.multilingual import embed_multilingual

ENGLISH = "Two workers were taken to hospital with burns. The plant will stay closed until Friday."
FRENCH = (
    "Deux employés ont été hospitalisés pour des brûlures. L'usine restera fermée jusqu'à vendredi."
)
BURNS = Claim("c1", ENGLISH[:46], (ClaimMention("en", "text", 0, 46),), 1, 1)
CLOSED = Claim("c2", ENGLISH[47:], (ClaimMention("en", "text", 47, len(ENGLISH)),), 1, 1)
ARTICLES = {
    "en": Article("en", "en.txt", ENGLISH, language="en"),
    "fr": Article("fr", "fr.txt", FRENCH, language="fr"),
}
REUSE = (
    Reuse("en", "fr", (Passage(Span(0, len(ENGLISH)), Span(0, len(FRENCH)), "translation", 0.8),),
          len(FRENCH), 1.0, 1.0),
)  # fmt: skip
EDGE = ProvenanceEdge("en", "fr", 0.6, (ProvenanceEvidence("time", "en came first"),))


def test_each_claim_gets_the_sentence_that_translates_it() -> None:
    burns, closed = add_translated_mentions(
        (BURNS, CLOSED), ARTICLES, REUSE, translate=embed_multilingual,
        lineage_of={"en": "L1", "fr": "L1"}, derivations=(EDGE,),
    )  # fmt: skip
    [french] = [m for m in burns.mentions if m.article_id == "fr"]
    assert FRENCH[french.start : french.end].startswith("Deux employés")
    assert french.translated_from == "en" and french.attributed_to is None
    assert FRENCH[closed.mentions[1].start : closed.mentions[1].end].startswith("L'usine")
    assert (burns.support, burns.independent_support) == (2, 1)


def test_a_translation_in_another_lineage_is_an_independent_source() -> None:
    (burns,) = add_translated_mentions(
        (BURNS,), ARTICLES, REUSE, translate=embed_multilingual,
        lineage_of={"en": "L1", "fr": "L2"}, derivations=(EDGE,),
    )  # fmt: skip
    assert (burns.support, burns.independent_support) == (2, 2)


def test_without_a_derivation_between_them_nothing_is_added() -> None:
    claims = (BURNS, CLOSED)
    assert (
        add_translated_mentions(claims, ARTICLES, REUSE, translate=embed_multilingual,
                                lineage_of={}, derivations=())
        == claims
    )  # fmt: skip
