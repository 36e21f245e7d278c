"""The demo corpus's answer key (src/storytrace/demo/README.md), checked through analyze."""

from __future__ import annotations

from pathlib import Path

import pytest

from storytrace.models import Article, Report, StoryAnalysis
from storytrace.pipeline import analyze
from storytrace.settings import Settings

DEMO = Path(__file__).parents[1] / "src" / "storytrace" / "demo" / "corpus"


@pytest.fixture(scope="module")
def report() -> Report:
    return analyze([str(DEMO)], settings=Settings())


def _article(report: Report, needle: str) -> Article:
    [article] = [a for a in report.articles if needle in a.source]
    return article


def _story_of(report: Report, needle: str) -> StoryAnalysis:
    article = _article(report, needle)
    [story] = [s for s in report.stories if article.id in s.story.article_ids]
    return story


@pytest.mark.parametrize(
    ("member", "outlet", "in_corpus", "origin_article"),
    [
        ("mpa-corvenna", "Meridian Press Agency", True, "mpa-corvenna"),
        ("mpa-sander-quay-strike", "Corvenna Ledger", False, None),
        ("central-bank-rates", "Valdenia Business Daily", True, "#line=2"),
    ],
)
def test_demo_origins(
    report: Report, member: str, outlet: str, in_corpus: bool, origin_article: str | None
) -> None:
    origin = _story_of(report, member).origins[0]
    assert (origin.outlet, origin.in_corpus) == (outlet, in_corpus)
    expected = None if origin_article is None else _article(report, origin_article).id
    assert origin.article_id == expected


def _variants(story: StoryAnalysis, kind: str, scope: str = "across_articles") -> list[set[str]]:
    return [
        {v.value for v in d.variants}
        for d in story.discrepancies
        if d.kind == kind and d.scope == scope
    ]


@pytest.mark.parametrize(
    ("kind", "scope", "expected"),
    [
        ("number", "across_articles", {"At least 23", "At least 32"}),
        ("date", "across_articles", {"2:40 a.m. local time", "3:40 a.m. local time"}),
        ("place", "across_articles", {"Sander Quay", "Marrow Point"}),
        ("attribution", "across_articles", {"Tomas Brenner", "Marta Kovel"}),
        ("entity_set", "across_articles", {"Denmark, Germany, Norway", "Germany, Norway, Sweden"}),
        ("number", "headline_body", {"No", "At least 23"}),
    ],
)
def test_demo_discrepancies_of_the_answer_key(
    report: Report, kind: str, scope: str, expected: set[str]
) -> None:
    assert expected in _variants(_story_of(report, "mpa-corvenna"), kind, scope)


def test_demo_revised_spill_figure_is_an_update_not_an_error(report: Report) -> None:
    story = _story_of(report, "mpa-corvenna")
    revisions = [d for d in story.discrepancies if d.scope == "over_time"]
    assert any({v.value for v in d.variants} == {"380", "about 410"} for d in revisions)
    assert not any("410" in v for found in _variants(story, "number") for v in found)


def test_demo_raises_no_false_alarm_in_the_other_stories(report: Report) -> None:
    for member in ("mpa-sander-quay-strike", "central-bank-rates"):
        assert _story_of(report, member).discrepancies == ()


def test_demo_opinion_piece_is_found_by_its_labels_and_no_report_is(report: Report) -> None:
    article = _article(report, "opinion-no-accident")
    story = _story_of(report, "opinion-no-accident")
    [opinion] = [o for o in story.opinions if o.article_id == article.id]
    assert opinion.is_opinion
    assert any(r.startswith("title label") for r in opinion.reasons)
    assert any(r.startswith("URL section") for r in opinion.reasons)
    others = [o for o in story.opinions if o.article_id != article.id]
    assert not any(o.is_opinion for o in others)


_KEY = {
    "A1": "mpa-corvenna", "A2": "dailylantern-corvenna", "A3": "coastlinetoday-corvenna",
    "A4": "rivertonpost", "A5": "courrierlittoral", "A6": "lusk-residents",
    "A7": "worldbrief24", "A8": "jsonl#line=1", "A9": "feed.xml#entry=3",
    "A10": "feed.xml#entry=1",
    "A11": "opinion-no-accident", "B1": "mpa-sander-quay", "B2": "sander-quay-strike-ends",
    "C1": "jsonl#line=2", "C2": "central-bank-rates", "C3": "business-atom",
}  # fmt: skip
"""Answer-key names (demo README) of the demo articles, by a piece of their source."""


def _key_of(report: Report) -> dict[str, str]:
    return {article_id: key for key, needle in _KEY.items()
            for article_id in [_article(report, needle).id]}  # fmt: skip


def test_demo_derivations_are_exactly_the_copy_relations_of_the_key(report: Report) -> None:
    key = _key_of(report)
    edges = {(key[e.source_id], key[e.target_id]) for s in report.stories for e in s.provenance}
    assert edges == {
        ("A1", "A2"), ("A1", "A3"), ("A1", "A4"), ("A4", "A5"), ("A1", "A6"), ("A1", "A7"),
        ("A1", "A8"), ("C1", "C3"),
    }  # fmt: skip


@pytest.mark.parametrize(
    ("article", "relations"),
    [
        ("A9", {"independent", "shares_quotes"}),  # own report, similar lead
        ("A10", {"independent", "shares_quotes"}),  # EBR's own follow-up
        ("A11", {"independent", "shares_quotes"}),  # quotes W4 and the union in quotation marks
        ("B2", {"shares_quotes"}),  # the union statement and Brenner's words
        ("C2", {"shares_quotes"}),  # the governor's two quoted sentences
    ],
)
def test_demo_articles_the_key_calls_independent_are_no_copies(
    report: Report, article: str, relations: set[str]
) -> None:
    key = _key_of(report)
    found = {
        r.relation for s in report.stories for r in s.reuse
        if article in (key[r.source_id], key[r.target_id])
    }  # fmt: skip
    assert found and found <= relations
    [story] = [s for s in report.stories if any(key[a] == article for a in s.story.article_ids)]
    [lineage] = [x for x in story.lineages if any(key[a] == article for a in x.article_ids)]
    assert len(lineage.article_ids) == 1 or article == "B2"


def test_demo_wire_copies_form_one_lineage(report: Report) -> None:
    story = _story_of(report, "mpa-corvenna")
    wire = _article(report, "mpa-corvenna").id
    copies = {_article(report, n).id for n in ("dailylantern-corvenna", "coastlinetoday-corvenna")}
    [lineage] = [item for item in story.lineages if wire in item.article_ids]
    assert copies <= set(lineage.article_ids)
    edges = {(e.source_id, e.target_id) for e in story.provenance}
    assert {(wire, copy) for copy in copies} <= edges


def test_demo_french_translation_derives_from_the_edited_copy_it_follows(report: Report) -> None:
    story = _story_of(report, "courrierlittoral")
    french = _article(report, "courrierlittoral").id
    edited = _article(report, "rivertonpost").id
    wire = _article(report, "mpa-corvenna").id
    parents = {e.source_id for e in story.provenance if e.target_id == french}
    assert parents == {edited}
    [edge] = [e for e in story.provenance if e.target_id == french]
    # "Traduit de l'anglais par la rédaction." says which side is the translation.
    assert "translation" in {item.kind for item in edge.evidence}
    [reuse] = [r for r in story.reuse if {r.source_id, r.target_id} == {edited, french}]
    assert {p.kind for p in reuse.passages} == {"translation"}
    assert reuse.target_share > 0.9
    [lineage] = [item for item in story.lineages if wire in item.article_ids]
    assert french in lineage.article_ids


@pytest.mark.parametrize(("translations", "edges"), [(True, 1), (False, 0)])
def test_demo_translation_edge_needs_the_multilingual_model(translations: bool, edges: int) -> None:
    report = analyze([str(DEMO / "courrierlittoral-corvenna-collision.html"),
                      str(DEMO / "rivertonpost-corvenna-ships-collide.html")],
                     settings=Settings(translations=translations))  # fmt: skip
    assert len(report.stories) == 1
    assert len(report.stories[0].provenance) == edges


def test_demo_french_translation_states_the_claims_it_translates(report: Report) -> None:
    story = _story_of(report, "courrierlittoral")
    french = _article(report, "courrierlittoral")
    edited = _article(report, "rivertonpost").id
    translated = [
        (claim, mention)
        for claim in story.claims
        for mention in claim.mentions
        if mention.article_id == french.id
    ]
    assert len(translated) >= 10
    assert all(m.translated_from == edited for _, m in translated)
    # Its attribution is read from its own French words, never copied from the English.
    assert all(
        m.attributed_to is None or m.attributed_to in french.text[m.start : m.end]
        for _, m in translated
    )
    [claim] = [c for c, m in translated if french.text[m.start : m.end].startswith("Dix-sept")]
    assert "Seventeen of them were crew members" in claim.text
    # The translation adds an article, not an independent source: it is in its
    # source's lineage.
    stating = {m.article_id for m in claim.mentions}
    lineage_of = {a: lineage.id for lineage in story.lineages for a in lineage.article_ids}
    assert lineage_of[french.id] == lineage_of[edited]
    assert claim.support == len(stating)
    assert claim.independent_support == len({lineage_of.get(a, a) for a in stating})
