"""The processing stage: stored raw pages -> text, announcements, stories.

The crawl stage only fetches and stores raw pages (storage/pages.py), so downloads never wait
for CPU work. This stage turns them into articles on a pool of worker processes, one per
core: the text layer (trafilatura), the announcement extractor and the stemmer are pure
functions and run in the workers; dedup and storage run here, in the parent, the single
writer, in fetch order (results are taken in the order the pages were fetched, whatever
worker finishes first). `kzmon reextract` uses the same pool (`ordered_map`) for its
extractor runs.

While the crawl runs, the pool's warm fork server starts with it (trafilatura and the extractor
are imported and warmed, under a second, while the crawl child starts), the first raw page
starts the workers, and this process only feeds them and stores: it never extracts a page
itself, which would stall the pool behind its imports. After the crawl, a handful of pages left
is done in this process: starting workers would cost more than it saves.
"""
from __future__ import annotations

import gzip
import multiprocessing
import os
import signal
import sqlite3
import sys
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from typing import Any

KZ_TIME = timezone(timedelta(hours=5))
INLINE_BELOW = 12        # fewer pages than this: no worker processes
IN_FLIGHT_PER_WORKER = 8  # pages handed to the pool ahead of the one being stored (bounds memory)
BATCH = 64               # raw pages read from the database at a time
LOCK_WAIT = 60.0         # seconds a store waits for another process's lock before it is recorded as failed


def worker_count() -> int:
    """One worker per core this process may use."""
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:  # not Linux
        return max(os.cpu_count() or 1, 1)


# -- in the workers: pure ---------------------------------------------------------------
def extract_raw(page: dict[str, Any], window_start: date | None) -> dict[str, Any]:
    """One raw page -> what to store (a worker's whole job; no database, no network).

    The same steps the crawl's pipeline took before the stages were split: the text layer
    (or the gov.kz item's body), the window, the canonical URL, announcements, the stem."""
    from kzmon.crawler.urls import canonical_url, same_site
    from kzmon.extract.announcements import extract_announcements
    from kzmon.extract.stemming import stem_text
    from kzmon.extract.text import extract_page, page_from_api_item
    from kzmon.storage.dedup.stories import text_work

    hints = page.get("hints") or {}
    hint_published = datetime.fromisoformat(hints["hint_published"]) if hints.get("hint_published") else None
    body = gzip.decompress(page["html_gz"]).decode("utf-8", "replace") if page.get("html_gz") else ""
    if hints.get("api"):
        found = page_from_api_item(hints.get("hint_title") or "", body, hint_published, hints.get("hint_language"),
                                   page["fetched_url"])
    else:
        found = extract_page(body, page["fetched_url"])
    if found is None:
        return {"outcome": "not_article"}
    published = found.published or hint_published
    if published is not None and window_start is not None and published.astimezone(KZ_TIME).date() < window_start:
        return {"outcome": "too_old", "published": published.date().isoformat()}
    fetched = canonical_url(page["fetched_url"])
    canonical = fetched
    if found.canonical_url and same_site(found.canonical_url, page["fetched_url"]):
        canonical = canonical_url(found.canonical_url)
    local_day = published.astimezone(KZ_TIME).date() if published else None
    records = extract_announcements(found.text, local_day, found.language, found.title)
    title = found.title or hints.get("hint_title")
    return {"outcome": "article", "record": {
        "url": page["fetched_url"], "canonical_url": canonical, "aliases": [canonical_url(page["requested_url"]), fetched],
        "title": title, "published": published.isoformat() if published else None,
        "published_source": found.published_source if found.published else "feed" if published else None,
        "language": found.language, "author": found.author, "text": found.text,
        "stem": stem_text(f"{found.title or ''}\n{found.text}", found.language),
        "alternates": found.alternates, "announcements": records,
        # dedup's pure part (signature, facts of the text); the parent only probes and writes
        "dedup_work": text_work(title, found.text, found.language)}}


def announcements_of(article: dict[str, Any]) -> list[dict[str, Any]]:
    """The extractor's records for a stored article (`kzmon reextract`'s work in a worker)."""
    from kzmon.extract.announcements import extract_announcements

    day = date.fromisoformat(article["published"][:10]) if article.get("published") else None
    return extract_announcements(article.get("text") or "", day, article.get("language"), article.get("title"))


# The process that ran _warm(): this one, or for a worker forked from the warm fork server, the server
_warmed_in: int | None = None


def _warm() -> None:
    """Import the heavy modules, while the parent is still reading pages: once in the fork
    server (kzmon/worker_warm.py), whose forked workers inherit it and skip this, or once per
    worker where each one is spawned."""
    global _warmed_in
    if _warmed_in is not None:
        return
    import kzmon.extract.announcements  # noqa: F401
    import kzmon.extract.stemming  # noqa: F401
    import kzmon.extract.text  # noqa: F401
    import kzmon.storage.dedup.stories  # noqa: F401
    import trafilatura  # noqa: F401

    # The first page's lazy set-up (the gazetteer and cue regexes, dateparser's locales, the
    # stemmers, trafilatura's first run) is paid here too, on built-in samples in each
    # language, so that it overlaps the crawl instead of delaying the first pages.
    for lang, sample in _WARM_SAMPLES.items():
        html = ("<html><head><title>Sample</title></head><body><article><h1>Sample</h1>"
                + "".join(f"<p>{sample}</p>" for _ in range(3)) + "</article></body></html>")
        try:
            extract_raw({"html_gz": gzip.compress(html.encode()), "fetched_url": f"https://example.kz/{lang}/1",
                         "requested_url": f"https://example.kz/{lang}/1"}, None)
        except Exception:  # noqa: BLE001 - warming is best effort; the real page reports its own errors
            pass
    from kzmon.extract.dates import warm_dateparser
    warm_dateparser()
    _warmed_in = os.getpid()


_WARM_SAMPLES = {
    "en": "On 12 March 2024 the company announced it will build a $120 million cement plant in the Pavlodar "
          "region, creating 300 jobs; construction starts in May and the plant will produce 1 million tonnes a year.",
    "ru": "12 марта 2024 года компания объявила о строительстве завода стоимостью 50 млрд тенге в Карагандинской "
          "области; на предприятии будет создано 300 рабочих мест, запуск запланирован на 2025 год.",
    "kk": "2024 жылғы 12 наурызда компания Павлодар облысында құны 50 млрд теңге болатын зауыт салатынын "
          "хабарлады; кәсіпорында 300 жұмыс орны ашылады, іске қосу 2025 жылға жоспарланған.",
}


# -- the pool ---------------------------------------------------------------------------
def _start_method() -> str:
    """"forkserver" on Linux, else "spawn" (the fork server is only used, and its stopping and
    CPU accounting only tested, where the job runs: Linux).

    Either way a worker inherits nothing from this process (no reactor, no SQLite handle): the
    fork server is a fresh interpreter too. Forking the workers from it, warmed once by
    importing kzmon/worker_warm.py, saves each worker its own start-up (about a second of CPU
    each: the imports and `_warm()`); spawned workers pay it one by one."""
    if sys.platform.startswith("linux") and "forkserver" in multiprocessing.get_all_start_methods():
        return "forkserver"
    return "spawn"


def _fork_server_pid() -> int | None:
    from multiprocessing import forkserver
    return getattr(getattr(forkserver, "_forkserver", None), "_forkserver_pid", None)


def _start_fork_server() -> bool:
    """Start the warm fork server, unless one runs already; True if this call started it (its
    starter stops it: `_stop_fork_server`). It warms in its own process: this returns at once,
    and the first worker asked for waits for the warm-up to end."""
    from multiprocessing import forkserver
    if _start_method() != "forkserver" or _fork_server_pid() is not None:
        return False
    forkserver.set_forkserver_preload(["kzmon.worker_warm"])
    forkserver.ensure_running()
    return True


def _stop_fork_server(now: bool = False) -> None:
    """Stop the fork server (multiprocessing's one per process) and reap it, so that its CPU,
    and its reaped workers', count in this process's RUSAGE_CHILDREN like spawned workers' did
    (kzmon/job.py's `workers_cpu_s`), and its memory is not held after the pool. `_stop` is
    private (CPython's own tests use it): without it the server lingers until this process
    exits, which is harmless. `now`: a server that forked nothing is terminated rather than
    asked, so that a quiet day does not wait for a warm-up it will not use."""
    from multiprocessing import forkserver
    pid = _fork_server_pid()
    if now and pid is not None:
        try:
            os.kill(pid, signal.SIGTERM)
        except OSError:
            pass
    stop = getattr(getattr(forkserver, "_forkserver", None), "_stop", None)
    if stop is not None:
        try:
            stop()
        except OSError:
            pass


class WorkerPool:
    """ProcessPoolExecutor whose results are taken in submission order, with a bounded number
    of items in flight. Its workers are forked from a warm fork server (see `_start_method`),
    or spawned and warmed one by one (initializer `_warm`, a no-op in a forked worker).

    The fork server is multiprocessing's, one per process: the pool that starts it stops it on
    close, so each pool (a job's processing stage, one `kzmon reextract`) warms once and leaves
    nothing behind; a server someone else started is used as it is and left running."""

    def __init__(self, workers: int | None = None, *, owns_fork_server: bool = False) -> None:
        self.workers = workers or worker_count()
        method = _start_method()
        # a server the caller started ahead (Processor.start_warming) is this pool's to stop
        self.owns_fork_server = method == "forkserver" and (_start_fork_server() or owns_fork_server)
        self.pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context(method),
                                        initializer=_warm)

    def ordered(self, fn: Callable[..., Any], items: Iterable[Any], *args: Any) -> Iterator[tuple[Any, Future]]:
        """(item, its finished future) in the order of `items`; fn(item, *args) runs in a worker."""
        window: deque[tuple[Any, Future]] = deque()
        limit = self.workers * IN_FLIGHT_PER_WORKER
        for item in items:
            window.append((item, self.pool.submit(fn, item, *args)))
            if len(window) >= limit:
                item_done, future = window.popleft()
                future.exception()  # wait
                yield item_done, future
        while window:
            item_done, future = window.popleft()
            future.exception()
            yield item_done, future

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)
        if self.owns_fork_server:
            _stop_fork_server()


class _Done(Future):
    """A finished future for work done in this process."""

    def __init__(self, fn: Callable[..., Any], *args: Any) -> None:
        super().__init__()
        try:
            self.set_result(fn(*args))
        except Exception as exc:  # noqa: BLE001 - reported per item, like a worker's
            self.set_exception(exc)


def ordered_map(fn: Callable[..., Any], items: list[Any], *args: Any, workers: int | None = None) -> Iterator[tuple[Any, Future]]:
    """fn(item, *args) for every item, results in order; on the pool unless the list is short."""
    if len(items) < INLINE_BELOW or (workers or worker_count()) <= 1:
        for item in items:
            yield item, _Done(fn, item, *args)
        return
    pool = WorkerPool(workers)
    try:
        yield from pool.ordered(fn, items, *args)
    finally:
        pool.close()


# -- in the parent: the single writer ---------------------------------------------------
@dataclass
class Processed:
    pages: int = 0
    counts: dict[str, Counter] = field(default_factory=dict)  # source -> new_articles, announcements, errors
    last_error: dict[str, str] = field(default_factory=dict)
    interrupted: bool = False

    def count(self, source_id: str, key: str, n: int = 1) -> None:
        self.counts.setdefault(source_id, Counter())[key] += n

    @property
    def new_articles(self) -> int:
        return sum(c["new_articles"] for c in self.counts.values())


def _warm_writer() -> None:
    """This process's own first-article set-up, done at the crawl's first wait: no page can
    be stored before the crawl child has started and downloaded one, and dedup's first record
    (place names through the gazetteer's pattern, about 0.3 s to compile; concepts; name
    keys) would otherwise hold up the single writer while the workers' results queue up."""
    from kzmon.storage.dedup.identity import name_keys, title_concepts, towns

    sample = {"title": "Цементный завод Standard Cement в Шымкенте", "companies": ["Standard Cement"],
              "evidence": "В Шымкенте построят цементный завод."}
    name_keys(sample), title_concepts(sample), towns(sample)


class Processor:
    """The processing stage over the raw pages, fed as they arrive: `step()` while the crawl
    runs (never blocks: settles the pages whose work is done, hands new raw pages to the
    pool), `finish()` once it has ended (everything left, in order). The pool starts only
    when there are enough pages to pay for it."""

    def __init__(self, db: Any, *, run_id: int | None, window_start: date | None, workers: int | None = None,
                 stop: Callable[[], bool] = lambda: False) -> None:
        self.db, self.run_id, self.window_start, self.stop = db, run_id, window_start, stop
        self.workers = workers or worker_count()
        self.pool: WorkerPool | None = None
        self.window: deque[tuple[dict[str, Any], Future]] = deque()
        self.submitted: set[int] = set()
        self.last_id = 0
        self.done = Processed()
        self.owns_fork_server = False
        self.writer_warm = False

    def start_warming(self) -> None:
        """Start the workers' warm fork server now, before the crawl stores its first page.

        Its interpreter, imports and first-page set-up (about a second of CPU) then overlap
        the crawl child's own start-up, on the core that start-up leaves idle, instead of
        holding back the first page handed to the pool (on the 181-page bench the pool had
        taken nothing until the downloads were done). A day with nothing new pays that CPU
        for nothing, on the other core: its wall time and first request do not move."""
        if self.workers > 1 and self.pool is None and _start_method() == "forkserver":
            self.owns_fork_server = _start_fork_server()

    def _limit(self) -> int:
        return max(self.workers, 1) * IN_FLIGHT_PER_WORKER

    def _submit_new(self, sweep: bool = False, crawling: bool = False) -> int:
        """Hand raw pages not handed yet to the pool, up to the in-flight bound.

        While the crawl runs (`crawling`) nothing is done in this process: the first raw page
        starts the pool, whose workers import while the crawl goes on. Doing a first page here
        instead cost the loop that feeds the pool the import of trafilatura and the extractor
        (seconds in which no page was handed on: the whole 181-page bench ran after its crawl)."""
        from kzmon.storage.pages import load_raw_pages, raw_page_ids
        room = self._limit() - len(self.window)
        if room <= 0:
            return 0
        if sweep:  # a page fetched again keeps its old id: a last look behind the cursor
            ids = [i for i in raw_page_ids(self.db) if i not in self.submitted][:room]
        else:
            ids = [r[0] for r in self.db.execute("SELECT id FROM pages WHERE status = 'raw' AND id > ? ORDER BY id LIMIT ?",
                                                 [self.last_id, room])]
        if not ids:
            return 0
        if self.pool is None and self.workers > 1 and (crawling or len(self.submitted) + len(ids) >= INLINE_BELOW):
            self.pool = WorkerPool(self.workers, owns_fork_server=self.owns_fork_server)
            self.owns_fork_server = False  # the pool stops it
        for page in load_raw_pages(self.db, ids):
            self.submitted.add(page["id"])
            self.last_id = max(self.last_id, page["id"])
            future = self.pool.pool.submit(extract_raw, page, self.window_start) if self.pool else \
                _Done(extract_raw, page, self.window_start)
            self.window.append((page, future))
        return len(ids)

    def _drain(self, block: bool) -> int:
        settled = 0
        while self.window and (block or self.window[0][1].done()):
            if self.stop():
                self.done.interrupted = True
                return settled
            page, future = self.window.popleft()
            _settle(self.db, page, future, self.done)
            settled += 1
            if block and len(self.window) < self._limit() // 2:
                return settled
        return settled

    def step(self) -> bool:
        """While the crawl runs: True when something moved."""
        if self.done.interrupted or self.stop():
            return False
        if not self.writer_warm:
            self.writer_warm = True
            _warm_writer()
            return True
        try:
            added = self._submit_new(crawling=True)
            return bool(self._drain(block=False) or added)
        except BrokenProcessPool:
            self.done.interrupted = True
            return False

    def finish(self) -> Processed:
        try:
            while not self.done.interrupted and not self.stop():
                added = self._submit_new() or (not self.window and self._submit_new(sweep=True))
                if not added and not self.window:
                    break
                self._drain(block=True)
        except BrokenProcessPool:  # the workers were killed (the run is being stopped): pages stay raw
            self.done.interrupted = True
        finally:
            if self.pool is not None:
                self.pool.close()
                self.pool = None
            elif self.owns_fork_server:  # warmed ahead, and no page came
                _stop_fork_server(now=True)
                self.owns_fork_server = False
        if self.stop():
            self.done.interrupted = True
        if self.run_id is not None:
            from kzmon.storage.runs import record_source
            for source_id, counts in self.done.counts.items():
                record_source(self.db, self.run_id, source_id, new_articles=counts["new_articles"],
                              errors=counts["errors"], last_error=self.done.last_error.get(source_id))
        return self.done


def process_pages(db: Any, *, run_id: int | None, window_start: date | None, workers: int | None = None,
                  stop: Callable[[], bool] = lambda: False) -> Processed:
    """Every raw page -> stored article, or settled why not; in fetch order. Counters are
    added to run_sources for `run_id` (a page left by a killed run counts in the run that
    processed it)."""
    return Processor(db, run_id=run_id, window_start=window_start, workers=workers, stop=stop).finish()


def _settle(db: Any, page: dict[str, Any], future: Future, done: Processed) -> None:
    from kzmon.crawler.urls import canonical_url
    from kzmon.storage.articles import ArticleRecord, store_article
    from kzmon.storage.pages import settle_page
    from kzmon.storage.state import forget_article_url, mark_article_url, note_unstored

    source_id = page["source_id"]
    requested = canonical_url(page["requested_url"])
    exc = future.exception()
    if isinstance(exc, BrokenProcessPool):
        raise exc
    if exc is not None:
        reason = f"article not processed ({' '.join(str(exc).split()) or type(exc).__name__})"
        done.count(source_id, "errors")
        done.last_error[source_id] = f"{reason}: {page['fetched_url']}"
        try:
            settle_page(db, page["id"], "failed", reason)
            note_unstored(db, requested, reason)
        except sqlite3.Error:
            pass
        return
    result = future.result()
    done.pages += 1

    def write() -> None:
        if result["outcome"] == "not_article":
            mark_article_url(db, requested, source_id, "not_article")
        elif result["outcome"] == "too_old":
            mark_article_url(db, requested, source_id, "too_old", result["published"])
        else:
            record = ArticleRecord(source_id=source_id, html_gz=page["html_gz"], **result["record"])
            if store_article(db, record) is not None:
                done.count(source_id, "new_articles")
                done.count(source_id, "announcements", len(record.announcements))
            forget_article_url(db, requested)
        settle_page(db, page["id"], "processed", result["outcome"])

    # The crawl writes at the same time from its own process. A write SQLite refuses at once
    # (a snapshot another process moved past: WAL's busy-snapshot, which no busy timeout waits
    # out) or after its timeout is tried again, the transaction rolled back, up to LOCK_WAIT.
    deadline = time.monotonic() + LOCK_WAIT
    try:
        while True:
            try:
                write()
                break
            except sqlite3.OperationalError as exc:
                if not any(w in str(exc) for w in ("locked", "busy")) or time.monotonic() >= deadline:
                    raise
                time.sleep(0.05)
    except sqlite3.Error as exc:  # the page stays raw: the next run stores it
        from kzmon.crawler.failures import storage_reason
        done.count(source_id, "errors")
        done.last_error[source_id] = f"{storage_reason(exc)}: {page['fetched_url']}"
