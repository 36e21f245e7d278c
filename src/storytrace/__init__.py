"""storytrace: trace how a news story spreads, with evidence for every answer.

>>> import storytrace
>>> storytrace.Settings().fetch
False
"""

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
