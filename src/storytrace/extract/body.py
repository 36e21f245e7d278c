"""The main text of a page, with trafilatura run twice and the better run kept.

trafilatura's precision mode drops more page furniture (teasers, newsletter
boxes, headlines of other stories) but on some layouts it keeps only a
fragment of the article, or a reprint notice instead of it. So the page is
also extracted in recall mode, and the precise text is kept unless it holds
less than :data:`FALLBACK_RATIO` of the words of the recall text.

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

>>> import lxml.html
>>> page = lxml.html.fromstring(
...     "<html><body><article><p>" + "The quake hit the city at dawn. " * 12
...     + "</p></article><footer>Contact us</footer></body></html>"
... )
>>> main_text(page).split()[:4]
['The', 'quake', 'hit', 'the']
"""

from __future__ import annotations

from lxml.html import HtmlElement
from trafilatura import bare_extraction

FALLBACK_RATIO = 0.5
"""The precise text is kept when it has at least this share of the recall text's words."""


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


def main_text(root: HtmlElement) -> str:
    """The article text of the page parsed as ``root``: one block per line, or ``""``.

    ``root`` is not modified (trafilatura works on a copy).
    """
    precise = _run(root, precision=True)
    broad = _run(root, precision=False)
    if len(precise.split()) >= FALLBACK_RATIO * len(broad.split()):
        return precise
    return broad
