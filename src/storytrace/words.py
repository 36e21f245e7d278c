"""Words as each language writes them: function words, stems, and scripts without spaces.

Story grouping and the other stages compare articles by their content words.
What a content word is depends on the language:

- **function words** come from spaCy's stop lists, which exist for about 70
  languages without any model (``spacy.lang.<code>.stop_words``); English
  function words are always added, since English words turn up in news in
  every language;
- **stems** come from the Snowball stemmers (PyStemmer, the C build of
  Martin Porter's Snowball algorithms, 30+ languages, about 500,000 words a
  second), so "Regierung" and "Regierungen", or "الحكومة" and "حكومة", count
  as one word;
- **scripts written without spaces** (Chinese, Japanese, Thai) have no words
  to split on; a run of such characters becomes its overlapping character
  pairs, the usual unit for comparing such text without a segmenter.

Languages are ISO 639-1 codes as :mod:`storytrace.language` returns them; an
unknown or missing language gets the English lists and no stemming.

>>> is_function_word("der", "de"), is_function_word("regierung", "de")
(True, False)
>>> stem("regierungen", "de") == stem("regierung", "de")
True
>>> character_pairs("北京大学")
['北京', '京大', '大学']
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from importlib.util import find_spec, module_from_spec, spec_from_file_location
from pathlib import Path
from typing import Any

import Stemmer

SNOWBALL_LANGUAGES: dict[str, str] = {
    "ar": "arabic", "ca": "catalan", "cs": "czech", "da": "danish", "de": "german",
    "el": "greek", "en": "english", "es": "spanish", "et": "estonian", "eu": "basque",
    "fa": "persian", "fi": "finnish", "fr": "french", "ga": "irish", "hi": "hindi",
    "hu": "hungarian", "hy": "armenian", "id": "indonesian", "it": "italian",
    "lt": "lithuanian", "ne": "nepali", "nl": "dutch", "no": "norwegian", "nb": "norwegian",
    "pl": "polish", "pt": "portuguese", "ro": "romanian", "ru": "russian", "sr": "serbian",
    "sv": "swedish", "ta": "tamil", "tr": "turkish", "yi": "yiddish",
}  # fmt: skip
"""ISO 639-1 codes to the name of their Snowball stemmer."""

UNSPACED = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
"""Characters of scripts written without spaces between words (Thai, kana, CJK ideographs)."""

_UNSPACED_RUN = re.compile(UNSPACED.pattern + "+")


@cache
def function_words(language: str | None) -> frozenset[str]:
    """The function words of ``language`` (spaCy's stop list) together with English ones."""
    english = _stop_list("en")
    if not language or language == "en":
        return english
    return english | _stop_list(language)


def _stop_list(language: str) -> frozenset[str]:
    """spaCy's stop list of one language, read from its ``stop_words.py`` alone.

    Importing ``spacy.lang.<code>`` would load the language's tokenizer
    exceptions and sometimes its segmenter (seconds for Chinese); the stop
    list is one set literal in a file of its own, so only that file is run.
    """
    spacy = find_spec("spacy")
    if spacy is None or not spacy.submodule_search_locations or not language.isalpha():
        return frozenset()
    path = Path(next(iter(spacy.submodule_search_locations))) / "lang" / language / "stop_words.py"
    spec = spec_from_file_location(f"_storytrace_stop_words_{language}", path)
    if not path.is_file() or spec is None or spec.loader is None:
        return frozenset()
    module = module_from_spec(spec)
    spec.loader.exec_module(module)
    words: Any = getattr(module, "STOP_WORDS", ())
    return frozenset(str(word).lower() for word in words)


def is_function_word(word: str, language: str | None) -> bool:
    """True for a lower-case function word of ``language`` or of English."""
    return word in function_words(language)


@cache
def _stemmer(language: str) -> Any:
    name = SNOWBALL_LANGUAGES.get(language)
    return Stemmer.Stemmer(name) if name else None


@lru_cache(maxsize=200_000)
def stem(word: str, language: str | None) -> str:
    """The Snowball stem of a lower-case word, or the word itself for other languages.

    >>> stem("elections", "en"), stem("élections", "fr"), stem("選挙", "zh")
    ('elect', 'élect', '選挙')
    """
    stemmer = _stemmer(language) if language else None
    if stemmer is None or word[:1].isdigit():
        return word
    return str(stemmer.stemWord(word)) or word


def has_unspaced(text: str) -> bool:
    """True when ``text`` holds characters of a script written without spaces."""
    return UNSPACED.search(text) is not None


def character_pairs(run: str) -> list[str]:
    """Overlapping character pairs of a run of unspaced script (the run itself if one long)."""
    if len(run) < 2:
        return [run] if run else []
    return [run[index : index + 2] for index in range(len(run) - 1)]


def unspaced_terms(token: str) -> list[str]:
    """The character pairs of every unspaced run in ``token`` plus its other letters as words.

    >>> unspaced_terms("G20峰会")
    ['g20', '峰会']
    """
    terms: list[str] = []
    position = 0
    for match in _UNSPACED_RUN.finditer(token):
        before = token[position : match.start()]
        if before:
            terms.append(before.lower())
        terms.extend(character_pairs(match.group()))
        position = match.end()
    rest = token[position:]
    if rest:
        terms.append(rest.lower())
    return terms
