"""SQLite storage: schema, incremental state, articles, announcements, runs, dedup, queries.

Knows nothing of Scrapy: the crawler hands it plain values.
"""
from .db import open_db

__all__ = ["open_db"]
