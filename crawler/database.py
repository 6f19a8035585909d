"""SQLite in a crawl process: reads on the reactor thread, every write on one writer thread.

The reactor thread downloads. If it wrote SQLite itself, another process holding the
database lock (a Datasette user, `kzmon reextract`, a backup) would stall every download for
as long as SQLite waits (busy_timeout). So the spiders, the conditional-GET middleware and
the pipeline only *read* on the reactor thread (WAL readers never wait for a writer), and
hand every write to `CrawlWriter`: one thread with its own connection, fed in order (a
single-thread Twisted ThreadPool: writes keep the order they were submitted in, so an
article is never stored before the discovery page that listed it), each write answered with
a Deferred. A locked database is waited for with a bounded retry (`KZMON_DB_LOCK_WAIT`
seconds, the config's `crawl.db_lock_wait_seconds`); past that the write fails with SQLite's
own 'database is locked', which the caller records (the source's error, the run partial, the
article left pending in the frontier).
"""
from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable
from functools import lru_cache
from typing import Any

import sqlite_utils
from twisted.internet.defer import Deferred
from twisted.python.threadpool import ThreadPool

from kzmon.storage import open_db

DEFAULT_LOCK_WAIT = 60.0  # seconds a write waits for another process's lock before it is recorded as failed


@lru_cache(maxsize=None)
def crawl_db(path: str) -> sqlite_utils.Database:
    """The reactor thread's connection: reads that decide what to fetch."""
    return open_db(path)


def _locked(exc: BaseException) -> bool:
    return isinstance(exc, sqlite3.OperationalError) and any(
        words in str(exc) for words in ("database is locked", "database table is locked", "database is busy"))


class CrawlWriter:
    """One writer thread per crawl process, with its own connection; see the module doc."""

    def __init__(self, path: str, lock_wait: float = DEFAULT_LOCK_WAIT) -> None:
        self.path = path
        self.lock_wait = max(float(lock_wait), 0.1)
        self._db: sqlite_utils.Database | None = None
        self._thread_id: int | None = None
        self.pool = ThreadPool(minthreads=1, maxthreads=1, name="kzmon-sqlite-writer")
        self.pool.start()
        from twisted.internet import reactor  # the one Scrapy installed (imported late on purpose)
        reactor.addSystemEventTrigger("during", "shutdown", self.pool.stop)  # drains the queue first

    def db(self) -> sqlite_utils.Database:
        """The writer's connection; only on the writer thread."""
        if self._db is None:
            self._db = open_db(self.path)
            # Each attempt waits at most the whole bound; run() retries within it.
            self._db.execute(f"PRAGMA busy_timeout={int(min(self.lock_wait, 10.0) * 1000)}")
            self._thread_id = threading.get_ident()
        assert self._thread_id == threading.get_ident(), "the writer connection is used off its thread"
        return self._db

    def run(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """On the writer thread: fn(db, *args, **kwargs), retried while the database is locked,
        up to `lock_wait` seconds in all."""
        deadline = time.monotonic() + self.lock_wait
        while True:
            try:
                return fn(self.db(), *args, **kwargs)
            except sqlite3.OperationalError as exc:
                if not _locked(exc) or time.monotonic() >= deadline:
                    raise
                time.sleep(min(0.2, max(deadline - time.monotonic(), 0.01)))

    def submit(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Deferred:
        """Queue fn(db, *args, **kwargs) for the writer thread; the Deferred fires on the reactor."""
        from twisted.internet import reactor, threads
        return threads.deferToThreadPool(reactor, self.pool, self.run, fn, *args, **kwargs)

    def call(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Deferred:
        """Queue any work (fn(*args, **kwargs), no connection) in the writer's order."""
        from twisted.internet import reactor, threads
        return threads.deferToThreadPool(reactor, self.pool, fn, *args, **kwargs)


_writers: dict[str, CrawlWriter] = {}
_writers_lock = threading.Lock()


def crawl_writer(path: str, lock_wait: float = DEFAULT_LOCK_WAIT) -> CrawlWriter:
    """The crawl process's one writer for this database (shared by all its spiders)."""
    with _writers_lock:
        if path not in _writers:
            _writers[path] = CrawlWriter(path, lock_wait)
        return _writers[path]
