"""Who an article credits: "X reported", "according to X", "told X", "(Reuters)", credit lines.

Cues are found on the normalised text (so look-alike letters and curly quotes
do not hide them); the outlet name next to a cue is read word by word, and a
word belongs to the name when its first letter is a capital in the original
text. A name counts as an outlet when it is a known outlet, has an outlet
word in it ("Middle East *Eye*"), is one of the names given in
``known_outlets`` (the story's own outlets), or is an acronym (acronyms are
kept and resolved against full names later, by
:class:`storytrace.reuse.outlet_names.OutletAliases`). Photo credits
("Photo: AFP") are not story credits and are skipped, and so is an article
crediting its own outlet.

>>> from storytrace.models import Article
>>> article = Article("a", "a", "Tapes obtained by Middle East Eye reveal strikes. "
...                   "The leaks were passed on to MEE.", title="Haftar backed, Reuters reported")
>>> [(c.outlet, c.cue) for c in find_attributions(article)]
[('Reuters', 'reported'), ('Middle East Eye', 'obtained by'), ('MEE', 'passed on to')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from storytrace.models import Article, Mention
from storytrace.normalize import Normalized, normalize_for_matching
from storytrace.reuse.outlet_names import is_known_outlet, looks_like_outlet, outlet_key
from storytrace.reuse.outlet_sites import site_of_name

_AFTER = re.compile(
    r"\b(?P<cue>according to|as (?:first |originally )?reported (?:by|in|on)"
    r"|(?:first |originally |initially )?reported (?:by|in|on)|revealed by|obtained by"
    r"|exposed by|published (?:by|in|on)|broken by|seen by|reviewed by|cited by|quoted by|told"
    r"|tells|telling|explained to|explains to|said to|confirmed to|confirms to|speaking to"
    r"|spoke to|speaks to|talking to|interview with|passed on to|passed to|leaked to"
    r"|provided to|an? (?:report|article|story|piece|dispatch|investigation|exclusive|scoop)"
    r"(?: published)? (?:by|from|in|on)|sources?:|via|courtesy(?: of)?|credit:|citing"
    r"|(?:additional |with )?reporting (?:by|from)|h/t|hat tip(?: to)?"
    r"|(?:republished|reprinted|reproduced)(?: with permission)? (?:from|by)"
    r"|(?:first|originally|initially) (?:published|appeared|ran) (?:by|in|on)"
    r"|(?:article|story|report|piece) (?:was |is )?(?:first |originally )?(?:published|appeared"
    r"|ran) (?:by|in|on))"
    r"\s+(?:(?:a|an) (?:report|story|article|statement|interview) (?:by|from|in|with|to) )?"
    r"(?:(?:the|a|an)\s+)?(?:(?:news |online )?(?:website|site|agency|newspaper|broadcaster"
    r"|outlet|magazine|publication)\s+)?"
)
_BEFORE = re.compile(
    r"(?P<cue>\s(?:has |had |first |also |previously |originally |initially |exclusively )?"
    r"(?:reported|reports|reporting|said in (?:a|its) (?:report|article|story)|wrote|writes"
    r"|revealed|reveals|disclosed|discloses|(?:has )?learned|learnt|broke the (?:story|news)"
    r"|was (?:the )?first to report|contributed to this (?:report|story))\b"
    r"|'s (?:report|reporting|story|article|investigation|exclusive|scoop|findings)\b)"
)
_ACRONYM_BEFORE = re.compile(r"\((?P<name>[a-z]{2,6})\)\s*$")
"""A name followed by its acronym before the cue: "the Coastal News Agency (CNA) reported"."""
_DATELINE = re.compile(r"\((?P<name>[^()/]{2,40})\)\s*[-:]")
_PHOTO = re.compile(r"\b(?:photo|photograph|image|picture|pictured|getty|file pic|video)\b")
_NAME_CONNECTORS = frozenset({"of", "and", "&", "for", "on", "de", "al", "the"})
_NAME_WORD = re.compile(r"[^\W_](?:[\w'&-]|\.(?=\w))*")
_MAX_NAME_WORDS = 6
_NAME_WINDOW = 120
"""Characters around a cue searched for the outlet's name (six long words)."""
_NOT_OUTLETS = frozenset(
    {"un", "us", "usa", "uk", "eu", "nato", "isis", "is", "ceo", "cia", "fbi", "police"}
)
"""Acronyms that are organisations often credited for information but never outlets."""

QUOTE_CUES = frozenset(
    {
        "told", "tells", "telling", "explained to", "explains to", "said to", "confirmed to",
        "confirms to", "speaking to", "spoke to", "speaks to", "talking to", "interview with",
        "passed on to", "passed to", "leaked to", "provided to", "cited by", "quoted by",
    }
)  # fmt: skip
"""Cues that credit one quote or document given to an outlet, not the story itself."""
_CALENDAR = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december""".split()
)
"""A name never ends with these: "told the Daily News Tuesday" credits the Daily News."""

Field = Literal["title", "text"]


@dataclass(frozen=True, slots=True)
class Attribution:
    """An article crediting an outlet: the name as written, the cue, and where."""

    outlet: str
    cue: str
    mention: Mention

    @property
    def story_level(self) -> bool:
        """Whether it credits the story (a headline, "X reported", a credit line) rather than
        one quote someone gave the outlet ("a witness told X")."""
        return self.mention.field == "title" or self.cue not in QUOTE_CUES


def _capitalised(original: str, folded: Normalized, start: int) -> bool:
    return original[folded.offsets[start]].isupper()


def _line_break(original: str, folded: Normalized, start: int, end: int) -> bool:
    """Whether the original text between two normalised offsets breaks the line."""
    return "\n" in original[folded.offsets[start] : folded.offsets[end]]


def _name_after(original: str, folded: Normalized, start: int) -> tuple[int, int] | None:
    """The capitalised name starting at normalised offset ``start``."""
    words = _NAME_WORD.finditer(folded.text, start, start + _NAME_WINDOW)
    end = None
    expected = start
    for count, word in enumerate(words):
        between = folded.text[expected : word.start()]
        if between not in ("", " ") or count >= _MAX_NAME_WORDS:
            break
        if _line_break(original, folded, expected, word.start()) or word.group() in _CALENDAR:
            break
        if count == 0 and site_of_name(word.group()) is not None:
            return start, word.end()  # "middleeasteye.net reported"
        if _capitalised(original, folded, word.start()):
            end = word.end()
        elif word.group() not in _NAME_CONNECTORS or end is None:
            break
        expected = word.end()
    return (start, end) if end is not None else None


def _name_before(original: str, folded: Normalized, end: int) -> tuple[int, int] | None:
    """The capitalised name ending at normalised offset ``end``."""
    words = list(_NAME_WORD.finditer(folded.text, max(0, end - _NAME_WINDOW), end))
    if words and end - _NAME_WINDOW > 0:
        words = words[1:]  # the first may be cut by the window
    start = None
    expected = end
    for count, word in enumerate(reversed(words)):
        between = folded.text[word.end() : expected]
        if between not in ("", " ", "'s", "'s ") or count >= _MAX_NAME_WORDS:
            break
        if _line_break(original, folded, word.end(), expected):
            break
        if count == 0 and site_of_name(word.group()) is not None:
            return word.start(), end
        if _capitalised(original, folded, word.start()):
            start = word.start()
        elif word.group() not in _NAME_CONNECTORS:
            break
        expected = word.start()
    return (start, end) if start is not None else None


def _sentence_start(folded: str, position: int) -> bool:
    before = folded[:position].rstrip()
    return not before or before[-1] in '.!?:"\n'


def _is_outlet(name: str, known: frozenset[str], sentence_initial: bool) -> bool:
    key = outlet_key(name)
    if not key or key in _NOT_OUTLETS:
        return False
    if key in known or looks_like_outlet(name) or site_of_name(name) is not None:
        return True
    words = name.split()
    if len(words) == 1 and name.isupper() and 2 <= len(name) <= 6:
        return True
    return is_known_outlet(name) and not sentence_initial


def _line_of(text: str, position: int) -> str:
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return text[start : end if end >= 0 else len(text)]


def _scan(article: Article, text: str, field: Field, known: frozenset[str]) -> list[Attribution]:
    folded = normalize_for_matching(text)
    found: list[tuple[int, int, str]] = []
    for match in _AFTER.finditer(folded.text):
        span = _name_after(text, folded, match.end())
        if span:
            found.append((*span, match["cue"].rstrip(":")))
    for match in _BEFORE.finditer(folded.text):
        cue = match["cue"].strip()
        end = match.start()
        bracketed = _ACRONYM_BEFORE.search(folded.text, max(0, end - 12), end)
        if bracketed:
            found.append((bracketed.start("name"), bracketed.end("name"), cue))
            end = bracketed.start()
            while end and folded.text[end - 1] == " ":
                end -= 1
        span = _name_before(text, folded, end)
        if span:
            found.append((*span, cue))
    for match in _DATELINE.finditer(folded.text):
        found.append((match.start("name"), match.end("name"), "dateline"))
    attributions: list[Attribution] = []
    seen: set[tuple[int, int]] = set()
    for start, end, cue in sorted(found):
        while end > start and folded.text[end - 1] in ".-'&":
            end -= 1
        begin, finish = folded.original_span(start, end)
        name = text[begin:finish].strip()
        if (begin, finish) in seen or not name:
            continue
        if _PHOTO.search(normalize_for_matching(_line_of(text, begin)).text):
            continue
        if not _is_outlet(name, known, _sentence_start(folded.text, start)):
            continue
        if article.outlet and outlet_key(article.outlet) == outlet_key(name):
            continue
        seen.add((begin, finish))
        attributions.append(Attribution(name, cue, Mention(article.id, begin, finish, field)))
    return attributions


def find_attributions(
    article: Article, *, known_outlets: Iterable[str] = ()
) -> tuple[Attribution, ...]:
    """Every outlet ``article`` credits, in its title and text, in reading order.

    ``known_outlets`` are names accepted as outlets even without an outlet word
    (give the outlets of the story's articles).
    """
    known = frozenset(outlet_key(name) for name in known_outlets)
    found: list[Attribution] = []
    if article.title:
        found.extend(_scan(article, article.title, "title", known))
    found.extend(_scan(article, article.text, "text", known))
    return tuple(found)
