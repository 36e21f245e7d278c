"""Named entities of a story, with one canonical entity per real thing.

spaCy's named-entity model finds the mentions; rules and the story's own
co-occurrences then join the names that denote one thing:

* countries and nationality adjectives go through :mod:`.countries`
  (pycountry + countryinfo): ``US``, ``U.S.``, ``American`` are one country;
* people are keyed by surname after titles are dropped (``General Haftar``);
  full names with the same surname and a first name one or two letters apart
  (``Khalifa``/``Halifa``) are one person, and a bare surname joins the only
  (or most mentioned) person who has it, whatever label the model gave it;
* an acronym defined in parentheses (``Government of National Accord (GNA)``)
  or spelling a longer name's initials (``MEE`` = ``Middle East Eye``) is an
  alias, as are the well-known names listed in ``data/aliases.tsv``;
* a description that shares a distinctive hyphenated modifier and a head noun
  with a named entity elsewhere in the story (``UN-backed unity government``
  next to ``UN-backed Government of National Accord``) is an alias of it.

Captions set aside by cleaning are read for names too (a caption's
``Halifa Haftar`` is still Haftar), though they never become claims.

>>> person_key("Major-General Halifa Haftar\u2019s")
('halifa', 'haftar')
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

from storytrace.claims.countries import find_country
from storytrace.claims.lexicon import read_table
from storytrace.models import Entity, EntityType

_LABELS: Mapping[str, EntityType] = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "other",
}
_TITLES = frozenset(
    """general gen major-general maj lt lieutenant colonel col captain capt dr doctor mr mrs
    ms miss president prime minister sen senator rep governor gov judge justice sir lord king
    queen prince princess pope chancellor secretary mayor professor prof sheikh marshal
    field-marshal commander admiral sergeant sgt detective chief inspector rev reverend
    ambassador spokesman spokeswoman director councillor councilman
    """.split()
)
_LEADING_THE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:'s|\u2019s|'|\u2019)$")
_LEADING_JUNK = re.compile(r"^(?:[\s\u2014\u2013\-:,;]|'s\b|\u2019s\b)+")
_ACRONYM = re.compile(
    r"((?:[A-Z][\w'\u2019.-]*|of|the|for|and|on|de|du|des|la|le|&)"
    r"(?:\s+(?:[A-Z][\w'\u2019.-]*|of|the|for|and|on|de|du|des|la|le|&))*)"
    r"\s+\(([A-Z][A-Za-z0-9&.]{1,9})\)"
)
_STOP = frozenset({"of", "the", "for", "and", "on", "de", "du", "des", "la", "le", "&", "in"})
_TYPE_ORDER: tuple[EntityType, ...] = ("country", "person", "organisation", "place", "other")


@dataclass(frozen=True, slots=True)
class NamedSpan:
    """One name as written, in one article field (``caption`` for removed captions)."""

    article_id: str
    field: str
    start: int
    end: int
    text: str
    label: str


@dataclass(frozen=True, slots=True)
class EntityMention:
    """A name in an article field that denotes a story entity, with the model's label there."""

    article_id: str
    field: str
    start: int
    end: int
    text: str
    entity_id: str
    label: str = ""


@dataclass(frozen=True, slots=True)
class StoryEntities:
    """The story's entities and where each is named, searchable by span.

    Build it with :meth:`of`, which indexes the mentions by article field.
    """

    entities: tuple[Entity, ...]
    mentions: tuple[EntityMention, ...]
    index: Mapping[tuple[str, str], tuple[tuple[int, int, EntityMention], ...]]

    @classmethod
    def of(cls, entities: Sequence[Entity], mentions: Sequence[EntityMention]) -> StoryEntities:
        grouped: dict[tuple[str, str], list[tuple[int, int, EntityMention]]] = defaultdict(list)
        for order, mention in enumerate(mentions):
            grouped[(mention.article_id, mention.field)].append((mention.start, order, mention))
        index = {
            key: tuple(sorted(spans, key=lambda s: (s[0], s[1]))) for key, spans in grouped.items()
        }
        return cls(tuple(entities), tuple(mentions), index)

    def by_id(self) -> dict[str, Entity]:
        return {entity.id: entity for entity in self.entities}

    def within(self, article_id: str, field: str, start: int, end: int) -> list[EntityMention]:
        """The entity mentions inside ``[start, end)`` of one article field, in order."""
        spans = self.index.get((article_id, field), ())
        position = bisect_left(spans, start, key=lambda item: item[0])
        found: list[EntityMention] = []
        for span_start, _, mention in spans[position:]:
            if span_start >= end:
                break
            if mention.end <= end:
                found.append(mention)
        return found


def clean_name(text: str) -> str:
    """A name without a leading article or trailing possessive, on one line."""
    name = " ".join(text.split())
    if "(" in name and ")" not in name:
        name = name[: name.index("(")]
    name = _LEADING_JUNK.sub("", name)
    return _POSSESSIVE.sub("", _LEADING_THE.sub("", name)).strip(" ,.;:")


def person_key(text: str) -> tuple[str, ...]:
    """A person's name tokens, casefolded, without titles or possessive."""
    tokens = [t.strip(".,") for t in clean_name(text).split()]
    while len(tokens) > 1 and tokens[0].casefold().rstrip(".") in _TITLES:
        tokens = tokens[1:]
    return tuple(t.casefold() for t in tokens if t)


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w.casefold() not in _STOP and w[:1].isalpha())


def named_spans(parsed: Iterable[tuple[str, str, int, Any]]) -> list[NamedSpan]:
    """The named-entity spans of parsed sentences, with offsets in their article field."""
    spans: list[NamedSpan] = []
    for article_id, field, offset, doc in parsed:
        for ent in doc.ents:
            if ent.label_ in _LABELS:
                spans.append(
                    NamedSpan(
                        article_id,
                        field,
                        offset + ent.start_char,
                        offset + ent.end_char,
                        ent.text,
                        ent.label_,
                    )
                )
    return spans


def acronym_pairs(texts: Iterable[str]) -> dict[str, str]:
    """Acronyms defined in parentheses, ``GNA`` -> ``Government of National Accord``."""
    pairs: dict[str, str] = {}
    for text in texts:
        for match in _ACRONYM.finditer(text):
            words = match.group(1).split()
            acronym = match.group(2).replace(".", "")
            # The long name is the shortest tail of the capitalised run spelling the acronym.
            for first in range(len(words)):
                if not words[first][:1].isupper():
                    continue
                candidate = " ".join(words[first:])
                if _initials(candidate).upper() == acronym.upper():
                    pairs.setdefault(acronym, clean_name(candidate))
                    break
    return pairs


_MODIFIER_BEFORE = re.compile(r"(?<![\w-])(\w+-[a-z]+ed)\s+(?:the\s+)?$")
_LOWER_WORDS = r"((?:[a-z]+\s+){0,2}[a-z]+)\b(?!\s+[A-Z])"


def hyphen_modifiers(parsed: Sequence[tuple[str, str, int, Any]]) -> dict[str, str]:
    """Hyphenated participles written right before an organisation's name (``UN-backed``)."""
    seen: dict[str, Counter[str]] = defaultdict(Counter)
    for _, _, _, doc in parsed:
        for ent in doc.ents:
            if ent.label_ not in ("ORG", "GPE", "NORP"):
                continue
            match = _MODIFIER_BEFORE.search(doc.text[: ent.start_char])
            if match is not None:
                seen[match.group(1).casefold()][clean_name(ent.text)] += 1
    return {modifier: names.most_common(1)[0][0] for modifier, names in seen.items()}


def descriptor_spans(
    parsed: Sequence[tuple[str, str, int, Any]], names: Mapping[str, str]
) -> list[NamedSpan]:
    """Descriptions that share a hyphenated modifier and head noun with a named entity.

    ``names`` maps a modifier seen right before a name (``un-backed``) to that name.
    """
    if not names:
        return []
    pattern = re.compile(
        r"(?<![\w-])((?i:" + "|".join(re.escape(m) for m in names) + r"))\s+" + _LOWER_WORDS
    )
    spans: list[NamedSpan] = []
    for article_id, field, offset, doc in parsed:
        for match in pattern.finditer(doc.text):
            name = names[match.group(1).casefold()]
            words = match.group(2).split()
            if not words or words[-1].casefold() not in {w.casefold() for w in name.split()}:
                continue
            start, end = match.start(), match.end(2)
            spans.append(
                NamedSpan(
                    article_id, field, offset + start, offset + end, doc.text[start:end], "ORG"
                )
            )
    return spans


def acronym_spans(
    parsed: Sequence[tuple[str, str, int, Any]], acronyms: Mapping[str, str]
) -> list[NamedSpan]:
    """Every written use of a defined acronym, which the model may have missed (``IS``)."""
    if not acronyms:
        return []
    pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(a) for a in acronyms) + r")(?![\w-])")
    spans: list[NamedSpan] = []
    for article_id, field, offset, doc in parsed:
        taken = [(ent.start_char, ent.end_char) for ent in doc.ents]
        for match in pattern.finditer(doc.text):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            start, end = offset + match.start(), offset + match.end()
            spans.append(NamedSpan(article_id, field, start, end, match.group(), "ORG"))
    return spans


class _Union:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        self.parent.setdefault(key, key)
        root = key
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[key] != root:
            self.parent[key], key = root, self.parent[key]
        return root

    def union(self, first: str, second: str) -> None:
        a, b = self.find(first), self.find(second)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def _similar_first_names(first: str, second: str) -> bool:
    if first == second:
        return True
    if len(first) == 1 or len(second) == 1:
        return first[0] == second[0]
    return SequenceMatcher(None, first, second).ratio() >= 0.8


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-") or "unnamed"


def _alias_table() -> dict[str, tuple[str, str]]:
    table: dict[str, tuple[str, str]] = {}
    for pattern, canonical, kind in read_table("aliases"):
        if kind != "country":
            for alias in pattern.split("|"):
                table[alias] = (canonical, kind)
    return table


def resolve_entities(spans: Sequence[NamedSpan], acronyms: Mapping[str, str]) -> StoryEntities:
    """One entity per real thing named by ``spans`` (see the module docstring for the rules).

    ``acronyms`` maps a short name or description to the long name it stands for.
    """
    aliases = _alias_table()
    union = _Union()
    keys: list[str] = []
    kinds: dict[str, Counter[EntityType]] = defaultdict(Counter)
    country_names: dict[str, str] = {}  # and canonical names from the alias table
    persons: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for index, span in enumerate(spans):
        name = clean_name(span.text)
        if name.casefold().rstrip(".") in _TITLES:
            keys.append("")
            continue
        country = (
            find_country(name, label=span.label)
            if span.label != "PERSON" and name not in acronyms
            else None
        )
        if country is not None and name:
            key = f"country:{country.code or _slug(country.name)}"
            country_names[key] = country.name
            kinds[key]["country"] += 1
        elif name in aliases:
            canonical, kind = aliases[name]
            key = f"name:{canonical.casefold()}"
            country_names[key] = canonical
            kinds[key][_entity_kind(kind)] += 1
        elif span.label == "PERSON":
            tokens = person_key(name)
            key = f"person:{' '.join(tokens)}"
            persons[tokens].append(index)
            kinds[key]["person"] += 1
        else:
            key = f"name:{name.casefold()}"
            kinds[key][_LABELS[span.label]] += 1
        keys.append(key)
        union.find(key)
    _join_persons(union, persons, keys, spans, kinds)
    _join_labels(union, keys)
    _join_acronyms(union, keys, acronyms)
    groups: dict[str, list[int]] = defaultdict(list)
    for index, key in enumerate(keys):
        if key:
            groups[union.find(key)].append(index)
    entities: list[Entity] = []
    mentions: list[EntityMention] = []
    used_ids: set[str] = set()
    ordered = sorted(groups.values(), key=lambda members: min(members))
    for members in ordered:
        member_keys = {keys[i] for i in members}
        total: Counter[EntityType] = Counter()
        for key in member_keys:
            total.update(kinds[key])
        kind = _entity_type(total)
        name = _canonical_name(kind, [spans[i] for i in members], member_keys, country_names)
        if not name:
            continue
        entity_id = f"{kind}:{_slug(name)}"
        while entity_id in used_ids:
            entity_id += "-2"
        used_ids.add(entity_id)
        written = sorted({clean_name(spans[i].text) for i in members} - {""})
        articles = list(dict.fromkeys(spans[i].article_id for i in sorted(members)))
        entities.append(Entity(entity_id, name, kind, tuple(written), tuple(articles)))
        for i in members:
            span = spans[i]
            mentions.append(
                EntityMention(
                    span.article_id,
                    span.field,
                    span.start,
                    span.end,
                    span.text,
                    entity_id,
                    span.label,
                )
            )
    return StoryEntities.of(entities, mentions)


def _join_persons(
    union: _Union,
    persons: Mapping[tuple[str, ...], list[int]],
    keys: list[str],
    spans: Sequence[NamedSpan],
    kinds: dict[str, Counter[EntityType]],
) -> None:
    full = sorted((t for t in persons if len(t) >= 2), key=lambda t: -len(persons[t]))
    by_surname: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for tokens in full:
        for other in by_surname[tokens[-1]]:
            if _similar_first_names(tokens[0], other[0]):
                union.union(f"person:{' '.join(tokens)}", f"person:{' '.join(other)}")
                break
        else:
            by_surname[tokens[-1]].append(tokens)
    # A bare surname, whatever the model labelled it ("Haftar forces" as ORG), joins
    # the most mentioned person with that surname.
    for index, key in enumerate(keys):
        name = clean_name(spans[index].text).casefold()
        if not key or key.startswith("country:") or " " in name or name not in by_surname:
            continue
        target = by_surname[name][0]
        target_key = f"person:{' '.join(target)}"
        if key != target_key:
            kinds[key]["person"] += 1
            union.union(key, target_key)


def _join_labels(union: _Union, keys: Sequence[str]) -> None:
    """One name the model labelled a person here and an organisation there is one entity."""
    present = set(keys)
    for key in present:
        if key.startswith("person:") and f"name:{key[7:]}" in present:
            union.union(key, f"name:{key[7:]}")


def _join_acronyms(union: _Union, keys: Sequence[str], acronyms: Mapping[str, str]) -> None:
    names = {key[5:]: key for key in keys if key.startswith("name:")}
    for key in keys:
        if key.startswith("person:"):
            names.setdefault(key[7:], key)
    for acronym, long_name in acronyms.items():
        short_key, long_key = f"name:{acronym.casefold()}", f"name:{long_name.casefold()}"
        union.union(short_key, long_key)
    by_initials: dict[str, list[str]] = defaultdict(list)
    for long, long_key in names.items():
        if " " in long:
            by_initials[_initials(long).casefold()].append(long_key)
    for short, short_key in names.items():
        if 2 <= len(short) <= 6 and " " not in short:
            for long_key in by_initials.get(short, ()):
                union.union(short_key, long_key)


def _entity_kind(name: str) -> EntityType:
    return next((kind for kind in _TYPE_ORDER if kind == name), "other")


def _entity_type(total: Counter[EntityType]) -> EntityType:
    if total["country"]:
        return "country"
    return max(_TYPE_ORDER, key=lambda kind: (total[kind], -_TYPE_ORDER.index(kind)))


def _canonical_name(
    kind: EntityType,
    members: Sequence[NamedSpan],
    member_keys: set[str],
    country_names: Mapping[str, str],
) -> str:
    for key in sorted(member_keys):
        if key in country_names:
            return country_names[key]
    counts: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    for order, span in enumerate(members):
        name = clean_name(span.text)
        if kind == "person":
            tokens = name.split()
            while len(tokens) > 1 and tokens[0].casefold().rstrip(".") in _TITLES:
                tokens = tokens[1:]
            name = " ".join(tokens)
        if not name:
            continue
        # Body text outweighs captions, and a full name outweighs a surname.
        counts[name] += 1 if span.field == "caption" else 2
        first_seen.setdefault(name, order)
    if not counts:
        return ""
    multiword = [n for n in counts if " " in n and not n.isupper()]
    pool = multiword or list(counts)
    return max(pool, key=lambda n: (counts[n], len(n), -first_seen[n]))
