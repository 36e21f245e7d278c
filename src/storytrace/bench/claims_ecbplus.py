"""ECB+ event mentions and their cross-document coreference, by sentence.

ECB+ (Cybulska and Vossen, LREC 2014, CC BY 3.0) annotates event mentions
(``ACTION_*`` and ``NEG_*`` markables) and links the ones that denote one
real event across documents with ``CROSS_DOC_COREF`` relations; the release
also lists the sentences whose annotation is complete
(``ECBplus_coreference_sentences.csv``). Here each document's sentences are
mapped to the lines of the article :func:`storytrace.bench.ecbplus.read_document`
builds, with the cross-document event instances each sentence mentions.

>>> key = SentenceKey("1_10ecb", 3)
>>> key.document, key.sentence
('1_10ecb', 3)
"""

from __future__ import annotations

import csv
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from pathlib import Path

from storytrace.bench.ecbplus import EcbPlusDocument, read_document
from storytrace.errors import InputError

_EVENT_TAGS = ("ACTION", "NEG")


@dataclass(frozen=True, slots=True)
class SentenceKey:
    """One ECB+ sentence: its document (file stem) and sentence number."""

    document: str
    sentence: int


@dataclass(frozen=True, slots=True)
class EventSentence:
    """A sentence with its place in the article text and the event instances it mentions."""

    key: SentenceKey
    line: int
    start: int
    end: int
    instances: frozenset[str]
    selected: bool


@dataclass(frozen=True, slots=True)
class EventDocument:
    """An ECB+ document as an article, with its annotated sentences."""

    document: EcbPlusDocument
    sentences: tuple[EventSentence, ...]


def _folder(path: Path) -> Path:
    return path / "ECB+" if (path / "ECB+").is_dir() else path


def read_selected(path: str | Path) -> frozenset[SentenceKey]:
    """The sentences ECB+ annotated completely (``ECBplus_coreference_sentences.csv``)."""
    root = Path(path)
    table = root / "ECBplus_coreference_sentences.csv"
    if not table.is_file():
        table = root.parent / "ECBplus_coreference_sentences.csv"
    if not table.is_file():
        raise InputError(f"{root}: no ECBplus_coreference_sentences.csv beside the corpus")
    with table.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return frozenset(
        SentenceKey(f"{row['Topic']}_{row['File']}", int(row["Sentence Number"])) for row in rows
    )


def read_event_document(path: Path, selected: frozenset[SentenceKey]) -> EventDocument:
    """One ECB+ file with its sentences' cross-document event instances."""
    document = read_document(path)
    root = ElementTree.parse(path).getroot()
    sentence_of = {
        token.get("t_id", ""): int(token.get("sentence", "0")) for token in root.iter("token")
    }
    numbers = sorted(set(sentence_of.values()))
    if document.article.url is not None:
        numbers = [n for n in numbers if n != 0]
    markables: dict[str, set[int]] = {}
    for element in root.find("Markables") or ():
        if element.tag.startswith(_EVENT_TAGS):
            anchors = {sentence_of[a.get("t_id", "")] for a in element.iter("token_anchor")}
            markables[element.get("m_id", "")] = {s for s in anchors if s in numbers}
    instances: dict[int, set[str]] = {}
    for relation in root.iter("CROSS_DOC_COREF"):
        note = relation.get("note", "")
        for source in relation.iter("source"):
            for sentence in markables.get(source.get("m_id", ""), ()):
                instances.setdefault(sentence, set()).add(note)
    text = document.article.text
    sentences: list[EventSentence] = []
    position = 0
    for line, number in enumerate(numbers):
        end = text.find("\n", position)
        end = len(text) if end < 0 else end
        key = SentenceKey(path.stem, number)
        sentences.append(
            EventSentence(
                key, line, position, end, frozenset(instances.get(number, ())), key in selected
            )
        )
        position = end + 1
    return EventDocument(document, tuple(sentences))


def load_event_documents(
    path: str | Path, topics: tuple[str, ...] | None = None
) -> tuple[EventDocument, ...]:
    """Every ECB+ document (or those of ``topics``) with its event sentences, in a stable order."""
    root = Path(path)
    folder = _folder(root)
    selected = read_selected(root if (root / "ECB+").is_dir() else root.parent)
    files = sorted(
        folder.glob("*/*.xml"),
        key=lambda p: (int(p.parent.name) if p.parent.name.isdigit() else 0, p.name),
    )
    wanted = set(topics) if topics else None
    documents = [
        read_event_document(p, selected) for p in files if wanted is None or p.parent.name in wanted
    ]
    if not documents:
        raise InputError(f"{root}: no ECB+ documents found; pass the folder that holds ECB+/")
    return tuple(documents)
