"""The scheduler: trigger in the config's zone, one child process per tick, the lock, a graceful stop."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml
from test_digest_support import SOURCES

from kzmon.config import Config, load_config
from kzmon.lock import EXIT_ALREADY_RUNNING, AlreadyRunning, job_lock
from kzmon.schedule import build_scheduler, run_tick, stop_requested
from kzmon.storage import open_db

REPO = Path(__file__).resolve().parent.parent
TESTS = Path(__file__).resolve().parent


def write_config(tmp_path: Path, **schedule) -> Path:
    path = tmp_path / "config.yaml"
    path.write_text(yaml.safe_dump({"database": "k.db", "workdir": "out", "schedule": schedule,
                                    "sources": SOURCES}))
    return path


# -- jobs the spawned child runs (importable as test_schedule:<name>) ---------------------

def report_process(config: Config) -> None:
    """Writes its pid and whether the lock was held while it ran."""
    try:
        with job_lock(Path(config.database)):
            held = "free"
    except AlreadyRunning:
        held = "held"
    Path(config.workdir).mkdir(parents=True, exist_ok=True)
    (Path(config.workdir) / "job.txt").write_text(f"{os.getpid()} {held}")


def stepwise_writer(config: Config) -> None:
    """Twenty steps, each one transaction of two rows; stops at a step boundary when asked."""
    db = open_db(config.database)
    db.execute("CREATE TABLE IF NOT EXISTS steps (step INTEGER, half TEXT)")
    Path(config.workdir).mkdir(parents=True, exist_ok=True)
    for step in range(20):
        if stop_requested():
            break
        with db.conn:
            db.execute("INSERT INTO steps VALUES (?, 'a')", [step])
            time.sleep(0.1)  # a signal arriving here must not leave half a step
            db.execute("INSERT INTO steps VALUES (?, 'b')", [step])
        (Path(config.workdir) / "started").touch()
        time.sleep(0.2)


# -- tests ---------------------------------------------------------------------------------

def test_trigger_uses_the_config_zone_not_the_machines(tmp_path):
    for zone, expected_utc in (("Asia/Almaty", datetime(2026, 11, 22, 2, 0, tzinfo=timezone.utc)),
                               ("Europe/London", datetime(2026, 11, 22, 7, 0, tzinfo=timezone.utc))):
        config = load_config(write_config(tmp_path, cron="0 7 * * *", timezone=zone, misfire_grace_seconds=900))
        job = build_scheduler(config, tmp_path / "config.yaml").get_job("kzmon-daily")
        assert job.trigger.timezone == ZoneInfo(zone)
        now = datetime(2026, 11, 21, 23, 0, tzinfo=timezone.utc)
        assert job.trigger.get_next_fire_time(None, now) == expected_utc
        assert (job.coalesce, job.max_instances, job.misfire_grace_time) == (True, 1, 900)


def test_crontab_weekday_numbers_count_from_sunday(tmp_path):
    config = load_config(write_config(tmp_path, cron="0 7 * * 1-5", timezone="Asia/Almaty"))
    trigger = build_scheduler(config, tmp_path / "config.yaml").get_job("kzmon-daily").trigger
    saturday = datetime(2026, 11, 21, 12, 0, tzinfo=ZoneInfo("Asia/Almaty"))
    assert trigger.get_next_fire_time(None, saturday).weekday() == 0  # Monday, not Sunday


def test_tick_runs_the_job_in_a_child_that_holds_the_lock(tmp_path):
    config_path = write_config(tmp_path)
    assert run_tick(str(config_path), "test_schedule:report_process") == 0
    pid, held = (tmp_path / "out" / "job.txt").read_text().split()
    assert int(pid) != os.getpid() and held == "held"


def test_tick_exits_3_without_running_while_another_run_holds_the_lock(tmp_path):
    config_path = write_config(tmp_path)
    with job_lock(tmp_path / "k.db"):
        assert run_tick(str(config_path), "test_schedule:report_process") == EXIT_ALREADY_RUNNING
    assert not (tmp_path / "out" / "job.txt").exists()


def test_sigterm_stops_after_the_write_in_progress(tmp_path):
    config_path = write_config(tmp_path, cron="0 7 * * *", timezone="Asia/Almaty")
    code = ("import sys; from pathlib import Path; from kzmon.schedule import run_scheduler; "
            "run_scheduler(Path(sys.argv[1]), job='test_schedule:stepwise_writer', run_now=True)")
    scheduler = subprocess.Popen([sys.executable, "-c", code, str(config_path)], cwd=REPO, text=True,
                                 stderr=subprocess.PIPE,
                                 env={**os.environ, "PYTHONPATH": f"{REPO}{os.pathsep}{TESTS}"})
    marker = tmp_path / "out" / "started"
    deadline = time.monotonic() + 30
    while not marker.exists():
        assert scheduler.poll() is None and time.monotonic() < deadline, "the job never started"
        time.sleep(0.05)
    time.sleep(0.15)  # likely inside a step's transaction
    scheduler.send_signal(signal.SIGTERM)
    _, err = scheduler.communicate(timeout=30)
    assert scheduler.returncode == 0, err
    assert "stop requested" in err and "stopped" in err
    rows = open_db(tmp_path / "k.db").execute("SELECT step, count(*) FROM steps GROUP BY step").fetchall()
    assert 1 <= len(rows) < 20, "it stopped early"
    assert all(count == 2 for _, count in rows), "no half-written step"
