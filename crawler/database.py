"""One SQLite connection per crawl process.

Spiders, the conditional-GET middleware and the pipeline all run on the reactor thread of
one child process; sharing one connection keeps their writes in one ordered stream instead
of dozens of connections contending for the same file.
"""
from __future__ import annotations

from functools import lru_cache

import sqlite_utils

from storage import open_db


@lru_cache(maxsize=None)
def crawl_db(path: str) -> sqlite_utils.Database:
    return open_db(path)
