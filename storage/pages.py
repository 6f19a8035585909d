"""Raw pages: what the crawl fetched, kept until the processing stage has turned it into an
article (or settled why not).

The crawl stage only discovers, fetches and stores: each fetched article page is written here
(gzip'd HTML, or a gov.kz API item's body, with the hints discovery gave) as `raw`, in one
transaction on the crawl's writer thread; its frontier row (fetch_state, `pending`) stays as
it is. The processing stage (kzmon/processing.py) reads raw pages in fetch order, runs the
text layer and the extractor in worker processes, stores the article in the parent (the one
writer: store_article, dedup) and then marks the page `processed` (its HTML dropped: the
article keeps it) or `failed` (with the reason). A run killed between the stages leaves its
pages `raw`; the next run processes them before it crawls. Processing one page twice is
harmless: store_article refuses a URL already stored.
"""
from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any, Iterator

import sqlite_utils


def m_raw_pages(db: sqlite_utils.Database) -> None:
    db.executescript(
        """
        CREATE TABLE pages (
            id INTEGER PRIMARY KEY,          -- fetch order
            url TEXT NOT NULL UNIQUE,        -- canonical form of the URL as linked (the frontier's key)
            source_id TEXT NOT NULL,
            run_id INTEGER,
            requested_url TEXT NOT NULL,     -- as linked, before redirects
            fetched_url TEXT NOT NULL,       -- after redirects
            html_gz BLOB,                    -- gzip'd page (or API item body); NULL once processed
            hints TEXT,                      -- JSON: what discovery knew (date, title, language, api)
            status TEXT NOT NULL DEFAULT 'raw',   -- raw | processed | failed
            reason TEXT,
            fetched_at TEXT NOT NULL,
            processed_at TEXT
        );
        CREATE INDEX pages_status ON pages(status, id);
        """
    )


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def store_raw_page(db: sqlite_utils.Database, url: str, source_id: str, run_id: int | None, requested_url: str,
                   fetched_url: str, html_gz: bytes, hints: dict[str, Any]) -> None:
    """A fetched page, durable before anything is made of it (one transaction)."""
    with db.atomic():
        db.execute(
            """INSERT INTO pages (url, source_id, run_id, requested_url, fetched_url, html_gz, hints, status, fetched_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, 'raw', ?)
               ON CONFLICT(url) DO UPDATE SET source_id = excluded.source_id, run_id = excluded.run_id,
                 requested_url = excluded.requested_url, fetched_url = excluded.fetched_url,
                 html_gz = excluded.html_gz, hints = excluded.hints, status = 'raw', reason = NULL,
                 fetched_at = excluded.fetched_at, processed_at = NULL""",
            [url, source_id, run_id, requested_url, fetched_url, html_gz, json.dumps(hints, ensure_ascii=False), _now()])


def raw_page_ids(db: sqlite_utils.Database) -> list[int]:
    return [r[0] for r in db.execute("SELECT id FROM pages WHERE status = 'raw' ORDER BY id")]


def load_raw_pages(db: sqlite_utils.Database, ids: list[int]) -> Iterator[dict[str, Any]]:
    """The raw pages with these ids, in fetch order."""
    if not ids:
        return iter(())
    rows = db.execute(f"""SELECT id, url, source_id, run_id, requested_url, fetched_url, html_gz, hints FROM pages
                          WHERE id IN ({','.join('?' * len(ids))}) AND status = 'raw' ORDER BY id""", ids)
    keys = ("id", "url", "source_id", "run_id", "requested_url", "fetched_url", "html_gz", "hints")
    return ({**dict(zip(keys, row)), "hints": json.loads(row[7] or "{}")} for row in rows.fetchall())


def settle_page(db: sqlite_utils.Database, page_id: int, status: str, reason: str | None = None) -> None:
    """processed (the HTML is dropped: a stored article keeps its own copy) or failed (kept)."""
    with db.atomic():
        if status == "processed":
            db.execute("UPDATE pages SET status = 'processed', html_gz = NULL, reason = ?, processed_at = ? WHERE id = ?",
                       [reason, _now(), page_id])
        else:
            db.execute("UPDATE pages SET status = ?, reason = ?, processed_at = ? WHERE id = ?",
                       [status, reason, _now(), page_id])


def raw_urls(db: sqlite_utils.Database, urls: list[str]) -> set[str]:
    """Which of these canonical URLs are fetched and waiting for the processing stage."""
    found: set[str] = set()
    for start in range(0, len(urls), 500):
        chunk = urls[start:start + 500]
        found.update(r[0] for r in db.execute(
            f"SELECT url FROM pages WHERE status = 'raw' AND url IN ({','.join('?' * len(chunk))})", chunk))
    return found
