"""Side by side: two articles' texts with their shared passages in matching colours.

Each article of a story is annotated once (:func:`annotate_texts`): its text is
cut into segments that carry every passage it shares with any other article
(as ``pair:number`` links), its own material and its loaded wording. A
comparison of two articles (:func:`compare_articles`) then only picks the pair:
passage ``n`` of the pair has colour ``n`` on both sides, wherever it sits in
each text, so reordered, cut or moved paragraphs still line up by colour.

>>> from storytrace.models import Article, Passage, Reuse, Span, Story, StoryAnalysis
>>> a = Article(id="a", source="a.txt", text="Fire at the port. Two hurt.")
>>> b = Article(id="b", source="b.txt", text="Two hurt. Fire at the port.")
>>> reuse = Reuse("a", "b", (Passage(Span(0, 17), Span(10, 27), "verbatim", 1.0),
...     Passage(Span(18, 27), Span(0, 9), "verbatim", 1.0)), 26, 0.96, 0.96)
>>> analysis = StoryAnalysis(Story("s", ("a", "b")), reuse=(reuse,))
>>> pair = compare_articles(analysis, {"a": a, "b": b}, "a", "b")
>>> [(s.text, s.link_for(0).number) for s in pair.right.paragraphs[0].segments if s.links]
[('Two hurt.', 2), ('Fire at the port.', 1)]
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from storytrace.errors import ConfigurationError, NotFoundError
from storytrace.models import (
    RELATION_LABELS,
    Article,
    Passage,
    PassageKind,
    Reuse,
    Span,
    StoryAnalysis,
)
from storytrace.report.segments import Mark, Paragraph, PassageLink, Segment, cut_segments, cut_text

EXCERPT_CHARS = 300
"""Longest quotation of a passage in a comparison's list of passages."""


@dataclass(frozen=True, slots=True)
class PairLink:
    """Another article of the story this one shares passages with, and through which pair."""

    other: int
    pair: int


@dataclass(frozen=True, slots=True)
class AnnotatedText:
    """One article's title and text cut into highlighted segments.

    ``index`` is the article's place in its story; ``pairs`` lists the reuse
    records (by index) that link it to other articles of the story.
    """

    index: int
    article_id: str
    outlet: str | None
    title: str | None
    published: str | None
    own_share: float | None
    title_segments: tuple[Segment, ...]
    paragraphs: tuple[Paragraph, ...]
    pairs: tuple[PairLink, ...]

    @property
    def pair_tokens(self) -> str:
        """The pairs as ``other:pair`` words, for the comparison script."""
        return " ".join(f"{p.other}:{p.pair}" for p in self.pairs)


@dataclass(frozen=True, slots=True)
class PairSummary:
    """What one reuse record says, with both articles placed in the story."""

    pair: int
    source_id: str
    target_id: str
    source_index: int
    target_index: int
    source_outlet: str | None
    target_outlet: str | None
    passages: int
    shared_chars: int
    source_share: float
    target_share: float
    relation: str = "copy"
    relation_evidence: str = ""


@dataclass(frozen=True, slots=True)
class PairPassage:
    """One numbered passage of a comparison, quoted from both sides."""

    number: int
    kind: PassageKind
    similarity: float
    left_start: int
    left_end: int
    right_start: int
    right_end: int
    left_text: str
    right_text: str


@dataclass(frozen=True, slots=True)
class Comparison:
    """Two articles side by side; ``pair`` is ``None`` when they share no passage."""

    left: AnnotatedText
    right: AnnotatedText
    pair: PairSummary | None
    passages: tuple[PairPassage, ...]


def numbered_passages(reuse: Reuse) -> list[tuple[int, Passage]]:
    """A reuse record's passages numbered from 1 in reading order of the source."""
    ordered = sorted(reuse.passages, key=lambda p: (p.source_span.start, p.target_span.start))
    return list(enumerate(ordered, start=1))


def _story_reuse(analysis: StoryAnalysis) -> list[tuple[int, Reuse]]:
    """The reuse records between two different articles of the story, with their index."""
    members = set(analysis.story.article_ids)
    return [
        (i, r)
        for i, r in enumerate(analysis.reuse)
        if r.source_id in members and r.target_id in members and r.source_id != r.target_id
    ]


def _marks(article_id: str, analysis: StoryAnalysis) -> tuple[list[Mark], list[Mark]]:
    """Text marks and title marks of one article."""
    text_marks: list[Mark] = []
    title_marks: list[Mark] = []
    for pair, reuse in _story_reuse(analysis):
        if article_id not in (reuse.source_id, reuse.target_id):
            continue
        for number, passage in numbered_passages(reuse):
            span = passage.source_span if reuse.source_id == article_id else passage.target_span
            link = PassageLink(pair, number, passage.kind)
            text_marks.append(Mark(span.start, span.end, "passage", link))
    for own in analysis.own:
        if own.article_id == article_id:
            text_marks += [Mark(s.start, s.end, "own") for s in own.own_spans]
    for opinion in analysis.opinions:
        if opinion.article_id == article_id:
            for mention in opinion.loaded:
                marks = title_marks if mention.field == "title" else text_marks
                marks.append(Mark(mention.start, mention.end, "loaded"))
    return text_marks, title_marks


def annotate_text(
    article: Article, analysis: StoryAnalysis | None = None, *, index: int = 0
) -> AnnotatedText:
    """One article annotated with what its story analysis found (plain without one)."""
    text_marks: list[Mark] = []
    title_marks: list[Mark] = []
    pairs: list[PairLink] = []
    own_share = None
    if analysis is not None:
        text_marks, title_marks = _marks(article.id, analysis)
        position = {a: i for i, a in enumerate(analysis.story.article_ids)}
        for pair, reuse in _story_reuse(analysis):
            if article.id in (reuse.source_id, reuse.target_id):
                other = reuse.target_id if reuse.source_id == article.id else reuse.source_id
                pairs.append(PairLink(position[other], pair))
        own_share = next((o.own_share for o in analysis.own if o.article_id == article.id), None)
    title = article.title or ""
    return AnnotatedText(
        index=index,
        article_id=article.id,
        outlet=article.outlet,
        title=article.title,
        published=article.published,
        own_share=own_share,
        title_segments=cut_segments(title, 0, len(title), title_marks) if title else (),
        paragraphs=cut_text(article.text, text_marks),
        pairs=tuple(pairs),
    )


def annotate_texts(
    analysis: StoryAnalysis, articles: Mapping[str, Article]
) -> tuple[AnnotatedText, ...]:
    """Every article of the story (that ``articles`` holds), annotated, in story order."""
    return tuple(
        annotate_text(articles[article_id], analysis, index=i)
        for i, article_id in enumerate(analysis.story.article_ids)
        if article_id in articles
    )


def default_pair(analysis: StoryAnalysis) -> tuple[str, str] | None:
    """The two articles best worth comparing first: the pair sharing the most text."""
    found = _story_reuse(analysis)
    if found:
        _, reuse = max(found, key=lambda item: (item[1].shared_chars, -item[0]))
        return reuse.source_id, reuse.target_id
    ids = analysis.story.article_ids
    return (ids[0], ids[1]) if len(ids) > 1 else None


def _excerpt(text: str, span: Span) -> str:
    piece = " ".join(text[span.start : span.end].split())
    return piece if len(piece) <= EXCERPT_CHARS else piece[: EXCERPT_CHARS - 1] + "…"


def compare_articles(
    analysis: StoryAnalysis, articles: Mapping[str, Article], left_id: str, right_id: str
) -> Comparison:
    """Two articles of one story side by side, their shared passages numbered alike."""
    ids = analysis.story.article_ids
    for article_id in (left_id, right_id):
        if article_id not in ids or article_id not in articles:
            raise NotFoundError(
                f"article {article_id} is not in story {analysis.story.id}; "
                f"choose among {', '.join(ids)}"
            )
    if left_id == right_id:
        raise ConfigurationError(
            f"cannot compare article {left_id} with itself; choose two different articles"
        )
    position = {a: i for i, a in enumerate(ids)}
    left = annotate_text(articles[left_id], analysis, index=position[left_id])
    right = annotate_text(articles[right_id], analysis, index=position[right_id])
    found = next(
        (
            (i, r)
            for i, r in _story_reuse(analysis)
            if {r.source_id, r.target_id} == {left_id, right_id}
        ),
        None,
    )
    if found is None:
        return Comparison(left, right, None, ())
    pair, reuse = found
    forward = reuse.source_id == left_id
    passages = []
    for number, passage in numbered_passages(reuse):
        left_span = passage.source_span if forward else passage.target_span
        right_span = passage.target_span if forward else passage.source_span
        passages.append(
            PairPassage(
                number=number,
                kind=passage.kind,
                similarity=passage.similarity,
                left_start=left_span.start,
                left_end=left_span.end,
                right_start=right_span.start,
                right_end=right_span.end,
                left_text=_excerpt(articles[left_id].text, left_span),
                right_text=_excerpt(articles[right_id].text, right_span),
            )
        )
    return Comparison(left, right, _summary(pair, reuse, position, articles), tuple(passages))


def pair_summaries(
    analysis: StoryAnalysis, articles: Mapping[str, Article]
) -> tuple[PairSummary, ...]:
    """Every reuse record of the story, described, in record order."""
    position = {a: i for i, a in enumerate(analysis.story.article_ids)}
    return tuple(_summary(i, r, position, articles) for i, r in _story_reuse(analysis))


def _outlet(article_id: str, articles: Mapping[str, Article]) -> str | None:
    article = articles.get(article_id)
    return article.outlet if article else None


def _summary(
    pair: int, reuse: Reuse, position: Mapping[str, int], articles: Mapping[str, Article]
) -> PairSummary:
    return PairSummary(
        pair=pair,
        source_id=reuse.source_id,
        target_id=reuse.target_id,
        source_index=position[reuse.source_id],
        target_index=position[reuse.target_id],
        source_outlet=_outlet(reuse.source_id, articles),
        target_outlet=_outlet(reuse.target_id, articles),
        passages=len(reuse.passages),
        shared_chars=reuse.shared_chars,
        source_share=reuse.source_share,
        target_share=reuse.target_share,
        relation=RELATION_LABELS[reuse.relation],
        relation_evidence="; ".join(reuse.relation_evidence),
    )
