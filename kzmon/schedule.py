"""`kzmon schedule`: run the daily job on the configured cron, in the configured time zone.

Each tick runs the job in a fresh child process (multiprocessing "spawn"): a crawl leaves
Twisted's reactor, Scrapy's globals and memory behind, and a new interpreter per day is the
simple way to start clean. The child takes the job lock, so a tick and a cron-started
`kzmon run` never overlap; the loser exits with code 3.

Stopping (SIGTERM from systemd, Ctrl-C): the scheduler stops firing, forwards the signal to
the child's process group and waits for it. The first signal asks the job to stop at a safe
point (the crawl finishes the requests in flight and stores them; `stop_requested()` tells
the job); a second one interrupts it, and SQLite rolls back the transaction in progress.
Either way the database is left consistent.
"""
from __future__ import annotations

import importlib
import logging
import multiprocessing
import os
import re
import signal
import sys
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from apscheduler.schedulers.base import BaseScheduler
from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.cron import CronTrigger

from kzmon.config import Config, load_config
from kzmon.lock import EXIT_ALREADY_RUNNING, AlreadyRunning, job_lock

log = logging.getLogger("kzmon.schedule")

DEFAULT_JOB = "kzmon.job:run_daily"
EXIT_INTERRUPTED = 130
_WEEKDAYS = ("sun", "mon", "tue", "wed", "thu", "fri", "sat")

_stop = {"requested": False}


def stop_requested() -> bool:
    """True once the job process was asked to stop; a job polls it between units of work."""
    return _stop["requested"]


def _cron_weekdays(field: str) -> str:
    """Crontab numbers days from Sunday = 0 (7 too); APScheduler from Monday = 0. Use names."""
    if not re.fullmatch(r"[0-7,\-]+", field):
        return field
    days: list[int] = []
    for part in field.split(","):
        first, _, last = part.partition("-")
        days.extend(range(int(first), int(last or first) + 1))
    return ",".join(dict.fromkeys(_WEEKDAYS[d % 7] for d in days))


def cron_trigger(cron: str, zone: ZoneInfo) -> CronTrigger:
    """A CronTrigger in the config's zone: without timezone= it would use the machine's."""
    minute, hour, day, month, weekday = cron.split()
    return CronTrigger(minute=minute, hour=hour, day=day, month=month, day_of_week=_cron_weekdays(weekday),
                       timezone=zone)


def build_scheduler(config: Config, config_path: Path, *, job: str = DEFAULT_JOB, run_now: bool = False,
                    scheduler: BaseScheduler | None = None) -> BaseScheduler:
    zone = ZoneInfo(config.schedule.timezone)
    scheduler = scheduler or BlockingScheduler(timezone=zone)
    options: dict[str, Any] = {}
    if run_now:
        options["next_run_time"] = datetime.now(zone)
    scheduler.add_job(
        run_tick, cron_trigger(config.schedule.cron, zone), args=[str(config_path), job],
        id="kzmon-daily", name="kzmon daily job", coalesce=True, max_instances=1,
        misfire_grace_time=config.schedule.misfire_grace_seconds, replace_existing=True, **options,
    )
    return scheduler


def _resolve(job: str):
    module, _, name = job.partition(":")
    return getattr(importlib.import_module(module), name)


def _child_signal(signum: int, frame: object) -> None:
    if _stop["requested"]:
        raise KeyboardInterrupt
    _stop["requested"] = True
    print("kzmon: stop requested; finishing the work in progress (signal again to interrupt)",
          file=sys.stderr, flush=True)


def _child_main(config_path: str, job: str) -> None:
    """The job process: its own process group, so a stop reaches the crawl it starts too."""
    os.setpgrp()
    signal.signal(signal.SIGTERM, _child_signal)
    signal.signal(signal.SIGINT, _child_signal)
    try:
        config = load_config(config_path)  # re-read each day: edits apply without a restart
        with job_lock(Path(config.database)):
            _resolve(job)(config)
    except AlreadyRunning as exc:
        print(f"kzmon: {exc}", file=sys.stderr, flush=True)
        sys.exit(EXIT_ALREADY_RUNNING)
    except KeyboardInterrupt:
        print("kzmon: job interrupted", file=sys.stderr, flush=True)
        sys.exit(EXIT_INTERRUPTED)
    sys.exit(EXIT_INTERRUPTED if _stop["requested"] else 0)


_running: dict[str, multiprocessing.process.BaseProcess] = {}


def run_tick(config_path: str, job: str = DEFAULT_JOB) -> int:
    """One scheduled run in a spawned child; returns its exit code."""
    process = multiprocessing.get_context("spawn").Process(target=_child_main, args=(config_path, job),
                                                           name="kzmon-job")
    process.start()
    _running["job"] = process
    try:
        process.join()
    finally:
        _running.pop("job", None)
    code = process.exitcode
    if code == EXIT_ALREADY_RUNNING:
        log.warning("skipped: another kzmon run holds the lock")
    elif code:
        log.error("daily job exited with code %s", code)
    else:
        log.info("daily job finished")
    return code


def _forward_stop(scheduler: BaseScheduler):
    def handler(signum: int, frame: object) -> None:
        if scheduler.running:
            scheduler.shutdown(wait=False)
        child = _running.get("job")
        if child is not None and child.pid:
            log.warning("stopping: waiting for the running job (pid %s) to finish", child.pid)
            try:
                os.killpg(child.pid, signum)
            except ProcessLookupError:
                pass
    return handler


def run_scheduler(config_path: Path, *, job: str = DEFAULT_JOB, run_now: bool = False) -> None:
    """Block, running the job on schedule, until SIGTERM or Ctrl-C."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    config = load_config(config_path)
    scheduler = build_scheduler(config, Path(config_path), job=job, run_now=run_now)
    handler = _forward_stop(scheduler)
    signal.signal(signal.SIGTERM, handler)
    signal.signal(signal.SIGINT, handler)
    log.info("kzmon schedule: '%s' in %s", config.schedule.cron, config.schedule.timezone)
    scheduler.start()  # returns after shutdown() from the signal handler
    child = _running.get("job")
    if child is not None:
        child.join()
    log.info("kzmon schedule: stopped")
