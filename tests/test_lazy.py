"""Packages resolve their public names on first use, exactly as an eager import would."""

from __future__ import annotations

import importlib
import sys
from types import ModuleType

import pytest

from storytrace.errors import InputError
from storytrace.lazy import lazy_exports

LAZY_PACKAGES = (
    "storytrace",
    "storytrace.claims",
    "storytrace.ingest",
    "storytrace.report",
    "storytrace.reuse",
    "storytrace.stories",
)


def _public_names() -> list[tuple[str, str]]:
    return [
        (package, name)
        for package in LAZY_PACKAGES
        for name in importlib.import_module(package).__all__
    ]


@pytest.mark.parametrize(("package", "name"), _public_names())
def test_lazy_every_public_name_resolves_and_is_listed(package: str, name: str) -> None:
    module = importlib.import_module(package)
    value = getattr(module, name)
    assert not isinstance(value, ModuleType)
    assert name in dir(module)
    namespace: dict[str, object] = {}
    exec(f"from {package} import {name}", namespace)
    assert namespace[name] is value


@pytest.mark.parametrize("package", LAZY_PACKAGES)
def test_lazy_unknown_name_raises_attribute_error_naming_it(package: str) -> None:
    module = importlib.import_module(package)
    with pytest.raises(AttributeError, match=f"module '{package}' has no attribute 'no_such_name'"):
        _ = module.no_such_name


def test_lazy_name_is_kept_in_the_package_after_first_use(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    package = ModuleType("storytrace_probe")
    monkeypatch.setitem(sys.modules, "storytrace_probe", package)
    find, names = lazy_exports("storytrace_probe", {"storytrace.errors": ("InputError",)})
    assert "InputError" in names()
    assert "InputError" not in vars(package)
    assert find("InputError") is InputError
    assert vars(package)["InputError"] is InputError
