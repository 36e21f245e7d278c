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


EvidenceKind = Literal[
    "passage", "entity", "date", "number", "similarity", "translation", "correction"
]


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


PassageKind = Literal["verbatim", "edited", "paraphrase", "translation"]
"""How a shared passage was reused: word for word, with small edits, reworded, or translated."""


@dataclass(frozen=True, slots=True)
class Passage:
    """A passage two articles share: a span of each one's clean text."""

    source_span: Span
    target_span: Span
    kind: PassageKind
    similarity: float


ReuseRelation = Literal["copy", "rewrite", "shares_quotes", "independent"]
"""How two articles that share text are related (``docs/reuse-annotation.md``): one
reproduces the other's wording (``copy``) or rewords it in its order (``rewrite``), both
quote the same speaker or statement (``shares_quotes``), or each is written on its own
(``independent``). Only ``copy`` and ``rewrite`` are derivations."""

RELATION_LABELS: dict[str, str] = {
    "copy": "copy",
    "rewrite": "rewrite",
    "shares_quotes": "shares quotes only",
    "independent": "independent report",
}
"""How each :data:`ReuseRelation` is named in reports."""


@dataclass(frozen=True, slots=True)
class Reuse:
    """What ``target_id`` shares with ``source_id``, passage by passage.

    ``source`` and ``target`` name the probable direction of copying when it
    is known (see :class:`ProvenanceEdge`); ``target_share`` is the part of the
    target's text covered by the passages, ``source_share`` the same for the source.
    ``relation`` says whether the sharing is copying at all, and
    ``relation_evidence`` why (measured from the passages, in plain words).
    """

    source_id: str
    target_id: str
    passages: tuple[Passage, ...]
    shared_chars: int
    source_share: float
    target_share: float
    relation: ReuseRelation = "copy"
    relation_evidence: tuple[str, ...] = ()


ProvenanceEvidenceKind = Literal[
    "time",
    "attribution",
    "mention",
    "translation",
    "containment",
    "witnesses",
    "lookalike",
    "wire",
    "chain",
]


@dataclass(frozen=True, slots=True)
class ProvenanceEvidence:
    """One reason to believe a copy went one way, with the text that shows it if any."""

    kind: ProvenanceEvidenceKind
    detail: str
    mention: Mention | None = None


@dataclass(frozen=True, slots=True)
class ProvenanceEdge:
    """``target_id`` derives from ``source_id`` (copied, edited or translated from it)."""

    source_id: str
    target_id: str
    confidence: float
    evidence: tuple[ProvenanceEvidence, ...] = ()


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a story came from: an article in the corpus, or an outlet only cited."""

    article_id: str | None
    outlet: str | None
    in_corpus: bool
    cited_by: tuple[Mention, ...] = ()


@dataclass(frozen=True, slots=True)
class Lineage:
    """Articles that derive from one origin: together they count as one source."""

    id: str
    root: str
    article_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class OwnMaterial:
    """The part of an article found in no other article of its story."""

    article_id: str
    own_share: float
    own_spans: tuple[Span, ...]
    independent: bool


@dataclass(frozen=True, slots=True)
class ChainLink:
    """One step of an attribution chain: who said it, or who was told, and the cue word.

    "Toaldo explains to the MEE" gives the speaker Toaldo (cue "explains") and
    the recipient MEE.
    """

    source: str
    cue: str
    role: Literal["speaker", "recipient"] = "speaker"


@dataclass(frozen=True, slots=True)
class ClaimMention:
    """One article stating a claim: where, attributed to whom, and how.

    ``hedges`` are the hedging words found ("reportedly", "appear to");
    ``chain`` the whole attribution chain when there is more than a speaker.
    ``translated_from`` names the article whose sentence this one translates,
    for a mention found through a translated passage (its attribution is read
    from its own words in the languages :mod:`storytrace.claims.reported_speech`
    covers).
    """

    article_id: str
    field: Literal["title", "text"]
    start: int
    end: int
    attributed_to: str | None = None
    cue: str | None = None
    quote: bool = False
    hedged: bool = False
    hedges: tuple[str, ...] = ()
    chain: tuple[ChainLink, ...] = ()
    translated_from: str | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    """A checkable statement and every article that makes it.

    ``support`` counts the articles stating it; ``independent_support`` counts
    the distinct lineages among them (copies of one origin count once).
    """

    id: str
    text: str
    mentions: tuple[ClaimMention, ...]
    support: int
    independent_support: int


EntityType = Literal["person", "organisation", "place", "country", "other"]


@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world thing named in a story, under all the names used for it."""

    id: str
    name: str
    type: EntityType
    aliases: tuple[str, ...]
    article_ids: tuple[str, ...]


DiscrepancyKind = Literal["entity_set", "number", "date", "place", "polarity", "attribution"]
DiscrepancyScope = Literal["across_articles", "headline_body", "over_time"]
"""Outlets disagreeing, a headline contradicting its body, or a later report revising a figure."""


@dataclass(frozen=True, slots=True)
class Variant:
    """One version of a disputed fact and the mentions that state it."""

    value: str
    mentions: tuple[Mention, ...]


@dataclass(frozen=True, slots=True)
class Discrepancy:
    """Outlets disagree on a fact, or a headline contradicts its own article's body.

    ``facet`` says what the fact is within its kind (``people/injured``, ``clock
    local``, ``facility``; empty when unknown); ``score`` (0 to 1) how strongly
    it should be chased, with its ``reasons`` (:mod:`storytrace.claims.ranking`).
    """

    id: str
    kind: DiscrepancyKind
    claim_id: str | None
    summary: str
    variants: tuple[Variant, ...]
    scope: DiscrepancyScope = "across_articles"
    facet: str = ""
    score: float = 0.0
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Opinion:
    """Whether an article is an opinion piece, why, and its loaded wording."""

    article_id: str
    is_opinion: bool
    reasons: tuple[str, ...]
    loaded: tuple[Mention, ...]


@dataclass(frozen=True, slots=True)
class StoryAnalysis:
    """A story and everything found in it: reuse, provenance, claims, disagreements.

    Each part is filled by its own stage; a part a stage has not run for is empty.
    """

    story: Story
    reuse: tuple[Reuse, ...] = ()
    provenance: tuple[ProvenanceEdge, ...] = ()
    origins: tuple[Origin, ...] = ()
    lineages: tuple[Lineage, ...] = ()
    own: tuple[OwnMaterial, ...] = ()
    claims: tuple[Claim, ...] = ()
    discrepancies: tuple[Discrepancy, ...] = ()
    entities: tuple[Entity, ...] = ()
    opinions: tuple[Opinion, ...] = ()


@dataclass(frozen=True, slots=True)
class Work:
    """What one run did and what it reused: counted, for users and for tests."""

    articles_read: int = 0
    articles_cleaned: int = 0
    """Documents extracted and cleaned; inputs read before unchanged are taken from the store."""
    articles_changed: int = 0
    """New articles, and stored ones whose text or metadata changed."""
    stories_analysed: int = 0
    stories_reused: int = 0
    """Stories whose stored analysis was still valid and was read back."""
    vectors_computed: int = 0
    """Sentences sent to an encoder."""
    vectors_reused: int = 0
    """Sentences whose vector came from memory or the store."""
    sentences_parsed: int = 0
    """Sentences spaCy parsed (the others' parses came from the store)."""
    stage_seconds: tuple[tuple[str, float], ...] = ()
    """Wall time of each stage, in the order they ran."""


@dataclass(frozen=True, slots=True)
class Report:
    """Everything one analysis found: the document ``report.json`` is written from."""

    articles: tuple[Article, ...]
    rejected: tuple[Rejected, ...] = ()
    stories: tuple[StoryAnalysis, ...] = ()
    work: Work = Work()
    """How the run went; not part of the report's findings."""


CorrectionKind = Literal["merge", "split", "move"]


@dataclass(frozen=True, slots=True)
class Correction:
    """An analyst's fix to the story grouping, kept and re-applied on every run.

    Corrections name articles, not stories, because story ids change as
    stories grow: ``merge`` puts ``article_ids`` (all articles of the stories
    being merged) in one story; ``split`` takes ``article_ids`` out of their
    story into a story of their own; ``move`` puts ``article_ids`` (one
    article) into the story of ``anchor_id``.
    """

    kind: CorrectionKind
    article_ids: tuple[str, ...]
    anchor_id: str | None = None
    created_at: str | None = None
