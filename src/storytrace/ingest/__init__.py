"""Ingest: read every common news format into :class:`~storytrace.models.RawDocument` records."""

# Imported under private names, so that dir() lists the public names only.
import typing as _typing

from storytrace.lazy import lazy_exports as _lazy_exports

if _typing.TYPE_CHECKING:
    from storytrace.ingest.inputs import read_inputs
    from storytrace.ingest.sidecar import Sidecar, parse_sidecar
    from storytrace.ingest.sniff import EXTENSIONS, sniff_format
else:
    # A sidecar is read without the readers of every format (httpx, trafilatura).
    __getattr__, __dir__ = _lazy_exports(
        __name__,
        {
            "storytrace.ingest.inputs": ("read_inputs",),
            "storytrace.ingest.sidecar": ("Sidecar", "parse_sidecar"),
            "storytrace.ingest.sniff": ("EXTENSIONS", "sniff_format"),
        },
    )

__all__ = ["EXTENSIONS", "Sidecar", "parse_sidecar", "read_inputs", "sniff_format"]
