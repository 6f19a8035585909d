"""The job lock: a second run exits at once with a clear message and code 3; a dead holder frees it."""
from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from test_digest_support import SOURCES

from kzmon.digest.cli import main_digest
from kzmon.lock import EXIT_ALREADY_RUNNING, AlreadyRunning, job_lock, lock_path

REPO = Path(__file__).resolve().parent.parent


def test_second_holder_is_refused_with_the_holders_pid(tmp_path):
    db = tmp_path / "k.db"
    with job_lock(db):
        with pytest.raises(AlreadyRunning, match=rf"pid {os.getpid()} since"):
            with job_lock(db):
                pass
    with job_lock(db):  # released on exit
        pass


def test_lock_of_a_killed_process_is_free_again(tmp_path):
    db = tmp_path / "k.db"
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from kzmon.lock import job_lock\n"
         "with job_lock(sys.argv[1]):\n    print('held', flush=True); time.sleep(60)", str(db)],
        cwd=REPO, stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert holder.stdout.readline().strip() == "held"
    with pytest.raises(AlreadyRunning):
        with job_lock(db):
            pass
    holder.send_signal(signal.SIGKILL)
    holder.wait(timeout=10)
    with job_lock(db) as path:
        assert path == lock_path(db) and path.exists()


def test_digest_command_exits_3_with_one_line_while_a_run_holds_the_lock(tmp_path, capsys):
    config_path = tmp_path / "config.yaml"
    config_path.write_text(yaml.safe_dump({"database": "k.db", "sources": SOURCES}))
    with job_lock(tmp_path / "k.db"):
        started = time.monotonic()
        code = main_digest(argparse.Namespace(config=config_path, dry_run=True, resend=None))
    assert code == EXIT_ALREADY_RUNNING and time.monotonic() - started < 5
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("kzmon: another run is in progress")


def test_demo_exits_3_while_another_job_holds_its_database(tmp_path):
    """`kzmon demo` writes a real database; it takes the same lock as `kzmon run` on it."""
    workdir = tmp_path / "demo"
    database = workdir.resolve() / "kzmon.db"
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from kzmon.lock import job_lock\n"
         "with job_lock(sys.argv[1]):\n    print('held', flush=True); time.sleep(300)", str(database)],
        cwd=REPO, stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(REPO)})
    try:
        assert holder.stdout.readline().strip() == "held"
        started = time.monotonic()
        demo = subprocess.run([sys.executable, "-m", "kzmon.cli", "demo", "--workdir", str(workdir)], cwd=REPO,
                              capture_output=True, text=True, timeout=300, env={**os.environ, "PYTHONPATH": str(REPO)})
        assert demo.returncode == EXIT_ALREADY_RUNNING, demo.stdout[-2000:] + demo.stderr[-2000:]
        assert time.monotonic() - started < 30
        err = demo.stderr.strip().splitlines()
        assert len(err) == 1 and err[0].startswith("kzmon: another run is in progress"), demo.stderr
        assert f"pid {holder.pid} since" in err[0]
        assert not database.exists() and not (workdir / "mail").exists(), "the demo touched a locked database"
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=10)
