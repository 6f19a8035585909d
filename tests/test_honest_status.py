"""Honest status: every failure is recorded for its source in plain words, nothing is dropped
quietly, a killed run does not stay `running`, the exit code says when work failed, and a
server's Retry-After is honoured.

All against real components on 127.0.0.1: the replay server (with its fault modes), the real
crawl in its child process, SQLite, and a real SMTP server (or a port where none listens).
"""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import yaml

from kzmon.crawler.urls import canonical_url
from kzmon.cli import main as kzmon_main
from kzmon.digest.query import source_health as digest_health
from kzmon.job import run_daily
from kzmon.lock import job_lock
from kzmon.mailsink import MailSink, free_port
from kzmon.sources_cli import list_sources
from kzmon.storage import open_db
from kzmon.storage.runs import source_health, start_run

from replay_support import expected_articles, make_config

ROOT = Path(__file__).resolve().parent.parent


def _config(project_config, tmp_path, source_ids, **crawl):
    base = project_config.model_copy(update={"sources": [project_config.source(i) for i in source_ids]})
    return make_config(base, tmp_path, **crawl)


def _run(config, replay_server, as_of, **kwargs):
    return run_daily(config, as_of=as_of, replay_address=f"127.0.0.1:{replay_server.port}", progress=None, **kwargs)


def _run_sources(database, run_id):
    db = sqlite3.connect(database)
    return {r[0]: r[1:] for r in db.execute(
        "SELECT source_id, errors, last_error, new_articles FROM run_sources WHERE run_id = ?", [run_id])}


# -- 1. refusals, loops, timeouts, oversize pages and bombs, in plain words ----------------

FAULTS = {  # source: (fault of its host, words its last_error must hold)
    "primeminister": ("primeminister.kz", "robots", "blocked by robots.txt"),
    "kazpravda": ("kazpravda.kz", "redirect_loop", "redirect loop"),
    "kapital": ("kapital.kz", "redirect_chain", "redirect loop"),
    "forbes": ("forbes.kz", "oversize", "page larger than 1 MB"),
    "inform-en": ("en.inform.kz", "oversize_stream", "page larger than 1 MB"),
    "zakon-ru": ("www.zakon.kz", "gzip_bomb", "compressed page expands past the limit (1 MB)"),
    "tengrinews-en": ("en.tengrinews.kz", "hang", "timeout"),
}


def test_every_refusal_is_recorded_for_its_source_in_plain_words(tmp_path, project_config, replay_server, as_of,
                                                                 capsys, monkeypatch):
    healthy = "astanatimes"
    config = _config(project_config, tmp_path, [healthy, *FAULTS], timeout_seconds=2.0, max_page_bytes=1_000_000)
    replay_server.fault_bytes = 3_000_000
    for host, fault, _ in FAULTS.values():
        replay_server.fail(host, fault)

    summary = _run(config, replay_server, as_of)

    rows = _run_sources(config.database, summary.run_id)
    assert rows[healthy][0] == 0 and rows[healthy][2] == len(expected_articles(project_config.source(healthy)))
    for source_id, (_, fault, words) in FAULTS.items():
        errors, last_error, _ = rows[source_id]
        assert errors > 0 and last_error and words in last_error, (source_id, fault, rows[source_id])
        assert "IgnoreRequest" not in last_error and "Error" not in last_error, last_error
    assert summary.status == "partial" and set(summary.failing) == set(FAULTS)
    # robots.txt forbade everything: no page of the site was fetched, only robots.txt itself
    assert replay_server.fetched("primeminister.kz") == ["/robots.txt"]

    # `kzmon sources` shows the reason, and so does the digest's health section
    db = open_db(config.database)
    health = {row["id"]: row for row in source_health(db)}
    for source_id, (_, _, words) in FAULTS.items():
        assert words in health[source_id]["last_error"]
    assert health[healthy]["last_error"] is None
    failing = {row["source"]: row["last_error"] for row in digest_health(db, config, as_of)["failing"]}
    for source_id, (_, _, words) in FAULTS.items():
        assert words in failing[config.source(source_id).name]
    monkeypatch.setenv("COLUMNS", "400")
    capsys.readouterr()
    list_sources(config)
    shown = capsys.readouterr().out
    for _, _, words in FAULTS.values():
        assert words in shown


# -- 2. an article the database refused: the run is partial, the article is fetched again --

def test_an_article_the_database_refused_makes_the_run_partial_and_is_stored_next_run(
        tmp_path, project_config, replay_server, as_of):
    source = project_config.source("astanatimes")
    feed_only = source.model_copy(update={"listings": []})
    # the crawl waits for a locked database at most 2 s (crawler/database.py), the lock is held 12 s
    config = make_config(project_config.model_copy(update={"sources": [feed_only]}), tmp_path, db_lock_wait_seconds=2.0)
    open_db(config.database).close()
    held: dict[str, object] = {}

    def lock_the_database(method: str, host: str, target: str) -> None:
        """At the first article page, another writer takes the database for longer than the
        crawl waits for it (2 s here): the next write of the crawl, the article's, fails with
        SQLite's own 'database is locked'."""
        if held or not target.startswith("/20"):
            return
        writer = sqlite3.connect(config.database, isolation_level=None, check_same_thread=False)
        # the feed's links are in the frontier first (its write is queued before the article requests
        # go out, but may still be on its way): the write refused is the article's
        for _ in range(100):
            if writer.execute("SELECT COUNT(*) FROM fetch_state WHERE kind = 'article'").fetchone()[0]:
                break
            time.sleep(0.05)
        writer.execute("BEGIN IMMEDIATE")
        held["writer"] = writer
        threading.Timer(12.0, lambda: (writer.execute("ROLLBACK"), writer.close())).start()

    replay_server.before_answer = lock_the_database
    summary = _run(config, replay_server, as_of, write_digest=False)
    replay_server.before_answer = None

    assert held, "no article page was requested"
    errors, last_error, new_articles = _run_sources(config.database, summary.run_id)["astanatimes"]
    assert errors >= 1 and "article not stored: database is locked" in last_error, last_error
    assert summary.status == "partial"
    requested = {canonical_url(f"https://astanatimes.com{t}") for t in replay_server.fetched("astanatimes.com")
                 if t.startswith("/20")}
    db = sqlite3.connect(config.database)
    stored = {row[0] for row in db.execute("SELECT url FROM article_urls")}
    pending = {row[0] for row in db.execute("SELECT url FROM fetch_state WHERE kind = 'article' AND status = 'pending'")}
    db.close()
    dropped = canonical_url(last_error.rsplit(": ", 1)[1])
    assert dropped in pending and dropped not in stored
    assert requested <= stored | pending, "an article the database refused left the frontier"

    again = _run(config, replay_server, as_of, write_digest=False)

    assert again.status == "ok"
    db = sqlite3.connect(config.database)
    stored = {row[0] for row in db.execute("SELECT url FROM article_urls")}
    assert requested <= stored
    assert db.execute("SELECT COUNT(*) FROM fetch_state WHERE kind = 'article' AND status = 'pending'").fetchone()[0] == 0
    assert db.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == new_articles + len(pending)


# -- 3. a run killed mid-way is closed as interrupted at the next start ------------------

DRIVER = """
import sys
from datetime import datetime
from kzmon.config import Config
from kzmon.job import run_daily
from kzmon.lock import job_lock
config = Config.model_validate_json(open(sys.argv[1], encoding="utf-8").read())
with job_lock(config.database):
    run_daily(config, as_of=datetime.fromisoformat(sys.argv[2]), replay_address=sys.argv[3], progress=None,
              write_digest=False)
"""


def _statuses(database):
    with sqlite3.connect(database, timeout=5) as db:
        return dict(db.execute("SELECT id, status FROM runs ORDER BY id").fetchall())


def test_a_killed_run_is_closed_as_interrupted_at_the_next_start(tmp_path, project_config, replay_server, as_of):
    config = _config(project_config, tmp_path, ["astanatimes"])
    config_path = tmp_path / "config.json"
    config_path.write_text(config.model_dump_json(), encoding="utf-8")
    replay_server.latency = 0.3
    child = subprocess.Popen([sys.executable, "-c", DRIVER, str(config_path), as_of.isoformat(),
                              f"127.0.0.1:{replay_server.port}"], cwd=ROOT, start_new_session=True,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and child.poll() is None:
            if Path(config.database).exists() and len(replay_server.fetched("astanatimes.com")) >= 3:
                try:
                    if "running" in _statuses(config.database).values():
                        break
                except sqlite3.OperationalError:
                    pass
            time.sleep(0.05)
        assert child.poll() is None, "the run ended before the kill: make the web slower"
        os.killpg(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            os.killpg(child.pid, signal.SIGKILL)
            child.wait()
    replay_server.latency = 0.0
    assert _statuses(config.database) == {1: "running"}

    with job_lock(config.database):  # as `kzmon run` does: this process holds the lock
        summary = _run(config, replay_server, as_of, write_digest=False)

    assert _statuses(config.database) == {1: "interrupted", summary.run_id: "ok"}
    with sqlite3.connect(config.database) as db:
        assert db.execute("SELECT finished_at FROM runs WHERE id = 1").fetchone()[0] is not None


def test_a_run_whose_process_holds_the_lock_is_left_running(tmp_path, project_config, replay_server, as_of):
    config = _config(project_config, tmp_path, ["astanatimes"])
    db = open_db(config.database)
    live = start_run(db, as_of.isoformat())  # the run of the process that holds the lock
    db.close()
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from kzmon.lock import job_lock\n"
         "with job_lock(sys.argv[1]):\n    print('held', flush=True); time.sleep(120)", config.database],
        cwd=ROOT, stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        assert holder.stdout.readline().strip() == "held"
        first = _run(config, replay_server, as_of, write_digest=False)
        assert _statuses(config.database) == {live: "running", first.run_id: "ok"}
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=10)
    second = _run(config, replay_server, as_of, write_digest=False)  # no lock held by anyone now
    assert _statuses(config.database) == {live: "interrupted", first.run_id: "ok", second.run_id: "ok"}


# -- 4. `kzmon run` exits 1 while digest mail waits in the outbox -----------------------------

def test_kzmon_run_exits_1_while_the_digest_waits_in_the_outbox_then_0_once_sent(tmp_path, replay_server, capsys):
    # The replay server answers for astanatimes.com at 127.0.0.1 too, so that the real `kzmon run`
    # (no replay transport) crawls a source over plain HTTP on this machine.
    replay_server.sites["127.0.0.1"] = replay_server.sites["astanatimes.com"]
    dead_port = free_port()  # nothing listens there: the SMTP connection is refused
    settings = {
        "database": "kzmon.db", "workdir": ".",
        "crawl": {"download_delay": 0, "timeout_seconds": 10},
        "email": {"enabled": True, "smtp_host": "127.0.0.1", "smtp_port": dead_port, "security": "none",
                  "from_address": "kzmon@example.org", "to": ["analyst@example.org"],
                  "user_env": None, "password_env": None, "timeout_seconds": 5},
        "sources": [{"id": "local", "name": "Local feed", "languages": ["en"],
                     "feeds": [f"http://127.0.0.1:{replay_server.port}/feed/"],
                     "article_pattern": r"^http://127\.0\.0\.1:\d+/no-articles/"}],
    }
    config_path = tmp_path / "config.yaml"
    config_path.write_text(yaml.safe_dump(settings), encoding="utf-8")

    code = kzmon_main(["run", "--config", str(config_path)])

    out = capsys.readouterr().out
    assert code == 1, out
    db = sqlite3.connect(tmp_path / "kzmon.db")
    status, stats = db.execute("SELECT status, stats FROM runs ORDER BY id DESC LIMIT 1").fetchone()
    assert status == "partial" and '"mail_pending": 1' in stats
    assert db.execute("SELECT errors FROM run_sources").fetchone()[0] == 0  # the crawl itself was fine
    assert db.execute("SELECT COUNT(*) FROM digest_outbox WHERE status = 'pending'").fetchone()[0] == 1
    db.close()

    with MailSink(tmp_path / "mail") as sink:
        settings["email"]["smtp_port"] = sink.port
        config_path.write_text(yaml.safe_dump(settings), encoding="utf-8")
        code = kzmon_main(["run", "--config", str(config_path)])
        received = sink.received
    assert code == 0, capsys.readouterr().out
    assert received == 1


# -- 5. Retry-After on 429 and 503 ------------------------------------------------------------

def test_retry_after_is_waited_for_then_the_request_retried(tmp_path, project_config, replay_server, as_of):
    seconds, date = "astanatimes", "kursiv"
    config = _config(project_config, tmp_path, [seconds, date])
    replay_server.retry_after("astanatimes.com", 503, 2)                 # delta-seconds
    replay_server.retry_after("kz.kursiv.media", 429, 4, as_date=True)   # an HTTP date 4 s ahead

    summary = _run(config, replay_server, as_of, write_digest=False)

    rows = _run_sources(config.database, summary.run_id)
    for source_id in (seconds, date):
        assert rows[source_id][0] == 0, rows[source_id]
        assert rows[source_id][2] == len(expected_articles(project_config.source(source_id)))
    assert summary.status == "ok"
    for host, status, wait in (("astanatimes.com", 503, 2.0), ("kz.kursiv.media", 429, 2.5)):
        pages = {t for t in replay_server.fetched(host) if t != "/robots.txt"}
        assert len(pages) > 3
        for target in pages:
            times = replay_server.fetch_times(host, target)
            # the retry after the wait: the page, or, for a pager's page past its end, its 404
            assert [s for _, s in times][:2] in ([status, 200], [status, 404]), (target, times)
            assert times[1][0] - times[0][0] >= wait - 0.1, (target, times[1][0] - times[0][0])


def test_retry_after_beyond_the_cap_fails_the_page_without_hammering_it(tmp_path, project_config, replay_server, as_of):
    config = _config(project_config, tmp_path, ["astanatimes", "primeminister"])
    replay_server.retry_after("primeminister.kz", 503, 3600, times=100)

    summary = _run(config, replay_server, as_of, write_digest=False)

    rows = _run_sources(config.database, summary.run_id)
    assert rows["astanatimes"][0] == 0
    errors, last_error, _ = rows["primeminister"]
    assert errors > 0 and "HTTP 503, asked to come back in 3600 s" in last_error, last_error
    pages = [t for t in replay_server.fetched("primeminister.kz") if t != "/robots.txt"]
    assert pages and len(pages) == len(set(pages)), f"retried against Retry-After: {sorted(pages)}"
    assert summary.status == "partial"


def test_retry_after_values_in_seconds_or_as_an_http_date():
    from datetime import datetime, timezone

    from kzmon.crawler.retry_after import retry_after_seconds

    now = datetime(2026, 12, 6, 7, 0, 0, tzinfo=timezone.utc)
    assert retry_after_seconds(b"120") == 120.0
    assert retry_after_seconds(b" 0 ") == 0.0
    assert retry_after_seconds(b"Sun, 06 Dec 2026 07:00:30 GMT", now=now) == 30.0
    # against the server's own clock when it sends Date, whatever ours says
    assert retry_after_seconds(b"Sun, 06 Dec 2026 07:00:30 GMT", b"Sun, 06 Dec 2026 07:00:20 GMT", now=now) == 10.0
    assert retry_after_seconds(b"Sun, 06 Dec 2026 06:59:00 GMT", now=now) == 0.0  # a date past: now
    assert retry_after_seconds(b"soon") is None and retry_after_seconds(b"-5") is None
    assert retry_after_seconds(None) is None and retry_after_seconds(b"") is None
