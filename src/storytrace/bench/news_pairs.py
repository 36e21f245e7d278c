"""Real news pairs in ten languages, each pair judged the same story or not by readers.

The SemEval-2022 Task 8 sample in ``../shared/data/semeval2022-task8-sample``
holds 1,124 pairs of real articles (title and lead, about 1,000 characters):
annotators scored each pair from 1 (very similar) to 4 (very dissimilar).
A pair is *the same story* at ``Overall <= 1.5`` and *different stories* at
``Overall >= 3``; pairs in between are left out. Texts are read from the
shared folder and never copied into the project.

>>> pairs = load_news_pairs("../shared/data/semeval2022-task8-sample")  # doctest: +SKIP
>>> len(pairs.articles), len(pairs.pairs)  # doctest: +SKIP
(2120, 920)
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from storytrace.errors import InputError
from storytrace.models import Article

SAME_AT_MOST = 1.5
"""``Overall`` scores up to this are the same story."""
DIFFERENT_AT_LEAST = 3.0
"""``Overall`` scores from this are different stories."""

_TITLE_END = re.compile(r"\n|\s{2,}")


@dataclass(frozen=True, slots=True)
class NewsPair:
    """Two articles and the readers' judgement: the same story or not."""

    left: str
    right: str
    left_language: str
    right_language: str
    overall: float
    same: bool

    @property
    def cross_language(self) -> bool:
        """True when the two articles are in different languages."""
        return self.left_language != self.right_language


@dataclass(frozen=True, slots=True)
class NewsPairs:
    """The articles of the sample (each once) and its judged pairs."""

    articles: tuple[Article, ...]
    pairs: tuple[NewsPair, ...]


def _article(identifier: str, language: str, text: str) -> Article:
    """An article whose headline is the text's first line (or first run before a wide gap)."""
    text = text.strip()
    cut = _TITLE_END.search(text, 0, 300)
    title = text[: cut.start()].strip() if cut else None
    body = text[cut.end() :].strip() if cut else text
    return Article(
        id=identifier,
        source=f"semeval:{identifier}",
        text=body or text,
        title=title or None,
        language=language,
    )


def load_news_pairs(path: str | Path) -> NewsPairs:
    """The judged pairs of ``path/pairs.csv`` (or of ``path`` itself when it is the file).

    An article id that comes with two different texts gets its language as a
    suffix on the second text, so no text is lost or merged with another.
    """
    source = Path(path)
    if source.is_dir():
        source = source / "pairs.csv"
    if not source.is_file():
        raise InputError(f"{source}: no pairs file (expected the SemEval-2022 Task 8 sample)")
    articles: dict[str, Article] = {}
    pairs: list[NewsPair] = []
    with source.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            first, second = row["pair_id"].split("_", 1)
            ids = []
            for identifier, language, text in (
                (first, row["lang1"], row["text1"]),
                (second, row["lang2"], row["text2"]),
            ):
                known = articles.get(identifier)
                if known is not None and known.text != _article(identifier, language, text).text:
                    identifier = f"{identifier}-{language}-{len(articles)}"
                articles.setdefault(identifier, _article(identifier, language, text))
                ids.append(identifier)
            overall = float(row["Overall"])
            if SAME_AT_MOST < overall < DIFFERENT_AT_LEAST:
                continue
            pairs.append(
                NewsPair(
                    left=ids[0],
                    right=ids[1],
                    left_language=row["lang1"],
                    right_language=row["lang2"],
                    overall=overall,
                    same=overall <= SAME_AT_MOST,
                )
            )
    return NewsPairs(tuple(articles[key] for key in sorted(articles)), tuple(pairs))
