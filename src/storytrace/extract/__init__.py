"""HTML main-text extraction: the article of a page, its stated metadata, and what was left out.

>>> from storytrace.extract import extract_html
>>> extract_html("<html><body><form>Log in</form></body></html>", source="wall.html").reason
'HTML page has no article text (the extractor found 2 words)'
"""

from storytrace.extract.extraction import MIN_ARTICLE_WORDS, Extraction, extract_html

__all__ = ["MIN_ARTICLE_WORDS", "Extraction", "extract_html"]
