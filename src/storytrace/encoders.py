"""The sentence encoders of one run, each behind a :class:`~storytrace.vectors.VectorCache`.

Three stages embed sentences: story grouping (headline and lead), passage
alignment (paraphrases; translations) and claim grouping. Each model gets one
cache per run, shared by every stage and story, and kept in the store between
runs, so a sentence is embedded once per model however often it is met.

Each cache is named after its model's weights and the settings that change
its vectors; :func:`analysis_fingerprint` names everything that changes an
analysis, so stored analyses made otherwise are done again.

>>> from storytrace.settings import Settings
>>> encoders = run_encoders(Settings(embeddings=False, translations=False))
>>> encoders.sentences is None and encoders.translations is None
True
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from storytrace.claims.parses import ParseCache, ParseStore
from storytrace.vectors import Embed, VectorCache, VectorStore

if TYPE_CHECKING:
    from storytrace.settings import Settings

_SENTENCE_TOKENS = 128
"""Word pieces of a sentence the English encoder reads (its default)."""


def minilm_model(max_tokens: int) -> str:
    """The cache name of the English MiniLM encoder reading ``max_tokens`` word pieces."""
    from storytrace.embeddings import MODEL_SHA256

    return f"minilm-l6-int8:{MODEL_SHA256[:16]}:{max_tokens}"


def use_model() -> str:
    """The cache name of the multilingual Universal Sentence Encoder."""
    from storytrace.multilingual import WEIGHTS_SHA256

    return f"use-multilingual-v3:{WEIGHTS_SHA256[:16]}"


def _minilm(max_tokens: int, threads: int) -> Embed:
    def embed(texts: Sequence[str]) -> npt.NDArray[np.float32]:
        from storytrace.embeddings import embed_texts

        return embed_texts(texts, max_tokens=max_tokens, threads=threads)

    return embed


def _use(threads: int) -> Embed:
    def embed(texts: Sequence[str]) -> npt.NDArray[np.float32]:
        from storytrace.multilingual import embed_multilingual

        return embed_multilingual(texts, threads=threads)

    return embed


@dataclass(frozen=True, slots=True)
class Encoders:
    """A run's encoders: ``None`` where the settings switch a model off."""

    sentences: VectorCache | None
    """English MiniLM: paraphrases and claim groups."""
    translations: VectorCache | None
    """The multilingual encoder: translated passages and claims in other languages."""
    grouping: VectorCache | None
    """What story grouping embeds headlines and leads with (may be one of the above)."""
    parser: ParseCache | None = None
    """spaCy parses of the claims stage (kept in the store when there is one)."""

    @property
    def caches(self) -> tuple[VectorCache, ...]:
        found = (self.sentences, self.translations, self.grouping)
        return tuple({id(c): c for c in found if c is not None}.values())

    @property
    def computed(self) -> int:
        """Texts sent to a model so far in this run."""
        return sum(cache.computed for cache in self.caches)

    @property
    def reused(self) -> int:
        """Texts answered from memory or the store so far in this run."""
        return sum(cache.reused for cache in self.caches)

    @property
    def parsed(self) -> int:
        """Sentences spaCy parsed so far in this run."""
        return self.parser.parsed if self.parser is not None else 0

    def flush(self) -> int:
        """Write every new vector and parse to the store; how many."""
        parses = self.parser.flush() if self.parser is not None else 0
        return parses + sum(cache.flush() for cache in self.caches)


def run_encoders(
    settings: Settings,
    store: VectorStore | None = None,
    *,
    threads: int = 2,
    parses: ParseStore | None = None,
) -> Encoders:
    """One cache per model the settings use, kept in ``store`` if given.

    ``threads`` is how many threads each model may use; ``parses`` keeps the
    claims stage's spaCy parses (usually the same store).
    """
    sentences = None
    if settings.embeddings:
        sentences = VectorCache(
            minilm_model(_SENTENCE_TOKENS), _minilm(_SENTENCE_TOKENS, threads), store=store
        )
    use = VectorCache(use_model(), _use(threads), store=store)
    translations = use if settings.translations else None
    grouping: VectorCache | None
    story = settings.stories
    if story.embedding_model == "none" or story.weights.embedding <= 0:
        grouping = None
    elif story.embedding_model == "use":
        grouping = use
    else:
        tokens = story.embedding_tokens
        grouping = VectorCache(minilm_model(tokens), _minilm(tokens, threads), store=store)
    parser = None
    if parses is not None:
        parser = ParseCache(
            settings.claims.model, batch_size=settings.claims.batch_size, store=parses
        )
    return Encoders(
        sentences=sentences, translations=translations, grouping=grouping, parser=parser
    )


def analysis_fingerprint(settings: Settings) -> str:
    """What a story's analysis depends on besides its articles: version, settings, models.

    Input settings (fetching, size limits) change which articles there are,
    not how they are analysed, so they are left out.
    """
    from storytrace import __version__

    parts = [
        __version__,
        repr(settings.stories),
        repr(settings.reuse),
        repr(settings.claims),
        minilm_model(_SENTENCE_TOKENS) if settings.embeddings else "no-embeddings",
        use_model() if settings.translations else "no-translations",
    ]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:32]
