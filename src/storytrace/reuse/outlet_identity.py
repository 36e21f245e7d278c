"""Outlet identity: one outlet across its names, its sites and its editions.

A story names one outlet in many ways: the site name on its own pages
("Middle East Eye", or "ميدل إيست آي" on its Arabic pages), the domain
storytrace stores when a page gives no site name ("middleeasteye.net"), and
the credits of other articles ("the MEE", "Middle East Eye's French edition").
:class:`OutletDirectory` joins them into outlet identities and keeps, for
every join, the plain words that justify it:

* names: same key, acronym or known alias (:class:`OutletAliases`); an edition
  ("... French edition", "BBC Arabic", "Le Monde in English") is its base outlet;
* sites: articles on one registered domain are one outlet, whatever the
  subdomain or path (``fr.``, ``/ar/``); on a shared host (blogspot.com,
  wordpress.com, medium.com ...) the user's part is the site;
* names and sites: a domain written as a name is that site; a name whose words
  spell a site's domain label is that site's name, unless it spells several;
* articles: an article is its site's; without a URL, its outlet name's.

Wire services stay apart from the outlets that credit them: a credit joins no
article, only a name.

>>> from storytrace.models import Article
>>> directory = OutletDirectory.build(
...     [Article("a1", "a1", "...", url="https://www.middleeasteye.net/news/x"),
...      Article("a2", "a2", "...", url="https://www.middleeasteye.net/fr/x",
...              outlet="Middle East Eye édition française"),
...      Article("a3", "a3", "...", url="https://libyaherald.com/x", outlet="Libya Herald")],
...     ["MEE", "AFP"])
>>> directory.articles_named("the MEE"), directory.display(directory.identity_of_name("MEE"))
(('a1', 'a2'), 'Middle East Eye')
>>> for step in directory.reason("a1", "MEE").split("; "):
...     print(step)
MEE is the acronym of Middle East Eye
the address middleeasteye.net spells Middle East Eye
article a1 was published on middleeasteye.net
"""

from __future__ import annotations

import gettext
import ipaddress
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import combinations, pairwise
from typing import Any, Literal
from urllib.parse import urlsplit

import networkx as nx
import pycountry

from storytrace.errors import NotFoundError
from storytrace.models import Article
from storytrace.normalize import normalize_for_matching
from storytrace.outlets import host_parts
from storytrace.reuse.outlet_names import (
    OutletAliases,
    acronym,
    alias_relation,
    is_known_outlet,
    is_wire_service,
    known_names,
    outlet_key,
)

SHARED_HOSTS = frozenset(
    """wordpress.com medium.com substack.com tumblr.com livejournal.com typepad.com
    over-blog.com canalblog.com hypotheses.org weebly.com ghost.io beehiiv.com blogspot.*
    x.com twitter.com facebook.com instagram.com youtube.com tiktok.com t.me telegram.me""".split()
)
"""Shared hosts that the public suffix list's private section does not list (it has
blogspot.com, github.io, wixsite.com ...): on these the user's subdomain, or the first
segment of the path, is the site. ``name.*`` stands for every public suffix."""

EDITION_WORDS = frozenset("edition edicion edizione edicao ausgabe version versao versione".split())
"""Words that mark an edition, compared without accents: the one list no library holds."""

LABEL_EXTRAS = frozenset({"news", "online", "daily", "tv", "24", "today"})
"""Words a domain label may add after the outlet's name (``apnews``, ``france24``)."""

_NOT_OWNERS = frozenset("www m mobile amp p post posts home watch share status hashtag".split())
# RFC 2606 and RFC 6761 reserve these top-level names for examples and tests; no list has them.
_RESERVED_TLDS = frozenset({"example", "test", "invalid"})
_EDITION_LINKS = frozenset(
    "in en em auf of de du des di del della da do von the l la le el".split()
)
_OF_LINKS = frozenset("of de du des di del della da do von".split())
_OPTIONAL_WORDS = frozenset(
    "the of and a an al el le la les l de du des d di da del der die".split()
)
_WORD = re.compile(r"[^\W_]+")
_POSSESSIVE = re.compile(r"(?<=\w)['\u2019](?:s\b|(?=\s|$))")
_DOMAIN_NAME = re.compile(r"(?:https?://)?(?:[a-z0-9-]+\.)+[a-z][a-z0-9-]+(?:/\S*)?")
_TRAILING_SUFFIX = re.compile(r"(?<=[^\W\d_])\.([a-z]{2,}(?:\.[a-z]{2})?)$")


@dataclass(frozen=True, slots=True)
class Site:
    """Where one outlet publishes: a registered domain, or a user's part of a shared host.

    ``address`` identifies it (``middleeasteye.net``, ``libyanvoice.blogspot.com``,
    ``medium.com/@libyanvoice``); ``label`` is the part that spells the outlet's
    name (``middleeasteye``, ``libyanvoice``).
    """

    address: str
    label: str


def site_of_url(url: str | None) -> Site | None:
    """The site of a page: its registered domain, or the user's part of a shared host.

    >>> site_of_url("https://fr.middleeasteye.net/ar/news/x").address
    'middleeasteye.net'
    >>> site_of_url("https://libyanvoice.wordpress.com/2024/05/x").address
    'libyanvoice.wordpress.com'
    """
    if not url:
        return None
    parts = urlsplit(url if "//" in url else f"//{url}")
    domain = _domain_of_host(parts.hostname or "")
    if domain is None:
        return None
    subdomain, label, suffix = domain
    registered = f"{label}.{suffix}"
    if registered not in SHARED_HOSTS and f"{label}.*" not in SHARED_HOSTS:
        return Site(registered, label)
    owner = subdomain.rsplit(".", 1)[-1]
    if owner and owner not in _NOT_OWNERS:
        return Site(f"{owner}.{registered}", owner)
    segment = parts.path.strip("/").split("/", 1)[0].lower()
    owner = segment.removeprefix("@")
    if owner and owner not in _NOT_OWNERS and "." not in owner:
        return Site(f"{registered}/{segment}", owner)
    return None


@lru_cache(maxsize=4096)
def _domain_of_host(host: str) -> tuple[str, str, str] | None:
    """A host's subdomain, label and suffix; ``None`` for an IP address or a bare name."""
    host = host.rstrip(".").lower()
    if "." not in host:
        return None
    try:
        ipaddress.ip_address(host)
    except ValueError:
        pass
    else:
        return None
    subdomain, label, suffix = host_parts(host, private_domains=True)
    if suffix:
        return subdomain, label, suffix
    # A top-level name the bundled list does not know (".example", or one newer
    # than the list): its last label is the suffix.
    *rest, label, suffix = host.split(".")
    return ".".join(rest), label, suffix


def site_of_name(name: str) -> Site | None:
    """The site a name written as a domain or an address names, else ``None``.

    >>> site_of_name("www.middleeasteye.net").address, site_of_name("Middle East Eye")
    ('middleeasteye.net', None)
    """
    text = name.strip().strip(".,;:()[]<>\"'").lower()
    if not _DOMAIN_NAME.fullmatch(text):
        return None
    url = text if "://" in text else f"//{text}"
    host = urlsplit(url).hostname or ""
    if not host_parts(host)[2] and host.rsplit(".", 1)[-1] not in _RESERVED_TLDS:
        return None
    return site_of_url(url)


def _fold(text: str) -> str:
    """Case, look-alike letters and accents folded: for comparing, never for showing."""
    text = normalize_for_matching(text).text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _has_latin_letters(name: str) -> bool:
    return any("a" <= char <= "z" for char in _fold(name))


def _language_keys(names: Iterable[str]) -> set[str]:
    """Folded language names of at most three words, without "(macrolanguage)" notes."""
    keys: set[str] = set()
    for name in names:
        for part in re.split(r"[;,]", re.sub(r"\([^)]*\)", "", name)):
            words = _WORD.findall(_fold(part))
            if 0 < len(words) <= 3:
                keys.add(" ".join(words))
    return keys


@cache
def _languages() -> tuple[tuple[str, str], ...]:
    """ISO 639-1 languages as (code, English name), from pycountry."""
    return tuple(
        (lang.alpha_2, lang.name) for lang in pycountry.languages if hasattr(lang, "alpha_2")
    )


def _translation(locale: str) -> gettext.NullTranslations:
    try:
        return gettext.translation("iso639-3", pycountry.LOCALES_DIR, languages=[locale])
    except OSError:
        return gettext.NullTranslations()


@cache
def _own_language_names() -> frozenset[str]:
    """Each language's English name and, where pycountry has it, its own name ("français")."""
    names = [name for _, name in _languages()]
    names += [_translation(code).gettext(name) for code, name in _languages()]
    return frozenset(_language_keys(names))


@cache
def _any_language_names() -> frozenset[str]:
    """Every language's name in each of these languages that pycountry translates, with
    the endings of edition phrases ("édition française", "edición española")."""
    english = [name for _, name in _languages()]
    translations = [_translation(code) for code, _ in _languages()]
    names = [translation.gettext(name) for translation in translations for name in english]
    keys = _language_keys(english + names)
    inflected = {key + ending for key in keys for ending in ("e", "a")}
    inflected |= {key[:-1] + "a" for key in keys if key.endswith("o")}
    return frozenset(keys | inflected)


def _language_at(words: Sequence[str], names: frozenset[str], *, end: bool) -> int:
    """How many words (up to three) at the end (or start) of ``words`` form a language name."""
    for size in (3, 2, 1):
        if size <= len(words):
            piece = words[-size:] if end else words[:size]
            if " ".join(piece) in names:
                return size
    return 0


def _edition_suffix(words: Sequence[str]) -> int:
    """How many trailing words say which edition: "French edition", "in English", "Arabic"."""
    names = (
        _any_language_names() if any(w in EDITION_WORDS for w in words) else _own_language_names()
    )
    end, marked = len(words), False
    while end > 0:
        if words[end - 1] in EDITION_WORDS:
            end, marked = end - 1, True
        elif size := _language_at(words[:end], names, end=True):
            end, marked = end - size, True
        elif words[end - 1] in _EDITION_LINKS and end < len(words):
            end -= 1
        else:
            break
    return len(words) - end if marked else 0


def _edition_prefix(words: Sequence[str]) -> int:
    """How many leading words say which edition: "the French edition of", "l'édition arabe de"."""
    if not any(w in EDITION_WORDS for w in words):
        return 0
    names = _any_language_names()
    start, cut, seen_edition = 0, 0, False
    while start < len(words):
        word = words[start]
        if word in EDITION_WORDS:
            start, seen_edition = start + 1, True
        elif size := _language_at(words[start:], names, end=False):
            start += size
        elif word in _EDITION_LINKS:
            start += 1
            if word in _OF_LINKS and seen_edition:
                cut = start
        else:
            break
    return cut


@lru_cache(maxsize=4096)
def edition_base(name: str) -> str:
    """The outlet an edition's name names: the name without edition words and language names.

    Language names come from pycountry (English names and each language's own
    name; with an edition word, names in every language it translates).

    >>> edition_base("Middle East Eye's French edition"), edition_base("Al Jazeera Arabic")
    ('Middle East Eye', 'Al Jazeera')
    >>> edition_base("MEE édition française"), edition_base("Voice of America")
    ('MEE', 'Voice of America')
    """
    text = _POSSESSIVE.sub("", " ".join(name.split()))
    spans = [match.span() for match in _WORD.finditer(text)]
    words = [_fold(text[start:end]) for start, end in spans]
    start = _edition_prefix(words)
    end = len(words) - _edition_suffix(words[start:])
    kept = words[start:end]
    if (start, end) == (0, len(words)) or all(w in _OPTIONAL_WORDS for w in kept):
        return " ".join(name.split())
    return text[spans[start][0] : spans[end - 1][1]]


def _name_words(name: str) -> tuple[str, ...]:
    """The folded words of a name's base outlet, less a domain suffix ("Le Monde.fr")."""
    text = _fold(edition_base(name))
    suffix = _TRAILING_SUFFIX.search(text)
    if suffix and host_parts(f"x.{suffix.group(1)}")[2] == suffix.group(1):
        text = text[: suffix.start()]
    return tuple(_WORD.findall(_POSSESSIVE.sub("", text)))


@lru_cache(maxsize=16384)
def name_spells_label(name: str, label: str) -> bool:
    """Whether a domain label spells an outlet's name.

    Each word of the name gives, in order, its full form or its initial; "the",
    "al", "le", "de" and the like may be left out; the label may end with one
    of :data:`LABEL_EXTRAS`. The whole label must be explained, and by at least
    one full word or two initials, so a part of a name spells nothing.

    >>> name_spells_label("The New York Times", "nytimes"), name_spells_label("Eye", "nytimes")
    (True, False)
    """
    words = _name_words(name)
    target = re.sub(r"[^a-z0-9]", "", _fold(label))
    if not words or not target or not all(word.isascii() for word in words):
        return False

    @cache
    def walk(index: int, at: int, full: bool, initials: int) -> bool:
        if index == len(words):
            rest = target[at:]
            return (full or initials >= 2) and (not rest or rest in LABEL_EXTRAS)
        word = words[index]
        core = word not in _OPTIONAL_WORDS
        if not core and walk(index + 1, at, full, initials):
            return True
        if target.startswith(word, at) and walk(index + 1, at + len(word), full or core, initials):
            return True
        return target.startswith(word[0], at) and walk(
            index + 1, at + 1, full, min(initials + 1, 2)
        )

    return walk(0, 0, False, 0)


NodeKind = Literal["name", "site", "article"]


@dataclass(frozen=True, slots=True)
class OutletNode:
    """One thing that belongs to an outlet: a name, a site's address or an article's id."""

    kind: NodeKind
    value: str


@dataclass(frozen=True, slots=True)
class OutletIdentity:
    """One outlet: the name to show, the names and sites it goes by, the articles it published."""

    number: int
    display: str
    names: tuple[str, ...]
    sites: tuple[str, ...]
    article_ids: tuple[str, ...]


def _article(article_id: str) -> OutletNode:
    return OutletNode("article", article_id)


def _site(address: str) -> OutletNode:
    return OutletNode("site", address)


def _name(name: str) -> OutletNode:
    return OutletNode("name", name)


def _alias_phrase(first: str, second: str) -> str | None:
    relation = alias_relation(first, second)
    if relation == "spelling":
        return f"{first} is another spelling of {second}"
    if relation == "acronym":
        short, full = (first, second) if acronym(second) == outlet_key(first) else (second, first)
        return f"{short} is the acronym of {full}"
    if relation == "known":
        return f"{first} and {second} are known names of one outlet"
    return None


def _spelling(name: str, site: Site) -> str | None:
    """Why a site's label spells a name, itself or through its known full name; else ``None``."""
    if name_spells_label(name, site.label):
        return f"the address {site.address} spells {name}"
    known = known_names(name)
    if known and name_spells_label(known[0], site.label):
        return f"{name} is a known name of {known[0]}, which the address {site.address} spells"
    return None


def _numbered(graph: Any) -> tuple[dict[OutletNode, int], list[set[OutletNode]]]:
    """Each node's component number, and the components, in the order nodes were added."""
    components = [set(c) for c in nx.connected_components(graph)]
    return {node: n for n, members in enumerate(components) for node in members}, components


@dataclass(frozen=True, slots=True)
class OutletDirectory:
    """The outlets of one story: each name, site and article mapped to one identity.

    Build it with :meth:`build`, from the articles and every name you will ask
    about: a name it was not built with is still matched by key, acronym,
    edition or spelling, but cannot join two identities. ``nodes`` maps each
    name, site and article that belongs to an outlet to its identity;
    ``graph`` (frozen networkx graph of :class:`OutletNode`) holds the links,
    each edge's ``why`` the reason in words.
    """

    identities: tuple[OutletIdentity, ...]
    aliases: OutletAliases
    sites: Mapping[str, Site]
    nodes: Mapping[OutletNode, int]
    graph: Any
    article_ids: frozenset[str]

    @classmethod
    def build(cls, articles: Sequence[Article], names: Iterable[str] = ()) -> OutletDirectory:
        """Group the outlets of ``articles`` and the credited ``names`` into identities."""
        given = [" ".join((a.outlet or "").split()) for a in articles]
        all_names = [n for n in given if n] + [" ".join(n.split()) for n in names if n.strip()]
        graph = nx.Graph()
        graph.add_nodes_from(_article(a.id) for a in articles)
        sites: dict[str, Site] = {}
        node_of: dict[str, OutletNode] = {}
        bases: dict[str, str] = {}
        for name in dict.fromkeys(all_names):
            site = site_of_name(name)
            if site is not None:
                sites.setdefault(site.address, site)
                node_of[name] = _name(name) if name != site.address else _site(site.address)
                why = f"{name} is an address on {site.address}"
            elif outlet_key(edition_base(name)):
                bases[name] = edition_base(name)
                node_of[name] = _name(name)
                why = f"{name} is an edition of {bases[name]}"
            else:
                continue
            other = _site(site.address) if site else _name(bases[name])
            graph.add_node(node_of[name])
            if other != node_of[name]:
                graph.add_edge(node_of[name], other, why=why)
        aliases = OutletAliases.from_names(dict.fromkeys(bases.values()))
        for group in aliases.groups:
            for first, second in combinations(group, 2):
                if phrase := _alias_phrase(first, second):
                    graph.add_edge(_name(first), _name(second), why=phrase)

        on_site: dict[str, list[str]] = {}
        for article, name in zip(articles, given, strict=True):
            site = site_of_url(article.url)
            if site is not None:
                sites.setdefault(site.address, site)
                why = f"article {article.id} was published on {site.address}"
                graph.add_edge(_article(article.id), _site(site.address), why=why)
                if name in bases:
                    on_site.setdefault(site.address, []).append(bases[name])
            elif name in node_of:
                why = f"article {article.id} gives {name} as its outlet"
                graph.add_edge(_article(article.id), node_of[name], why=why)
        graph.add_nodes_from(_site(address) for address in sites)
        for address, site_names in on_site.items():
            _join_site_names(graph, sites[address], site_names, sites, aliases)
        _join_spelled_sites(graph, aliases, sites)
        return cls._from_graph(articles, all_names, node_of, aliases, sites, graph)

    @classmethod
    def _from_graph(
        cls,
        articles: Sequence[Article],
        all_names: Sequence[str],
        node_of: Mapping[str, OutletNode],
        aliases: OutletAliases,
        sites: Mapping[str, Site],
        graph: Any,
    ) -> OutletDirectory:
        counts = Counter(aliases.group_of(edition_base(name)) for name in all_names)
        identities: list[OutletIdentity] = []
        nodes: dict[OutletNode, int] = {}
        for members in nx.connected_components(graph):
            if len(members) == 1 and next(iter(members)).kind == "article":
                continue  # an article with neither a URL nor an outlet name
            number = len(identities)
            nodes.update(dict.fromkeys(members, number))
            own_sites = [site for address, site in sites.items() if _site(address) in members]
            identities.append(
                OutletIdentity(
                    number=number,
                    display=_display(members, own_sites, aliases, counts),
                    names=tuple(n for n in dict.fromkeys(all_names) if node_of.get(n) in members),
                    sites=tuple(site.address for site in own_sites),
                    article_ids=tuple(a.id for a in articles if _article(a.id) in members),
                )
            )
        return cls(
            identities=tuple(identities),
            aliases=aliases,
            sites=dict(sites),
            nodes=nodes,
            graph=nx.freeze(graph),
            article_ids=frozenset(a.id for a in articles),
        )

    def identity_of_article(self, article_id: str) -> int | None:
        """The identity of the outlet that published an article; ``None`` when the article
        has neither a URL nor an outlet name."""
        if article_id not in self.article_ids:
            held = ", ".join(sorted(self.article_ids)[:5]) + (
                " ..." if len(self.article_ids) > 5 else ""
            )
            raise NotFoundError(
                f"no article {article_id!r} in this outlet directory (it holds {held}); "
                "build the directory with that article"
            )
        return self.nodes.get(_article(article_id))

    def identity_of_name(self, name: str) -> int | None:
        """The identity a name (credit, site name, domain, acronym, edition) belongs to."""
        found = self._resolve(name)
        return self.nodes[found[0]] if found else None

    def articles_named(self, name: str) -> tuple[str, ...]:
        """The ids of the articles the outlet ``name`` names published, in input order."""
        identity = self.identity_of_name(name)
        return self.identities[identity].article_ids if identity is not None else ()

    def same_outlet_article(self, article_id: str, name: str) -> bool:
        """Whether the outlet ``name`` names published the article."""
        identity = self.identity_of_article(article_id)
        return identity is not None and identity == self.identity_of_name(name)

    def display(self, identity: int) -> str:
        """The name to show for an identity: a known outlet's name, else a name its site
        spells, else its most used name, else its site's address."""
        if not 0 <= identity < len(self.identities):
            raise ValueError(
                f"identity {identity} does not exist: this directory has identities 0 to "
                f"{len(self.identities) - 1}; take one from identity_of_name or identity_of_article"
            )
        return self.identities[identity].display

    def reason(self, article_id: str, name: str) -> str | None:
        """Why the outlet ``name`` names published the article, in plain words, along the
        shortest chain of links from the name to the article; ``None`` when it did not."""
        found = self._resolve(name)
        if found is None or not self.same_outlet_article(article_id, name):
            return None
        start, steps = found
        path = nx.shortest_path(self.graph, start, _article(article_id))
        links = [self.graph.edges[first, second]["why"] for first, second in pairwise(path)]
        return "; ".join([*steps, *links])

    def _resolve(self, name: str) -> tuple[OutletNode, tuple[str, ...]] | None:
        """The node a name stands for, and the reasons that lead from the name to it."""
        name = " ".join(name.split())
        if _name(name) in self.nodes:
            return _name(name), ()
        site = site_of_name(name)
        if site is not None:
            steps = () if name == site.address else (f"{name} is an address on {site.address}",)
            if _site(site.address) in self.nodes:
                return _site(site.address), steps
            names = [node for node in self.nodes if node.kind == "name"]
            spelled = [(node, why) for node in names if (why := _spelling(node.value, site))]
            if len({self.nodes[node] for node, _ in spelled}) != 1:
                return None
            return spelled[0][0], (*steps, spelled[0][1])
        base = edition_base(name)
        steps = () if base == name else (f"{name} is an edition of {base}",)
        if _name(base) in self.nodes:
            return _name(base), steps
        group = self.aliases.group_of(base)
        for known in self.aliases.groups[group] if group is not None else ():
            if (phrase := _alias_phrase(base, known)) and _name(known) in self.nodes:
                return _name(known), (*steps, phrase)
        spelling = [(s, why) for s in self.sites.values() if (why := _spelling(base, s))]
        if len({self.nodes[_site(s.address)] for s, _ in spelling}) != 1:
            return None
        return _site(spelling[0][0].address), (*steps, spelling[0][1])


def _join_site_names(
    graph: Any,
    site: Site,
    site_names: Sequence[str],
    sites: Mapping[str, Site],
    aliases: OutletAliases,
) -> None:
    """Join a site to the outlet names its own articles give (edition bases).

    A name the site's label spells is the site's. A name it does not spell
    (an Arabic site name, "ABC News" on go.com) is the site's only when it is
    the one such name on the site, is no wire service, spells no other site,
    and either the site has no spelled name or the name is not in Latin
    letters: an aggregator's pages carrying other outlets' names join nothing.
    """
    unique = list(dict.fromkeys(site_names))
    spelled = {n: why for n in unique if (why := _spelling(n, site))}
    for name, why in spelled.items():
        graph.add_edge(_name(name), _site(site.address), why=why)
    others = [n for n in unique if n not in spelled]
    if len({aliases.group_of(n) for n in others}) != 1:
        return
    for name in others:
        if is_wire_service(name) or (spelled and _has_latin_letters(name)):
            continue
        if not any(_spelling(name, other) for other in sites.values() if other != site):
            why = f"articles on {site.address} give {name} as their outlet"
            graph.add_edge(_name(name), _site(site.address), why=why)


def _join_spelled_sites(graph: Any, aliases: OutletAliases, sites: Mapping[str, Site]) -> None:
    """Join names to the one site whose label spells them.

    A name already joined to a site is not joined to another (a name spelling
    two sites does not make them one outlet), and a name that spells sites of
    several outlets joins none. Decided on the joins made so far, all at once.
    """
    number, components = _numbered(graph)
    joins: list[tuple[OutletNode, OutletNode, str]] = []
    for group in aliases.groups:
        own = number[_name(group[0])]
        if any(node.kind == "site" for node in components[own]):
            continue
        targets: dict[int, tuple[OutletNode, OutletNode, str]] = {}
        for name in group:
            for site in sites.values():
                found = number[_site(site.address)]
                if found != own and (why := _spelling(name, site)):
                    targets.setdefault(found, (_name(name), _site(site.address), why))
        if len(targets) == 1:
            joins += targets.values()
    for first, second, why in joins:
        graph.add_edge(first, second, why=why)


def _display(
    members: set[OutletNode],
    own_sites: Sequence[Site],
    aliases: OutletAliases,
    counts: Mapping[int | None, int],
) -> str:
    """An identity's best name: a known outlet's, else one its site spells, else the most
    used, else the first given; its site's address when it has no name."""
    groups = {aliases.group_of(m.value) for m in members if m.kind == "name"}

    def rank(group: int) -> tuple[bool, bool, int, int]:
        names = aliases.groups[group]
        spelled = any(_spelling(n, s) for n in names for s in own_sites)
        return any(is_known_outlet(n) for n in names), spelled, counts[group], -group

    ranked = [group for group in groups if group is not None]
    if ranked:
        return aliases.display(aliases.groups[max(ranked, key=rank)][0])
    return own_sites[0].address if own_sites else min(m.value for m in members)
