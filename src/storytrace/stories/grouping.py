"""Story grouping in one run: articles in, every article in exactly one story out.

The stages, each a pure function over records:

1. :func:`~storytrace.stories.features.extract_features` per article;
2. sentence embeddings of each headline and lead (optional);
3. TF-IDF vectors with the run's articles as corpus;
4. candidate pairs (inverted index, embedding neighbours, MinHash LSH, time window);
5. the similarity of each candidate pair;
6. the kNN story graph and average-link clustering over it.

Articles are handled in order of their ids, so the result does not depend on
the order they are given in.

>>> a = Article(id="a", source="a", text="Quake kills 30 in Haiti on Monday, officials say.")
>>> b = Article(id="b", source="b", text="A quake killed 30 people in Haiti on Monday.")
>>> settings = StorySettings(embedding_model="none")
>>> [cluster for cluster in cluster_articles([a, b], settings).clusters]
[(0, 1)]
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise

import numpy as np
import numpy.typing as npt

from storytrace.errors import InputError
from storytrace.models import Article
from storytrace.stories.candidates import CandidatePairs, candidate_pairs
from storytrace.stories.clustering import average_link
from storytrace.stories.features import ArticleFeatures, extract_features
from storytrace.stories.graph import Edge, copy_families, families_of, select_edges
from storytrace.stories.settings import StorySettings
from storytrace.stories.similarity import PairScores, score_pairs
from storytrace.stories.vectors import ArticleVectors, vectorize

Embedder = Callable[[Sequence[str]], npt.NDArray[np.float32]]
"""Turns texts into L2-normalised vectors, one row per text."""


@dataclass(frozen=True, slots=True)
class ScoredPairs:
    """Articles (sorted by id), their features, and the scored candidate pairs."""

    articles: tuple[Article, ...]
    features: tuple[ArticleFeatures, ...]
    scores: PairScores


@dataclass(frozen=True, slots=True)
class Grouping:
    """The articles (sorted by id), the story graph, and the clusters of article positions."""

    articles: tuple[Article, ...]
    features: tuple[ArticleFeatures, ...]
    edges: tuple[Edge, ...]
    clusters: tuple[tuple[int, ...], ...]


def default_embedder(settings: StorySettings) -> Embedder | None:
    """The sentence encoder the settings ask for, or ``None`` for lexical evidence only."""
    if settings.embedding_model == "none":
        return None
    if settings.embedding_model == "use":
        from storytrace.multilingual import embed_multilingual

        return embed_multilingual
    from storytrace.embeddings import embed_texts

    def embed(texts: Sequence[str]) -> npt.NDArray[np.float32]:
        return embed_texts(texts, max_tokens=settings.embedding_tokens)

    return embed


def sort_articles(articles: Sequence[Article]) -> tuple[Article, ...]:
    """Articles in order of id, refusing two articles with one id."""
    ordered = tuple(sorted(articles, key=lambda article: article.id))
    for previous, current in pairwise(ordered):
        if previous.id == current.id:
            raise InputError(
                f"two articles have the id {current.id!r} ({previous.source}, {current.source}); "
                "story grouping needs one id per article"
            )
    return ordered


@dataclass(frozen=True, slots=True)
class PreparedArticles:
    """Articles sorted by id with their features and vectors (stages 1 to 3)."""

    articles: tuple[Article, ...]
    features: tuple[ArticleFeatures, ...]
    vectors: ArticleVectors


def prepare_articles(
    articles: Sequence[Article],
    settings: StorySettings,
    *,
    embedder: Embedder | None = None,
) -> PreparedArticles:
    """Stages 1 to 3: features, embeddings and vectors of the articles in id order.

    ``embedder`` replaces the encoder named by the settings (a cache, or a stub in tests).
    """
    ordered = sort_articles(articles)
    features = tuple(extract_features(article, settings) for article in ordered)
    embed = embedder or default_embedder(settings)
    embeddings = None
    if embed is not None and settings.weights.embedding > 0:
        embeddings = np.asarray(embed([f.lead_text for f in features]), dtype=np.float32)
    return PreparedArticles(ordered, features, vectorize(features, embeddings))


def score_prepared(
    prepared: PreparedArticles, pairs: CandidatePairs, settings: StorySettings
) -> ScoredPairs:
    """Stage 5: the similarity of each candidate pair."""
    scores = score_pairs(prepared.features, prepared.vectors, pairs.left, pairs.right, settings)
    return ScoredPairs(prepared.articles, prepared.features, scores)


def score_candidates(
    articles: Sequence[Article],
    settings: StorySettings,
    *,
    embedder: Embedder | None = None,
) -> ScoredPairs:
    """Stages 1 to 5: features, embeddings, vectors, candidate pairs and their similarity."""
    prepared = prepare_articles(articles, settings, embedder=embedder)
    pairs = candidate_pairs(prepared.features, prepared.vectors, settings)
    return score_prepared(prepared, pairs, settings)


def cluster_scored(
    scored: ScoredPairs,
    settings: StorySettings,
    *,
    groups: Sequence[Sequence[int]] = (),
) -> Grouping:
    """Stage 6: the story graph and its clusters, starting from ``groups`` (earlier stories)."""
    scores = scored.scores
    family = copy_families(
        len(scored.articles),
        scores.left,
        scores.right,
        scores.similarity,
        settings.duplicate_similarity,
    )
    edges = select_edges(
        scores.left,
        scores.right,
        scores.similarity,
        neighbours=settings.neighbours,
        min_similarity=settings.min_similarity,
        family=family,
    )
    clusters = average_link(
        len(scored.articles),
        ((edge.left, edge.right, edge.similarity) for edge in edges),
        threshold=settings.link_threshold,
        neighbours=settings.neighbours,
        groups=[*groups, *families_of(family)],
    )
    return Grouping(
        articles=scored.articles,
        features=scored.features,
        edges=tuple(edges),
        clusters=tuple(tuple(cluster) for cluster in clusters),
    )


def cluster_articles(
    articles: Sequence[Article],
    settings: StorySettings,
    *,
    embedder: Embedder | None = None,
) -> Grouping:
    """Every stage: articles in, clusters of article positions (in id order) out."""
    return cluster_scored(score_candidates(articles, settings, embedder=embedder), settings)
