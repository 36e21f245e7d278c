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
    original_sentence_texts,
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
    originals: Sequence[str] | None = None,
) -> list[Vectors]:
    """Embeddings of each text's sentences long enough to be paraphrases, in one ``embed`` call.

    Sentences whose index is in ``skip[k]`` for text ``k`` are not embedded;
    they get the zero vector, which matches nothing. With ``originals`` (each
    text's ``Article.text``) the sentences are embedded as written, not in
    their normalised form (see :func:`embed_original_sentences`).
    """
    indices = [
        [i for i in paraphrase_sentences(text) if not (skip and i in skip[k])]
        for k, text in enumerate(texts)
    ]
    if originals is None:
        rows = [sentence_texts(text, wanted) for text, wanted in zip(texts, indices, strict=True)]
    else:
        rows = [
            original_sentence_texts(text, original, wanted)
            for text, original, wanted in zip(texts, originals, indices, strict=True)
        ]
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


def embed_original_sentences(
    texts: Sequence[MatchText], originals: Sequence[str], embed: Embed
) -> list[Vectors]:
    """Multilingual embeddings of each text's sentences, as written in ``originals``.

    ``embed`` is :func:`storytrace.multilingual.embed_multilingual` (or any
    function giving one L2-normalised row per text); ``originals[k]`` is the
    ``Article.text`` that ``texts[k]`` was prepared from.
    """
    return embed_sentences(texts, embed, originals=originals)


def align_texts(
    a: MatchText,
    b: MatchText,
    *,
    settings: ReuseSettings,
    vectors_a: Vectors | None = None,
    vectors_b: Vectors | None = None,
    boilerplate_a: bytes | None = None,
    boilerplate_b: bytes | None = None,
    translation_a: Vectors | None = None,
    translation_b: Vectors | None = None,
) -> tuple[Passage, ...]:
    """The passages ``a`` and ``b`` share; ``source_span`` is in ``a``, ``target_span`` in ``b``.

    Give ``vectors_a`` and ``vectors_b`` (from :func:`embed_sentences`) to find
    paraphrases too, and ``translation_a`` and ``translation_b`` (multilingual
    vectors, from :func:`embed_original_sentences`) to find translations when
    the two articles are in different languages.
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
    if translation_a is not None and translation_b is not None:
        translated = paraphrased_sentences(
            a,
            b,
            translation_a,
            translation_b,
            strict=settings.translation_similarity,
            loose=settings.translation_extend_similarity,
            seeds=matches,
            kind="translation",
        )
        # Two reports of one kind of event in two languages have lead sentences that
        # look alike; a translation has at least one sentence that is unmistakable.
        if any(m.similarity >= settings.translation_anchor_similarity for m in translated):
            matches.extend(translated)
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
    translate: Embed | None = None,
) -> tuple[Passage, ...]:
    """Every passage articles ``a`` and ``b`` share, in no particular direction.

    ``source_span`` points into ``a.text`` and ``target_span`` into ``b.text``.
    Without ``embed`` only verbatim and edited passages are found; with
    ``translate`` (:func:`storytrace.multilingual.embed_multilingual`),
    translations too when :func:`in_other_languages` says the articles differ.
    """
    settings = settings or ReuseSettings()
    text_a = prepare_text(a, seed_words=settings.seed_words)
    text_b = prepare_text(b, seed_words=settings.seed_words)
    vectors: Sequence[Vectors | None] = (None, None)
    if embed is not None:
        vectors = embed_sentences([text_a, text_b], embed)
    translations: Sequence[Vectors | None] = (None, None)
    if translate is not None and in_other_languages(a, b):
        translations = embed_original_sentences([text_a, text_b], [a.text, b.text], translate)
    return align_texts(
        text_a,
        text_b,
        settings=settings,
        vectors_a=vectors[0],
        vectors_b=vectors[1],
        boilerplate_a=boilerplate_mask(text_a, background),
        boilerplate_b=boilerplate_mask(text_b, background),
        translation_a=translations[0],
        translation_b=translations[1],
    )


def in_other_languages(a: Article, b: Article) -> bool:
    """Whether both articles' languages are known and differ (a translation is possible)."""
    return bool(a.language and b.language and a.language != b.language)
