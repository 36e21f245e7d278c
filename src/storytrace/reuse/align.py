"""Passage alignment of two articles: every passage they share, as a pair of spans.

Seed, extend, filter, as the best PAN text-alignment systems do:

1. seeds: verbatim runs of words and sentence pairs with high word overlap
   (:mod:`storytrace.reuse.matches`), then sentence pairs whose embeddings
   are close when an ``embed`` function is given (paraphrase);
2. extension: neighbouring matches merge into passages
   (:mod:`storytrace.reuse.passages`);
3. filter: passages with too little content, or mostly boilerplate, are dropped.

Matching runs on the normalised text, and every span reported points into
``Article.text``.

>>> from storytrace.models import Article
>>> text = "At least one air strike was heard being coordinated in the tapes, which total "
>>> a = Article("a", "a", text + "just under an hour in length.")
>>> b = Article("b", "b", "Reports say. " + text.upper() + "just under an hour in length.")
>>> [(p.source_span, p.target_span, p.kind) for p in align_pair(a, b)]
[(Span(start=0, end=107), Span(start=13, end=120), 'verbatim')]
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import numpy.typing as npt

from storytrace.errors import ConfigurationError
from storytrace.models import Article, Passage
from storytrace.reuse.boilerplate import Background, boilerplate_mask
from storytrace.reuse.matches import (
    Vectors,
    edited_sentences,
    paraphrase_sentences,
    paraphrased_sentences,
    sentence_texts,
    verbatim_runs,
)
from storytrace.reuse.passages import assemble_passages
from storytrace.reuse.segments import MatchText, prepare_text
from storytrace.reuse.settings import ReuseSettings

Embed = Callable[[list[str]], npt.NDArray[np.float32]]
"""Sentence embeddings: one L2-normalised row per text (``storytrace.embeddings.embed_texts``)."""


def embed_sentences(
    texts: Sequence[MatchText],
    embed: Embed,
    *,
    skip: Sequence[set[int]] | None = None,
) -> list[Vectors]:
    """Embeddings of each text's sentences long enough to be paraphrases, in one ``embed`` call.

    Sentences whose index is in ``skip[k]`` for text ``k`` are not embedded;
    they get the zero vector, which matches nothing.
    """
    indices = [
        [i for i in paraphrase_sentences(text) if not (skip and i in skip[k])]
        for k, text in enumerate(texts)
    ]
    rows = [sentence_texts(text, wanted) for text, wanted in zip(texts, indices, strict=True)]
    flat = [sentence for row in rows for sentence in row]
    vectors = np.asarray(embed(flat), dtype=np.float32) if flat else np.zeros((0, 1), np.float32)
    if vectors.ndim != 2 or vectors.shape[0] != len(flat):
        raise ConfigurationError(
            f"the embed function returned an array of shape {vectors.shape} for {len(flat)} "
            "texts; it must return one row per text, e.g. storytrace.embeddings.embed_texts"
        )
    result: list[Vectors] = []
    position = 0
    for text, wanted in zip(texts, indices, strict=True):
        order = {sentence: row for row, sentence in enumerate(paraphrase_sentences(text))}
        full = np.zeros((len(order), vectors.shape[1]), dtype=np.float32)
        for sentence in wanted:
            full[order[sentence]] = vectors[position]
            position += 1
        result.append(full)
    return result


def align_texts(
    a: MatchText,
    b: MatchText,
    *,
    settings: ReuseSettings,
    vectors_a: Vectors | None = None,
    vectors_b: Vectors | None = None,
    boilerplate_a: bytes | None = None,
    boilerplate_b: bytes | None = None,
) -> tuple[Passage, ...]:
    """The passages ``a`` and ``b`` share; ``source_span`` is in ``a``, ``target_span`` in ``b``.

    Give ``vectors_a`` and ``vectors_b`` (from :func:`embed_sentences`) to find
    paraphrases too.
    """
    runs = verbatim_runs(a, b, seed_words=settings.seed_words)
    edited = edited_sentences(
        a,
        b,
        strict=settings.edited_similarity,
        loose=settings.extend_similarity,
        seeds=runs,
        seed_words=settings.seed_words,
    )
    matches = [*runs, *edited]
    if vectors_a is not None and vectors_b is not None:
        matches.extend(
            paraphrased_sentences(
                a,
                b,
                vectors_a,
                vectors_b,
                strict=settings.paraphrase_similarity,
                loose=settings.paraphrase_extend_similarity,
                seeds=matches,
            )
        )
    return assemble_passages(
        a, b, matches, settings, boilerplate_a=boilerplate_a, boilerplate_b=boilerplate_b
    )


def align_pair(
    a: Article,
    b: Article,
    *,
    settings: ReuseSettings | None = None,
    embed: Embed | None = None,
    background: Background | None = None,
) -> tuple[Passage, ...]:
    """Every passage articles ``a`` and ``b`` share, in no particular direction.

    ``source_span`` points into ``a.text`` and ``target_span`` into ``b.text``.
    Without ``embed`` only verbatim and edited passages are found.
    """
    settings = settings or ReuseSettings()
    text_a = prepare_text(a, seed_words=settings.seed_words)
    text_b = prepare_text(b, seed_words=settings.seed_words)
    vectors: Sequence[Vectors | None] = (None, None)
    if embed is not None:
        vectors = embed_sentences([text_a, text_b], embed)
    return align_texts(
        text_a,
        text_b,
        settings=settings,
        vectors_a=vectors[0],
        vectors_b=vectors[1],
        boilerplate_a=boilerplate_mask(text_a, background),
        boilerplate_b=boilerplate_mask(text_b, background),
    )
