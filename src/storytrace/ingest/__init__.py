"""Ingest: read every common news format into :class:`~storytrace.models.RawDocument` records."""

from storytrace.ingest.inputs import read_inputs
from storytrace.ingest.sidecar import Sidecar, parse_sidecar
from storytrace.ingest.sniff import EXTENSIONS, sniff_format

__all__ = ["EXTENSIONS", "Sidecar", "parse_sidecar", "read_inputs", "sniff_format"]
