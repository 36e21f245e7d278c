"""The main text of a page, with trafilatura run twice and the better run kept.

trafilatura's precision mode drops more page furniture (teasers, newsletter
boxes, headlines of other stories) but on some layouts it keeps only a
fragment of the article, or a reprint notice instead of it. So when the
precise text holds less than :data:`FALLBACK_RATIO` of the words the page
shows in paragraphs, the page is also extracted in recall mode, and the
precise text is kept unless it holds less than :data:`FALLBACK_RATIO` of the
words of the recall text. (On the extraction benchmark the second run is
needed on about a quarter of the pages and changes the result on one.)

Settings shared by both runs, and why:

- ``include_comments=False``: reader comments are not the article.
- ``include_tables=True``: news tables (results, figures) are article text.
- ``deduplicate=False``: trafilatura's deduplication keeps a cache across
  calls, so a paragraph could vanish because an earlier page had it;
  storytrace marks repeated paragraphs itself, per article, in
  :mod:`storytrace.clean`.
- no metadata: :mod:`storytrace.extract.metadata` reads it once.
- the input is an already parsed tree, never a URL, so trafilatura cannot
  fetch anything.

Embedded posts (``<blockquote class="twitter-tweet">`` and the like) are
quotes the reporter chose, often the very words a story is about, but
trafilatura drops them with the "social"/"embed" boxes around them. Before
extraction each one replaces its wrappers as a plain ``<blockquote>``.

>>> import lxml.html
>>> page = lxml.html.fromstring(
...     "<html><body><article><p>" + "The quake hit the city at dawn. " * 12
...     + "</p></article><footer>Contact us</footer></body></html>"
... )
>>> main_text(page, page_words=72).split()[:4]
['The', 'quake', 'hit', 'the']
"""

from __future__ import annotations

from copy import deepcopy

from lxml.html import HtmlElement
from trafilatura import bare_extraction

FALLBACK_RATIO = 0.5
"""The precise text is kept when it has at least this share of the page's paragraph words,
or else of the recall text's words."""


EMBEDDED_POSTS = ("twitter-tweet", "instagram-media", "tiktok-embed", "bluesky-embed")
"""Classes of the ``<blockquote>`` that social networks' embed codes put in a page."""

_EMBEDDED_POST_XPATH = " | ".join(
    f"//blockquote[contains(concat(' ', normalize-space(@class), ' '), ' {name} ')]"
    for name in EMBEDDED_POSTS
)

_CONTAINERS = frozenset({"body", "article", "main", "section"})


def _text_key(element: HtmlElement) -> str:
    return "".join(element.text_content().split())


def unwrap_embedded_posts(root: HtmlElement) -> HtmlElement:
    """``root``, or a copy of it where each embedded post is a plain ``<blockquote>``.

    The post replaces the wrappers that hold nothing else (embed boxes and
    their "social" containers), which trafilatura would discard.
    """
    if not root.xpath(_EMBEDDED_POST_XPATH):
        return root
    root = deepcopy(root)
    for post in root.xpath(_EMBEDDED_POST_XPATH):
        key = _text_key(post)
        outer, parent = post, post.getparent()
        if parent is None:
            continue
        while (
            parent.tag not in _CONTAINERS
            and (grandparent := parent.getparent()) is not None
            and _text_key(parent) == key
        ):
            outer, parent = parent, grandparent
        quote = post.makeelement("blockquote", {})
        quote.text = post.text
        quote.extend(list(post))
        quote.tail = outer.tail
        parent.replace(outer, quote)
    return root


def _run(root: HtmlElement, *, precision: bool) -> str:
    document = bare_extraction(
        root,
        fast=not precision,
        favor_precision=precision,
        favor_recall=not precision,
        include_comments=False,
        include_tables=True,
        deduplicate=False,
        with_metadata=False,
    )
    text = getattr(document, "text", None)
    return text.strip() if isinstance(text, str) else ""


def main_text(root: HtmlElement, *, page_words: int) -> str:
    """The article text of the page parsed as ``root``: one block per line, or ``""``.

    ``page_words`` is how many words the page shows in paragraphs (see
    :func:`storytrace.extract.blocks.paragraph_words`). ``root`` is not modified.
    """
    root = unwrap_embedded_posts(root)
    precise = _run(root, precision=True)
    precise_words = len(precise.split())
    if precise_words and precise_words >= FALLBACK_RATIO * page_words:
        return precise
    broad = _run(root, precision=False)
    if precise_words >= FALLBACK_RATIO * len(broad.split()):
        return precise
    return broad
