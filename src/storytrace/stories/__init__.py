"""Story grouping: which articles report the same real-world event.

>>> from storytrace.stories import StorySettings, group_stories
"""

# Imported under private names, so that dir() lists the public names only.
import typing as _typing

from storytrace.lazy import lazy_exports as _lazy_exports

if _typing.TYPE_CHECKING:
    from storytrace.stories.corrections import (
        Correction,
        CorrectionOutcome,
        Merge,
        Move,
        SkippedCorrection,
        Split,
        apply_corrections,
    )
    from storytrace.stories.grouping import Embedder, Grouping, cluster_articles
    from storytrace.stories.incremental import add_to_grouping, add_to_stories
    from storytrace.stories.records import build_stories, story_id
    from storytrace.stories.settings import EMBEDDING_MODELS, FieldWeights, StorySettings
    from storytrace.stories.stage import group_stories
    from storytrace.stories.translations import (
        TranslationLink,
        join_translations,
        translation_links,
    )
else:
    # The settings are light; grouping loads scipy and the vector models.
    __getattr__, __dir__ = _lazy_exports(
        __name__,
        {
            "storytrace.stories.corrections": (
                "Correction",
                "CorrectionOutcome",
                "Merge",
                "Move",
                "SkippedCorrection",
                "Split",
                "apply_corrections",
            ),
            "storytrace.stories.grouping": ("Embedder", "Grouping", "cluster_articles"),
            "storytrace.stories.incremental": ("add_to_grouping", "add_to_stories"),
            "storytrace.stories.records": ("build_stories", "story_id"),
            "storytrace.stories.settings": ("EMBEDDING_MODELS", "FieldWeights", "StorySettings"),
            "storytrace.stories.stage": ("group_stories",),
            "storytrace.stories.translations": (
                "TranslationLink",
                "join_translations",
                "translation_links",
            ),
        },
    )

__all__ = [
    "EMBEDDING_MODELS",
    "Correction",
    "CorrectionOutcome",
    "Embedder",
    "FieldWeights",
    "Grouping",
    "Merge",
    "Move",
    "SkippedCorrection",
    "Split",
    "StorySettings",
    "TranslationLink",
    "add_to_grouping",
    "add_to_stories",
    "apply_corrections",
    "build_stories",
    "cluster_articles",
    "group_stories",
    "join_translations",
    "story_id",
    "translation_links",
]
