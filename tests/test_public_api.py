"""The public names of the package are a promise: changes to them are deliberate."""

from __future__ import annotations

import pytest

import storytrace
from storytrace.errors import StorytraceError
from storytrace.models import Report
from storytrace.settings import Settings


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


@pytest.mark.parametrize("name", storytrace.__all__)
def test_public_api_every_name_imports_from_the_package(name: str) -> None:
    namespace: dict[str, object] = {}
    exec(f"from storytrace import {name}", namespace)
    assert namespace[name] is getattr(storytrace, name)
    assert name in dir(storytrace)


def test_public_api_star_import_gives_every_name() -> None:
    namespace: dict[str, object] = {}
    exec("from storytrace import *", namespace)
    assert set(storytrace.__all__) <= set(namespace)


def test_public_api_names_are_the_defining_modules_objects() -> None:
    assert storytrace.Settings is Settings
    assert storytrace.Report is Report
    assert storytrace.StorytraceError is StorytraceError
