"""The web app's write actions: story corrections and new inputs to analyse.

Form fields arrive as strings; these functions turn them into records with
messages that say what was wrong and how to fix it, then call the library
(:func:`storytrace.pipeline.correct`, :func:`storytrace.pipeline.analyze`).

>>> correction_from_fields(None, kind="split", article_ids=("a1",)).kind
'split'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import get_args

from storytrace import pipeline
from storytrace.errors import ConfigurationError, NotFoundError
from storytrace.models import Correction, CorrectionKind, Report
from storytrace.settings import Settings
from storytrace.store import Store

CORRECTION_KINDS: tuple[str, ...] = get_args(CorrectionKind)
MAX_FILES = 200
"""Most files one upload may hold."""
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True, slots=True)
class AnalysedArticle:
    id: str
    outlet: str | None
    title: str | None
    story_id: str | None


@dataclass(frozen=True, slots=True)
class AnalysisResult:
    """What an upload added: its articles (with their stories) and the inputs rejected."""

    articles: tuple[AnalysedArticle, ...]
    rejected: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class CorrectionResult:
    """A correction as kept, and the story its first article belongs to afterwards."""

    kind: str
    article_ids: tuple[str, ...]
    anchor_id: str | None
    story_id: str | None


@dataclass(frozen=True, slots=True)
class AnalyzeForm:
    """What the upload form accepts."""

    max_bytes: int
    max_files: int
    formats: tuple[str, ...]


def analyze_form(settings: Settings) -> AnalyzeForm:
    return AnalyzeForm(
        max_bytes=settings.max_bytes,
        max_files=MAX_FILES,
        formats=(".txt", ".html", ".htm", ".gz", ".jsonl", ".warc", ".warc.gz", ".xml", ".csv"),
    )


def correction_from_fields(
    store: Store | None,
    *,
    kind: str,
    story_ids: Sequence[str] = (),
    article_ids: Sequence[str] = (),
    target: str | None = None,
) -> Correction:
    """A correction from form fields; stories are expanded to their articles.

    ``merge`` takes stories and/or articles (two or more in all); ``split``
    takes the articles to take out; ``move`` takes one article and a
    ``target``: a story id, or the id of an article in the target story.
    """
    if kind not in CORRECTION_KINDS:
        raise ConfigurationError(
            f"correction kind {kind!r} is unknown; use one of {', '.join(CORRECTION_KINDS)}"
        )
    ids = [i.strip() for i in article_ids if i.strip()]
    stories = [s.strip() for s in story_ids if s.strip()]
    if stories and store is None:
        raise ConfigurationError("story ids need a store to be expanded into articles")
    if kind == "merge":
        if len(set(stories)) + len(set(ids)) < 2:
            raise ConfigurationError(
                "a merge needs at least two stories (or articles); choose another story to merge"
            )
        if store is not None:
            for story_id in dict.fromkeys(stories):
                ids += store.story_analysis(story_id).story.article_ids
        return Correction("merge", tuple(dict.fromkeys(ids)))
    if kind == "split":
        if not ids:
            raise ConfigurationError("a split needs the articles to take out; tick at least one")
        return Correction("split", tuple(dict.fromkeys(ids)))
    if len(ids) != 1:
        raise ConfigurationError(f"a move takes exactly one article, not {len(ids)}")
    anchor = (target or "").strip()
    if not anchor:
        raise ConfigurationError("a move needs a target: the id of a story or of an article in it")
    if store is not None:
        anchor = _anchor(store, anchor)
    return Correction("move", (ids[0],), anchor_id=anchor)


def _anchor(store: Store, target: str) -> str:
    """An article of the target: the target itself when it is an article, else its story's first."""
    try:
        return store.article(target).id
    except NotFoundError:
        pass
    try:
        return store.story_analysis(target).story.article_ids[0]
    except NotFoundError:
        raise NotFoundError(
            f"no story or article with id {target}; give a story id from the story list"
        ) from None


def apply_correction(store: Store, correction: Correction) -> CorrectionResult:
    """Apply an analyst's correction through the pipeline and say where it led."""
    pipeline.correct(store, correction)
    return CorrectionResult(
        kind=correction.kind,
        article_ids=correction.article_ids,
        anchor_id=correction.anchor_id,
        story_id=store.story_of(correction.article_ids[0]),
    )


def upload_name(name: str | None, number: int) -> str:
    """A safe file name for an upload, keeping its extensions (they choose the reader).

    >>> upload_name("../../etc/passwd", 1)
    '1-passwd'
    >>> upload_name("Feed <1>.xml", 2)
    '2-Feed_1_.xml'
    """
    base = Path((name or "").replace("\\", "/")).name
    cleaned = _UNSAFE_NAME.sub("_", base).strip("._") or "upload"
    return f"{number}-{cleaned}"


def check_urls(text: str) -> list[str]:
    """The http(s) URLs of a text field, one a line; anything else is refused by name."""
    urls = [line.strip() for line in text.splitlines() if line.strip()]
    bad = [u for u in urls if not re.match(r"^https?://[^\s/]+", u, re.IGNORECASE)]
    if bad:
        raise ConfigurationError(
            f"not an http(s) URL: {bad[0][:200]}; give one http:// or https:// URL a line"
        )
    return urls


def analyze_inputs(store: Store, inputs: Sequence[str], *, settings: Settings) -> AnalysisResult:
    """Analyse uploaded files and URLs into the store; what each became."""
    report: Report = pipeline.analyze(list(inputs), settings=settings, store=store)
    return AnalysisResult(
        articles=tuple(
            AnalysedArticle(a.id, a.outlet, a.title, store.story_of(a.id)) for a in report.articles
        ),
        rejected=tuple((r.source, r.reason) for r in report.rejected),
    )
