"""One HTML page in, its article out: main text, stated metadata and what was left out.

>>> page = (
...     "<html lang='en'><head><title>Quake hits city</title></head><body>"
...     "<nav>Home | World</nav><article><h1>Quake hits city</h1><p>"
...     + "A strong earthquake hit the city at dawn on Tuesday. " * 6
...     + "</p></article></body></html>"
... )
>>> extraction = extract_html(page, source="quake.html")
>>> extraction.title, extraction.language, extraction.left_out
('Quake hits city', 'en', ('Home | World',))
"""

from __future__ import annotations

from dataclasses import dataclass

from trafilatura.utils import load_html

from storytrace.extract.blocks import left_out_blocks, page_blocks, paragraph_words
from storytrace.extract.body import main_text
from storytrace.extract.metadata import read_metadata
from storytrace.extract.restore import add_continuations, restore_dropped_words
from storytrace.models import Rejected

MIN_PARAGRAPH_LETTERS = 40
"""An article has at least one line this long; menus, forms and link lists do not."""


@dataclass(frozen=True, slots=True)
class Extraction:
    """The article of an HTML page and the metadata the page states about it.

    ``text`` holds one block per line (a paragraph, a heading, a list item
    starting with ``- ``, a table row with cells joined by ``|``), lines
    separated by a single ``"\\n"``. ``published`` is ISO 8601 and only set
    when the page states the article's date (metadata, a marked-up dateline,
    or a ``/YYYY/MM/DD/`` address), never guessed from the text. ``language``
    is the page's declared BCP 47 tag. ``left_out`` lists, in page order, the
    page's visible text blocks that are not in ``text`` (menus, footers,
    teasers, captions...), each repeated text once, so that nothing the page
    showed is lost.
    """

    text: str
    title: str | None
    byline: str | None
    published: str | None
    site_name: str | None
    language: str | None
    canonical_url: str | None
    left_out: tuple[str, ...] = ()


def _letters(line: str) -> int:
    # letters, not words: Chinese or Japanese paragraphs have no spaces
    return sum(char.isalpha() for char in line)


def extract_html(html: str, *, source: str, url: str | None = None) -> Extraction | Rejected:
    """The article in an HTML page, or the reason there is none.

    ``html`` is the decoded page (see :func:`storytrace.ingest.decode.decode_bytes`);
    ``source`` names it in a rejection; ``url`` is where it was found, if known.
    Nothing is fetched.
    """
    if not html.strip():
        return Rejected(source, "HTML page is empty")
    # trafilatura takes a lone block ("<p>...</p>") for something other than HTML;
    # a saved page can be just that, so it gets a document around it
    root = load_html(html)
    if root is None:
        root = load_html(f"<html><body>{html}</body></html>")
    if root is None:
        return Rejected(source, "not an HTML page: the parser found no document structure")
    blocks = page_blocks(root)
    text = main_text(root, page_words=paragraph_words(blocks))
    text = restore_dropped_words(add_continuations(text, blocks), blocks)
    if not any(_letters(line) >= MIN_PARAGRAPH_LETTERS for line in text.split("\n")):
        words = len(text.split())
        found = f"{words} word{'' if words == 1 else 's'}"
        if words:
            found += f", in no line of {MIN_PARAGRAPH_LETTERS} letters or more"
        return Rejected(source, f"HTML page has no article text (the extractor found {found})")
    metadata = read_metadata(root, url=url)
    return Extraction(
        text=text,
        title=metadata.title,
        byline=metadata.byline,
        published=metadata.published,
        site_name=metadata.site_name,
        language=metadata.language,
        canonical_url=metadata.canonical_url,
        left_out=left_out_blocks(blocks, text),
    )
