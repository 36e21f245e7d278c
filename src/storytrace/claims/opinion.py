"""Opinion pieces and loaded wording.

An article is an opinion piece when it says so (a title prefix such as
``Opinion:``, an ``/opinion/`` URL section, a columnist byline, an op-ed
notice about *this* article), or when it argues in its own voice: loaded
phrases from ``data/loaded.tsv`` outside quotations reach
``opinion_min_loaded`` at ``opinion_loaded_per_100_words`` or more, or it
argues in the first person with loaded wording. A site-wide notice ("The
views expressed in Op-Ed pieces ...") on a news page is not about the article
and does not count. Words inside quotation marks belong to the person quoted,
so they are never the outlet's loaded wording.

>>> [hit.text for hit in loaded_phrases('He called the "renegade" a renegade general.')]
['renegade general']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import urlparse

from storytrace.claims.attribution import quoted_spans
from storytrace.claims.lexicon import TermHit, find_terms
from storytrace.claims.records import ClaimSettings
from storytrace.models import Article, Mention, Opinion

_TITLE_LABEL = re.compile(
    r"^\s*(opinion|op-?ed|comment|commentary|editorial|column|viewpoint|our view|letter|analysis)"
    r"\s*[:|\u2014\u2013-]",
    re.IGNORECASE,
)
_URL_SECTIONS = frozenset(
    {"opinion", "opinions", "op-ed", "oped", "op-eds", "editorial", "editorials", "commentary",
     "comment", "columns", "column", "columnists", "viewpoint", "viewpoints", "letters"}
)  # fmt: skip
_BYLINE_LABEL = re.compile(
    r"\b(guest columnist|columnist|opinion by|editorial board|op-ed contributor"
    r"|contributing writer)\b",
    re.IGNORECASE,
)
_LABEL_LINE = re.compile(
    r"^\s*(opinion|op-ed|guest columnist|columnist|editorial|commentary)\s*$", re.IGNORECASE
)
_OWN_NOTICE = re.compile(
    r"\b(?:this|the following)\s+(?:article|column|piece|op-?ed|commentary|essay|opinion)\b",
    re.IGNORECASE,
)
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I\u2019m|I've|I\u2019ve|my|me|we|our|us|ours|myself)\b")
_WORD = re.compile(r"\w+")


def _outside_quotes(text: str, hits: Sequence[TermHit]) -> list[TermHit]:
    quoted = quoted_spans(text)
    return [h for h in hits if not any(s <= h.start and h.end <= e for s, e in quoted)]


def loaded_phrases(text: str) -> list[TermHit]:
    """Loaded phrases of ``data/loaded.tsv`` in ``text``, outside quotation marks."""
    return _outside_quotes(text, find_terms("loaded", text))


def _declared(article: Article) -> list[str]:
    reasons: list[str] = []
    if article.title and (match := _TITLE_LABEL.match(article.title)):
        reasons.append(f"title label {match.group(0).strip()!r}")
    if article.url:
        sections = [s.casefold() for s in urlparse(article.url).path.split("/") if s]
        found = next((s for s in sections[:-1] if s in _URL_SECTIONS), None)
        if found:
            reasons.append(f"URL section '/{found}/'")
    # A bare "Opinion" line may be a menu item, so it counts only as a byline or label.
    labels = [article.byline or ""]
    labels += [r.text for r in article.removed if r.kind in ("byline", "metadata")]
    extracted = [r.text for r in article.removed if r.kind == "extractor"]
    for line in [*labels, *extracted]:
        label = _LABEL_LINE.match(line) if line in labels else None
        if len(line) <= 60 and (_BYLINE_LABEL.search(line) or label):
            reasons.append(f"byline or label {line.strip()!r}")
            break
    for piece in article.removed:
        if piece.kind == "opinion_notice" and _OWN_NOTICE.search(piece.text):
            reasons.append(f"op-ed notice {piece.text[:80]!r}")
            break
    return reasons


def article_opinion(article: Article, settings: ClaimSettings) -> Opinion:
    """Whether ``article`` is an opinion piece, why, and its loaded wording (with spans)."""
    reasons = _declared(article)
    loaded: list[Mention] = []
    phrases: list[str] = []
    for field, text in (("title", article.title or ""), ("text", article.text)):
        for hit in loaded_phrases(text):
            loaded.append(Mention(article.id, hit.start, hit.end, field))  # type: ignore[arg-type]
            phrases.append(hit.text)
    words = len(_WORD.findall(article.text)) or 1
    density = 100.0 * len(loaded) / words
    if (
        len(loaded) >= settings.opinion_min_loaded
        and density >= settings.opinion_loaded_per_100_words
    ):
        shown = ", ".join(repr(p) for p in phrases[:6])
        reasons.append(
            f"{len(loaded)} loaded phrases in the outlet's own voice "
            f"({density:.1f} per 100 words): {shown}"
        )
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", article.text) if s.strip()]
    unquoted = [_strip_quotes(s) for s in sentences]
    personal = sum(1 for s in unquoted if _FIRST_PERSON.search(s))
    if sentences and personal >= 2 and personal / len(sentences) >= 0.1 and len(loaded) >= 2:
        reasons.append(f"first-person argument in {personal} of {len(sentences)} sentences")
    return Opinion(article.id, bool(reasons), tuple(reasons), tuple(loaded))


def _strip_quotes(text: str) -> str:
    for start, end in reversed(quoted_spans(text)):
        text = text[:start] + text[end:]
    return text
