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

from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime

from storytrace.articles import Draft, finish, prepare
from storytrace.claims import analyze_claims
from storytrace.embeddings import embed_texts
from storytrace.errors import NotFoundError
from storytrace.ingest import Sidecar, read_inputs
from storytrace.models import (
    Article,
    Correction,
    RawDocument,
    Rejected,
    Report,
    Story,
    StoryAnalysis,
)
from storytrace.multilingual import embed_multilingual
from storytrace.report.compare import Comparison, compare_articles
from storytrace.reuse import Background, align_pair, build_background, trace_story
from storytrace.reuse.shares import make_reuse
from storytrace.settings import Settings
from storytrace.store import Store
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
) -> StoryAnalysis:
    """Everything storytrace finds inside one story: reuse and provenance, then claims.

    ``background`` holds the boilerplate of other stories (see
    :func:`story_background`), kept out of the shared passages.
    """
    members = [articles[article_id] for article_id in story.article_ids]
    embed = embed_texts if settings.embeddings else None
    translate = embed_multilingual if settings.translations else None
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


def _analyse(
    stories: Sequence[Story],
    articles: Mapping[str, Article],
    *,
    settings: Settings,
    background: Background | None,
    progress: Progress,
) -> list[StoryAnalysis]:
    analyses = []
    for done, story in enumerate(stories, start=1):
        analyses.append(analyse_story(story, articles, settings=settings, background=background))
        progress("analyse stories", done, len(stories))
    return analyses


def analyze(
    inputs: Sequence[str],
    *,
    settings: Settings,
    store: Store | None = None,
    sidecar: Sidecar | None = None,
    progress: Progress = _quiet,
) -> Report:
    """Read, clean and group every article in ``inputs`` and analyse the stories they touch.

    With a ``store``, earlier articles and stories take part (new articles join
    earlier stories, analyst corrections are applied again) and everything is
    saved; the report covers the stories this run's articles are in.
    """
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
    # Stored articles teach this run's articles their outlets' site templates.
    stored = store.articles() if store is not None else []
    articles, duplicates = finish(
        drafts, template_min_articles=settings.template_min_articles, earlier=stored
    )
    rejected.extend(duplicates)
    progress("clean", len(articles), len(drafts))
    earlier: list[Story] = []
    corrections: list[Correction] = []
    everything = articles
    if store is not None:
        by_source = {draft.document.source: draft.document for draft in drafts}
        store.save_run(
            inputs=inputs,
            articles=articles,
            documents={a.id: by_source[a.source] for a in articles},
            rejected=rejected,
            started_at=started_at,
        )
        earlier = store.stories()
        corrections = store.corrections()
        # What the store now holds: its articles, this run's replacing same ids.
        merged = {a.id: a for a in stored} | {a.id: a for a in articles}
        everything = [merged[article_id] for article_id in sorted(merged)]
    stories = _group(earlier, everything, corrections, settings=settings)
    progress("group stories", len(everything), len(everything))
    run_ids = {a.id for a in articles}
    unchanged = set(earlier)
    touched = [s for s in stories if s not in unchanged or run_ids.intersection(s.article_ids)]
    by_id = {a.id: a for a in everything}
    background = story_background(stories, by_id) if touched else None
    analyses = _analyse(touched, by_id, settings=settings, background=background, progress=progress)
    if store is not None:
        store.save_stories(analyses)
    shown = [by_id[i] for analysis in analyses for i in analysis.story.article_ids]
    return Report(articles=tuple(shown), rejected=tuple(rejected), stories=tuple(analyses))


def _group(
    earlier: Sequence[Story],
    articles: Sequence[Article],
    corrections: Sequence[Correction],
    *,
    settings: Settings,
) -> tuple[Story, ...]:
    if not articles:
        return ()
    if earlier:
        stories = add_to_stories(earlier, articles, settings.stories)
    else:
        stories = group_stories(articles, settings.stories)
    if settings.translations:
        stories = join_translations(
            stories,
            articles,
            translate=embed_multilingual,
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
    store.save_stories(
        _analyse(changed, by_id, settings=settings, background=background, progress=_quiet)
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
    embed = embed_texts if settings.embeddings else None
    translate = embed_multilingual if settings.translations else None
    passages = align_pair(left, right, settings=settings.reuse, embed=embed, translate=translate)
    reuse = make_reuse(
        left_id, right_id, passages, source_length=len(left.text), target_length=len(right.text)
    )
    pair = StoryAnalysis(Story(id="comparison", article_ids=(left_id, right_id)), reuse=(reuse,))
    return compare_articles(pair, {left_id: left, right_id: right}, left_id, right_id)
