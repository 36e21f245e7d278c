"""ECB+ documents as raw material for the reuse corpus: sentences and their coreference.

Each ECB+ document becomes a headline (when its first line looks like one)
and its body sentences; every sentence keeps the cross-document coreference
instances of the mentions it holds (the ``note`` of ``CROSS_DOC_COREF``
relations: one id per real-world event, person, place or time across the
corpus). Two sentences of different documents that share most of their
instances, including an event, say the same thing in different words: these
human-written pairs are the corpus's paraphrases.

>>> sources = read_sources("../shared/data/ecbplus")  # doctest: +SKIP
>>> sources[0].name, len(sources[0].sentences)  # doctest: +SKIP
('1_10ecb', 9)
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from storytrace.bench.ecbplus import detokenize
from storytrace.errors import InputError

_NAME = re.compile(r"^(?P<topic>\d+)_(?P<number>\d+)(?P<half>ecbplus|ecb)\.xml$")
_WORD = re.compile(r"\w+")
_QUOTED = re.compile(r"[\"\u201c][^\"\u201c\u201d]*[\"\u201d]")
_MIN_BODY_WORDS = 5
_DATE_LINE = re.compile(r"^\W*(?:\w+\W+){0,4}(?:19|20)\d\d\b(?:\W+\w+){0,3}\W*$")
_MAX_HEADLINE_WORDS = 15


@dataclass(frozen=True, slots=True)
class SourceSentence:
    """One sentence of an ECB+ document and the coreference instances it mentions."""

    document: str
    number: int
    text: str
    instances: frozenset[str]

    @property
    def word_count(self) -> int:
        return len(_WORD.findall(self.text))


@dataclass(frozen=True, slots=True)
class SourceDocument:
    """An ECB+ document: its gold story, headline and body sentences."""

    name: str
    topic: str
    story: str
    headline: str | None
    sentences: tuple[SourceSentence, ...]


def _read(path: Path) -> SourceDocument | None:
    match = _NAME.match(path.name)
    if match is None:
        return None
    root = ElementTree.parse(path).getroot()
    tokens: dict[int, list[str]] = {}
    sentence_of_token: dict[str, int] = {}
    for token in root.iter("token"):
        number = int(token.get("sentence", "0"))
        tokens.setdefault(number, []).append(token.text or "")
        sentence_of_token[token.get("t_id", "")] = number
    sentence_of_mention: dict[str, int] = {}
    markables = root.find("Markables")
    for markable in markables if markables is not None else ():
        anchors = [a.get("t_id", "") for a in markable.findall("token_anchor")]
        if anchors and anchors[0] in sentence_of_token:
            sentence_of_mention[markable.get("m_id", "")] = sentence_of_token[anchors[0]]
    instances: dict[int, set[str]] = {}
    relations = root.find("Relations")
    for relation in relations.findall("CROSS_DOC_COREF") if relations is not None else ():
        for source in relation.findall("source"):
            found = sentence_of_mention.get(source.get("m_id", ""))
            if found is not None:
                instances.setdefault(found, set()).add(relation.get("note", ""))
    if match["half"] == "ecbplus" and tokens.get(0, [""])[0].startswith("http"):
        tokens.pop(0)
    name = path.stem
    lines = [
        SourceSentence(
            name, number, detokenize(tokens[number]).strip(), frozenset(instances.get(number, ()))
        )
        for number in sorted(tokens)
    ]
    while lines and (lines[0].word_count < _MIN_BODY_WORDS or _DATE_LINE.search(lines[0].text)):
        lines.pop(0)
    headline = None
    if lines and lines[0].text[-1:] not in ".!?\"'”" and lines[0].word_count <= _MAX_HEADLINE_WORDS:
        headline = lines.pop(0).text
    body = tuple(line for line in lines if line.word_count >= _MIN_BODY_WORDS)
    topic = match["topic"]
    return SourceDocument(name, topic, f"{topic}/{match['half']}", headline, body)


def read_sources(path: str | Path) -> tuple[SourceDocument, ...]:
    """Every ECB+ document under ``path`` (the folder holding ``ECB+/``), in a stable order."""
    root = Path(path)
    folder = root / "ECB+" if (root / "ECB+").is_dir() else root
    documents = [d for p in sorted(folder.glob("*/*.xml")) if (d := _read(p)) is not None]
    if not documents:
        raise InputError(
            f"{root}: no ECB+ documents found; pass the folder that holds ECB+/<topic>/*.xml"
        )
    return tuple(sorted(documents, key=lambda d: (int(d.topic), d.story, d.name)))


def word_grams(texts: Sequence[str], size: int = 6) -> set[tuple[str, ...]]:
    """The lower-cased word ``size``-grams of ``texts``."""
    grams: set[tuple[str, ...]] = set()
    for text in texts:
        words = tuple(_WORD.findall(text.lower()))
        grams.update(words[i : i + size] for i in range(len(words) - size + 1))
    return grams


def word_dice(first: str, second: str) -> float:
    """Dice overlap of the two sentences' lower-cased word multisets."""
    bag_a = Counter(_WORD.findall(first.lower()))
    bag_b = Counter(_WORD.findall(second.lower()))
    total = bag_a.total() + bag_b.total()
    return 2 * (bag_a & bag_b).total() / total if total else 0.0


def _mostly_quoted(text: str) -> bool:
    quoted = sum(len(_WORD.findall(q)) for q in _QUOTED.findall(text))
    return quoted * 2 >= len(_WORD.findall(text))


def instance_overlap(first: SourceSentence, second: SourceSentence) -> float:
    """Jaccard overlap of the coreference instances two sentences mention."""
    union = first.instances | second.instances
    return len(first.instances & second.instances) / len(union) if union else 0.0


def paraphrase_partner(
    sentence: SourceSentence, pool: Sequence[SourceSentence]
) -> SourceSentence | None:
    """The sentence of ``pool`` that best says the same as ``sentence`` in other words.

    A partner shares at least three coreference instances with the sentence,
    one of them an event (``ACT``), and at least half of all the instances the
    two mention; it has 6 or more words, a length within a factor 2, and a word
    overlap from 0.15 (it names the same things) to below 0.5 (reworded rather than
    an edited copy). Neither is mostly a quotation: a quotation is not reworded.
    """
    if sentence.word_count < 6 or len(sentence.instances) < 3 or _mostly_quoted(sentence.text):
        return None
    best: tuple[float, SourceSentence] | None = None
    for other in pool:
        shared = sentence.instances & other.instances
        if len(shared) < 3 or not any(item.startswith("ACT") for item in shared):
            continue
        overlap = instance_overlap(sentence, other)
        ratio = other.word_count / sentence.word_count
        if overlap < 0.5 or not 0.5 <= ratio <= 2 or other.word_count < 6:
            continue
        if not 0.15 <= word_dice(sentence.text, other.text) < 0.5 or _mostly_quoted(other.text):
            continue
        if best is None or overlap > best[0]:
            best = (overlap, other)
    return best[1] if best else None
