"""What a page says about itself: title, byline, date, site, language, canonical address.

Title, byline and site name come from trafilatura's metadata reader (Open
Graph, JSON-LD, ``<meta>`` tags, the ``<title>`` element). The publication date
and the language are read here, strictly: only from places where a page states
them for the article (see :func:`published_date` and :func:`page_language`), so
that a date printed in a sidebar or a comment is never taken for the
article's.

>>> import lxml.html
>>> page = lxml.html.fromstring(
...     '<html lang="en-GB"><head><meta property="article:published_time" '
...     'content="2016-07-13T10:20:00Z"></head><body><p>Text</p></body></html>'
... )
>>> published_date(page, url=None), page_language(page)
('2016-07-13T10:20:00Z', 'en-GB')
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

from lxml.etree import XPath
from lxml.html import HtmlElement
from trafilatura.metadata import extract_metadata

from storytrace.dates import iso_date

_ARTICLE_TYPES = frozenset(
    """Article NewsArticle AnalysisNewsArticle AskPublicNewsArticle BackgroundNewsArticle
    OpinionNewsArticle ReportageNewsArticle ReviewNewsArticle BlogPosting LiveBlogPosting
    SocialMediaPosting DiscussionForumPosting Report ScholarlyArticle TechArticle
    SatiricalArticle Review""".split()
)

_PUBLISHED_META = frozenset(
    """article:published_time og:article:published_time og:published_time published_time
    article.published article_date_original datepublished date_published publishdate
    publish-date publish_date pubdate originalpublicationdate original-publish-date
    dc.date.issued dcterms.issued dc.date.created dcterms.created dc.date dcterms.date
    sailthru.date parsely-pub-date citation_publication_date citation_date date""".split()
)
"""``<meta>`` names and properties that state when the article was published."""

_URL_DATE = re.compile(
    r"/(?P<year>(?:19|20)\d{2})[/-](?P<month>0[1-9]|1[0-2])[/-](?P<day>0[1-9]|[12]\d|3[01])(?:/|$)"
)

_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

_ZONE_OFFSETS = {
    "EST": "-05:00", "EDT": "-04:00", "CST": "-06:00", "CDT": "-05:00",
    "MST": "-07:00", "MDT": "-06:00", "PST": "-08:00", "PDT": "-07:00",
    "AKST": "-09:00", "AKDT": "-08:00", "HST": "-10:00",
    "BST": "+01:00", "CET": "+01:00", "CEST": "+02:00", "EET": "+02:00", "EEST": "+03:00",
    "MSK": "+03:00", "JST": "+09:00", "KST": "+09:00", "AEST": "+10:00", "AEDT": "+11:00",
}  # fmt: skip
"""Time-zone abbreviations US and European news pages write in dates, as UTC offsets."""

_ZONE_NAME = re.compile(r"(?<=[\d\s])(?P<name>[A-Z]{3,4})$")

_FULL_DATE = re.compile(
    r"\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\b\d{1,2}[-/.]\d{1,2}[-/.]\d{4}\b|^\d{8}(?:T|$)"
    r"|\b\d{1,2}(?:st|nd|rd|th)?\.?\s+[A-Za-z]{3,}\.?,?\s+\d{4}\b"
    r"|\b[A-Za-z]{3,}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b"
)
"""A year, a month and a day: a bare year or "Nov 19" would make the parser invent the rest."""

_DATELINES = XPath(
    "//*[@itemprop='datePublished' or self::time[@pubdate] or re:test(@class,"
    " '(^|[\\s_-])(published|pub-?date|publish(ed)?-?date|date-?published|entry-date"
    "|post-date|article-date)([\\s_-]|$)', 'i')]"
    "[not(ancestor::aside or ancestor::nav or ancestor::footer or ancestor::a)]",
    namespaces={"re": "http://exslt.org/regular-expressions"},
)
"""Elements marked as the article's publication date, outside sidebars, menus and links."""

_NUMERIC_DAY_MONTH = re.compile(r"\b(?P<first>\d{1,2})[-/.](?P<second>\d{1,2})[-/.]\d{4}\b")

EARLIEST_YEAR = 1990
"""Dates before the web's news era are taken for parsing accidents."""


@dataclass(frozen=True, slots=True)
class PageMetadata:
    """The metadata a page states about its article."""

    title: str | None
    byline: str | None
    published: str | None
    site_name: str | None
    language: str | None
    canonical_url: str | None


def read_metadata(root: HtmlElement, *, url: str | None) -> PageMetadata:
    """The metadata of the page parsed as ``root``; ``url`` is where it was found, if known."""
    # trafilatura's own date guess is ignored (see published_date), so keep it cheap
    found = extract_metadata(
        root, default_url=url, date_config={"extensive_search": False}, extensive=False
    )
    canonical = canonical_url(root, url=url)
    return PageMetadata(
        title=_clean(found.title),
        byline=_clean(found.author),
        published=published_date(root, url=canonical or url),
        site_name=_site_name(found.sitename, found.url),
        language=page_language(root),
        canonical_url=canonical,
    )


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(value.split())
    return value or None


def _site_name(name: str | None, page_url: str | None) -> str | None:
    """trafilatura's site name, unless it is only an address (its last-resort guess)."""
    name = _clean(name)
    if name is None or re.match(r"https?://", name):
        return None
    if page_url:
        host = (urlsplit(page_url).hostname or "").removeprefix("www.")
        if name.casefold() == host.casefold():
            return None
    return name


def canonical_url(root: HtmlElement, *, url: str | None) -> str | None:
    """The page's ``<link rel="canonical">``, else its ``og:url``, as an absolute http(s) URL."""
    candidates = root.xpath(
        "//link[contains(concat(' ', normalize-space(translate(@rel,"
        " 'CANONIL', 'canonil')), ' '), ' canonical ')]/@href"
        " | //meta[@property='og:url']/@content"
    )
    for candidate in candidates:
        absolute = urljoin(url or "", str(candidate).strip())
        if urlsplit(absolute).scheme in ("http", "https") and urlsplit(absolute).hostname:
            return absolute
    return None


def published_date(root: HtmlElement, *, url: str | None) -> str | None:
    """When the article was first published, as ISO 8601, if the page states it.

    Sources, first found wins: the ``datePublished`` of a JSON-LD article
    object; ``<meta>`` tags that name the publication date (``article:published_time``,
    ``pubdate``, Dublin Core ``issued``...); a dateline marked as the
    publication date (``itemprop="datePublished"``, ``<time pubdate>``, a class
    such as ``published``, ``pub-date`` or ``entry-date``) outside sidebars,
    menus and links; a ``/YYYY/MM/DD/`` date in the page's address. Never
    free text: a date in a sidebar, a comment or a "related stories" list says
    nothing about this article. A dateline's text gives the day only.
    """
    for value in _stated_dates(root):
        date = _valid_date(value)
        if date is not None:
            return date
    match = _URL_DATE.search(urlsplit(url).path) if url else None
    if match:
        return _valid_date(f"{match['year']}-{match['month']}-{match['day']}")
    return None


def _stated_dates(root: HtmlElement) -> Iterator[str]:
    for item in _json_ld_objects(root):
        types = item.get("@type")
        type_names = {types} if isinstance(types, str) else set(types or ())
        if type_names & _ARTICLE_TYPES and isinstance(item.get("datePublished"), str):
            yield item["datePublished"]
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key in _PUBLISHED_META and meta.get("content"):
            yield meta.get("content", "")
    for element in _DATELINES(root):
        stated = (
            element.get("datetime")
            or element.get("content")
            or element.get("title")
            or element.get("value")
        )
        if stated:
            yield stated
        else:
            match = _FULL_DATE.search(" ".join(element.text_content().split()))
            if match:
                yield match.group()


def _json_ld_objects(root: HtmlElement) -> Iterator[dict[str, Any]]:
    for script in root.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            # a page's broken JSON-LD is common and says nothing about the article
            continue
        yield from _objects(data)


def _objects(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _objects(item)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _objects(data["@graph"])


def _valid_date(value: str) -> str | None:
    """``value`` as ISO 8601 when it holds a whole, plausible date."""
    value = value.strip()
    if not _FULL_DATE.search(value):
        return None
    numeric = _NUMERIC_DAY_MONTH.search(value)
    if numeric and int(numeric["first"]) <= 12 and int(numeric["second"]) <= 12:
        # 05/10/2018 is May in Boston and October in Lyon
        return None
    zone = _ZONE_NAME.search(value)
    if zone and zone["name"] not in ("UTC", "GMT"):
        offset = _ZONE_OFFSETS.get(zone["name"])
        if offset is None:
            # a time in an unknown zone cannot be placed; the day alone would be a guess too
            return None
        value = value[: zone.start()] + offset
    date = iso_date(value)
    if date is None:
        return None
    year = int(date[:4])
    if not EARLIEST_YEAR <= year <= datetime.now(UTC).year + 1:
        return None
    return date


def page_language(root: HtmlElement) -> str | None:
    """The language the page declares: ``<html lang>``, then ``<meta>`` declarations.

    Returned as the page wrote it, a BCP 47 tag such as ``"en"`` or ``"pt-BR"``
    (an ``og:locale`` underscore becomes a hyphen); never guessed from the text.
    """
    # the HTML parser keeps "xml:lang" as a plain attribute name
    candidates = [root.get("lang"), root.get("xml:lang"), root.get(_XML_LANG)]
    candidates += root.xpath(
        "//meta[translate(@http-equiv, 'CONTENT-LANGUAGE', 'content-language')"
        " = 'content-language']/@content"
        " | //meta[translate(@name, 'LANGUAGE', 'language') = 'language']/@content"
        " | //meta[@property='og:locale']/@content"
    )
    for candidate in candidates:
        if not candidate:
            continue
        tag = str(candidate).split(",")[0].strip().replace("_", "-")
        if _LANGUAGE_TAG.match(tag):
            primary, _, rest = tag.partition("-")
            return primary.lower() + (f"-{rest}" if rest else "")
    return None
