"""Word lists shipped as documented data files under ``storytrace/claims/data``.

Each file is tab-separated: a case-insensitive regular expression, a category
and a note; lines starting with ``#`` document the file (its sources and
licence). Patterns are matched on word boundaries.

>>> hits = find_terms("hedges", "The ship reportedly lost steering.")
>>> [(hit.text, hit.category) for hit in hits]
[('reportedly', 'adverb')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from storytrace.errors import ConfigurationError

LEXICONS = ("hedges", "loaded", "aliases", "reporting")
"""The lexicon files, by name (``data/<name>.tsv``)."""


@dataclass(frozen=True, slots=True)
class Term:
    """One lexicon entry: its compiled pattern, category and note."""

    pattern: re.Pattern[str]
    category: str
    note: str


@dataclass(frozen=True, slots=True)
class TermHit:
    """Where a lexicon entry matched a text."""

    start: int
    end: int
    text: str
    category: str


@cache
def read_table(name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of ``data/<name>.tsv`` (comments and blank lines left out), 2 or 3 columns each."""
    if name not in LEXICONS:
        raise ConfigurationError(
            f"unknown lexicon {name!r}; valid lexicons are {', '.join(LEXICONS)}"
        )
    text = resources.files("storytrace.claims").joinpath(f"data/{name}.tsv").read_text("utf-8")
    rows: list[tuple[str, ...]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) < 2:
            raise ConfigurationError(
                f"data/{name}.tsv line {number}: expected PATTERN<TAB>CATEGORY[<TAB>NOTE]"
            )
        rows.append((parts[0], parts[1].strip(), parts[2].strip() if len(parts) > 2 else ""))
    return tuple(rows)


@cache
def read_lexicon(name: str) -> tuple[Term, ...]:
    """The entries of ``data/<name>.tsv`` as case-insensitive patterns, compiled once."""
    return tuple(
        Term(re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])", re.IGNORECASE), category, note)
        for pattern, category, note in read_table(name)
    )


def find_terms(name: str, text: str) -> list[TermHit]:
    """Every non-overlapping match of lexicon ``name`` in ``text``, longest first, by position."""
    hits: list[TermHit] = []
    for term in read_lexicon(name):
        for match in term.pattern.finditer(text):
            if match.end() > match.start():
                hits.append(TermHit(match.start(), match.end(), match.group(), term.category))
    hits.sort(key=lambda hit: (hit.start, -(hit.end - hit.start)))
    kept: list[TermHit] = []
    for hit in hits:
        if kept and hit.start < kept[-1].end:
            continue
        kept.append(hit)
    return kept
