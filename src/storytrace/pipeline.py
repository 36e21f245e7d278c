"""The stages wired in plain code: inputs in, a :class:`~storytrace.models.Report` out.

>>> from storytrace.settings import Settings
>>> report = analyze(["no/such/file.txt"], settings=Settings())
>>> report.rejected[0].reason
'no such file, folder or http(s) URL'
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from storytrace.articles import Draft, finish, prepare
from storytrace.ingest import Sidecar, read_inputs
from storytrace.models import RawDocument, Rejected, Report
from storytrace.settings import Settings
from storytrace.store import Store

Progress = Callable[[str, int, int | None], None]
"""Told a stage's name, how many items it has done, and how many there are if known."""


def _quiet(stage: str, done: int, total: int | None) -> None:
    """The default progress callback: report nothing."""


def analyze(
    inputs: Sequence[str],
    *,
    settings: Settings,
    store: Store | None = None,
    sidecar: Sidecar | None = None,
    progress: Progress = _quiet,
) -> Report:
    """Read, clean and describe every article in ``inputs``; save them when given a store."""
    started_at = datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
    drafts: list[Draft] = []
    rejected: list[Rejected] = []
    for count, document in enumerate(
        read_inputs(inputs, settings=settings, sidecar=sidecar), start=1
    ):
        prepared = prepare(document) if isinstance(document, RawDocument) else document
        if isinstance(prepared, Rejected):
            rejected.append(prepared)
        else:
            drafts.append(prepared)
        progress("read", count, None)
    articles, duplicates = finish(drafts, template_min_articles=settings.template_min_articles)
    rejected.extend(duplicates)
    progress("clean", len(articles), len(drafts))
    if store is not None:
        by_source = {draft.document.source: draft.document for draft in drafts}
        store.save_run(
            inputs=inputs,
            articles=articles,
            documents={a.id: by_source[a.source] for a in articles},
            rejected=rejected,
            started_at=started_at,
        )
    return Report(articles=tuple(articles), rejected=tuple(rejected))
