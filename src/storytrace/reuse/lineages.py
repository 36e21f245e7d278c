"""Lineages: the articles that derive from one origin, so that forty reprints count once.

Articles are joined along derivation edges and copy relations (two articles
that reproduce each other's wording share a source even when nobody can tell
who copied whom), and an article that credits the story to an origin outlet
missing from the corpus joins that outlet's lineage. Every
article is in exactly one lineage; an article that derives from nothing and
that nothing derives from is a lineage of its own. The root is the origin
article, or the cited outlet's name for an origin missing from the corpus
(look it up in the story's origins by ``outlet``).

>>> from storytrace.models import Article, ProvenanceEdge
>>> arts = [Article(i, i, "t") for i in ("a", "b", "c")]
>>> [(x.root, x.article_ids) for x in build_lineages(arts, [ProvenanceEdge("a", "b", 0.9)], ())]
[('a', ('a', 'b')), ('c', ('c',))]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from storytrace.models import Article, Lineage, Origin, ProvenanceEdge
from storytrace.reuse.direction import publication_order


class _Groups:
    """Union-find over article ids and origin outlet names."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, item: str) -> str:
        self.parent.setdefault(item, item)
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, first: str, second: str) -> None:
        self.parent[self.find(first)] = self.find(second)


def build_lineages(
    articles: Sequence[Article],
    edges: Sequence[ProvenanceEdge],
    origins: Sequence[Origin],
    joins: Mapping[str, str] | None = None,
    copies: Iterable[tuple[str, str]] = (),
) -> tuple[Lineage, ...]:
    """One lineage per group of articles that derive from one origin.

    ``joins`` maps an article id to the outlet (an origin missing from the
    corpus, as named in ``origins``) whose lineage it joins because it credits
    the story to it; ``copies`` lists pairs that reproduce each other's wording
    (a copy or rewrite relation) even where no derivation edge says who copied
    whom: two reprints of one missing origin are one source, not two.
    """
    groups = _Groups()
    ids = [a.id for a in articles]
    for article_id in ids:
        groups.find(article_id)
    for edge in edges:
        groups.union(edge.target_id, edge.source_id)
    for first, second in copies:
        groups.union(first, second)
    outside = [o for o in origins if not o.in_corpus and o.outlet]
    for article_id, outlet in sorted((joins or {}).items()):
        if any(o.outlet == outlet for o in outside):
            groups.union(article_id, f"\x00{outlet}")
    members: dict[str, list[str]] = {}
    for article_id in ids:
        members.setdefault(groups.find(article_id), []).append(article_id)
    by_id = {a.id: a for a in articles}
    targets = {e.target_id for e in edges}
    lineages: list[tuple[str, tuple[str, ...]]] = []
    for group, article_ids in members.items():
        cited = [o.outlet for o in outside if o.outlet and groups.find(f"\x00{o.outlet}") == group]
        if cited:
            root = cited[0]
        else:
            candidates = [by_id[i] for i in article_ids if i not in targets] or [
                by_id[i] for i in article_ids
            ]
            root = min(candidates, key=publication_order).id
        lineages.append((root, tuple(article_ids)))
    lineages.sort(key=lambda item: (-len(item[1]), item[0]))
    return tuple(
        Lineage(f"lineage-{number}", root, article_ids)
        for number, (root, article_ids) in enumerate(lineages, start=1)
    )
