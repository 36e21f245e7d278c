"""The view records behind every page: highlighting, comparison, graph, timeline, claim matrix."""

from __future__ import annotations

from dataclasses import asdict

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storytrace.errors import ConfigurationError, NotFoundError
from storytrace.models import (
    Article,
    Claim,
    ClaimMention,
    Discrepancy,
    Mention,
    Origin,
    Passage,
    ProvenanceEdge,
    Reuse,
    Span,
    Story,
    StoryAnalysis,
    Variant,
)
from storytrace.report.compare import compare_articles, default_pair
from storytrace.report.graph import layout_graph
from storytrace.report.matrix import build_matrix
from storytrace.report.segments import Mark, PassageLink, cut_text
from storytrace.report.timeline import build_timeline, format_duration
from storytrace.report.views import (
    QUOTE_CHARS,
    discrepancy_view,
    report_view,
    safe_url,
    story_view,
)
from tests.handmade import small_report


def _articles() -> dict[str, Article]:
    return {a.id: a for a in small_report().articles}


def _analysis() -> StoryAnalysis:
    return small_report().stories[0]


marks = st.lists(
    st.tuples(
        st.integers(-5, 60), st.integers(0, 60), st.sampled_from(["passage", "own", "loaded"])
    ),
    max_size=8,
)


@given(text=st.text(alphabet="ab \n", max_size=50), raw=marks)
def test_segments_rebuild_every_line_of_the_text_exactly(
    text: str, raw: list[tuple[int, int, str]]
) -> None:
    found = [
        Mark(
            start,
            max(start, end),
            kind,
            PassageLink(0, 1, "verbatim") if kind == "passage" else None,
        )
        for start, end, kind in raw
    ]
    paragraphs = cut_text(text, found)
    lines = [line for line in text.split("\n") if line.strip()]
    assert ["".join(s.text for s in p.segments) for p in paragraphs] == lines
    for paragraph in paragraphs:
        for segment in paragraph.segments:
            assert text[segment.start : segment.end] == segment.text
            covering = [m for m in found if m.start <= segment.start and m.end >= segment.end]
            assert segment.loaded == any(m.kind == "loaded" and m.start < m.end for m in covering)


def test_segments_label_a_passage_once_on_its_first_segment() -> None:
    link = PassageLink(0, 1, "verbatim")
    paragraphs = cut_text("one two\nthree", [Mark(4, 13, "passage", link), Mark(5, 6, "loaded")])
    firsts = [s.text for p in paragraphs for s in p.segments for x in s.links if x.first]
    assert firsts == ["t"]


def test_compare_colours_reordered_passages_alike_on_both_sides() -> None:
    comparison = compare_articles(_analysis(), _articles(), "a1", "a2")
    assert comparison.pair is not None
    pair = comparison.pair.pair

    def numbers(side: object) -> dict[str, int]:
        return {
            s.text: link.number
            for p in side.paragraphs
            for s in p.segments
            if (link := s.link_for(pair)) is not None
        }

    left, right = numbers(comparison.left), numbers(comparison.right)
    assert left == right and sorted(left.values()) == [1, 2]
    order_left = [s.text for p in comparison.left.paragraphs for s in p.segments if s.links]
    order_right = [s.text for p in comparison.right.paragraphs for s in p.segments if s.links]
    assert order_left == list(reversed(order_right))
    assert [p.number for p in comparison.passages] == [1, 2]


def test_compare_marks_own_material_and_loaded_wording() -> None:
    comparison = compare_articles(_analysis(), _articles(), "a1", "a2")
    segments = [s for p in comparison.right.paragraphs for s in p.segments]
    assert any(s.own and "Italy" in s.text for s in segments)
    assert any(s.loaded and s.text == "disgraceful cover-up" for s in segments)
    assert not any(s.own and s.links for s in segments)


def test_compare_refuses_articles_outside_the_story_and_the_same_article_twice() -> None:
    with pytest.raises(NotFoundError, match="choose among"):
        compare_articles(_analysis(), _articles(), "a1", "zzz")
    with pytest.raises(ConfigurationError, match="two different"):
        compare_articles(_analysis(), _articles(), "a1", "a1")


def test_compare_default_pair_is_the_pair_sharing_the_most() -> None:
    assert default_pair(_analysis()) == ("a1", "a2")
    assert default_pair(StoryAnalysis(Story("s", ("x",)))) is None


def test_graph_places_copies_after_their_source_and_cited_origins_first() -> None:
    graph = layout_graph(_analysis(), _articles())
    nodes = {n.key: n for n in graph.nodes}
    assert nodes["a:a2"].x > nodes["a:a1"].x
    cited = [n for n in graph.nodes if n.kind == "cited"]
    assert [n.label for n in cited] == ["Port Police"] and cited[0].generation == 0
    copy = next(e for e in graph.edges if e.kind == "copy")
    assert copy.label.startswith("55% ·") and "time" in copy.label
    assert {e.kind for e in graph.edges} == {"copy", "cites"}
    assert nodes["a:a1"].is_origin and nodes["a:a1"].lineage == "L1"
    for node in graph.nodes:
        assert node.x >= 0 and node.x + node.width <= graph.width
        assert node.y >= 0 and node.y + node.height <= graph.height


def test_graph_survives_a_cycle_in_bad_provenance() -> None:
    analysis = StoryAnalysis(
        Story("s", ("a1", "a2")),
        provenance=(ProvenanceEdge("a1", "a2", 0.5), ProvenanceEdge("a2", "a1", 0.5)),
    )
    graph = layout_graph(analysis, _articles())
    assert len(graph.nodes) == 2 and len(graph.edges) == 2


def test_timeline_orders_by_utc_time_and_keeps_undated_apart() -> None:
    articles = _articles()
    undated = Article(id="a4", source="x", text="x", outlet="Undated")
    articles["a4"] = undated
    analysis = StoryAnalysis(Story("s", ("a3", "a4", "a2", "a1")))
    timeline = build_timeline(analysis, articles)
    assert [e.article_id for e in timeline.entries] == ["a1", "a2", "a3"]
    assert timeline.entries[1].offset == "+2 h 18 min"
    assert [e.position for e in timeline.entries][0::2] == [0.0, 1.0]
    assert [e.article_id for e in timeline.undated] == ["a4"]


@pytest.mark.parametrize(
    ("seconds", "expected"),
    [(0, "0 min"), (59, "1 min"), (3600, "1 h"), (90061, "1 d 1 h"), (8280, "2 h 18 min")],
)
def test_timeline_durations_read_naturally(seconds: int, expected: str) -> None:
    assert format_duration(seconds) == expected


def test_matrix_shows_stated_hedged_contradicted_and_silent() -> None:
    matrix = build_matrix(_analysis(), _articles())
    assert [c.label for c in matrix.columns] == ["Wire Agency", "Daily Paper", "Radio One"]
    rows = {r.claim_id: r for r in matrix.rows}
    assert [c.status for c in rows["c1"].cells] == ["stated", "stated", "hedged"]
    assert [c.status for c in rows["c2"].cells] == ["stated", "contradicted", "silent"]
    assert rows["c2"].cells[1].articles[0].variant == "Italy"
    assert rows["c2"].single_source and not rows["c1"].single_source
    assert [r.claim_id for r in matrix.rows] == ["c1", "c2"]


def test_matrix_folds_an_outlets_articles_into_one_cell() -> None:
    one = Article(id="x1", source="x", text="Two hurt.", outlet="Same")
    two = Article(id="x2", source="y", text="Three hurt.", outlet="Same")
    claim = Claim("c", "Two hurt.", (ClaimMention("x1", "text", 0, 9),), 1, 1)
    contradiction = Discrepancy(
        "d",
        "number",
        "c",
        "2 or 3",
        (Variant("2", (Mention("x1", 0, 3),)), Variant("3", (Mention("x2", 0, 5),))),
    )
    analysis = StoryAnalysis(
        Story("s", ("x1", "x2")), claims=(claim,), discrepancies=(contradiction,)
    )
    matrix = build_matrix(analysis, {"x1": one, "x2": two})
    cell = matrix.rows[0].cells[0]
    assert cell.status == "contradicted"
    assert [a.status for a in cell.articles] == ["stated", "contradicted"]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/a", "https://example.org/a"),
        ("HTTP://Example.org", "HTTP://Example.org"),
        ("javascript:alert(1)", None),
        (" JavaScript:alert(1)", None),
        ("java\tscript:alert(1)", None),
        ("data:text/html,<script>", None),
        ("//evil.example/x", None),
        ("https:///nohost", None),
        ("http://exa mple.org", None),
        ("vbscript:x", None),
        (None, None),
    ],
)
def test_views_link_only_http_and_https_urls(url: str | None, expected: str | None) -> None:
    assert safe_url(url) == expected


def test_views_story_view_collects_every_part_and_serialises_to_json() -> None:
    view = story_view(_analysis(), _articles())
    assert view.comparison is not None and view.comparison.pair is not None
    assert [o.outlet for o in view.origins] == ["Wire Agency", "Port Police"]
    assert view.origins[1].quotes[0].text == "police said"
    assert view.discrepancies[0].variants[1].quotes[0].text == "Teams from Italy"
    assert [a.role for a in view.articles] == ["origin", "copy", "independent"]
    assert [a.article_id for a in view.article_views] == ["a1", "a2", "a3"]
    assert view.label("a2") == "Daily Paper" and view.label("nope") == "nope"
    assert asdict(view)["graph"]["nodes"][0]["kind"] == "cited"


def test_views_report_lists_articles_in_no_story_apart() -> None:
    report = small_report()
    extra = Article(id="z9", source="z", text="Other news.")
    view = report_view(type(report)(articles=(*report.articles, extra), stories=report.stories))
    assert [a.article_id for a in view.unassigned] == ["z9"]


def test_views_tolerate_spans_and_ids_pointing_nowhere() -> None:
    analysis = StoryAnalysis(
        Story("s", ("a1", "ghost")),
        reuse=(
            Reuse(
                "a1", "ghost", (Passage(Span(0, 999), Span(0, 5), "verbatim", 1.0),), 5, 1.0, 1.0
            ),
        ),
        origins=(Origin(None, "Somewhere", False, (Mention("ghost", 0, 4),)),),
    )
    view = story_view(analysis, _articles())
    assert [a.article_id for a in view.articles] == ["a1"]
    assert view.origins[0].quotes[0].text == ""


def test_views_discrepancy_sides_cut_a_long_sentence_around_its_value() -> None:
    long = "word " * 200 + "23 people died " + "word " * 200 + "."
    one = Article(id="x1", source="x", text=long, outlet="One")
    two = Article(id="x2", source="y", text="Officials said 32 people died.", outlet="Two")
    start = long.index("23")
    clash = Discrepancy(
        "d",
        "number",
        None,
        "figure differs",
        (
            Variant("23", (Mention("x1", start, start + 2),)),
            Variant("32", (Mention("x2", 15, 17),)),
        ),
        score=0.7,
    )
    view = discrepancy_view(clash, {"x1": one, "x2": two})
    first, second = view.sides
    assert first.marked == "23" and first.before.startswith("…") and first.after.endswith("…")
    assert len(first.before + first.marked + first.after) <= QUOTE_CHARS + 2
    assert (second.before, second.marked, second.after) == (
        "Officials said ",
        "32",
        " people died.",
    )
    assert view.strength == "strong"
    assert discrepancy_view(clash, {"x1": one}).sides == ()
