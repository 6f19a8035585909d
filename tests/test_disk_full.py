"""A full disk in the middle of a run loses nothing: the database sits on a small tmpfs that
fills up during the crawl; after the disk grows, a rerun stores every article of the window,
none twice, in a database that passes SQLite's integrity check. Needs root to mount a tmpfs
(the CI machine runs as root); skipped where mounting is not allowed."""
from __future__ import annotations

import sqlite3
import subprocess
import uuid
from pathlib import Path

import pytest

from kzmon.crawler.urls import canonical_url
from kzmon.job import run_daily

from replay_support import expected_articles, make_config

SOURCES = ("astanatimes", "kursiv", "inform-ru", "tengrinews-ru")


@pytest.fixture()
def small_disk(tmp_path):
    mount = tmp_path / f"disk-{uuid.uuid4().hex[:6]}"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2500k", "tmpfs", str(mount)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True)


def test_a_full_disk_loses_nothing_after_the_disk_grows(small_disk, project_config, replay_server, as_of):
    base = project_config.model_copy(update={"sources": [project_config.source(i) for i in SOURCES]})
    config = make_config(base, small_disk)
    address = f"127.0.0.1:{replay_server.port}"

    try:
        first = run_daily(config, as_of=as_of, replay_address=address, progress=None, write_digest=False)
        assert first.status != "ok", "a run that could not store articles must not report ok"
    except sqlite3.OperationalError as error:   # the run could not even record itself: it stops, loudly
        assert "full" in str(error)
    expected = [a["url"] for s in SOURCES for a in expected_articles(project_config.source(s))]
    with sqlite3.connect(config.database) as db:
        stored_first = db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    assert stored_first < len(expected), "the disk did not fill up: make it smaller"

    subprocess.run(["mount", "-o", "remount,size=64m", str(small_disk)], check=True)
    run_daily(config, as_of=as_of, replay_address=address, progress=None, write_digest=False)

    db = sqlite3.connect(config.database)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    stored = {row[0] for row in db.execute("SELECT url FROM article_urls")}
    lost = [url for url in expected if canonical_url(url) not in stored]
    assert not lost, f"{len(lost)} of {len(expected)} lost after a full disk: {lost[:5]}"
    count, distinct = db.execute("SELECT COUNT(*), COUNT(DISTINCT canonical_url) FROM articles").fetchone()
    assert count == distinct == len(expected)
