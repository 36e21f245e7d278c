"""Specifications of one story's reuse and provenance (storytrace.reuse.trace_story),
and the issue's acceptance checks on the two seed articles."""

from __future__ import annotations

from pathlib import Path

import pytest

import storytrace.reuse
from storytrace.models import Article
from storytrace.pipeline import analyze
from storytrace.reuse import ReuseSettings, StoryProvenance, trace_story
from storytrace.settings import Settings

PARAGRAPHS = [
    "Air traffic recordings reveal that a multinational operation is coordinating air strikes "
    "in support of a renegade general battling militia groups near the eastern city.",
    "At least one air strike was heard being coordinated in the tapes, which total just under "
    "an hour in length, suggesting the operations room is not only used for reconnaissance.",
    "The recordings were passed on from the Benina air base, which is considered to be the "
    "general's most important military facility, according to people familiar with them.",
    "The leaks could prove damaging for the international parties involved because the general "
    "has refused to support the unity government that the United Nations backs in the capital.",
]
OWN = [
    "Residents of the eastern city said they had heard aircraft circling for several nights and "
    "that the local hospital had received more wounded than in any week this year.",
    "A photographer for this newspaper saw two unmarked jets land at the airport on Sunday "
    "evening, and airport workers said the crews did not speak Arabic or English to them.",
    "The defence ministry in the capital declined to comment when we called on Monday, and a "
    "spokesman for the general's forces said the reports were invented by his enemies abroad.",
]

OTHER = (
    "Farmers in the southern valley began the harvest two weeks early this year after a dry "
    "spring, and the cooperative expects prices for dates to fall for the second year running."
)


def _article(article_id: str, paragraphs: list[str], **fields: str) -> Article:
    return Article(article_id, f"{article_id}.txt", "\n\n".join(paragraphs), **fields)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def chain() -> StoryProvenance:
    """An origin, a reprint that credits it, a copy of the reprint keeping the reprint's own
    paragraph, and an unrelated article."""
    origin = _article("origin", PARAGRAPHS, outlet="Harbour Times",
                      published="2016-07-13T08:00:00Z")  # fmt: skip
    reprint = _article(
        "reprint", [*PARAGRAPHS[:3], OWN[0], "This article was first published by Harbour Times."],
        outlet="Daily Lantern", published="2016-07-13T10:00:00Z",
    )  # fmt: skip
    copy = _article("copy", [PARAGRAPHS[1], OWN[0], OWN[1]], outlet="Valley News",
                    published="2016-07-13T15:00:00Z")  # fmt: skip
    unrelated = _article("unrelated", [OWN[2], OTHER], outlet="Metro Gazette")
    return trace_story([origin, reprint, copy, unrelated])


def test_reuse_story_links_each_copy_to_the_article_it_copied(chain: StoryProvenance) -> None:
    edges = {(e.source_id, e.target_id) for e in chain.provenance}
    assert edges == {("origin", "reprint"), ("reprint", "copy")}


def test_reuse_story_edges_carry_their_evidence(chain: StoryProvenance) -> None:
    kinds = {(e.source_id, e.target_id): {x.kind for x in e.evidence} for e in chain.provenance}
    assert {"attribution", "time"} <= kinds["origin", "reprint"]
    assert "time" in kinds["reprint", "copy"]
    [credit] = [x for x in chain.provenance[0].evidence if x.kind == "attribution"]
    assert credit.mention is not None and credit.mention.article_id == "reprint"


def test_reuse_story_reports_the_origin_article_in_corpus(chain: StoryProvenance) -> None:
    first = chain.origins[0]
    assert (first.article_id, first.outlet, first.in_corpus) == ("origin", "Harbour Times", True)
    assert {m.article_id for m in first.cited_by} == {"reprint"}


def test_reuse_story_puts_derived_articles_in_one_lineage(chain: StoryProvenance) -> None:
    roots = {lineage.root: set(lineage.article_ids) for lineage in chain.lineages}
    assert roots == {"origin": {"origin", "reprint", "copy"}, "unrelated": {"unrelated"}}


def test_reuse_story_marks_own_material_and_independent_articles(chain: StoryProvenance) -> None:
    own = {o.article_id: o for o in chain.own}
    assert own["unrelated"].own_share > 0.95 and own["unrelated"].independent
    assert not own["reprint"].independent
    # The copy's own paragraph is OWN[1]; OWN[0] came from the reprint. One paragraph of
    # 170 characters is below independent_min_chars.
    [span] = own["copy"].own_spans
    assert span.length == len(OWN[1])
    assert not own["copy"].independent


def test_reuse_story_orients_reuse_records_source_to_target(chain: StoryProvenance) -> None:
    pairs = {(r.source_id, r.target_id) for r in chain.reuse}
    assert ("origin", "reprint") in pairs and ("reprint", "copy") in pairs
    for reuse in chain.reuse:
        assert 0 < reuse.target_share <= 1 and reuse.shared_chars > 0


def test_reuse_story_reprints_of_a_cited_origin_missing_from_the_corpus_are_siblings() -> None:
    first = _article("first", [*PARAGRAPHS[:3], "Source: Middle East Eye"],
                     published="2016-07-13T08:00:00Z")  # fmt: skip
    second = _article("second", [*PARAGRAPHS[1:], "Originally published by MEE."],
                      published="2016-07-13T09:00:00Z")  # fmt: skip
    traced = trace_story([first, second])
    assert traced.provenance == ()
    [origin] = traced.origins
    assert (origin.article_id, origin.outlet, origin.in_corpus) == (None, "Middle East Eye", False)
    assert traced.lineages[0].root == "Middle East Eye"
    assert set(traced.lineages[0].article_ids) == {"first", "second"}


def test_reuse_story_a_credit_copied_with_its_sentence_counts_once() -> None:
    cited = (
        PARAGRAPHS[0]
        + " A witness told the Daily Lantern the jets flew low, the Daily Lantern reported."
    )
    first = _article("first", [cited, *PARAGRAPHS[1:]])
    second = _article("second", [cited, PARAGRAPHS[1]])
    traced = trace_story([first, second])
    assert all(o.outlet != "Daily Lantern" for o in traced.origins)


def test_reuse_story_same_result_with_worker_processes(chain: StoryProvenance) -> None:
    origin = _article("origin", PARAGRAPHS, outlet="Harbour Times")
    copies = [_article(f"c{n}", [*PARAGRAPHS[n % 4 :], OWN[n % 3]]) for n in range(6)]
    serial = trace_story([origin, *copies])
    parallel = trace_story([origin, *copies], settings=ReuseSettings(workers=2))
    assert serial == parallel


def test_reuse_story_handles_empty_and_single_inputs() -> None:
    assert trace_story([]).reuse == ()
    lonely = trace_story([Article("x", "x", "")])
    assert [lineage.article_ids for lineage in lonely.lineages] == [("x",)]
    assert lonely.own[0].own_share == 0


def test_reuse_story_refuses_duplicate_ids() -> None:
    article = _article("same", PARAGRAPHS)
    with pytest.raises(ValueError, match="same"):
        trace_story([article, article])


def test_reuse_story_public_names_are_pinned() -> None:
    assert storytrace.reuse.__all__ == [
        "REUSE_SETTINGS_HELP",
        "Attribution",
        "Background",
        "Embed",
        "ReuseSettings",
        "StoryProvenance",
        "align_pair",
        "build_background",
        "find_attributions",
        "trace_story",
    ]


# The acceptance checks on the seeds.


@pytest.fixture(scope="module")
def seeds() -> tuple[Article, Article, StoryProvenance]:
    from tests.conftest import SEEDS

    if not SEEDS.is_dir():
        pytest.skip(f"the seed articles are not at {SEEDS}")
    report = analyze([str(SEEDS)], settings=Settings())
    by_name = {Path(a.source).name[:3]: a for a in report.articles}
    return by_name["000"], by_name["003"], trace_story(report.articles)


@pytest.mark.parametrize(
    "beginning",
    [
        "At least one air strike was heard being coordinated in the tapes, which total just under "
        "an hour in length",
        "The recordings were passed on to MEE from the Benina air base, which is considered to be "
        "Haftar\u2019s most important military facility",
    ],
)
def test_reuse_story_seeds_share_the_passages_of_the_scoop(
    seeds: tuple[Article, Article, StoryProvenance], beginning: str
) -> None:
    opinion, copy, traced = seeds
    [reuse] = traced.reuse
    texts = {reuse.source_id: opinion if reuse.source_id == opinion.id else copy}
    texts[reuse.target_id] = copy if reuse.target_id == copy.id else opinion
    for passage in reuse.passages:
        assert passage.kind in ("verbatim", "edited")
    copied = [
        texts[reuse.target_id].text[p.target_span.start : p.target_span.end]
        if reuse.target_id == copy.id
        else texts[reuse.source_id].text[p.source_span.start : p.source_span.end]
        for p in reuse.passages
    ]
    assert any(beginning in text for text in copied)


def test_reuse_story_seeds_cite_middle_east_eye_as_origin_not_in_corpus(
    seeds: tuple[Article, Article, StoryProvenance],
) -> None:
    opinion, copy, traced = seeds
    origin = traced.origins[0]
    assert (origin.article_id, origin.outlet, origin.in_corpus) == (None, "Middle East Eye", False)
    assert {m.article_id for m in origin.cited_by} == {opinion.id, copy.id}
    names = {
        (opinion if m.article_id == opinion.id else copy).text[m.start : m.end]
        if m.field == "text"
        else (copy.title or "")[m.start : m.end]
        for m in origin.cited_by
    }
    assert {"MEE", "Middle East Eye"} <= names


def test_reuse_story_seeds_are_one_lineage_of_siblings(
    seeds: tuple[Article, Article, StoryProvenance],
) -> None:
    opinion, copy, traced = seeds
    assert traced.provenance == ()
    [lineage] = traced.lineages
    assert lineage.root == "Middle East Eye"
    assert set(lineage.article_ids) == {opinion.id, copy.id}


@pytest.mark.parametrize(("most", "copied_embedded"), [(3000, True), (1, False)])
def test_reuse_story_embeds_copied_sentences_only_in_small_stories(
    most: int, copied_embedded: bool
) -> None:
    import numpy as np
    import numpy.typing as npt

    reworded = (
        "Tapes lasting almost sixty minutes suggest the operations room does more than watch, "
        "since at least one strike can be heard being directed from it."
    )
    origin = _article("origin", PARAGRAPHS)
    reprint = _article("reprint", [PARAGRAPHS[0], OWN[0]])
    rewrite = _article("rewrite", [reworded, OWN[1]])
    seen: list[str] = []

    def embed(texts: list[str]) -> npt.NDArray[np.float32]:
        seen.extend(texts)
        vectors = np.zeros((len(texts), 2), dtype=np.float32)
        for row, text in enumerate(texts):
            vectors[row, 0 if "strike" in text else 1] = 1.0 if "strike" in text else 0.0
        return vectors

    # A rewrite rewords sentences that others copied: in a story of up to
    # paraphrase_max_sentences sentences every sentence is embedded; above, only
    # the sentences no pair copied (the model is the slow part).
    settings = ReuseSettings(paraphrase_max_sentences=most)
    traced = trace_story([origin, reprint, rewrite], embed=embed, settings=settings)
    assert (
        any(text.lower().startswith("air traffic recordings") for text in seen) == copied_embedded
    )
    kinds = {(r.source_id, r.target_id): [p.kind for p in r.passages] for r in traced.reuse}
    assert ["paraphrase"] in kinds.values()
