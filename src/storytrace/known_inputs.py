"""A run's articles, with inputs read before and unchanged taken from the store.

Cleaning a document (extraction, furniture, language) depends on the
document and on the other pages of its outlet (site templates). An input
whose digest (:func:`storytrace.store.document_digest`: content, source and
metadata) is stored gives the stored article again, as cleaning it would,
unless this run brings new pages of the same outlet: those may change what is
the site's template, so its pages are cleaned again.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from storytrace.articles import Draft, article_id, finish, prepare
from storytrace.models import Article, RawDocument, Rejected


@dataclass(frozen=True, slots=True)
class RunArticles:
    """The articles of one run's documents."""

    articles: tuple[Article, ...]
    rejected: tuple[Rejected, ...]
    documents: Mapping[str, RawDocument]
    """The document each article cleaned in this run came from, by article id."""
    cleaned: int
    """Documents cleaned in this run (the others were taken from the store)."""


def _outlet(value: str | None) -> str | None:
    return value.casefold() if value else None


def build_articles(
    documents: Sequence[RawDocument],
    digests: Sequence[str],
    *,
    stored: Mapping[str, Article],
    made: Mapping[str, str],
    template_min_articles: int,
    progress: Callable[[int, int], None] = lambda done, total: None,
) -> RunArticles:
    """Clean what is new, take the rest from the store; duplicates are rejected.

    ``digests[k]`` is the digest of ``documents[k]``; ``made`` maps a stored
    input's digest to the id of the article made from it, ``stored`` holds
    the stored articles by id (their lines teach new pages their outlet's
    templates). ``progress`` is told how many documents are cleaned so far.
    """
    known = [stored.get(made.get(digest, "")) for digest in digests]
    fresh = [doc for doc, article in zip(documents, known, strict=True) if article is None]
    drafts: list[Draft] = []
    rejected: list[Rejected] = []
    total = len(fresh)

    def clean(document: RawDocument) -> None:
        prepared = prepare(document)
        if isinstance(prepared, Rejected):
            rejected.append(prepared)
        else:
            drafts.append(prepared)
        progress(len(drafts) + len(rejected), total)

    for document in fresh:
        clean(document)
    # Only outlets with stored pages in this run can make them be cleaned again, and a
    # page read again under another name (a duplicate) brings nothing new to its outlet.
    kept_outlets = {_outlet(article.outlet) for article in known if article is not None}
    new_outlets = {
        outlet
        for draft in drafts
        if (outlet := _outlet(draft.outlet)) in kept_outlets - {None}
        and article_id(draft.url, draft.document.title, draft.document.content) not in stored
    }
    kept: list[Article] = []
    for document, article in zip(documents, known, strict=True):
        if article is None:
            continue
        if _outlet(article.outlet) in new_outlets:
            total += 1
            clean(document)
        else:
            kept.append(article)
    built, duplicates = finish(
        drafts, template_min_articles=template_min_articles, earlier=list(stored.values())
    )
    rejected.extend(duplicates)
    articles: list[Article] = []
    seen: dict[str, str] = {}
    for article in [*kept, *built]:
        if article.id in seen:
            rejected.append(
                Rejected(
                    article.source,
                    f"duplicate of an earlier input: same article as {seen[article.id]} "
                    f"({article.id})",
                )
            )
            continue
        seen[article.id] = article.source
        articles.append(article)
    by_source = {draft.document.source: draft.document for draft in drafts}
    return RunArticles(
        articles=tuple(articles),
        rejected=tuple(rejected),
        documents={a.id: by_source[a.source] for a in built if a.source in by_source},
        cleaned=total,
    )
