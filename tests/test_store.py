from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from storytrace.errors import NotFoundError, StoreError
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
