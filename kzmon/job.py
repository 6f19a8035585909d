"""The daily job: crawl every source, store what is new, write (and send) the digest.

One function used by `kzmon run`, `kzmon demo`, `kzmon backfill` and the scheduler, so all
of them do the same thing in the same order.
"""
from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Callable

from kzmon.crawler.process import CrawlJob, run_crawl
from kzmon.crawler.process import stop_requested as crawl_stopped
from kzmon.processing import Processed, Processor, process_pages
from kzmon.storage import open_db
from kzmon.storage.runs import close_interrupted_runs, finish_run, record_source, run_sources, start_run, sync_sources

from .config import Config
from .lock import held_by_another_process

KZ_TIME = timezone(timedelta(hours=5))


@dataclass
class RunSummary:
    run_id: int
    status: str
    started: float
    duration_s: float
    sources: list[dict[str, Any]]
    database: str
    announcements: int = 0
    digest_files: list[str] = field(default_factory=list)
    delivery: str | None = None
    mail_pending: int = 0  # digest messages still in the outbox after the send attempt
    stage_times: dict[str, float] = field(default_factory=dict)  # crawl_s, processing_after_crawl_s, *_cpu_s

    @property
    def new_articles(self) -> int:
        return sum(s["new_articles"] for s in self.sources)

    @property
    def pages_fetched(self) -> int:
        return sum(s["pages_fetched"] for s in self.sources)

    @property
    def failing(self) -> list[str]:
        return [s["source_id"] for s in self.sources if s["errors"]]


def _cpu() -> tuple[float, float]:
    """CPU seconds of this process and of its reaped children: where a run's time went."""
    import resource
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime


def _stop_requested() -> bool:
    """A stop asked of this process (kzmon run) or of the scheduler's job process."""
    from .schedule import stop_requested
    return crawl_stopped() or stop_requested()


# Scrapy's cookie middleware asks tldextract whether a cookie's domain is a public suffix;
# on first use tldextract downloads the Public Suffix List from publicsuffix.org. kzmon makes
# no connection but to the configured sites: an empty URL list (tldextract >= 5.4) keeps it on
# the snapshot bundled with the installed package. The crawl child inherits the environment.
SUFFIX_LIST_ENV = "TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS"


def offline_suffix_list() -> None:
    os.environ.setdefault(SUFFIX_LIST_ENV, "")


def _progress(message: str) -> None:
    print(message, flush=True)


def run_daily(
    config: Config,
    *,
    as_of: datetime | None = None,
    replay_address: str | None = None,
    source_id: str | None = None,
    backfill_since: date | None = None,
    write_digest: bool = True,
    progress: Callable[[str], None] | None = _progress,
    log_level: str = "WARNING",
    process_while_crawling: bool = True,
) -> RunSummary:
    """Run the whole job once; returns what it did (also recorded in the `runs` table).

    Two stages: the crawl (a child process) fetches and stores raw pages; the processing
    stage (kzmon/processing.py, here, with worker processes) turns them into articles, while
    the crawl goes on (`process_while_crawling`) and after it. Pages an earlier run fetched
    and never processed are processed first."""
    started = time.monotonic()
    say = progress or (lambda _m: None)
    sources = config.enabled_sources(source_id)
    db = open_db(config.database)
    sync_sources(db, [{"id": s.id, "name": s.name, "kind": s.kind, "languages": s.languages, "home": s.home} for s in config.sources])
    as_of = as_of or datetime.now(KZ_TIME)
    window_start = backfill_since or (as_of.astimezone(KZ_TIME).date() - timedelta(days=config.crawl.window_days))
    if not held_by_another_process(Path(config.database)):  # no live job: a run still `running` died
        for dead in close_interrupted_runs(db):
            say(f"kzmon: run {dead} ended without finishing (killed or crashed); recorded as interrupted")
    run_id = start_run(db, as_of.isoformat())
    before = db.execute("SELECT COUNT(*) FROM announcements").fetchone()[0]
    what = f"backfill since {window_start}" if backfill_since else f"articles since {window_start}"
    say(f"kzmon run {run_id}: {len(sources)} sources, {what}")
    offline_suffix_list()
    # Pages a killed run fetched and never processed: first, so the crawl does not fetch them again.
    leftover = process_pages(db, run_id=run_id, window_start=window_start, stop=_stop_requested)
    if leftover.pages:
        say(f"  processed {leftover.pages} pages an earlier run had fetched")
    crawl_started = time.monotonic()
    cpu_before = _cpu()
    processor = Processor(db, run_id=run_id, window_start=window_start, stop=_stop_requested)
    if process_while_crawling:
        processor.start_warming()
    exit_code = run_crawl(CrawlJob(
        config=config.model_dump(mode="json"), database=str(config.database), run_id=run_id,
        window_start=window_start, backfill=backfill_since is not None,
        source_ids=tuple(s.id for s in sources), replay_address=replay_address,
        log_level=log_level, progress=progress is not None,
    ), while_waiting=processor.step if process_while_crawling else None)
    processing_started = time.monotonic()
    # the crawl child has been reaped; the workers (still alive) are not counted yet: they are
    # once the pool has closed (spawned workers reaped, or the fork server that reaped its forks)
    cpu_crawled = _cpu()
    processed = processor.finish()
    cpu_after = _cpu()
    stage_times = {"crawl_s": round(processing_started - crawl_started, 2),  # processing overlaps it
                   "processing_after_crawl_s": round(time.monotonic() - processing_started, 2),
                   # CPU seconds: the crawl process; the worker processes; this process (the single writer)
                   "crawl_cpu_s": round(cpu_crawled[1] - cpu_before[1], 2),
                   "workers_cpu_s": round(cpu_after[1] - cpu_crawled[1], 2),
                   "parent_cpu_s": round(cpu_after[0] - cpu_before[0], 2)}
    if progress is not None:
        _report_sources(db, run_id, sources, processed, leftover, say=say)
    recorded = {r["source_id"] for r in run_sources(db, run_id)}
    for source in sources:  # a source whose crawl recorded nothing still gets its line, in the table too
        if source.id not in recorded:
            record_source(db, run_id, source.id, errors=1,
                          last_error=f"no result recorded by the crawl (its process exited with code {exit_code})")
    rows = run_sources(db, run_id)
    status = "ok" if exit_code == 0 and not any(r["errors"] for r in rows) else ("partial" if exit_code == 0 else "failed")
    stopping = _stop_requested()
    if stopping:
        status = "stopped"
    announcements = db.execute("SELECT COUNT(*) FROM announcements").fetchone()[0] - before
    summary = RunSummary(run_id, status, started, 0.0, rows, str(config.database), announcements,
                         stage_times=stage_times)
    if write_digest and not stopping:  # a stopped run leaves its news for the next digest
        try:
            _digest(db, config, as_of, summary, say)
        except BaseException as exc:  # recorded, not left `running`; the caller reports it
            finish_run(db, run_id, "interrupted" if isinstance(exc, KeyboardInterrupt) else "failed", {
                "new_articles": summary.new_articles, "failing": summary.failing, "crawl_exit_code": exit_code,
                "digest_error": f"{type(exc).__name__}: {exc}"})
            db.close()
            raise
        if summary.mail_pending and status == "ok":  # mail still owed is work that failed (exit code 1)
            status = summary.status = "partial"
    summary.duration_s = round(time.monotonic() - started, 2)
    finish_run(db, run_id, status, {
        "new_articles": summary.new_articles, "pages_fetched": summary.pages_fetched,
        "announcements": announcements, "failing": summary.failing, "duration_s": summary.duration_s,
        "crawl_exit_code": exit_code, "mail_pending": summary.mail_pending, **stage_times,
    })
    db.close()
    return summary


def _report_sources(db: Any, run_id: int, sources: list[Any], *done: Processed, say: Callable[[str], None] = _progress) -> None:
    """One line per source once its pages are processed."""
    rows = {r["source_id"]: r for r in run_sources(db, run_id)}
    for source in sources:
        c = rows.get(source.id) or {"pages_fetched": 0, "new_articles": 0, "errors": 0, "links_skipped": 0, "last_error": None}
        announcements = sum(d.counts.get(source.id, {}).get("announcements", 0) for d in done)
        error = f", last error: {c['last_error']}" if c.get("last_error") else ""
        skipped = f"  {c['links_skipped']} links skipped" if c.get("links_skipped") else ""
        say(f"  {source.id:<18} {c['pages_fetched']:>4} pages  {c['new_articles']:>3} new articles  "
            f"{announcements:>3} announcements  {c['errors']} errors{skipped}{error}")


def _digest(db: Any, config: Config, as_of: datetime, summary: RunSummary, say: Callable[[str], None]) -> None:
    from . import digest
    result = digest.write_digest(db, config, Path(config.workdir), as_of=as_of)
    summary.digest_files = [str(p) for p in getattr(result, "paths", [])]
    if config.email.enabled:
        report = digest.deliver(db, config)
        summary.delivery = str(report)
        summary.mail_pending = report.pending
        say(f"  digest: {report}")


def summary_json(summary: RunSummary) -> str:
    return json.dumps({
        "run_id": summary.run_id, "status": summary.status, "duration_s": summary.duration_s,
        "pages_fetched": summary.pages_fetched, "new_articles": summary.new_articles,
        "announcements": summary.announcements, "failing": summary.failing,
        "database": summary.database, "digest": summary.digest_files,
    }, ensure_ascii=False)
