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

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations, pairwise
from typing import Any, Literal

import networkx as nx

from storytrace.errors import NotFoundError
from storytrace.models import Article
from storytrace.normalize import Normalized, normalize_for_matching
from storytrace.reuse.outlet_editions import edition_base, has_latin_letters, name_spells_label
from storytrace.reuse.outlet_names import (
    OutletAliases,
    acronym,
    alias_relation,
    is_known_outlet,
    is_wire_service,
    known_names,
    outlet_key,
)
from storytrace.reuse.outlet_sites import Site, site_of_name, site_of_url

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
        _join_short_names(graph, sites)
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

    def mention_in(
        self, identity: int, text: str, folded: Normalized | None = None
    ) -> tuple[int, int] | None:
        """Where ``text`` first names the outlet (any of its names of two letters or more,
        or its site's address), as a whole word; ``None`` when it does not.

        Names in capitals (acronyms) must match in capitals; other names match
        in any case. Look-alike letters and curly quotes are folded first (give
        ``folded``, the text's normalised form, when you have it).
        """
        folded = folded or normalize_for_matching(text)
        found: list[tuple[int, int]] = []
        outlet = self.identities[identity]
        for name in (*outlet.names, *outlet.sites):
            key = " ".join(name.split())
            if len(key) < 2:
                continue
            if key.isupper():
                match = re.search(rf"(?<!\w){re.escape(key)}(?!\w)", text)
                if match is not None:
                    found.append(match.span())
                continue
            needle = normalize_for_matching(key).text
            match = re.search(rf"(?<!\w){re.escape(needle)}(?!\w)", folded.text)
            if match is not None:
                found.append(folded.original_span(*match.span()))
        return min(found) if found else None

    def outlet_name(self, article: Article) -> str | None:
        """The name to show for the outlet that published ``article`` (its own ``outlet``
        field when the directory knows no outlet for it)."""
        identity = self.identity_of_article(article.id)
        return article.outlet if identity is None else self.display(identity)

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
        if is_wire_service(name) or (spelled and has_latin_letters(name)):
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


def _join_short_names(graph: Any, sites: Mapping[str, Site]) -> None:
    """Join a short name ("the Express", "the Post") to the one outlet of the story whose
    name (given by an article or credited) or address ends with it.

    Outlets are credited by the last words of their name once the full name is
    known to the reader. Only names no article's outlet already answers to are
    joined, and only when exactly one outlet of the story ends so: with two
    (the Washington Post and the Jerusalem Post) the short name joins neither.
    """
    number, components = _numbered(graph)
    published = {n for n, members in enumerate(components)
                 if any(m.kind == "article" for m in members)}  # fmt: skip
    joins: list[tuple[OutletNode, OutletNode, str]] = []
    for node in [n for n in graph.nodes if n.kind == "name"]:
        short = outlet_key(node.value)
        if number[node] in published or not short or len(short.split()) > 2:
            continue
        endings: dict[int, tuple[OutletNode, str]] = {}
        for other in graph.nodes:
            if number[other] == number[node] or other.kind == "article":
                continue
            if other.kind == "name":
                full = outlet_key(other.value)
                ends = full.endswith(" " + short) and full != short
            else:
                label = sites[other.value].label
                ends = label.endswith(short.replace(" ", "")) and label != short.replace(" ", "")
                full = other.value
            if ends:
                endings.setdefault(number[other], (other, full))
        if len(endings) == 1:
            [(other, full)] = endings.values()
            why = (f"{node.value} is the short name of {full}, the one outlet of the story "
                   "whose name ends so")  # fmt: skip
            joins.append((node, other, why))
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
