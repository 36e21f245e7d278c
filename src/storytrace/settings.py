"""One table of settings: defaults, help and validation in one place.

The CLI builds its options from :data:`SETTINGS_HELP`, and a config mapping is
checked strictly so that a misspelt name fails loudly with the valid names.

>>> Settings.from_mapping({"fetch": True}).fetch
True
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from typing import Any

from storytrace.claims.records import ClaimSettings
from storytrace.errors import ConfigurationError
from storytrace.reuse.settings import ReuseSettings
from storytrace.stories.settings import StorySettings

_VERSION = "0.1.0"


@dataclass(frozen=True, slots=True)
class Settings:
    """Options of a storytrace run, keyword-only and immutable."""

    fetch: bool = field(
        default=False,
        metadata={"help": "download the pages that feed entries only link to"},
    )
    max_bytes: int = field(
        default=20_000_000,
        metadata={"help": "largest single document (file, record, download) read, in bytes"},
    )
    timeout: float = field(
        default=20.0, metadata={"help": "seconds to wait for a URL before giving up"}
    )
    max_redirects: int = field(
        default=5, metadata={"help": "redirects followed when fetching a URL"}
    )
    user_agent: str = field(
        default=f"storytrace/{_VERSION} (news provenance research tool)",
        metadata={"help": "User-Agent header sent when fetching URLs"},
    )
    template_min_articles: int = field(
        default=2,
        metadata={"help": "a short line in this many articles of one outlet is a site template"},
    )
    stories: StorySettings = field(
        default_factory=StorySettings,
        metadata={"help": "story grouping thresholds (see docs/stories.md)"},
    )
    reuse: ReuseSettings = field(
        default_factory=ReuseSettings,
        metadata={"help": "passage alignment and provenance thresholds (see docs/reuse.md)"},
    )
    claims: ClaimSettings = field(
        default_factory=ClaimSettings,
        metadata={"help": "claim grouping and opinion thresholds (see docs/claims.md)"},
    )
    embeddings: bool = field(
        default=True,
        metadata={
            "help": "use sentence embeddings (packaged MiniLM) for paraphrases and claim groups"
        },
    )
    translations: bool = field(
        default=True,
        metadata={
            "help": "find translated passages between articles in different languages "
            "(packaged multilingual Universal Sentence Encoder)"
        },
    )

    workers: int = field(
        default=1,
        metadata={
            "help": "processes that analyse stories at once (1: this process only; "
            "0: one per core, at most 4)"
        },
    )

    def __post_init__(self) -> None:
        for name in ("max_bytes", "max_redirects", "template_min_articles", "workers"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise ConfigurationError(f"setting {name}={value!r}: expected an integer >= 0")
        if self.template_min_articles < 2:
            raise ConfigurationError(
                f"setting template_min_articles={self.template_min_articles}: a template must "
                "recur in at least 2 articles; use 2 or more"
            )
        if not isinstance(self.timeout, int | float) or self.timeout <= 0:
            raise ConfigurationError(f"setting timeout={self.timeout!r}: expected seconds > 0")

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any]) -> Settings:
        """Build settings from a mapping, refusing names that are not settings."""
        valid = {f.name for f in fields(cls)}
        unknown = sorted(set(values) - valid)
        if unknown:
            raise ConfigurationError(
                f"unknown setting(s) {', '.join(unknown)}; valid settings are "
                f"{', '.join(sorted(valid))}"
            )
        return replace(cls(), **dict(values))


SETTINGS_HELP: dict[str, str] = {f.name: str(f.metadata.get("help", "")) for f in fields(Settings)}
