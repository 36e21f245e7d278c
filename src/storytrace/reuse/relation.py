"""Copy or not, before which way: how two articles that share passages are related.

Sharing text is not copying. Two reports of one event quote the same
speaker, reproduce the same press release, and tell the same facts in
similar words; only an article that reproduces another's *own wording*
derives from it. :func:`classify_relation` decides, from the text of the pair
alone, one of the relations of :data:`storytrace.models.ReuseRelation`
(defined for annotators in ``docs/reuse-annotation.md``):

- ``copy``: runs of the same wording **outside quotation marks and statement
  text** (:mod:`storytrace.reuse.quotes`), boilerplate left out, of at least
  ``copy_min_run_words`` words each, adding up to ``copy_min_chars``
  characters; or a close translation (most of one article translated at a
  high cosine: ``translation_min_share``, ``translation_derivation_similarity``);
- ``rewrite``: less wording in common, but one article credits the other's
  outlet in its own text and the two share ``derivation_min_chars``
  characters of edited or reworded passages: a rewrite "according to X" that
  follows X's text; or, without a credit, edited or reworded passages cover
  ``rewrite_min_share`` of one article outside quotations (it follows the
  other sentence by sentence, in other words);
- ``shares_quotes``: what is shared word for word is mostly quotations or
  statement text, at least ``quote_min_words`` words of it;
- ``independent``: the rest (the same facts, in each outlet's own words).

Only ``copy`` and ``rewrite`` make derivation edges and lineages. Each verdict
comes with its measured evidence, in words.

>>> from storytrace.models import Article, Passage, Span
>>> from storytrace.reuse.segments import prepare_text
>>> quote = '"We will rebuild every house that the flood took from us," the mayor said.'
>>> a = prepare_text(Article("a", "a", "Floods hit Lusk on Monday. " + quote))
>>> b = prepare_text(Article("b", "b", "Rain fell for days in Lusk. " + quote))
>>> passage = Passage(Span(27, 101), Span(28, 102), "verbatim", 1.0)
>>> relation = classify_relation(a, b, (passage,), settings=ReuseSettings())
>>> relation.relation, relation.quoted_chars > 0, relation.copied_chars
('shares_quotes', True, 0)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from storytrace.models import Passage, ReuseRelation, Span
from storytrace.reuse.matches import verbatim_runs
from storytrace.reuse.quotes import quoted_words
from storytrace.reuse.segments import MatchText
from storytrace.reuse.settings import ReuseSettings

DERIVATIONS: frozenset[ReuseRelation] = frozenset({"copy", "rewrite"})
"""The relations that make one article derive from the other."""


@dataclass(frozen=True, slots=True)
class PairRelation:
    """The relation of a pair and what was measured to decide it.

    ``copied_chars`` are the characters (of the second text) in runs of the
    same wording outside quotations (``source_runs`` and ``target_runs``),
    ``quoted_chars`` those in shared runs inside quotations or statement text,
    ``reworded_chars`` those in edited, paraphrased or translated passages
    outside such runs.
    """

    relation: ReuseRelation
    copied_chars: int
    longest_run: int
    quoted_chars: int
    reworded_chars: int
    evidence: tuple[str, ...]
    source_runs: tuple[Span, ...] = ()
    target_runs: tuple[Span, ...] = ()
    """The runs of the same wording counted in ``copied_chars``, as spans of each text."""
    followed_share: float = 0.0
    """The larger part, of either text, that the shared passages cover outside quotations."""


def _inside(text: MatchText, spans: Sequence[tuple[int, int]]) -> bytearray:
    """One byte per word of ``text``: 1 for words inside the word ranges ``spans``."""
    marked = bytearray(len(text.words))
    for first, end in spans:
        marked[first:end] = b"\x01" * (end - first)
    return marked


def _span(text: MatchText, first: int, end: int) -> Span:
    """The original span of words ``[first, end)``."""
    return text.original_span(text.starts[first], text.ends[end - 1])


def _chars(text: MatchText, first: int, end: int) -> int:
    return _span(text, first, end).length


def mostly_translated(passages: Sequence[Passage]) -> bool:
    """Whether most of what a pair shares (in characters of the target) is translated."""
    shared = sum(p.target_span.length for p in passages)
    return 2 * sum(p.target_span.length for p in passages if p.kind == "translation") > shared


def classify_relation(
    source: MatchText,
    target: MatchText,
    passages: Sequence[Passage],
    *,
    settings: ReuseSettings,
    credited: bool = False,
    boilerplate_source: bytes | None = None,
    boilerplate_target: bytes | None = None,
    quoted_source: bytes | None = None,
    quoted_target: bytes | None = None,
) -> PairRelation:
    """How ``target`` relates to ``source``, given the passages they share.

    ``passages`` have their source spans in ``source`` and target spans in
    ``target``; ``credited`` says that one of the two credits the other's outlet in its own text.
    ``quoted_source`` and ``quoted_target`` (:func:`~storytrace.reuse.quotes.quoted_words`)
    save work when a story computes them once per article.
    """
    quoted_source = quoted_source if quoted_source is not None else quoted_words(source)
    quoted_target = quoted_target if quoted_target is not None else quoted_words(target)
    if passages and mostly_translated(passages):
        return _translation_relation(
            source, target, passages, credited, settings, (quoted_source, quoted_target)
        )
    in_source = _inside(source, [source.words_of_original(p.source_span) for p in passages
                                 if p.kind != "translation"])  # fmt: skip
    in_target = _inside(target, [target.words_of_original(p.target_span) for p in passages
                                 if p.kind != "translation"])  # fmt: skip
    skip_source = boilerplate_source or bytes(len(source.words))
    skip_target = boilerplate_target or bytes(len(target.words))
    copied = quoted = longest = 0
    source_runs: list[Span] = []
    target_runs: list[Span] = []
    verbatim = bytearray(len(target.words))
    for match in verbatim_runs(source, target, seed_words=settings.seed_words):
        (a_first, _), (b_first, b_end) = match.a_words, match.b_words
        piece_start = None
        for offset in range(b_end - b_first + 1):
            i, j = a_first + offset, b_first + offset
            usable = (
                j < b_end and in_target[j] and in_source[i]
                and not skip_target[j] and not skip_source[i]
            )  # fmt: skip
            if usable and (quoted_target[j] or quoted_source[i]):
                quoted += _chars(target, j, j + 1)
                verbatim[j] = 1
                usable = False
            if usable:
                if piece_start is None:
                    piece_start = j
                continue
            if piece_start is not None:
                length = j - piece_start
                if length >= settings.copy_min_run_words:
                    copied += _chars(target, piece_start, j)
                    longest = max(longest, length)
                    verbatim[piece_start:j] = b"\x01" * length
                    first = piece_start - b_first + a_first
                    source_runs.append(_span(source, first, first + length))
                    target_runs.append(_span(target, piece_start, j))
                piece_start = None
    reworded = sum(
        _chars(target, j, j + 1)
        for j in range(len(target.words))
        if in_target[j] and not verbatim[j] and not quoted_target[j]
    )
    followed = max(_unquoted_share(source, in_source, quoted_source),
                   _unquoted_share(target, in_target, quoted_target))  # fmt: skip
    wording = (
        f"{copied} characters of the same wording outside quotations, in {len(target_runs)} "
        f"run(s) of {settings.copy_min_run_words} words or more (longest {longest} words)"
    )

    def verdict(relation: ReuseRelation, *evidence: str) -> PairRelation:
        return PairRelation(relation, copied, longest, quoted, reworded, evidence,
                            tuple(source_runs), tuple(target_runs), round(followed, 4))  # fmt: skip

    if copied >= settings.copy_min_chars:
        return verdict("copy", wording)
    if credited and copied + reworded >= settings.derivation_min_chars:
        detail = (f"one credits the other's outlet and follows its text: {copied + reworded} "
                  f"characters of edited or reworded passages")  # fmt: skip
        return verdict("rewrite", detail, wording)
    if followed >= settings.rewrite_min_share:
        detail = (f"edited or reworded passages cover {followed:.0%} of one article outside "
                  "quotations: it follows the other's text sentence by sentence")  # fmt: skip
        return verdict("rewrite", detail, wording)
    quoted_words_count = sum(
        1 for j in range(len(target.words)) if verbatim[j] and quoted_target[j]
    )
    if quoted_words_count >= settings.quote_min_words:
        detail = (f"shares {quoted} characters of quotations or statement text word for "
                  f"word; only {copied} of its own wording")  # fmt: skip
        return verdict("shares_quotes", detail, wording)
    return verdict(
        "independent",
        f"the same facts in its own words: {wording}, below {settings.copy_min_chars}",
    )


def _unquoted_share(text: MatchText, covered: bytes | bytearray, quoted: bytes) -> float:
    """The part of ``text`` (in characters) that the covered words make up outside
    quotations."""
    chars = sum(_chars(text, j, j + 1) for j in range(len(text.words)) if covered[j] and
                not quoted[j])  # fmt: skip
    return chars / text.length if text.length else 0.0


def _translation_relation(
    source: MatchText,
    target: MatchText,
    passages: Sequence[Passage],
    credited: bool,
    settings: ReuseSettings,
    quoted: tuple[bytes, bytes],
) -> PairRelation:
    """A pair in two languages: a close translation is a copy; quotations do not count."""
    translated = [p for p in passages if p.kind == "translation"]
    chars = sum(p.target_span.length for p in translated)
    cosine = sum(p.similarity * p.target_span.length for p in translated) / max(chars, 1)
    in_source = _inside(source, [source.words_of_original(p.source_span) for p in translated])
    in_target = _inside(target, [target.words_of_original(p.target_span) for p in translated])
    share = max(
        _unquoted_share(source, in_source, quoted[0]),
        _unquoted_share(target, in_target, quoted[1]),
    )
    detail = (f"translated passages cover {share:.0%} of the article outside quotations, at "
              f"a mean cosine of {cosine:.2f}")  # fmt: skip
    if (
        share >= settings.translation_min_share
        and cosine >= settings.translation_derivation_similarity
    ):
        return PairRelation("copy", 0, 0, 0, chars, (f"a translation: {detail}",))
    if credited and chars >= settings.derivation_min_chars:
        return PairRelation("rewrite", 0, 0, 0, chars, (f"credits the other's outlet; {detail}",))
    return PairRelation(
        "independent", 0, 0, 0, chars,
        (f"the same facts in another language, not a close translation: {detail}",),
    )  # fmt: skip
