"""Run one crawl in a child process.

Twisted's reactor cannot be restarted, so a long-lived scheduler that crawls every day
must give each crawl a fresh process. The child writes straight into SQLite (articles and
per-source counters as they happen), so nothing is lost if it dies; the parent only waits.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import sys
from dataclasses import dataclass
from datetime import date
from typing import Any


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
    from scrapy import signals
    from scrapy.crawler import CrawlerProcess

    from kzmon.config import Config

    from .settings import crawl_settings
    from .spider import SourceSpider

    config = Config.model_validate(job.config)
    sources = [config.source(i) for i in job.source_ids] if job.source_ids else config.enabled_sources()
    process = CrawlerProcess(crawl_settings(config, job.database, replay_address=job.replay_address, log_level=job.log_level))

    def report(spider: SourceSpider, reason: str) -> None:
        if job.progress:
            c = spider.counters
            error = f", last error: {spider.last_error}" if spider.last_error else ""
            skipped = f"  {c['links_skipped']} links skipped" if c["links_skipped"] else ""
            print(f"  {spider.source.id:<18} {c['pages_fetched']:>4} pages  {c['new_articles']:>3} new articles  "
                  f"{c['announcements']:>3} announcements  {c['errors']} errors{skipped}{error}", flush=True)

    for source in sources:
        crawler = process.create_crawler(SourceSpider)
        crawler.signals.connect(report, signal=signals.spider_closed)
        process.crawl(crawler, source=source, run_id=job.run_id, window_start=job.window_start, backfill=job.backfill)
    process.start()


_stop = {"requested": False}


def stop_requested() -> bool:
    """True once SIGTERM or Ctrl-C reached a crawl: the job should wrap up, not go on."""
    return _stop["requested"]


def run_crawl(job: CrawlJob) -> int:
    """Crawl in a spawned child; returns its exit code. SIGTERM/Ctrl-C are passed on so
    Scrapy stops gracefully (finishing the pages in flight) rather than dying mid-write."""
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
        child.join()
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    sys.stdout.flush()
    return child.exitcode or 0
