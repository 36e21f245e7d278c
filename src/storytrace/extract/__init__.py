"""HTML main-text extraction: the article of a page, its stated metadata, and what was left out.

>>> from storytrace.extract import extract_html
>>> extract_html("<html><body><nav>Home</nav></body></html>", source="menu.html").reason
'HTML page has no article text (the extractor found 1 word, in no line of 40 letters or more)'
"""

from storytrace.extract.extraction import MIN_PARAGRAPH_LETTERS, Extraction, extract_html

__all__ = ["MIN_PARAGRAPH_LETTERS", "Extraction", "extract_html"]
