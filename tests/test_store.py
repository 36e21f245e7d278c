from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from storytrace.errors import NotFoundError, StoreError
from storytrace.models import Correction, Story, StoryAnalysis
from storytrace.pipeline import analyze
from storytrace.settings import Settings
from storytrace.store import Store


def test_store_rerun_on_the_same_inputs_gives_the_same_ids_and_no_duplicates(
    tmp_path: Path, data: Path
) -> None:
    inputs = [str(data / "inputs")]
    with Store(tmp_path / "st.db") as store:
        first = analyze(inputs, settings=Settings(), store=store)
        count = store.article_count()
        second = analyze(inputs, settings=Settings(), store=store)
        assert store.article_count() == count == len(first.articles)
    assert [a.id for a in first.articles] == [a.id for a in second.articles]


def test_store_round_trips_articles_and_keeps_the_original_input(
    tmp_path: Path, data: Path
) -> None:
    with Store(tmp_path / "st.db") as store:
        report = analyze([str(data / "inputs" / "quake.txt")], settings=Settings(), store=store)
        [article] = report.articles
        assert store.article(article.id) == article
        original = store.original_input(article.id)
    assert original == (data / "inputs" / "quake.txt").read_text(encoding="utf-8")


def test_store_keeps_a_runs_rejections(tmp_path: Path, data: Path) -> None:
    with Store(tmp_path / "st.db") as store:
        analyze([str(data / "bad" / "empty.txt")], settings=Settings(), store=store)
        [rejected] = store.rejected(1)
    assert rejected.reason == "empty file (0 bytes)"


def test_store_an_interrupted_run_leaves_the_store_as_it_was(
    tmp_path: Path, data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store(tmp_path / "st.db") as store:
        analyze([str(data / "inputs" / "quake.txt")], settings=Settings(), store=store)

        def fail(*args: object) -> bytes:
            raise KeyboardInterrupt

        monkeypatch.setattr("storytrace.store.zlib.compress", fail)
        with pytest.raises(KeyboardInterrupt):
            analyze([str(data / "inputs")], settings=Settings(), store=store)
        assert store.article_count() == 1


def test_store_unknown_article_is_not_found(tmp_path: Path) -> None:
    with Store(tmp_path / "st.db") as store, pytest.raises(NotFoundError, match="a404"):
        store.article("a404")


def test_store_refuses_a_file_that_is_not_a_store(tmp_path: Path) -> None:
    path = tmp_path / "not.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="not a storytrace store"):
        Store(path)


def test_store_refuses_a_newer_schema(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    Store(path).close()
    with sqlite3.connect(path) as db:
        db.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match="newer storytrace"):
        Store(path)


def _grouped_store(tmp_path: Path, data: Path) -> tuple[Store, list[str]]:
    store = Store(tmp_path / "st.db")
    report = analyze([str(data / "inputs")], settings=Settings(), store=store)
    quake = [a.id for a in report.articles if "arabic" not in a.source]
    others = [a.id for a in report.articles if "arabic" in a.source]
    store.save_stories(
        [
            StoryAnalysis(Story(id="s-quake", article_ids=tuple(quake), title="Quake")),
            StoryAnalysis(Story(id="s-other", article_ids=tuple(others), title="Other")),
        ]
    )
    return store, quake


def test_store_saves_stories_and_reads_them_back(tmp_path: Path, data: Path) -> None:
    store, quake = _grouped_store(tmp_path, data)
    with store:
        assert store.story_count() == 2
        assert store.story_analysis("s-quake").story.article_ids == tuple(quake)
        assert store.story_of(quake[0]) == "s-quake"


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, {"s-quake", "s-other"}),
        ({"query": "lighthouse"}, {"s-quake"}),
        ({"query": '"Ferry"'}, {"s-quake"}),
        ({"query": 'NEAR( "x* OR'}, set()),
        ({"language": "ar"}, {"s-other"}),
        ({"outlet": "Harbour Press"}, {"s-quake"}),
        ({"language": "fr"}, {"s-quake"}),
        ({"since": "2026-02-04"}, {"s-quake"}),
        ({"until": "2026-02-03T23:59"}, {"s-quake"}),
        ({"query": "no-such-word-anywhere"}, set()),
    ],
)
def test_store_searches_stories_by_text_outlet_language_and_date(
    tmp_path: Path, data: Path, filters: dict[str, str], expected: set[str]
) -> None:
    store, _ = _grouped_store(tmp_path, data)
    with store:
        assert {s.id for s in store.search_stories(**filters)} == expected


def test_store_a_new_grouping_replaces_the_stories_it_overlaps(tmp_path: Path, data: Path) -> None:
    store, quake = _grouped_store(tmp_path, data)
    with store:
        store.save_stories([StoryAnalysis(Story(id="s-new", article_ids=tuple(quake)))])
        assert store.story_of(quake[0]) == "s-new"
        with pytest.raises(NotFoundError):
            store.story_analysis("s-quake")


def test_store_upgrades_a_version_1_store_and_indexes_its_articles(
    tmp_path: Path, data: Path
) -> None:
    path = tmp_path / "old.db"
    with Store(path) as store:
        analyze([str(data / "inputs" / "quake.txt")], settings=Settings(), store=store)
    with sqlite3.connect(path) as db:
        db.execute("DELETE FROM articles_fts")
        db.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    with Store(path) as store:
        [article] = store.articles()
        store.save_stories([StoryAnalysis(Story(id="s", article_ids=(article.id,)))])
        assert [s.id for s in store.search_stories(query="lighthouse")] == ["s"]


def test_store_keeps_corrections_in_order(tmp_path: Path) -> None:
    with Store(tmp_path / "st.db") as store:
        store.add_correction(Correction("merge", ("a1", "a2")))
        store.add_correction(Correction("move", ("a3",), anchor_id="a1"))
        kept = store.corrections()
    assert [(c.kind, c.article_ids, c.anchor_id) for c in kept] == [
        ("merge", ("a1", "a2"), None),
        ("move", ("a3",), "a1"),
    ]
    assert all(c.created_at for c in kept)


def _harbour_lines(body: str) -> str:
    return json.dumps(
        {
            "outlet": "Harbour Lines",
            "title": body.split(".")[0],
            "text": "Harbour Lines: the trade press of the northern ports\n" + body,
        }
    )


def test_store_site_templates_are_learnt_across_runs(tmp_path: Path) -> None:
    bodies = [
        "Dock workers at the north terminal voted to end their strike on Tuesday after "
        "eleven days, the union said in a statement to members.",
        "The port authority approved a new fee schedule for container storage that will "
        "take effect in April, officials told a board meeting.",
        "A dredging contract worth 40 million was awarded to a consortium led by a Dutch "
        "firm, the harbour office announced on Friday.",
    ]
    slogan = "Harbour Lines: the trade press of the northern ports"
    with Store(tmp_path / "st.db") as store:
        texts = []
        for number, body in enumerate(bodies):
            path = tmp_path / f"run{number}.jsonl"
            path.write_text(_harbour_lines(body) + "\n", encoding="utf-8")
            report = analyze([str(path)], settings=Settings(), store=store)
            [article] = [a for a in report.articles if a.source.startswith(str(path))]
            texts.append(article)
    # The first article alone cannot tell a slogan from its text; from the second
    # run on, the stored articles show the line recurring.
    assert slogan in texts[0].text
    for article in texts[1:]:
        assert slogan not in article.text
        assert [p.text for p in article.removed if p.kind == "template"] == [slogan]
