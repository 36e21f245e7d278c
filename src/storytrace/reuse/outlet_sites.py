"""Where an outlet publishes: a registered domain, or a user's part of a shared host.

The public suffix list bundled with tldextract (its private section too: a
blog on blogspot.com is its owner's site) decides what was registered; the
shared hosts that list does not know are in ``SHARED_HOSTS``.

>>> site_of_url("https://fr.middleeasteye.net/ar/news/x").address
'middleeasteye.net'
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

from storytrace.outlets import host_parts

SHARED_HOSTS = frozenset(
    """wordpress.com medium.com substack.com tumblr.com livejournal.com typepad.com
    over-blog.com canalblog.com hypotheses.org weebly.com ghost.io beehiiv.com blogspot.*
    x.com twitter.com facebook.com instagram.com youtube.com tiktok.com t.me telegram.me""".split()
)
"""Shared hosts that the public suffix list's private section does not list (it has
blogspot.com, github.io, wixsite.com ...): on these the user's subdomain, or the first
segment of the path, is the site. ``name.*`` stands for every public suffix."""

_NOT_OWNERS = frozenset("www m mobile amp p post posts home watch share status hashtag".split())
# RFC 2606 and RFC 6761 reserve these top-level names for examples and tests; no list has them.
_RESERVED_TLDS = frozenset({"example", "test", "invalid"})
_DOMAIN_NAME = re.compile(r"(?:https?://)?(?:[a-z0-9-]+\.)+[a-z][a-z0-9-]+(?:/\S*)?")


@dataclass(frozen=True, slots=True)
class Site:
    """Where one outlet publishes: a registered domain, or a user's part of a shared host.

    ``address`` identifies it (``middleeasteye.net``, ``libyanvoice.blogspot.com``,
    ``medium.com/@libyanvoice``); ``label`` is the part that spells the outlet's
    name (``middleeasteye``, ``libyanvoice``).
    """

    address: str
    label: str


def site_of_url(url: str | None) -> Site | None:
    """The site of a page: its registered domain, or the user's part of a shared host.

    >>> site_of_url("https://fr.middleeasteye.net/ar/news/x").address
    'middleeasteye.net'
    >>> site_of_url("https://libyanvoice.wordpress.com/2024/05/x").address
    'libyanvoice.wordpress.com'
    """
    if not url:
        return None
    parts = urlsplit(url if "//" in url else f"//{url}")
    domain = _domain_of_host(parts.hostname or "")
    if domain is None:
        return None
    subdomain, label, suffix = domain
    registered = f"{label}.{suffix}"
    if registered not in SHARED_HOSTS and f"{label}.*" not in SHARED_HOSTS:
        return Site(registered, label)
    owner = subdomain.rsplit(".", 1)[-1]
    if owner and owner not in _NOT_OWNERS:
        return Site(f"{owner}.{registered}", owner)
    segment = parts.path.strip("/").split("/", 1)[0].lower()
    owner = segment.removeprefix("@")
    if owner and owner not in _NOT_OWNERS and "." not in owner:
        return Site(f"{registered}/{segment}", owner)
    return None


@lru_cache(maxsize=4096)
def _domain_of_host(host: str) -> tuple[str, str, str] | None:
    """A host's subdomain, label and suffix; ``None`` for an IP address or a bare name."""
    host = host.rstrip(".").lower()
    if "." not in host:
        return None
    try:
        ipaddress.ip_address(host)
    except ValueError:
        pass
    else:
        return None
    subdomain, label, suffix = host_parts(host, private_domains=True)
    if suffix:
        return subdomain, label, suffix
    # A top-level name the bundled list does not know (".example", or one newer
    # than the list): its last label is the suffix.
    *rest, label, suffix = host.split(".")
    return ".".join(rest), label, suffix


def site_of_name(name: str) -> Site | None:
    """The site a name written as a domain or an address names, else ``None``.

    >>> site_of_name("www.middleeasteye.net").address, site_of_name("Middle East Eye")
    ('middleeasteye.net', None)
    """
    text = name.strip().strip(".,;:()[]<>\"'").lower()
    if not _DOMAIN_NAME.fullmatch(text):
        return None
    url = text if "://" in text else f"//{text}"
    host = urlsplit(url).hostname or ""
    if not host_parts(host)[2] and host.rsplit(".", 1)[-1] not in _RESERVED_TLDS:
        return None
    return site_of_url(url)
