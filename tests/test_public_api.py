"""The public names of the package are a promise: changes to them are deliberate."""

from __future__ import annotations

import storytrace


def test_public_api_exports_exactly_these_names() -> None:
    assert sorted(storytrace.__all__) == [
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


def test_public_api_errors_share_one_base() -> None:
    for name in ("ConfigurationError", "InputError", "NotFoundError", "StoreError"):
        assert issubclass(getattr(storytrace, name), storytrace.StorytraceError)
