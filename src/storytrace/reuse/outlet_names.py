"""Names of news outlets: which strings name an outlet, and which name the same one.

Articles credit outlets in many forms: "Middle East Eye", "the MEE",
"Agence France-Presse" and "AFP", "Reuters'". :func:`outlet_key` reduces a
name to a comparison key and :class:`OutletAliases` groups names that are one
outlet (same key, or one is the other's acronym, or a known alias).

>>> aliases = OutletAliases.from_names(["Middle East Eye", "MEE", "the Middle East Eye"])
>>> aliases.same("MEE", "Middle East Eye"), aliases.display("mee")
(True, 'Middle East Eye')
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from storytrace.normalize import normalize_for_matching

WIRE_SERVICES: dict[str, tuple[str, ...]] = {
    "Reuters": (),
    "Associated Press": ("AP",),
    "Agence France-Presse": ("AFP",),
    "Bloomberg": (),
    "Deutsche Presse-Agentur": ("dpa",),
    "Xinhua": (),
    "Anadolu Agency": ("AA",),
    "ANSA": (),
    "EFE": (),
    "Kyodo News": ("Kyodo",),
    "United Press International": ("UPI",),
    "PA Media": ("Press Association", "PA"),
    "TASS": (),
    "Interfax": (),
}
"""News agencies: outlets whose stories others reprint, and their usual short names."""

KNOWN_OUTLETS: dict[str, tuple[str, ...]] = {
    **WIRE_SERVICES,
    "BBC": ("British Broadcasting Corporation",),
    "CNN": (),
    "Al Jazeera": (),
    "The New York Times": ("NYT",),
    "The Washington Post": (),
    "The Wall Street Journal": ("WSJ",),
    "Financial Times": ("FT",),
    "Politico": (),
    "Axios": (),
    "Haaretz": (),
}
"""Outlets known by name alone (no outlet word such as "News" in the name)."""

OUTLET_WORDS = frozenset(
    """news times post eye journal press agency herald telegraph guardian tribune gazette daily
    express chronicle mail observer independent monitor mirror star sun standard today tv radio
    television channel network broadcasting media magazine review wire record bulletin dispatch
    courier inquirer examiner register insider online weekly newspaper al ledger sentinel globe
    leader echo voice beacon banner argus reporter digest journal tribune nachrichten zeitung
    presse journal quotidien diario periodico noticias""".split()
)
"""Words that make a capitalised name an outlet's name ("Middle East *Eye*")."""

_NOT_IN_ACRONYMS = frozenset({"the", "of", "and", "&", "for", "on", "in", "de", "la", "le"})
_NON_WORD = re.compile(r"[^\w ]+")


@lru_cache(maxsize=4096)
def outlet_key(name: str) -> str:
    """A comparison key: folded, without "the", possessive or punctuation.

    >>> outlet_key("the Middle East Eye's")
    'middle east eye'
    """
    text = normalize_for_matching(name).text
    text = re.sub(r"'s$|'$", "", text)
    text = " ".join(_NON_WORD.sub(" ", text.replace("-", " ")).split())
    return text[4:] if text.startswith("the ") else text


def acronym(name: str) -> str | None:
    """The initials of a name of two or more words (``"Middle East Eye"`` gives ``"mee"``)."""
    return _key_acronym(outlet_key(name))


def _key_acronym(key: str) -> str | None:
    words = [w for w in key.split() if w not in _NOT_IN_ACRONYMS]
    return "".join(w[0] for w in words) if len(words) >= 2 else None


def _known_keys() -> dict[str, str]:
    keys: dict[str, str] = {}
    for name, aliases in KNOWN_OUTLETS.items():
        for alias in (name, *aliases):
            keys[outlet_key(alias)] = name
    return keys


_KNOWN_KEYS = _known_keys()
_WIRE_KEYS = frozenset(
    outlet_key(alias) for name, aliases in WIRE_SERVICES.items() for alias in (name, *aliases)
)


def is_known_outlet(name: str) -> bool:
    """Whether ``name`` is one of :data:`KNOWN_OUTLETS` or their short names."""
    return outlet_key(name) in _KNOWN_KEYS


def known_names(name: str) -> tuple[str, ...]:
    """The names of the known outlet ``name`` is one of (its name first), else ``()``.

    >>> known_names("the NYT")
    ('The New York Times', 'NYT')
    """
    known = _KNOWN_KEYS.get(outlet_key(name))
    return (known, *KNOWN_OUTLETS[known]) if known else ()


def is_wire_service(name: str | None) -> bool:
    """Whether ``name`` names a news agency (:data:`WIRE_SERVICES`)."""
    return bool(name) and outlet_key(name or "") in _WIRE_KEYS


def looks_like_outlet(name: str) -> bool:
    """Whether a capitalised name has an outlet word in it, or is a known outlet."""
    return is_known_outlet(name) or any(w in OUTLET_WORDS for w in outlet_key(name).split())


AliasRelation = Literal["spelling", "acronym", "known"]
"""Why two names are one outlet: another spelling, an acronym, or known names of one outlet."""


def alias_relation(first: str, second: str) -> AliasRelation | None:
    """Why two names are one outlet, or ``None`` when nothing says they are.

    >>> alias_relation("MEE", "the Middle East Eye"), alias_relation("AP", "Associated Press")
    ('acronym', 'known')
    """
    return _key_relation(outlet_key(first), outlet_key(second))


def _key_relation(first: str, second: str) -> AliasRelation | None:
    if first == second or first.replace(" ", "") == second.replace(" ", ""):
        return "spelling"
    if _KNOWN_KEYS.get(first, first) == _KNOWN_KEYS.get(second, second):
        return "known"
    if _key_acronym(first) == second or _key_acronym(second) == first:
        return "acronym"
    return None


def _related(first: str, second: str) -> bool:
    """Whether two keys name the same outlet."""
    return _key_relation(first, second) is not None


@dataclass(frozen=True, slots=True)
class OutletAliases:
    """Groups of names that are one outlet; ``index`` maps each name's key to its group."""

    groups: tuple[tuple[str, ...], ...]
    index: Mapping[str, int]

    @classmethod
    def from_names(cls, names: Iterable[str]) -> OutletAliases:
        """Group ``names``; the first full (not acronym) spelling of a group is shown."""
        unique = dict.fromkeys(name.strip() for name in names if name and name.strip())
        groups: list[list[tuple[str, str]]] = []
        for name in unique:
            key = outlet_key(name)
            if not key:
                continue
            joined = [g for g in groups if any(_related(key, k) for _, k in g)]
            merged = [item for g in joined for item in g]
            groups = [g for g in groups if g not in joined]
            groups.append([*merged, (name, key)])
        index = {key: number for number, group in enumerate(groups) for _, key in group}
        return cls(tuple(tuple(name for name, _ in g) for g in groups), index)

    def group_of(self, name: str) -> int | None:
        """The index of the group ``name`` belongs to, or ``None``."""
        key = outlet_key(name)
        found = self.index.get(key)
        if found is not None:
            return found
        return next((group for known, group in self.index.items() if _related(key, known)), None)

    def same(self, first: str, second: str) -> bool:
        """Whether two names are one outlet."""
        group = self.group_of(first)
        return group is not None and group == self.group_of(second)

    def display(self, name: str) -> str:
        """The name to show for ``name``'s outlet: a known outlet's name, else its first
        spelling that is not an acronym (article outlets first, when given first)."""
        group = self.group_of(name)
        names = self.groups[group] if group is not None else (name,)
        for candidate in names:
            if outlet_key(candidate) in _KNOWN_KEYS:
                return _KNOWN_KEYS[outlet_key(candidate)]
        full = [n for n in names if not (n.isupper() and " " not in n.strip())] or list(names)
        # A spam copy's look-alike letters are not how the outlet spells its name.
        plain = [n for n in full if normalize_for_matching(n).text == n.casefold()] or full
        return re.sub(r"^the\s+", "", plain[0].strip())
