"""The gold of the generated reuse corpus: stories, derivations and evaluated pairs.

>>> GoldPair("a", "b", "copy", "sibling").operation
''
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from storytrace.bench.reuse_builder import Operation
from storytrace.bench.reuse_dates import Timing
from storytrace.bench.reuse_drafts import GoldCase
from storytrace.bench.reuse_outlets import Outlet
from storytrace.models import Article, ReuseRelation, Span

Split = Literal["dev", "test"]
Link = Literal["derivation", "ancestor", "sibling", "kin", "negative"]
"""How the two articles of an evaluated pair stand: parent and child, further ancestor and
descendant, children of one parent, other members of one lineage, or a negative and
another article of the story."""


@dataclass(frozen=True, slots=True)
class GoldPair:
    """An evaluated pair: its gold relation and how the two stand in the story.

    For a derivation ``source_id`` is the parent and ``target_id`` the child;
    for other pairs the order carries no meaning.
    """

    source_id: str
    target_id: str
    relation: ReuseRelation
    link: Link
    operation: str = ""
    cases: tuple[GoldCase, ...] = ()


@dataclass(frozen=True, slots=True)
class Derivation:
    """A parent and a child derived from it, and what the child offers to tell the direction.

    ``timing`` is where the child's date was drawn relative to the parent's
    (the dates shown may still be missing on either side); ``credited`` names
    the outlets the child credits anywhere in its text.
    """

    parent_id: str
    child_id: str
    operation: Operation
    relation: ReuseRelation
    generation: int
    timing: Timing
    credited: tuple[str, ...]
    cases: tuple[GoldCase, ...]


@dataclass(frozen=True, slots=True)
class GoldStory:
    """One generated story: its articles, gold derivations, evaluated pairs and origin.

    ``hidden`` holds the origin article when it is left out of ``articles``
    (the story's copies only cite it). ``outlets`` gives each article's outlet,
    which the article itself may show only through its URL.
    """

    id: str
    articles: tuple[Article, ...]
    hidden: tuple[Article, ...]
    derivations: tuple[Derivation, ...]
    pairs: tuple[GoldPair, ...]
    origin_article_id: str | None
    origin_outlet: Outlet
    lineage: tuple[str, ...]
    own_spans: tuple[tuple[str, tuple[Span, ...]], ...]
    outlets: tuple[tuple[str, Outlet], ...]
    shared_texts: tuple[str, ...]

    def article(self, article_id: str) -> Article:
        """The article (in the corpus or hidden) with this id."""
        for article in (*self.articles, *self.hidden):
            if article.id == article_id:
                return article
        raise KeyError(article_id)

    def outlet(self, article_id: str) -> Outlet:
        """The gold outlet of an article."""
        return dict(self.outlets)[article_id]


@dataclass(frozen=True, slots=True)
class ReuseCorpus:
    """The generated stories, and unrelated articles to learn boilerplate from."""

    split: Split
    seed: int
    stories: tuple[GoldStory, ...]
    background: tuple[Article, ...]
