"""What the crawler remembers between runs besides articles.

Discovery pages (feeds, sitemaps, listings): their validators and body hash, for
conditional GET. Article URLs that did not become articles: failed (retried next run),
too old for the daily window (skipped by daily runs, taken by backfill), not an article.
"""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

import sqlite_utils


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def discovery_state(db: sqlite_utils.Database, url: str) -> dict[str, Any] | None:
    row = db.execute("SELECT etag, last_modified, body_hash FROM fetch_state WHERE url = ? AND kind = 'discovery'", [url]).fetchone()
    return dict(zip(("etag", "last_modified", "body_hash"), row)) if row else None


def save_discovery_state(db: sqlite_utils.Database, url: str, source_id: str, etag: str | None, last_modified: str | None, body_hash: str) -> None:
    with db.conn:
        db["fetch_state"].upsert({
            "url": url, "source_id": source_id, "kind": "discovery", "status": "ok", "etag": etag,
            "last_modified": last_modified, "body_hash": body_hash, "checked_at": _now(),
        }, pk="url")


def mark_article_url(db: sqlite_utils.Database, url: str, source_id: str, status: str, published: str | None = None) -> None:
    """Remember an article URL that was not stored: 'failed', 'too_old' or 'not_article'."""
    with db.conn:
        db.execute(
            """INSERT INTO fetch_state (url, source_id, kind, status, published, attempts, checked_at)
               VALUES (?, ?, 'article', ?, ?, 1, ?)
               ON CONFLICT(url) DO UPDATE SET status = excluded.status, published = excluded.published,
                 attempts = fetch_state.attempts + 1, checked_at = excluded.checked_at""",
            [url, source_id, status, published, _now()],
        )


def skipped_urls(db: sqlite_utils.Database, source_id: str, backfill_since: str | None) -> set[str]:
    """Article URLs this run should not request again.

    A daily run skips too-old and not-an-article pages; a backfill retries too-old ones
    newer than its start date. Failed pages are always retried (up to 5 attempts).
    """
    rows = db.execute("SELECT url, status, published, attempts FROM fetch_state WHERE kind = 'article' AND source_id = ?", [source_id])
    skip = set()
    for url, status, published, attempts in rows:
        if status == "not_article" or (status == "failed" and attempts >= 5):
            skip.add(url)
        elif status == "too_old" and (backfill_since is None or (published or "") < backfill_since):
            skip.add(url)
    return skip


def pending_urls(db: sqlite_utils.Database, source_id: str) -> list[str]:
    """Article URLs that failed before and deserve another try."""
    return [r[0] for r in db.execute(
        "SELECT url FROM fetch_state WHERE kind = 'article' AND source_id = ? AND status = 'failed' AND attempts < 5", [source_id])]


def forget_article_url(db: sqlite_utils.Database, url: str) -> None:
    with db.conn:
        db.execute("DELETE FROM fetch_state WHERE url = ? AND kind = 'article'", [url])
