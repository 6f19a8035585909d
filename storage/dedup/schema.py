"""The dedup tables (issue 5), registered as one migration in storage/migrations.py."""
from __future__ import annotations

import sqlite_utils


def m_dedup_stories_projects(db: sqlite_utils.Database) -> None:
    """stories and projects for display; dedup_* tables are the persisted indexes that keep
    per-article cost flat: every lookup is a primary-key range scan, never a table scan."""
    db.executescript(
        """
        CREATE TABLE stories (
            id INTEGER PRIMARY KEY,
            representative_article_id INTEGER,
            title TEXT,
            first_seen TEXT,
            last_seen TEXT,
            article_count INTEGER NOT NULL DEFAULT 0,
            sources TEXT,          -- JSON list of source ids, first reporter first
            languages TEXT         -- JSON list
        );
        CREATE TABLE projects (
            id INTEGER PRIMARY KEY,
            kind TEXT,
            title TEXT,
            status TEXT,           -- of the latest announcement
            sector TEXT,
            regions TEXT,          -- JSON list
            companies TEXT,        -- JSON list
            first_seen TEXT,
            last_seen TEXT,
            announcement_count INTEGER NOT NULL DEFAULT 0,
            story_count INTEGER NOT NULL DEFAULT 0,
            sources TEXT           -- JSON list
        );
        CREATE INDEX articles_story_id ON articles(story_id);
        CREATE INDEX announcements_project_id ON announcements(project_id);
        CREATE TABLE dedup_articles (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            text_hash TEXT NOT NULL,
            minhash BLOB NOT NULL,
            facts TEXT NOT NULL,   -- JSON {key: weight}
            day INTEGER            -- days since 1970-01-01 of publication (or fetch)
        );
        CREATE INDEX dedup_articles_text_hash ON dedup_articles(text_hash);
        CREATE TABLE dedup_bands (
            band INTEGER NOT NULL,
            hash INTEGER NOT NULL,
            article_id INTEGER NOT NULL,
            PRIMARY KEY (band, hash, article_id)
        ) WITHOUT ROWID;
        CREATE TABLE dedup_facts (
            fact TEXT NOT NULL,
            day INTEGER NOT NULL,
            article_id INTEGER NOT NULL,
            PRIMARY KEY (fact, day, article_id)
        ) WITHOUT ROWID;
        CREATE TABLE dedup_project_keys (
            key TEXT NOT NULL,
            project_id INTEGER NOT NULL,
            PRIMARY KEY (key, project_id)
        ) WITHOUT ROWID;
        """
    )
