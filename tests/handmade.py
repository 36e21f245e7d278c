"""Story analyses built by hand, to test the views before the analysis stages fill them.

``small_report`` is a tiny invented story with every part filled; ``demo_story``
builds a plausible analysis of the demo corpus's story A over its real
articles (shared passages found with difflib, the rest from the answer key).
``hostile_report`` fills every field a page shows with attacks; ``ranked_report``
holds two scored discrepancies, weakest first, one quoting a hostile sentence.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence

from storytrace.models import (
    Article,
    Claim,
    ClaimMention,
    Discrepancy,
    Lineage,
    Mention,
    Opinion,
    Origin,
    OwnMaterial,
    Passage,
    ProvenanceEdge,
    ProvenanceEvidence,
    RawDocument,
    Rejected,
    Removed,
    Report,
    Reuse,
    Span,
    Story,
    StoryAnalysis,
    StoryEvidence,
    Variant,
)
from storytrace.store import Store

HOSTILE = (
    '<script>alert("x")</script><img src=x onerror=alert(1)> '
    "<a href=\"javascript:alert(2)\" onclick='alert(3)'>x</a> <svg onload=alert(4)> "
    '"><b style="x">&amp; </div></p><!-- <iframe src="https://evil.example/">'
)
HOSTILE_URL = "javascript:alert(5)"


def shared_passages(source: str, target: str, minimum: int = 40) -> list[Passage]:
    """Verbatim blocks the two texts share, as passages (a stand-in for the reuse stage)."""
    matcher = difflib.SequenceMatcher(None, source, target, autojunk=False)
    return [
        Passage(Span(m.a, m.a + m.size), Span(m.b, m.b + m.size), "verbatim", 1.0)
        for m in matcher.get_matching_blocks()
        if m.size >= minimum
    ]


def reuse_of(source: Article, target: Article, passages: Sequence[Passage]) -> Reuse:
    shared = sum(p.target_span.length for p in passages)
    return Reuse(
        source.id,
        target.id,
        tuple(passages),
        shared_chars=shared,
        source_share=round(shared / max(1, len(source.text)), 4),
        target_share=round(shared / max(1, len(target.text)), 4),
    )


def own_material(article: Article, reuse: Sequence[Reuse]) -> OwnMaterial:
    covered = [False] * len(article.text)
    for record in reuse:
        for passage in record.passages:
            if record.source_id == article.id:
                span = passage.source_span
            elif record.target_id == article.id:
                span = passage.target_span
            else:
                continue
            for i in range(span.start, min(span.end, len(covered))):
                covered[i] = True
    spans, start = [], None
    for i, used in enumerate([*covered, True]):
        if not used and start is None:
            start = i
        elif used and start is not None:
            if article.text[start:i].strip():
                spans.append(Span(start, i))
            start = None
    own = sum(s.length for s in spans)
    share = round(own / max(1, len(article.text)), 4)
    return OwnMaterial(article.id, share, tuple(spans), independent=share > 0.5)


def mention_of(article: Article, needle: str, field: str = "text") -> Mention | None:
    text = (article.title or "") if field == "title" else article.text
    found = text.find(needle)
    if found < 0:
        return None
    return Mention(article.id, found, found + len(needle), "title" if field == "title" else "text")


def _claim_mention(article: Article, needle: str, hedged: bool = False) -> ClaimMention | None:
    found = mention_of(article, needle)
    if found is None:
        return None
    return ClaimMention(article.id, "text", found.start, found.end, hedged=hedged)


def small_report() -> Report:
    """Three short invented articles with every part of a story analysis filled."""
    wire = Article(
        id="a1",
        source="wire.txt",
        text="Fire broke out at the port on Friday.\nTwenty-three people were hurt, police said.\n"
        "Teams from France will help.",
        url="https://wire.example/fire",
        outlet="Wire Agency",
        title="Port fire: 23 hurt",
        published="2026-03-13T06:12:00Z",
        language="en",
        removed=(Removed("share", "Share on social media"), Removed("caption", "Photo: Wire")),
    )
    copy = Article(
        id="a2",
        source="copy.txt",
        text="Twenty-three people were hurt, police said.\nFire broke out at the port on Friday.\n"
        "Teams from Italy will help. A disgraceful cover-up is under way.",
        url="https://daily.example/fire",
        outlet="Daily Paper",
        title="Shocking port blaze",
        published="2026-03-13T09:30:00+01:00",
        language="en",
    )
    other = Article(
        id="a3",
        source="other.txt",
        text="Officials said some people might have been hurt in a fire.",
        outlet="Radio One",
        title="Fire at port",
        published="2026-03-14T10:00:00Z",
        language="en",
    )
    sentences = (
        "Fire broke out at the port on Friday.",
        "Twenty-three people were hurt, police said.",
    )
    reuse = reuse_of(
        wire,
        copy,
        [
            Passage(
                Span(wire.text.index(x), wire.text.index(x) + len(x)),
                Span(copy.text.index(x), copy.text.index(x) + len(x)),
                "verbatim",
                1.0,
            )
            for x in sentences
        ],
    )
    found = {
        "france": mention_of(wire, "Teams from France"),
        "italy": mention_of(copy, "Teams from Italy"),
        "loaded": mention_of(copy, "disgraceful cover-up"),
        "title": mention_of(copy, "Shocking", "title"),
        "cites": mention_of(copy, "police said"),
    }
    m = {k: v for k, v in found.items() if v is not None}
    analysis = StoryAnalysis(
        story=Story(
            id="s1",
            article_ids=(wire.id, copy.id, other.id),
            title="Port fire",
            first_published=wire.published,
            last_published=other.published,
            outlets=("Wire Agency", "Daily Paper", "Radio One"),
            explanation=(StoryEvidence("entity", "the port", 0.8, (m["france"],)),),
        ),
        reuse=(reuse,),
        provenance=(
            ProvenanceEdge(
                wire.id,
                copy.id,
                0.9,
                (
                    ProvenanceEvidence("time", "published 2 h 18 min later"),
                    ProvenanceEvidence("containment", "contains the wire's paragraphs"),
                ),
            ),
        ),
        origins=(
            Origin(wire.id, wire.outlet, in_corpus=True),
            Origin(None, "Port Police", in_corpus=False, cited_by=(m["cites"],)),
        ),
        lineages=(Lineage("l1", wire.id, (wire.id, copy.id)), Lineage("l2", other.id, (other.id,))),
        own=tuple(own_material(a, (reuse,)) for a in (wire, copy, other)),
        claims=(
            Claim(
                "c1",
                "Twenty-three people were hurt.",
                tuple(
                    x
                    for x in (
                        _claim_mention(wire, "Twenty-three people were hurt"),
                        _claim_mention(copy, "Twenty-three people were hurt"),
                        _claim_mention(other, "some people might have been hurt", hedged=True),
                    )
                    if x is not None
                ),
                support=3,
                independent_support=2,
            ),
            Claim(
                "c2",
                "Teams from France will help.",
                tuple(x for x in (_claim_mention(wire, "Teams from France will help"),) if x),
                support=2,
                independent_support=1,
            ),
        ),
        discrepancies=(
            Discrepancy(
                "d1",
                "entity_set",
                "c2",
                "France or Italy sends help",
                (Variant("France", (m["france"],)), Variant("Italy", (m["italy"],))),
            ),
        ),
        opinions=(Opinion(copy.id, True, ("loaded wording",), (m["loaded"], m["title"])),),
    )
    return Report(
        articles=(wire, copy, other),
        rejected=(Rejected("empty.txt", "empty file (0 bytes)"),),
        stories=(analysis,),
    )


def _by_title(articles: Sequence[Article], *words: str) -> Article | None:
    for article in articles:
        title = (article.title or "").lower()
        if all(w.lower() in title for w in words):
            return article
    return None


def demo_story(articles: Sequence[Article]) -> StoryAnalysis:
    """Story A of the demo corpus, analysed by hand after its answer key."""
    picks = {
        "A1": _by_title(articles, "chemical tanker collision", "ablaze"),
        "A3": _by_title(articles, "tanker collision sets corvenna port ablaze, 23"),
        "A4": _by_title(articles, "fog, fire and a chemical slick"),
        "A5": _by_title(articles, "brouillard"),
        "A6": _by_title(articles, "sky turned orange"),
        "A7": _by_title(articles, "32 injured"),
        "A8": _by_title(articles, "halvard spirit and pelican grace collide"),
        "A9": _by_title(articles, "no injuries reported"),
        "A10": _by_title(articles, "foreign chemical experts"),
        "A11": _by_title(articles, "no accident"),
    }
    lantern = [
        a
        for a in articles
        if a.outlet == "The Daily Lantern" and "ablaze" in (a.title or "").lower()
    ]
    wire = next(
        a for a in articles if a.outlet == "Meridian Press Agency" and "ablaze" in (a.title or "")
    )
    picks["A1"] = wire
    if lantern:
        picks["A2"] = lantern[0]
    chosen = {k: v for k, v in picks.items() if v is not None}
    order = ["A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8", "A9", "A10", "A11"]
    members = [chosen[k] for k in order if k in chosen]
    reuse = []
    edges = []
    for key, source_key in (("A2", "A1"), ("A3", "A1"), ("A4", "A1"), ("A6", "A1"), ("A7", "A1")):
        if key in chosen:
            source, target = chosen[source_key], chosen[key]
            passages = shared_passages(source.text, target.text)
            if passages:
                reuse.append(reuse_of(source, target, passages))
                evidence = [ProvenanceEvidence("time", "published later than the wire")]
                credit = mention_of(target, "Meridian Press Agency") or mention_of(target, "MPA")
                if credit is not None:
                    evidence.append(ProvenanceEvidence("attribution", "credits MPA", credit))
                edges.append(ProvenanceEdge(source.id, target.id, 0.9, tuple(evidence)))
    if "A5" in chosen and "A4" in chosen:
        first_a4 = chosen["A4"].text.split("\n", 1)[0]
        first_a5 = chosen["A5"].text.split("\n", 1)[0]
        passage = Passage(Span(0, len(first_a4)), Span(0, len(first_a5)), "paraphrase", 0.82)
        reuse.append(reuse_of(chosen["A4"], chosen["A5"], [passage]))
        edges.append(
            ProvenanceEdge(
                chosen["A4"].id,
                chosen["A5"].id,
                0.7,
                (ProvenanceEvidence("chain", "French translation of the Riverton Post's copy"),),
            )
        )
    lineage = tuple(
        a.id for a in members if a.id == wire.id or any(e.target_id == a.id for e in edges)
    )
    lineages = [Lineage("l1", wire.id, lineage)]
    lineages += [
        Lineage(f"l{n + 2}", a.id, (a.id,))
        for n, a in enumerate(m for m in members if m.id not in lineage)
    ]
    hurt: list[ClaimMention] = []
    for article in members:
        for needle in (
            "At least 23 people",
            "at least 23 people",
            "Twenty-three people",
            "23 people",
        ):
            found = _claim_mention(article, needle)
            if found is not None:
                hurt.append(found)
                break
    countries = [
        x
        for x in (
            _claim_mention(chosen[k], "Norway, Denmark and Germany") if k in chosen else None
            for k in ("A1", "A2", "A3", "A4")
        )
        if x
    ]
    variants = []
    if "A7" in chosen:
        thirty_two = mention_of(chosen["A7"], "At least 32 people")
        if thirty_two:
            variants.append(Variant("32", (thirty_two,)))
    if hurt:
        variants.insert(
            0, Variant("23", tuple(Mention(h.article_id, h.start, h.end) for h in hurt))
        )
    sweden = mention_of(chosen["A7"], "Norway, Sweden and Germany") if "A7" in chosen else None
    discrepancies = [Discrepancy("d1", "number", "c1", "23 or 32 people hurt", tuple(variants))]
    if sweden and countries:
        discrepancies.append(
            Discrepancy(
                "d2",
                "entity_set",
                "c2",
                "Denmark or Sweden sends a response team",
                (
                    Variant(
                        "Norway, Denmark, Germany",
                        tuple(Mention(c.article_id, c.start, c.end) for c in countries),
                    ),
                    Variant("Norway, Sweden, Germany", (sweden,)),
                ),
            )
        )
    opinions = []
    if "A11" in chosen:
        loaded = [
            x
            for x in (
                mention_of(chosen["A11"], w) for w in ("reckless", "cover-up", "skeleton crews")
            )
            if x
        ]
        opinions.append(
            Opinion(chosen["A11"].id, True, ("headline starts with 'Opinion:'",), tuple(loaded))
        )
    dated = sorted(a.published for a in members if a.published)
    return StoryAnalysis(
        story=Story(
            id="story-a",
            article_ids=tuple(a.id for a in members),
            title="Chemical tanker collision sets Corvenna port ablaze",
            first_published=dated[0] if dated else None,
            last_published=dated[-1] if dated else None,
            outlets=tuple(dict.fromkeys(a.outlet or a.id for a in members)),
        ),
        reuse=tuple(reuse),
        provenance=tuple(edges),
        origins=(Origin(wire.id, wire.outlet, in_corpus=True),),
        lineages=tuple(lineages),
        own=tuple(own_material(a, reuse) for a in members),
        claims=(
            Claim("c1", "At least 23 people were taken to hospital.", tuple(hurt), len(hurt), 2),
            Claim(
                "c2",
                "Response teams come from Norway, Denmark and Germany.",
                tuple(countries),
                len(countries),
                1,
            ),
        ),
        discrepancies=tuple(discrepancies),
        opinions=tuple(opinions),
    )


def demo_story_b(articles: Sequence[Article]) -> StoryAnalysis | None:
    """Story B of the demo: two articles whose origin (the Corvenna Ledger) is only cited."""
    strike = _by_title(articles, "dock workers walk out")
    ends = _by_title(articles, "strike ends early")
    if strike is None or ends is None:
        return None
    cited = [
        m for m in (mention_of(strike, "Corvenna Ledger"), mention_of(ends, "Corvenna Ledger")) if m
    ]
    return StoryAnalysis(
        story=Story(
            id="story-b",
            article_ids=(strike.id, ends.id),
            title="Sander Quay dock workers' strike",
            first_published=strike.published,
            last_published=ends.published,
            outlets=tuple(a.outlet or a.id for a in (strike, ends)),
        ),
        origins=(Origin(None, "Corvenna Ledger", in_corpus=False, cited_by=tuple(cited)),),
    )


def hostile_report() -> Report:
    """Every shown field holds markup, scripts and ``javascript:`` links."""
    base = small_report()
    articles = tuple(
        Article(
            id=a.id,
            source=HOSTILE,
            text=a.text + "\n" + HOSTILE,
            url=HOSTILE_URL,
            outlet=HOSTILE,
            title=HOSTILE,
            byline=HOSTILE,
            published=HOSTILE,
            language='en" onmouseover="alert(6)',
            removed=(Removed("caption", HOSTILE), Removed("share", HOSTILE)),
        )
        for a in base.articles
    )
    analysis = base.stories[0]
    story = analysis.story
    hostile_story = Story(
        id=story.id,
        article_ids=story.article_ids,
        title=HOSTILE,
        first_published=HOSTILE,
        last_published=HOSTILE,
        outlets=(HOSTILE,),
        explanation=(StoryEvidence("entity", HOSTILE, 0.5),),
    )
    claims = tuple(
        Claim(c.id, HOSTILE, c.mentions, c.support, c.independent_support) for c in analysis.claims
    )
    discrepancies = tuple(
        Discrepancy(
            d.id,
            d.kind,
            d.claim_id,
            HOSTILE,
            tuple(Variant(HOSTILE, v.mentions) for v in d.variants),
        )
        for d in analysis.discrepancies
    )
    origins = tuple(
        Origin(o.article_id, HOSTILE, o.in_corpus, o.cited_by) for o in analysis.origins
    )
    provenance = tuple(
        ProvenanceEdge(
            e.source_id, e.target_id, e.confidence, (ProvenanceEvidence("attribution", HOSTILE),)
        )
        for e in analysis.provenance
    )
    opinions = tuple(Opinion(o.article_id, True, (HOSTILE,), o.loaded) for o in analysis.opinions)
    hostile = StoryAnalysis(
        story=hostile_story,
        reuse=analysis.reuse,
        provenance=provenance,
        origins=origins,
        lineages=tuple(Lineage(x.id, HOSTILE, x.article_ids) for x in analysis.lineages),
        own=analysis.own,
        claims=claims,
        discrepancies=discrepancies,
        opinions=opinions,
    )
    return Report(articles=articles, rejected=(Rejected(HOSTILE, HOSTILE),), stories=(hostile,))


def fill_store(store: Store, report: Report) -> None:
    """Save a report's articles (as their own inputs) and stories into a store."""
    store.save_run(
        inputs=[a.source for a in report.articles],
        articles=report.articles,
        documents={a.id: RawDocument(a.source, a.text, "text") for a in report.articles},
        rejected=report.rejected,
        started_at="2026-03-15T00:00:00Z",
    )
    store.save_stories(report.stories)


def two_story_report() -> Report:
    """The small report plus a second, one-article story (for merges and moves)."""
    base = small_report()
    lone = Article(
        id="b1",
        source="lone.txt",
        text="The harbour reopened on Monday.",
        outlet="Harbour News",
        title="Harbour reopens",
        published="2026-03-16T08:00:00Z",
        language="en",
    )
    second = StoryAnalysis(
        Story(
            id="s2",
            article_ids=("b1",),
            title="Harbour reopens",
            first_published=lone.published,
            last_published=lone.published,
            outlets=("Harbour News",),
        )
    )
    return Report(
        articles=(*base.articles, lone), rejected=base.rejected, stories=(*base.stories, second)
    )


def ranked_report() -> Report:
    """Two discrepancies stored weakest first, the strong one with hostile sentences."""
    hostile = "<script>alert(1)</script> said 23 <b>people</b> died. Later news."
    first = Article(id="h1", source="x", text=hostile, outlet="<i>Wire</i>")
    second = Article(id="h2", source="y", text="Police said 32 people died.", outlet="Daily")
    weak = Discrepancy(
        "discrepancy-2",
        "place",
        None,
        "place named differs",
        (Variant("Wire", (Mention("h1", 0, 1),)), Variant("Daily", (Mention("h2", 0, 1),))),
        score=0.2,
    )
    strong = Discrepancy(
        "discrepancy-1",
        "number",
        None,
        "figure for people/killed differs",
        (Variant("23", (Mention("h1", 31, 33),)), Variant("32", (Mention("h2", 12, 14),))),
        facet="people/killed",
        score=0.9,
        reasons=("a count of people",),
    )
    story = StoryAnalysis(Story("s", ("h1", "h2")), discrepancies=(weak, strong))
    return Report(articles=(first, second), stories=(story,))
