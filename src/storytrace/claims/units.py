"""Claim units: each article's headline and text cut into sentences and clauses.

A unit is normally a sentence (split by sentencex, paragraph by paragraph);
a sentence that joins independent clauses, each with its own subject
(``At least 32 people were injured and two sailors are missing``), or that
carries clauses separated by a semicolon, is cut at clause level so that each
checkable statement can be compared on its own. Text that cleaning set aside
(:attr:`Article.removed`) is never in ``Article.text``; a sentence or a
paragraph that repeats a removed piece (a caption kept twice) is skipped as well.

>>> [s.text for s in split_sentences("It rained. Roads flooded.")]
['It rained.', 'Roads flooded.']
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from storytrace.claims.records import ClaimUnit, Field
from storytrace.models import Article

_PARAGRAPH = re.compile(r"[^\n]+")
_ABBREVIATION_END = re.compile(
    r"(?<![\w.])(?:Mr|Mrs|Ms|Dr|St|Gen|Lt|Sgt|Capt|Col|Cmdr|Rev|Sen|Rep|Gov|Prof|Jr|Sr|Maj|"
    r"Adm|Insp|Supt|Det|Fr|[ap]\.m)\.$"
)
_TIME_END = re.compile(r"[ap]\.m\.$")
_WEEKDAY = re.compile(r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_WORD = re.compile(r"\w")
_CLAUSE_CONJUNCTIONS = frozenset({"and", "but", "yet", "while", "whereas", "so"})
_LEADING_JOINER = re.compile(r"^[\s,;]*(?:(?:and|but|yet|while|whereas|so)\b\s*)?")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of one text, with its offsets in that text."""

    start: int
    end: int
    text: str


def split_sentences(text: str, language: str = "en") -> list[Sentence]:
    """Sentences of ``text`` with their offsets; paragraphs (lines) never share one.

    A piece that ends with a title or name abbreviation ("Ms.", "Lt.") or with a
    clock time's "p.m." before a weekday is joined to the next: sentencex
    splits there now and then.
    """
    from sentencex import segment

    sentences: list[Sentence] = []
    for paragraph in _PARAGRAPH.finditer(text):
        position = paragraph.start()
        pieces: list[tuple[int, int]] = []
        for piece in segment(language, paragraph.group()):
            stripped = piece.strip()
            if not stripped:
                continue
            start = text.find(stripped, position, paragraph.end())
            if start < 0:
                continue
            end = start + len(stripped)
            position = end
            before = text[pieces[-1][0] : pieces[-1][1]] if pieces else ""
            if _ABBREVIATION_END.search(before) and (
                not _TIME_END.search(before) or _WEEKDAY.match(stripped)
            ):
                pieces[-1] = (pieces[-1][0], end)
                continue
            pieces.append((start, end))
        for start, end in pieces:
            if _WORD.search(text[start:end]):
                sentences.append(Sentence(start, end, text[start:end]))
    return sentences


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def _removed_texts(article: Article) -> frozenset[str]:
    return frozenset(_fold(piece.text) for piece in article.removed)


def article_sentences(article: Article) -> Iterator[tuple[Field, int, Sentence]]:
    """The headline (one sentence) and the text's sentences, minus removed furniture."""
    removed = _removed_texts(article)
    language = article.language or "en"
    if article.title and article.title.strip():
        title = article.title.strip()
        start = article.title.find(title)
        yield "title", 0, Sentence(start, start + len(title), title)
    for number, sentence in enumerate(split_sentences(article.text, language)):
        first = article.text.rfind("\n", 0, sentence.start) + 1
        last = article.text.find("\n", sentence.end)
        paragraph = article.text[first : last if last >= 0 else len(article.text)]
        if any(_fold(piece) in removed for piece in (sentence.text, paragraph)):
            continue
        yield "text", number, sentence


def _has_subject(token: Any) -> bool:
    return any(child.dep_ in ("nsubj", "nsubjpass", "expl") for child in token.children)


def clause_cuts(doc: Any, min_tokens: int) -> list[int]:
    """Character offsets (in ``doc``'s text) where the sentence splits into clauses."""
    cuts: list[int] = []
    for token in doc:
        if token.text == ";" and 0 < token.i < len(doc) - 1:
            cuts.append(token.idx + 1)
            continue
        head = token.head
        main = head.dep_ == "ROOT" or (head.dep_ == "ccomp" and head.head.dep_ == "ROOT")
        if token.dep_ != "conj" or not main or token.pos_ not in ("VERB", "AUX"):
            continue
        if not (_has_subject(token) and _has_subject(token.head)):
            continue
        left = min(t.i for t in token.subtree)
        joiner = next(
            (t for t in doc[max(0, left - 2) : left] if t.lower_ in _CLAUSE_CONJUNCTIONS), None
        )
        if joiner is None:
            continue
        start = joiner.i
        if start > 0 and doc[start - 1].text == ",":
            start -= 1
        cuts.append(doc[start].idx)
    kept: list[int] = []
    bounds = [0, *sorted(set(cuts)), len(doc.text)]
    for index, cut in enumerate(bounds[1:-1], start=1):
        before = doc.text[kept[-1] if kept else 0 : cut]
        after = doc.text[cut : bounds[index + 1]]
        if len(before.split()) >= min_tokens and len(after.split()) >= min_tokens:
            kept.append(cut)
    return kept


def units_of(
    article: Article, docs: dict[str, Any], *, min_clause_tokens: int
) -> list[tuple[ClaimUnit, Sentence]]:
    """The claim units of one article, each with the sentence it was cut from."""
    units: list[tuple[ClaimUnit, Sentence]] = []
    for field, number, sentence in article_sentences(article):
        doc = docs.get(sentence.text)
        cuts = clause_cuts(doc, min_clause_tokens) if doc is not None else []
        bounds = [0, *cuts, len(sentence.text)]
        for first, last in itertools.pairwise(bounds):
            piece = sentence.text[first:last]
            lead = len(piece) - len(_LEADING_JOINER.sub("", piece))
            trail = len(piece.rstrip())
            text = piece[lead:trail]
            if not _WORD.search(text):
                continue
            start = sentence.start + first + lead
            unit = ClaimUnit(
                id=f"{article.id}:{field}:{start}",
                article_id=article.id,
                field=field,
                start=start,
                end=start + len(text),
                text=text,
                sentence=number,
            )
            units.append((unit, sentence))
    return units


def all_sentences(articles: Sequence[Article]) -> list[str]:
    """Every sentence text of the articles (headline and text), for one parsing batch."""
    return [sentence.text for article in articles for _, _, sentence in article_sentences(article)]
