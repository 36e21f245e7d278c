"""http(s) URLs, fetched with httpx: timeouts, a size limit, few redirects, a clear agent.

A fetched page is handed to the reader its content type calls for, so a URL
may be a page, a feed or a plain-text file.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import httpx

from storytrace.ingest.feed import read_feed
from storytrace.ingest.html import read_html
from storytrace.ingest.sniff import sniff_content
from storytrace.ingest.text import read_text
from storytrace.models import RawDocument, Rejected
from storytrace.settings import Settings


def is_url(value: str) -> bool:
    """Whether an input names an http(s) URL rather than a path."""
    return value.lower().startswith(("http://", "https://"))


def make_client(settings: Settings) -> httpx.Client:
    """An HTTP client configured from the settings; the caller closes it."""
    return httpx.Client(
        timeout=httpx.Timeout(settings.timeout),
        follow_redirects=True,
        max_redirects=settings.max_redirects,
        headers={"User-Agent": settings.user_agent},
    )


def fetch_url(
    url: str, *, client: httpx.Client, settings: Settings, source: str | None = None
) -> Iterator[RawDocument | Rejected]:
    """The documents at ``url``, or the reason the URL could not be used."""
    where = source or url
    try:
        with client.stream("GET", url) as response:
            if response.status_code != 200:
                phrase = response.reason_phrase or ""
                yield Rejected(
                    where, f"HTTP {response.status_code} {phrase}".strip() + f" for {url}"
                )
                return
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > settings.max_bytes:
                    yield Rejected(
                        where, f"download larger than the {settings.max_bytes:,}-byte limit: {url}"
                    )
                    return
                chunks.append(chunk)
            content_type = response.headers.get("content-type", "").lower()
            charset = response.charset_encoding
            final_url = str(response.url)
    except httpx.TimeoutException:
        yield Rejected(where, f"timed out after {settings.timeout:g} s: {url}")
        return
    except httpx.TooManyRedirects:
        yield Rejected(where, f"more than {settings.max_redirects} redirects: {url}")
        return
    except httpx.HTTPError as error:
        yield Rejected(where, f"could not fetch {url}: {error}")
        return
    data = b"".join(chunks)
    kind = sniff_content(data[:4096])
    if kind == "feed" or any(t in content_type for t in ("rss", "atom")):
        yield from read_feed(where, data)
    elif "html" in content_type or kind == "html":
        yield from read_html(where, data, url=final_url, charset=charset)
    elif content_type.startswith("text/"):
        for document in read_text(where, data):
            if isinstance(document, RawDocument):
                document = replace(document, url=final_url)
            yield document
    else:
        yield Rejected(where, f"unsupported content type {content_type or 'unknown'!r} at {url}")
