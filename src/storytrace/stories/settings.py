"""The knobs of story grouping, each with its default, why it has that value, and checks.

Defaults were chosen on ECB+ by cross-validation over topics (see
``docs/stories.md``): a value is kept only if it wins on the topics it was
tuned on *and* holds on the topics left out.

>>> StorySettings(link_threshold=0.1).link_threshold
0.1
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Literal

from storytrace.errors import ConfigurationError

EmbeddingModel = Literal["use", "minilm", "none"]
EMBEDDING_MODELS: tuple[EmbeddingModel, ...] = ("use", "minilm", "none")


@dataclass(frozen=True, slots=True, kw_only=True)
class FieldWeights:
    """How much each kind of evidence counts in the similarity of two articles.

    Each field is a cosine between two articles' vectors of one kind; the
    similarity is their weighted mean over the fields both articles have.
    """

    words: float = 1.0
    """TF-IDF over content words (stemmed, without the language's function words) and
    numbers of the title and text; same-language pairs only."""
    names: float = 0.0
    """TF-IDF over capitalised names (people, organisations, places) inside sentences.

    Off by default: on real news pairs in ten languages a shared or missing name
    told stories apart worse than the words did (pair F1 0.805 with names and
    numbers, 0.873 without them, English, cross-validated), since short texts name
    few people, a paywall or site template adds capitalised words, and German
    capitalises every noun. Names still give the name-conflict rule and the
    story's evidence."""
    numbers: float = 1.0
    """TF-IDF over numbers other than years (a year says when, not what); same-language
    pairs only. Two reports of one event share its figures: without them ECB+ falls
    from 0.961 to 0.939 (B-cubed F1, 5-fold)."""
    lead: float = 1.0
    """TF-IDF over content words of the headline and first sentences, where events are told."""
    embedding: float = 1.0
    """Cosine of sentence embeddings of the headline and lead, above ``embedding_floor``."""

    def __post_init__(self) -> None:
        for item in fields(self):
            value = getattr(self, item.name)
            if not isinstance(value, int | float) or value < 0:
                raise ConfigurationError(
                    f"field weight {item.name}={value!r}: expected a number >= 0"
                )


@dataclass(frozen=True, slots=True, kw_only=True)
class StorySettings:
    """Options of story grouping; every threshold is documented in ``docs/stories.md``."""

    neighbours: int = 4
    """Each article links to at most this many most similar articles (its kNN).

    Few neighbours keep two events of the same kind apart: an article's nearest
    neighbours are almost always from its own event, while its 20th may not be.
    """
    min_similarity: float = 0.2
    """An edge needs at least this similarity. Chosen with ``link_threshold`` on ECB+
    and the real news pairs together (``docs/stories.md``): lower values group ECB+'s
    large stories slightly better (0.970 at 0.1) and real news pairs, mostly
    singletons and pairs, worse (0.740 at 0.1, 0.772 at 0.2)."""
    duplicate_similarity: float = 0.7
    """Pairs at least this similar are copies of one text (a wire story, a syndicated
    piece): they are grouped first, and neighbours are then looked for outside the copies,
    which would otherwise take all of each other's neighbour slots."""
    name_conflict_names: int = 2
    """Two articles that each name at least this many people, organisations or places
    but share none have their similarity multiplied by ``name_conflict_factor``
    (0 turns the rule off): two earthquakes told in the same words are told apart
    by where they struck. At 2 rather than 3, ECB+ loses 0.003 (B-cubed F1, 5-fold)
    and two one-sentence reports of two quakes stay apart."""
    name_conflict_factor: float = 0.5
    link_threshold: float = 0.08
    """Average-link clustering stops when no two groups are linked more strongly than this."""
    weights: FieldWeights = FieldWeights()
    embedding_model: EmbeddingModel = "use"
    """``"use"`` (the multilingual Universal Sentence Encoder, 16 languages, compared
    across languages), ``"minilm"`` (all-MiniLM-L6-v2, English only) or ``"none"``
    for lexical evidence only."""
    embedding_floor: float = 0.3
    """Embedding cosines up to this say nothing: the cosine is rescaled from
    ``[floor, 1]`` to ``[0, 1]``. Headlines and leads of unrelated news have a
    cosine of 0.17 (median) and 0.28 (90th percentile) under the multilingual
    encoder, never 0."""
    cross_language_floor: float = 0.45
    """The embedding floor between articles in different languages: the embedding is
    then all the evidence there is (they share no words), so it must say more."""
    embedding_sentences: int = 8
    """Sentences of the text (after the headline) fed to the sentence encoder: more than
    the lead, since an encoder reads a paraphrase where words differ."""
    cross_language_min: float = 0.4
    """Two articles in different languages that share no name or number are linked
    on their embeddings alone only from this rescaled embedding similarity."""
    embedding_tokens: int = 48
    """Word pieces of headline and lead fed to the encoder; cost grows with length."""
    lead_sentences: int = 3
    """Sentences of the text (after the headline) that make up the lead."""
    time_window_days: float = 30.0
    """Two dated articles further apart than this are never in one story."""
    written_dates: bool = False
    """Date an article without a publication date by the first full date its headline
    or lead writes (``storytrace.stories.written_dates``). Off by default: on ECB+
    (undated; 403 of 982 articles write a date in their lead) it lowered B-cubed F1
    from 0.958 to 0.953 (5-fold pooled), follow-up reports written weeks after
    the event being pulled away from it."""
    time_grace_days: float = 3.0
    """Within this many days publication times do not lower the similarity;
    beyond it the similarity fades linearly to 0 at ``time_window_days``."""
    minhash_permutations: int = 64
    minhash_bands: int = 16
    """LSH bands: with 64 permutations in 16 bands of 4, pairs whose word 5-gram
    Jaccard is above ~0.5 are found with probability > 0.6, above 0.7 with > 0.98."""
    shingle_words: int = 5
    posting_limit: int = 100
    """A word's posting list keeps the articles where it weighs most, up to this many:
    the lookup then costs the same per article however large the corpus."""
    max_term_articles: int = 1000
    """Words in more than this many articles are too common to look up neighbours by
    (they still count in the similarity); this bounds the cost of the lookup."""
    candidates_per_article: int = 20
    """Neighbours looked up per article by words and by embedding, before exact scoring."""
    candidate_terms: int = 40
    """Only an article's most weighted terms are used to look up its neighbours."""

    def __post_init__(self) -> None:
        for name in (
            "neighbours",
            "embedding_tokens",
            "lead_sentences",
            "embedding_sentences",
            "shingle_words",
        ):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise ConfigurationError(
                    f"story setting {name}={value!r}: expected an integer >= 1"
                )
        for name in (
            "minhash_permutations",
            "minhash_bands",
            "candidate_terms",
            "candidates_per_article",
            "max_term_articles",
            "posting_limit",
        ):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise ConfigurationError(
                    f"story setting {name}={value!r}: expected an integer >= 1"
                )
        if self.minhash_permutations % self.minhash_bands:
            raise ConfigurationError(
                f"story settings minhash_permutations={self.minhash_permutations} and "
                f"minhash_bands={self.minhash_bands}: the permutations must split evenly into "
                "bands; use for example 64 and 16"
            )
        for name in (
            "min_similarity",
            "link_threshold",
            "duplicate_similarity",
            "name_conflict_factor",
            "embedding_floor",
            "cross_language_floor",
            "cross_language_min",
        ):
            value = getattr(self, name)
            if not isinstance(value, int | float) or not 0 <= value <= 1:
                raise ConfigurationError(
                    f"story setting {name}={value!r}: expected a number between 0 and 1"
                )
        if self.embedding_model not in EMBEDDING_MODELS:
            raise ConfigurationError(
                f"story setting embedding_model={self.embedding_model!r}: expected one of "
                f"{', '.join(EMBEDDING_MODELS)}"
            )
        if not 0 <= self.time_grace_days <= self.time_window_days:
            raise ConfigurationError(
                f"story settings time_grace_days={self.time_grace_days} and time_window_days="
                f"{self.time_window_days}: expected 0 <= grace <= window"
            )
