"""What the other copies of a story say about which of two articles is the source.

Copies take part of their source, each a different part. So the text a copy
shares with the story's other copies came to it through its source, and lies
inside what it shares with its source; the source, in turn, shares with the
other copies text that the one copy left out. For a pair ``a``, ``b`` that
copied one from the other, :func:`witness_shares` measures, for each side,
how much of what it shares with third articles (its *witnessed* text) it also
shares with the other side. The side whose witnessed text lies inside the pair
(share near 1) is the copy; the side that third articles also copied from
elsewhere is the source. This reads the texts only: no dates, no credits.

It misleads in one case: a third article that copied the *copy* (a copy of a
copy) witnesses text that only the copy has. Such articles are rarer than
siblings (most reprints copy the origin), which is why this is one vote among
others (:mod:`storytrace.reuse.direction`).

>>> from storytrace.models import Passage, Reuse, Span
>>> def reuse(a, b, span_a, span_b):
...     return Reuse(a, b, (Passage(Span(*span_a), Span(*span_b), "verbatim", 1.0),),
...                  0, 0.0, 0.0, "copy")
>>> reuses = {frozenset(("o", "c")): reuse("o", "c", (0, 500), (0, 500)),
...           frozenset(("o", "s")): reuse("o", "s", (300, 900), (0, 600)),
...           frozenset(("c", "s")): reuse("c", "s", (300, 500), (0, 200))}
>>> witness = witness_shares(reuses, min_chars=150)[frozenset(("o", "c"))]
>>> witness.share("o"), witness.share("c")
(0.3333, 1.0)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from storytrace.models import Reuse
from storytrace.reuse.relation import DERIVATIONS
from storytrace.reuse.shares import copied_spans, merged_spans, overlap_chars


@dataclass(frozen=True, slots=True)
class Witness:
    """For one pair: each side's witnessed characters and the part of them inside the pair."""

    witnessed: Mapping[str, int]
    inside: Mapping[str, int]

    def share(self, article_id: str) -> float:
        """The part of the article's witnessed text that it shares with the other side."""
        total = self.witnessed[article_id]
        return round(self.inside[article_id] / total, 4) if total else 0.0


def witness_shares(
    reuses: Mapping[frozenset[str], Reuse], *, min_chars: int
) -> dict[frozenset[str], Witness]:
    """The witnesses of every derivation pair whose both sides have at least ``min_chars``
    characters shared with third articles (copy and rewrite relations only)."""
    derived = {pair: r for pair, r in reuses.items() if r.relation in DERIVATIONS}
    partners: dict[str, list[frozenset[str]]] = {}
    for pair in derived:
        for article_id in pair:
            partners.setdefault(article_id, []).append(pair)
    result: dict[frozenset[str], Witness] = {}
    for pair, reuse in derived.items():
        witnessed: dict[str, int] = {}
        inside: dict[str, int] = {}
        for article_id in pair:
            other = next(iter(pair - {article_id}))
            third = merged_spans(
                span for p in partners[article_id] if other not in p
                for span in copied_spans(derived[p], article_id)
            )  # fmt: skip
            witnessed[article_id] = sum(s.length for s in third)
            inside[article_id] = overlap_chars(third, copied_spans(reuse, article_id))
        if min(witnessed.values()) >= min_chars:
            result[pair] = Witness(witnessed, inside)
    return result
