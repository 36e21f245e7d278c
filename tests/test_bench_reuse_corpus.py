"""Specifications of the generated reuse corpus: deterministic, gold that holds, no planted cue."""

from __future__ import annotations

import random
import re
from collections import Counter
from pathlib import Path

import pytest

from storytrace.bench import reuse_operations as ops
from storytrace.bench.reuse_builder import COPY_OPERATIONS, FOOTERS, REWRITE_OPERATIONS
from storytrace.bench.reuse_corpus import (
    DERIVED_OPERATIONS,
    GoldStory,
    ReuseCorpus,
    generate_reuse_corpus,
)
from storytrace.bench.reuse_credits import CREDIT_FORMS, apply_credit
from storytrace.bench.reuse_dates import compare_shown
from storytrace.bench.reuse_outlets import OUTLETS, derive_domain
from storytrace.bench.reuse_quotes import find_quotations, shared_runs
from storytrace.bench.reuse_rewording import longest_shared_run, reword_sentence
from storytrace.errors import ConfigurationError
from storytrace.normalize import normalize_for_matching

ECBPLUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "ecbplus"
_WORD = re.compile(r"\w+")
_CAPTION = r"(Photo|Image): |\((AFP|Reuters|AP|EPA|Getty Images)\)|/Handout"


@pytest.fixture(scope="module")
def corpus() -> ReuseCorpus:
    if not (ECBPLUS / "ECB+").is_dir():
        pytest.skip(f"ECB+ is not at {ECBPLUS}")
    return generate_reuse_corpus(ECBPLUS, split="dev")


def _grams(text: str, size: int = 8) -> set[tuple[str, ...]]:
    words = _WORD.findall(normalize_for_matching(text).text)
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}


def _paragraph_grams(story: GoldStory, *, quoting: bool) -> set[tuple[str, ...]]:
    """8-grams of the paragraphs that hold a shared quotation or statement (``quoting``), or
    of footers and photo captions, which outlets share without copying."""
    grams = set() if quoting else set().union(*(_grams(f) for f in FOOTERS))
    for article in story.articles:
        for paragraph in article.text.split("\n\n"):
            if quoting and story.shared_texts and shared_runs(paragraph, story.shared_texts):
                grams |= _grams(paragraph)
            if not quoting and re.search(_CAPTION, paragraph):
                grams |= _grams(paragraph)
    return grams


def test_bench_reuse_corpus_is_deterministic(corpus: ReuseCorpus) -> None:
    again = generate_reuse_corpus(ECBPLUS, split="dev", max_stories=6)
    assert again.stories == corpus.stories[:6]
    assert again.seed == 1


def test_bench_reuse_corpus_gold_spans_point_inside_the_texts(corpus: ReuseCorpus) -> None:
    for story in corpus.stories:
        for derivation in story.derivations:
            source = story.article(derivation.parent_id)
            target = story.article(derivation.child_id)
            for case in derivation.cases:
                assert 0 <= case.source_span.start < case.source_span.end <= len(source.text)
                assert 0 <= case.target_span.start < case.target_span.end <= len(target.text)


@pytest.mark.parametrize("kind", ["verbatim", "edited", "paraphrase"])
def test_bench_reuse_corpus_gold_cases_point_at_equal_or_similar_text(
    corpus: ReuseCorpus, kind: str
) -> None:
    checked = 0
    for story in corpus.stories:
        for derivation in story.derivations:
            source = story.article(derivation.parent_id).text
            target = story.article(derivation.child_id).text
            for case in derivation.cases:
                if case.kind != kind:
                    continue
                left = source[case.source_span.start : case.source_span.end]
                right = target[case.target_span.start : case.target_span.end]
                words = set(_WORD.findall(normalize_for_matching(left).text))
                found = _WORD.findall(normalize_for_matching(right).text)
                overlap = sum(w in words for w in found) / len(found)
                if kind == "verbatim":
                    assert normalize_for_matching(left).text == normalize_for_matching(right).text
                elif kind == "edited":
                    assert overlap >= 0.6
                else:
                    # A rewrite tells the same facts: names and many words stay.
                    assert overlap >= 0.05
                checked += 1
    assert checked > 10


def test_bench_reuse_corpus_rewrites_share_no_long_run_with_their_parent(
    corpus: ReuseCorpus,
) -> None:
    for story in corpus.stories:
        for derivation in story.derivations:
            if derivation.relation != "rewrite":
                continue
            source = story.article(derivation.parent_id).text
            target = story.article(derivation.child_id).text
            for case in derivation.cases:
                left = source[case.source_span.start : case.source_span.end]
                right = target[case.target_span.start : case.target_span.end]
                # Outside quotations; a run may join the ends of two reworded sentences.
                assert longest_shared_run(left, right) <= 12


def test_bench_reuse_corpus_relations_follow_the_operations(corpus: ReuseCorpus) -> None:
    for story in corpus.stories:
        in_corpus = {a.id for a in story.articles}
        derivations = {(d.parent_id, d.child_id): d for d in story.derivations}
        for pair in story.pairs:
            assert {pair.source_id, pair.target_id} <= in_corpus
            if pair.link == "derivation":
                derivation = derivations[(pair.source_id, pair.target_id)]
                expected = "copy" if derivation.operation in COPY_OPERATIONS else "rewrite"
                assert pair.relation == expected
            else:
                assert (pair.source_id, pair.target_id) not in derivations
                assert (pair.target_id, pair.source_id) not in derivations
    links = Counter((p.link, p.relation) for s in corpus.stories for p in s.pairs)
    assert links[("sibling", "copy")] and links[("ancestor", "copy")]
    assert links[("negative", "independent")] and links[("negative", "shares_quotes")]


def test_bench_reuse_corpus_dates_are_independent_of_the_direction(corpus: ReuseCorpus) -> None:
    orders: Counter[object] = Counter()
    for story in corpus.stories:
        for derivation in story.derivations:
            parent = story.article(derivation.parent_id)
            child = story.article(derivation.child_id)
            orders[compare_shown(parent.published, child.published)] += 1
            if derivation.timing == "missing":
                assert child.published is None
    total = sum(orders.values())
    # Some copies look earlier than their source, some show no date or the same one.
    assert orders[1] >= 0.05 * total
    assert orders[None] >= 0.2 * total
    assert orders[0] >= 0.04 * total
    assert orders[-1] <= 0.6 * total
    timings = Counter(d.timing for s in corpus.stories for d in s.derivations)
    assert set(timings) == {"missing", "equal", "earlier", "later"}


def test_bench_reuse_corpus_credits_are_not_guaranteed(corpus: ReuseCorpus) -> None:
    derivations = [(s, d) for s in corpus.stories for d in s.derivations]
    to_parent = sum(s.outlet(d.parent_id).name in d.credited for s, d in derivations)
    elsewhere = sum(
        bool(d.credited) and s.outlet(d.parent_id).name not in d.credited for s, d in derivations
    )
    assert 0.35 <= to_parent / len(derivations) <= 0.6
    assert elsewhere >= 0.05 * len(derivations)


def test_bench_reuse_corpus_agencies_are_origins_and_copiers(corpus: ReuseCorpus) -> None:
    origins = sum(s.origin_outlet.agency for s in corpus.stories)
    copiers = sum(s.outlet(d.child_id).agency for s in corpus.stories for d in s.derivations)
    assert origins and copiers
    assert origins < len(corpus.stories) / 2


def test_bench_reuse_corpus_has_copies_of_copies(corpus: ReuseCorpus) -> None:
    generations = Counter(d.generation for s in corpus.stories for d in s.derivations)
    assert generations[1] and generations[2] and generations[3]
    assert max(generations) == 3


def test_bench_reuse_corpus_outlets_show_by_name_or_domain(corpus: ReuseCorpus) -> None:
    articles = [(s, a) for s in corpus.stories for a in s.articles]
    assert all(a.outlet or a.url for _, a in articles)
    with_url = sum(a.url is not None for _, a in articles) / len(articles)
    with_outlet = sum(a.outlet is not None for _, a in articles) / len(articles)
    assert 0.55 <= with_url <= 0.85 and 0.7 <= with_outlet <= 0.9
    for story, article in articles:
        if article.url:
            assert story.outlet(article.id).domain in article.url


def test_bench_reuse_corpus_ids_and_order_carry_no_role(corpus: ReuseCorpus) -> None:
    first_is_origin = 0
    for story in corpus.stories:
        assert all(re.fullmatch(rf"{re.escape(story.id)}-\d{{3}}", a.id) for a in story.articles)
        assert [a.id for a in story.articles] == sorted(a.id for a in story.articles)
        first_is_origin += story.articles[0].id == story.origin_article_id
    assert first_is_origin < len(corpus.stories) / 2


def test_bench_reuse_corpus_hides_some_origins_that_copies_cite(corpus: ReuseCorpus) -> None:
    hidden = [s for s in corpus.stories if s.origin_article_id is None]
    assert 0.15 * len(corpus.stories) <= len(hidden) <= 0.5 * len(corpus.stories)
    for story in hidden:
        [origin] = story.hidden
        assert origin.id not in {a.id for a in story.articles}
        citing = [d for d in story.derivations if story.origin_outlet.name in d.credited]
        assert citing


def test_bench_reuse_corpus_negatives_share_only_quotes_and_boilerplate(
    corpus: ReuseCorpus,
) -> None:
    checked = Counter[str]()
    for story in corpus.stories:
        boilerplate = _paragraph_grams(story, quoting=False)
        allowed = boilerplate | _paragraph_grams(story, quoting=True)
        grams = {a.id: _grams(a.text) for a in story.articles}
        for pair in story.pairs:
            if pair.link != "negative":
                continue
            shared = grams[pair.source_id] & grams[pair.target_id]
            # Two reports may still say a stock phrase alike ("placed running back X on
            # injured reserve"), never a run of 12 words.
            assert len(shared - allowed) < 5, (pair, sorted(shared - allowed)[:3])
            if pair.relation == "shares_quotes":
                assert shared - boilerplate
            checked[pair.relation] += 1
    assert checked["shares_quotes"] >= 20 and checked["independent"] >= 100


def test_bench_reuse_corpus_covers_every_operation(corpus: ReuseCorpus) -> None:
    operations = {d.operation for s in corpus.stories for d in s.derivations}
    assert operations == set(DERIVED_OPERATIONS)
    kinds = {p.operation for s in corpus.stories for p in s.pairs if p.link == "negative"}
    assert kinds == {"independent_report", "shared_quotes", "other_event"}
    assert set(REWRITE_OPERATIONS) <= operations


def test_bench_reuse_corpus_splits_use_disjoint_topics(corpus: ReuseCorpus) -> None:
    test = generate_reuse_corpus(ECBPLUS, split="test", max_stories=8)
    dev_topics = {s.id.split("-")[1] for s in corpus.stories}
    test_topics = {s.id.split("-")[1] for s in test.stories}
    assert dev_topics and test_topics and not dev_topics & test_topics
    assert test.seed == 2


def test_bench_reuse_corpus_refuses_an_unknown_split() -> None:
    with pytest.raises(ConfigurationError, match="split"):
        generate_reuse_corpus(ECBPLUS, split="train")  # type: ignore[arg-type]


def test_bench_reuse_operations_are_seeded() -> None:
    sentence = "Police said the fire killed two people near the city, officials said."
    assert ops.edit_sentence(sentence, random.Random(4)) == ops.edit_sentence(
        sentence, random.Random(4)
    )
    assert reword_sentence(sentence, random.Random(4)) == reword_sentence(
        sentence, random.Random(4)
    )
    assert normalize_for_matching(ops.add_lookalikes(sentence, random.Random(1))).text == (
        normalize_for_matching(sentence).text
    )


def test_bench_reuse_credit_forms_are_many_and_name_the_outlet() -> None:
    assert len(CREDIT_FORMS) >= 25
    assert {f.position for f in CREDIT_FORMS} == {"lead", "clause", "sentence", "line"}
    rng = random.Random(3)
    for form in CREDIT_FORMS:
        text = apply_credit("The quake struck at dawn.", "harbourtimes.com", form, rng)
        assert "harbourtimes.com" in text.lower()


def test_bench_reuse_outlet_domains_come_in_several_shapes() -> None:
    domains = [o.domain for o in OUTLETS if not o.agency]
    assert len(set(domains)) == len(domains)
    assert any(d.startswith("the") for d in domains)
    assert any("-" in d for d in domains)
    assert any(o.branded for o in OUTLETS)
    assert derive_domain("Bay Area Tribune", "BAT", "initials", random.Random(1)).startswith(
        "batribune."
    )


def test_bench_reuse_quotations_are_found_inside_quotation_marks() -> None:
    found = find_quotations(
        ['Short "yes" here.', '"We will rebuild every house that the storm took from us," he said.']
    )
    assert found == [(1, "We will rebuild every house that the storm took from us")]
