"""Opinion pieces and loaded wording.

An article is an opinion piece when it says so (a title prefix such as
``Opinion:``, an ``/opinion/`` URL section, a columnist byline, an op-ed
notice about *this* article), or when it argues in its own voice: loaded
words outside quotations reach ``opinion_min_loaded`` at
``opinion_loaded_per_100_words`` or more, or it argues in the first person with
loaded wording. A site-wide notice ("The views expressed in Op-Ed pieces ...")
on a news page is not about the article and does not count. Words inside
quotation marks belong to the person quoted, so they are never the outlet's
loaded wording.

Loaded wording is English only: the words of pattern's subjectivity lexicon
(see :func:`storytrace.claims.lexicon.subjectivity_lexicon`) plus the generic
cue words of ``data/loaded.tsv``, each rule with its published source. An
article in another language gets no loaded wording (and so is an opinion piece
only when it says so); see ``docs/loaded-wording.md`` for the measurements.

>>> [hit.text for hit in loaded_phrases('The union called it "absurd". An absurd plan.')]
['absurd']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import urlparse

from storytrace.claims.attribution import quoted_spans
from storytrace.claims.lexicon import TermHit, find_subjective_words, find_terms, merge_hits
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
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def _outside_quotes(text: str, hits: Sequence[TermHit]) -> list[TermHit]:
    quoted = quoted_spans(text)
    return [h for h in hits if not any(s <= h.start and h.end <= e for s, e in quoted)]


def loaded_phrases(text: str) -> list[TermHit]:
    """Loaded wording of English ``text`` outside quotation marks.

    Subjective words of the packaged lexicon (category ``"subjective"``) and the cue
    words of ``data/loaded.tsv`` (their own categories), longest first where they overlap.
    """
    hits = merge_hits(find_terms("loaded", text), find_subjective_words(text))
    return _outside_quotes(text, hits)


def _is_english(article: Article) -> bool:
    # An unknown language is read as English, as before language identification existed.
    return article.language is None or article.language.casefold().split("-")[0] == "en"


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
    fields = [("title", article.title or ""), ("text", article.text)]
    for field, text in fields if _is_english(article) else []:
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
    # Quotations are removed from the whole text first: one may run over several sentences.
    unquoted = _blank_quotes(article.text)
    sentences = [(s, e) for s, e in _sentence_spans(article.text) if article.text[s:e].strip()]
    personal = sum(1 for s, e in sentences if _FIRST_PERSON.search(unquoted[s:e]))
    if sentences and personal >= 2 and personal / len(sentences) >= 0.1 and len(loaded) >= 2:
        reasons.append(f"first-person argument in {personal} of {len(sentences)} sentences")
    return Opinion(article.id, bool(reasons), tuple(reasons), tuple(loaded))


def _blank_quotes(text: str) -> str:
    """``text`` with every quoted passage replaced by spaces, so offsets stay the same."""
    for start, end in quoted_spans(text):
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans
