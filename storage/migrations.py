"""Schema migrations, applied in order and recorded in PRAGMA user_version.

Why a list of functions and not `create(if_not_exists=True)` scattered around: a user's
database outlives many versions of kzmon, and each change to it must run exactly once, in
order, inside a transaction. Append a new migration; never edit one that has shipped.
"""
from __future__ import annotations

from collections.abc import Callable

import sqlite_utils

from .analyst import m_analyst_views, m_foreign_keys_and_whole_money, m_regions_and_sectors
from .dating import m_published_source
from .dedup.schema import m_dedup_project_keys_by_project, m_dedup_stories_projects, m_dedup_undated
from .outbox import m_digest_outbox
from .pages import m_raw_pages
from .runs import m_links_skipped, m_run_notes
from .state import m_durable_frontier


def m001_core(db: sqlite_utils.Database) -> None:
    db.executescript(
        """
        CREATE TABLE sources (
            id TEXT PRIMARY KEY,
            name TEXT,
            kind TEXT,
            languages TEXT,
            home TEXT
        );
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            url TEXT NOT NULL,
            canonical_url TEXT NOT NULL UNIQUE,
            source_id TEXT NOT NULL REFERENCES sources(id),
            title TEXT,
            published TEXT,
            language TEXT,
            author TEXT,
            text TEXT,
            stem TEXT,
            html_gz BLOB,
            content_hash TEXT,
            fetched_at TEXT NOT NULL,
            story_id INTEGER
        );
        CREATE INDEX articles_source_published ON articles(source_id, published);
        CREATE INDEX articles_content_hash ON articles(content_hash);
        CREATE TABLE article_urls (
            url TEXT PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE
        );
        CREATE TABLE article_links (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            other_url TEXT NOT NULL,
            language TEXT,
            PRIMARY KEY (article_id, other_url)
        );
        CREATE TABLE announcements (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            kind TEXT, title TEXT, status TEXT, sector TEXT,
            regions TEXT, companies TEXT,
            project_count INTEGER, investment_kzt REAL, investment_usd REAL,
            jobs INTEGER, area_m2 REAL, capacity TEXT, period TEXT,
            evidence TEXT,
            project_id INTEGER,
            UNIQUE (article_id, position)
        );
        CREATE TABLE runs (
            id INTEGER PRIMARY KEY,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            status TEXT NOT NULL,
            as_of TEXT,
            stats TEXT
        );
        CREATE TABLE run_sources (
            run_id INTEGER NOT NULL REFERENCES runs(id),
            source_id TEXT NOT NULL,
            pages_fetched INTEGER NOT NULL DEFAULT 0,
            articles_fetched INTEGER NOT NULL DEFAULT 0,
            new_articles INTEGER NOT NULL DEFAULT 0,
            errors INTEGER NOT NULL DEFAULT 0,
            last_error TEXT,
            PRIMARY KEY (run_id, source_id)
        );
        CREATE TABLE fetch_state (
            url TEXT PRIMARY KEY,
            source_id TEXT,
            kind TEXT NOT NULL,
            status TEXT,
            etag TEXT,
            last_modified TEXT,
            body_hash TEXT,
            published TEXT,
            attempts INTEGER NOT NULL DEFAULT 0,
            checked_at TEXT
        );
        """
    )
    db["articles"].enable_fts(["title", "text", "stem"], create_triggers=True, tokenize="unicode61 remove_diacritics 0")


def m_digest_quiet_projects(db: sqlite_utils.Database) -> None:
    """Owned by the digest (kzmon/digest/history.py): projects with no news for a long time."""
    db.executescript(
        """
        CREATE TABLE digest_stalled (
            project_id INTEGER PRIMARY KEY,
            last_news TEXT,          -- the project's last article date when it was marked
            marked_on TEXT NOT NULL, -- the digest day that marked it stalled
            listed_edition INTEGER   -- the edition whose "gone quiet" section listed it (once)
        );
        """
    )


MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [
    m001_core,
    m_digest_outbox,
    m_dedup_stories_projects,
    m_durable_frontier,
    m_links_skipped,
    m_digest_quiet_projects,
    m_run_notes,
    m_foreign_keys_and_whole_money,
    m_regions_and_sectors,
    m_analyst_views,
    m_raw_pages,
    m_published_source,
    m_dedup_undated,
    m_dedup_project_keys_by_project,
]


def migrate(db: sqlite_utils.Database) -> int:
    """Bring the database to the newest schema; returns the version it is now at."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    for number, migration in enumerate(MIGRATIONS[version:], start=version + 1):
        # not db.atomic(): a migration that rebuilds a table (analyst.m_foreign_keys) must run
        # outside a transaction, so each one holds its own; each is idempotent, so one cut off
        # half way is finished at the next start
        with db.conn:
            migration(db)
            db.execute(f"PRAGMA user_version = {number}")
    return len(MIGRATIONS)
