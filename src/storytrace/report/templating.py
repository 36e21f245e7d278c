"""The Jinja environment shared by the HTML report and the web app, and their assets.

Autoescaping is always on and undefined names fail loudly: article text,
titles, bylines and URLs are attacker-controlled and only ever printed as
escaped text. The stylesheet and the script are the project's own files,
inlined in the report (allowed by their hashes in its Content-Security-Policy)
and served as files by the web app.

>>> environment().from_string("{{ x }}").render(x="<b>")
'&lt;b&gt;'
>>> len(asset("storytrace.js")) > 0
True
"""

from __future__ import annotations

import base64
import hashlib
from functools import cache
from importlib import resources

from jinja2 import BaseLoader, ChoiceLoader, Environment, PackageLoader, StrictUndefined

from storytrace.errors import NotFoundError
from storytrace.report.views import furniture_summary

ASSETS = ("storytrace.css", "storytrace.js")


def percent(value: float | None) -> str:
    """A share as a whole percentage: ``0.842`` → ``84%``."""
    return "—" if value is None else f"{value:.0%}"


def environment(*loaders: BaseLoader) -> Environment:
    """A strict, autoescaping environment over ``loaders`` then the report's templates."""
    env = Environment(
        loader=ChoiceLoader([*loaders, PackageLoader("storytrace.report", "templates")]),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["pct"] = percent
    env.filters["furniture_summary"] = furniture_summary
    return env


@cache
def asset(name: str) -> str:
    """The text of one of the shared assets (:data:`ASSETS`)."""
    if name not in ASSETS:
        raise NotFoundError(f"no asset {name}; the assets are {', '.join(ASSETS)}")
    return (resources.files("storytrace.report") / "templates" / name).read_text("utf-8")


def csp_hash(text: str) -> str:
    """The Content-Security-Policy source that allows exactly this inline text."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"
