"""The formats ``storytrace export`` writes, apart from the exporters themselves.

The command line lists them in its help without importing networkx and the
report renderers that :mod:`storytrace.export` needs.

>>> EXPORT_FORMATS
('csv', 'jsonl', 'graphml', 'md')
"""

from __future__ import annotations

from typing import Literal, get_args

ExportFormat = Literal["csv", "jsonl", "graphml", "md"]
EXPORT_FORMATS: tuple[str, ...] = get_args(ExportFormat)
