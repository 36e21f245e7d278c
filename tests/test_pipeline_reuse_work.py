"""A run does again only what changed: counted in ``report.work``, not timed.

The fixture is the ferry fire in four languages plus the dock strike at the
same port (``tests/data/multilingual_event``), analysed with the packaged
encoders switched on, as ``storytrace analyze`` runs.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from storytrace.models import Report
from storytrace.pipeline import analyze
from storytrace.reuse.settings import ReuseSettings
from storytrace.settings import Settings
from storytrace.store import Store

EVENT = Path(__file__).parent / "data" / "multilingual_event"
FIRE = sorted(EVENT.glob("fire-*.jsonl"))
STRIKE = EVENT / "strike-en.jsonl"


def _run(db: Path, inputs: list[Path], settings: Settings | None = None) -> Report:
    with Store(db) as store:
        return analyze([str(p) for p in inputs], settings=settings or Settings(), store=store)


def _stories(report: Report) -> dict[tuple[str, ...], object]:
    return {analysis.story.article_ids: analysis for analysis in report.stories}


@pytest.fixture(scope="module")
def first_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Report]:
    db = tmp_path_factory.mktemp("work") / "store.db"
    return db, _run(db, FIRE)


def _copy(db: Path, tmp_path: Path) -> Path:
    """A copy of the first run's store, so each test starts from it."""
    copy = tmp_path / "store.db"
    shutil.copy(db, copy)
    for suffix in ("-wal", "-shm"):
        if Path(f"{db}{suffix}").exists():
            shutil.copy(f"{db}{suffix}", f"{copy}{suffix}")
    return copy


def test_a_first_run_analyses_its_story_and_embeds_its_sentences(
    first_run: tuple[Path, Report],
) -> None:
    _, report = first_run
    assert report.work.articles_cleaned == 4
    assert report.work.articles_changed == 4
    assert report.work.stories_analysed == 1
    assert report.work.stories_reused == 0
    assert report.work.vectors_computed > 0
    assert [stage for stage, _ in report.work.stage_seconds] == [
        "read",
        "clean",
        "group stories",
        "analyse stories",
    ]


def test_an_unchanged_rerun_recomputes_nothing_and_reports_the_same(
    first_run: tuple[Path, Report], tmp_path: Path
) -> None:
    db, first = first_run
    again = _run(_copy(db, tmp_path), FIRE)
    assert again.work.articles_read == 4
    assert again.work.articles_cleaned == 0
    assert again.work.articles_changed == 0
    assert again.work.stories_analysed == 0
    assert again.work.stories_reused == 1
    assert again.work.vectors_computed == 0
    assert again.work.sentences_parsed == 0
    assert again.stories == first.stories
    assert again.articles == first.articles


def test_adding_an_article_analyses_only_its_story(
    first_run: tuple[Path, Report], tmp_path: Path
) -> None:
    db, first = first_run
    report = _run(_copy(db, tmp_path), [*FIRE, STRIKE])
    # The strike is a page of the harbour paper, whose fire page is cleaned again with it
    # (a line on both pages would be the site's template); the other pages come from the store.
    assert report.work.articles_cleaned == 2
    assert report.work.articles_changed == 1
    assert report.work.stories_analysed == 1
    assert report.work.stories_reused == 1
    (fire,) = first.stories
    assert _stories(report)[fire.story.article_ids] == fire
    (strike,) = [s for s in report.stories if s != fire]
    (article,) = [a for a in report.articles if a.id in strike.story.article_ids]
    assert "strike-en.jsonl" in article.source


def test_vectors_of_an_earlier_run_are_reused_by_a_new_story(
    first_run: tuple[Path, Report], tmp_path: Path
) -> None:
    """Settings that change the analysis (not the models) redo the story from stored
    vectors and parses, and find what a run from scratch finds."""
    db, _ = first_run
    settings = Settings(reuse=replace(ReuseSettings(), min_passage_words=9))
    report = _run(_copy(db, tmp_path), FIRE, settings)
    assert report.work.stories_analysed == 1
    assert report.work.vectors_computed == 0
    assert report.work.vectors_reused > 0
    assert report.work.sentences_parsed == 0  # parses come from the store too
    fresh = _run(tmp_path / "fresh.db", FIRE, settings)
    assert fresh.work.sentences_parsed > 0
    assert report.stories == fresh.stories  # stored vectors and parses change nothing


def test_an_edited_page_joins_its_story_which_alone_is_analysed_again(tmp_path: Path) -> None:
    """An edited text is a new version of the article (ids follow the content)."""
    folder = tmp_path / "inputs"
    folder.mkdir()
    for path in FIRE:
        shutil.copy(path, folder / path.name)
    db = tmp_path / "store.db"
    first = _run(db, [folder])
    edited = folder / "fire-en-coast.jsonl"
    record = json.loads(edited.read_text(encoding="utf-8"))
    record["text"] += "\n\nThe ferry company said an inquiry would begin on Monday."
    edited.write_text(json.dumps(record), encoding="utf-8")
    report = _run(db, [folder])
    assert report.work.articles_changed == 1
    assert report.work.stories_analysed == 1
    (story,) = report.stories
    (edit,) = [a for a in report.articles if "inquiry" in a.text]
    assert set(story.story.article_ids) == {*first.stories[0].story.article_ids, edit.id}


def test_stories_analysed_in_worker_processes_are_the_same(
    first_run: tuple[Path, Report], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two processes, each with its own models and vector cache, find what one process finds."""
    import storytrace.parallel

    monkeypatch.setattr(storytrace.parallel, "MIN_ARTICLES", 1)
    alone = _run(tmp_path / "alone.db", [*FIRE, STRIKE])
    shared = _run(tmp_path / "workers.db", [*FIRE, STRIKE], Settings(workers=2))
    assert shared.stories == alone.stories
    assert shared.work.stories_analysed == 2
    assert shared.work.vectors_computed == alone.work.vectors_computed
    assert shared.work.sentences_parsed == alone.work.sentences_parsed


def test_a_duplicate_input_does_not_make_its_outlet_clean_again(tmp_path: Path) -> None:
    """A duplicate is rejected every run; it is no new page of its outlet."""
    folder = tmp_path / "inputs"
    folder.mkdir()
    for path in [*FIRE, STRIKE]:
        shutil.copy(path, folder / path.name)
    shutil.copy(STRIKE, folder / "strike-en-again.jsonl")
    db = tmp_path / "store.db"
    first = _run(db, [folder], Settings(embeddings=False, translations=False))
    again = _run(db, [folder], Settings(embeddings=False, translations=False))
    assert len(first.rejected) == len(again.rejected) == 1
    assert "duplicate" in again.rejected[0].reason
    assert again.work.articles_cleaned == 1  # the duplicate alone
    assert again.work.articles_changed == 0
    assert again.work.stories_analysed == 0
