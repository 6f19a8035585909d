"""Run one crawl in a child process.

Twisted's reactor cannot be restarted, so a long-lived scheduler that crawls every day
must give each crawl a fresh process. The child writes straight into SQLite (raw pages,
the frontier and per-source counters as they happen), so nothing is lost if it dies; the
parent waits, then runs the processing stage (kzmon/processing.py) over the raw pages.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import sys
from dataclasses import dataclass
from datetime import date
from typing import Any, Callable


@dataclass(frozen=True)
class CrawlJob:
    config: dict[str, Any]          # Config.model_dump(): picklable across the spawn
    database: str
    run_id: int
    window_start: date | None
    backfill: bool = False
    source_ids: tuple[str, ...] = ()
    replay_address: str | None = None
    log_level: str = "WARNING"
    progress: bool = True


def _crawl_main(job: CrawlJob) -> None:
    # Imported here, from a shallow stack, before Scrapy loads it for the first download: on
    # import it builds deprecated aliases with inspect.stack(), which reads the source of every
    # frame on the stack; from inside the reactor that cost the first request ~0.3 s of CPU.
    import scrapy.core.downloader.handlers.http11  # noqa: F401
    from scrapy.crawler import CrawlerProcess

    from kzmon.config import Config

    from .settings import crawl_settings
    from .spider import CrawlSpider

    config = Config.model_validate(job.config)
    sources = [config.source(i) for i in job.source_ids] if job.source_ids else config.enabled_sources()
    process = CrawlerProcess(crawl_settings(config, job.database, replay_address=job.replay_address, log_level=job.log_level))

    # One crawler, one spider over every source: one downloader whose slots are per host, so
    # politeness holds per site whatever number of sources share it (crawler/spider.py CrawlSpider).
    crawler = process.create_crawler(CrawlSpider)
    process.crawl(crawler, sources=sources, run_id=job.run_id, window_start=job.window_start, backfill=job.backfill)
    process.start()


_stop = {"requested": False}
# How long the parent rests when `while_waiting` had nothing to do: short, so that a worker
# that finished a page gets the next one soon (a poll is one indexed SELECT).
WAIT_STEP = 0.05


def stop_requested() -> bool:
    """True once SIGTERM or Ctrl-C reached a crawl: the job should wrap up, not go on."""
    return _stop["requested"]


def run_crawl(job: CrawlJob, while_waiting: Callable[[], bool] | None = None) -> int:
    """Crawl in a spawned child; returns its exit code. SIGTERM/Ctrl-C are passed on so
    Scrapy stops gracefully (finishing the pages in flight) rather than dying mid-write.
    `while_waiting()` is called again and again while the child crawls (the processing stage
    taking the raw pages as they are stored); it returns whether it did anything."""
    context = multiprocessing.get_context("spawn")
    child = context.Process(target=_crawl_main, args=(job,), name="kzmon-crawl")
    child.start()
    previous = {}

    def forward(signum: int, _frame: object) -> None:
        _stop["requested"] = True
        if child.pid:
            os.kill(child.pid, signum)

    for signum in (signal.SIGTERM, signal.SIGINT):
        try:
            previous[signum] = signal.signal(signum, forward)
        except ValueError:  # not the main thread: the scheduler's worker
            pass
    try:
        if while_waiting is None:
            child.join()
        while child.is_alive():
            if not while_waiting():
                child.join(WAIT_STEP)
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    sys.stdout.flush()
    return child.exitcode or 0
