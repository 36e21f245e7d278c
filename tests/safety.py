"""Checks that a rendered page cannot run anything an article brought in."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlsplit

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "data"}
FORBIDDEN_TAGS = {
    "img",
    "iframe",
    "object",
    "embed",
    "base",
    "meta-refresh",
    "frame",
    "video",
    "audio",
}


@dataclass
class Findings:
    """Everything in a page that could run code or load something."""

    scripts: list[tuple[dict[str, str | None], str]] = field(default_factory=list)
    handlers: list[tuple[str, str]] = field(default_factory=list)
    styles: list[str] = field(default_factory=list)
    bad_urls: list[str] = field(default_factory=list)
    forbidden: list[str] = field(default_factory=list)
    loads: list[str] = field(default_factory=list)


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found = Findings()
        self._script: dict[str, str | None] | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = dict(attrs)
        if tag == "script":
            self._script, self._text = named, []
        if tag in FORBIDDEN_TAGS:
            self.found.forbidden.append(tag)
        for name, value in attrs:
            if name.startswith("on"):
                self.found.handlers.append((tag, name))
            if name == "style":
                self.found.styles.append(tag)
            if name in URL_ATTRIBUTES and value is not None:
                scheme = urlsplit(value.strip()).scheme.lower()
                if scheme not in ("", "http", "https"):
                    self.found.bad_urls.append(value)
                if tag in ("link", "script") and scheme in ("http", "https"):
                    self.found.loads.append(value)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag == "script":
            self.handle_endtag(tag)

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.found.scripts.append((self._script, "".join(self._text)))
            self._script = None


def inspect_html(page: str) -> Findings:
    collector = _Collector()
    collector.feed(page)
    collector.close()
    return collector.found


def assert_inert(page: str, *, allowed_scripts: list[str]) -> None:
    """Only the app's own scripts (by ``src`` or full inline text), no event handlers, no
    style attributes, no scriptable URLs, no embedded content, nothing loaded from afar."""
    found = inspect_html(page)
    sources = [attrs.get("src") or text for attrs, text in found.scripts]
    assert sources, "the page lost its own script"
    assert all(source in allowed_scripts for source in sources), [s[:60] for s in sources]
    assert found.handlers == []
    assert found.styles == []
    assert found.bad_urls == []
    assert found.forbidden == []
    assert found.loads == []
