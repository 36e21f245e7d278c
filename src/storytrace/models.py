"""The records that flow through the pipeline.

Every stage takes and returns these frozen dataclasses, never bare dicts, so a
stage can run in one process or inside a Spark partition with no hidden state.

>>> span = Span(3, 9)
>>> span.length
6
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

InputFormat = Literal["text", "html", "fragment"]
"""What a raw document's ``content`` holds: plain text, an HTML page, or an HTML fragment
(a feed entry's body, with no page around it)."""

RemovedKind = Literal[
    "caption",
    "credit",
    "byline",
    "share",
    "subscribe",
    "related",
    "correction_form",
    "comment_form",
    "opinion_notice",
    "navigation",
    "advertisement",
    "metadata",
    "duplicate",
    "template",
    "headline",
    "extractor",
]
"""Why a piece of the input was set aside as page furniture.

``extractor`` marks page text that the HTML extractor left out of the main
text (menus, footers, sidebars); ``headline`` marks a plain-text input's first
line that became the article's title; the other kinds come from storytrace's
own cleaning rules.
"""

REMOVED_KINDS: tuple[RemovedKind, ...] = RemovedKind.__args__  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range ``[start, end)`` into one stored text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(
                f"Span({self.start}, {self.end}) is not a valid range: "
                "start must be >= 0 and end >= start"
            )

    @property
    def length(self) -> int:
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One document as read from an input, before extraction and cleaning.

    ``source`` names where it came from: a path, a URL, or a path with a
    ``#fragment`` for one record of a container (a WARC record, a JSON Lines
    line, a feed entry). Metadata fields hold what the container itself said
    (a JSON Lines field, a feed entry's date, a sidecar row); the HTML page's
    own metadata is read later by extraction.
    """

    source: str
    content: str
    format: InputFormat
    encoding: str = "utf-8"
    url: str | None = None
    title: str | None = None
    byline: str | None = None
    published: str | None = None
    outlet: str | None = None
    language: str | None = None


@dataclass(frozen=True, slots=True)
class Rejected:
    """An input, or one record of it, that could not become an article."""

    source: str
    reason: str


@dataclass(frozen=True, slots=True)
class Removed:
    """A piece of page furniture set aside by cleaning, kept so it can be restored.

    ``start`` and ``end`` place the piece in the original input text; they are
    ``None`` when the input was HTML (the piece then comes from the page's
    extracted text, which has no offsets in the markup).
    """

    kind: RemovedKind
    text: str
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """A clean, described article: the unit every later stage works on.

    ``text`` keeps the input's original characters; matching stages use
    :func:`storytrace.normalize.normalize_for_matching` on it instead of
    changing it. ``published`` is an ISO 8601 date or date-time string.
    """

    id: str
    source: str
    text: str
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    byline: str | None = None
    published: str | None = None
    language: str | None = None
    removed: tuple[Removed, ...] = field(default_factory=tuple)
    input_format: InputFormat = "text"


@dataclass(frozen=True, slots=True)
class Mention:
    """A piece of evidence: a character range in one article's title or text."""

    article_id: str
    start: int
    end: int
    field: Literal["title", "text"] = "text"


EvidenceKind = Literal["passage", "entity", "date", "number", "similarity", "correction"]


@dataclass(frozen=True, slots=True)
class StoryEvidence:
    """One reason why articles were put in the same story, with where it shows."""

    kind: EvidenceKind
    value: str
    weight: float
    mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True, slots=True)
class Story:
    """One real-world event and the articles that report it."""

    id: str
    article_ids: tuple[str, ...]
    title: str | None = None
    first_published: str | None = None
    last_published: str | None = None
    outlets: tuple[str, ...] = ()
    explanation: tuple[StoryEvidence, ...] = ()


@dataclass(frozen=True, slots=True)
class Report:
    """Everything one analysis found: the document ``report.json`` is written from."""

    articles: tuple[Article, ...]
    rejected: tuple[Rejected, ...] = ()
    stories: tuple[Story, ...] = ()
