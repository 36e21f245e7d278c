"""The embedded SQLite store that ``analyze`` fills and later commands read.

Writes of one run happen in one transaction, so an interrupted run leaves
the store as it was before; articles are keyed by their content id, so
running again on the same inputs changes nothing. The original input of
every article is kept (compressed) so that nothing the user gave is lost.

>>> with Store(":memory:") as store:
...     store.article_count()
0
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from storytrace.errors import NotFoundError, StoreError
from storytrace.models import (
    Article,
    Correction,
    RawDocument,
    Rejected,
    Removed,
    Story,
    StoryAnalysis,
)
from storytrace.report.document import story_document
from storytrace.report.parse import story_from_document
from storytrace.store_schema import INDEXES, SCHEMA, SCHEMA_VERSION, UPGRADE_TO_3

DEFAULT_PATH = "storytrace.db"

_BUSY_SECONDS = 120.0
"""How long a write waits for another process's write (story workers share the store)."""


@dataclass(frozen=True, slots=True)
class StorySummary:
    """A story as the story list shows it, without its full analysis."""

    id: str
    title: str | None
    first_published: str | None
    last_published: str | None
    article_count: int
    outlets: tuple[str, ...]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _removed_json(removed: Iterable[Removed]) -> str:
    return json.dumps(
        [{"kind": r.kind, "text": r.text, "start": r.start, "end": r.end} for r in removed],
        ensure_ascii=False,
    )


def _article(row: sqlite3.Row) -> Article:
    removed = tuple(
        Removed(kind=item["kind"], text=item["text"], start=item["start"], end=item["end"])
        for item in json.loads(row["removed"])
    )
    return Article(
        id=row["id"],
        source=row["source"],
        text=row["text"],
        url=row["url"],
        outlet=row["outlet"],
        title=row["title"],
        byline=row["byline"],
        published=row["published"],
        language=row["language"],
        removed=removed,
        input_format=row["input_format"],
    )


class Store:
    """A storytrace SQLite database; use as a context manager."""

    def __init__(self, path: str | Path = DEFAULT_PATH) -> None:
        self.path = str(path)
        try:
            if self.path != ":memory:":
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, isolation_level=None, timeout=_BUSY_SECONDS)
        except (sqlite3.Error, OSError) as error:
            raise StoreError(f"cannot open store {self.path}: {error}") from error
        self._db.row_factory = sqlite3.Row
        try:
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA foreign_keys=ON")
            self._db.executescript(SCHEMA)
            self._check_version()
            columns = {row["name"] for row in self._db.execute("PRAGMA table_info(inputs)")}
            if "digest" not in columns:  # a store made before version 3
                self._db.execute(UPGRADE_TO_3)
            self._db.executescript(INDEXES)
        except sqlite3.DatabaseError as error:
            self._db.close()
            raise StoreError(
                f"{self.path} is not a storytrace store ({error}); choose another file with --db"
            ) from error

    def _check_version(self) -> None:
        row = self._db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if row is None:
            self._db.execute(
                "INSERT INTO meta (key, value) VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),)
            )
        elif int(row["value"]) < SCHEMA_VERSION:
            # The new tables were created above; the full-text index of version 2
            # needs the existing articles.
            if int(row["value"]) < 2:
                self._db.execute("INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')")
            self._db.execute(
                "UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION),)
            )
        elif int(row["value"]) > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} was written by a newer storytrace (schema {row['value']}, this "
                f"version reads up to {SCHEMA_VERSION}); upgrade storytrace"
            )

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()

    def save_run(
        self,
        *,
        inputs: Sequence[str],
        articles: Sequence[Article],
        documents: Mapping[str, RawDocument],
        rejected: Sequence[Rejected],
        started_at: str,
        unchanged: Sequence[str] = (),
    ) -> int:
        """Store one run's articles, original inputs and rejections in one transaction.

        ``documents`` maps article ids to the raw documents they came from (kept
        for every article cleaned in the run, changed or not);
        ``unchanged`` names articles the run read that are stored exactly so
        (recorded in the run, not written again). Returns the run's id.
        """
        now = _now()
        with self._transaction():
            cursor = self._db.execute(
                "INSERT INTO runs (started_at, finished_at, inputs, article_ids) VALUES (?,?,?,?)",
                (
                    started_at,
                    now,
                    json.dumps(list(inputs)),
                    json.dumps([a.id for a in articles] + list(unchanged)),
                ),
            )
            run_id = int(cursor.lastrowid or 0)
            self._db.executemany(
                """INSERT INTO articles (id, source, url, outlet, title, byline, published,
                       language, input_format, text, removed, added_at)
                   VALUES (?,?,?,?,?,?,?,?,?,?,?,?)
                   ON CONFLICT (id) DO UPDATE SET source=excluded.source, url=excluded.url,
                       outlet=excluded.outlet, title=excluded.title, byline=excluded.byline,
                       published=excluded.published, language=excluded.language,
                       input_format=excluded.input_format, text=excluded.text,
                       removed=excluded.removed""",
                [
                    (
                        a.id,
                        a.source,
                        a.url,
                        a.outlet,
                        a.title,
                        a.byline,
                        a.published,
                        a.language,
                        a.input_format,
                        a.text,
                        _removed_json(a.removed),
                        now,
                    )
                    for a in articles
                ],
            )
            self._db.executemany(
                """INSERT OR REPLACE INTO inputs (article_id, source, format, encoding, content,
                       digest)
                   VALUES (?,?,?,?,?,?)""",
                [
                    (
                        article_id,
                        doc.source,
                        doc.format,
                        doc.encoding,
                        zlib.compress(doc.content.encode("utf-8")),
                        document_digest(doc),
                    )
                    for article_id, doc in documents.items()
                ],
            )
            self._db.executemany(
                "INSERT INTO rejected (run_id, source, reason) VALUES (?,?,?)",
                [(run_id, r.source, r.reason) for r in rejected],
            )
        return run_id

    def article_count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM articles").fetchone()[0])

    def articles(self, ids: Sequence[str] | None = None) -> list[Article]:
        """Articles by id (in the given order), or all of them ordered by id."""
        if ids is None:
            rows = self._db.execute("SELECT * FROM articles ORDER BY id").fetchall()
            return [_article(row) for row in rows]
        found = {row["id"]: _article(row) for row in self._rows_by_ids(ids)}
        missing = [i for i in ids if i not in found]
        if missing:
            raise NotFoundError(f"no article with id {', '.join(missing)} in {self.path}")
        return [found[i] for i in ids]

    def _rows_by_ids(self, ids: Sequence[str]) -> Iterator[sqlite3.Row]:
        for chunk in _chunks(ids):
            marks = ",".join("?" * len(chunk))
            yield from self._db.execute(f"SELECT * FROM articles WHERE id IN ({marks})", chunk)

    def article(self, article_id: str) -> Article:
        return self.articles([article_id])[0]

    def articles_from_inputs(self, digests: Sequence[str]) -> dict[str, str]:
        """The id of the stored article made from each input digest that is stored."""
        found: dict[str, str] = {}
        for chunk in _chunks(digests):
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(
                f"SELECT digest, article_id FROM inputs WHERE digest IN ({marks})", chunk
            )
            found.update((str(row["digest"]), str(row["article_id"])) for row in rows)
        return found

    def original_input(self, article_id: str) -> str:
        """The input an article was made from, exactly as decoded at ingest."""
        row = self._db.execute(
            "SELECT content FROM inputs WHERE article_id = ?", (article_id,)
        ).fetchone()
        if row is None:
            raise NotFoundError(f"no stored input for article {article_id} in {self.path}")
        return zlib.decompress(row["content"]).decode("utf-8")

    def rejected(self, run_id: int) -> list[Rejected]:
        rows = self._db.execute(
            "SELECT source, reason FROM rejected WHERE run_id = ? ORDER BY rowid", (run_id,)
        )
        return [Rejected(row["source"], row["reason"]) for row in rows]

    def save_stories(self, analyses: Sequence[StoryAnalysis], *, fingerprint: str = "") -> None:
        """Store story analyses; stories they replace (sharing an article) are removed.

        ``fingerprint`` names what the analyses were made with
        (:func:`storytrace.encoders.analysis_fingerprint`). One transaction:
        either every story is stored or none.
        """
        now = _now()
        with self._transaction():
            for analysis in analyses:
                story = analysis.story
                ids = list(story.article_ids)
                for chunk in _chunks(ids):
                    marks = ",".join("?" * len(chunk))
                    self._db.execute(
                        f"""DELETE FROM stories WHERE id IN (SELECT story_id FROM story_articles
                            WHERE article_id IN ({marks}))""",
                        chunk,
                    )
                self._db.execute("DELETE FROM stories WHERE id = ?", (story.id,))
                self._db.execute(
                    """INSERT INTO stories (id, title, first_published, last_published,
                           article_count, outlets, document, updated_at)
                       VALUES (?,?,?,?,?,?,?,?)""",
                    (
                        story.id,
                        story.title,
                        story.first_published,
                        story.last_published,
                        len(ids),
                        json.dumps(list(story.outlets), ensure_ascii=False),
                        json.dumps(story_document(analysis), ensure_ascii=False),
                        now,
                    ),
                )
                self._db.executemany(
                    "INSERT OR REPLACE INTO story_articles (article_id, story_id) VALUES (?,?)",
                    [(article_id, story.id) for article_id in ids],
                )
                self._db.execute(
                    "INSERT OR REPLACE INTO story_fingerprints (story_id, fingerprint) "
                    "VALUES (?,?)",
                    (story.id, fingerprint),
                )

    def story_analysis(self, story_id: str) -> StoryAnalysis:
        """A stored story and everything found in it."""
        row = self._db.execute("SELECT document FROM stories WHERE id = ?", (story_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"no story with id {story_id} in {self.path}")
        return story_from_document(json.loads(row["document"]))

    def stories(self) -> list[Story]:
        """Every stored story (without its analysis), largest first."""
        rows = self._db.execute(
            "SELECT document FROM stories ORDER BY article_count DESC, id"
        ).fetchall()
        return [story_from_document(json.loads(row["document"])).story for row in rows]

    def story_fingerprints(self) -> dict[str, str]:
        """What each stored story's analysis was made with, by story id."""
        rows = self._db.execute("SELECT story_id, fingerprint FROM story_fingerprints")
        return {str(row["story_id"]): str(row["fingerprint"]) for row in rows}

    def story_of(self, article_id: str) -> str | None:
        """The id of the story an article belongs to, if it has been grouped."""
        row = self._db.execute(
            "SELECT story_id FROM story_articles WHERE article_id = ?", (article_id,)
        ).fetchone()
        return None if row is None else str(row["story_id"])

    def story_count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM stories").fetchone()[0])

    def search_stories(
        self,
        *,
        query: str | None = None,
        outlet: str | None = None,
        language: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[StorySummary]:
        """Stories, newest first, with an article matching every filter given.

        ``query`` is full-text search over titles, text and outlets (words,
        all required); ``since`` and ``until`` bound publication dates (ISO).
        """
        conditions: list[str] = []
        parameters: list[Any] = []
        if query and query.strip():
            conditions.append(
                "a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)"
            )
            parameters.append(_fts_query(query))
        for column, value, operator in (
            ("a.outlet", outlet, "="),
            ("a.language", language, "="),
            ("a.published", since, ">="),
            ("a.published", until, "<="),
        ):
            if value:
                conditions.append(f"{column} {operator} ?")
                parameters.append(value)
        where = ""
        if conditions:
            where = f"""WHERE s.id IN (SELECT sa.story_id FROM story_articles sa
                        JOIN articles a ON a.id = sa.article_id
                        WHERE {" AND ".join(conditions)})"""
        rows = self._db.execute(
            f"""SELECT s.id, s.title, s.first_published, s.last_published, s.article_count,
                       s.outlets FROM stories s {where}
                ORDER BY s.first_published IS NULL, s.first_published DESC, s.id
                LIMIT ? OFFSET ?""",
            [*parameters, limit, offset],
        )
        return [
            StorySummary(
                id=row["id"],
                title=row["title"],
                first_published=row["first_published"],
                last_published=row["last_published"],
                article_count=row["article_count"],
                outlets=tuple(json.loads(row["outlets"])),
            )
            for row in rows
        ]

    def add_correction(self, correction: Correction) -> Correction:
        """Keep an analyst's correction; returns it with its time of recording."""
        stamped = replace(correction, created_at=correction.created_at or _now())
        payload = {"article_ids": list(stamped.article_ids), "anchor_id": stamped.anchor_id}
        self._db.execute(
            "INSERT INTO corrections (kind, payload, created_at) VALUES (?,?,?)",
            (stamped.kind, json.dumps(payload), stamped.created_at),
        )
        return stamped

    def corrections(self) -> list[Correction]:
        """Every correction, oldest first: later ones win where they conflict."""
        rows = self._db.execute("SELECT kind, payload, created_at FROM corrections ORDER BY id")
        corrections = []
        for row in rows:
            payload = json.loads(row["payload"])
            corrections.append(
                Correction(
                    kind=row["kind"],
                    article_ids=tuple(payload["article_ids"]),
                    anchor_id=payload["anchor_id"],
                    created_at=row["created_at"],
                )
            )
        return corrections

    def load_vectors(self, model: str, keys: Sequence[bytes]) -> dict[bytes, bytes]:
        """Stored vectors (float16 bytes) of ``model`` for those of ``keys`` it has."""
        return self._load_blobs("vectors", "vector", model, keys)

    def _load_blobs(
        self, table: str, column: str, model: str, keys: Sequence[bytes]
    ) -> dict[bytes, bytes]:
        found: dict[bytes, bytes] = {}
        for start in range(0, len(keys), 500):
            chunk = list(keys[start : start + 500])
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(
                f"SELECT key, {column} AS blob FROM {table} WHERE model = ? AND key IN ({marks})",
                [model, *chunk],
            )
            found.update((bytes(row["key"]), bytes(row["blob"])) for row in rows)
        return found

    def save_vectors(self, model: str, vectors: Iterable[tuple[bytes, bytes]]) -> None:
        """Keep ``(key, float16 bytes)`` pairs of ``model``, in one transaction."""
        with self._transaction():
            self._db.executemany(
                "INSERT OR REPLACE INTO vectors (model, key, vector) VALUES (?,?,?)",
                ((model, key, vector) for key, vector in vectors),
            )

    def load_parses(self, model: str, keys: Sequence[bytes]) -> dict[bytes, bytes]:
        """Stored spaCy parses (compressed ``Doc`` bytes) of ``model`` for those of ``keys``."""
        return self._load_blobs("parses", "doc", model, keys)

    def save_parses(self, model: str, parses: Iterable[tuple[bytes, bytes]]) -> None:
        """Keep ``(key, compressed Doc bytes)`` pairs of ``model``, in one transaction."""
        with self._transaction():
            self._db.executemany(
                "INSERT OR REPLACE INTO parses (model, key, doc) VALUES (?,?,?)",
                ((model, key, doc) for key, doc in parses),
            )

    def vector_count(self, model: str | None = None) -> int:
        """How many vectors are stored (of ``model``, or of every model)."""
        if model is None:
            row = self._db.execute("SELECT count(*) FROM vectors").fetchone()
        else:
            row = self._db.execute("SELECT count(*) FROM vectors WHERE model = ?", (model,))
            row = row.fetchone()
        return int(row[0])

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """One write transaction: committed if the block ends, rolled back if it raises."""
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def outlets(self) -> list[str]:
        """Every outlet in the store, for filters."""
        rows = self._db.execute(
            "SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL ORDER BY outlet"
        )
        return [str(row["outlet"]) for row in rows]


def document_digest(document: RawDocument) -> str:
    """What an input was, in one string: its content, where it came from and its metadata."""
    return hashlib.sha256(repr(document).encode("utf-8", "surrogatepass")).hexdigest()


def _chunks(items: Sequence[str], size: int = 500) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield list(items[start : start + size])


def _fts_query(text: str) -> str:
    """Words of a user's query as FTS5 strings, so no character is FTS syntax."""
    words = text.split()
    return " ".join('"' + word.replace('"', '""') + '"' for word in words)
