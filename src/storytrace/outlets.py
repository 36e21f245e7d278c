"""Who published an article: outlet names from metadata, site names or registered domains.

>>> registered_domain("https://www.bbc.co.uk/news/world-123")
'bbc.co.uk'
"""

from __future__ import annotations

from functools import cache
from urllib.parse import urlsplit

import tldextract


@cache
def _extractor() -> tldextract.TLDExtract:
    # The public suffix list bundled with tldextract: never fetched at run time.
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def registered_domain(url: str | None) -> str | None:
    """The domain an organisation registered (``bbc.co.uk``), or ``None`` without one."""
    if not url:
        return None
    host = urlsplit(url).hostname
    if not host:
        return None
    parts = _extractor()(host)
    domain = getattr(parts, "top_domain_under_public_suffix", None) or parts.registered_domain
    return str(domain) if domain else host


def outlet_name(*, declared: str | None, site_name: str | None, url: str | None) -> str | None:
    """The outlet: as the metadata declares it, else the page's site name, else the domain."""
    for candidate in (declared, site_name):
        if candidate and candidate.strip():
            return " ".join(candidate.split())
    return registered_domain(url)
