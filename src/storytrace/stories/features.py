"""What one article says that tells its event apart: words, names, numbers, dates, lead.

Two reports of one event share its specifics (who, where, how many, which
day); two events of the same kind share only the vocabulary of that kind. So
besides content words, :func:`extract_features` keeps the capitalised names
found inside sentences, the numbers and month-day dates, the lead (headline
and first sentences, where news tells the event), word shingles for
near-duplicate detection, and the publication time.

>>> article = Article(id="a", source="a.txt", text="Rescuers in Haiti found 12 survivors on May 3.")
>>> features = extract_features(article, StorySettings())
>>> sorted(features.names), sorted(features.numbers)
(['haiti'], ['12'])
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache

import numpy as np
import numpy.typing as npt
from rensa import RMinHash

from storytrace.models import Article
from storytrace.stories.settings import StorySettings
from storytrace.stories.vocabulary import MONTH_NAMES, MONTHS, STOP_WORDS, WEEKDAYS
from storytrace.stories.written_dates import written_date
from storytrace.words import function_words, has_unspaced, stem, unspaced_terms

TOKEN = re.compile(r"\d+(?:[,.:/]\d+)*|[^\W_]+(?:['\u2019.\-][^\W_]+)*")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)]*\s+(?=[\"'\u201c\u2018(]?[A-Z])|\n+")
_SHINGLE_MULTIPLIER = np.uint64(0x100000001B3)
_THOUSANDS = re.compile(r",(?=\d{3}(?!\d))")
_SENTENCE_OPENERS = frozenset('.!?:;"\u201c\u2018(-\u2013\u2014')  # fmt: skip


@dataclass(frozen=True, slots=True)
class ArticleFeatures:
    """The evidence one article brings to story grouping, as bags of terms.

    Every bag maps a lower-case term to how often it occurs.
    """

    article_id: str
    words: Counter[str]
    names: Counter[str]
    numbers: Counter[str]
    lead: Counter[str]
    lead_text: str
    """The headline and first sentences given to the sentence encoder."""
    shingles: npt.NDArray[np.uint64]
    """Distinct hashes of word shingles (runs of ``shingle_words`` tokens), sorted."""
    published: datetime | None
    language: str | None
    dates: Counter[str] = field(default_factory=Counter)
    """Month-day dates written in the text (``may-3``): evidence shown, not compared."""
    written: datetime | None = None
    """The date the headline or lead gives, for an article without a publication date."""

    @property
    def when(self) -> datetime | None:
        """The publication date, else the date written in the lead."""
        return self.published or self.written

    @property
    def is_empty(self) -> bool:
        """True when the article has no word, name or number to compare."""
        return not (self.words or self.names or self.numbers)


def is_year(number: str) -> bool:
    """True for a four-digit year from 1900 to 2099 written without separators.

    >>> is_year("2016"), is_year("2,016"), is_year("1850")
    (True, False, False)
    """
    return len(number) == 4 and number.isdigit() and 1900 <= int(number) <= 2099


def parse_published(value: str | None) -> datetime | None:
    """An ISO 8601 date or date-time as an aware datetime (UTC if no zone), else ``None``.

    >>> parse_published("2016-07-13").isoformat()
    '2016-07-13T00:00:00+00:00'
    >>> parse_published("last Tuesday") is None
    True
    """
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def split_sentences(text: str) -> list[str]:
    """Cut text into sentences at line breaks and at ``.!?`` before a capital letter.

    >>> split_sentences("Quake hits Haiti. Dozens dead.\\nRescue goes on")
    ['Quake hits Haiti.', 'Dozens dead.', 'Rescue goes on']
    """
    return [part.strip() for part in _SENTENCE_END.split(text) if part.strip()]


def fold_token(token: str) -> str:
    """A token in lower case, with curly apostrophes straightened and a possessive 's cut."""
    folded = token.lower()
    if "'" in folded or "\u2019" in folded:
        folded = folded.replace("\u2019", "'").removesuffix("'s")
    return folded


@dataclass(slots=True)
class _Bags:
    """Terms of an article gathered in one pass over its sentences."""

    words: list[str]
    names_inside: Counter[str]
    names_at_start: list[str]
    numbers: list[str]
    dates: list[str]


@cache
def _stop_words(language: str | None) -> frozenset[str]:
    """Function words of the language and of English, and words that carry no event."""
    return STOP_WORDS | function_words(language)


def _scan(tokens: list[str], folded: list[str], bags: _Bags, language: str | None) -> None:
    """Add one sentence's content words (stemmed), names and numbers to ``bags``."""
    stop_words = _stop_words(language)
    names: list[tuple[str, bool]] = []
    capitalised = alphabetic = 0
    title_case = False
    day_of_date = -1
    last = len(tokens) - 1
    for index, token in enumerate(tokens):
        term = folded[index]
        first = token[0]
        if first.isdigit():
            number = _THOUSANDS.sub("", term) if "," in term else term
            if is_year(number):
                # A year says when, not what: it is time evidence, not a shared figure.
                continue
            bags.words.append(number)
            if index != day_of_date:
                bags.numbers.append(number)
            continue
        if has_unspaced(token):
            bags.words.extend(t for t in unspaced_terms(token) if t not in stop_words)
            continue
        bare = term.rstrip(".")
        month = MONTHS.get(bare) if first.isupper() else None
        if month:
            following = tokens[index + 1] if index < last else ""
            if following.isdigit() and 1 <= int(following) <= 31:
                # A date says when, not what: shown as evidence, not compared as a figure.
                bags.dates.append(f"{MONTH_NAMES[month - 1]}-{int(following)}")
                day_of_date = index + 1
        if term in stop_words:
            if index and first.isupper() and not token.isupper() and not month:
                title_case = True
            continue
        alphabetic += 1
        if len(term) > 1:
            bags.words.append(stem(term, language))
        if not first.isupper() or month or bare in WEEKDAYS:
            continue
        capitalised += 1
        if len(term) > 1:
            opener = index == 0 or tokens[index - 1][-1] in _SENTENCE_OPENERS
            names.append((term, opener or (token.isupper() and len(token) > 5)))
    # In a title-case headline ("Star Checks Into Rehab") capitals do not mark names: it
    # capitalises small words inside the line, or every word.
    headline = title_case or (alphabetic >= 4 and capitalised == alphabetic)
    for term, at_start in names:
        if at_start or headline:
            bags.names_at_start.append(term)
        else:
            bags.names_inside[term] += 1


def shingle_hashes(folded: Sequence[str], size: int) -> npt.NDArray[np.uint64]:
    """A stable 64-bit hash of every run of ``size`` consecutive tokens, in text order
    (one hash of all the tokens when there are fewer).

    >>> len(shingle_hashes(["a", "b", "c", "d"], 3))
    2
    """
    if not folded:
        return np.zeros(0, dtype=np.uint64)
    tokens = np.asarray(RMinHash.hash_token_sets([list(folded)])[0], dtype=np.uint64)
    width = min(size, len(tokens))
    combined = tokens[: len(tokens) - width + 1].copy()
    for offset in range(1, width):
        # Wrapping multiply-add in unsigned 64-bit integers: an order-aware combination.
        combined = (
            combined * _SHINGLE_MULTIPLIER + tokens[offset : len(tokens) - width + 1 + offset]
        )
    return combined


def extract_features(article: Article, settings: StorySettings) -> ArticleFeatures:
    """The words, names, numbers, lead, shingles and time of one article.

    Empty or odd articles get empty bags, never an error.
    """
    title = (article.title or "").strip()
    texts = ([title] if title else []) + split_sentences(article.text or "")
    lead_count = settings.lead_sentences + (1 if title else 0)
    embedded_count = settings.embedding_sentences + (1 if title else 0)
    bags = _Bags([], Counter(), [], [], [])
    lead_words: list[str] = []
    lead_texts: list[str] = []
    seen = 0
    all_folded: list[str] = []
    for text in texts:
        tokens = TOKEN.findall(text)
        if not tokens:
            continue
        folded = [fold_token(token) for token in tokens]
        all_folded.extend(folded)
        _scan(tokens, folded, bags, article.language)
        seen += 1
        if seen <= lead_count:
            lead_words = list(bags.words)
        if seen <= embedded_count:
            lead_texts.append(text)
    published = parse_published(article.published)
    names = bags.names_inside
    for term in bags.names_at_start:
        if term in names:
            names[term] += 1
    return ArticleFeatures(
        article_id=article.id,
        words=Counter(bags.words),
        names=names,
        numbers=Counter(bags.numbers),
        lead=Counter(lead_words),
        lead_text=" ".join(lead_texts),
        shingles=np.unique(shingle_hashes(all_folded, settings.shingle_words)),
        published=published,
        language=article.language,
        dates=Counter(bags.dates),
        written=(
            written_date(title, article.text or "", article.language)
            if published is None and settings.written_dates
            else None
        ),
    )
