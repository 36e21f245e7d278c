"""The stages wired in plain code: inputs in, a :class:`~storytrace.models.Report` out.

Each stage is a function over records (see ``docs/architecture.md``); this
module only decides what runs on what: articles of this run, the stories they
touch, and the store that keeps everything between runs.

>>> from storytrace.settings import Settings
>>> report = analyze(["no/such/file.txt"], settings=Settings())
>>> report.rejected[0].reason
'no such file, folder or http(s) URL'
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from storytrace.claims import analyze_claims
from storytrace.encoders import Encoders, analysis_fingerprint, run_encoders
from storytrace.errors import NotFoundError
from storytrace.ingest import Sidecar, read_inputs
from storytrace.known_inputs import build_articles
from storytrace.models import (
    Article,
    Correction,
    RawDocument,
    Rejected,
    Report,
    Story,
    StoryAnalysis,
    Work,
)
from storytrace.parallel import analyse_in_workers, worker_count
from storytrace.report.compare import Comparison, compare_articles
from storytrace.reuse import Background, align_pair, build_background, trace_story
from storytrace.reuse.shares import make_reuse
from storytrace.settings import Settings
from storytrace.store import Store, document_digest
from storytrace.stories import Correction as StageCorrection
from storytrace.stories import (
    Merge,
    Move,
    Split,
    add_to_stories,
    apply_corrections,
    group_stories,
)
from storytrace.stories.translations import join_translations

Progress = Callable[[str, int, int | None], None]
"""Told a stage's name, how many items it has done, and how many there are if known."""


def _quiet(stage: str, done: int, total: int | None) -> None:
    """The default progress callback: report nothing."""


def stage_correction(correction: Correction) -> StageCorrection:
    """The story stage's form of a stored correction."""
    if correction.kind == "merge":
        return Merge(correction.article_ids)
    if correction.kind == "split":
        return Split(correction.article_ids)
    if correction.anchor_id is None or len(correction.article_ids) != 1:
        raise ValueError(f"a move names one article and an anchor article, not {correction}")
    return Move(correction.article_ids[0], to_story_of=correction.anchor_id)


def analyse_story(
    story: Story,
    articles: Mapping[str, Article],
    *,
    settings: Settings,
    background: Background | None = None,
    encoders: Encoders | None = None,
) -> StoryAnalysis:
    """Everything storytrace finds inside one story: reuse and provenance, then claims.

    ``background`` holds the boilerplate of other stories (see
    :func:`story_background`), kept out of the shared passages; ``encoders``
    are the run's cached sentence encoders (new ones, in memory, if not given).
    """
    encoders = encoders or run_encoders(settings)
    members = [articles[article_id] for article_id in story.article_ids]
    embed = encoders.sentences
    translate = encoders.translations
    provenance = trace_story(
        members, settings=settings.reuse, embed=embed, background=background, translate=translate
    )
    lineage_of = {
        article_id: lineage.id
        for lineage in provenance.lineages
        for article_id in lineage.article_ids
    }
    claims = analyze_claims(
        members,
        lineage_of=lineage_of,
        reuse=provenance.reuse,
        embed=embed,
        settings=settings.claims,
        translate=translate,
        derivations=provenance.provenance,
        parse=encoders.parser,
    )
    return StoryAnalysis(
        story=story,
        reuse=provenance.reuse,
        provenance=provenance.provenance,
        origins=provenance.origins,
        lineages=provenance.lineages,
        own=provenance.own,
        claims=claims.claims,
        discrepancies=claims.reported_discrepancies(),
        entities=claims.entities,
        opinions=claims.opinions,
    )


def story_background(stories: Sequence[Story], articles: Mapping[str, Article]) -> Background:
    """Word n-grams found in two or more stories: boilerplate, not reuse.

    Each story counts once however many of its articles repeat a passage, so
    what copies of one story share is never taken for boilerplate.
    """
    return build_background(
        Article(
            id=story.id,
            source=story.id,
            text="\n\n".join(articles[a].text for a in story.article_ids if a in articles),
        )
        for story in stories
    )


@dataclass(frozen=True, slots=True)
class _Analysed:
    analyses: list[StoryAnalysis]
    vectors_computed: int = 0
    """Vectors computed in worker processes (the run's own encoders count the rest)."""
    vectors_reused: int = 0
    sentences_parsed: int = 0


def _analyse(
    stories: Sequence[Story],
    articles: Mapping[str, Article],
    *,
    settings: Settings,
    background: Background | None,
    progress: Progress,
    encoders: Encoders,
    store: Store | None = None,
) -> _Analysed:
    """Each story analysed; with a ``store``, each kept as soon as it is done.

    Saving story by story means a run that stops half-way keeps what it
    finished, and the next run starts from there. Enough work goes to worker
    processes (see :mod:`storytrace.parallel`).
    """
    fingerprint = analysis_fingerprint(settings)
    progress("analyse stories", 0, len(stories))
    workers = worker_count(settings, stories)
    if workers > 1:
        path = store.path if store is not None and store.path != ":memory:" else None
        done: dict[str, StoryAnalysis] = {}
        computed = reused = parsed = 0
        for result in analyse_in_workers(
            stories,
            articles,
            settings=settings,
            background=background,
            workers=workers,
            store_path=path,
        ):
            done[result.analysis.story.id] = result.analysis
            computed += result.vectors_computed
            reused += result.vectors_reused
            parsed += result.sentences_parsed
            if store is not None:
                store.save_stories([result.analysis], fingerprint=fingerprint)
            progress("analyse stories", len(done), len(stories))
        return _Analysed([done[story.id] for story in stories], computed, reused, parsed)
    analyses = []
    for count, story in enumerate(stories, start=1):
        analysis = analyse_story(
            story, articles, settings=settings, background=background, encoders=encoders
        )
        analyses.append(analysis)
        if store is not None:
            encoders.flush()
            store.save_stories([analysis], fingerprint=fingerprint)
        progress("analyse stories", count, len(stories))
    return _Analysed(analyses)


class _Stopwatch:
    """Wall time per stage, in the order the stages ran."""

    def __init__(self) -> None:
        self._last = time.perf_counter()
        self.laps: list[tuple[str, float]] = []

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.laps.append((stage, round(now - self._last, 3)))
        self._last = now


def analyze(
    inputs: Sequence[str],
    *,
    settings: Settings,
    store: Store | None = None,
    sidecar: Sidecar | None = None,
    progress: Progress = _quiet,
    encoders: Encoders | None = None,
) -> Report:
    """Read, clean and group every article in ``inputs`` and analyse the stories they touch.

    With a ``store``, earlier articles and stories take part (new articles join
    earlier stories, analyst corrections are applied again) and everything is
    saved; the report covers the stories this run's articles are in. Work done
    before is not done again: articles stored exactly as read are not grouped
    again, stories whose articles and settings are unchanged are read back
    from the store, and sentence vectors come from the store when they are
    there. ``report.work`` counts what was done and what was reused.
    """
    watch = _Stopwatch()
    started_at = datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
    documents: list[RawDocument] = []
    rejected: list[Rejected] = []
    for count, document in enumerate(
        read_inputs(inputs, settings=settings, sidecar=sidecar), start=1
    ):
        if isinstance(document, Rejected):
            rejected.append(document)
        else:
            documents.append(document)
        progress("read", count, None)
    watch.lap("read")
    digests = [document_digest(document) for document in documents]
    # Stored articles teach this run's articles their outlets' site templates.
    stored = store.articles() if store is not None else []
    known = {a.id: a for a in stored}
    built = build_articles(
        documents,
        digests,
        stored=known,
        made=store.articles_from_inputs(digests) if store is not None else {},
        template_min_articles=settings.template_min_articles,
        progress=lambda done, total: progress("clean", done, total),
    )
    articles = list(built.articles)
    rejected.extend(built.rejected)
    changed = [a for a in articles if known.get(a.id) != a]
    changed_ids = {a.id for a in changed}
    watch.lap("clean")
    encoders = encoders or run_encoders(settings, store, parses=store)
    earlier: list[Story] = []
    corrections: list[Correction] = []
    fingerprints: dict[str, str] = {}
    everything = articles
    if store is not None:
        store.save_run(
            inputs=inputs,
            articles=changed,
            documents=built.documents,
            rejected=rejected,
            started_at=started_at,
            unchanged=[a.id for a in articles if a.id not in changed_ids],
        )
        earlier = store.stories()
        corrections = store.corrections()
        fingerprints = store.story_fingerprints()
        # What the store now holds: its articles, this run's replacing same ids.
        merged = known | {a.id: a for a in changed}
        everything = [merged[article_id] for article_id in sorted(merged)]
    grouped = {a for story in earlier for a in story.article_ids}
    if earlier and not changed_ids and grouped >= {a.id for a in everything}:
        stories: tuple[Story, ...] = tuple(earlier)  # nothing new: the stored grouping stands
    else:
        stories = _group(
            _without(earlier, changed_ids),
            everything,
            corrections,
            settings=settings,
            encoders=encoders,
        )
    progress("group stories", len(everything), len(everything))
    encoders.flush()  # worker processes read the vectors grouping computed from the store
    watch.lap("group stories")
    run_ids = {a.id for a in articles}
    unchanged = set(earlier)
    fingerprint = analysis_fingerprint(settings)
    shown = [s for s in stories if s not in unchanged or run_ids.intersection(s.article_ids)]
    stale = [
        s
        for s in shown
        if s not in unchanged
        or changed_ids.intersection(s.article_ids)
        or fingerprints.get(s.id) != fingerprint
    ]
    by_id = {a.id: a for a in everything}
    background = story_background(stories, by_id) if stale else None
    analysed = _analyse(
        stale,
        by_id,
        settings=settings,
        background=background,
        progress=progress,
        encoders=encoders,
        store=store,
    )
    watch.lap("analyse stories")
    fresh = analysed.analyses
    done = {analysis.story.id: analysis for analysis in fresh}
    analyses = [done[s.id] if s.id in done else _stored_analysis(store, s.id) for s in shown]
    encoders.flush()
    work = Work(
        articles_read=len(articles),
        articles_cleaned=built.cleaned,
        articles_changed=len(changed),
        stories_analysed=len(fresh),
        stories_reused=len(analyses) - len(fresh),
        vectors_computed=encoders.computed + analysed.vectors_computed,
        vectors_reused=encoders.reused + analysed.vectors_reused,
        sentences_parsed=encoders.parsed + analysed.sentences_parsed,
        stage_seconds=tuple(watch.laps),
    )
    report_articles = [by_id[i] for analysis in analyses for i in analysis.story.article_ids]
    return Report(
        articles=tuple(report_articles),
        rejected=tuple(rejected),
        stories=tuple(analyses),
        work=work,
    )


def _stored_analysis(store: Store | None, story_id: str) -> StoryAnalysis:
    if store is None:  # pragma: no cover - without a store every story is analysed
        raise NotFoundError(f"story {story_id} was not analysed and there is no store")
    return store.story_analysis(story_id)


def _without(stories: Sequence[Story], article_ids: set[str]) -> list[Story]:
    """``stories`` without ``article_ids`` (changed articles are placed again), none left empty."""
    if not article_ids:
        return list(stories)
    kept = []
    for story in stories:
        ids = tuple(a for a in story.article_ids if a not in article_ids)
        if ids:
            kept.append(
                story if len(ids) == len(story.article_ids) else replace(story, article_ids=ids)
            )
    return kept


def _group(
    earlier: Sequence[Story],
    articles: Sequence[Article],
    corrections: Sequence[Correction],
    *,
    settings: Settings,
    encoders: Encoders,
) -> tuple[Story, ...]:
    if not articles:
        return ()
    embedder = encoders.grouping
    if earlier:
        stories = add_to_stories(earlier, articles, settings.stories, embedder=embedder)
    else:
        stories = group_stories(articles, settings.stories, embedder=embedder)
    if settings.translations and encoders.translations is not None:
        stories = join_translations(
            stories,
            articles,
            translate=encoders.translations,
            settings=settings.reuse,
            window_days=settings.stories.time_window_days,
        )
    if not corrections:
        return stories
    outcome = apply_corrections(stories, [stage_correction(c) for c in corrections], articles)
    return outcome.stories


def correct(store: Store, correction: Correction, *, settings: Settings | None = None) -> None:
    """Record an analyst's correction, apply it to the stored stories and re-analyse them.

    The correction is kept and applied again after every later run.
    """
    settings = settings or Settings()
    articles = store.articles()
    earlier = store.stories()
    outcome = apply_corrections(earlier, [stage_correction(correction)], articles)
    if outcome.skipped:
        raise NotFoundError(f"correction not applied: {outcome.skipped[0].reason}")
    store.add_correction(correction)
    unchanged = set(earlier)
    changed = [s for s in outcome.stories if s not in unchanged]
    by_id = {a.id: a for a in articles}
    background = story_background(outcome.stories, by_id)
    _analyse(
        changed,
        by_id,
        settings=settings,
        background=background,
        progress=_quiet,
        encoders=run_encoders(settings, store, parses=store),
        store=store,
    )


def compare(
    store: Store, left_id: str, right_id: str, *, settings: Settings | None = None
) -> Comparison:
    """Two stored articles side by side with their shared passages.

    Articles of one story show the passages of its stored analysis; others
    are aligned now.
    """
    settings = settings or Settings()
    left, right = store.articles([left_id, right_id])
    story_id = store.story_of(left_id)
    if story_id is not None and story_id == store.story_of(right_id):
        analysis = store.story_analysis(story_id)
        if any({r.source_id, r.target_id} == {left_id, right_id} for r in analysis.reuse):
            return compare_articles(analysis, {left_id: left, right_id: right}, left_id, right_id)
    encoders = run_encoders(settings, store, parses=store)
    passages = align_pair(
        left,
        right,
        settings=settings.reuse,
        embed=encoders.sentences,
        translate=encoders.translations,
    )
    encoders.flush()
    reuse = make_reuse(
        left_id, right_id, passages, source_length=len(left.text), target_length=len(right.text)
    )
    pair = StoryAnalysis(Story(id="comparison", article_ids=(left_id, right_id)), reuse=(reuse,))
    return compare_articles(pair, {left_id: left, right_id: right}, left_id, right_id)
