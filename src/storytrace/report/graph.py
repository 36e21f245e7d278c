"""The provenance graph of a story, laid out on the server as coordinates for SVG.

No script draws it, so it works offline, in a saved file and on paper. Nodes
are articles plus the origins that are only cited (not in the corpus); edges
are "copied from" (with the share of the copy's text reused and the kinds of
evidence) and "cites" (from a cited origin to the articles naming it).
Generations run left to right: an article sits one column after its latest
source, so copies of copies come after copies; a column grows downwards, so a
story with many copies scrolls like a page. Each edge's label sits just before
its target, where no other label can be.

>>> from storytrace.models import Article, ProvenanceEdge, Story, StoryAnalysis
>>> a = Article(id="a", source="a", text="x", outlet="MPA")
>>> b = Article(id="b", source="b", text="x", outlet="Daily")
>>> story = StoryAnalysis(Story("s", ("a", "b")), provenance=(ProvenanceEdge("a", "b", 0.9),))
>>> graph = layout_graph(story, {"a": a, "b": b})
>>> [(n.label, n.generation) for n in graph.nodes]
[('MPA', 0), ('Daily', 1)]
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from storytrace.models import Article, Origin, ProvenanceEdge, Reuse, StoryAnalysis
from storytrace.report.timeline import short_time

NODE_WIDTH = 200
NODE_HEIGHT = 54
GAP_X = 200
"""Room between columns for the edges' labels."""
GAP_Y = 18
MARGIN = 16
LABEL_GAP = 8
LABEL_LINE = 14
LABEL_CHARS = 24
PALETTE_SIZE = 8
"""Lineage colours cycle through this many colour-blind-safe tints (CSS ``lin-1`` ...)."""

NodeKind = Literal["article", "cited"]
EdgeKind = Literal["copy", "cites"]


@dataclass(frozen=True, slots=True)
class GraphNode:
    """A box in the graph: an article (``article_id``) or an origin only cited."""

    key: str
    kind: NodeKind
    article_id: str | None
    label: str
    full_label: str
    detail: str
    is_origin: bool
    lineage: str | None
    colour: int | None
    generation: int
    x: int
    y: int
    width: int
    height: int


@dataclass(frozen=True, slots=True)
class GraphEdge:
    """An arrow from ``source`` to ``target`` (node keys), drawn as the SVG path ``path``."""

    source: str
    target: str
    kind: EdgeKind
    label: str
    details: tuple[str, ...]
    confidence: float | None
    share: float | None
    path: str
    label_x: int
    label_y: int


@dataclass(frozen=True, slots=True)
class Graph:
    """A laid-out provenance graph; ``key`` makes its SVG ids unique in a page."""

    key: str
    width: int
    height: int
    nodes: tuple[GraphNode, ...]
    edges: tuple[GraphEdge, ...]


def _truncate(text: str, size: int = LABEL_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[: size - 1] + "…"


def reused_share(edge_source: str, edge_target: str, reuse: tuple[Reuse, ...]) -> float | None:
    """The part of the copy's text found in its source, from the pair's reuse record."""
    for record in reuse:
        if (record.source_id, record.target_id) == (edge_source, edge_target):
            return record.target_share
        if (record.source_id, record.target_id) == (edge_target, edge_source):
            return record.source_share
    return None


def _generations(keys: list[str], parents: Mapping[str, list[str]]) -> dict[str, int]:
    """Longest distance from a node with no parent; edges closing a cycle are ignored."""
    depth: dict[str, int] = {}
    for root in keys:
        if root in depth:
            continue
        stack: list[tuple[str, int]] = [(root, 0)]
        on_path: set[str] = set()
        while stack:
            key, state = stack.pop()
            if state == 0:
                if key in depth or key in on_path:
                    continue
                on_path.add(key)
                stack.append((key, 1))
                stack += [(p, 0) for p in parents.get(key, []) if p not in on_path]
            else:
                on_path.discard(key)
                known = [depth[p] for p in parents.get(key, []) if p in depth]
                depth[key] = max(known, default=-1) + 1
    return depth


def _edge_path(source: GraphNode, target: GraphNode) -> str:
    """A curve from the source's right side to the target's left side."""
    x1, y1 = source.x + source.width, source.y + source.height // 2
    x2, y2 = target.x, target.y + target.height // 2
    if x2 > x1:
        bend = (x2 - x1) // 2
        return f"M{x1},{y1} C{x1 + bend},{y1} {x2 - bend},{y2} {x2},{y2}"
    # Cycles in bad data: loop around below both boxes rather than cross them.
    below = max(source.y, target.y) + source.height + GAP_Y
    return f"M{x1},{y1} C{x1 + GAP_X // 2},{below} {x2 - GAP_X // 2},{below} {x2},{y2}"


def _percent(value: float) -> str:
    return f"{value:.0%}"


class _Builder:
    """Collects the nodes and edges of one story before placing them."""

    def __init__(self, analysis: StoryAnalysis, articles: Mapping[str, Article]) -> None:
        self.analysis = analysis
        self.articles = articles
        self.members = [a for a in analysis.story.article_ids if a in articles]
        member_set = set(self.members)
        self.cited: list[Origin] = [o for o in analysis.origins if not o.in_corpus]
        self.origin_ids = {o.article_id for o in analysis.origins if o.in_corpus}
        self.lineage_of: dict[str, tuple[str, int]] = {}
        for number, lineage in enumerate(analysis.lineages):
            for article_id in lineage.article_ids:
                self.lineage_of.setdefault(
                    article_id, (f"L{number + 1}", number % PALETTE_SIZE + 1)
                )
        self.copies: list[ProvenanceEdge] = [
            e
            for e in analysis.provenance
            if e.source_id in member_set
            and e.target_id in member_set
            and e.source_id != e.target_id
        ]
        has_source = {e.target_id for e in self.copies}
        self.cites: list[tuple[str, str]] = []
        for number, origin in enumerate(self.cited):
            citing = [a for a in dict.fromkeys(m.article_id for m in origin.cited_by)]
            citing = [a for a in citing if a in member_set]
            # Copies reach the cited origin through their own source: one arrow per root.
            roots = [a for a in citing if a not in has_source] or citing
            self.cites += [(_cited_key(number), _article_key(a)) for a in roots]
        self.keys = [_cited_key(n) for n in range(len(self.cited))]
        self.keys += [_article_key(a) for a in self.members]
        self.parents: dict[str, list[str]] = {k: [] for k in self.keys}
        for edge in self.copies:
            self.parents[_article_key(edge.target_id)].append(_article_key(edge.source_id))
        for source, target in self.cites:
            self.parents[target].append(source)

    def node(self, key: str, x: int, y: int, generation: int) -> GraphNode:
        if key.startswith("o:"):
            name = self.cited[int(key[2:])].outlet or "unnamed source"
            return GraphNode(
                key=key,
                kind="cited",
                article_id=None,
                label=_truncate(name),
                full_label=name,
                detail="cited, not in corpus",
                is_origin=True,
                lineage=None,
                colour=None,
                generation=generation,
                x=x,
                y=y,
                width=NODE_WIDTH,
                height=NODE_HEIGHT,
            )
        article = self.articles[key[2:]]
        name = article.outlet or article.id
        lineage, colour = self.lineage_of.get(article.id, (None, None))
        is_origin = article.id in self.origin_ids
        parts = ["origin"] if is_origin else []
        parts.append(short_time(article.published))
        if lineage:
            parts.append(lineage)
        return GraphNode(
            key=key,
            kind="article",
            article_id=article.id,
            label=_truncate(name),
            full_label=f"{name}: {article.title}" if article.title else name,
            detail=" · ".join(parts),
            is_origin=is_origin,
            lineage=lineage,
            colour=colour,
            generation=generation,
            x=x,
            y=y,
            width=NODE_WIDTH,
            height=NODE_HEIGHT,
        )

    def place(self) -> dict[str, GraphNode]:
        generation = _generations(self.keys, self.parents)
        linked = {k for k, ps in self.parents.items() if ps} | {
            p for ps in self.parents.values() for p in ps
        }
        order = {_article_key(a): (self.articles[a].published or "~", a) for a in self.members}
        columns: dict[int, list[str]] = {}
        for key in self.keys:
            columns.setdefault(generation[key], []).append(key)
        placed: dict[str, GraphNode] = {}
        for level in sorted(columns):

            def rank(key: str) -> tuple[bool, float, str, str]:
                ys = [placed[p].y for p in self.parents[key] if p in placed]
                centre = sum(ys) / len(ys) if ys else -1.0
                # Articles no copying links to anything stay at the foot of the first column.
                return (key not in linked, centre, *order.get(key, ("", key)))

            x = MARGIN + level * (NODE_WIDTH + GAP_X)
            for slot, key in enumerate(sorted(columns[level], key=rank)):
                y = MARGIN + slot * (NODE_HEIGHT + GAP_Y)
                placed[key] = self.node(key, x, y, level)
        return placed

    def edges(self, placed: Mapping[str, GraphNode]) -> list[GraphEdge]:
        edges = []
        incoming: dict[str, int] = {}

        def label_at(target: str) -> tuple[int, int]:
            node = placed[target]
            line = incoming.get(target, 0)
            incoming[target] = line + 1
            return node.x - LABEL_GAP, node.y + node.height // 2 - 6 - line * LABEL_LINE

        for edge in self.copies:
            source, target = _article_key(edge.source_id), _article_key(edge.target_id)
            share = reused_share(edge.source_id, edge.target_id, self.analysis.reuse)
            kinds = ", ".join(dict.fromkeys(item.kind for item in edge.evidence))
            label = " · ".join(part for part in (share and _percent(share), kinds) if part)
            label_x, label_y = label_at(target)
            edges.append(
                GraphEdge(
                    source=source,
                    target=target,
                    kind="copy",
                    label=label or f"confidence {edge.confidence:.2f}",
                    details=tuple(f"{item.kind}: {item.detail}" for item in edge.evidence),
                    confidence=edge.confidence,
                    share=share,
                    path=_edge_path(placed[source], placed[target]),
                    label_x=label_x,
                    label_y=label_y,
                )
            )
        for source, target in self.cites:
            label_x, label_y = label_at(target)
            path = _edge_path(placed[source], placed[target])
            edges.append(
                GraphEdge(source, target, "cites", "cites", (), None, None, path, label_x, label_y)
            )
        return edges


def _article_key(article_id: str) -> str:
    return f"a:{article_id}"


def _cited_key(number: int) -> str:
    return f"o:{number}"


def layout_graph(
    analysis: StoryAnalysis, articles: Mapping[str, Article], *, key: str = "g0"
) -> Graph:
    """The story's provenance graph with every node and edge placed.

    ``key`` prefixes the SVG's element ids, so several graphs can share a page.
    """
    builder = _Builder(analysis, articles)
    placed = builder.place()
    edges = builder.edges(placed)
    nodes = tuple(placed[k] for k in builder.keys)
    width = max((n.x + n.width for n in nodes), default=NODE_WIDTH) + MARGIN
    height = max((n.y + n.height for n in nodes), default=NODE_HEIGHT) + MARGIN
    if any(placed[e.target].x <= placed[e.source].x for e in edges):
        height += NODE_HEIGHT + GAP_Y
    return Graph(key, width, height, nodes, tuple(edges))
