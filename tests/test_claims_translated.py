"""Specifications of claims found through translated passages."""

from __future__ import annotations

from pathlib import Path

import pytest

from storytrace.claims.translated import add_translated_mentions
from storytrace.claims.translated_numbers import number_change
from storytrace.models import (
    Article,
    Claim,
    ClaimMention,
    Passage,
    ProvenanceEdge,
    ProvenanceEvidence,
    Report,
    Reuse,
    Span,
)
from storytrace.multilingual import embed_multilingual
from storytrace.pipeline import analyze
from storytrace.settings import Settings

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


@pytest.mark.parametrize(
    ("original", "translated", "expected"),
    [
        ("More than 2,000 booths closed.", "Plus de 2 000 bureaux ont fermé.", None),
        ("Some 2.44 million voted, 88.41 percent.", "Quelque 2,44 millions, soit 88,41 %.", None),
        ("Polls closed at 6:00 p.m. (1300 GMT).", "Les bureaux ont fermé à 18 h 00 (13 h 00 GMT).",
         None),
        ("At least 23 were hurt.", "Mindestens 32 Verletzte.", (("23",), ("32",))),
        ("About 4,200 residents left.", "Unos 4.300 vecinos se fueron.", (("4,200",), ("4.300",))),
        ("Two were hurt.", "Au moins 32 blessés, selon la police de 2024.", None),
    ],
)  # fmt: skip
def test_figures_are_compared_as_numbers_and_clock_times_are_left_out(
    original: str, translated: str, expected: tuple[tuple[str, ...], tuple[str, ...]] | None
) -> None:
    assert number_change(original, translated) == expected


def _story_report(tmp_path: Path, figure: str) -> Report:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "en.txt").write_text(FIRE_EN, encoding="utf-8")
    (tmp_path / "in" / "fr.txt").write_text(FIRE_FR.replace("{figure}", figure), encoding="utf-8")
    return analyze([str(tmp_path / "in")], settings=Settings())


def test_a_figure_changed_in_translation_is_a_number_discrepancy(tmp_path: Path) -> None:
    [story] = _story_report(tmp_path, "32").stories
    assert len(story.provenance) == 1
    [discrepancy] = story.discrepancies
    assert discrepancy.kind == "number"
    assert [v.value for v in discrepancy.variants] == ["23", "32"]


def test_a_faithful_translation_raises_no_discrepancy(tmp_path: Path) -> None:
    [story] = _story_report(tmp_path, "23").stories
    assert len(story.provenance) == 1
    assert story.discrepancies == ()


FIRE_EN = """Fire at the Harwick chemical plant injures workers

Firefighters battled a blaze at the chemical plant in Harwick for eight hours on Tuesday, the fire \
service said.
At least 23 workers were taken to hospital with burns, and 4 of them remain in a serious condition.
The fire started in a storage hall shortly after midnight, the company said in a statement.
Residents living nearby were told to keep their windows closed until noon on Wednesday.
"""
FIRE_FR = """Incendie dans l'usine chimique de Harwick : des ouvriers blessés

Les pompiers ont combattu pendant huit heures mardi un incendie dans l'usine chimique de Harwick, \
selon les sapeurs-pompiers.
Au moins {figure} ouvriers ont été hospitalisés pour des brûlures, et 4 d'entre eux sont toujours \
dans un état grave.
Le feu s'est déclaré dans un hangar de stockage peu après minuit, a indiqué l'entreprise dans un \
communiqué.
Les habitants du quartier ont été priés de garder leurs fenêtres fermées jusqu'à mercredi midi.
Traduit de l'anglais par la rédaction.
"""
