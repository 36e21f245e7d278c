"""Reuse and provenance: shared passages, who copied whom, origins, lineages, own material.

The entry points are :func:`trace_story` (one story's articles in, a
:class:`StoryProvenance` out) and :func:`align_pair` (two articles, their
shared passages). :func:`build_background` turns articles of other stories into
the boilerplate filter both accept.

>>> from storytrace.models import Article
>>> from storytrace.reuse import align_pair
>>> a = Article("a", "a", "At least one air strike was heard being coordinated in the tapes.")
>>> b = Article("b", "b", "Leak. At least one air strike was heard being coordinated in the tapes.")
>>> [p.kind for p in align_pair(a, b)]
['verbatim']
"""

# Imported under private names, so that dir() lists the public names only.
import typing as _typing

from storytrace.lazy import lazy_exports as _lazy_exports

if _typing.TYPE_CHECKING:
    from storytrace.reuse.align import Embed, align_pair
    from storytrace.reuse.attribution import Attribution, find_attributions
    from storytrace.reuse.boilerplate import Background, build_background
    from storytrace.reuse.settings import REUSE_SETTINGS_HELP, ReuseSettings
    from storytrace.reuse.story import StoryProvenance, trace_story
else:
    # The settings are light; alignment and provenance load scipy and networkx.
    __getattr__, __dir__ = _lazy_exports(
        __name__,
        {
            "storytrace.reuse.align": ("Embed", "align_pair"),
            "storytrace.reuse.attribution": ("Attribution", "find_attributions"),
            "storytrace.reuse.boilerplate": ("Background", "build_background"),
            "storytrace.reuse.settings": ("REUSE_SETTINGS_HELP", "ReuseSettings"),
            "storytrace.reuse.story": ("StoryProvenance", "trace_story"),
        },
    )

__all__ = [
    "REUSE_SETTINGS_HELP",
    "Attribution",
    "Background",
    "Embed",
    "ReuseSettings",
    "StoryProvenance",
    "align_pair",
    "build_background",
    "find_attributions",
    "trace_story",
]
