"""Kill a daily run at several points, run again: no article that discovery found is lost.

The job runs in a child process group of its own against the replay server on 127.0.0.1
(made slow so that a kill lands midway); the whole group is killed with SIGKILL, or sent
the documented graceful SIGTERM, once a given number of articles is stored. The rerun must
store every article of the snapshot's window, none twice, in a database that passes
SQLite's integrity check.
"""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kzmon.crawler.urls import canonical_url

from replay_support import expected_articles, make_config

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("astanatimes", "kursiv", "inform-ru", "govkz-mps", "tengrinews-ru")
DRIVER = """
import sys
from datetime import datetime
from kzmon.config import Config
from kzmon.job import run_daily
config = Config.model_validate_json(open(sys.argv[1], encoding="utf-8").read())
run_daily(config, as_of=datetime.fromisoformat(sys.argv[2]), replay_address=sys.argv[3], progress=None,
          write_digest=False)
"""


def _stored(database: Path) -> int:
    if not database.exists():
        return 0
    try:
        with sqlite3.connect(database, timeout=1) as db:
            return db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet, or locked for a moment
        return 0


def _run(config_path: Path, as_of, address: str, stop_after: int | None, how: signal.Signals) -> None:
    child = subprocess.Popen([sys.executable, "-c", DRIVER, str(config_path), as_of.isoformat(), address],
                             cwd=ROOT, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    database = config_path.parent / "kzmon.db"
    try:
        if stop_after is not None:
            deadline = time.monotonic() + 120
            while _stored(database) < stop_after and child.poll() is None and time.monotonic() < deadline:
                time.sleep(0.05)
            assert child.poll() is None, "the run ended before the kill point: make the web slower"
            os.killpg(child.pid, how)
        child.wait(timeout=180)
    finally:
        if child.poll() is None:
            os.killpg(child.pid, signal.SIGKILL)
            child.wait()


@pytest.mark.parametrize("how, stop_after", [
    (signal.SIGKILL, 1), (signal.SIGKILL, 12), (signal.SIGKILL, 30), (signal.SIGTERM, 5), (signal.SIGTERM, 25)])
def test_a_killed_run_loses_nothing_after_a_rerun(tmp_path, project_config, replay_server, as_of, how, stop_after):
    base = project_config.model_copy(update={"sources": [project_config.source(i) for i in SOURCES]})
    config = make_config(base, tmp_path)
    config_path = tmp_path / "config.json"
    config_path.write_text(config.model_dump_json(), encoding="utf-8")
    address = f"127.0.0.1:{replay_server.port}"

    replay_server.latency = 0.15
    _run(config_path, as_of, address, stop_after, how)
    replay_server.latency = 0.0
    _run(config_path, as_of, address, None, how)

    db = sqlite3.connect(config.database)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    stored = {row[0] for row in db.execute("SELECT url FROM article_urls")}
    expected = [a["url"] for s in SOURCES for a in expected_articles(project_config.source(s))]
    lost = [url for url in expected if canonical_url(url) not in stored]
    assert not lost, f"{len(lost)} of {len(expected)} articles lost after {how.name} at {stop_after}: {lost[:5]}"
    articles = db.execute("SELECT COUNT(*), COUNT(DISTINCT canonical_url) FROM articles").fetchone()
    assert articles[0] == articles[1] == len(expected)
