"""Numeric quantities as French, Spanish, German, Italian, Arabic and English news write them.

A quantity is a count, an amount, a percentage, a measure, an age, a duration
or a score, written in digits (Western, Arabic-Indic or Persian) or in
words; the rules are those of the "Numbers" section of
``docs/claims-multilingual-annotation.md``. The span is the number itself
with its magnitude words (``3 millions``, ``12 mil 310``, ``4,2 milliards``,
``7 آلاف``), never its sign or unit (``37 %`` is ``37``). Left out: dates and
their parts (``le 17 mars``, ``24.04.2020``, ``2019``, ``años 80``), times of
day (``14h30``, ``um 7 Uhr``), ordinals (``1er``, ``2.`` before a German noun,
``deuxième``), numbers of names and codes (``G20``, ``Covid-19``, ``saison
11``, phone numbers), the indefinite article (``un``, ``eine``) unless it
counts (``un seul``, ``erst eine Stunde``, a list of counts) and vague words
(``des dizaines``, ``miles de``).

How spans are found. Digits are read here, with the separators of the text's
language (``2,5`` is 2.5 in French, ``2.5`` in English; ``24.518`` is 24518
in Spanish): a separator followed by other than three digits is a decimal
mark, and a lone ``,ddd`` or ``.ddd`` is settled by the other figures of the
same text when they show its convention, else by the language. Number words go
through text2num's token-level parser (``text_to_num.find_numbers``), not
``alpha2digit``: the original text is cut into tokens that keep their offsets
(letter runs, digit runs, single punctuation marks), text2num answers with
ranges of token indices, and a span runs from its first token's start to its
last token's end, so no rewritten text has to be aligned back. Arabic number
words, which text2num lacks, come from a table written from Arabic grammar
(units, teens, tens, hundreds, thousands, millions, with their dual, plural
and accusative forms, joined by ``و``). Month and weekday names come from
Babel's locale data.

>>> text = "Selon la police, 3 millions d'euros et vingt-deux blessés le 17 mars à 14h30."
>>> [(number.text, number.value) for number in find_numbers(text, "fr")]
[('3 millions', 3000000.0), ('vingt-deux', 22.0)]
"""

from __future__ import annotations

import bisect
import math
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache

import text_to_num
from babel.dates import get_day_names, get_month_names


@dataclass(frozen=True, slots=True)
class WrittenNumber:
    """A quantity found in a text: ``text[start:end]`` and the value it is read as."""

    start: int
    end: int
    value: float
    text: str


@dataclass(frozen=True, slots=True)
class _Token:
    """A letter run, digit run or punctuation mark, in the shape text2num reads."""

    start: int
    end: int
    word: str

    def text(self) -> str:
        return _SPELLINGS.get(self.word.lower(), self.word)

    def nt_separated(self, previous: _Token) -> bool:
        return False

    def not_a_number_part(self) -> bool:
        return False


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    value: float
    rank: int  # on overlap the lower rank wins: 0 fraction, 1 digits, 2 words, 3 compound part
    digits: str = ""  # the digits as written, for digit numbers


_SPELLINGS = {"veintiún": "veintiuno"}  # accented forms text2num does not know
_WORD_LANGUAGES = frozenset({"fr", "es", "de", "it", "en", "pt", "nl", "da"})
_LOCALES = {
    "fr": ("fr", "fr_CA", "fr_BE", "fr_CH"), "es": ("es", "es_MX"), "de": ("de", "de_AT"),
    "it": ("it",), "en": ("en", "en_GB"), "pt": ("pt", "pt_PT"), "nl": ("nl",), "da": ("da",),
    "ar": ("ar", "ar_SY", "ar_DZ", "ar_MA"),
}  # fmt: skip
# Languages whose news writes names with numbers (France 24) but does not capitalise nouns,
# and their short function words, which a capital letter does not make a name ("mientras En 17").
_NAME_NUMBERS = frozenset({"fr", "es", "it", "pt"})
_FUNCTION_WORDS = frozenset(
    """le la les un une des du de au aux en et ou à dans sur par pour avec sans entre vers el los
    las una unos unas del al y o con por para sin sobre hasta desde il lo gli di da in su per tra
    fra e ed con o os um uma do da dos das no na nos nas em por com""".split()
)
_THOUSANDS_MARKS = {"fr": ".", "de": ".", "it": ".", "pt": ".", "nl": ".", "da": ".", "es": ".,"}
# Magnitude words after digits, lower-case (Arabic in its folded spelling, see _arabic_fold).
_MAGNITUDES = {
    "fr": {"mille": 1e3, "million": 1e6, "millions": 1e6, "milliard": 1e9, "milliards": 1e9,
           "md": 1e9, "mds": 1e9, "billion": 1e12, "billions": 1e12},
    "es": {"mil": 1e3, "millón": 1e6, "millon": 1e6, "millones": 1e6, "millardo": 1e9,
           "millardos": 1e9, "billón": 1e12, "billones": 1e12},
    "de": {"tausend": 1e3, "tsd": 1e3, "million": 1e6, "millionen": 1e6, "mio": 1e6,
           "milliarde": 1e9, "milliarden": 1e9, "mrd": 1e9, "billion": 1e12, "billionen": 1e12},
    "it": {"mila": 1e3, "mille": 1e3, "milione": 1e6, "milioni": 1e6, "mln": 1e6,
           "miliardo": 1e9, "miliardi": 1e9, "mld": 1e9, "mrd": 1e9},
    "pt": {"mil": 1e3, "milhão": 1e6, "milhões": 1e6, "bilhão": 1e9, "bilhões": 1e9},
    "nl": {"duizend": 1e3, "miljoen": 1e6, "miljard": 1e9},
    "ar": {"الف": 1e3, "الفا": 1e3, "الاف": 1e3, "مليون": 1e6, "مليونا": 1e6, "ملايين": 1e6,
           "مليار": 1e9, "مليارا": 1e9, "مليارات": 1e9, "بليون": 1e9},
    "en": {"thousand": 1e3, "million": 1e6, "millions": 1e6, "billion": 1e9, "billions": 1e9,
           "bn": 1e9, "trillion": 1e12},
}  # fmt: skip
_ABBREVIATIONS = frozenset({"md", "mds", "tsd", "mio", "mrd", "mln", "mld"})
_ARTICLES = {
    "fr": {"un", "une"}, "es": {"un", "una", "uno"}, "it": {"un", "una", "uno"},
    "de": {"ein", "eine", "einen", "einem", "einer", "eines"}, "pt": {"um", "uma"},
    "nl": {"een"}, "da": {"en", "et"}, "en": set(),
}  # fmt: skip
# Words that make an article a numeral: before it ("nur ein") or after it ("un seul").
_COUNTING_BEFORE = frozenset(
    "moins sólo solo solamente únicamente apenas menos nur erst knapp lediglich bloß genau "
    "mindestens soltanto appena almeno somente".split()
)
_COUNTING_AFTER = frozenset(
    "seul seule solo sola único única unico unica einzig einzige einziger einzigen einziges "
    "só".split()
)
_VAGUE_PLURALS = frozenset(
    "millions milliards milliers centaines dizaines millones miles cientos centenares millares "
    "decenas millionen milliarden tausende hunderte dutzende milioni miliardi migliaia "
    "centinaia decine thousands billions hundreds dozens tens milhões milhares centenas unos unas "
    "uns umas".split()
)
_HUNDRED_OF_PERCENT = re.compile(r"(?:pour|per|por)\s+$", re.IGNORECASE)
_GERMAN_PARTS = (
    "stündig", "tägig", "wöchig", "monatig", "jährig", "minütig", "sekündig", "köpfig", "teilig",
    "stöckig", "sitzig", "spurig", "zimmer", "stunden", "tage", "jahres", "malig", "mal",
    "prozentig", "sterne", "gängig",
)  # fmt: skip
# The "jeder Zweite" and "une centaine" kind: words that stand for one definite number.
_FRACTIONS: dict[str, list[tuple[str, float | None]]] = {
    "fr": [(r"une\s+(douzaine|dizaine|quinzaine|vingtaine|trentaine|quarantaine|cinquantaine|"
            r"soixantaine|centaine)(?=\s+d(?:e\b|['\u2019]))", None),
           (r"un\s+millier", 1000.0), (r"(?<!\bà\s)(?:la\s+)?moitié", 0.5), (r"un\s+tiers", 1 / 3),
           (r"deux\s+tiers", 2 / 3), (r"un\s+quart", 0.25), (r"trois\s+quarts", 0.75)],
    "es": [(r"una\s+(docena|decena|veintena|treintena|cuarentena|cincuentena|centena)"
            r"(?=\s+de\b)", None),
           (r"un\s+(centenar|millar)", None), (r"media\s+docena", 6.0),
           (r"(?<!\ba\s)(?:la\s+)?mitad", 0.5), (r"un\s+tercio", 1 / 3), (r"dos\s+tercios", 2 / 3),
           (r"una\s+cuarta\s+parte", 0.25)],
    "it": [(r"una\s+(dozzina|decina|quindicina|ventina|trentina|quarantina|cinquantina|"
            r"sessantina)(?=\s+d(?:i\b|['\u2019]))", None),
           (r"un\s+(centinaio|migliaio)", None), (r"mezza\s+dozzina", 6.0),
           (r"(?<!\ba\s)(?:la\s+)?metà", 0.5), (r"un\s+terzo", 1 / 3), (r"due\s+terzi", 2 / 3),
           (r"un\s+quarto", 0.25), (r"tre\s+quarti", 0.75)],
    "de": [(r"ein\s+halbes\s+Dutzend", 6.0), (r"ein\s+Dutzend", 12.0),
           (r"(?:die\s+|der\s+)?Hälfte", 0.5), (r"jede[rsnm]?\s+(Zweite|Dritte|Vierte|Fünfte|"
                                                r"Zehnte)n?", None),
           (r"ein(?:e[mn]?)?\s+Drittel", 1 / 3), (r"zwei\s+Drittel", 2 / 3),
           (r"ein(?:e[mn]?)?\s+Viertel", 0.25), (r"drei\s+Viertel", 0.75)],
    "en": [(r"half\s+a\s+dozen", 6.0), (r"a\s+dozen", 12.0), (r"(?:a\s+)?half", 0.5),
           (r"a\s+third(?=\s+of\b)", 1 / 3), (r"two[\s-]thirds", 2 / 3),
           (r"a\s+quarter(?=\s+of\b)", 0.25), (r"three[\s-]quarters", 0.75)],
}  # fmt: skip
_FRACTION_WORDS = {
    "douzaine": 12, "dizaine": 10, "quinzaine": 15, "vingtaine": 20, "trentaine": 30,
    "quarantaine": 40, "cinquantaine": 50, "soixantaine": 60, "centaine": 100, "docena": 12,
    "decena": 10, "veintena": 20, "treintena": 30, "cuarentena": 40, "cincuentena": 50,
    "centena": 100, "centenar": 100, "millar": 1000, "dozzina": 12, "decina": 10,
    "quindicina": 15, "ventina": 20, "trentina": 30, "quarantina": 40, "cinquantina": 50,
    "sessantina": 60, "centinaio": 100, "migliaio": 1000, "zweite": 1 / 2, "dritte": 1 / 3,
    "vierte": 1 / 4, "fünfte": 1 / 5, "zehnte": 1 / 10,
}  # fmt: skip
_ARABIC_FRACTIONS = {"نصف": 0.5, "ثلث": 1 / 3, "ربع": 0.25, "ثلثا": 2 / 3, "ثلثي": 2 / 3}
# Arabic number words by grammatical kind. "head" (أحد, اثنا...) only counts before عشر/عشرة;
# "plural" scales (آلاف) only after a number; the article form (الخمسة) is left out, because
# with the article the tens read as ordinals (العشرين) and اثنين as Monday (الاثنين).
_ARABIC_WORDS = (
    ("unit", 1, "واحد واحدة"), ("unit", 2, "اثنان اثنين اثنتان اثنتين"), ("unit", 3, "ثلاث ثلاثة"),
    ("unit", 4, "أربع أربعة"), ("unit", 5, "خمس خمسة"), ("unit", 6, "ست ستة"),
    ("unit", 7, "سبع سبعة"), ("unit", 8, "ثمان ثماني ثمانية"), ("unit", 9, "تسع تسعة"),
    ("head", 1, "أحد إحدى"), ("head", 2, "اثنا اثني اثنتا اثنتي"), ("ten", 10, "عشر عشرة"),
    ("tens", 20, "عشرون عشرين"), ("tens", 30, "ثلاثون ثلاثين"), ("tens", 40, "أربعون أربعين"),
    ("tens", 50, "خمسون خمسين"), ("tens", 60, "ستون ستين"), ("tens", 70, "سبعون سبعين"),
    ("tens", 80, "ثمانون ثمانين"), ("tens", 90, "تسعون تسعين"), ("hundred", 100, "مئة مائة"),
    ("hundreds", 200, "مئتان مئتين مائتان مائتين"), ("hundreds", 300, "ثلاثمئة ثلاثمائة"),
    ("hundreds", 400, "أربعمئة أربعمائة"), ("hundreds", 500, "خمسمئة خمسمائة"),
    ("hundreds", 600, "ستمئة ستمائة"), ("hundreds", 700, "سبعمئة سبعمائة"),
    ("hundreds", 800, "ثمانمئة ثمانمائة ثمانيمائة"), ("hundreds", 900, "تسعمئة تسعمائة"),
    ("scale", 1e3, "ألف ألفا"), ("scale", 1e6, "مليون مليونا"),
    ("scale", 1e9, "مليار مليارا بليون"), ("plural", 1e3, "آلاف"), ("plural", 1e6, "ملايين"),
    ("plural", 1e9, "مليارات"), ("dual", 2e3, "ألفان ألفين"), ("dual", 2e6, "مليونان مليونين"),
    ("dual", 2e9, "ملياران مليارين"),
)  # fmt: skip
# Spellings that vary in news: hamza on alef, final ya, ta marbuta; tatweel is dropped.
_ARABIC_FOLD = str.maketrans(
    {"\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627", "\u0649": "\u064a",
     "\u0629": "\u0647", "\u0640": None}
)  # fmt: skip
_ARABIC_MARKS = re.compile(r"[\u064b-\u065f\u0670]")

_TOKEN = re.compile(r"(?:[^\W\d_]|[\u064b-\u065f\u0670])+|\d+|[^\w\s]")
_DIGITS = re.compile(r"\d+(?:[.,\u066b\u066c]\d+|[ \u00a0\u202f\u2009'\u2019\u060c]\d{3}(?!\d))*")
_SEPARATOR = re.compile(r"([.,\u066b\u066c \u00a0\u202f\u2009'\u2019\u060c])")
# Marks that only ever group thousands: 1 000, 1'000, 400،000 (Arabic comma).
_SPACES = frozenset(" \u00a0\u202f\u2009'\u2019\u060c")
_NEXT_WORD = re.compile(r"[ \u00a0\u202f]*((?:[^\W\d_]|[\u064b-\u065f\u0670])+)(\.?)")
_MIL_REST = re.compile(r"[ \u00a0\u202f]+(\d{1,3})(?![\d.,\u066b\u066c]?\d)")
_GLUED_UNITS = frozenset(
    "km kg mg g cm mm m m2 m² km2 km² ml cl l ha kW kWh MW GW mph min GB MB TB Go Mo".split()
)
_GLUED_ENGLISH = {"m": 1e6, "bn": 1e9, "k": 1e3}
_PROCLITICS = frozenset("وفبلك")
_BLOCKED = (
    r"(?<![\d.,])(?:\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})|\d{4}[./-]\d{1,2}[./-]\d{1,2})(?!\d)",
    r"\d+\s?/\s?\d+",  # 24/04, decree 45/2020
    r"(?<!\d)\d{1,2}\s?[:h]\s?\d{2}(?!\d)",  # 9:40, 14h30, 14 h 30
    r"(?<![\w+])(?<!\d\s)(?:\+|00)\d{1,3}(?:[\s.\-/]?\(?\d+\)?){2,}",  # +33 1 23 45 67 89
    r"(?<![\w.,])(?<!\d\s)0\d{1,4}(?:[\s.\-/]\d{2,4}){2,}(?!\w)",  # 0800 123 456
    r"(?<![\w.,])(?<!\d\s)\d{2}(?:[\s.\-]\d{2}){3,}(?!\w)",  # 06 12 34 56 78
    r"(?<![\w.,])\d+(?:[-\u2013]\d+){2,}(?!\d)",  # 1321-2-2
    r"(?<![^\W\d_])[A-Z]\.?\s?\d+(?:[-\u2013]\d+)+",  # L. 1321-2
)
_GERMAN_DAY_MONTH = r"(?<![\d.,])\d{1,2}\.\d{1,2}\.(?!\d)"  # am 24.4. (German only)
_IDENTIFIERS = frozenset(
    """saison épisode chapitre article numéro ligne route autoroute vol salle tome volume
    version niveau phase stade étape formule ligue covid page temporada episodio capítulo
    artículo número línea ruta carretera autopista vuelo sala tomo versión nivel fase etapa
    fórmula página decreto ley staffel folge episode kapitel artikel paragraf nummer linie
    bundesstraße autobahn flug stufe level seite gleis platz stagione capitolo articolo numero
    linea strada autostrada volo livello pagina versione formula legge season chapter number
    line highway interstate flight stage gate platform room رقم المادة كوفيد""".split()
)
_IDENTIFIER_MARK = re.compile(r"(?:\b(?:n|no|nr|núm|num|art)(?:\.|\s*[°º])|[#№])\s*$", re.I)
_CODE_LETTER = re.compile(r"(?<![^\W\d_])[B-DF-HJ-NP-TV-XZ]\.?\s*$")  # L. 1321, B 27 (not "A 5")
_YEAR_NOUN = re.compile(r"(?:jahr|jahre|l['\u2019]an|année|año|anno|year|عام|سنة)\s*$", re.I)
_YEAR_AFTER = re.compile(r"\s*(?:bis|à|au|a|al|-|\u2013|and|to|et|y|e|und|إلى)\s*(\d{4})(?!\d)")
_YEAR_BEFORE = re.compile(r"(?<!\d)(\d{4})\s*(?:bis|à|au|a|al|-|\u2013|and|to|et|y|e|und|إلى)\s*$")
# A unit or currency after four digits makes them a measure, not a year: "2000 Meter".
_MEASURE_AFTER = re.compile(
    r"\s*(?:[%€$£]|(?:m|km|kg|t|meter|metern|mètres|metros|metri|kilometer|kilomètres|kilómetros|"
    r"chilometri|euro|euros|dollar|dollars|dólares|dollari|franken|francs|pesos|متر|كم|كجم|جنيه|"
    r"دولار|ريال|درهم|يورو)(?![^\W\d_]))",
    re.IGNORECASE,
)
_DECADE = re.compile(r"(?:años|années|anni|década\s+de|décennie|decenni)\s*$", re.IGNORECASE)
_STREET = re.compile(r"\s*(?:bis|ter)?,?\s*(?:rue|avenue|boulevard|bd|chemin|allée|impasse|quai)\b")
_STREET_NAME = re.compile(r"(?:stra(?:ß|ss)e|str\.|weg|gasse|allee|damm|ufer)\s*$", re.IGNORECASE)
_CLOCK_AFTER = re.compile(
    r"\s*(?:uhr\b|hs\b|o['\u2019]clock|[ap]\.\s?m\.|gmt\b|utc\b|صباح|مساء|ظهر|فجر|بتوقيت)", re.I
)
_ENGLISH_CLOCK_AFTER = re.compile(r"\s*[ap]m\b", re.IGNORECASE)
_HOURS_AFTER = re.compile(r"\s*(?:h|heures?|hrs?|horas?|hs|ore|hours?)\b", re.IGNORECASE)
_AT_HOUR_BEFORE = re.compile(
    r"(?:^|\s)(?:à|vers|dès|avant|après|jusqu['\u2019]à|las|alle|dalle|ore|at|um|gegen|ab|desde|hasta|"
    r"entre|from|until)\s*$",
    re.IGNORECASE,
)
_HOUR_BEFORE = re.compile(r"(?:\bore|\ba\s+las|الساع[ةه])\s*$", re.IGNORECASE)
_LAS_BEFORE = re.compile(r"\b(?:las|alle|dalle)\s*$", re.IGNORECASE)
_LAS_AFTER = re.compile(
    r"(?:\s*$|\s*[,.;:)!?]|\s+(?:y|e)\s|\s+(?:de\s+la|del|di|della)\s)", re.IGNORECASE
)
_DATE_LINK = re.compile(
    r"\s*(?:au|à|et|y|e|und|bis|al|and|to|-|\u2013|,|و|إلى|حتى)\s*", re.IGNORECASE
)
_GERMAN_STARTERS = frozenset(
    """der die das den dem des ein eine er sie es wir ich ihr man auch doch aber und dann damit
    dabei daher deshalb so nach bei im in am auf mit zudem außerdem insgesamt laut wie was wer
    wo als zum zur seit trotz für diese dieser dieses jetzt nun heute bisher""".split()
)
# Between two counts of a list: up to three words, then a comma or a conjunction.
_LIST_GAP = re.compile(
    r"(?:\s*[^\W\d_]+(?:['\u2019-][^\W\d_]+)*){0,3}\s*(?:(,)|\s(?:et|y|e|ed|und|and|sowie|o|ou|oder|or))"
    r"\s*",
    re.IGNORECASE,
)
_ITALIAN_VERB_SEI = re.compile(r"\b(?:se|tu|non|ci|ti|ne|dove|come|quando|chi|perché)\s+$", re.I)
_PROPORTION = re.compile(r"\s+(?:sur|su|de\s+cada|von|aus|out\s+of|em\s+cada)\s+", re.I)


def find_numbers(text: str, language: str | None) -> tuple[WrittenNumber, ...]:
    """The quantities of ``text``, in order, read in the conventions of ``language``.

    ``language`` is an ISO 639-1 code (``"fr"``, ``"de-AT"``); with ``None`` or
    a language without number words here, only digits are read (and Arabic
    number words, which no other script has). Any text is accepted: what
    cannot be read as a number (``1.2.3``, a figure too large for a float) is
    left out, never raised.

    >>> [(n.text, n.value) for n in find_numbers("Mindestens 25 Menschen, 2,5 Mio. Euro.", "de")]
    [('25', 25.0), ('2,5 Mio.', 2500000.0)]
    """
    code = re.split(r"[-_]", (language or "").strip().lower(), maxsplit=1)[0]
    tokens = [_Token(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
    candidates = [*_fractions(text, tokens, code), *_digit_numbers(text, code)]
    if code in _WORD_LANGUAGES:
        candidates.extend(_text2num_numbers(text, tokens, code))
    candidates.extend(_arabic_numbers(text, tokens))
    if code == "de":
        candidates.extend(_german_compound_numbers(tokens))
    chosen = _without_overlaps(candidates)
    kept = _read_in_context(text, chosen, code)
    kept.extend(_counting_articles(text, tokens, code, chosen, kept))
    return tuple(
        WrittenNumber(c.start, c.end, c.value, text[c.start : c.end])
        for c in sorted(kept, key=lambda c: c.start)
    )


def _without_overlaps(candidates: Sequence[_Candidate]) -> list[_Candidate]:
    """The best reading of each stretch of text: lower rank first, then the longer span."""
    chosen: list[_Candidate] = []  # sorted by start, never overlapping
    starts: list[int] = []
    for candidate in sorted(candidates, key=lambda c: (c.rank, c.start - c.end, c.start)):
        index = bisect.bisect_left(starts, candidate.start)
        if (index == 0 or chosen[index - 1].end <= candidate.start) and (
            index == len(chosen) or candidate.end <= chosen[index].start
        ):
            chosen.insert(index, candidate)
            starts.insert(index, candidate.start)
    return chosen


def _fractions(text: str, tokens: Sequence[_Token], language: str) -> Iterator[_Candidate]:
    for pattern, value in _FRACTIONS.get(language, ()):
        for match in re.finditer(rf"(?<!\w){pattern}(?!\w)", text, re.IGNORECASE):
            word = (match.group(1) or "").lower() if match.groups() else ""
            found = value if value is not None else _FRACTION_WORDS.get(word)
            if found is not None:
                yield _Candidate(match.start(), match.end(), float(found), 0)
    for token in tokens:
        if not _is_arabic(token.word[0]):
            continue
        word = _arabic_fold(token.word)
        for prefix in _ARABIC_FRACTION_PREFIXES:
            if word.startswith(prefix) and word[len(prefix) :] in _ARABIC_FRACTION_KEYS:
                value = _ARABIC_FRACTION_KEYS[word[len(prefix) :]]
                yield _Candidate(token.start + _past(token.word, prefix), token.end, value, 0)
                break


def _arabic_fold(word: str) -> str:
    return _ARABIC_MARKS.sub("", word).translate(_ARABIC_FOLD).lower()


def _past(word: str, prefix: str) -> int:
    """Offset in ``word`` after the letters its folded form starts ``prefix`` with."""
    offset = 0
    for _ in prefix:
        offset += 1
        while offset < len(word) and not _arabic_fold(word[offset]):
            offset += 1
    return offset


_ARABIC_FRACTION_PREFIXES = ("", *_PROCLITICS)  # with the article, النصف is "the half" of a year
_ARABIC_FRACTION_KEYS = {_arabic_fold(word): value for word, value in _ARABIC_FRACTIONS.items()}
_ARABIC_KEYS = {
    _arabic_fold(word): (kind, float(value))
    for kind, value, words in _ARABIC_WORDS
    for word in words.split()
}


def _digit_numbers(text: str, language: str) -> Iterator[_Candidate]:
    thousands, settled = _thousands_marks(text, language)
    magnitudes = _MAGNITUDES.get(language) or {
        w: f for table in _MAGNITUDES.values() for w, f in table.items()
    }
    position = 0
    while match := _DIGITS.search(text, position):
        length, value = _read_digits(match.group(), thousands, settled)
        start, end = match.start(), match.start() + length
        position = end
        if value is None:
            continue
        digits = text[start:end]
        glued = re.match(r"[^\W\d_]+", text[end:])
        if language == "en" and glued and glued.group() in _GLUED_ENGLISH:
            value *= _GLUED_ENGLISH[glued.group()]
            end += glued.end()
        last_factor, last_word = 0.0, ""
        while word := _NEXT_WORD.match(text, end):
            folded = _arabic_fold(word.group(1))
            factor = magnitudes.get(folded)
            if factor is None or factor <= last_factor:
                break
            value *= factor
            end = word.end() if word.group(2) and folded in _ABBREVIATIONS else word.end(1)
            last_factor, last_word = factor, folded
        rest = _MIL_REST.match(text, end) if last_word == "mil" else None
        following = _NEXT_WORD.match(text, rest.end()) if rest else None
        if rest and not (following and _arabic_fold(following.group(1)) in magnitudes):
            value += float(rest.group(1))
            end = position = rest.end()
        if math.isfinite(value):
            yield _Candidate(start, end, value, 1, digits)


def _thousands_marks(text: str, language: str) -> tuple[str, bool]:
    """Which of "." and "," group thousands in a lone ``1,500``, and whether the text says so.

    The text says so when another of its figures can only be read one way
    (``2,5``, ``1.234.567``, ``1,234.5``); otherwise the language decides.
    """
    comma_decimal = point_decimal = False
    for match in _DIGITS.finditer(text):
        marks = [s for s in _SEPARATOR.findall(match.group()) if s in ".,"]
        if len(set(marks)) == 2:
            comma_decimal |= marks[-1] == ","
            point_decimal |= marks[-1] == "."
        elif len(marks) > 1:
            comma_decimal |= marks[0] == "."
            point_decimal |= marks[0] == ","
        elif marks and text[match.end() : match.end() + 1] != ".":
            after = match.group().rsplit(marks[0], 1)[1]
            if len(re.split(r"\D", after)[0]) != 3:
                comma_decimal |= marks[0] == ","
                point_decimal |= marks[0] == "."
    if comma_decimal != point_decimal:
        return ("." if comma_decimal else ","), True
    return _THOUSANDS_MARKS.get(language, ","), False


def _read_digits(raw: str, thousands: str, settled: bool) -> tuple[int, float | None]:
    """How much of ``raw`` is one number, and its value (``None`` for a code like 1.2.3).

    A lone mark before three digits is a thousands mark if ``thousands`` has it
    or, when the text did not settle its convention, if the digits end in 0:
    nobody writes 60.000 for sixty.
    """
    parts = _SEPARATOR.split(raw)
    groups, separators = parts[0::2], parts[1::2]
    offset = len(groups[0])
    for index, separator in enumerate(separators):
        if separator in _SPACES and (
            len(groups[0]) > 3
            or any(len(g) != 3 for g in groups[1 : index + 1])
            or any(s not in _SPACES and s != "\u066c" for s in separators[:index])
        ):
            return offset, _read_digits(raw[:offset], thousands, settled)[1]
        offset += len(separator) + len(groups[index + 1])
    marks = [(i, s) for i, s in enumerate(separators) if s in ".,\u066b"]
    decimal: int | None = None
    if "\u066b" in separators:
        decimal = separators.index("\u066b")
    elif len({s for _, s in marks}) == 2:
        decimal = marks[-1][0]
    elif len(marks) == 1:
        index, mark = marks[0]
        after = groups[index + 1]
        grouping = mark in thousands or (not settled and after.endswith("0"))
        if len(after) != 3 or len(groups[index]) > 3 or not groups[0].strip("0") or not grouping:
            decimal = index
    whole = separators if decimal is None else separators[:decimal]
    if "\u066b" in whole or (whole and len(groups[0]) > 3):
        return len(raw), None
    if any(len(g) != 3 for g in groups[1 : len(whole) + 1]):
        return len(raw), None
    if decimal is not None and len(separators) > decimal + 1:
        return len(raw), None
    integer = "".join(groups[: len(whole) + 1])
    fraction = "".join(groups[len(whole) + 1 :]) or "0"
    as_ascii = "".join(str(unicodedata.decimal(c)) for c in f"{integer}{fraction}")
    value = float(f"{as_ascii[: len(integer)]}.{as_ascii[len(integer) :]}")
    return len(raw), value if math.isfinite(value) else None


def _text2num_numbers(text: str, tokens: Sequence[_Token], language: str) -> Iterator[_Candidate]:
    try:
        occurrences = text_to_num.find_numbers(list(tokens), language, 0.0)
    except Exception:  # a parser failure must not cost the digits already read
        return
    articles = _ARTICLES.get(language, set()) | ({"a", "an"} if language == "en" else set())
    for occurrence in occurrences:
        run = tokens[occurrence.start : occurrence.end]
        if occurrence.is_ordinal or not run or not math.isfinite(occurrence.value):
            continue
        first = run[0].word.lower()
        before = text[max(0, run[0].start - 12) : run[0].start]
        previous = tokens[occurrence.start - 1].word.lower() if occurrence.start else ""
        if len(run) == 1 and (
            first in _VAGUE_PLURALS
            or first in articles
            or (first in ("cent", "cento", "ciento") and _HUNDRED_OF_PERCENT.search(before))
            or (language == "it" and first == "sei" and _ITALIAN_VERB_SEI.search(before))
            or (occurrence.value >= 1e6 and previous not in articles)  # "One Billion Rising"
        ):
            continue
        start = run[0].start
        if len(run) == 1 and occurrence.value >= 100 and previous in articles:
            start = tokens[occurrence.start - 1].start  # "eine Million", "a hundred"
        yield _Candidate(start, run[-1].end, float(occurrence.value), 2)


def _german_compound_numbers(tokens: Sequence[_Token]) -> Iterator[_Candidate]:
    """The numeral at the head of a German compound: ``drei`` in ``dreistündig``."""
    for token in tokens:
        word = token.word.lower()
        for cut in range(3, len(word) - 2):
            head, tail = word[:cut], word[cut:]
            if not tail.startswith(_GERMAN_PARTS) or (head == "ein" and tail.startswith("mal")):
                continue
            try:
                value = float(text_to_num.text2num(head, "de"))
            except Exception:  # not a numeral: text2num says so by raising
                continue
            yield _Candidate(token.start, token.start + cut, value, 3)
            break


def _arabic_word(word: str) -> tuple[int, str, float, bool] | None:
    """(length of proclitics, kind, value, joined by "و") of an Arabic number word."""
    if not _is_arabic(word[0]):
        return None
    folded = _arabic_fold(word)
    for prefix in ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك"):
        rest = folded[len(prefix) :]
        if folded.startswith(prefix) and rest in _ARABIC_KEYS:
            if prefix not in ("", "و", "ف") and len(rest) < 4:
                return None  # لست is "I am not", not ل + ست
            kind, value = _ARABIC_KEYS[rest]
            return _past(word, prefix), kind, value, prefix.startswith("و")
    return None


def _arabic_numbers(text: str, tokens: Sequence[_Token]) -> Iterator[_Candidate]:
    index = 0
    while index < len(tokens):
        first = _arabic_word(tokens[index].word)
        after = _arabic_word(tokens[index + 1].word) if index + 1 < len(tokens) else None
        if (
            first is None
            or first[1] == "plural"
            or (first[1] == "head" and not (after and after[1] == "ten"))
            or (first[1] == "ten" and index and tokens[index - 1].word.startswith("ال"))
        ):  # السادس عشر is "sixteenth"
            index += 1
            continue
        total, current, last = 0.0, 0.0, ""
        end = index
        while end < len(tokens):
            word = _arabic_word(tokens[end].word)
            if word is None:
                break
            _, kind, value, joined = word
            if end > index:
                if text[tokens[end - 1].end : tokens[end].start].strip():
                    break
                if not _arabic_continues(last, kind, joined):
                    break
            if kind == "hundred" and last == "unit" and not joined:
                current *= 100
            elif kind in ("scale", "plural"):
                total += (current or 1) * value
                current = 0
            else:
                current += value
            last = kind
            end += 1
        start = tokens[index].start + first[0]
        yield _Candidate(start, tokens[end - 1].end, total + current, 2)
        index = end


def _arabic_continues(last: str, kind: str, joined: bool) -> bool:
    if joined:
        after_scale = last in ("hundred", "hundreds", "scale", "plural", "dual")
        return (after_scale and kind not in ("scale", "plural")) or (last, kind) == ("unit", "tens")
    return (
        (kind == "ten" and last in ("unit", "head"))
        or (kind == "hundred" and last == "unit")
        or (kind in ("scale", "plural") and last in ("unit", "head", "ten", "tens", "hundred",
                                                     "hundreds"))
    )  # fmt: skip


@cache
def _calendar(language: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Patterns for a month name after a day, a month before it, a weekday before it."""
    locales = _LOCALES.get(language) or tuple(x for group in _LOCALES.values() for x in group)
    months: set[str] = set()
    days: set[str] = set()
    for locale in locales:
        for context in ("format", "stand-alone"):
            months.update(get_month_names("wide", context, locale).values())
            days.update(get_day_names("wide", context, locale).values())
            for name in get_month_names("abbreviated", context, locale).values():
                months.add(name if name.endswith(".") else f"{name}.")
    month = _alternation(months)
    day = _alternation(days)
    return (
        re.compile(
            rf"\s*(?:\.|°|º)?\s*(?:de\s+|del\s+|di\s+|of\s+|من\s+)?(?:{month})(?![^\W\d_])", re.I
        ),
        re.compile(rf"(?<![^\W\d_])(?:{month})\s*$", re.IGNORECASE),
        re.compile(rf"(?<![^\W\d_])(?:{day})(?:,?\s+(?:le|el|den|dem|der|il|the))?\s+$", re.I),
    )


def _alternation(names: set[str]) -> str:
    def pattern(name: str) -> str:
        parts = [re.escape(part) for part in name.split()]
        text = r"\s+".join(parts)
        for letters in ("أإآا", "يى", "ةه"):
            text = re.sub(f"[{letters}]", f"[{letters}]", text)
        return text

    return "|".join(pattern(n) for n in sorted(names, key=len, reverse=True) if n.strip("."))


def _read_in_context(text: str, chosen: Sequence[_Candidate], language: str) -> list[_Candidate]:
    """The chosen numbers that are quantities, not dates, times, ordinals or codes."""
    month_after, month_before, weekday_before = _calendar(language if language in _LOCALES else "")
    blocked = bytearray(len(text) + 1)
    patterns = (*_BLOCKED, _GERMAN_DAY_MONTH) if language == "de" else _BLOCKED
    for pattern in patterns:
        for match in re.finditer(pattern, text):
            blocked[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
    dates: set[int] = set()
    kept: list[_Candidate] = []
    for candidate in reversed(chosen):
        start, end, value = candidate.start, candidate.end, candidate.value
        before, after = text[max(0, start - 30) : start], text[end : end + 30]
        link = _DATE_LINK.match(after)
        is_date = (
            value.is_integer()
            and 1 <= value <= 31
            and (
                bool(month_after.match(after))
                or bool(month_before.search(before) and re.match(r"\s*,|\s*$|\.(?!\d)", after))
                or bool(weekday_before.search(before))
                or bool(link and end + link.end() in dates)
            )
        )
        if is_date:
            dates.add(start)
        if (
            is_date
            or any(blocked[start:end])
            or _is_time(before, after, language)
            or _IDENTIFIER_MARK.search(before)
            or _CODE_LETTER.search(before)
            or _previous_word(before) in _IDENTIFIERS
            or _DECADE.search(before)
            or _STREET.match(after)
            or _STREET_NAME.search(before)
            or (candidate.digits and _digits_excluded(text, candidate, language))
        ):
            continue
        kept.append(candidate)
    return kept[::-1]


def _previous_word(before: str) -> str:
    words = re.findall(r"[^\W\d_]+", before)
    return words[-1].lower() if words and not before.rstrip().endswith((",", ";", ":")) else ""


def _is_time(before: str, after: str, language: str) -> bool:
    return bool(
        _CLOCK_AFTER.match(after)
        or (language == "en" and _ENGLISH_CLOCK_AFTER.match(after))
        or (_HOURS_AFTER.match(after) and _AT_HOUR_BEFORE.search(before))
        or _HOUR_BEFORE.search(before)
        or (_LAS_BEFORE.search(before) and _LAS_AFTER.match(after))
    )


def _digits_excluded(text: str, candidate: _Candidate, language: str) -> bool:
    """Digits of a name or code (``G20``, ``5G``, ``France 24``), years, ordinals (``1er``)."""
    start, end, digits = candidate.start, candidate.start + len(candidate.digits), candidate.digits
    before, after = text[max(0, start - 30) : start], text[end : end + 30]
    if before[-1:].isalpha():
        letters = re.search(r"[^\W\d_]+$", before[-3:])
        clitics = (letters.group() if letters else "").replace("\u0640", "")
        if not (clitics and len(clitics) <= 2 and set(clitics) <= _PROCLITICS):
            return True
    glued = re.match(r"[^\W\d_]+", after)
    if glued and not _is_arabic(glued.group()[0]):
        word = glued.group()
        if word not in _GLUED_UNITS and not (language == "en" and word in _GLUED_ENGLISH):
            return True
    plain = digits.isdigit()
    return bool(
        (before[-1:] in "-\u2010\u2011\u2013" and before[-2:-1].isalpha())  # Covid-19
        or (before[-1:] in "'\u2019" and len(digits) == 2 and not before[-2:-1].isalpha())  # '80
        or (after[:1] == "°" and after[1:2] not in ("C", "F"))  # 1° de mayo
        or re.match(r"\s(?:ème|eme|ère|º|ª)(?!\w)|\.\s*[-\u2013)]", after)  # 3 ème, "1.-" in a list
        or (plain and len(digits) >= 5 and re.search(r"\(\s*$", before))  # (1082020)
        or (plain and len(digits) == 5 and re.match(r" [A-ZÀ-Ý]", after))  # 75001 Paris
        or (plain and len(digits) <= 4 and _after_name(before, language))
        or (plain and len(digits) == 4 and _is_year(int(digits), before, text[candidate.end :]))
        or (plain and language == "de" and _is_german_ordinal(after))
    )


def _is_german_ordinal(after: str) -> bool:
    """``2.`` before a word that cannot start a sentence: ``der 2. Platz``, not ``52. Die``."""
    ordinal = re.match(r"\.\s+([^\W\d_]+)", after)
    return ordinal is not None and ordinal.group(1).lower() not in _GERMAN_STARTERS


def _is_arabic(character: str) -> bool:
    return "\u0600" <= character <= "\u06ff" or "\u0750" <= character <= "\u077f"


def _counting_articles(
    text: str,
    tokens: Sequence[_Token],
    language: str,
    chosen: Sequence[_Candidate],
    kept: Sequence[_Candidate],
) -> Iterator[_Candidate]:
    """Indefinite articles that count: ``un seul``, ``nur ein``, ``uno su dieci``, lists."""
    forms = _ARTICLES.get(language, set())
    chosen_starts = [c.start for c in chosen]
    kept_starts = [c.start for c in kept]
    for index, token in enumerate(tokens):
        if token.word.lower() not in forms or text[token.end : token.end + 1] in ("'", "\u2019"):
            continue
        at = bisect.bisect_left(chosen_starts, token.end)
        if at and chosen[at - 1].end > token.start:
            continue  # inside a number: "un millón"
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        if following and (following.word.isdigit() or following.start in chosen_starts):
            continue  # the article of a counted phrase: "ein 33-jähriger Mann"
        previous = tokens[index - 1].word.lower() if index else ""
        proportion = _PROPORTION.match(text, token.end)
        later = bisect.bisect_left(kept_starts, token.end)
        gap_before = (
            _LIST_GAP.fullmatch(text, kept[later - 1].end, token.start)
            if later and kept[later - 1].end <= token.start
            else None
        )
        gap_after = (
            _LIST_GAP.fullmatch(text, token.end, kept[later].start) if later < len(kept) else None
        )
        listed = (gap_before and (gap_before.group(1) is None or gap_after)) or (
            gap_after and gap_after.group(1) is None
        )
        if (
            previous in _COUNTING_BEFORE
            or (following and following.word.lower() in _COUNTING_AFTER)
            or (proportion and proportion.end() in kept_starts)
            or listed
        ):
            yield _Candidate(token.start, token.end, 1.0, 2)


def _after_name(before: str, language: str) -> bool:
    """Whether a number follows a capitalised name inside a sentence: ``France 24``.

    Only in languages that do not capitalise their nouns, and never after a
    function word (a capitalised ``En`` is a sentence start the text lost).
    """
    name = re.search(r"(\S?)\s*(?<![^\W\d_])([^\W\d_]+) $", before)
    return bool(
        language in _NAME_NUMBERS
        and name
        and name.group(2) != name.group(2).lower()
        and name.group(2).lower() not in _FUNCTION_WORDS
        and name.group(1)
        and name.group(1) not in ".!?:;«»\"“”\u2018\u2019'()[]\u2013—-…"
    )


def _is_year(value: int, before: str, after: str) -> bool:
    """Whether four plain digits are a year: 1900-2099, or earlier beside a year word or range."""
    if _MEASURE_AFTER.match(after) or re.search(r"[€$£]\s*$", before):
        return False
    if 1900 <= value <= 2099:
        return True
    follows = _YEAR_AFTER.match(after)
    precedes = _YEAR_BEFORE.search(before)
    return 1000 <= value < 1900 and bool(
        _YEAR_NOUN.search(before)
        or (follows and value < int(follows.group(1)) <= 2099)
        or (precedes and 1000 <= int(precedes.group(1)) < value)
    )
