"""`kzmon demo`: the real daily job against the bundled replay of the sources.

Everything runs for real on this machine: the replay server answers for the sites on
127.0.0.1, Scrapy crawls it over HTTP, trafilatura and the extractor read the pages, a
SQLite file fills up, and the digest is written (and mailed to a local SMTP server when
the digest package can send). Running it twice shows the incremental crawl: the second run
fetches no article again.
"""
from __future__ import annotations

import sys
from datetime import date, datetime, time
from pathlib import Path

from .config import DEFAULT_CONFIG, Config, load_config
from .job import KZ_TIME, RunSummary, run_daily
from .lock import EXIT_ALREADY_RUNNING, AlreadyRunning, job_lock
from .mailsink import MailSink
from .replay.server import ReplayServer, captured_date
from .output import quiet
from .report import print_summary, report_problems


def _say(message: str) -> None:
    print(message, flush=True)


def demo_database(workdir: Path) -> Path:
    return workdir.resolve() / "kzmon.db"


def demo_config(config: Config, workdir: Path, smtp_port: int | None = None) -> Config:
    """The user's config pointed at the demo folder; politeness delays are for real servers.

    With an SMTP port the digest goes to the local mail sink, to the configured recipients
    and through their filters; without one, mail is off.
    """
    workdir = workdir.resolve()
    crawl = config.crawl.model_copy(update={"download_delay": 0.0})
    if smtp_port:
        email = config.email.model_copy(update={"enabled": True, "smtp_host": "127.0.0.1", "smtp_port": smtp_port,
                                                "security": "none", "user_env": None, "password_env": None})
    else:
        email = config.email.model_copy(update={"enabled": False})
    return config.model_copy(update={"database": str(demo_database(workdir)), "workdir": str(workdir), "crawl": crawl, "email": email})


def run_demo(workdir: Path, config_path: Path | None = None) -> int:
    """Exit 3, touching nothing, while another kzmon job (a demo, `kzmon run` pointed at the
    demo database) holds the lock on the demo's database: the same lock `kzmon run` takes."""
    try:
        with job_lock(demo_database(workdir)):
            summary, received = _run_demo_locked(workdir, config_path)
    except AlreadyRunning as exc:
        print(f"kzmon: {exc}", file=sys.stderr)
        return EXIT_ALREADY_RUNNING
    print_summary(summary)
    report_problems(summary)
    if not quiet():
        print(f"mail:     {received} digest messages received in {workdir / 'mail'} (a Maildir)")
    return 0 if summary.status == "ok" else 1


def _run_demo_locked(workdir: Path, config_path: Path | None) -> tuple[RunSummary, int]:
    workdir.mkdir(parents=True, exist_ok=True)
    as_of = datetime.combine(date.fromisoformat(captured_date()), time(23, 0), KZ_TIME)
    with ReplayServer() as server, MailSink(workdir / "mail") as sink:
        config = demo_config(load_config(config_path or DEFAULT_CONFIG), workdir, smtp_port=sink.port)
        if not quiet():
            print(f"replay server on 127.0.0.1:{server.port} answering for {len(server.sites)} sites as of {as_of.date()}; "
                  f"SMTP sink on 127.0.0.1:{sink.port}")
        summary = run_daily(config, as_of=as_of, replay_address=f"127.0.0.1:{server.port}",
                            progress=None if quiet() else _say, log_level="CRITICAL")
    return summary, sink.received
