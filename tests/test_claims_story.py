"""The claims issue's acceptance checks on the seeds and the demo corpus answer key."""

from __future__ import annotations

from pathlib import Path

import pytest

import storytrace
from storytrace.claims import ClaimSettings, StoryClaims, analyze_claims
from storytrace.claims.attribution import quoted_spans
from storytrace.embeddings import embed_texts
from storytrace.errors import ConfigurationError
from storytrace.models import Article, Discrepancy, Mention
from storytrace.pipeline import analyze
from storytrace.settings import Settings

DEMO = Path(storytrace.__file__).parent / "demo" / "corpus"
SANDER_QUAY = "Sander Quay chemical terminal"
# Demo articles of story A by URL fragment, and their lineage (README, "Lineages").
STORY_A = {
    "meridianwire.example/world": "mpa",
    "dailylantern.example/news": "mpa",
    "coastlinetoday.example/2026/03/13": "mpa",
    "rivertonpost": "mpa",
    "courrierlittoral": "mpa",
    "valdeniaobserver.example/corvenna/2026/03/13": "mpa",
    "worldbrief24": "mpa",
    "harbourlines": "mpa",
    "ebrnews.example/news/2026/03/13": "ebr-1",
    "ebrnews.example/news/2026/03/14": "ebr-2",
    "corvennachronicle": "chronicle",
}


def _text(articles: dict[str, Article], mention: Mention) -> str:
    article = articles[mention.article_id]
    text = article.title or "" if mention.field == "title" else article.text
    return text[mention.start : mention.end]


@pytest.fixture(scope="module")
def seeds() -> tuple[dict[str, Article], StoryClaims]:
    from tests.conftest import SEEDS

    if not SEEDS.is_dir():
        pytest.skip(f"the seed articles are not at {SEEDS}")
    articles = analyze([str(SEEDS)], settings=Settings()).articles
    lineage = {a.id: "middle-east-eye" for a in articles}
    result = analyze_claims(articles, lineage_of=lineage, embed=embed_texts)
    return {a.id: a for a in articles}, result


@pytest.fixture(scope="module")
def demo() -> tuple[dict[str, Article], StoryClaims]:
    articles = analyze([str(DEMO)], settings=Settings()).articles
    lineage: dict[str, str] = {}
    story: list[Article] = []
    for article in articles:
        key = next((k for k in STORY_A if k in (article.url or "")), None)
        if key is not None:
            story.append(article)
            lineage[article.id] = STORY_A[key]
    assert len(story) == 11
    result = analyze_claims(story, lineage_of=lineage, embed=embed_texts)
    return {a.id: a for a in story}, result


def _seed(articles: dict[str, Article], prefix: str) -> Article:
    [article] = [a for a in articles.values() if Path(a.source).name.startswith(prefix)]
    return article


def _demo(articles: dict[str, Article], fragment: str) -> Article:
    [article] = [a for a in articles.values() if fragment in (a.url or "")]
    return article


def _values(articles: dict[str, Article], discrepancy: Discrepancy) -> list[set[str]]:
    return [{_text(articles, m) for m in v.mentions} for v in discrepancy.variants]


def test_claims_story_seed_country_sets_disagree_across_articles(seeds) -> None:
    articles, result = seeds
    found = [
        d for d in result.discrepancies if d.kind == "entity_set" and d.scope == "across_articles"
    ]
    assert len(found) == 1
    [discrepancy] = found
    assert "France" in discrepancy.summary and "Italy" in discrepancy.summary
    written = set().union(*_values(articles, discrepancy))
    assert "American, British and Italian" in written
    assert written & {"French, British and US", "British, French and US"}
    assert discrepancy.claim_id is not None


def test_claims_story_seed_headline_contradicts_its_body(seeds) -> None:
    articles, result = seeds
    headline = _seed(articles, "003")
    [discrepancy] = [d for d in result.discrepancies if d.scope == "headline_body"]
    assert discrepancy.kind == "entity_set"
    assert "France" in discrepancy.summary and "Italy" in discrepancy.summary
    assert {m.article_id for v in discrepancy.variants for m in v.mentions} == {headline.id}
    assert {m.field for v in discrepancy.variants for m in v.mentions} == {"title", "text"}


def test_claims_story_seed_word_order_is_no_discrepancy(seeds) -> None:
    articles, result = seeds
    for discrepancy in result.discrepancies:
        values = [frozenset(v.value.split(", ")) for v in discrepancy.variants]
        assert len(set(values)) == len(values)
        written = set().union(*_values(articles, discrepancy))
        assert written != {"French, British and US", "British, French and US"}


def test_claims_story_seed_air_strike_claim_has_one_independent_source(seeds) -> None:
    _, result = seeds
    [claim] = [c for c in result.claims if c.text.startswith("At least one air strike")]
    assert claim.support == 2
    assert claim.independent_support == 1


def test_claims_story_seed_entities_join_aliases(seeds) -> None:
    _, result = seeds
    by_alias = {alias: e for e in result.entities for alias in e.aliases}
    assert by_alias["Khalifa Haftar"] is by_alias["Halifa Haftar"] is by_alias["Haftar"]
    assert by_alias["Khalifa Haftar"].type == "person"
    assert by_alias["US"] is by_alias["American"]
    assert by_alias["US"].type == "country" and by_alias["US"].name == "United States"
    assert by_alias["MEE"] is by_alias["Middle East Eye"]
    assert by_alias["ISIS"] is by_alias["Islamic State"] is by_alias["IS"]
    assert by_alias["GNA"] is by_alias["UN-backed unity government"]


def test_claims_story_seed_news_report_is_not_opinion_and_loaded_words_are_own_voice(
    seeds,
) -> None:
    articles, result = seeds
    opinion = {o.article_id: o for o in result.opinions}
    news = _seed(articles, "003")
    assert not opinion[news.id].is_opinion
    for article in articles.values():
        quoted = quoted_spans(article.text)
        for mention in opinion[article.id].loaded:
            if mention.field == "text":
                assert not any(s <= mention.start and mention.end <= e for s, e in quoted)


def test_claims_story_seed_toaldo_is_credited(seeds) -> None:
    articles, result = seeds
    first = _seed(articles, "000")
    mentions = [m for c in result.claims for m in c.mentions if m.article_id == first.id]
    quoted = [m for m in mentions if m.quote]
    assert quoted and all("Toaldo" in (m.attributed_to or "") for m in quoted)
    explains = [m for m in mentions if m.cue == "explains"]
    assert explains[0].attributed_to is not None
    assert explains[0].attributed_to.startswith("Libya specialist Mattia Toaldo, a senior policy")
    [chain] = [a.attribution.chain for a in result.attributions if a.start == explains[0].start]
    assert (chain[0].source, chain[0].role) == ("the MEE", "recipient")


def test_claims_story_seed_headline_credits_middle_east_eye(seeds) -> None:
    articles, result = seeds
    headline = _seed(articles, "003")
    [mention] = [m for c in result.claims for m in c.mentions if m.field == "title"]
    assert mention.article_id == headline.id
    assert (mention.attributed_to, mention.cue) == ("Middle East Eye", "reported")


def test_claims_story_furniture_is_never_a_claim(seeds) -> None:
    articles, result = seeds
    for claim in result.claims:
        for mention in claim.mentions:
            text = _text(articles, mention)
            assert "AFP PHOTO" not in text and "Submit a Correction" not in text
            assert "Op-Ed" not in text


def test_claims_story_mention_spans_point_at_their_text(demo) -> None:
    articles, result = demo
    for claim in result.claims:
        for mention in claim.mentions:
            article = articles[mention.article_id]
            text = article.title or "" if mention.field == "title" else article.text
            assert 0 <= mention.start < mention.end <= len(text)
    for discrepancy in result.discrepancies:
        for variant in discrepancy.variants:
            assert all(_text(articles, m) for m in variant.mentions)


@pytest.mark.parametrize(
    ("kind", "scope", "expected"),
    [
        ("number", "across_articles", [{"At least 23"}, {"At least 32"}]),
        (
            "entity_set",
            "across_articles",
            [{"Norway, Denmark and Germany"}, {"Norway, Sweden and Germany"}],
        ),
        ("date", "across_articles", [{"2:40 a.m. local time"}, {"3:40 a.m. local time"}]),
        ("place", "across_articles", [{"Marrow Point terminal"}, {SANDER_QUAY}]),
        ("number", "headline_body", [{"No"}, {"At least 23"}]),
    ],
)  # fmt: skip
def test_claims_story_demo_answer_key_discrepancies(demo, kind, scope, expected) -> None:
    articles, result = demo
    found = [
        [set(values) for values in _values(articles, d)]
        for d in result.discrepancies
        if d.kind == kind and d.scope == scope
    ]
    assert any(all(any(e <= v for v in variants) for e in expected) for variants in found), found


def test_claims_story_demo_wrong_speaker(demo) -> None:
    articles, result = demo
    [discrepancy] = [d for d in result.discrepancies if d.kind == "attribution"]
    assert {v.value for v in discrepancy.variants} == {"Tomas Brenner", "Marta Kovel"}
    worldbrief = _demo(articles, "worldbrief24")
    [kovel] = [v for v in discrepancy.variants if v.value == "Marta Kovel"]
    assert {m.article_id for m in kovel.mentions} == {worldbrief.id}


def test_claims_story_demo_revised_figure_is_an_update(demo) -> None:
    articles, result = demo
    [update] = [u for u in result.updates if u.later_value == "about 410"]
    assert update.earlier_value == "380"
    follow_up = _demo(articles, "ebrnews.example/news/2026/03/14")
    assert {m.article_id for m in update.later} == {follow_up.id}
    assert not any("410" in d.summary for d in result.discrepancies)


def test_claims_story_demo_opinion_piece_by_its_labels(demo) -> None:
    articles, result = demo
    opinion = {o.article_id: o for o in result.opinions}
    chronicle = _demo(articles, "corvennachronicle")
    assert opinion[chronicle.id].is_opinion
    assert any(r.startswith("title label") for r in opinion[chronicle.id].reasons)
    others = [o for o in result.opinions if o.article_id != chronicle.id]
    assert not any(o.is_opinion for o in others)


def test_claims_story_demo_independent_support_counts_lineages(demo) -> None:
    _, result = demo
    [claim] = [c for c in result.claims if c.text.startswith("At least 23 people")]
    assert claim.support >= 8
    assert claim.independent_support == 3  # MPA, EBR and the Chronicle's restatement


def test_claims_story_rejects_duplicate_ids() -> None:
    article = Article(id="a", source="a.txt", text="It rained.")
    with pytest.raises(ConfigurationError, match="unique"):
        analyze_claims([article, article], lineage_of={})


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("group_threshold", 0.0),
        ("group_threshold", 1.5),
        ("batch_size", 0),
        ("min_clause_tokens", True),
    ],
)
def test_claims_story_settings_refuse_bad_values(name: str, value: object) -> None:
    with pytest.raises(ConfigurationError, match=name):
        ClaimSettings(**{name: value})  # type: ignore[arg-type]


def test_claims_story_empty_story() -> None:
    result = analyze_claims([], lineage_of={})
    assert result.claims == () and result.discrepancies == () and result.opinions == ()


def test_claims_story_revisions_are_reported_as_updates_over_time(seeds) -> None:
    _, result = seeds
    reported = result.reported_discrepancies()
    assert reported[: len(result.discrepancies)] == result.discrepancies
    assert all(d.scope == "over_time" for d in reported[len(result.discrepancies) :])
    assert len(reported) == len(result.discrepancies) + len(result.updates)


def test_claims_story_reuse_passages_join_claims() -> None:
    from storytrace.models import Passage, Reuse, Span

    first = Article(id="a", source="a.txt", text="The mayor opened the new bridge on Monday.")
    second = Article(id="b", source="b.txt", text="Traffic finally crossed the river on Monday.")
    alone = analyze_claims([first, second], lineage_of={})
    assert all(claim.support == 1 for claim in alone.claims)
    passage = Passage(Span(0, len(first.text)), Span(0, len(second.text)), "paraphrase", 0.6)
    reuse = Reuse("a", "b", (passage,), len(second.text), 1.0, 1.0)
    joined = analyze_claims([first, second], lineage_of={"a": "x", "b": "x"}, reuse=[reuse])
    [claim] = joined.claims
    assert (claim.support, claim.independent_support) == (2, 1)


def test_claims_story_demo_discrepancies_strongest_first_with_consecutive_ids(demo) -> None:
    _, result = demo
    ranked = result.discrepancies
    scores = [d.score for d in ranked]
    assert scores == sorted(scores, reverse=True)
    assert all(0 < score <= 1 for score in scores) and all(d.reasons for d in ranked)
    assert [d.id for d in ranked] == [f"discrepancy-{n}" for n in range(1, len(ranked) + 1)]
    # The casualty figures (headline "No injuries", 23 vs 32) outrank the terminal's name.
    assert ranked[0].facet.startswith("people/")
    [terminal] = [d for d in ranked if d.kind == "place"]
    casualties = [d for d in ranked if d.facet.startswith("people/")]
    assert all(d.score > terminal.score for d in casualties)
