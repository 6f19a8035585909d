"""Digest editions and the mail outbox: the state that makes "exactly once" checkable.

An *edition* is one rendered digest (usually one a day). Each announcement joins at most one
edition (digest_items has announcement_id as its key), and each recipient gets at most one
outbox message per edition (a partial unique index), so an announcement can reach a recipient
in only one regular digest. The outbox keeps the exact bytes of every message, Message-ID
included, so a retry after a failure or a crash sends the very same message again.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime, timezone

import sqlite_utils

# Outbox states. "sending" is written (and committed) just before the SMTP transaction and
# "sent" just after it: a row found in "sending" means the process died in between.
PENDING, SENDING, SENT, SKIPPED = "pending", "sending", "sent", "skipped"


def m_digest_outbox(db: sqlite_utils.Database) -> None:
    db.executescript(
        """
        CREATE TABLE digest_editions (
            id INTEGER PRIMARY KEY,
            day TEXT NOT NULL,
            created_at TEXT NOT NULL,
            html_path TEXT,
            text_path TEXT,
            data TEXT NOT NULL
        );
        CREATE INDEX digest_editions_day ON digest_editions(day);
        CREATE TABLE digest_items (
            announcement_id INTEGER PRIMARY KEY REFERENCES announcements(id) ON DELETE CASCADE,
            edition_id INTEGER NOT NULL REFERENCES digest_editions(id)
        );
        CREATE INDEX digest_items_edition ON digest_items(edition_id);
        CREATE TABLE digest_recipients (
            address TEXT PRIMARY KEY,
            since_edition INTEGER NOT NULL,
            added_at TEXT NOT NULL
        );
        CREATE TABLE digest_outbox (
            id INTEGER PRIMARY KEY,
            edition_id INTEGER NOT NULL REFERENCES digest_editions(id),
            recipient TEXT NOT NULL,
            message_id TEXT NOT NULL UNIQUE,
            subject TEXT NOT NULL,
            message BLOB NOT NULL,
            status TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            last_error TEXT,
            created_at TEXT NOT NULL,
            sent_at TEXT,
            kind TEXT NOT NULL DEFAULT 'digest',
            resend_of INTEGER REFERENCES digest_outbox(id)
        );
        CREATE UNIQUE INDEX digest_outbox_once ON digest_outbox(edition_id, recipient)
            WHERE kind = 'digest';
        CREATE INDEX digest_outbox_status ON digest_outbox(status);
        """
    )


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def undigested_announcement_ids(db: sqlite_utils.Database) -> list[int]:
    rows = db.execute(
        "SELECT a.id FROM announcements a LEFT JOIN digest_items d ON d.announcement_id = a.id "
        "WHERE d.announcement_id IS NULL ORDER BY a.id"
    ).fetchall()
    return [row[0] for row in rows]


def digested_announcement_ids(db: sqlite_utils.Database) -> set[int]:
    return {row[0] for row in db.execute("SELECT announcement_id FROM digest_items")}


def create_edition(db: sqlite_utils.Database, day: str, data: dict, announcement_ids: Iterable[int],
                   html_path: str, text_path: str) -> int:
    """Record an edition and claim its announcements in one transaction.

    Claiming is an INSERT into a primary key, so two racing writers cannot both claim an
    announcement: the second transaction fails and nothing of it is kept.
    """
    with db.atomic():
        cursor = db.execute(
            "INSERT INTO digest_editions (day, created_at, html_path, text_path, data) VALUES (?, ?, ?, ?, ?)",
            [day, _now(), html_path, text_path, json.dumps(data, ensure_ascii=False)],
        )
        edition_id = cursor.lastrowid
        db.conn.executemany(
            "INSERT INTO digest_items (announcement_id, edition_id) VALUES (?, ?)",
            [(aid, edition_id) for aid in announcement_ids],
        )
    return edition_id


def edition(db: sqlite_utils.Database, edition_id: int) -> dict:
    row = db.execute("SELECT id, day, data FROM digest_editions WHERE id = ?", [edition_id]).fetchone()
    return {"id": row[0], "day": row[1], "data": json.loads(row[2])}


def editions_on(db: sqlite_utils.Database, day: str) -> list[int]:
    return [r[0] for r in db.execute("SELECT id FROM digest_editions WHERE day = ? ORDER BY id", [day])]


def editions_on_day_count(db: sqlite_utils.Database, day: str) -> int:
    return db.execute("SELECT count(*) FROM digest_editions WHERE day = ?", [day]).fetchone()[0]


def register_recipients(db: sqlite_utils.Database, addresses: Iterable[str]) -> None:
    """A recipient seen for the first time starts with the newest edition, not the whole history."""
    latest = db.execute("SELECT coalesce(max(id), 0) FROM digest_editions").fetchone()[0]
    with db.atomic():
        for address in addresses:
            db.execute(
                "INSERT OR IGNORE INTO digest_recipients (address, since_edition, added_at) VALUES (?, ?, ?)",
                [address.lower(), latest, _now()],
            )


def editions_to_enqueue(db: sqlite_utils.Database, address: str) -> list[int]:
    rows = db.execute(
        "SELECT e.id FROM digest_editions e JOIN digest_recipients r ON r.address = ? "
        "WHERE e.id >= r.since_edition AND NOT EXISTS ("
        "  SELECT 1 FROM digest_outbox o WHERE o.edition_id = e.id AND o.recipient = r.address"
        "  AND o.kind = 'digest') ORDER BY e.id",
        [address.lower()],
    ).fetchall()
    return [r[0] for r in rows]


def enqueue(db: sqlite_utils.Database, edition_id: int, recipient: str, message_id: str, subject: str,
            message: bytes, *, status: str = PENDING, resend_of: int | None = None, kind: str = "digest") -> int:
    """Queue one message; a second regular ('digest') message for the same edition and recipient
    violates the unique index, which is the point."""
    with db.atomic():
        cursor = db.execute(
            "INSERT INTO digest_outbox (edition_id, recipient, message_id, subject, message, status, "
            "created_at, kind, resend_of) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [edition_id, recipient.lower(), message_id, subject, message, status, _now(), kind, resend_of],
        )
    return cursor.lastrowid


def unsent(db: sqlite_utils.Database) -> list[dict]:
    """Messages still owed, oldest first; "sending" ones are those a crash interrupted."""
    cursor = db.execute(
        "SELECT id, recipient, message_id, message, status, attempts FROM digest_outbox "
        "WHERE status IN (?, ?) ORDER BY id", [PENDING, SENDING],
    )
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def mark_sending(db: sqlite_utils.Database, outbox_id: int) -> None:
    with db.atomic():
        db.execute("UPDATE digest_outbox SET status = ?, attempts = attempts + 1 WHERE id = ?", [SENDING, outbox_id])


def mark_sent(db: sqlite_utils.Database, outbox_id: int) -> None:
    with db.atomic():
        db.execute("UPDATE digest_outbox SET status = ?, sent_at = ?, last_error = NULL WHERE id = ?",
                   [SENT, _now(), outbox_id])


def mark_failed(db: sqlite_utils.Database, outbox_id: int, error: str) -> None:
    """Back to pending: a failed message is kept and retried on the next run, never dropped."""
    with db.atomic():
        db.execute("UPDATE digest_outbox SET status = ?, last_error = ? WHERE id = ?", [PENDING, error[:500], outbox_id])


def original_message(db: sqlite_utils.Database, edition_id: int, recipient: str) -> dict | None:
    """The regular digest message of an edition for a recipient, if one was queued."""
    cursor = db.execute(
        "SELECT id, message_id, status FROM digest_outbox WHERE edition_id = ? AND recipient = ? "
        "AND kind = 'digest'", [edition_id, recipient.lower()],
    )
    row = cursor.fetchone()
    return dict(zip([c[0] for c in cursor.description], row)) if row else None


def resend_count(db: sqlite_utils.Database, edition_id: int, recipient: str) -> int:
    return db.execute("SELECT count(*) FROM digest_outbox WHERE edition_id = ? AND recipient = ? AND kind = 'resend'",
                      [edition_id, recipient.lower()]).fetchone()[0]
