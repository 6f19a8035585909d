"""Opening the kzmon database: one place that sets the pragmas every connection needs."""
from __future__ import annotations

from pathlib import Path

import sqlite_utils

from .migrations import migrate


def open_db(path: str | Path) -> sqlite_utils.Database:
    """Open (creating if needed) and migrate the database.

    WAL lets the Datasette or CLI reader work while the daily job writes; busy_timeout keeps
    a short overlap from turning into 'database is locked'.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite_utils.Database(path)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA busy_timeout=10000")
    db.execute("PRAGMA foreign_keys=ON")
    db.execute("PRAGMA synchronous=NORMAL")
    migrate(db)
    return db
