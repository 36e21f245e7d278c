"""Who published an article: outlet names from metadata, site names or registered domains.

>>> registered_domain("https://www.bbc.co.uk/news/world-123")
'bbc.co.uk'
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from urllib.parse import urlsplit

import tldextract


@cache
def _extractor(private_domains: bool = False) -> tldextract.TLDExtract:
    # The public suffix list bundled with tldextract: never fetched at run time.
    return tldextract.TLDExtract(
        suffix_list_urls=(), cache_dir=None, include_psl_private_domains=private_domains
    )


def registered_domain(url: str | None) -> str | None:
    """The domain an organisation registered (``bbc.co.uk``), or ``None`` without one."""
    if not url:
        return None
    host = urlsplit(url).hostname
    if not host:
        return None
    parts = _extractor()(host)
    domain = getattr(parts, "top_domain_under_public_suffix", None)
    if domain is None:  # tldextract before 5.3 has the older name only
        domain = parts.registered_domain
    return str(domain) if domain else host


def host_parts(host: str, *, private_domains: bool = False) -> tuple[str, str, str]:
    """A host's subdomain, registered label and public suffix, from the bundled list.

    With ``private_domains`` the list's private section counts too, so a user's
    blog on a shared host is its own domain (``"", "libyanvoice", "blogspot.com"``).
    A suffix the list does not know (``.example``) gives an empty suffix.

    >>> host_parts("fr.news.example.co.uk")
    ('fr.news', 'example', 'co.uk')
    """
    parts = _extractor(private_domains)(host)
    return str(parts.subdomain), str(parts.domain), str(parts.suffix)


def outlet_name(*, declared: str | None, site_name: str | None, url: str | None) -> str | None:
    """The outlet: as the metadata declares it, else the page's site name, else the domain."""
    for candidate in (declared, site_name):
        if candidate and candidate.strip():
            return " ".join(candidate.split())
    return registered_domain(url)


_WORDS = r"[A-Z][\w'&.-]*(?: (?:[A-Z][\w'&.-]*|of|the|and|&)){0,5}"
_NAME = rf"(?P<name>{_WORDS}?)"
_LONGEST_NAME = rf"(?P<name>{_WORDS})"
_SELF_REFERENCES = (
    re.compile(rf"(?:opinions?|views?|position) of {_NAME}\s*\.?$"),
    re.compile(
        rf"^{_NAME} (?:reserves the right|is not responsible for"
        r"|(?:welcomes|accepts) (?:op-?eds?|letters|submissions|contributions))\b"
    ),
    re.compile(rf"^{_NAME} (?:editorial staff|staff|newsroom|news desk|desk|editors)$", re.I),
    re.compile(rf"(?:©|(?i:copyright))\s*(?:©\s*)?(?:\d{{4}}\s*)?{_LONGEST_NAME}"),
)
_NOT_NAMES = frozenset({"The", "This", "Our", "All", "We", "Your"})


def outlet_from_furniture(pieces: Iterable[str]) -> str | None:
    """The outlet a page names itself in its furniture, or ``None``.

    Op-ed notices ("... do not necessarily reflect the views of Harbour
    Courier"), site notices ("Harbour Courier reserves the right to ...",
    "Harbour Courier welcomes letters"), house bylines ("Harbour Courier
    Staff") and copyright lines ("Copyright 2024 Harbour Courier") name the
    outlet when the input carries no URL or metadata. The name named most
    often wins.

    >>> outlet_from_furniture(["The views ... do not reflect the views of Harbour Courier."])
    'Harbour Courier'
    """
    found: list[str] = []
    for piece in pieces:
        text = " ".join(piece.split()).strip(" ()")
        text = re.sub(r"^(?:author|by)\s*:?\s*", "", text, flags=re.I)
        for pattern in _SELF_REFERENCES:
            match = pattern.search(text)
            if match and match.group("name").split()[0] not in _NOT_NAMES:
                found.append(match.group("name").split(". ")[0].strip(" ."))
    if not found:
        return None
    return max(dict.fromkeys(found), key=found.count)
