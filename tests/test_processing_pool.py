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
