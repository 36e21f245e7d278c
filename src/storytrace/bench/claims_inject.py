"""Known changes injected into copies of real articles, for the discrepancy benchmark.

A copy of an ECB+ article is first reworded harmlessly everywhere (figures and
dates written another way, a few synonyms and reporting verbs, negations
contracted, two adjacent sentences after the lead swapped), then, for all
copies but the control ones, one line gets one known change of one kind:

* ``entity_set``: a country is replaced by another country;
* ``number``: a figure (digits or a number word) is scaled or shifted a little;
* ``date``: a weekday, a day of the month, a month or a year is shifted;
* ``place``: a capital city or a state or province is replaced by another one;
* ``polarity``: "not" is put after an auxiliary verb, or a "not"/"n't"/"no" taken out;
* ``attribution``: a speaker's full name (after a reporting verb, or after a title
  with a reporting verb later in the clause) is replaced by a
  made-up one.

The benchmark shares no cues with the detector it scores: nothing here comes
from :mod:`storytrace.claims` or its entity model. Targets are found with plain
regular expressions; word lists are written for the benchmark
(``data/inject_words.tsv``, ``data/inject_names.txt``), countries and places
come from pycountry and countryinfo. A change is kept only if it alters exactly
one value of its kind in its line and no value of another kind.

>>> reword("Police said the fire began on July 28, 2012 and did not spread.", rng=random.Random(0))
"Police told reporters the fire started on 28 July 2012 and didn't spread."
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, cast

from storytrace.bench.ecbplus import line_spans
from storytrace.models import Article, DiscrepancyKind

KINDS: tuple[DiscrepancyKind, ...] = (
    "entity_set",
    "number",
    "date",
    "place",
    "polarity",
    "attribution",
)

_MONTHS = (
    "January February March April May June July August September October November December"
).split()
_MONTH_SHORT = {"Jan.": 1, "Feb.": 2, "Aug.": 8, "Sept.": 9, "Sep.": 9, "Oct.": 10}
_MONTH_SHORT |= {"Nov.": 11, "Dec.": 12}
_WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
_MONTH = "|".join([*_MONTHS, *(re.escape(m) for m in _MONTH_SHORT)])
_YEAR = r"(?:19|20)\d\d"
# Alternatives in order of length, so "July 28, 2012" is one date and not three.
_DATE = re.compile(
    rf"(?<![\w.,-])(?:(?P<m1>{_MONTH}) (?P<d1>\d{{1,2}})(?P<s1>st|nd|rd|th)?(?:,? (?P<y1>{_YEAR}))?"
    rf"|(?P<d2>\d{{1,2}}) (?P<m2>{_MONTH})(?: (?P<y2>{_YEAR}))?"
    rf"|(?P<m3>{_MONTH}),? (?P<y3>{_YEAR})"
    rf"|(?P<w>{'|'.join(_WEEKDAYS)})"
    rf"|(?P<m4>(?!May)(?:{_MONTH}))"
    rf"|(?P<y4>{_YEAR}))(?![\w-]|[.,]\d)"
)
_AUXILIARY = "was|were|is|are|has|had|have|will|would|could|can|did|does|do|should"
_POLARITY = re.compile(
    r"\b(?:(?P<short>wo|ca|sha)n't|(?P<cannot>can)not"
    rf"|(?P<aux>{_AUXILIARY})"
    r"(?P<neg>n't|\s+not\b|\s+no\b(?!\s+(?:longer|one|more|less|matter|doubt)\b))?)"
    r"(?=\s+(?P<next>[a-z]+|\d+)|[\s,.;:!?\"'])"
)
_SHORT_AUXILIARY = {"wo": "will", "ca": "can", "sha": "shall"}
_PERFECT = frozenset("been made had said told found left lost seen known gone done put".split())
_NAME_WORD = r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
# Capitalised words that open a sentence without being part of the name that follows.
_OPENERS = frozenset("In At On From To The By For Near Outside Across".split())
_NOT_NAMES = frozenset(
    [*_MONTHS, *_WEEKDAYS, *"The New Los Las San Santa Saint North South East West".split()]
)


@dataclass(frozen=True, slots=True)
class InjectedChange:
    """One change made to a copy: its kind, the changed sentence's span, and the words."""

    kind: DiscrepancyKind
    start: int
    end: int
    before: str
    after: str


@dataclass(frozen=True, slots=True)
class Value:
    """One value of a kind in a line: its span and a key that ignores how it is written."""

    start: int
    end: int
    key: str


@dataclass(frozen=True, slots=True)
class _Words:
    numbers: dict[str, int]
    synonyms: tuple[tuple[re.Pattern[str], str], ...]
    contractions: tuple[tuple[re.Pattern[str], str], ...]
    person: re.Pattern[str]
    speech: re.Pattern[str]
    names: tuple[str, ...]


@cache
def _words() -> _Words:
    """The benchmark's own word lists, read from its data files."""
    data = resources.files("storytrace.bench").joinpath("data")
    rows: dict[str, list[tuple[str, str]]] = {}
    for line in data.joinpath("inject_words.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            group, text, replacement, _note = line.split("\t")
            rows.setdefault(group, []).append((text, replacement))
    lead = "|".join(re.escape(t) for t, _ in rows["title"])
    speech = "|".join(re.escape(t) for t, _ in rows["speech"])
    person = re.compile(
        rf"(?:(?<![\w.])(?:{lead})|\b(?:{speech})),? (?P<name>{_NAME_WORD} {_NAME_WORD})"
        r"(?![\w-]| [A-Z])"
    )
    names = data.joinpath("inject_names.txt").read_text(encoding="utf-8").splitlines()
    return _Words(
        numbers={word: int(value) for word, value in rows["number"]},
        synonyms=tuple((re.compile(p), r) for p, r in rows["synonym"]),
        contractions=tuple((re.compile(rf"\b{p}\b"), r) for p, r in rows["contraction"]),
        person=person,
        speech=re.compile(rf"\b(?:{speech})\b"),
        names=tuple(n for n in names if n and not n.startswith("#")),
    )


def _names_pattern(names: set[str]) -> re.Pattern[str]:
    ordered = sorted(names, key=lambda n: (-len(n), n))
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in ordered) + r")(?![\w-])")


def _populous() -> list[dict[str, Any]]:
    """countryinfo's records of the countries of a million people or more."""
    from countryinfo import all_countries

    found = []
    for info in all_countries():
        data = cast(dict[str, Any], info.info())
        population = data.get("population")
        if isinstance(population, int | float) and population >= 1e6:
            found.append(data)
    return found


def _subdivisions(code: str, kind: str) -> set[str]:
    """Names of one country's subdivisions of one type ("State"), from pycountry."""
    import pycountry

    found = cast(Any, pycountry.subdivisions).get(country_code=code)
    return {str(s.name) for s in found if s.type == kind}


@cache
def _countries() -> tuple[tuple[str, ...], tuple[str, ...], re.Pattern[str]]:
    """Country names from pycountry (ISO 3166-1), plain ones only ("Korea, Republic of" is
    not), and those of a million people or more (countryinfo), which replace them."""
    import pycountry

    populous = {str((data.get("ISO") or {}).get("alpha2", "")) for data in _populous()}
    plain = re.compile(rf"{_NAME_WORD}(?: (?:and|of|the|{_NAME_WORD})){{0,3}}")
    # "Georgia" is a state as well.
    states = _subdivisions("US", "State")
    names: dict[str, str] = {}
    for country in pycountry.countries:
        for name in (country.name, getattr(country, "common_name", None)):
            if isinstance(name, str) and plain.fullmatch(name) and name not in states:
                names[name] = str(country.alpha_2)
    common = tuple(sorted(n for n, code in names.items() if code in populous))
    return tuple(sorted(names)), common, _names_pattern(set(names))


@cache
def _places() -> tuple[dict[str, str], re.Pattern[str]]:
    """Places and their group: capitals of countries of a million people or more (countryinfo),
    states of the United States, Australia and India, and provinces of Canada (pycountry)."""
    group = {
        str(data["capital"]): "capital"
        for data in _populous()
        if isinstance(data.get("capital"), str)
    }
    for code, kind in (("US", "State"), ("AU", "State"), ("IN", "State"), ("CA", "Province")):
        group |= dict.fromkeys(_subdivisions(code, kind), code)
    countries = set(_countries()[0]) | {"Georgia"}
    group = {
        name: g
        for name, g in group.items()
        if re.fullmatch(rf"{_NAME_WORD}(?: {_NAME_WORD}){{0,2}}", name) and name not in countries
    }
    return group, _names_pattern(set(group))


def _standalone(line: str, start: int, end: int) -> bool:
    """Whether a name stands alone, not glued to other capitalised words ("New Mexico")."""
    before = re.search(r"([A-Z][\w.'-]*) $", line[:start])
    if before and not (before[1] in _OPENERS and before.start() == 0):
        return False
    return re.match(r" [A-Z]", line[end:]) is None


def _number_key(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)


def _dates(line: str) -> list[Value]:
    found = []
    for match in _DATE.finditer(line):
        month_text = match["m1"] or match["m2"] or match["m3"] or match["m4"]
        month = _MONTH_SHORT.get(month_text or "") or (
            _MONTHS.index(month_text) + 1 if month_text else 0
        )
        day = match["d1"] or match["d2"] or ""
        year = match["y1"] or match["y2"] or match["y3"] or match["y4"] or ""
        key = match["w"].casefold() if match["w"] else f"{month}/{day}/{year}"
        found.append(Value(match.start(), match.end(), key))
    return found


def _numbers(line: str) -> list[Value]:
    words = _words().numbers
    pattern = (
        r"(?<![\w.,/:-])(?:(?P<digits>\d{1,3}(?:,\d{3})+|\d+)(?P<decimals>\.\d+)?"
        rf"|(?i:(?P<word>{'|'.join(words)})))(?![\w-]|[.,:/]\d)"
    )
    dates = _dates(line)
    found = []
    for match in re.finditer(pattern, line):
        if any(d.start < match.end() and match.start() < d.end for d in dates):
            continue
        if re.match(r"\s?(?:a\.m\.|p\.m\.|am\b|pm\b)", line[match.end() :]):
            continue
        # "Windows 7", "Beta 2": a version or a name, not a figure.
        named = re.search(r"[A-Z][\w.'-]* $", line[: match.start()])
        if named and named.start() > 0:
            continue
        if match["word"]:
            value: float = words[match["word"].casefold()]
        else:
            value = float(match["digits"].replace(",", "") + (match["decimals"] or ""))
        found.append(Value(match.start(), match.end(), _number_key(value)))
    return found


def _named(line: str, pattern: re.Pattern[str]) -> list[Value]:
    return [
        Value(m.start(), m.end(), m[0])
        for m in pattern.finditer(line)
        if _standalone(line, m.start(), m.end())
    ]


def _people(line: str) -> list[Value]:
    places = _places()[0]
    countries = set(_countries()[0])
    found = []
    words = _words()
    for match in words.person.finditer(line):
        name = match["name"]
        if any(w in _NOT_NAMES or w in places or w in countries for w in name.split()):
            continue
        # A speaker: the name follows a reporting word, or one follows it in the clause
        # ("Sheriff Robert Pickell said"). A name after a title elsewhere ("Dr. X, a
        # neurosurgeon, is the leading contender") is a participant, not a source.
        before = line[max(0, match.start() - 20) : match.start()]
        spoken = words.speech.match(match[0]) is not None or bool(
            re.search(rf"{words.speech.pattern},?\s+$", before)
        )
        after = re.split(r"[.;:!?]", line[match.end("name") : match.end("name") + 60])[0]
        if spoken or words.speech.search(after):
            found.append(Value(match.start("name"), match.end("name"), name))
    return found


def _polarities(line: str) -> list[Value]:
    found = []
    for match in _POLARITY.finditer(line):
        if match["short"]:
            key = f"{_SHORT_AUXILIARY[match['short']]} not"
        elif match["cannot"]:
            key = "can not"
        else:
            key = match["aux"] + (" not" if match["neg"] else "")
        found.append(Value(match.start(), match.end(), key))
    return found


def find_values(kind: DiscrepancyKind, line: str) -> list[Value]:
    """The values of one kind a line states, in order.

    >>> [v.key for v in find_values("number", "Four men and 1,200 women, on July 4.")]
    ['4', '1200']
    """
    if kind == "number":
        return _numbers(line)
    if kind == "date":
        return _dates(line)
    if kind == "entity_set":
        return _named(line, _countries()[2])
    if kind == "place":
        return _named(line, _places()[1])
    if kind == "attribution":
        return _people(line)
    return _polarities(line)


def _reword_date(match: re.Match[str]) -> str:
    # Only full month names: "July 28, 2012" -> "28 July 2012"; "Jan. 5" stays as written.
    if match["m1"] in _MONTHS and not match["s1"]:
        return f"{match['d1']} {match['m1']}" + (f" {match['y1']}" if match["y1"] else "")
    return match[0]


def _reword_line(line: str) -> str:
    words = _words()
    for pattern, replacement in (*words.synonyms, *words.contractions):
        line = pattern.sub(replacement, line)

    def plain_figure(match: re.Match[str]) -> str:
        figure = match[0].replace(",", "")
        # "2,000" stays: written "2000" it would read as a year.
        return match[0] if re.fullmatch(_YEAR, figure) else figure

    line = re.sub(r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?![\w]|[.,]\d)", plain_figure, line)
    line = re.sub(
        rf"\b({'|'.join(words.numbers)}) (?=[a-z])",
        lambda m: f"{words.numbers[m[1]]} ",
        line,
    )
    return _DATE.sub(_reword_date, line)


_BACK_REFERENCE = re.compile(
    r"^(?:He|She|It|They|This|That|These|Those|His|Her|Its|Their|But|And|However|Also|Then|So)\b"
)


def _sentence(line: str) -> bool:
    return (
        len(line.split()) >= 6
        and re.search(r"[.!?][\"'\u201d]?$", line) is not None
        and line.count('"') % 2 == 0
        and line.count("\u201c") == line.count("\u201d")
    )


def _swappable(lines: list[str]) -> list[int]:
    """Lines ``i`` (after the lead) that can trade places with line ``i + 1``: whole
    sentences neither of which, nor the one after them, leans on what came before."""
    return [
        i
        for i in range(2, len(lines) - 1)
        if _sentence(lines[i])
        and _sentence(lines[i + 1])
        and not any(_BACK_REFERENCE.match(line) for line in lines[i : i + 3])
    ]


def reword(text: str, *, rng: random.Random) -> str:
    """Harmless rewording of every line; two adjacent sentences after the lead may swap."""
    lines = [_reword_line(line) for line in text.split("\n")]
    if candidates := _swappable(lines):
        i = rng.choice(candidates)
        lines[i], lines[i + 1] = lines[i + 1], lines[i]
    return "\n".join(lines)


def _new_figure(value: float, decimals: int, rng: random.Random) -> float | None:
    """A realistic other figure: a small step for small counts, else 1.2 to 3 times more or less."""
    digits = str(int(value))
    zeros = min(len(digits) - len(digits.rstrip("0")), len(digits) - 1) if not decimals else 0
    for _ in range(20):
        if value < 10 and not decimals:
            new = value + rng.choice((-3, -2, -1, 1, 2, 3))
        elif value < 10:
            new = round(value + rng.choice((-1, 1)) * rng.uniform(0.3, 1.5), decimals)
        else:
            factor = rng.uniform(1.2, 3.0)
            new = value * factor if rng.random() < 0.5 else value / factor
            new = round(new, decimals) if decimals else float(round(new, -zeros))
        year_like = not decimals and 1900 <= new <= 2099
        if new >= 1 and new != value and not year_like:
            return new
    return None


def _change_number(line: str, value: Value, rng: random.Random) -> str | None:
    text = line[value.start : value.end]
    decimals = len(text.split(".")[1]) if "." in text else 0
    new = _new_figure(float(value.key), decimals, rng)
    if new is None:
        return None
    if text[0].isalpha():
        words = {v: w for w, v in _words().numbers.items()}
        word = "one" if new == 1 else words.get(int(new))
        if word is None:
            return _number_key(new)
        return word.capitalize() if text[0].isupper() else word
    if decimals:
        return f"{new:.{decimals}f}"
    return f"{int(new):,}" if "," in text else str(int(new))


def _change_date(line: str, value: Value, rng: random.Random) -> str | None:
    text = line[value.start : value.end]
    step = rng.choice((-3, -2, -1, 1, 2, 3))
    if text in _WEEKDAYS:
        return _WEEKDAYS[(_WEEKDAYS.index(text) + step) % 7]
    if day := re.search(r"\b\d{1,2}\b", text):
        new_day = int(day[0]) + step if 1 <= int(day[0]) + step <= 28 else int(day[0]) - step
        return text[: day.start()] + str(new_day) + text[day.end() :]
    if month := re.search(rf"\b(?:{'|'.join(_MONTHS)})\b", text):
        new_month = _MONTHS[(_MONTHS.index(month[0]) + step) % 12]
        return text[: month.start()] + new_month + text[month.end() :]
    if year := re.search(_YEAR, text):
        return text[: year.start()] + str(int(year[0]) + step) + text[year.end() :]
    return None


def _other(choices: list[str], line: str, rng: random.Random) -> str | None:
    choices = [c for c in choices if not any(word in line for word in c.split())]
    return rng.choice(choices) if choices else None


def _change_country(line: str, value: Value, rng: random.Random) -> str | None:
    return _other(list(_countries()[1]), line, rng)


def _change_place(line: str, value: Value, rng: random.Random) -> str | None:
    group = _places()[0]
    return _other(sorted(p for p, g in group.items() if g == group[value.key]), line, rng)


def _change_person(line: str, value: Value, rng: random.Random) -> str | None:
    return _other(list(_words().names), line, rng)


def _change_polarity(line: str, value: Value, rng: random.Random) -> str | None:
    key = value.key
    if key.endswith(" not"):
        return key.removesuffix(" not")
    following = _POLARITY.match(line, value.start)
    next_word = (following["next"] if following else None) or ""
    if next_word in {"", "to"} or key in {"do", "does", "did"}:
        return None
    if key in {"has", "have", "had"} and not (
        next_word.endswith(("ed", "en")) or next_word in _PERFECT
    ):
        return None
    return f"{key} not"


_CHANGES: dict[DiscrepancyKind, Callable[[str, Value, random.Random], str | None]] = {
    "entity_set": _change_country,
    "number": _change_number,
    "date": _change_date,
    "place": _change_place,
    "polarity": _change_polarity,
    "attribution": _change_person,
}
"""One function per kind: a line, one of its values and a random source to new words."""


def _changes_one_value(kind: DiscrepancyKind, line: str, changed: str) -> bool:
    """Exactly one value of ``kind`` differs between the two lines, and no other value."""
    for other in KINDS:
        before = Counter(v.key for v in find_values(other, line))
        after = Counter(v.key for v in find_values(other, changed))
        if other != kind and before != after:
            return False
        if other == kind and (before.total() != after.total() or (before - after).total() != 1):
            return False
    return True


def inject(
    text: str, kind: DiscrepancyKind, rng: random.Random
) -> tuple[str, InjectedChange] | None:
    """``text`` with one change of ``kind`` in one of its lines, or ``None`` if none applies.

    >>> text = "The storm killed 12 people on Monday night."
    >>> new, change = inject(text, "date", random.Random(1))
    >>> change.before == text, new == change.after != text
    (True, True)
    """
    spans = line_spans(text)
    order = list(range(len(spans)))
    rng.shuffle(order)
    for index in order:
        start, end = spans[index]
        line = text[start:end]
        values = find_values(kind, line) if len(line.split()) >= 6 else []
        if not values:
            continue
        value = rng.choice(values)
        replacement = _CHANGES[kind](line, value, rng)
        if replacement is None:
            continue
        changed = line[: value.start] + replacement + line[value.end :]
        if not _changes_one_value(kind, line, changed):
            continue
        new_text = text[:start] + changed + text[end:]
        return new_text, InjectedChange(kind, start, start + len(changed), line, changed)
    return None


def copy_article(article: Article, text: str) -> Article:
    """A copy of ``article`` with another id and the given text."""
    return Article(
        id=f"{article.id}-copy", source=f"{article.source}#copy", text=text, language="en"
    )
