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


def m_dedup_undated(db: sqlite_utils.Database) -> None:
    """Undated articles (no trustworthy publication date, storage/dating.py) are indexed apart:
    their fetch day only bounds their date from above, so stories probe them over a wide window
    (stories.UNDATED_WINDOW_DAYS) while dated articles keep the narrow, cheap one. Articles
    indexed before this migration without a date move over."""
    db.executescript(
        """
        ALTER TABLE dedup_articles ADD COLUMN undated INTEGER NOT NULL DEFAULT 0;
        CREATE TABLE dedup_undated_facts (
            fact TEXT NOT NULL,
            day INTEGER NOT NULL,  -- the fetch day: the latest the article can be from
            article_id INTEGER NOT NULL,
            PRIMARY KEY (fact, day, article_id)
        ) WITHOUT ROWID;
        UPDATE dedup_articles SET undated = 1
            WHERE article_id IN (SELECT id FROM articles WHERE published IS NULL);
        INSERT OR IGNORE INTO dedup_undated_facts (fact, day, article_id)
            SELECT f.fact, f.day, f.article_id FROM dedup_facts f
            JOIN dedup_articles d ON d.article_id = f.article_id WHERE d.undated = 1;
        DELETE FROM dedup_facts WHERE article_id IN (SELECT article_id FROM dedup_articles WHERE undated = 1);
        """
    )


def m_dedup_project_keys_by_project(db: sqlite_utils.Database) -> None:
    """dedup_project_keys is keyed (key, project_id): looking a project's keys up by project
    (when two projects are joined, when re-extraction removes one) scanned the whole table, a
    cost per article that grew with the database (bench/bench_dedup.py: link_projects 3.6x
    slower at 100,000 stored than at 1,000, 26x on average). An index by project keeps it flat."""
    db.execute("CREATE INDEX IF NOT EXISTS dedup_project_keys_project ON dedup_project_keys(project_id)")
