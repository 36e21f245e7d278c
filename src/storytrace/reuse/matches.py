"""The seeds of passage alignment: verbatim runs, edited sentences and paraphrases.

Three finders, each order-free so that reordered paragraphs and sentences are
found as well as copies in order (the weakness of aligners that walk both
texts from the start):

- :func:`verbatim_runs` indexes one text's word n-grams and looks the other's
  up, then grows each hit along its diagonal into a maximal run of equal words;
- :func:`edited_sentences` pairs sentences that share many words (Dice over
  word multisets, so insertions, deletions, substitutions and reordered clauses
  only lower the score a little), strictly on their own and more loosely next
  to a pair already matched, as PAN's seed-extend aligners do;
- :func:`paraphrased_sentences` does the same with sentence-embedding cosines
  for the sentences the first two left unmatched.

>>> from storytrace.models import Article
>>> from storytrace.reuse.segments import prepare_text
>>> a = prepare_text(Article("a", "a", "Air strikes were coordinated from the base, tapes show."))
>>> b = prepare_text(Article("b", "b", "Tapes: air strikes were coordinated from the base."))
>>> [(m.a_words, m.b_words) for m in verbatim_runs(a, b, seed_words=5)]
[((0, 7), (1, 8))]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from storytrace.models import PassageKind
from storytrace.reuse.segments import STOP_WORDS, MatchText, gram_hash

_MAX_POSTINGS = 32
"""An n-gram repeated more often than this in one text is a list or a table, not a seed."""

_SURE_DICE = 0.8
"""Sentences this similar are one edited sentence even without a shared run of words."""

_MIN_SENTENCE_WORDS = 4
"""Sentences shorter than this (datelines, bylines) are never matched on their own."""

Vectors = npt.NDArray[np.float32]


@dataclass(frozen=True, slots=True)
class Match:
    """A matched stretch: words ``[a_words)`` of text a and ``[b_words)`` of text b."""

    a_words: tuple[int, int]
    b_words: tuple[int, int]
    kind: PassageKind
    similarity: float


def _hashes(text: MatchText, seed_words: int) -> Sequence[int]:
    if text.seed_words == seed_words:
        return text.gram_hashes
    words = text.words
    return [gram_hash(words[i : i + seed_words]) for i in range(len(words) - seed_words + 1)]


def verbatim_runs(a: MatchText, b: MatchText, *, seed_words: int) -> list[Match]:
    """Maximal runs of equal words, at least ``seed_words`` long, each word used once."""
    words_a, words_b = a.words, b.words
    if len(words_a) < seed_words or len(words_b) < seed_words:
        return []
    index: dict[int, list[int]] = {}
    for i, value in enumerate(_hashes(a, seed_words)):
        postings = index.setdefault(value, [])
        if len(postings) <= _MAX_POSTINGS:
            postings.append(i)
    diagonals: dict[int, list[int]] = {}
    for j, value in enumerate(_hashes(b, seed_words)):
        hits = index.get(value, ())
        if len(hits) <= _MAX_POSTINGS:
            for i in hits:
                diagonals.setdefault(i - j, []).append(j)
    runs: list[tuple[int, int, int]] = []  # (length, a start, b start)
    for diagonal, starts in diagonals.items():
        first = previous = starts[0]
        for j in [*starts[1:], -2]:
            if j == previous + 1:
                previous = j
                continue
            # A hash collision would make a run of unequal words: check the words.
            length = previous + seed_words - first
            if (
                words_a[first + diagonal : first + diagonal + length]
                == words_b[first : first + length]
            ):
                runs.append((length, first + diagonal, first))
            first = previous = j
    runs = [piece for run in runs for piece in _sentence_pieces(a, b, *run, seed_words)]
    runs.sort(key=lambda run: (-run[0], run[2], run[1]))
    used_a = bytearray(len(words_a))
    used_b = bytearray(len(words_b))
    matches: list[Match] = []
    for length, start_a, start_b in runs:
        stretch = 0
        for offset in range(length + 1):
            free = offset < length and not used_a[start_a + offset] and not used_b[start_b + offset]
            if free:
                stretch += 1
                continue
            if stretch >= min(seed_words, length):
                begin = offset - stretch
                used_a[start_a + begin : start_a + offset] = b"\x01" * stretch
                used_b[start_b + begin : start_b + offset] = b"\x01" * stretch
                matches.append(
                    Match(
                        (start_a + begin, start_a + offset),
                        (start_b + begin, start_b + offset),
                        "verbatim",
                        1.0,
                    )
                )
            stretch = 0
    return matches


def _sentence_pieces(
    a: MatchText, b: MatchText, length: int, start_a: int, start_b: int, seed_words: int
) -> list[tuple[int, int, int]]:
    """Cut a run where a sentence ends on either side; drop short spill-overs.

    Two copied paragraphs that happen to be followed by sentences starting
    with the same words ("Police said ...") would otherwise join into one run
    that bridges unrelated places. A piece is kept when it has ``seed_words``
    words or is a whole sentence on both sides.
    """
    pieces: list[tuple[int, int, int]] = []
    first = 0
    for offset in range(1, length + 1):
        if offset < length and (
            a.sentence_of[start_a + offset] == a.sentence_of[start_a + offset - 1]
            and b.sentence_of[start_b + offset] == b.sentence_of[start_b + offset - 1]
        ):
            continue
        size = offset - first
        whole = _whole_sentence(a, start_a + first, size) and _whole_sentence(
            b, start_b + first, size
        )
        if size >= seed_words or whole:
            pieces.append((size, start_a + first, start_b + first))
        first = offset
    return pieces


def _whole_sentence(text: MatchText, first: int, size: int) -> bool:
    index = text.sentence_of[first]
    if index < 0:
        return False
    sentence = text.sentences[index]
    return sentence.first_word == first and sentence.end_word == first + size


def _dice(first: Counter[str], second: Counter[str], total: int) -> float:
    """Dice overlap of two word multisets whose sizes add up to ``total``."""
    if len(first) > len(second):
        first, second = second, first
    shared = sum(min(count, second[word]) for word, count in first.items() if word in second)
    return 2 * shared / total if total else 0.0


def sentences_touched(text: MatchText, words: tuple[int, int]) -> range:
    """The sentence indices that words ``[first, end)`` fall in."""
    first = text.sentence_of[words[0]]
    last = text.sentence_of[words[1] - 1]
    return range(max(first, 0), max(last, first, 0) + 1)


def _neighbours(accepted: Iterable[Match], a: MatchText, b: MatchText) -> set[tuple[int, int]]:
    """Sentence pairs next to an accepted match on both sides (in order or crossed)."""
    pairs: set[tuple[int, int]] = set()
    for match in accepted:
        span_a = sentences_touched(a, match.a_words)
        span_b = sentences_touched(b, match.b_words)
        for i in (span_a.start - 1, span_a.stop):
            for j in (span_b.start - 1, span_b.stop):
                pairs.add((i, j))
    return pairs


def _sentence_match(a: MatchText, b: MatchText, i: int, j: int, kind: PassageKind,
                    similarity: float) -> Match:  # fmt: skip
    first, second = a.sentences[i], b.sentences[j]
    return Match(
        (first.first_word, first.end_word), (second.first_word, second.end_word), kind, similarity
    )


def _grow(
    candidates: dict[tuple[int, int], float],
    strict: float,
    loose: float,
    seeds: list[Match],
    a: MatchText,
    b: MatchText,
    kind: PassageKind,
) -> list[Match]:
    """Accept pairs above ``strict``, then pairs above ``loose`` next to any match, one-to-one."""
    taken_a: set[int] = set()
    taken_b: set[int] = set()
    accepted: list[Match] = []
    for (i, j), similarity in sorted(candidates.items(), key=lambda item: (-item[1], item[0])):
        if similarity >= strict and i not in taken_a and j not in taken_b:
            taken_a.add(i)
            taken_b.add(j)
            accepted.append(_sentence_match(a, b, i, j, kind, similarity))
    loose_pairs = sorted(
        ((pair, similarity) for pair, similarity in candidates.items() if loose <= similarity),
        key=lambda item: (-item[1], item[0]),
    )
    grown = True
    while grown:
        grown = False
        near = _neighbours([*seeds, *accepted], a, b)
        for (i, j), similarity in loose_pairs:
            if (i, j) in near and i not in taken_a and j not in taken_b:
                taken_a.add(i)
                taken_b.add(j)
                accepted.append(_sentence_match(a, b, i, j, kind, similarity))
                grown = True
    return accepted


def edited_sentences(
    a: MatchText,
    b: MatchText,
    *,
    strict: float,
    loose: float,
    seeds: list[Match],
    seed_words: int,
) -> list[Match]:
    """Sentence pairs whose word multisets overlap by at least ``strict`` (Dice).

    A pair below a Dice of 0.8 must also share a run of ``seed_words`` words to
    be matched on its own; otherwise it counts only next to another match.

    Candidates come from an index of the words that are not stop words, so only
    sentence pairs sharing two of them (one, for very short sentences) are scored.
    """
    bags_a, bags_b = a.bags, b.bags
    postings: dict[str, list[int]] = {}
    for i, bag in enumerate(bags_a):
        if a.sentences[i].word_count >= _MIN_SENTENCE_WORDS:
            for word in bag:
                if word not in STOP_WORDS:
                    postings.setdefault(word, []).append(i)
    candidates: dict[tuple[int, int], float] = {}
    for j, bag in enumerate(bags_b):
        if b.sentences[j].word_count < _MIN_SENTENCE_WORDS:
            continue
        shared: Counter[int] = Counter()
        keys = [word for word in bag if word not in STOP_WORDS]
        for word in keys:
            shared.update(postings.get(word, ()))
        needed = 1 if len(keys) <= 2 else 2
        for i, count in shared.items():
            if count >= needed:
                total = a.sentences[i].word_count + b.sentences[j].word_count
                similarity = _dice(bags_a[i], bag, total)
                # Two reports of one event can share most words by chance; a copy,
                # however edited, keeps some run of words intact.
                if strict <= similarity < _SURE_DICE and not _share_run(a, b, i, j, seed_words):
                    similarity = min(similarity, loose)
                if similarity >= loose:
                    candidates[i, j] = similarity
    return _grow(candidates, strict, loose, seeds, a, b, "edited")


def _share_run(a: MatchText, b: MatchText, i: int, j: int, size: int) -> bool:
    """Whether sentences ``i`` of ``a`` and ``j`` of ``b`` share a run of ``size`` words."""
    first, second = a.sentences[i], b.sentences[j]
    words_a = a.words[first.first_word : first.end_word]
    words_b = b.words[second.first_word : second.end_word]
    grams = {words_a[k : k + size] for k in range(len(words_a) - size + 1)}
    return any(words_b[k : k + size] in grams for k in range(len(words_b) - size + 1))


def covered_sentences(text: MatchText, spans: Sequence[tuple[int, int]]) -> set[int]:
    """Sentences at least half of whose words lie in ``spans`` (word ranges)."""
    covered = bytearray(len(text.words))
    for first, end in spans:
        covered[first:end] = b"\x01" * (end - first)
    return {
        index
        for index, sentence in enumerate(text.sentences)
        if 2 * sum(covered[sentence.first_word : sentence.end_word]) >= sentence.word_count
    }


def paraphrase_sentences(text: MatchText) -> list[int]:
    """The sentences long enough to be compared as paraphrases."""
    return [i for i, s in enumerate(text.sentences) if s.word_count >= _MIN_SENTENCE_WORDS + 1]


def sentence_texts(text: MatchText, indices: Sequence[int]) -> list[str]:
    """The normalised text of the given sentences, as sent to the embedding model."""
    folded = text.normalized.text
    return [folded[text.sentences[i].start : text.sentences[i].end] for i in indices]


def original_sentence_texts(text: MatchText, original: str, indices: Sequence[int]) -> list[str]:
    """The given sentences as the article wrote them (``original`` is ``Article.text``).

    The multilingual model needs the real letters: the normalised form folds
    Cyrillic and Greek letters into their Latin look-alikes.
    """
    spans = [text.original_span(text.sentences[i].start, text.sentences[i].end) for i in indices]
    return [original[span.start : span.end] for span in spans]


def paraphrased_sentences(
    a: MatchText,
    b: MatchText,
    vectors_a: Vectors,
    vectors_b: Vectors,
    *,
    strict: float,
    loose: float,
    seeds: list[Match],
    kind: PassageKind = "paraphrase",
) -> list[Match]:
    """Sentence pairs left unmatched whose embeddings have a cosine of at least ``strict``.

    ``vectors_a`` holds one L2-normalised row per sentence of
    :func:`paraphrase_sentences` of ``a``, in that order; the same for ``b``.
    With multilingual vectors and ``kind="translation"`` the pairs found are
    translations.
    """
    rows_a = paraphrase_sentences(a)
    rows_b = paraphrase_sentences(b)
    if not rows_a or not rows_b:
        return []
    covered_a = covered_sentences(a, [m.a_words for m in seeds])
    covered_b = covered_sentences(b, [m.b_words for m in seeds])
    keep_a = [k for k, i in enumerate(rows_a) if i not in covered_a]
    keep_b = [k for k, j in enumerate(rows_b) if j not in covered_b]
    if not keep_a or not keep_b:
        return []
    cosines = vectors_a[keep_a] @ vectors_b[keep_b].T
    candidates: dict[tuple[int, int], float] = {}
    for row, column in zip(*np.nonzero(cosines >= loose), strict=True):
        candidates[rows_a[keep_a[row]], rows_b[keep_b[column]]] = float(cosines[row, column])
    return _grow(candidates, strict, loose, seeds, a, b, kind)
