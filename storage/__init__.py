"""SQLite storage: schema, incremental state, articles, announcements, runs, dedup, queries.

Knows nothing of Scrapy: the crawler hands it plain values. `open_db` is imported on first
use: the processing workers import kzmon.storage.dedup for its pure text work and never open
the database, and sqlite_utils costs each of them ~0.1 s at start-up.
"""
from __future__ import annotations

from typing import Any

__all__ = ["open_db"]


def __getattr__(name: str) -> Any:
    if name == "open_db":
        from .db import open_db
        return open_db
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
