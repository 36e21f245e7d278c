"""Public names that a package imports on first use, so that importing it stays cheap.

The command line starts in a fraction of a second only if ``import storytrace``
does not pull in spaCy, scipy and the models behind the analysis. A package
``__init__`` therefore names the module each public name lives in and hands the
table to :func:`lazy_exports`, whose functions become the package's
``__getattr__`` and ``__dir__`` (PEP 562). Type checkers read the same names from
an ``if TYPE_CHECKING:`` import, so they keep seeing the real types.

>>> find, _ = lazy_exports("storytrace", {"storytrace.errors": ("InputError",)})
>>> find("InputError").__name__
'InputError'
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping, Sequence
from importlib import import_module
from typing import Any


def lazy_exports(
    package: str, homes: Mapping[str, Sequence[str]]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """A ``__getattr__`` and a ``__dir__`` for ``package``, whose names live in ``homes``.

    ``homes`` maps a module to the public names it defines. A name is imported
    from its module when first read, then kept in the package like an ordinary
    import, so later reads cost nothing.
    """
    home_of = {name: module for module, names in homes.items() for name in names}

    def find(name: str) -> Any:
        module = home_of.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(import_module(module), name)
        setattr(sys.modules[package], name, value)
        return value

    def names() -> list[str]:
        return sorted(set(vars(sys.modules[package])) | set(home_of))

    return find, names
