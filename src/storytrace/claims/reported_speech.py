"""Who says it, in languages without a parser here: cues and sources read from the words.

The English claims stage reads attribution from spaCy's dependency parse. For
French, Spanish, German, Italian and Arabic no parser ships with storytrace
(spaCy's pipelines for them are empty placeholders on the registry, or carry a
GPL licence), so :func:`read_attribution` reads it from the words, as a reader
scanning for "who said so" would:

1. **cues** come from ``data/reporting.tsv`` (verbs of saying in their third
   person forms, prepositions like *selon*, *según*, *laut*, *secondo*,
   *وفقا لـ*, the postposition *zufolge*, and German's reportative *soll*);
2. a **preposition** cue takes the phrase after it as its source, up to a
   comma, a full stop, a colon or a clause word (*que*, *dass*, *che*, *أن*);
3. a **verb** cue takes its subject: the phrase before it in its clause, or,
   when the verb opens an inserted clause (``", a déclaré le ministre"``,
   ``"dijo el alcalde"``, ``", sagte Merkel"``) or the language puts the verb
   first (Arabic; German after a fronted phrase), the phrase after it;
4. inside the source phrase, a **name** (a run of capitalised words, with the
   particles names carry) is the source when there is one; otherwise the
   phrase itself (``le ministre de la Santé``, ``مسؤولون أمريكيون``);
5. a **pronoun** (*il*, *sie*, *lui*, *هو*) is flagged as such, and a verb
   with no subject (Spanish, Italian and Arabic drop it) gives no source but
   the pronoun flag: the speaker is named in another sentence;
6. a **headline** of the form ``Speaker: "quote"`` takes the colon as cue.

When a sentence holds several cues, a verb of the main clause wins over a cue
inside a subordinate clause, and otherwise the first in reading order.

>>> found = read_attribution("Le ministre de la Santé, Jean Dupont, a déclaré que 3 cas.", "fr")
>>> found.cue_text, found.source_text
('a déclaré', 'Jean Dupont')
>>> read_attribution("وقال الوزير إن الوضع مستقر", "ar").source_text
'الوزير'
>>> read_attribution("Das Wetter war schön.", "de") is None
True
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

from storytrace.claims.lexicon import TermHit, find_terms

LANGUAGES = ("fr", "es", "de", "it", "ar")
"""Languages :func:`read_attribution` has cues for."""

_CLAUSE_WORDS = {
    "fr": r"que|qu'|qu\u2019|qui|si|lors|car|mais",
    "es": r"que|quien|si|pero|porque",
    "de": r"dass|daß|ob|weil|aber|wie|wonach|nachdem",
    "it": r"che|se|ma|perché|perche",
    "ar": r"أن|إن|أنه|إنه|أنها|إنها|بأن|بأنه|التي|الذي|لكن|حيث",
}
_PRONOUNS = {
    "fr": {"il", "elle", "ils", "elles", "on"},
    "es": {"él", "ella", "ellos", "ellas", "usted"},
    "de": {"er", "sie", "es", "man"},
    "it": {"lui", "lei", "loro", "egli", "essa", "esso"},
    "ar": {"هو", "هي", "هم", "هما"},
}
_DETERMINERS: dict[str, set[str]] = {
    "fr": set("le la les l' l\u2019 un une des du ce cette ces son sa ses leur leurs".split()),
    "es": set("el la los las un una unos unas su sus este esta".split()),
    "de": set("der die das den dem des ein eine einer einem einen sein seine ihr ihre".split()),
    "it": set("il lo la i gli le l' l\u2019 un una uno suo sua questo questa".split()),
    "ar": set(),
}
_NAME_PARTICLES = frozenset(
    "de du des d' d\u2019 la le van von der den da di del della dello dei degli y e al el bin "
    "ibn".split()
)
_PHRASE_END = re.compile(r"[,.;:!?()\[\]«»\"“”„]|\s[-\u2013\u2014]\s|\n|،|؛")
_WORD = re.compile(r"[^\W_]+(?:['\u2019\-][^\W_]+)*['\u2019]?|[^\W_]")
_MAX_SOURCE_WORDS = 8
_GERMAN_PREPOSITIONS = frozenset(
    "am an auf aus bei beim durch für gegen hinter im in mit nach neben seit über um unter "
    "vom von vor während wegen zu zum zur".split()
)
_AGENT = {
    "fr": re.compile(r"\bpar\b", re.IGNORECASE),
    "es": re.compile(r"\bpor\b", re.IGNORECASE),
    "it": re.compile(r"\b(?:da|dal|dalla|dallo|dai|dagli|dalle)\b", re.IGNORECASE),
    "de": re.compile(r"\b(?:von|vom)\b", re.IGNORECASE),
}
_QUOTES = "\"«»“”„\u2018\u2019'"


@dataclass(frozen=True, slots=True)
class ReadAttribution:
    """An attribution read from one sentence: offsets are into the sentence given."""

    cue_start: int
    cue_end: int
    cue_text: str
    source_start: int | None
    source_end: int | None
    source_text: str | None
    source_is_pronoun: bool
    kind: str
    """``verb``, ``according``, ``postposition``, ``reportative`` or ``headline``."""


@cache
def _clause_word(language: str) -> re.Pattern[str]:
    words = _CLAUSE_WORDS.get(language, "")
    return (
        re.compile(rf"(?<![\w'\u2019])(?:{words})(?![\w])", re.IGNORECASE)
        if words
        else re.compile(r"$^")
    )


def _cues(text: str, language: str) -> list[tuple[TermHit, str]]:
    found = []
    for hit in find_terms("reporting", text):
        hit_language, _, kind = hit.category.partition(" ")
        if hit_language == language:
            found.append((hit, kind))
    return found


def _words(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [
        (start + m.start(), start + m.end(), m.group()) for m in _WORD.finditer(text[start:end])
    ]


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def _capitalised_runs(
    words: Sequence[tuple[int, int, str]], joins: Callable[[int], bool]
) -> list[tuple[int, int]]:
    """``(first, last)`` word positions of each run of capitalised words; a lower-case
    word inside a run continues it when ``joins(position)`` says so (a name particle)."""
    runs: list[tuple[int, int]] = []
    index = 0
    while index < len(words):
        if not _is_capitalised(words[index][2]):
            index += 1
            continue
        first = last = index
        cursor = index + 1
        while cursor < len(words):
            if _is_capitalised(words[cursor][2]):
                last = cursor
            elif not joins(cursor):
                break
            cursor += 1
        runs.append((first, last))
        index = cursor
    return runs


def _german_noun(words: Sequence[tuple[int, int, str]], first: int, last: int) -> bool:
    """A single German word after a determiner or a lower-case word: a noun, not a name."""
    previous = words[first - 1][2] if first else ""
    return first == last and (previous.lower() in _DETERMINERS["de"] or previous[:1].islower())


def _name_in(words: list[tuple[int, int, str]], language: str) -> tuple[int, int] | None:
    """The last run of capitalised words (with inner particles) in a phrase, if any.

    German capitalises every noun, so there a run counts as a name only when it
    is not a single noun after a determiner; and the subject opens a German
    phrase (later names are adverbials, "am Sonntag"), so there the first run wins.
    """
    runs = _capitalised_runs(words, lambda cursor: words[cursor][2].lower() in _NAME_PARTICLES)
    for first, last in runs if language == "de" else reversed(runs):
        if language == "de" and _german_noun(words, first, last):
            continue
        if first == last == 0 and words[0][2].lower() in _DETERMINERS.get(language, set()):
            continue
        return words[first][0], words[last][1]
    return None


def _phrase_after(text: str, start: int, language: str) -> tuple[int, int] | None:
    """The phrase right after ``start``, up to punctuation or a clause word.

    A name in apposition after a comma belongs to it: "a communiqué le bourgmestre,
    Philippe Close" gives the whole phrase, whose name is then the source.
    """
    end = len(text)
    stop = _PHRASE_END.search(text, start)
    if stop:
        end = stop.start()
        if text[end] == ",":
            following = _words(text, end + 1, min(len(text), end + 60))
            if following and _is_capitalised(following[0][2]) and language != "ar":
                apposition = _PHRASE_END.search(text, end + 1)
                end = apposition.start() if apposition else len(text)
    clause = _clause_word(language).search(text, start, end)
    if clause and clause.start() > start:
        end = clause.start()
    words = _words(text, start, end)[:_MAX_SOURCE_WORDS]
    if not words:
        return None
    return words[0][0], words[-1][1]


def _phrase_before(text: str, end: int, language: str) -> tuple[int, int] | None:
    """The phrase right before ``end``, back to punctuation or a clause word.

    A bracketed aside just before ``end`` ("Bodo Ramelow (Linke) lobte") is skipped.
    """
    trimmed = text[:end].rstrip()
    if trimmed.endswith(")") and "(" in trimmed:
        end = trimmed.rindex("(")
    start = 0
    for stop in _PHRASE_END.finditer(text, 0, end):
        if text[stop.start() : end].strip(" \u00a0" + _QUOTES + "-\u2013\u2014,"):
            start = stop.end()
    for clause in _clause_word(language).finditer(text, start, end):
        start = clause.end()
    words = _words(text, start, end)[-_MAX_SOURCE_WORDS:]
    if not words:
        return None
    return words[0][0], words[-1][1]


def _source(text: str, span: tuple[int, int] | None, language: str) -> tuple[int, int, bool] | None:
    """The source inside a phrase: its name if it has one, else the phrase; pronoun flag."""
    if span is None:
        return None
    words = _words(text, *span)
    if not words:
        return None
    if len(words) == 1 and words[0][2].lower() in _PRONOUNS.get(language, set()):
        return words[0][0], words[0][1], True
    name = _name_in(words, language) if language != "ar" else None
    if name is not None:
        return name[0], name[1], False
    while words and words[0][2].lower() in _PRONOUNS.get(language, set()):
        words = words[1:]
    if not words:
        return None
    return words[0][0], words[-1][1], False


def _inverted(text: str, cue: TermHit, language: str) -> bool:
    """True when the verb comes before its subject."""
    if language == "ar":
        return True
    before = text[: cue.start].rstrip()
    if not before or before[-1] in ",;:" + _QUOTES + "-\u2013\u2014(":
        return True
    after = _words(text, cue.end, min(len(text), cue.end + 40))
    if cue.text.lower().endswith(("-il", "-elle", "-on")):
        return False
    if language == "de" and after:
        word = after[0][2]
        # Verb second: after a fronted phrase the subject follows the verb.
        fronted = _words(text, 0, cue.start)
        opens_with_subject = bool(fronted) and (
            fronted[0][2].lower() in _DETERMINERS["de"] | _PRONOUNS["de"]
            or (
                len(fronted) <= 3
                and fronted[0][2].lower() not in _GERMAN_PREPOSITIONS
                and all(_is_capitalised(w[2]) for w in fronted)
            )
        )
        if not opens_with_subject and (
            word.lower() in _DETERMINERS["de"] | _PRONOUNS["de"] or _is_capitalised(word)
        ):
            return True
    return False


def _verb_source(text: str, cue: TermHit, language: str) -> tuple[int, int, bool] | None:
    inverted = _inverted(text, cue, language)
    after_comma = text[: cue.start].rstrip().endswith(",")
    if inverted and after_comma and language != "ar":
        stop = _PHRASE_END.search(text, cue.end)
        object_words = _words(text, cue.end, stop.start() if stop else len(text))
        if len(object_words) > 6 and not any(_is_capitalised(w[2]) for w in object_words):
            # "X, secretary general, described the laws as ...": a long phrase without a
            # name follows, so the comma closed an apposition of the subject before.
            inverted = False
    span = _phrase_after(text, cue.end, language) if inverted else None
    if after_comma and span is None:
        # Before a comma only a name in apposition is the subject ("El portavoz, Diego
        # Pesqueira, informó"); an adverbial is not ("De igual forma, informó que").
        before = _phrase_before(text, cue.start, language)
        words = _words(text, *before) if before else []
        if words and all(_is_capitalised(w[2]) or w[2].lower() in _NAME_PARTICLES for w in words):
            return words[0][0], words[-1][1], False
        return None
    if span is not None:
        first = _words(text, *span)[0]
        if first[2].lower() in _PRONOUNS.get(language, set()):
            return first[0], first[1], True
    if span is None and language != "ar":
        span = _phrase_before(text, cue.start, language)
    if span is not None and text[span[0] : span[1]].lower() in {"que", "che", "dass"}:
        span = None
    return _source(text, span, language)


def _headline(text: str, language: str) -> ReadAttribution | None:
    """``Speaker: "quote"`` or ``statement: Speaker`` in a headline."""
    tail = text.rfind(":")
    if tail > 0:
        speaker = _words(text, tail + 1, len(text))
        if 1 <= len(speaker) <= 3 and all(_is_capitalised(w[2]) for w in speaker):
            start, end = speaker[0][0], speaker[-1][1]
            return ReadAttribution(
                tail, tail + 1, ":", start, end, text[start:end], False, "headline"
            )
    colon = text.find(":")
    if colon <= 0 or colon > 60:
        return None
    rest = text[colon + 1 :].lstrip()
    speaker = _words(text, 0, colon)
    if not rest or not 1 <= len(speaker) <= 4:
        return None
    if language == "ar":
        # No capitals to tell a speaker from a topic: a short noun phrase before the
        # colon of a headline that goes on with a clause is read as its speaker.
        if len(speaker) > 3 or text.rstrip().endswith("."):
            return None
    elif rest[0] not in _QUOTES or not all(
        _is_capitalised(w[2]) or w[2].lower() in _NAME_PARTICLES for w in speaker
    ):
        return None
    start, end = speaker[0][0], speaker[-1][1]
    return ReadAttribution(colon, colon + 1, ":", start, end, text[start:end], False, "headline")


def _cue_span(hit: TermHit, kind: str, language: str) -> tuple[int, int]:
    if language == "ar" and kind == "verb" and hit.text[:1] in "وف" and len(hit.text) > 3:
        return hit.start + 1, hit.end
    return hit.start, hit.end


def _reportative(text: str, hit: TermHit) -> bool:
    if not hit.text.lower().startswith("soll"):
        return True
    return re.search(r"\b(?:haben|sein|worden)\b", text[hit.end :]) is not None


def read_attribution(sentence: str, language: str | None) -> ReadAttribution | None:
    """The attribution of one sentence in one of :data:`LANGUAGES`, or ``None``."""
    if language not in LANGUAGES or not sentence.strip():
        return None
    cues = [
        (hit, kind)
        for hit, kind in _cues(sentence, language)
        if kind != "reportative" or _reportative(sentence, hit)
    ]
    if not cues:
        return _headline(sentence, language)
    clause = _clause_word(language)

    # A cue in the main clause (before any clause word) wins; then reading order.
    def rank(item: tuple[TermHit, str]) -> tuple[int, int]:
        hit, kind = item
        inside = clause.search(sentence, 0, hit.start) is not None and kind == "verb"
        return (1 if inside else 0, hit.start)

    hit, kind = min(cues, key=rank)
    cue_start, cue_end = _cue_span(hit, kind, language)
    if kind == "according":
        source = _source(sentence, _phrase_after(sentence, hit.end, language), language)
    elif kind == "postposition":
        source = _source(sentence, _phrase_before(sentence, hit.start, language), language)
    elif kind == "reportative":
        source = None
    elif kind == "passive":
        agent = _AGENT.get(language)
        match = agent.search(sentence, hit.end) if agent else None
        source = (
            _source(sentence, _phrase_after(sentence, match.end(), language), language)
            if match
            else None
        )
    else:
        source = _verb_source(sentence, hit, language)
    dropped = kind == "verb" and source is None and language in {"es", "it", "ar"}
    if source is None:
        return ReadAttribution(
            cue_start, cue_end, sentence[cue_start:cue_end], None, None, None, dropped, kind
        )
    start, end, pronoun = source
    return ReadAttribution(
        cue_start,
        cue_end,
        sentence[cue_start:cue_end],
        start,
        end,
        sentence[start:end],
        pronoun,
        kind,
    )


def name_runs(sentence: str, language: str | None) -> list[tuple[int, int]]:
    """Runs of capitalised words (with the particles names carry) inside a sentence.

    What a reader without a tagger takes for names in a Latin-script language:
    the sentence's first word counts only when the next word is capitalised
    too, and in German (which capitalises every noun) a single word counts only
    when no determiner or adjective comes before it. Scripts without capitals
    (Arabic) get none.
    """
    words = _words(sentence, 0, len(sentence))
    determiners = _DETERMINERS.get(language or "", set())

    def joins(cursor: int) -> bool:
        word = words[cursor][2].lower()
        return (
            word in _NAME_PARTICLES
            and word not in determiners
            and cursor + 1 < len(words)
            and _is_capitalised(words[cursor + 1][2])
        )

    runs: list[tuple[int, int]] = []
    for first, last in _capitalised_runs(words, joins):
        opening = first == 0 or sentence[words[first - 1][1] : words[first][0]].strip() in {
            ".",
            ":",
            "!",
            "?",
            '"',
            "«",
            "“",
        }
        if opening and first == last:
            continue
        if language == "de" and _german_noun(words, first, last):
            continue
        if words[first][2].lower() in determiners:
            continue
        runs.append((words[first][0], words[last][1]))
    return runs
