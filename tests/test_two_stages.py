"""Two stages: the crawl fetches and stores raw pages; processing turns them into articles.

- A run SIGKILLed between the stages (every page fetched and stored raw, none processed; the
  job run with the stages one after the other) loses nothing: the next run processes the raw
  pages first, without downloading them again. (Kills while both stages run at once, the
  default, are tests/test_kill_and_resume.py.)
- `kzmon reextract` is the processing stage's pool over stored articles: it runs on worker
  processes and agrees with what the processing stage stored.

Real crawls against the replay server on 127.0.0.1 and real SQLite files; the kill lands
while another writer holds the database, so the processing stage is waiting for its first
write when the job dies.
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

from kzmon.crawler.urls import canonical_url
from kzmon.job import run_daily

from replay_support import expected_articles, make_config

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("astanatimes", "kursiv", "govkz-mps")
DRIVER = """
import sys
from datetime import datetime
from kzmon.config import Config
from kzmon.job import run_daily
config = Config.model_validate_json(open(sys.argv[1], encoding="utf-8").read())
run_daily(config, as_of=datetime.fromisoformat(sys.argv[2]), replay_address=sys.argv[3], progress=None,
          write_digest=False, process_while_crawling=False)
"""


def _raw(database: Path) -> set[str]:
    try:
        with sqlite3.connect(database, timeout=0.5) as db:
            return {row[0] for row in db.execute("SELECT url FROM pages WHERE status = 'raw'")}
    except sqlite3.OperationalError:  # not created yet, or locked
        return set()


def _children(pid: int) -> list[int]:
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _crawl_children(pid: int) -> list[int]:
    """The job's children but multiprocessing's resource tracker: while it crawls, the crawl."""
    out = []
    for child in _children(pid):
        try:
            if b"resource_tracker" not in Path(f"/proc/{child}/cmdline").read_bytes():
                out.append(child)
        except OSError:
            pass
    return out


def test_a_kill_between_crawl_and_processing_loses_nothing(tmp_path, project_config, replay_server, as_of):
    base = project_config.model_copy(update={"sources": [project_config.source(i) for i in SOURCES]})
    config = make_config(base, tmp_path, db_lock_wait_seconds=1.0)
    config_path = tmp_path / "config.json"
    config_path.write_text(config.model_dump_json(), encoding="utf-8")
    database = Path(config.database)
    expected = [a["url"] for s in SOURCES for a in expected_articles(project_config.source(s))]
    address = f"127.0.0.1:{replay_server.port}"

    job = subprocess.Popen([sys.executable, "-c", DRIVER, str(config_path), as_of.isoformat(), address],
                           cwd=ROOT, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    lock: dict[str, sqlite3.Connection] = {}
    try:
        deadline = time.monotonic() + 120
        # every article page of the window fetched and stored raw by the crawl stage
        wanted = {canonical_url(u) for u in expected}
        while not wanted <= _raw(database):
            assert job.poll() is None and time.monotonic() < deadline, "the crawl ended before storing every page"
            time.sleep(0.02)
        # another writer takes the database: the processing stage cannot store anything
        lock["db"] = sqlite3.connect(database, isolation_level=None, timeout=30, check_same_thread=False)
        lock["db"].execute("BEGIN IMMEDIATE")
        crawl = set(_crawl_children(job.pid))
        assert crawl, "no crawl process"
        while crawl & set(_children(job.pid)) and time.monotonic() < deadline:  # the crawl's process has ended
            time.sleep(0.05)
        assert not crawl & set(_children(job.pid)), "the crawl stage did not end"
        time.sleep(1.0)  # the job is in its processing stage, waiting for the lock
        assert job.poll() is None
        os.killpg(job.pid, signal.SIGKILL)
        job.wait(timeout=30)
    finally:
        if job.poll() is None:
            os.killpg(job.pid, signal.SIGKILL)
            job.wait()
        if "db" in lock:
            lock["db"].execute("ROLLBACK")
            lock["db"].close()

    db = sqlite3.connect(database)
    assert db.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 0, "the kill did not land before processing"
    raw = {row[0] for row in db.execute("SELECT url FROM pages WHERE status = 'raw'")}
    assert {canonical_url(u) for u in expected} <= raw
    db.close()
    fetched_before = len(replay_server.requests)

    summary = run_daily(config, as_of=as_of, replay_address=address, progress=None, write_digest=False)

    assert summary.status == "ok", summary.sources
    db = sqlite3.connect(database)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    stored = {row[0] for row in db.execute("SELECT url FROM article_urls")}
    lost = [u for u in expected if canonical_url(u) not in stored]
    assert not lost, lost[:5]
    articles = db.execute("SELECT COUNT(*), COUNT(DISTINCT canonical_url) FROM articles").fetchone()
    assert articles[0] == articles[1] == len(expected)
    assert db.execute("SELECT COUNT(*) FROM pages WHERE status = 'raw'").fetchone()[0] == 0
    assert db.execute("SELECT COUNT(*) FROM pages WHERE html_gz IS NOT NULL AND status = 'processed'").fetchone()[0] == 0
    assert db.execute("SELECT COUNT(*) FROM fetch_state WHERE kind = 'article' AND status = 'pending'").fetchone()[0] == 0
    # the raw pages were processed, not downloaded again
    again = [(h, t) for m, h, t, s in replay_server.requests[fetched_before:] if m == "GET"]
    refetched = [f"https://{h}{t}" for h, t in again if canonical_url(f"https://{h}{t}") in raw]
    assert not refetched, refetched[:5]
    # the run that processed them counts them
    assert summary.new_articles == len(expected)


def test_reextract_is_the_processing_stage_over_stored_articles(tmp_path, project_config, replay_server, as_of):
    base = project_config.model_copy(update={"sources": [project_config.source(i) for i in SOURCES]})
    config = make_config(base, tmp_path)
    run_daily(config, as_of=as_of, replay_address=f"127.0.0.1:{replay_server.port}", progress=None, write_digest=False)
    db = sqlite3.connect(config.database)
    stored = db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    before = db.execute("SELECT id, article_id, position, title, investment_kzt FROM announcements ORDER BY id").fetchall()
    db.close()
    assert stored >= 12 and before

    config_path = tmp_path / "config.yaml"
    config_path.write_text(config.model_dump_json(), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "kzmon.cli", "reextract", "--config", str(config_path)],
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "worker processes" in result.stdout or (os.cpu_count() or 1) == 1, result.stdout
    assert f"re-extracted {stored} articles" in result.stdout
    assert f"{len(before)} announcements before, {len(before)} now" in result.stdout
    db = sqlite3.connect(config.database)
    # the same records, in the same rows: the pool agrees with the processing stage
    assert db.execute("SELECT id, article_id, position, title, investment_kzt FROM announcements ORDER BY id").fetchall() == before
