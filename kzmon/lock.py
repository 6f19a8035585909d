"""One kzmon job at a time per database: a cron-started run and the scheduler never overlap.

An flock(2) on a file next to the database. The kernel releases it when its holder exits,
however it exits (SIGKILL, power loss of the process), so there is no stale lock to clean up.
"""
from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

EXIT_ALREADY_RUNNING = 3


class AlreadyRunning(Exception):
    """Another kzmon job holds the lock; str() is the one line to show the user."""


def lock_path(db_path: Path) -> Path:
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + ".lock")


@contextlib.contextmanager
def job_lock(db_path: Path) -> Iterator[Path]:
    path = lock_path(db_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 200, 0).decode("utf-8", "replace").strip() or "unknown process"
            raise AlreadyRunning(f"another run is in progress ({holder}; lock {path}); exiting") from None
        os.ftruncate(fd, 0)
        started = datetime.now(timezone.utc).isoformat(timespec="seconds")
        os.pwrite(fd, f"pid {os.getpid()} since {started}\n".encode(), 0)
        try:
            yield path
        finally:
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def held_by_another_process(db_path: Path) -> bool:
    """Whether a live process other than this one holds the job lock of a database.

    False when nobody holds it (a holder that died released it) or when this process does;
    a run left `running` in the database is then known to be dead (storage.runs)."""
    path = lock_path(db_path)
    if not path.exists():
        return False
    fd = os.open(path, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:  # held: by us (job_lock around this call) or by another process
            holder = os.pread(fd, 200, 0).decode("utf-8", "replace")
            return not holder.startswith(f"pid {os.getpid()} ")
        fcntl.flock(fd, fcntl.LOCK_UN)
        return False
    finally:
        os.close(fd)
