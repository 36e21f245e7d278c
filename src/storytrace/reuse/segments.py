"""An article cut into what passage alignment compares: words, sentences and paragraphs.

Everything is found on the normalised form of the text
(:func:`storytrace.normalize.normalize_for_matching`), so a copy with
look-alike letters or curly quotes has the same words as its source, and
every offset here is an offset into that normalised form;
:meth:`MatchText.original_span` turns one back into a span of ``Article.text``.
Sentences come from sentencex, one line of the text at a time, so a line break
always ends a sentence (headlines and captions have no full stop).

>>> from storytrace.models import Article
>>> prepared = prepare_text(Article("a", "a.txt", "The Benina air base.\\nIt is Haftar\\u2019s."))
>>> prepared.words
('the', 'benina', 'air', 'base', 'it', 'is', 'haftar', 's')
>>> [(s.first_word, s.end_word, s.paragraph) for s in prepared.sentences]
[(0, 4, 0), (4, 8, 1)]
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass

import sentencex

from storytrace.models import Article, Span
from storytrace.normalize import Normalized, normalize_for_matching

STOP_WORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each few
    for from further had has have having he her here hers herself him himself his how i if in
    into is it its itself just me more most my myself no nor not now of off on once only or
    other our ours ourselves out over own s same she should so some such t than that the their
    theirs them themselves then there these they this those through to too under until up very
    was we were what when where which while who whom why will with would you your yours
    yourself yourselves said says say told according one two three new last first year years
    ago since still even would could may might must shall we're it's don't didn't isn't
    wasn't""".split()
)
"""Words too common to say what a passage is about; they count as words, not content."""

_WORD = re.compile(r"[^\W_]+")
_SENTENCEX_LANGUAGES = frozenset({"en", "fr", "de", "es", "it", "pt", "nl", "ar", "ru"})


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: its normalised character range, its words and its paragraph."""

    start: int
    end: int
    first_word: int
    end_word: int
    paragraph: int

    @property
    def word_count(self) -> int:
        return self.end_word - self.first_word


@dataclass(frozen=True, slots=True)
class MatchText:
    """The normalised text of one article with its words and sentences.

    ``words[i]`` spans ``[starts[i], ends[i])`` of ``normalized.text``;
    ``content[i]`` says whether it is a content word (not a stop word and not a
    capitalised name inside a sentence), ``sentence_of[i]`` which sentence holds it
    (-1 for a word outside every sentence). ``gram_hashes[i]`` is the stable hash
    of the ``seed_words`` words from word ``i`` on, and ``bags[k]`` the word
    multiset of sentence ``k``: computed once per article, used for every pair.
    """

    article_id: str
    length: int
    normalized: Normalized
    words: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    content: tuple[bool, ...]
    sentence_of: tuple[int, ...]
    sentences: tuple[Sentence, ...]
    paragraphs: tuple[tuple[int, int], ...]
    seed_words: int
    gram_hashes: tuple[int, ...]
    bags: tuple[Counter[str], ...]

    def original_span(self, start: int, end: int) -> Span:
        """The span of ``Article.text`` that the normalised range ``[start, end)`` came from."""
        begin, finish = self.normalized.original_span(start, end)
        return Span(begin, finish)

    def paragraph_at(self, position: int) -> int:
        """The paragraph holding normalised offset ``position`` (the last one starting there
        or before)."""
        index = bisect_left(self.paragraphs, (position + 1,)) - 1
        return max(index, 0)

    def extend_to_sentences(self, start: int, end: int) -> tuple[int, int]:
        """Take in a sentence's leading and closing punctuation when ``[start, end)`` starts
        or ends it (normalised offsets)."""
        first, last = self.words_in(start, end)
        if first >= last:
            return start, end
        opening, closing = self.sentence_of[first], self.sentence_of[last - 1]
        if opening >= 0 and self.sentences[opening].first_word == first:
            start = min(start, self.sentences[opening].start)
        if closing >= 0 and self.sentences[closing].end_word == last:
            end = max(end, self.sentences[closing].end)
        return start, end

    def word_span(self, first_word: int, end_word: int) -> tuple[int, int]:
        """The normalised character range of words ``[first_word, end_word)``."""
        return self.starts[first_word], self.ends[end_word - 1]

    def words_of_original(self, span: Span) -> tuple[int, int]:
        """The words ``[first, end)`` inside ``span`` of the original text."""
        offsets = self.normalized.offsets
        return self.words_in(bisect_left(offsets, span.start), bisect_left(offsets, span.end))

    def words_in(self, start: int, end: int) -> tuple[int, int]:
        """The words ``[first, end)`` that lie inside the normalised range ``[start, end)``."""
        return bisect_left(self.starts, start), bisect_right(self.ends, end)


def gram_hash(words: tuple[str, ...]) -> int:
    """A hash of a word n-gram that is the same in every process and on every machine."""
    digest = hashlib.blake2b("\x1f".join(words).encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big")


def _sentence_ranges(text: str, language: str) -> list[tuple[int, int, int]]:
    """``(start, end, paragraph)`` of each sentence of ``text``, in original offsets."""
    ranges: list[tuple[int, int, int]] = []
    paragraph = -1
    line_start = 0
    for line in text.split("\n"):
        line_end = line_start + len(line)
        if line.strip():
            paragraph += 1
            for boundary in sentencex.get_sentence_boundaries(language, line):
                piece = boundary["text"]
                stripped = piece.strip()
                if not stripped:
                    continue
                start = line_start + int(boundary["start_index"]) + piece.index(stripped[0])
                ranges.append((start, start + len(stripped), paragraph))
        line_start = line_end + 1
    return ranges


def prepare_text(article: Article, *, seed_words: int = 5) -> MatchText:
    """Normalise ``article.text`` and cut it into words and sentences."""
    text = article.text
    normalized = normalize_for_matching(text)
    folded = normalized.text
    offsets = normalized.offsets
    words: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for match in _WORD.finditer(folded):
        words.append(match.group())
        starts.append(match.start())
        ends.append(match.end())
    language = article.language if article.language in _SENTENCEX_LANGUAGES else "en"
    sentences: list[Sentence] = []
    sentence_of = [-1] * len(words)
    content = [False] * len(words)
    paragraph_index = -1
    previous_paragraph = -1
    for start, end, paragraph in _sentence_ranges(text, language or "en"):
        begin = bisect_left(offsets, start)
        finish = bisect_left(offsets, end)
        first = bisect_left(starts, begin)
        last = bisect_left(starts, finish)
        if first >= last:
            continue
        index = len(sentences)
        if not sentences or paragraph != previous_paragraph:
            paragraph_index += 1
            previous_paragraph = paragraph
        sentences.append(Sentence(begin, finish, first, last, paragraph_index))
        originals = [
            text[offsets[starts[p]] : offsets[ends[p] - 1] + 1] for p in range(first, last)
        ]
        # In a headline set in capitals or Title Case nearly every word is capitalised;
        # that does not make it a name.
        titled = 5 * sum(word[:1].isupper() for word in originals) > 3 * len(originals)
        for position, original in zip(range(first, last), originals, strict=True):
            sentence_of[position] = index
            name = not titled and position > first and original[:1].isupper()
            content[position] = words[position] not in STOP_WORDS and not name
    paragraphs: dict[int, tuple[int, int]] = {}
    for sentence in sentences:
        begin, finish = paragraphs.get(sentence.paragraph, (sentence.start, sentence.end))
        paragraphs[sentence.paragraph] = (min(begin, sentence.start), max(finish, sentence.end))
    return MatchText(
        article_id=article.id,
        length=len(text),
        normalized=normalized,
        words=tuple(words),
        starts=tuple(starts),
        ends=tuple(ends),
        content=tuple(content),
        sentence_of=tuple(sentence_of),
        sentences=tuple(sentences),
        paragraphs=tuple(paragraphs[index] for index in sorted(paragraphs)),
        seed_words=seed_words,
        gram_hashes=tuple(
            gram_hash(tuple(words[i : i + seed_words])) for i in range(len(words) - seed_words + 1)
        ),
        bags=tuple(Counter(words[x.first_word : x.end_word]) for x in sentences),
    )
