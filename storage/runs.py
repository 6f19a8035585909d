"""Runs and per-source outcomes: the record of what each daily job did, and source health."""
from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from typing import Any

import sqlite_utils


def m_links_skipped(db: sqlite_utils.Database) -> None:
    """Per source and run: links the fetch policy refused (crawler/policy.py), skipped, not fetched."""
    db.execute("ALTER TABLE run_sources ADD COLUMN links_skipped INTEGER NOT NULL DEFAULT 0")


def m_run_notes(db: sqlite_utils.Database) -> None:
    """Per source and run: notes on how discovery went that are no error (why a pager stopped)."""
    db.execute("ALTER TABLE run_sources ADD COLUMN notes TEXT")


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def sync_sources(db: sqlite_utils.Database, sources: list[dict[str, Any]]) -> None:
    """Mirror the configured sources into the database (for joins, Datasette, health)."""
    with db.atomic():
        for source in sources:
            db["sources"].upsert({**source, "languages": json.dumps(source.get("languages", []))}, pk="id")


def start_run(db: sqlite_utils.Database, as_of: str | None = None) -> int:
    with db.atomic():
        return db["runs"].insert({"started_at": _now(), "status": "running", "as_of": as_of}).last_pk


def record_source(db: sqlite_utils.Database, run_id: int, source_id: str, **counts: Any) -> None:
    """Add to a source's counters for this run (called as the crawl goes, so a crash keeps them)."""
    cols = ("pages_fetched", "articles_fetched", "new_articles", "errors", "links_skipped")
    values = [int(counts.get(c, 0)) for c in cols]
    with db.atomic():
        db.execute(
            f"""INSERT INTO run_sources (run_id, source_id, {', '.join(cols)}, last_error, notes)
                VALUES (?, ?, {', '.join('?' for _ in cols)}, ?, ?)
                ON CONFLICT(run_id, source_id) DO UPDATE SET
                {', '.join(f'{c} = {c} + excluded.{c}' for c in cols)},
                last_error = COALESCE(excluded.last_error, last_error),
                notes = CASE WHEN excluded.notes IS NULL THEN notes WHEN notes IS NULL THEN excluded.notes
                             ELSE notes || '; ' || excluded.notes END""",
            [run_id, source_id, *values, counts.get("last_error"), counts.get("notes")],
        )


def close_interrupted_runs(db: sqlite_utils.Database) -> list[int]:
    """Runs still marked `running` whose process is gone (killed, power lost): closed as
    `interrupted`. Call only when no live process holds the job lock (kzmon/lock.py)."""
    with db.atomic():
        ids = [row[0] for row in db.execute("SELECT id FROM runs WHERE status = 'running' ORDER BY id")]
        for run_id in ids:
            db.execute("UPDATE runs SET status = 'interrupted', finished_at = ?, stats = coalesce(stats, ?) WHERE id = ?",
                       [_now(), json.dumps({"interrupted": "its process ended without finishing the run"}), run_id])
    return ids


def finish_run(db: sqlite_utils.Database, run_id: int, status: str, stats: dict[str, Any]) -> None:
    with db.atomic():
        db["runs"].update(run_id, {"finished_at": _now(), "status": status, "stats": json.dumps(stats, ensure_ascii=False)})


def run_sources(db: sqlite_utils.Database, run_id: int) -> list[dict[str, Any]]:
    return list(db.query("SELECT * FROM run_sources WHERE run_id = ? ORDER BY source_id", [run_id]))


def source_health(db: sqlite_utils.Database, now: datetime | None = None, days: int = 14) -> list[dict[str, Any]]:
    """Per source: last successful run, last new article, articles per day, last error."""
    now = now or datetime.now(timezone.utc)
    since = (now - timedelta(days=days)).isoformat()
    rows = db.query(
        """SELECT s.id, s.name,
             (SELECT MAX(r.started_at) FROM run_sources rs JOIN runs r ON r.id = rs.run_id
               WHERE rs.source_id = s.id AND rs.errors = 0) AS last_ok_run,
             (SELECT MAX(fetched_at) FROM articles a WHERE a.source_id = s.id) AS last_new_article,
             (SELECT COUNT(*) FROM articles a WHERE a.source_id = s.id AND a.fetched_at >= :since) AS recent_articles,
             (SELECT rs.last_error FROM run_sources rs WHERE rs.source_id = s.id AND rs.errors > 0
               ORDER BY rs.run_id DESC LIMIT 1) AS last_error,
             (SELECT rs.errors FROM run_sources rs WHERE rs.source_id = s.id ORDER BY rs.run_id DESC LIMIT 1) AS last_run_errors
           FROM sources s ORDER BY s.id""",
        {"since": since},
    )
    out = []
    for row in rows:
        row["articles_per_day"] = round(row.pop("recent_articles") / days, 2)
        out.append(row)
    return out
