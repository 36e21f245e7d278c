"""HTML fragments (a feed entry's body) to text, one line per block element.

A fragment has no page chrome to strip, so a full extractor is not needed:
block elements become lines, inline markup is flattened, scripts are dropped.

>>> fragment_text("<p>First <b>para</b>.</p><p>Second.</p>")
'First para.\\nSecond.'
"""

from __future__ import annotations

import lxml.html
from lxml import etree

_BLOCKS = frozenset(
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "figcaption",
        "figure", "pre", "tr", "section", "article", "header", "footer", "aside", "ul", "ol",
        "table", "dd", "dt", "address",
    }
)  # fmt: skip
_SKIP = frozenset({"script", "style", "noscript", "template", "iframe"})


def fragment_text(html: str) -> str:
    """The text of an HTML fragment with one line per block."""
    if not html.strip():
        return ""
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return html
    parts: list[str] = []

    def walk(element: lxml.html.HtmlElement) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in _SKIP:
            if element.tail:
                parts.append(element.tail)
            return
        if tag in _BLOCKS or tag == "br":
            parts.append("\n")
        if element.text:
            parts.append(element.text)
        for child in element:
            walk(child)
        if tag in _BLOCKS:
            parts.append("\n")
        if element.tail:
            parts.append(element.tail)

    walk(root)
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)
