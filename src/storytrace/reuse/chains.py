"""From pairwise directions to derivation edges: parents, chains and siblings.

Pairwise evidence says which of two articles came first, not that one copied
the other: two reprints of one scoop share its text without either having
seen the other. So each article gets **parents**, chosen like this:

1. candidates are the articles it copied from (verbatim, edited or
   translated, at least ``derivation_min_chars`` characters; a translation
   must also cover ``translation_min_share`` of the article with a mean
   cosine of ``translation_derivation_similarity``, since reports of the same
   facts in two languages match many sentences loosely) that came before it: directly by the
   pair's own evidence, or through a chain of such pairs (``a`` before ``b``
   before ``c`` puts ``a`` before ``c``; ``chain`` evidence);
2. the candidate that explains the most of the article's copied text is the
   parent, except that a candidate the article credits by name in its text
   wins unless another explains ``derivation_min_chars`` more; on a near tie
   (less than half ``derivation_min_chars`` apart) a
   candidate in the article's language beats a translation, then the
   one the article follows in fewer passages wins (it kept that candidate's
   order and cuts: a translation of an edited copy follows the copy, not the
   wire), then the earlier one in the chain (a copy of a copy that added
   nothing is explained by the original). Further candidates are
   parents too if they explain at least ``derivation_min_chars`` more and are
   not translations (an article in another language that covers the same facts
   is a sibling, not a second source);
3. an article that credits the story to an outlet missing from the corpus
   copied that outlet: another article is its parent only if the article
   credits it too, or shares with it text that the other articles crediting
   the missing outlet do not have (a re-report's own sentences, its caption):
   that text is ``chain`` evidence of copying a copy. With no third article
   crediting the outlet there is nothing to compare with, and the two stay
   siblings.

Edges that still form a cycle (contradictory evidence) lose their weakest edge.

>>> from storytrace.models import Passage, ProvenanceEvidence, Reuse, Span
>>> copied = (Passage(Span(0, 400), Span(0, 400), "verbatim", 1.0),)
>>> reuses = {frozenset(("a", "b")): Reuse("a", "b", copied, 400, 1.0, 0.8)}
>>> time = (ProvenanceEvidence("time", "a came out first"),)
>>> derivations = build_edges([Direction("a", "b", 2.0, time)], reuses, cited_origins={},
...                           settings=ReuseSettings())
>>> [(e.source_id, e.target_id) for e in derivations.edges]
[('a', 'b')]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from storytrace.models import ProvenanceEdge, ProvenanceEvidence, Reuse, Span
from storytrace.reuse.direction import CHAIN_WEIGHT, Direction
from storytrace.reuse.edge_confidence import edge_features
from storytrace.reuse.evidence_model import EvidenceModel, packaged_model
from storytrace.reuse.relation import DERIVATIONS, mostly_translated
from storytrace.reuse.settings import ReuseSettings
from storytrace.reuse.shares import copied_spans, merged_spans

_WORDING_STEP = 60
"""Characters of identical wording that make one candidate parent closer than another."""


@dataclass(frozen=True, slots=True)
class _Edge:
    source: str
    target: str
    score: float
    evidence: tuple[ProvenanceEvidence, ...]


def _credited(edge: _Edge) -> bool:
    """Whether the later article names the earlier one's outlet (a credit in its text)."""
    return any(e.kind == "attribution" and e.mention is not None for e in edge.evidence)


def _size(spans: Sequence[Span]) -> int:
    return sum(span.length for span in spans)


def _minus(spans: Sequence[Span], removed: Sequence[Span]) -> list[Span]:
    """``spans`` without ``removed`` (both sorted, non-overlapping)."""
    result: list[Span] = []
    for span in spans:
        position = span.start
        for cut in removed:
            if cut.end <= position or cut.start >= span.end:
                continue
            if cut.start > position:
                result.append(Span(position, cut.start))
            position = max(position, cut.end)
        if position < span.end:
            result.append(Span(position, span.end))
    return result


def _orders(
    directions: Sequence[Direction], linked: set[frozenset[str]]
) -> dict[tuple[str, str], _Edge]:
    """Direct and chained orders ``(earlier, later)`` over the pairs in ``linked``."""
    direct = {(d.source_id, d.target_id): _Edge(d.source_id, d.target_id, d.score, d.evidence)
              for d in directions}  # fmt: skip
    later: dict[str, list[str]] = {}
    for source, target in direct:
        later.setdefault(source, []).append(target)
    orders = dict(direct)
    for start in sorted(later):
        weakest = {start: float("inf")}
        via: dict[str, str] = {}
        queue = [start]
        while queue:
            node = queue.pop(0)
            for nxt in later.get(node, []):
                if nxt in weakest:
                    continue
                weakest[nxt] = min(weakest[node], direct[node, nxt].score)
                via[nxt] = node
                queue.append(nxt)
        for end, score in weakest.items():
            pair = frozenset((start, end))
            if end == start or (start, end) in orders or pair not in linked:
                continue
            if (end, start) in direct:
                continue
            detail = f"{start} came before {via[end]}, which came before {end}"
            orders[start, end] = _Edge(start, end, score, (ProvenanceEvidence("chain", detail),))
    return orders


def _explained_by_siblings(
    source: str,
    target: str,
    reuses: Mapping[frozenset[str], Reuse],
    cited_origins: Mapping[str, frozenset[str]],
) -> tuple[list[Span], str] | None:
    """What of ``target`` the other articles crediting its missing origin also hold.

    ``None`` when ``target`` credits no origin missing from the corpus. With no
    other article crediting it, nothing can be told apart: all of ``target``
    counts as explained.
    """
    common = cited_origins.get(target, frozenset())
    if not common:
        # An article that credits no missing origin may still have copied it, like the
        # articles that credit it: what they share with it needs no other parent.
        common = frozenset(name for names in cited_origins.values() for name in names)
        if not common or not any(
            names and frozenset((article, target)) in reuses
            for article, names in cited_origins.items() if article != source
        ):  # fmt: skip
            return None
    explained: list[Span] = []
    others = 0
    for article, cited in cited_origins.items():
        if article in (source, target) or not cited & common:
            continue
        others += 1
        reuse = reuses.get(frozenset((article, target)))
        if reuse is not None:
            explained.extend(copied_spans(reuse, target))
    if not others:
        reuse = reuses[frozenset((source, target))]
        explained = copied_spans(reuse, target)
    return merged_spans(explained), f"the other articles crediting {', '.join(sorted(common))}"


def _uncredited_source(
    target: str,
    candidates: Sequence[_Edge],
    orders: Mapping[tuple[str, str], _Edge],
    reuses: Mapping[frozenset[str], Reuse],
    settings: ReuseSettings,
) -> tuple[list[Span], str] | None:
    """What of ``target`` its siblings hold, when it copied a source missing from the corpus.

    Articles that share copied text with ``target`` but are not among its
    candidate parents, nor known to come after it, are its siblings or cousins.
    When they hold at least ``derivation_min_chars`` of its copied text that no
    candidate parent explains, ``target`` copied a source that is not in the
    corpus (and credits none that storytrace could read): together, the
    siblings stand in for that source, as the articles crediting a cited
    origin do. ``None`` when nothing of ``target`` is left unexplained.
    """
    sources = {e.source for e in candidates}
    explained = merged_spans(
        span for source in sources
        for span in copied_spans(reuses[frozenset((source, target))], target)
    )  # fmt: skip
    siblings = [
        other for pair, reuse in reuses.items() if target in pair
        and reuse.relation in DERIVATIONS
        for other in pair - {target}
        if other not in sources and (target, other) not in orders
    ]  # fmt: skip
    held = merged_spans(
        span for other in siblings
        for span in copied_spans(reuses[frozenset((other, target))], target)
    )  # fmt: skip
    if _size(_minus(held, explained)) < settings.derivation_min_chars:
        return None
    names = ", ".join(sorted(set(siblings)))
    return held, f"{names}, which copied the same source (missing from the corpus),"


def _runs(
    runs: Mapping[frozenset[str], Mapping[str, Sequence[Span]]], source: str, target: str
) -> list[Span]:
    """The spans of ``target`` in runs of the same wording as ``source``."""
    return merged_spans(runs.get(frozenset((source, target)), {}).get(target, ()))


def _parents(
    target: str,
    candidates: list[_Edge],
    orders: Mapping[tuple[str, str], _Edge],
    reuses: Mapping[frozenset[str], Reuse],
    cited_origins: Mapping[str, frozenset[str]],
    settings: ReuseSettings,
    runs: Mapping[frozenset[str], Mapping[str, Sequence[Span]]],
) -> list[_Edge]:
    cover: dict[str, list[Span]] = {}
    notes: dict[str, list[ProvenanceEvidence]] = {}
    uncredited = _uncredited_source(target, candidates, orders, reuses, settings)
    for edge in candidates:
        spans = copied_spans(reuses[frozenset((edge.source, target))], target)
        sibling = _explained_by_siblings(edge.source, target, reuses, cited_origins)
        if sibling is None and uncredited is not None:
            sibling = uncredited
        if sibling is not None and not _credited(edge):
            explained, origin = sibling
            own = _size(_minus(spans, explained))
            if own < settings.derivation_min_chars:
                continue
            detail = (f"{target} shares {own} characters with {edge.source} that {origin} "
                      "do not have")  # fmt: skip
            notes[edge.source] = [ProvenanceEvidence("chain", detail)]
        cover[edge.source] = spans
    chosen: list[_Edge] = []
    covered: list[Span] = []
    remaining = [e for e in candidates if e.source in cover]
    # The parent is in the article's own language when one is a candidate: an edition
    # or translation of the origin is a sibling of the copies in the origin's language.
    translated = {
        e.source: mostly_translated(reuses[frozenset((e.source, target))].passages)
        for e in remaining
    }
    own_language = [e for e in remaining if not translated[e.source]]
    remaining = own_language or remaining
    while remaining:
        gains = {e.source: _size(_minus(cover[e.source], covered)) for e in remaining}
        if chosen:
            # A second source must show its own wording: runs of the same words that the
            # first parent's passages do not explain (edited passages of a sibling cover
            # the same sentences a little differently).
            gains = {
                e.source: min(
                    gains[e.source], _size(_minus(_runs(runs, e.source, target), covered))
                )
                for e in remaining
            }
        best = max(gains.values())
        if best < (settings.derivation_min_chars if chosen else 1):
            break
        # Near candidates explain about as much; one the article credits by name is near
        # unless another explains a whole derivation's worth more.
        near = [
            e for e in remaining
            if best - gains[e.source] < settings.derivation_min_chars / 2
            or (_credited(e) and best - gains[e.source] < settings.derivation_min_chars)
        ]  # fmt: skip
        wording = {e.source: _size(_runs(runs, e.source, target)) for e in near}
        closest = max(wording.values())
        # Among them, a candidate in the article's own language beats a translation
        # (nobody translates a story back); then the one whose wording the article
        # reproduces most closely (a copy of a copy keeps its parent's edits, whoever
        # it credits); then the one it credits by name; then the one whose text it
        # follows in one piece (its order, its cuts); then the one that came before
        # the others explains them too.
        pick = min(
            near,
            key=lambda e: (
                translated[e.source],
                wording[e.source] < closest - _WORDING_STEP,
                not _credited(e),
                len(reuses[frozenset((e.source, target))].passages),
                -sum((e.source, o.source) in orders for o in near),
                -gains[e.source],
                e.source,
            ),
        )
        evidence = pick.evidence + tuple(notes.get(pick.source, ()))
        score = pick.score + (CHAIN_WEIGHT if pick.source in notes else 0.0)
        chosen.append(_Edge(pick.source, target, score, evidence))
        covered = merged_spans([*covered, *cover[pick.source]])
        # A second parent in another language is two reports of the same facts,
        # not a second source: only the first parent may be a translation.
        remaining = [
            e for e in remaining
            if e is not pick and not translated[e.source]
        ]  # fmt: skip
    return chosen


@dataclass(frozen=True, slots=True)
class Derivations:
    """The derivation edges drawn, and every edge considered with its features (drawn or not,
    for fitting the edge model)."""

    edges: tuple[ProvenanceEdge, ...]
    considered: tuple[tuple[str, str, tuple[tuple[str, float], ...]], ...]


def build_edges(
    directions: Sequence[Direction],
    reuses: Mapping[frozenset[str], Reuse],
    *,
    cited_origins: Mapping[str, frozenset[str]],
    settings: ReuseSettings,
    runs: Mapping[frozenset[str], Mapping[str, Sequence[Span]]] | None = None,
    model: EvidenceModel | None = None,
) -> Derivations:
    """The derivation edges among a story's articles.

    ``reuses`` maps each aligned pair (as a frozenset of its two ids) to its
    :class:`Reuse`; ``cited_origins`` maps an article id to the outlets missing
    from the corpus that it credits; ``runs`` a pair to each article's spans in
    runs of the same wording (see :class:`~storytrace.reuse.relation.PairRelation`),
    which a second parent needs; ``model`` is the edge model
    (:mod:`storytrace.reuse.edge_confidence`; default: the packaged one).
    """
    model = model or packaged_model("edge")
    linked = {
        pair for pair, reuse in reuses.items()
        if reuse.relation in DERIVATIONS
        and _size(copied_spans(reuse, reuse.target_id)) >= settings.derivation_min_chars
    }  # fmt: skip
    usable = [d for d in directions if frozenset((d.source_id, d.target_id)) in linked]
    direct = {(d.source_id, d.target_id): d.confidence for d in usable}
    orders = _orders(usable, linked)
    by_target: dict[str, list[_Edge]] = {}
    for (_, target), edge in sorted(orders.items()):
        by_target.setdefault(target, []).append(edge)
    edges: list[_Edge] = []
    for target, candidates in sorted(by_target.items()):
        edges.extend(
            _parents(target, candidates, orders, reuses, cited_origins, settings, runs or {})
        )
    edges = _break_cycles(edges)
    missing = any(cited_origins.values())
    drawn: list[ProvenanceEdge] = []
    considered = []
    for edge in sorted(edges, key=lambda e: (e.source, e.target)):
        features = edge_features(
            edge.source, edge.target, reuses, credited=_credited(edge),
            rivals=len(by_target[edge.target]) - 1, missing_origin=missing,
            direction=direct.get((edge.source, edge.target), 0.5),
            chained=(edge.source, edge.target) not in direct,
        )  # fmt: skip
        considered.append((edge.source, edge.target, tuple(features.items())))
        confidence = model.probability(model.score(features))
        if confidence >= model.decide_at:
            drawn.append(ProvenanceEdge(edge.source, edge.target, round(confidence, 4),
                                        edge.evidence))  # fmt: skip
    return Derivations(tuple(drawn), tuple(considered))


def _find_cycle(edges: list[_Edge]) -> list[_Edge] | None:
    outgoing: dict[str, list[_Edge]] = {}
    for edge in edges:
        outgoing.setdefault(edge.source, []).append(edge)
    state: dict[str, int] = {}
    path: list[_Edge] = []

    def visit(node: str) -> list[_Edge] | None:
        state[node] = 1
        for edge in outgoing.get(node, []):
            path.append(edge)
            if state.get(edge.target) == 1:
                start = next(i for i, e in enumerate(path) if e.source == edge.target)
                return path[start:]
            if edge.target not in state:
                found = visit(edge.target)
                if found:
                    return found
            path.pop()
        state[node] = 2
        return None

    for node in sorted(outgoing):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None


def _break_cycles(edges: list[_Edge]) -> list[_Edge]:
    while (cycle := _find_cycle(edges)) is not None:
        weakest = min(cycle, key=lambda e: (e.score, e.source, e.target))
        edges = [e for e in edges if e is not weakest]
    return edges
