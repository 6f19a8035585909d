"""The processing pool's workers come up warm, and the warm-up is paid once per pool.

On Linux the workers are forked from multiprocessing's fork server, which imported
kzmon/worker_warm.py (trafilatura, the extractor, the stemmer, dedup, and `_warm()` on the
built-in samples) before forking them: a worker answers its first page without importing or
warming again, whereas spawned workers each paid about a second of their own. The pool stops
the server it started, so its CPU is counted among the job's children and nothing lingers.
Where there is no fork server, spawned workers warm themselves (the fallback is run here too).
Real worker processes; nothing is timed.
"""
from __future__ import annotations

import os
import sys

import pytest

import kzmon.processing as processing
from kzmon.processing import ordered_map


def who_warmed(_item: int) -> tuple[int, int | None, bool]:
    """In a worker: its pid, the process that ran _warm() there, and whether trafilatura is in."""
    return os.getpid(), processing._warmed_in, "trafilatura" in sys.modules


def _answers() -> list[tuple[int, int | None, bool]]:
    return [future.result() for _, future in ordered_map(who_warmed, list(range(24)), workers=2)]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the fork server is used on Linux")
def test_workers_are_forks_of_one_server_warmed_once(tmp_path):
    assert processing._start_method() == "forkserver"
    answers = _answers()

    workers = {pid for pid, _, _ in answers}
    warmed_in = {where for _, where, _ in answers}
    assert os.getpid() not in workers
    assert all(loaded for _, _, loaded in answers)
    # every worker inherited one warm-up, done by neither this process nor the worker itself
    assert len(warmed_in) == 1 and None not in warmed_in
    server = warmed_in.pop()
    assert server not in workers and server != os.getpid()
    # the pool stopped the server it started (and reaped it)
    assert processing._fork_server_pid() is None
    assert not os.path.exists(f"/proc/{server}")


def test_spawned_workers_warm_themselves(monkeypatch):
    monkeypatch.setattr(processing, "_start_method", lambda: "spawn")
    answers = _answers()

    assert all(loaded for _, _, loaded in answers)
    assert all(where == pid for pid, where, _ in answers)  # each worker ran its own warm-up
    assert os.getpid() not in {pid for pid, _, _ in answers}


def _raw_db(tmp_path, pages: int):
    from kzmon.storage import open_db
    from kzmon.storage.articles import compress_html
    from kzmon.storage.pages import store_raw_page
    from kzmon.storage.runs import sync_sources

    db = open_db(str(tmp_path / "kzmon.db"))
    sync_sources(db, [{"id": "plants", "name": "Plants", "kind": "feed", "languages": ["en"], "home": None}])
    for n in range(pages):
        url = f"https://plants.example.kz/news/{n}"
        html = (f"<html lang='en'><head><title>Plant {n}</title></head><body><article><h1>Plant {n}</h1>"
                f"<p>A cement plant number {n} worth {n + 1}0 billion tenge will be built in Shymkent, creating "
                f"{n + 1}00 jobs, the akimat said.</p><p>Construction starts in spring.</p></article></body></html>")
        store_raw_page(db, url, "plants", None, url, url, compress_html(html), {})
    return db


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the fork server is used on Linux")
@pytest.mark.parametrize("pages", [0, 2 * processing.INLINE_BELOW])
def test_a_server_warmed_ahead_is_used_by_the_pool_or_stopped(tmp_path, pages):
    """The job starts the fork server before the crawl stores anything (Processor.start_warming):
    with pages, the pool forks its workers from that server and stops it; on a day with no page,
    finish() stops it at once: nothing lingers either way."""
    db = _raw_db(tmp_path, pages)
    processor = processing.Processor(db, run_id=None, window_start=None, workers=2)
    processor.start_warming()
    server = processing._fork_server_pid()
    assert server is not None
    done = processor.finish()

    assert done.pages == pages
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == pages
    assert processing._fork_server_pid() is None
    assert not os.path.exists(f"/proc/{server}")
