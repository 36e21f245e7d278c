"""storytrace: trace how a news story spreads, with evidence for every answer.

The public names are imported on first use (see :mod:`storytrace.lazy`), so
that ``import storytrace`` and the command line start quickly.

>>> import storytrace
>>> storytrace.Settings().fetch
False
"""

# Imported under private names, so that dir() lists the public names only.
import typing as _typing

from storytrace.lazy import lazy_exports as _lazy_exports

if _typing.TYPE_CHECKING:
    from storytrace.errors import (
        ConfigurationError,
        InputError,
        NotFoundError,
        StoreError,
        StorytraceError,
    )
    from storytrace.models import (
        Article,
        Mention,
        RawDocument,
        Rejected,
        Removed,
        Report,
        Span,
        Story,
        StoryEvidence,
    )
    from storytrace.settings import Settings
else:
    __getattr__, __dir__ = _lazy_exports(
        __name__,
        {
            "storytrace.errors": (
                "ConfigurationError",
                "InputError",
                "NotFoundError",
                "StoreError",
                "StorytraceError",
            ),
            "storytrace.models": (
                "Article",
                "Mention",
                "RawDocument",
                "Rejected",
                "Removed",
                "Report",
                "Span",
                "Story",
                "StoryEvidence",
            ),
            "storytrace.settings": ("Settings",),
        },
    )

__version__ = "0.1.0"

__all__ = [
    "Article",
    "ConfigurationError",
    "InputError",
    "Mention",
    "NotFoundError",
    "RawDocument",
    "Rejected",
    "Removed",
    "Report",
    "Settings",
    "Span",
    "StoreError",
    "Story",
    "StoryEvidence",
    "StorytraceError",
    "__version__",
]
