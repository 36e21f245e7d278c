"""Where a story came from: articles nobody in the corpus copied from, and outlets only cited.

Two kinds of origin:

- an **article** of the story that others derive from (it has outgoing
  derivation edges and no incoming ones) and that does not itself credit an
  outlet missing from the corpus;
- a **cited outlet**: an outlet that at least ``cited_origin_min_articles``
  articles credit (counting a credit copied along with its sentence once),
  one of them for the story rather than a quote ("X reported", not "a
  witness told X"), and that no article of the story comes from
  (``in_corpus`` false). All its names are one outlet
  (:class:`~storytrace.reuse.outlet_identity.OutletDirectory`: "Middle East
  Eye", "the MEE", "middleeasteye.net", its French edition), and an acronym
  no full name explains is dropped unless it is a known outlet or an outlet
  of the story.

Credits of an outlet that *is* in the story are added to that article's origin
entry as ``cited_by``. Origins come most-cited first.

>>> from storytrace.models import Article, Mention
>>> from storytrace.reuse.attribution import Attribution
>>> credits = {
...     "a": (Attribution("Middle East Eye", "reported", Mention("a", 0, 15)),),
...     "b": (Attribution("MEE", "told", Mention("b", 9, 12)),),
... }
>>> arts = [Article("a", "a", "t"), Article("b", "b", "t")]
>>> [(o.outlet, o.in_corpus, len(o.cited_by)) for o in find_origins(arts, (), credits,
...     settings=ReuseSettings())]
[('Middle East Eye', False, 2)]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from storytrace.models import Article, Mention, Origin, Passage, ProvenanceEdge, Reuse, Span
from storytrace.reuse.attribution import Attribution
from storytrace.reuse.direction import publication_order
from storytrace.reuse.outlet_identity import OutletDirectory
from storytrace.reuse.outlet_names import acronym, is_known_outlet, outlet_key
from storytrace.reuse.settings import ReuseSettings


@dataclass(frozen=True, slots=True)
class CitedOutlet:
    """One outlet credited in a story, under one display name, with who credits it.

    ``citations`` counts distinct citations: a credit copied with the text around
    it counts once, however many reprints carry it. ``story_level_ids`` are the
    articles that credit the story to it, not just a quote.
    """

    outlet: str
    article_ids: tuple[str, ...]
    mentions: tuple[Mention, ...]
    in_corpus_article: str | None
    citations: int
    story_level_ids: tuple[str, ...]


def story_outlets(
    articles: Sequence[Article], credits: Mapping[str, Sequence[Attribution]]
) -> OutletDirectory:
    """The outlets of a story: its articles' sites and names and every name credited."""
    return OutletDirectory.build(articles, [c.outlet for a in articles
                                            for c in credits.get(a.id, ())])  # fmt: skip


def _explained(name: str, group: Sequence[str]) -> bool:
    """An acronym counts only with a full name beside it, or as a known outlet."""
    if not (name.isupper() and " " not in name):
        return True
    if is_known_outlet(name):
        return True
    return any(acronym(other) == outlet_key(name) for other in group if other != name)


COPIED_CREDIT_SHIFT = 40
"""Characters a copied credit may move within its passage (small edits before it)."""


def _copied_citations(
    credits: Mapping[str, Sequence[Attribution]],
    reuses: Iterable[Reuse],
    outlets: OutletDirectory,
) -> dict[Mention, Mention]:
    """For each credit inside a copied passage whose other side credits the same outlet at
    the same place, a link to that other credit (union-find parents)."""
    parent: dict[Mention, Mention] = {}

    def find(item: Mention) -> Mention:
        while parent.get(item, item) != item:
            item = parent[item]
        return item

    def inside(mention: Mention, span: Span) -> bool:
        return mention.field == "text" and span.start <= mention.start and mention.end <= span.end

    def same_place(copied: Mention, original: Mention, passage: Passage) -> bool:
        # A credit copied with its sentence sits where the original sits in the
        # passage; two outlets crediting one source in their own words do not.
        shift = (copied.start - passage.target_span.start) - (
            original.start - passage.source_span.start
        )
        return abs(shift) <= COPIED_CREDIT_SHIFT

    for reuse in reuses:
        for passage in reuse.passages:
            for copied in credits.get(reuse.target_id, ()):
                if not inside(copied.mention, passage.target_span):
                    continue
                for original in credits.get(reuse.source_id, ()):
                    if (
                        inside(original.mention, passage.source_span)
                        and _same_outlet(outlets, copied.outlet, original.outlet)
                        and same_place(copied.mention, original.mention, passage)
                    ):
                        parent[find(copied.mention)] = find(original.mention)
    return {mention: find(mention) for mention in parent}


def _same_outlet(outlets: OutletDirectory, first: str, second: str) -> bool:
    identity = outlets.identity_of_name(first)
    return identity is not None and identity == outlets.identity_of_name(second)


def cited_outlets(
    articles: Sequence[Article],
    credits: Mapping[str, Sequence[Attribution]],
    outlets: OutletDirectory,
    reuses: Iterable[Reuse] = (),
) -> list[CitedOutlet]:
    """Every outlet credited in the story, one per outlet identity, with its citing articles.

    A credit copied along with the passage around it ("..., the Daily News
    reported" in a reprint) is the same citation as the one it was copied
    from: ``citations`` counts citations, not copies of one. An outlet that
    published an article of the story is in the corpus (``in_corpus_article``:
    its earliest article), whatever name the credits use for it.
    """
    copied = _copied_citations(credits, reuses, outlets)
    grouped: dict[int, list[Attribution]] = {}
    for article in articles:
        for attribution in credits.get(article.id, ()):
            identity = outlets.identity_of_name(attribution.outlet)
            if identity is not None:
                grouped.setdefault(identity, []).append(attribution)
    by_id = {a.id: a for a in articles}
    result: list[CitedOutlet] = []
    for identity, attributions in grouped.items():
        names = outlets.identities[identity].names
        members = [by_id[i] for i in outlets.identities[identity].article_ids if i in by_id]
        if not members and not any(_explained(a.outlet, names) for a in attributions):
            continue
        member_ids = {m.id for m in members}
        citing = [a for a in attributions if a.mention.article_id not in member_ids]
        if not citing:
            continue
        result.append(
            CitedOutlet(
                outlet=outlets.display(identity),
                article_ids=tuple(sorted({a.mention.article_id for a in citing})),
                mentions=tuple(a.mention for a in citing),
                in_corpus_article=min(members, key=publication_order).id if members else None,
                citations=len({copied.get(a.mention, a.mention) for a in citing}),
                story_level_ids=tuple(sorted({a.mention.article_id for a in citing
                                              if a.story_level})),
            )
        )  # fmt: skip
    return result


def is_cited_origin(cited: CitedOutlet, settings: ReuseSettings) -> bool:
    """Whether a credited outlet is reported as an origin missing from the corpus."""
    return (
        cited.in_corpus_article is None
        and len(cited.article_ids) >= settings.cited_origin_min_articles
        and cited.citations >= settings.cited_origin_min_articles
        and bool(cited.story_level_ids)
    )


def find_origins(
    articles: Sequence[Article],
    edges: Sequence[ProvenanceEdge],
    credits: Mapping[str, Sequence[Attribution]],
    *,
    settings: ReuseSettings,
    outlets: OutletDirectory | None = None,
    reuses: Iterable[Reuse] = (),
) -> tuple[Origin, ...]:
    """The story's origins: root articles of the derivation graph and outlets only cited."""
    outlets = outlets or story_outlets(articles, credits)
    cited = cited_outlets(articles, credits, outlets, reuses)
    outside = [c for c in cited if is_cited_origin(c, settings)]
    outside_citers = {i for c in outside for i in c.article_ids}
    targets = {e.target_id for e in edges}
    sources = {e.source_id for e in edges}
    by_id = {a.id: a for a in articles}
    roots = [i for i in sorted(sources - targets) if i not in outside_citers]
    cited_in = {c.in_corpus_article: c for c in cited if c.in_corpus_article is not None}
    origins: list[tuple[int, Origin]] = []
    for root in sorted(set(roots) | (set(cited_in) - targets)):
        mentions = cited_in[root].mentions if root in cited_in else ()
        descendants = sum(1 for e in edges if e.source_id == root)
        weight = descendants + len({m.article_id for m in mentions})
        origins.append((weight, Origin(root, outlets.outlet_name(by_id[root]), True, mentions)))
    for outlet in outside:
        origins.append((outlet.citations, Origin(None, outlet.outlet, False, outlet.mentions)))
    origins.sort(key=lambda item: (-item[0], item[1].article_id or "", item[1].outlet or ""))
    return tuple(origin for _, origin in origins)
