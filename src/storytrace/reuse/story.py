"""Reuse and provenance of one story: the entry point the pipeline calls per story.

:func:`trace_story` aligns the articles of a story, pair by pair, but only the
pairs worth aligning: those that share at least ``candidate_min_shared`` word
n-grams that are not boilerplate (found with an inverted index and one matrix
product), at most ``max_neighbours`` per article. With an ``embed`` function it
then embeds the sentences that no pair copied and aligns again the pairs with a
sentence pair close enough to be a paraphrase. With a ``translate`` function
(multilingual embeddings) it also aligns the pairs of articles in different
languages whose sentences are close enough to be translations. Then it infers
who copied whom,
the story's origins, its lineages and each article's own material.

>>> from storytrace.models import Article
>>> scoop = ("Air traffic recordings obtained by the Harbour Times reveal that foreign "
...          "forces coordinated air strikes from the Benina air base near Benghazi. At least "
...          "one strike was heard being coordinated in the tapes, which last an hour.")
>>> a = Article("a", "a", scoop, outlet="Harbour Times", published="2016-07-13T08:00:00Z")
>>> b = Article("b", "b", scoop.replace("obtained by the Harbour Times", "obtained by HT")
...             + " The Harbour Times reported the leak first.", outlet="Daily Lantern",
...             published="2016-07-13T11:00:00Z")
>>> traced = trace_story([a, b])
>>> [(e.source_id, e.target_id, [x.kind for x in e.evidence]) for e in traced.provenance]
[('a', 'b', ['attribution', 'time'])]
>>> [(o.article_id, o.outlet, o.in_corpus) for o in traced.origins]
[('a', 'Harbour Times', True)]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from itertools import combinations

import numpy as np

from storytrace.models import (
    Article,
    Lineage,
    Mention,
    Origin,
    OwnMaterial,
    Passage,
    ProvenanceEdge,
    Reuse,
    Span,
)
from storytrace.normalize import disguised_words
from storytrace.reuse.align import (
    Embed,
    align_texts,
    embed_original_sentences,
    embed_sentences,
    in_other_languages,
)
from storytrace.reuse.attribution import Attribution, find_attributions
from storytrace.reuse.boilerplate import Background, boilerplate_mask
from storytrace.reuse.chains import build_edges
from storytrace.reuse.direction import (
    Direction,
    credit_of,
    credited_articles,
    decide_direction,
    named_outlet,
    pair_features,
)
from storytrace.reuse.evidence_model import EvidenceModel, packaged_model
from storytrace.reuse.lineages import build_lineages
from storytrace.reuse.matches import Vectors, covered_sentences, paraphrase_sentences
from storytrace.reuse.origins import (
    cited_outlets,
    find_origins,
    is_cited_origin,
    story_outlets,
)
from storytrace.reuse.outlet_identity import OutletDirectory
from storytrace.reuse.own import own_material
from storytrace.reuse.quotes import quoted_words
from storytrace.reuse.relation import DERIVATIONS, classify_relation
from storytrace.reuse.segments import MatchText, prepare_text
from storytrace.reuse.settings import ReuseSettings
from storytrace.reuse.shares import make_reuse, reverse_reuse
from storytrace.reuse.translation_notes import translation_note
from storytrace.reuse.witnesses import witness_shares

_MATRIX_CELLS = 20_000_000
"""Largest article-by-n-gram matrix built for candidate pairs; beyond it n-grams are sampled."""


@dataclass(frozen=True, slots=True)
class StoryProvenance:
    """Everything reuse analysis found in one story.

    ``reuse`` has one record per article pair sharing passages, oriented
    source to target when the direction is known; ``provenance`` holds the
    derivation edges (who copied from whom); ``directions`` the pairwise
    verdicts of who came first for every pair whose evidence decided, edges or
    not (two reprints of one scoop get a direction but no edge);
    ``attributions`` every outlet credit found; ``aligned_pairs`` how many pairs
    were aligned (the candidates); ``direction_features`` the measured direction
    evidence of every copy and rewrite pair, decided or not, and ``edge_features``
    those of every parent chosen, drawn or not (what the models are fitted on).
    """

    reuse: tuple[Reuse, ...]
    provenance: tuple[ProvenanceEdge, ...]
    directions: tuple[ProvenanceEdge, ...]
    origins: tuple[Origin, ...]
    lineages: tuple[Lineage, ...]
    own: tuple[OwnMaterial, ...]
    attributions: tuple[Attribution, ...]
    aligned_pairs: int
    direction_features: tuple[PairFeatures, ...] = ()
    edge_features: tuple[PairFeatures, ...] = ()


@dataclass(frozen=True, slots=True)
class PairFeatures:
    """The features of a pair (:mod:`storytrace.reuse.evidence_model`): direction features,
    signed positive for ``first_id`` being the source, or the edge features of
    ``first_id`` as the parent of ``second_id``."""

    first_id: str
    second_id: str
    features: tuple[tuple[str, float], ...]


@dataclass(frozen=True, slots=True)
class _Prepared:
    text: MatchText
    mask: bytes | None
    vectors: Vectors | None
    translation: Vectors | None = None


def candidate_pairs(
    texts: Sequence[MatchText], masks: Sequence[bytes | None], *, settings: ReuseSettings
) -> list[tuple[int, int]]:
    """Pairs of ``texts`` (by index) sharing ``candidate_min_shared`` non-boilerplate n-grams.

    Each article keeps at most its ``max_neighbours`` strongest partners (a
    pair stays when either side keeps it).
    """
    owners: dict[int, list[int]] = {}
    for index, text in enumerate(texts):
        mask = masks[index]
        grams = {value for i, value in enumerate(text.gram_hashes) if not (mask and mask[i])}
        for gram in grams:
            owners.setdefault(gram, []).append(index)
    shared = [members for members in owners.values() if len(members) >= 2]
    if not shared:
        return []
    needed = settings.candidate_min_shared
    step = -(-len(texts) * len(shared) // _MATRIX_CELLS)
    if step > 1:
        # Keep every step-th n-gram (by hash): the same sample in every run.
        shared = [m for gram, m in owners.items() if len(m) >= 2 and gram % step == 0]
        needed = 1
    matrix = np.zeros((len(texts), len(shared)), dtype=np.float32)
    for column, members in enumerate(shared):
        matrix[members, column] = 1.0
    counts = matrix @ matrix.T
    np.fill_diagonal(counts, 0)
    counts[counts < needed] = 0
    limit = settings.max_neighbours
    if len(texts) > limit + 1:
        # Keep each article's strongest neighbours: its parent and children are among them.
        keep = np.zeros_like(counts, dtype=bool)
        strongest = np.argsort(-counts, axis=1, kind="stable")[:, :limit]
        np.put_along_axis(keep, strongest, True, axis=1)
        counts[~(keep | keep.T)] = 0
    first, second = np.nonzero(np.triu(counts, k=1))
    return sorted(zip(first.tolist(), second.tolist(), strict=True))


def _paraphrase_pairs(
    prepared: Sequence[_Prepared], settings: ReuseSettings
) -> set[tuple[int, int]]:
    """Pairs with a sentence pair whose embeddings reach the looser paraphrase threshold."""
    blocks = [(k, p.vectors) for k, p in enumerate(prepared) if p.vectors is not None]
    blocks = [(k, v) for k, v in blocks if len(v)]
    if len(blocks) < 2:
        return set()
    owners = np.concatenate([np.full(len(v), k) for k, v in blocks])
    vectors = np.concatenate([v for _, v in blocks])
    pairs: set[tuple[int, int]] = set()
    for k, block in blocks:
        close = block @ vectors.T >= settings.paraphrase_extend_similarity
        hits = np.nonzero(close.any(axis=0))[0]
        pairs.update((min(k, int(o)), max(k, int(o))) for o in set(owners[hits].tolist()) if o != k)
    return pairs


def _align_chunk(
    prepared: Mapping[int, _Prepared], pairs: Sequence[tuple[int, int]], settings: ReuseSettings
) -> list[tuple[int, int, tuple[Passage, ...]]]:
    results = []
    for first, second in pairs:
        a, b = prepared[first], prepared[second]
        passages = align_texts(
            a.text, b.text, settings=settings, vectors_a=a.vectors, vectors_b=b.vectors,
            boilerplate_a=a.mask, boilerplate_b=b.mask, translation_a=a.translation,
            translation_b=b.translation,
        )  # fmt: skip
        results.append((first, second, passages))
    return results


def _align_all(
    prepared: Sequence[_Prepared], pairs: Sequence[tuple[int, int]], settings: ReuseSettings
) -> list[tuple[int, int, tuple[Passage, ...]]]:
    if settings.workers == 1 or len(pairs) < 2 * settings.workers:
        return _align_chunk(dict(enumerate(prepared)), pairs, settings)
    chunks = [list(pairs[k :: settings.workers]) for k in range(settings.workers)]
    with ProcessPoolExecutor(max_workers=settings.workers) as pool:
        futures = [
            pool.submit(_align_chunk,
                        {i: prepared[i] for pair in chunk for i in pair}, chunk, settings)
            for chunk in chunks
        ]  # fmt: skip
        return [result for future in futures for result in future.result()]


def _prepare(
    articles: Sequence[Article], background: Background | None, settings: ReuseSettings
) -> list[_Prepared]:
    texts = [prepare_text(article, seed_words=settings.seed_words) for article in articles]
    return [_Prepared(text, boilerplate_mask(text, background), None) for text in texts]


def _with_paraphrases(
    prepared: Sequence[_Prepared],
    aligned: dict[tuple[int, int], tuple[Passage, ...]],
    embed: Embed,
    settings: ReuseSettings,
    english: Sequence[bool],
    originals: Sequence[str],
) -> dict[tuple[int, int], tuple[Passage, ...]]:
    """Align again, with embeddings, the pairs that may hold paraphrases.

    Every sentence is embedded: a rewrite rewords its source's sentences, which
    other articles may have copied word for word. In a story of more than
    ``paraphrase_max_sentences`` sentences only those that no pair copied are
    (the model is the slow part). Pairs with a sentence pair above the looser
    paraphrase threshold are aligned again with the vectors. The encoder is
    English; articles not in English (``english[k]`` false) are not embedded.
    """
    skip: list[set[int]] | None = None
    if sum(len(p.text.sentences) for p in prepared) > settings.paraphrase_max_sentences:
        reused: list[list[tuple[int, int]]] = [[] for _ in prepared]
        for (first, second), passages in aligned.items():
            for passage in passages:
                reused[first].append(prepared[first].text.words_of_original(passage.source_span))
                reused[second].append(prepared[second].text.words_of_original(passage.target_span))
        skip = [covered_sentences(p.text, spans) for p, spans in zip(prepared, reused, strict=True)]
    if not all(english):
        skip = skip or [set() for _ in prepared]
        for index, is_english in enumerate(english):
            if not is_english:
                skip[index] = set(paraphrase_sentences(prepared[index].text))
    # Sentences as written, the form the claims stage embeds too: one vector serves both.
    vectors = embed_sentences([p.text for p in prepared], embed, skip=skip, originals=originals)
    embedded = [replace(p, vectors=v) for p, v in zip(prepared, vectors, strict=True)]
    again = sorted(_paraphrase_pairs(embedded, settings))
    realigned = _align_all(embedded, again, settings)
    return {**aligned, **{(a, b): passages for a, b, passages in realigned}}


def _translation_pairs(
    articles: Sequence[Article], prepared: Sequence[_Prepared], settings: ReuseSettings
) -> list[tuple[int, int]]:
    """Pairs in different languages with a sentence pair at the translation threshold.

    Each article keeps its ``max_neighbours`` partners with the closest sentence pair.
    """
    best: dict[tuple[int, int], float] = {}
    for first, second in combinations(range(len(articles)), 2):
        a, b = prepared[first].translation, prepared[second].translation
        if a is None or b is None or not len(a) or not len(b):
            continue
        if not in_other_languages(articles[first], articles[second]):
            continue
        closest = float((a @ b.T).max())
        if closest >= settings.translation_similarity:
            best[first, second] = closest
    kept: set[tuple[int, int]] = set()
    for index in range(len(articles)):
        partners = sorted(
            (pair for pair in best if index in pair), key=lambda pair: (-best[pair], pair)
        )
        kept.update(partners[: settings.max_neighbours])
    return sorted(kept)


def _with_translations(
    articles: Sequence[Article],
    prepared: Sequence[_Prepared],
    aligned: dict[tuple[int, int], tuple[Passage, ...]],
    translate: Embed,
    settings: ReuseSettings,
) -> dict[tuple[int, int], tuple[Passage, ...]]:
    """Align again, with multilingual vectors, the pairs in different languages.

    Only articles that have a partner in another language are embedded.
    """
    involved = sorted(
        {
            index
            for first, second in combinations(range(len(articles)), 2)
            if in_other_languages(articles[first], articles[second])
            for index in (first, second)
        }
    )
    if not involved:
        return aligned
    vectors = embed_original_sentences(
        [prepared[k].text for k in involved], [articles[k].text for k in involved], translate
    )
    embedded = list(prepared)
    for index, rows in zip(involved, vectors, strict=True):
        embedded[index] = replace(prepared[index], translation=rows)
    pairs = _translation_pairs(articles, embedded, settings)
    realigned = _align_all(embedded, pairs, settings)
    return {**aligned, **{(a, b): passages for a, b, passages in realigned}}


_ENGLISH = frozenset({None, "", "en"})
"""Languages the paraphrase encoder reads (an unknown language may be English)."""


def trace_story(
    articles: Sequence[Article],
    *,
    settings: ReuseSettings | None = None,
    embed: Embed | None = None,
    background: Background | None = None,
    translate: Embed | None = None,
    model: EvidenceModel | None = None,
    edge_model: EvidenceModel | None = None,
) -> StoryProvenance:
    """Shared passages, derivation edges, origins, lineages and own material of one story.

    ``embed`` (e.g. :func:`storytrace.embeddings.embed_texts`) adds paraphrase
    detection; ``translate`` (e.g.
    :func:`storytrace.multilingual.embed_multilingual`) adds translations
    between articles in different languages; ``background`` (from
    :func:`storytrace.reuse.build_background` over other stories) keeps
    boilerplate out of the reuse; ``model`` weighs direction evidence and
    ``edge_model`` decides which parents to draw (default: the packaged
    :class:`~storytrace.reuse.evidence_model.EvidenceModel` of each).
    """
    settings = settings or ReuseSettings()
    model = model or packaged_model("direction")
    ids = [a.id for a in articles]
    if len(set(ids)) != len(ids):
        duplicated = sorted({i for i in ids if ids.count(i) > 1})
        raise ValueError(f"trace_story got the same article id twice: {', '.join(duplicated)}")
    prepared = _prepare(articles, background, settings)
    pairs = candidate_pairs([p.text for p in prepared], [p.mask for p in prepared],
                            settings=settings)  # fmt: skip
    aligned = {(a, b): passages for a, b, passages in _align_all(prepared, pairs, settings)}
    if embed is not None:
        english = [a.language in _ENGLISH for a in articles]
        originals = [a.text for a in articles]
        aligned = _with_paraphrases(prepared, aligned, embed, settings, english, originals)
    if translate is not None:
        aligned = _with_translations(articles, prepared, aligned, translate, settings)
    by_id = {a.id: a for a in articles}
    outlets = [a.outlet for a in articles if a.outlet]
    found = {a.id: find_attributions(a, known_outlets=outlets) for a in articles}
    directory = story_outlets(articles, found)
    # An article naming its own outlet ("obtained by Middle East Eye" on MEE's own page,
    # its domain being all the page says of its outlet) credits nobody.
    credits = {
        article_id: tuple(c for c in items if not directory.same_outlet_article(article_id,
                                                                                c.outlet))
        for article_id, items in found.items()
    }  # fmt: skip
    credited_by = credited_articles(articles, credits, directory)
    notes = {a.id: note for a in articles if (note := translation_note(a)) is not None}
    quoted = [quoted_words(p.text) for p in prepared]
    reuses: dict[frozenset[str], Reuse] = {}
    runs: dict[frozenset[str], dict[str, tuple[Span, ...]]] = {}
    directions: list[Direction] = []
    for (first, second), passages in sorted(aligned.items()):
        if not passages:
            continue
        a, b = articles[first], articles[second]
        reuse = make_reuse(a.id, b.id, passages, source_length=len(a.text),
                           target_length=len(b.text))  # fmt: skip
        relation = classify_relation(
            prepared[first].text, prepared[second].text, passages, settings=settings,
            credited=_credit_between(a, b, credits, directory),
            boilerplate_source=prepared[first].mask, boilerplate_target=prepared[second].mask,
            quoted_source=quoted[first], quoted_target=quoted[second],
        )  # fmt: skip
        reuse = replace(reuse, relation=relation.relation, relation_evidence=relation.evidence)
        runs[frozenset((a.id, b.id))] = {a.id: relation.source_runs, b.id: relation.target_runs}
        reuses[frozenset((a.id, b.id))] = reuse
    witnesses = witness_shares(reuses, min_chars=settings.derivation_min_chars)
    folded = {a.id: p.text.normalized for a, p in zip(articles, prepared, strict=True)}
    disguised = {a.id: disguised_words(a.text) for a in articles}
    mentions: dict[tuple[str, str], Mention | None] = {}

    def named(target: Article, source: Article) -> Mention | None:
        key = (target.id, source.id)
        if key not in mentions:
            mentions[key] = named_outlet(target, source, directory, folded[target.id])
        return mentions[key]

    features: list[PairFeatures] = []
    for pair, reuse in sorted(reuses.items(), key=lambda item: sorted(item[0])):
        if reuse.relation not in DERIVATIONS:
            continue
        signed = pair_features(
            by_id[reuse.source_id], by_id[reuse.target_id], reuse, credits=credits,
            outlets=directory, credited_by=credited_by, notes=notes, witness=witnesses.get(pair),
            named=named, disguised=(disguised[reuse.source_id], disguised[reuse.target_id]),
        )  # fmt: skip
        measured = tuple((name, value) for name, value, _ in signed)
        features.append(PairFeatures(reuse.source_id, reuse.target_id, measured))
        direction = decide_direction(reuse.source_id, reuse.target_id, signed, model)
        if direction is not None:
            directions.append(direction)
            if direction.source_id != reuse.source_id:
                reuses[pair] = reverse_reuse(reuse)
    cited = {
        c.outlet: c for c in cited_outlets(articles, credits, directory, reuses.values())
        if is_cited_origin(c, settings)
    }  # fmt: skip
    cited_origins = {
        a.id: frozenset(name for name, c in cited.items() if a.id in c.story_level_ids)
        for a in articles
    }
    derivations = build_edges(directions, reuses, cited_origins=cited_origins,
                              settings=settings, runs=runs, model=edge_model)  # fmt: skip
    edges = derivations.edges
    origins = find_origins(
        articles, edges, credits, settings=settings, outlets=directory, reuses=reuses.values()
    )
    ranked = [o.outlet for o in origins if not o.in_corpus and o.outlet]
    joins = {
        article_id: min(credited, key=ranked.index)
        for article_id, names in cited_origins.items()
        if (credited := names & set(ranked))
    }
    copies = [(r.source_id, r.target_id) for r in reuses.values() if r.relation in DERIVATIONS]
    lineages = build_lineages(articles, edges, origins, joins, copies)
    own = tuple(
        own_material(item.text, _reused_spans(article.id, reuses.values()), item.mask, settings)
        for article, item in zip(articles, prepared, strict=True)
    )
    ordered = sorted(reuses.values(), key=lambda r: (r.source_id, r.target_id))
    return StoryProvenance(
        reuse=tuple(ordered),
        provenance=edges,
        directions=tuple(
            ProvenanceEdge(d.source_id, d.target_id, round(d.confidence, 4), d.evidence)
            for d in sorted(directions, key=lambda d: (d.source_id, d.target_id))
        ),
        origins=origins,
        lineages=lineages,
        own=own,
        attributions=tuple(c for a in articles for c in credits[a.id]),
        aligned_pairs=len(aligned),
        direction_features=tuple(features),
        edge_features=tuple(PairFeatures(*item) for item in derivations.considered),
    )


def _credit_between(
    a: Article, b: Article, credits: Mapping[str, Sequence[Attribution]],
    outlets: OutletDirectory,
) -> bool:  # fmt: skip
    """Whether one of the two articles credits the other's outlet in its own text."""
    return any(
        credit_of(credits[source.id], target, outlets) is not None
        for source, target in ((a, b), (b, a))
    )


def _reused_spans(article_id: str, reuses: Iterable[Reuse]) -> list[Span]:
    spans: list[Span] = []
    for reuse in reuses:
        if reuse.source_id == article_id:
            spans.extend(p.source_span for p in reuse.passages)
        elif reuse.target_id == article_id:
            spans.extend(p.target_span for p in reuse.passages)
    return spans
