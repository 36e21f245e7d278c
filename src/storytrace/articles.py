"""From raw documents to clean, described articles.

Two stages, both plain functions over records so that they can run inside a
Spark partition: :func:`prepare` works on one document (extraction, furniture
rules), :func:`finish` on the documents of one outlet together (site template
lines, which only show across pages) and then gives each its id and language.

>>> from storytrace.models import RawDocument
>>> body = "A quake hit the city. " * 5
>>> raw = RawDocument("a.txt", "Quake hits city\\n\\nPhoto: AFP\\n\\n" + body, "text")
>>> articles, rejected = finish([prepare(raw)])
>>> articles[0].title, [r.kind for r in articles[0].removed]
('Quake hits city', ['headline', 'credit'])
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from storytrace.clean import (
    Paragraph,
    assemble,
    mark_furniture,
    mark_templates,
    split_paragraphs,
    template_lines,
)
from storytrace.dates import iso_date
from storytrace.extract import extract_html
from storytrace.fragment import fragment_text
from storytrace.language import identify_language
from storytrace.models import Article, RawDocument, Rejected, Removed
from storytrace.normalize import normalize_for_matching
from storytrace.outlets import outlet_from_furniture, outlet_name

DEFAULT_TEMPLATE_MIN_ARTICLES = 2


@dataclass(frozen=True, slots=True)
class Draft:
    """A document after extraction and per-article cleaning, before site templates."""

    document: RawDocument
    paragraphs: tuple[Paragraph, ...]
    title: str | None
    byline: str | None
    published: str | None
    outlet: str | None
    url: str | None
    language: str | None
    page_language: str | None = None
    left_out: tuple[str, ...] = ()

    @property
    def with_offsets(self) -> bool:
        """Whether paragraph offsets point into the input itself (plain text only)."""
        return self.document.format == "text"


def prepare(document: RawDocument) -> Draft | Rejected:
    """Extract the main text of one document and label its page furniture."""
    site_name = canonical = page_language = page_title = page_byline = page_date = None
    left_out: tuple[str, ...] = ()
    if document.format == "html":
        try:
            extraction = extract_html(document.content, source=document.source, url=document.url)
        except Exception as error:  # a bug in the extractor must not stop the run
            return Rejected(
                document.source, f"the HTML extractor failed on this page: {error!r}"[:300]
            )
        if isinstance(extraction, Rejected):
            return extraction
        body = extraction.text
        site_name, canonical = extraction.site_name, extraction.canonical_url
        page_language, page_title = extraction.language, extraction.title
        page_byline, page_date = extraction.byline, extraction.published
        left_out = extraction.left_out
    elif document.format == "fragment":
        body = fragment_text(document.content)
    else:
        body = document.content
    paragraphs = mark_furniture(split_paragraphs(body))
    if not paragraphs:
        return Rejected(document.source, "no article text (the document is blank)")
    url = document.url or canonical
    return Draft(
        document=document,
        paragraphs=paragraphs,
        title=document.title or page_title,
        byline=document.byline or page_byline,
        published=iso_date(document.published) or iso_date(page_date),
        outlet=outlet_name(declared=document.outlet, site_name=site_name, url=url),
        url=url,
        language=document.language,
        page_language=page_language,
        left_out=left_out,
    )


def article_id(url: str | None, title: str | None, content: str) -> str:
    """A stable id from the article's address, declared title and input content.

    The same input read twice gets the same id, whatever else is read with it
    (cleaning, which depends on the other pages of an outlet, does not change
    it); two outlets printing the same text at different addresses get
    different ids.
    """
    folded = normalize_for_matching(f"{title or ''}\n{content}").text
    digest = hashlib.sha256(f"{url or ''}\n{folded}".encode()).hexdigest()
    return f"a{digest[:15]}"


def finish(
    drafts: Iterable[Draft],
    *,
    template_min_articles: int = DEFAULT_TEMPLATE_MIN_ARTICLES,
    earlier: Iterable[Article] = (),
) -> tuple[list[Article], list[Rejected]]:
    """Mark site templates per outlet, then build each article; duplicates are rejected.

    ``earlier`` holds articles stored by earlier runs: their lines (kept or
    set aside as templates) count towards an outlet's template lines, so a
    site slogan seen in two stored articles is furniture in the third one
    that comes in a later run. Earlier articles themselves are not changed.
    """
    drafts = list(drafts)
    by_outlet: defaultdict[str, list[int]] = defaultdict(list)
    for index, draft in enumerate(drafts):
        if draft.outlet:
            by_outlet[draft.outlet.casefold()].append(index)
    stored: defaultdict[str, list[tuple[Paragraph, ...]]] = defaultdict(list)
    for article in earlier:
        if article.outlet and article.outlet.casefold() in by_outlet:
            stored[article.outlet.casefold()].append(_stored_lines(article))
    paragraphs = [draft.paragraphs for draft in drafts]
    for outlet, indexes in by_outlet.items():
        known = stored.get(outlet, [])
        if len(indexes) + len(known) < template_min_articles:
            continue
        templates = template_lines(
            [*(paragraphs[i] for i in indexes), *known], min_articles=template_min_articles
        )
        for i in indexes:
            paragraphs[i] = mark_templates(paragraphs[i], templates)
    articles: list[Article] = []
    rejected: list[Rejected] = []
    seen: dict[str, str] = {}
    for draft, marked in zip(drafts, paragraphs, strict=True):
        built = _build(draft, marked)
        if isinstance(built, Rejected):
            rejected.append(built)
        elif built.id in seen:
            rejected.append(
                Rejected(
                    draft.document.source,
                    f"duplicate of an earlier input: same article as {seen[built.id]} ({built.id})",
                )
            )
        else:
            seen[built.id] = built.source
            articles.append(built)
    return articles, rejected


def _stored_lines(article: Article) -> tuple[Paragraph, ...]:
    """A stored article's lines as paragraphs: its text's, and its template lines."""
    templates = [Paragraph(p.text, 0, len(p.text), "template") for p in article.removed
                 if p.kind == "template"]  # fmt: skip
    return (*split_paragraphs(article.text), *templates)


def _build(draft: Draft, paragraphs: Sequence[Paragraph]) -> Article | Rejected:
    cleaned = assemble(
        paragraphs, title=draft.title, with_offsets=draft.with_offsets, byline=draft.byline
    )
    if not cleaned.text.strip():
        kinds = sorted({piece.kind for piece in cleaned.removed})
        return Rejected(
            draft.document.source,
            "no article text left: every line is page furniture (" + ", ".join(kinds) + ")",
        )
    title = draft.title or cleaned.title
    removed = cleaned.removed + tuple(Removed(kind="extractor", text=t) for t in draft.left_out)
    return Article(
        id=article_id(draft.url, draft.document.title, draft.document.content),
        source=draft.document.source,
        text=cleaned.text,
        url=draft.url,
        outlet=draft.outlet or outlet_from_furniture(piece.text for piece in cleaned.removed),
        title=title,
        byline=cleaned.byline,
        published=draft.published,
        language=draft.language or identify_language(cleaned.text) or draft.page_language,
        removed=removed,
        input_format=draft.document.format,
    )
