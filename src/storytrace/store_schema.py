"""The tables of a storytrace store (see :mod:`storytrace.store`).

Version 2 added stories, corrections and the full-text index; version 3 the
sentence vectors and parses kept between runs (:mod:`storytrace.vectors`,
:mod:`storytrace.claims.parses`), what each
story's analysis was made with, and the digest of each input (an input read
again unchanged is not cleaned again). Every table is created if missing, so an
older store gains the new ones when it is opened.
"""

SCHEMA_VERSION = 3

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    url TEXT,
    outlet TEXT,
    title TEXT,
    byline TEXT,
    published TEXT,
    language TEXT,
    input_format TEXT NOT NULL,
    text TEXT NOT NULL,
    removed TEXT NOT NULL,
    added_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_outlet ON articles (outlet);
CREATE INDEX IF NOT EXISTS articles_published ON articles (published);
CREATE TABLE IF NOT EXISTS inputs (
    article_id TEXT PRIMARY KEY REFERENCES articles (id),
    source TEXT NOT NULL,
    format TEXT NOT NULL,
    encoding TEXT NOT NULL,
    content BLOB NOT NULL,
    digest TEXT
);
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT NOT NULL,
    inputs TEXT NOT NULL,
    article_ids TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS rejected (
    run_id INTEGER NOT NULL REFERENCES runs (id),
    source TEXT NOT NULL,
    reason TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS stories (
    id TEXT PRIMARY KEY,
    title TEXT,
    first_published TEXT,
    last_published TEXT,
    article_count INTEGER NOT NULL,
    outlets TEXT NOT NULL,
    document TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS stories_first_published ON stories (first_published);
CREATE TABLE IF NOT EXISTS story_articles (
    article_id TEXT PRIMARY KEY REFERENCES articles (id),
    story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS story_articles_story ON story_articles (story_id);
CREATE TABLE IF NOT EXISTS corrections (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS story_fingerprints (
    story_id TEXT PRIMARY KEY REFERENCES stories (id) ON DELETE CASCADE,
    fingerprint TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS parses (
    model TEXT NOT NULL,
    key BLOB NOT NULL,
    doc BLOB NOT NULL,
    PRIMARY KEY (model, key)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS vectors (
    model TEXT NOT NULL,
    key BLOB NOT NULL,
    vector BLOB NOT NULL,
    PRIMARY KEY (model, key)
) WITHOUT ROWID;
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5 (
    title, text, outlet, content='articles', content_rowid='rowid'
);
CREATE TRIGGER IF NOT EXISTS articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, text, outlet)
    VALUES (new.rowid, new.title, new.text, new.outlet);
END;
CREATE TRIGGER IF NOT EXISTS articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text, outlet)
    VALUES ('delete', old.rowid, old.title, old.text, old.outlet);
END;
CREATE TRIGGER IF NOT EXISTS articles_fts_update AFTER UPDATE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text, outlet)
    VALUES ('delete', old.rowid, old.title, old.text, old.outlet);
    INSERT INTO articles_fts (rowid, title, text, outlet)
    VALUES (new.rowid, new.title, new.text, new.outlet);
END;
"""

UPGRADE_TO_3 = "ALTER TABLE inputs ADD COLUMN digest TEXT"
"""Version 3's column in a table version 2 created."""

INDEXES = "CREATE INDEX IF NOT EXISTS inputs_digest ON inputs (digest);"
"""Indexes on columns an upgrade may have added, made after the upgrade."""
