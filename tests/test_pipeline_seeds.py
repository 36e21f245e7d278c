"""The acceptance checks of the reuse and claims issues, on the real seeds, through analyze."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from storytrace.cli import main
from storytrace.models import Article, Report, StoryAnalysis
from storytrace.pipeline import analyze
from storytrace.settings import Settings


@pytest.fixture(scope="module")
def report() -> Report:
    from tests.conftest import SEEDS

    if not SEEDS.is_dir():
        pytest.skip(f"the seed articles are not at {SEEDS}")
    return analyze([str(SEEDS)], settings=Settings())


@pytest.fixture(scope="module")
def story(report: Report) -> StoryAnalysis:
    [story] = report.stories
    return story


def _article(report: Report, name: str) -> Article:
    [article] = [a for a in report.articles if Path(a.source).name.startswith(name)]
    return article


@pytest.mark.parametrize(
    "needle",
    [
        "At least one air strike was heard being coordinated in the tapes, which total just "
        "under an hour in length",
        "Haftar\u2019s most important military facility",
    ],
)
def test_seeds_share_the_required_passages(
    report: Report, story: StoryAnalysis, needle: str
) -> None:
    texts = {a.id: a.text for a in report.articles}
    found = []
    for reuse in story.reuse:
        for passage in reuse.passages:
            source = texts[reuse.source_id][passage.source_span.start : passage.source_span.end]
            target = texts[reuse.target_id][passage.target_span.start : passage.target_span.end]
            if needle in source and needle in target:
                found.append(passage.kind)
    assert found and set(found) <= {"verbatim", "edited"}


def test_seeds_origin_is_middle_east_eye_cited_by_both(
    report: Report, story: StoryAnalysis
) -> None:
    [origin] = story.origins
    assert (origin.outlet, origin.in_corpus, origin.article_id) == (
        "Middle East Eye",
        False,
        None,
    )
    assert {m.article_id for m in origin.cited_by} == {a.id for a in report.articles}
    texts = {a.id: (a.title or "", a.text) for a in report.articles}
    cited = {
        (texts[m.article_id][0] if m.field == "title" else texts[m.article_id][1])[m.start : m.end]
        for m in origin.cited_by
    }
    assert any("MEE" in c for c in cited) and any("Middle East Eye" in c for c in cited)


def test_seeds_form_one_lineage(story: StoryAnalysis) -> None:
    [lineage] = story.lineages
    assert set(lineage.article_ids) == set(story.story.article_ids)


def test_seeds_air_strike_claim_has_two_supports_from_one_source(story: StoryAnalysis) -> None:
    [claim] = [c for c in story.claims if "At least one air strike" in c.text]
    assert (claim.support, claim.independent_support) == (2, 1)


def test_seeds_country_discrepancy_names_france_and_italy_in_both_scopes(
    report: Report, story: StoryAnalysis
) -> None:
    headline_003 = _article(report, "003").title or ""
    scopes = set()
    for discrepancy in story.discrepancies:
        values = " ".join(v.value for v in discrepancy.variants)
        if discrepancy.kind == "entity_set" and "France" in values and "Italy" in values:
            scopes.add(discrepancy.scope)
            assert "American, British and Italian" in headline_003
    assert scopes == {"across_articles", "headline_body"}


def test_seeds_word_order_alone_is_no_discrepancy(story: StoryAnalysis) -> None:
    for discrepancy in story.discrepancies:
        values = {frozenset(v.value.split(", ")) for v in discrepancy.variants}
        assert len(values) > 1, discrepancy


@pytest.mark.parametrize(
    ("name", "aliases"),
    [
        ("Khalifa Haftar", {"Khalifa Haftar", "Halifa Haftar"}),
        ("United States", {"US", "American"}),
    ],
)
def test_seeds_aliases_are_one_entity(story: StoryAnalysis, name: str, aliases: set[str]) -> None:
    [entity] = [e for e in story.entities if e.name == name]
    assert aliases <= set(entity.aliases)


def test_seeds_000_is_opinion_by_its_own_voice_and_credits_the_toaldo_quote(
    report: Report, story: StoryAnalysis
) -> None:
    article = _article(report, "000")
    [opinion] = [o for o in story.opinions if o.article_id == article.id]
    assert opinion.is_opinion
    assert any("loaded phrases in the outlet's own voice" in r for r in opinion.reasons)
    quoted = [
        m
        for claim in story.claims
        for m in claim.mentions
        if m.article_id == article.id and "It will have to explain" in article.text[m.start : m.end]
    ]
    assert quoted and all("Toaldo" in (m.attributed_to or "") for m in quoted)


def test_seeds_compare_prints_both_articles_with_the_passage_marked(
    tmp_path: Path, seeds: Path
) -> None:
    db = str(tmp_path / "st.db")
    runner = CliRunner()
    result = runner.invoke(main, ["analyze", str(seeds), "--db", db, "--out", str(tmp_path), "-q"])
    assert result.exit_code == 0, result.output
    from storytrace.store import Store

    with Store(db) as store:
        left, right = (a.id for a in store.articles())
    result = runner.invoke(main, ["compare", left, right, "--db", db, "--width", "160"])
    assert result.exit_code == 0, result.output
    assert "[1 " in result.output and " 1]" in result.output
    assert left in result.output and right in result.output
