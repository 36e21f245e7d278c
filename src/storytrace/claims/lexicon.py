"""Word lists shipped as documented data files under ``storytrace/claims/data``.

Each file is tab-separated: a case-insensitive regular expression, a category
and a note; lines starting with ``#`` document the file (its sources and
licence). Patterns are matched on word boundaries.

>>> hits = find_terms("hedges", "The ship reportedly lost steering.")
>>> [(hit.text, hit.category) for hit in hits]
[('reportedly', 'adverb')]

Beside them, :func:`subjectivity_lexicon` reads a lexicon that a dependency ships:
pattern's English subjectivity lexicon (De Smedt and Daelemans 2012, public domain
under the PDDL), the ``en/en-sentiment.xml`` file inside the textblob package. It is
read as data; textblob's code (and so NLTK) is never imported.

>>> [hit.text for hit in find_subjective_words("A brutal and absurd plan.")]
['brutal', 'absurd']
"""

from __future__ import annotations

import importlib.util
import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from statistics import fmean
from types import MappingProxyType

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
    return merge_hits(hits)


SUBJECTIVITY_PACKAGE = "textblob"
"""The package whose wheel ships pattern's English subjectivity lexicon."""

SUBJECTIVITY_FILE = "en/en-sentiment.xml"
"""Where the lexicon lies inside :data:`SUBJECTIVITY_PACKAGE`."""

MIN_SUBJECTIVITY = 0.6
"""Mean subjectivity (0 objective .. 1 subjective) from which a lexicon word is loaded."""

MIN_POLARITY = 0.1
"""Smallest absolute mean polarity of a loaded word: loaded words judge (``absurd``,
``brilliant``), while subjective but neutral ones (``only``, ``total``, ``key``) do not.

Both thresholds were chosen on the tune half of BABE (subjectivity 0.5, 0.6, 0.7 by
polarity 0, 0.1, 0.2, 0.3, 0.5; sentence-bias macro-F1 is highest at 0.6 and 0.1) and
are then measured on the report half; see ``docs/loaded-wording.md``."""

_WORD = re.compile(r"[^\W\d_]+(?:[-'\u2019][^\W\d_]+)*")


@dataclass(frozen=True, slots=True)
class WordScore:
    """A word's polarity (-1 negative .. 1 positive) and subjectivity (0 .. 1), mean of senses."""

    polarity: float
    subjectivity: float


def _subjectivity_path() -> Path:
    # find_spec locates the package without running its __init__ (which imports NLTK).
    spec = importlib.util.find_spec(SUBJECTIVITY_PACKAGE)
    if spec is None or spec.origin is None:
        raise ConfigurationError(
            f"the {SUBJECTIVITY_PACKAGE!r} package, which ships the English subjectivity "
            f"lexicon, is not installed; install it with: pip install {SUBJECTIVITY_PACKAGE}"
        )
    path = Path(spec.origin).parent / SUBJECTIVITY_FILE
    if not path.is_file():
        raise ConfigurationError(
            f"{path} is missing from the installed {SUBJECTIVITY_PACKAGE!r} package; "
            f"reinstall a version that ships it (see docs/dependencies.md for the range)"
        )
    return path


@cache
def subjectivity_lexicon() -> Mapping[str, WordScore]:
    """Pattern's English lexicon as casefolded word -> mean polarity and subjectivity.

    A word has one entry per sense (``ridiculous``: pitiful or humorous); like pattern
    itself when the part of speech is unknown, the senses are averaged. Multi-word
    entries ("for sure") are left out: text is looked up one word at a time.
    """
    senses: dict[str, list[tuple[float, float]]] = {}
    for entry in ElementTree.parse(_subjectivity_path()).getroot().iter("word"):
        form = (entry.get("form") or "").casefold()
        if form and " " not in form:
            values = (float(entry.get("polarity", 0)), float(entry.get("subjectivity", 0)))
            senses.setdefault(form, []).append(values)
    return MappingProxyType(
        {
            form: WordScore(fmean(p for p, _ in values), fmean(s for _, s in values))
            for form, values in senses.items()
        }
    )


def find_subjective_words(
    text: str,
    *,
    min_subjectivity: float = MIN_SUBJECTIVITY,
    min_polarity: float = MIN_POLARITY,
) -> list[TermHit]:
    """Words of ``text`` whose lexicon subjectivity and absolute polarity reach the minimums.

    Each hit's category is ``"subjective"``. English only: the lexicon is English.
    """
    for name, value in (("min_subjectivity", min_subjectivity), ("min_polarity", min_polarity)):
        if not 0.0 <= value <= 1.0:
            raise ConfigurationError(f"{name}={value!r}: expected a number between 0 and 1")
    lexicon = subjectivity_lexicon()
    hits: list[TermHit] = []
    for match in _WORD.finditer(text):
        score = lexicon.get(match.group().casefold())
        if (
            score is not None
            and score.subjectivity >= min_subjectivity
            and abs(score.polarity) >= min_polarity
        ):
            hits.append(TermHit(match.start(), match.end(), match.group(), "subjective"))
    return hits


def merge_hits(*groups: list[TermHit]) -> list[TermHit]:
    """Non-overlapping hits of several finders, longest first where they overlap, by position."""
    hits = sorted(
        (hit for group in groups for hit in group), key=lambda h: (h.start, -(h.end - h.start))
    )
    kept: list[TermHit] = []
    for hit in hits:
        if kept and hit.start < kept[-1].end:
            continue
        kept.append(hit)
    return kept
