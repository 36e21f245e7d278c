"""The ECB+ corpus as articles with gold stories, for the story-grouping benchmark.

ECB+ (Cybulska and Vossen, LREC 2014, CC BY 3.0) holds 982 English news
articles in 43 topics; each topic mixes two different real-world events of the
same kind. Files ``T_Necb.xml`` report the first event of topic ``T`` and files
``T_Necbplus.xml`` the second, so the gold story of a document is its topic
and its half (``"1/ecb"``, ``"1/ecbplus"``): 86 stories.

The corpus is token-level XML with no whitespace, so :func:`detokenize`
rebuilds readable text (one sentence per line). Sentence 0 of an ``ecbplus``
file is the page's URL: it becomes the article's ``url``, not its text.

>>> corpus = load_ecbplus("../shared/data/ecbplus")  # doctest: +SKIP
>>> len(corpus.documents), len(set(corpus.gold_stories()))  # doctest: +SKIP
(982, 86)
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from storytrace.errors import InputError
from storytrace.models import Article

_NAME = re.compile(r"^(?P<topic>\d+)_(?P<number>\d+)(?P<half>ecbplus|ecb)\.xml$")

_NO_SPACE_BEFORE = frozenset(
    {".", ",", ":", ";", "?", "!", ")", "]", "}", "%", "'s", "n't", "'m", "'re", "'ve",
     "'ll", "'d", "\u2019s", "\u2019", "\u201d", "''", "..."}
)  # fmt: skip
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "$", "``", "\u201c", "\u2018"})
_APOSTROPHES = frozenset({"'", "\u2019"})
_CLITICS = frozenset({"s", "t", "d", "m", "ll", "re", "ve"})
_QUOTE_FORMS = {"``": '"', "''": '"'}
# A number the tokenizer split at its decimal point or thousands comma: the
# part before may carry a currency sign ("$2 . 6"), the part after a unit
# ("1 . 7GHz", "2 , 000ft").
_NUMBER_BEFORE_POINT = re.compile(r"^[$\u00a3\u20ac]?\d+$")
_NUMBER_BEFORE_COMMA = re.compile(r"^[$\u00a3\u20ac]?\d{1,3}$")
_THOUSANDS_GROUP = re.compile(r"^\d{3}(?!\d)")


@dataclass(frozen=True, slots=True)
class EcbPlusDocument:
    """One ECB+ file: the article rebuilt from its tokens, its topic and gold story."""

    article: Article
    topic: str
    story: str


@dataclass(frozen=True, slots=True)
class EcbPlusCorpus:
    """The documents of ECB+ in a stable order (topic, then half, then number)."""

    documents: tuple[EcbPlusDocument, ...]

    @property
    def articles(self) -> tuple[Article, ...]:
        return tuple(document.article for document in self.documents)

    def gold_stories(self) -> tuple[str, ...]:
        """The gold story of each document, in document order."""
        return tuple(document.story for document in self.documents)

    def topics(self) -> tuple[str, ...]:
        """The distinct topics, in numeric order."""
        return tuple(sorted({d.topic for d in self.documents}, key=int))

    def restricted_to(self, topics: Iterable[str]) -> EcbPlusCorpus:
        """The documents of the given topics only."""
        wanted = set(topics)
        return EcbPlusCorpus(tuple(d for d in self.documents if d.topic in wanted))


def detokenize(tokens: Sequence[str]) -> str:
    """Join ECB+ tokens into text with English spacing around punctuation and quotes.

    >>> detokenize(["He", "said", "``", "no", "''", ",", "did", "n't", "he", "?"])
    'He said "no", didn\\'t he?'

    A number split at its decimal point or thousands comma is one number again:

    >>> detokenize(["A", "6", ".", "1", "quake", "hit", "170", ",", "000", "people", "."])
    'A 6.1 quake hit 170,000 people.'
    """
    pieces: list[str] = []
    glue_next = True
    open_straight_quote = False
    previous = ""
    for index, token in enumerate(tokens):
        text = _QUOTE_FORMS.get(token, token)
        following = tokens[index + 1] if index + 1 < len(tokens) else ""
        if token == '"':
            # Straight quotes open and close alternately.
            closing = open_straight_quote
            open_straight_quote = not open_straight_quote
            glue_before, glue_after = closing, not closing
        else:
            glue_before = token in _NO_SPACE_BEFORE or (
                previous in _APOSTROPHES and token in _CLITICS
            )
            # A clock time or score split as "4 : 59" is one token again.
            glue_after = (
                token in _NO_SPACE_AFTER
                or (token == ":" and previous.isdigit() and following.isdigit())
                or _splits_number(tokens, index)
            )
        if pieces and not glue_next and not glue_before:
            pieces.append(" ")
        pieces.append(text)
        glue_next = glue_after
        previous = token
    return "".join(pieces)


def _splits_number(tokens: Sequence[str], index: int) -> bool:
    """Whether ``tokens[index]`` is the decimal point or a thousands comma of a
    number the tokenizer split ("6 . 1", "170 , 000").

    Not a point before a clock time ("July 23 , 2008 . 4 : 49 pm") nor a comma
    after a height ("6 - foot - 8 , 225 - pound").
    """
    if index == 0 or index + 1 >= len(tokens):
        return False
    before, token, after = tokens[index - 1], tokens[index], tokens[index + 1]
    two_before = tokens[index - 2] if index >= 2 else ""
    two_after = tokens[index + 2] if index + 2 < len(tokens) else ""
    if token == ".":
        return (
            _NUMBER_BEFORE_POINT.match(before) is not None
            and after[:1].isdigit()
            and not (after.isdigit() and two_after == ":")
        )
    if token == ",":
        return (
            _NUMBER_BEFORE_COMMA.match(before) is not None
            and _THOUSANDS_GROUP.match(after) is not None
            and two_before != "-"
        )
    return False


def line_spans(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of every line of ``text``, blank ones too (a rebuilt ECB+
    article has one sentence per line, so line ``k`` is sentence ``k``).

    >>> line_spans("One.\\n\\nTwo.")
    [(0, 4), (5, 5), (6, 10)]
    """
    spans: list[tuple[int, int]] = []
    position = 0
    for line in text.split("\n"):
        spans.append((position, position + len(line)))
        position += len(line) + 1
    return spans


def read_document(path: Path) -> EcbPlusDocument:
    """One ECB+ XML file as an :class:`EcbPlusDocument`."""
    match = _NAME.match(path.name)
    if match is None:
        raise InputError(
            f"{path}: not an ECB+ document name; expected TOPIC_NUMBERecb.xml or "
            "TOPIC_NUMBERecbplus.xml"
        )
    sentences: dict[int, list[str]] = {}
    root = ElementTree.parse(path).getroot()
    for token in root.iter("token"):
        sentences.setdefault(int(token.get("sentence", "0")), []).append(token.text or "")
    url = None
    if match["half"] == "ecbplus" and sentences.get(0, [""])[0].startswith("http"):
        url = "".join(sentences.pop(0))
    text = "\n".join(detokenize(sentences[number]) for number in sorted(sentences))
    article_id = path.stem
    article = Article(
        id=article_id,
        source=str(path),
        text=text,
        url=url,
        title=None,
        language="en",
    )
    topic = match["topic"]
    return EcbPlusDocument(article=article, topic=topic, story=f"{topic}/{match['half']}")


def load_ecbplus(path: str | Path) -> EcbPlusCorpus:
    """Read every document of an ECB+ release (the folder holding ``ECB+/`` or ``ECB+`` itself)."""
    root = Path(path)
    folder = root / "ECB+" if (root / "ECB+").is_dir() else root
    files = [p for p in folder.glob("*/*.xml") if _NAME.match(p.name)]
    if not files:
        raise InputError(
            f"{root}: no ECB+ documents found; pass the folder that holds ECB+/<topic>/*.xml"
        )

    def order(p: Path) -> tuple[int, str, int]:
        match = _NAME.match(p.name)
        if match is None:  # filtered above; keeps mypy aware
            raise InputError(f"{p}: not an ECB+ document name")
        return int(match["topic"]), match["half"], int(match["number"])

    return EcbPlusCorpus(tuple(read_document(p) for p in sorted(files, key=order)))
