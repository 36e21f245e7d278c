"""Story grouping inside analyze: one-shot, incremental, corrections that survive re-runs."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from storytrace.cli import main
from storytrace.models import Report
from storytrace.pipeline import analyze
from storytrace.settings import Settings
from storytrace.store import Store

DEMO = Path(__file__).parents[1] / "src" / "storytrace" / "demo" / "corpus"


def _groups(report: Report) -> set[frozenset[str]]:
    sources = {
        a.id: Path(a.source.split("#")[0]).name + a.source.partition("#")[2][:12]
        for a in report.articles
    }
    return {frozenset(sources[i] for i in s.story.article_ids) for s in report.stories}


def _names(report: Report, *needles: str) -> frozenset[str]:
    return frozenset(a.id for a in report.articles if any(needle in a.source for needle in needles))


def test_pipeline_seeds_are_one_story(seeds: Path) -> None:
    report = analyze([str(seeds)], settings=Settings())
    [story] = report.stories
    assert set(story.story.article_ids) == {a.id for a in report.articles}
    assert story.story.title is not None and story.story.title.startswith("Leaked tape")


def test_pipeline_demo_gives_the_three_stories_of_its_answer_key() -> None:
    report = analyze([str(DEMO)], settings=Settings())
    stories = {frozenset(s.story.article_ids) for s in report.stories}
    strike = _names(report, "sander-quay-strike")
    bank = _names(report, "central-bank", "business-atom", "#line=2")
    collision = frozenset(a.id for a in report.articles) - strike - bank
    assert (len(strike), len(bank), len(collision)) == (2, 3, 11)
    assert stories == {strike, bank, collision}


def _copy_demo(folder: Path, names: list[str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copy(DEMO / name, folder / name)


def test_pipeline_incremental_run_gives_the_one_shot_grouping(tmp_path: Path) -> None:
    names = sorted(p.name for p in DEMO.iterdir() if p.name != "metadata.csv")
    first, second = names[::2], names[1::2]
    (first if "worldbrief24-corvenna-collision.txt" in first else second).append("metadata.csv")
    _copy_demo(tmp_path / "first", first)
    _copy_demo(tmp_path / "second", second)
    with Store(tmp_path / "st.db") as store:
        analyze([str(tmp_path / "first")], settings=Settings(), store=store)
        analyze([str(tmp_path / "second")], settings=Settings(), store=store)
        incremental = {frozenset(s.article_ids) for s in store.stories()}
    one_shot = analyze([str(DEMO)], settings=Settings())
    assert incremental == {frozenset(s.story.article_ids) for s in one_shot.stories}


def test_pipeline_rerun_on_the_same_inputs_changes_no_story(tmp_path: Path) -> None:
    with Store(tmp_path / "st.db") as store:
        analyze([str(DEMO)], settings=Settings(), store=store)
        before = store.stories()
        again = analyze([str(DEMO)], settings=Settings(), store=store)
        assert store.stories() == before
    assert len(again.stories) == 3


def _cli(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_pipeline_cli_corrections_survive_a_rerun_with_new_articles(
    tmp_path: Path, data: Path
) -> None:
    db = str(tmp_path / "st.db")
    out = str(tmp_path / "out")
    _cli("analyze", str(DEMO), "--db", db, "--out", out, "-q")
    with Store(db) as store:
        by_size = sorted(store.stories(), key=lambda s: len(s.article_ids))
        strike, bank, collision = by_size
        opinion = next(a.id for a in store.articles() if "opinion" in a.source)
        wire = next(a.id for a in store.articles() if "mpa-corvenna" in a.source)
    _cli("stories", "--db", db, "merge", strike.id, bank.id)
    _cli("stories", "--db", db, "split", collision.id, opinion)
    with Store(db) as store:
        merged_id = store.story_of(strike.article_ids[0])
    assert merged_id is not None
    _cli("stories", "--db", db, "move", wire, merged_id)
    _cli("analyze", str(DEMO), str(data / "inputs" / "quake.txt"), "--db", db, "--out", out, "-q")
    with Store(db) as store:
        groups = {frozenset(s.article_ids) for s in store.stories()}
        assert frozenset([opinion]) in groups
        merged = next(g for g in groups if wire in g)
        assert set(strike.article_ids) | set(bank.article_ids) | {wire} == merged
        assert len(store.corrections()) == 3
    assert "story-" in _cli("stories", "--db", db)


def test_pipeline_cli_refuses_a_correction_naming_an_unknown_story(tmp_path: Path) -> None:
    db = str(tmp_path / "st.db")
    _cli("analyze", str(DEMO), "--db", db, "--out", str(tmp_path / "out"), "-q")
    result = CliRunner().invoke(main, ["stories", "--db", db, "merge", "story-x", "story-y"])
    assert result.exit_code == 1
    assert "no story with id story-x" in result.output


RUSSIAN = "".join(
    map(chr, [1047, 1077, 1084, 1083, 1077, 1090, 1088, 1103, 1089, 1077, 1085, 1080, 1077])
)


@pytest.mark.parametrize(
    "record",
    [
        {"text": "   .  "},
        {"text": f"{RUSSIAN} 5,1 {RUSSIAN} {RUSSIAN}."},
        {"text": "A story with no date and nothing in common with anything else here."},
        {"text": "Quake", "published": "not a date"},
    ],
)
def test_pipeline_odd_article_still_gets_a_story_of_its_own(
    tmp_path: Path, record: dict[str, str]
) -> None:
    path = tmp_path / "odd.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    report = analyze([str(path), str(DEMO)], settings=Settings())
    grouped = [i for s in report.stories for i in s.story.article_ids]
    assert sorted(grouped) == sorted(a.id for a in report.articles)
    odd = [a for a in report.articles if a.source.startswith(str(path))]
    assert odd or not record["text"].strip(" .")
    for article in odd:
        [story] = [s for s in report.stories if article.id in s.story.article_ids]
        assert story.story.article_ids == (article.id,)
