"""What the crawler remembers between runs besides articles: the durable frontier.

Discovery pages (feeds, sitemaps, listings): their validators and body hash, for
conditional GET. Article URLs found on them are written as `pending` in the same
transaction that saves the page's validators, so a run killed at any point leaves every
link it found either stored or pending; the next run resumes the pending ones, whether or
not the page changed. Each URL ends as stored (its row is deleted when the article is
written), failed (retried up to MAX_ATTEMPTS), too old for the daily window (skipped by daily
runs, taken by backfill) or not an article.
"""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

import sqlite_utils


MAX_ATTEMPTS = 5


def m_durable_frontier(db: sqlite_utils.Database) -> None:
    db.executescript(
        """
        ALTER TABLE fetch_state ADD COLUMN link TEXT;
        ALTER TABLE fetch_state ADD COLUMN title TEXT;
        ALTER TABLE fetch_state ADD COLUMN reason TEXT;
        ALTER TABLE fetch_state ADD COLUMN meta TEXT;
        CREATE INDEX fetch_state_pending ON fetch_state(source_id, kind, status);
        """
    )


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def discovery_state(db: sqlite_utils.Database, url: str) -> dict[str, Any] | None:
    row = db.execute("SELECT etag, last_modified, body_hash FROM fetch_state WHERE url = ? AND kind = 'discovery'", [url]).fetchone()
    return dict(zip(("etag", "last_modified", "body_hash"), row)) if row else None


def record_discovery(
    db: sqlite_utils.Database,
    source_id: str,
    page_url: str | None,
    validators: tuple[str | None, str | None, str] | None,
    links: list[tuple[str, str, str | None, str | None]],
    children: list[tuple[str, str]] = (),
) -> None:
    """Save a discovery page's validators and the article links it gave, in one transaction.

    `links` are (canonical URL, URL as linked, published hint, title hint). A link known
    already keeps its state: a failed one its attempts; a stored one is not in the frontier.
    `children` are discovery pages it leads to (a sitemap's children, a listing's next page)
    as (URL, JSON of how to read it): pending until read, keeping their validators.
    """
    with db.atomic():
        db.conn.executemany(
            """INSERT INTO fetch_state (url, link, source_id, kind, status, published, title, attempts, checked_at)
               VALUES (?, ?, ?, 'article', 'pending', ?, ?, 0, ?) ON CONFLICT(url) DO NOTHING""",
            [(url, link, source_id, published, title, _now()) for url, link, published, title in links],
        )
        db.conn.executemany(
            """INSERT INTO fetch_state (url, source_id, kind, status, meta, checked_at)
               VALUES (?, ?, 'discovery', 'pending', ?, ?)
               ON CONFLICT(url) DO UPDATE SET status = 'pending', meta = excluded.meta""",
            [(url, source_id, meta, _now()) for url, meta in children],
        )
        if page_url and validators:
            etag, last_modified, body_hash = validators
            db.execute(
                """INSERT INTO fetch_state (url, source_id, kind, status, etag, last_modified, body_hash, checked_at)
                   VALUES (?, ?, 'discovery', 'ok', ?, ?, ?, ?)
                   ON CONFLICT(url) DO UPDATE SET status = 'ok', etag = excluded.etag,
                     last_modified = excluded.last_modified, body_hash = excluded.body_hash,
                     checked_at = excluded.checked_at""",
                [page_url, source_id, etag, last_modified, body_hash, _now()],
            )


def settle_discovery(db: sqlite_utils.Database, url: str) -> None:
    """A pending discovery page was read (unchanged, or past the end): not pending any more."""
    with db.atomic():
        db.execute("UPDATE fetch_state SET status = 'ok', checked_at = ? WHERE url = ? AND kind = 'discovery' "
                   "AND status = 'pending'", [_now(), url])


def pending_discovery(db: sqlite_utils.Database, source_id: str) -> list[tuple[str, str]]:
    """Discovery pages an earlier run queued and never read: (URL, JSON of how to read it)."""
    return [tuple(r) for r in db.execute(
        "SELECT url, meta FROM fetch_state WHERE kind = 'discovery' AND status = 'pending' AND source_id = ? "
        "ORDER BY rowid", [source_id])]


def save_discovery_state(db: sqlite_utils.Database, url: str, source_id: str, etag: str | None, last_modified: str | None, body_hash: str) -> None:
    record_discovery(db, source_id, url, (etag, last_modified, body_hash), [])


def mark_article_url(db: sqlite_utils.Database, url: str, source_id: str, status: str, published: str | None = None,
                     reason: str | None = None, link: str | None = None) -> None:
    """Settle an article URL that was not stored: 'failed', 'too_old' or 'not_article'.

    `url` is the canonical identity; `link` the URL as the site linked it (kept when known),
    which is what the next run requests: a page of an http-only site is retried over http,
    not over the https of its canonical form."""
    with db.atomic():
        db.execute(
            """INSERT INTO fetch_state (url, link, source_id, kind, status, published, reason, attempts, checked_at)
               VALUES (?, ?, ?, 'article', ?, ?, ?, 1, ?)
               ON CONFLICT(url) DO UPDATE SET status = excluded.status,
                 link = coalesce(fetch_state.link, excluded.link),
                 published = coalesce(excluded.published, fetch_state.published), reason = excluded.reason,
                 attempts = fetch_state.attempts + 1, checked_at = excluded.checked_at""",
            [url, link, source_id, status, published, reason, _now()],
        )


def skipped_urls(db: sqlite_utils.Database, source_id: str, backfill_since: str | None) -> set[str]:
    """Article URLs this run should not request again.

    A daily run skips too-old and not-an-article pages; a backfill retries too-old ones
    newer than its start date. Failed pages are always retried (up to 5 attempts).
    """
    rows = db.execute("SELECT url, status, published, attempts FROM fetch_state WHERE kind = 'article' AND source_id = ?", [source_id])
    skip = set()
    for url, status, published, attempts in rows:
        if status == "not_article" or (status == "failed" and attempts >= MAX_ATTEMPTS):
            skip.add(url)
        elif status == "too_old" and (backfill_since is None or (published or "") < backfill_since):
            skip.add(url)
    return skip


def pending_urls(db: sqlite_utils.Database, source_id: str) -> list[tuple[str, str | None, str | None]]:
    """The frontier a run starts from: links found earlier and never settled (a killed run's
    pending ones), and failed ones that deserve another try; (URL as linked, published, title).
    A read only (the crawl reads on its reactor thread); a link stored under another of its
    forms is left out here and dropped from the frontier by `drop_stored_pending`."""
    return [tuple(r) for r in db.execute(
        """SELECT coalesce(link, url), published, title FROM fetch_state WHERE kind = 'article' AND source_id = ?
           AND (status = 'pending' OR (status = 'failed' AND attempts < ?))
           AND NOT (status = 'pending' AND url IN (SELECT url FROM article_urls)) ORDER BY rowid""",
        [source_id, MAX_ATTEMPTS])]


def drop_stored_pending(db: sqlite_utils.Database, source_id: str) -> None:
    """A pending link stored under another of its forms has left the frontier."""
    with db.atomic():
        db.execute("""DELETE FROM fetch_state WHERE kind = 'article' AND source_id = ? AND status = 'pending'
                      AND url IN (SELECT url FROM article_urls)""", [source_id])


def note_unstored(db: sqlite_utils.Database, url: str, reason: str) -> None:
    """An article was fetched but could not be stored: its row stays in the frontier as it was
    (pending, or failed with its attempts) for the next run, with the reason noted. A URL
    without a row (a gov.kz API item, found again by the next run's API pages) gets none."""
    with db.atomic():
        db.execute("UPDATE fetch_state SET reason = ?, checked_at = ? WHERE url = ? AND kind = 'article'",
                   [reason, _now(), url])


def forget_article_url(db: sqlite_utils.Database, url: str) -> None:
    with db.atomic():
        db.execute("DELETE FROM fetch_state WHERE url = ? AND kind = 'article'", [url])
