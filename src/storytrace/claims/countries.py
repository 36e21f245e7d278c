"""Country names, codes and nationality adjectives, from maintained data packages.

Names come from pycountry (ISO 3166-1: name, official and common names) and
countryinfo (alternative spellings and the demonym, ``American`` for the
United States), so ``US``, ``U.S.``, ``United States`` and ``American`` all
give one country. Two- and three-letter codes count only when written in
capitals and when the named-entity model took them for a place or nationality,
so the pronoun "us" or the word "IT" never become countries.

>>> find_country("American").name
'United States'
>>> find_country("U.S.", label="GPE").code
'USA'
>>> find_country("us") is None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any, cast

from storytrace.claims.lexicon import read_table

_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:'s|\u2019s|'|\u2019)$")
_CODE_LABELS = frozenset({"GPE", "NORP", "ORG", "LOC"})
_TWO_LETTER_IN_TEXT = frozenset({"US", "UK"})


@dataclass(frozen=True, slots=True)
class Country:
    """One country: its ISO 3166-1 alpha-3 code and common English name."""

    code: str
    name: str


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def _population(data: dict[str, Any]) -> float:
    value = data.get("population")
    return float(value) if isinstance(value, int | float) else 0.0


@cache
def _tables() -> tuple[dict[str, Country], dict[str, Country]]:
    """Names (and demonyms) to countries, and capitalised codes to countries."""
    import pycountry
    from countryinfo import all_countries

    infos: dict[str, dict[str, Any]] = {}
    for info in all_countries():
        data = cast(dict[str, Any], info.info())
        alpha2 = str((data.get("ISO") or {}).get("alpha2", ""))
        # Wales and Scotland share the United Kingdom's code: the country is the largest.
        if alpha2 not in infos or _population(data) > _population(infos[alpha2]):
            infos[alpha2] = data
    names: dict[str, Country] = {}
    codes: dict[str, Country] = {}
    by_alpha2: dict[str, Country] = {}
    for record in pycountry.countries:
        short = infos.get(record.alpha_2, {}).get("name")
        # countryinfo's short name ("Russia") reads better than ISO's ("Russian Federation").
        name = short if isinstance(short, str) and short else None
        name = name or getattr(record, "common_name", None) or record.name
        country = Country(record.alpha_3, name)
        by_alpha2[record.alpha_2] = country
        codes[record.alpha_2] = country
        codes[record.alpha_3] = country
        for label in (record.name, getattr(record, "official_name", None), name):
            if label:
                names.setdefault(_key(label), country)
    # A demonym shared by a territory ("American" for American Samoa too) goes to
    # the most populous country that uses it.
    ranked = sorted(infos.items(), key=lambda item: -_population(item[1]))
    for alpha2, details in ranked:
        found = by_alpha2.get(alpha2)
        if found is None:
            continue
        country = found
        for label in [details.get("demonym"), *(details.get("altSpellings") or [])]:
            if not label or not isinstance(label, str):
                continue
            if len(label) <= 3 and label.isupper():
                codes.setdefault(label, country)
            else:
                names.setdefault(_key(label), country)
        demonym = details.get("demonym")
        if isinstance(demonym, str) and demonym and not demonym.endswith("s"):
            names.setdefault(_key(demonym + "s"), country)
    for pattern, canonical, kind in read_table("aliases"):
        target = names.get(_key(canonical))
        if kind == "country" and target is not None:
            for alias in pattern.split("|"):
                names.setdefault(_key(alias), target)
    return names, codes


def find_country(text: str, *, label: str | None = None) -> Country | None:
    """The country ``text`` names (a name, a nationality adjective or a code), if any."""
    cleaned = _POSSESSIVE.sub("", _LEADING_THE.sub("", text.strip()))
    if not cleaned:
        return None
    names, codes = _tables()
    found = names.get(_key(cleaned))
    if found is not None:
        return found
    undotted = cleaned.replace(".", "")
    dotted = undotted != cleaned
    if 2 <= len(undotted) <= 3 and undotted.isupper() and (dotted or label in _CODE_LABELS):
        # Undotted two-letter codes stand for a country in running news text only for
        # the few that style guides allow ("US", "UK"); "GI's" is no Gibraltar.
        if len(undotted) == 2 and not dotted and undotted not in _TWO_LETTER_IN_TEXT:
            return None
        return codes.get(undotted)
    return None
