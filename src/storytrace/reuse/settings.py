"""The options of passage alignment and provenance, with their defaults and help.

The defaults were tuned on the development split of the generated reuse
corpus (``storytrace.bench.reuse_corpus``, seed 1) and measured on another
split (seed 2); ``docs/reuse.md`` gives the figures.

>>> ReuseSettings().min_passage_words
8
>>> ReuseSettings.from_mapping({"min_passage_words": 12}).min_passage_words
12
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from typing import Any

from storytrace.errors import ConfigurationError

_SHARES = (
    "edited_similarity",
    "extend_similarity",
    "paraphrase_similarity",
    "paraphrase_extend_similarity",
    "translation_similarity",
    "translation_anchor_similarity",
    "translation_extend_similarity",
    "translation_min_share",
    "translation_derivation_similarity",
    "rewrite_min_share",
    "boilerplate_share",
    "independent_share",
)
_COUNTS = (
    "seed_words",
    "min_passage_words",
    "min_content_words",
    "near_gap_chars",
    "far_gap_chars",
    "candidate_min_shared",
    "max_neighbours",
    "background_min_documents",
    "cited_origin_min_articles",
    "derivation_min_chars",
    "copy_min_chars",
    "copy_min_run_words",
    "quote_min_words",
    "independent_min_chars",
    "paraphrase_max_sentences",
    "workers",
)


@dataclass(frozen=True, slots=True)
class ReuseSettings:
    """Options of :func:`storytrace.reuse.trace_story` and :func:`storytrace.reuse.align_pair`."""

    seed_words: int = field(
        default=5, metadata={"help": "length of the word n-grams that seed verbatim matches"}
    )
    min_passage_words: int = field(
        default=8, metadata={"help": "shortest passage reported, in words on each side"}
    )
    min_content_words: int = field(
        default=4,
        metadata={
            "help": "a passage needs this many words that are neither stop words nor "
            "capitalised names, so shared names and titles alone are not reuse"
        },
    )
    edited_similarity: float = field(
        default=0.6,
        metadata={"help": "word overlap (Dice) at which two sentences are one edited sentence"},
    )
    extend_similarity: float = field(
        default=0.4,
        metadata={"help": "lower word overlap accepted next to an already matched passage"},
    )
    paraphrase_similarity: float = field(
        default=0.8,
        metadata={"help": "embedding cosine at which two sentences are a paraphrase"},
    )
    paraphrase_extend_similarity: float = field(
        default=0.7,
        metadata={"help": "lower embedding cosine accepted next to an already matched passage"},
    )
    paraphrase_max_sentences: int = field(
        default=3000,
        metadata={
            "help": "in a story with more sentences than this, only the sentences no pair "
            "copied word for word are embedded for paraphrases (time)"
        },
    )
    translation_similarity: float = field(
        default=0.5,
        metadata={
            "help": "multilingual embedding cosine at which two sentences in different "
            "languages are a translation"
        },
    )
    translation_anchor_similarity: float = field(
        default=0.7,
        metadata={
            "help": "cosine that at least one sentence pair must reach before any "
            "translation between two articles is reported"
        },
    )
    translation_extend_similarity: float = field(
        default=0.4,
        metadata={"help": "lower cosine accepted next to an already matched translation"},
    )
    translation_min_share: float = field(
        default=0.5,
        metadata={
            "help": "share of an article that translated passages must cover for it to "
            "derive from the article in the other language"
        },
    )
    translation_derivation_similarity: float = field(
        default=0.6,
        metadata={
            "help": "...and the length-weighted cosine of those passages (every hand "
            "translation of the benchmark has 0.645 or more; an English rewrite of the "
            "facts a French article translates, 0.57)"
        },
    )
    near_gap_chars: int = field(
        default=40,
        metadata={"help": "matches this close on one side merge into one passage"},
    )
    far_gap_chars: int = field(
        default=400,
        metadata={
            "help": "...if the other side's gap is at most this (a deleted or inserted sentence)"
        },
    )
    candidate_min_shared: int = field(
        default=2,
        metadata={"help": "word n-grams two articles must share to be aligned at all"},
    )
    max_neighbours: int = field(
        default=20,
        metadata={
            "help": "each article is aligned with at most this many others, those sharing "
            "the most n-grams with it (a story of 200 reprints is not 19,900 alignments)"
        },
    )
    background_min_documents: int = field(
        default=2,
        metadata={"help": "an n-gram in this many unrelated articles is boilerplate, not reuse"},
    )
    boilerplate_share: float = field(
        default=0.5,
        metadata={"help": "a passage whose n-grams are boilerplate at this share is dropped"},
    )
    cited_origin_min_articles: int = field(
        default=2,
        metadata={
            "help": "articles that must credit an outlet missing from the corpus for it "
            "to be reported as the story's cited origin"
        },
    )
    derivation_min_chars: int = field(
        default=150,
        metadata={
            "help": "copied characters (verbatim or edited) that make one article derive "
            "from another"
        },
    )
    copy_min_chars: int = field(
        default=170,
        metadata={
            "help": "characters of the same wording, outside quotations and statement text, "
            "that make two articles a copy rather than two reports of one event (tuned on the "
            "tune half of the annotated ECB+ pairs, see docs/reuse.md)"
        },
    )
    copy_min_run_words: int = field(
        default=6,
        metadata={
            "help": "...counted only in runs of at least this many words (shorter runs are "
            "the stock phrases of independent reports)"
        },
    )
    rewrite_min_share: float = field(
        default=0.55,
        metadata={
            "help": "share of an article, outside quotations, that edited or reworded "
            "passages must cover for a pair with no credit to be a rewrite (tuned on the "
            "tune half of the annotated ECB+ pairs, with embeddings)"
        },
    )
    quote_min_words: int = field(
        default=8,
        metadata={
            "help": "words of quotations or statement text shared word for word that make "
            "a pair 'shares quotes' rather than independent"
        },
    )
    independent_share: float = field(
        default=0.3,
        metadata={"help": "share of own material that marks an article as adding reporting"},
    )
    independent_min_chars: int = field(
        default=300,
        metadata={"help": "...and the least own material, in characters, for that"},
    )
    workers: int = field(
        default=1,
        metadata={"help": "processes that align article pairs of one story (1: no processes)"},
    )

    def __post_init__(self) -> None:
        for name in _COUNTS:
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise ConfigurationError(
                    f"reuse setting {name}={value!r}: expected an integer >= 1"
                )
        for name in _SHARES:
            value = getattr(self, name)
            if not isinstance(value, int | float) or isinstance(value, bool) or not 0 <= value <= 1:
                raise ConfigurationError(
                    f"reuse setting {name}={value!r}: expected a number between 0 and 1"
                )
        if self.extend_similarity > self.edited_similarity:
            raise ConfigurationError(
                f"reuse setting extend_similarity={self.extend_similarity} is above "
                f"edited_similarity={self.edited_similarity}: the threshold next to a match "
                "must not be stricter than the one for a match on its own"
            )
        if self.paraphrase_extend_similarity > self.paraphrase_similarity:
            raise ConfigurationError(
                f"reuse setting paraphrase_extend_similarity={self.paraphrase_extend_similarity} "
                f"is above paraphrase_similarity={self.paraphrase_similarity}; lower it"
            )
        if self.translation_similarity > self.translation_anchor_similarity:
            raise ConfigurationError(
                f"reuse setting translation_similarity={self.translation_similarity} is above "
                f"translation_anchor_similarity={self.translation_anchor_similarity}; lower it"
            )
        if self.translation_extend_similarity > self.translation_similarity:
            raise ConfigurationError(
                "reuse setting translation_extend_similarity="
                f"{self.translation_extend_similarity} is above translation_similarity="
                f"{self.translation_similarity}; lower it"
            )
        if self.near_gap_chars > self.far_gap_chars:
            raise ConfigurationError(
                f"reuse setting near_gap_chars={self.near_gap_chars} is above "
                f"far_gap_chars={self.far_gap_chars}; the near gap must be the smaller one"
            )

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any]) -> ReuseSettings:
        """Build settings from a mapping, refusing names that are not reuse settings."""
        valid = {f.name for f in fields(cls)}
        unknown = sorted(set(values) - valid)
        if unknown:
            raise ConfigurationError(
                f"unknown reuse setting(s) {', '.join(unknown)}; valid settings are "
                f"{', '.join(sorted(valid))}"
            )
        return replace(cls(), **dict(values))


REUSE_SETTINGS_HELP: dict[str, str] = {
    f.name: str(f.metadata.get("help", "")) for f in fields(ReuseSettings)
}
