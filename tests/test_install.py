"""Install anywhere: the wheel, installed into a fresh virtual environment, works from a folder
outside the source tree: --version, init, a daily run against the replay, search, export, and
the exact cron line of deploy/crontab under `env -i`.

One venv per test session. Its dependencies are this environment's (a `.pth` line puts this
venv's site-packages after the new venv's own; `.pth` files in it, such as the editable
install's finder, are not run, so the source tree is not importable there). kzmon itself comes
only from the wheel, which the test checks by where the packages are imported from.
"""
from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
import yaml
from openpyxl import load_workbook

from kzmon.replay.server import ReplayServer

ROOT = Path(__file__).resolve().parent.parent
SKIP_AT_TOP = {".venv", ".git", "data", "kzmon-demo", "build", "dist", ".pytest_cache"}


def _ignore(folder: str, names: list[str]) -> set[str]:
    out = {n for n in names if n == "__pycache__" or n.endswith(".egg-info")}
    if Path(folder) == ROOT:
        out |= {n for n in names if n in SKIP_AT_TOP}
    return out


@pytest.fixture(scope="session")
def installed(tmp_path_factory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("install")
    source = base / "src"
    shutil.copytree(ROOT, source, ignore=_ignore)  # a clean copy: the build leaves nothing in the repository
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", ".", "--no-deps", "-w", str(base / "dist"), "-q"],
                           cwd=source, capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stderr[-3000:]
    (wheel,) = (base / "dist").glob("kzmon-*.whl")
    venv = base / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    python = venv / "bin" / "python"
    purelib = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                                  capture_output=True, text=True, check=True).stdout.strip())
    (purelib / "_kzmon_test_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    install = subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "-q", str(wheel)],
                             capture_output=True, text=True, timeout=600)
    assert install.returncode == 0, install.stderr[-3000:]
    shutil.rmtree(source)
    return {"base": base, "venv": venv, "python": python, "kzmon": venv / "bin" / "kzmon", "purelib": purelib}


def _env(installed: dict[str, Path], **extra: str) -> dict[str, str]:
    home = installed["base"] / "home"
    home.mkdir(exist_ok=True)
    return {"PATH": f"{installed['venv'] / 'bin'}:/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8", **extra}


def _run(installed, *args: str, cwd: Path, env: dict[str, str] | None = None, timeout: float = 300):
    return subprocess.run([str(installed["kzmon"]), *args], cwd=cwd, env=env or _env(installed), capture_output=True,
                          text=True, timeout=timeout)


def test_the_wheel_works_outside_the_source_tree(installed, tmp_path):
    cwd = tmp_path / "elsewhere"
    cwd.mkdir()
    where = subprocess.run([str(installed["python"]), "-c",
                            "import kzmon, kzmon.crawler, kzmon.extract, kzmon.storage, sys; "
                            "print('\\n'.join(m.__file__ for m in (kzmon, kzmon.crawler, kzmon.extract, kzmon.storage)))"],
                           cwd=cwd, env=_env(installed), capture_output=True, text=True, check=True).stdout.split()
    assert all(Path(f).is_relative_to(installed["purelib"] / "kzmon") for f in where), where
    # Only kzmon/ in site-packages: no top-level crawler, extract or storage to clash with others.
    assert not [n for n in ("crawler", "extract", "storage") if (installed["purelib"] / n).exists()]
    assert (installed["purelib"] / "kzmon" / "extract" / "data" / "concepts.yaml").is_file()

    version = _run(installed, "--version", cwd=cwd)
    assert version.returncode == 0 and version.stdout.strip() == "kzmon 0.1.0", version.stderr

    etc, var, log = tmp_path / "etc" / "kzmon", tmp_path / "var" / "lib" / "kzmon", tmp_path / "var" / "log" / "kzmon"
    log.mkdir(parents=True)
    init = _run(installed, "init", "--path", str(etc / "config.yaml"), "--data-dir", str(var), cwd=cwd)
    assert init.returncode == 0, init.stderr
    config = yaml.safe_load((etc / "config.yaml").read_text(encoding="utf-8"))
    assert config["database"] == str(var / "kzmon.db") and len(config["sources"]) >= 10
    # The replay's pages are dated 2026-11: a window that reaches them, and no politeness delay on 127.0.0.1.
    text = (etc / "config.yaml").read_text(encoding="utf-8")
    text = re.sub(r"(?m)^  window_days: \d+", "  window_days: 3650", text)
    text = re.sub(r"(?m)^  download_delay: [\d.]+", "  download_delay: 0", text)
    (etc / "config.yaml").write_text(text, encoding="utf-8")

    with ReplayServer() as server:
        replay = f"127.0.0.1:{server.port}"
        run = _run(installed, "run", "--config", str(etc / "config.yaml"), cwd=cwd,
                   env=_env(installed, KZMON_REPLAY_ADDRESS=replay))
        assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
        assert run.stderr == "" and "Traceback" not in run.stdout
        with sqlite3.connect(var / "kzmon.db") as db:
            articles = db.execute("SELECT count(*) FROM articles").fetchone()[0]
            projects = db.execute("SELECT count(*) FROM projects").fetchone()[0]
        assert articles > 50 and projects > 5
        assert list(var.glob("digest-*.html")), "the digest is written in the data dir"

        search = _run(installed, "search", "--db", str(var / "kzmon.db"), "cement OR цемент", cwd=cwd)
        assert search.returncode == 0, search.stderr
        assert "https://" in search.stdout and "stories for" in search.stdout

        xlsx = cwd / "projects.xlsx"
        export = _run(installed, "export", "--db", str(var / "kzmon.db"), "--format", "xlsx", "-o", str(xlsx), cwd=cwd)
        assert export.returncode == 0, export.stderr
        rows = list(load_workbook(xlsx).active.iter_rows(values_only=True))
        assert len(rows) == projects + 1 and "title" in rows[0]

        # The cron line of deploy/crontab, exactly, with its paths moved into the temporary root.
        crontab = (ROOT / "deploy" / "crontab").read_text(encoding="utf-8")
        assert "CRON_TZ=Asia/Almaty" in crontab.splitlines()
        path_line = next(line for line in crontab.splitlines() if line.startswith("PATH="))
        job = next(line for line in crontab.splitlines() if line and not line.startswith("#") and "kzmon run" in line)
        command = job.split(None, 5)[5]
        moved = {"/opt/kzmon/venv": str(installed["venv"]), "/etc/kzmon": str(etc), "/var/log/kzmon": str(log)}
        for real, temporary in moved.items():
            assert real in command or real == "/var/log/kzmon"
            command = command.replace(real, temporary)
        (etc / "kzmon.env").write_text(f"KZMON_SMTP_USER=analyst\nKZMON_SMTP_PASSWORD=secret\nKZMON_REPLAY_ADDRESS={replay}\n")
        (etc / "kzmon.env").chmod(0o640)
        cron = subprocess.run(["env", "-i", path_line, "/bin/sh", "-c", command], cwd="/", capture_output=True,
                              text=True, timeout=300)
    assert cron.returncode == 0, cron.stderr + (log / "run.log").read_text(encoding="utf-8", errors="replace")[-3000:]
    written = (log / "run.log").read_text(encoding="utf-8")
    assert "0 new articles" in written and "Traceback" not in written and "┃" not in written


def test_deploy_files_agree_on_paths():
    """The units, the crontab and the README name the same venv, config, env file and data dir,
    and nothing installs into the system's Python."""
    deploy = ROOT / "deploy"
    service = (deploy / "kzmon.service").read_text()
    scheduler = (deploy / "kzmon-scheduler.service").read_text()
    crontab = (deploy / "crontab").read_text()
    readme = (deploy / "README.md").read_text()
    for unit in (service, scheduler):
        assert "User=kzmon" in unit and "EnvironmentFile=-/etc/kzmon/kzmon.env" in unit
        assert re.search(r"(?m)^ExecStart=/opt/kzmon/venv/bin/kzmon (run|schedule) --config /etc/kzmon/config.yaml$", unit)
        assert "ReadWritePaths=/var/lib/kzmon" in unit
    assert "/opt/kzmon/venv/bin/kzmon run --config /etc/kzmon/config.yaml" in crontab and ". /etc/kzmon/kzmon.env" in crontab
    assert "install -o root -g kzmon -m 0640" in readme and "/etc/kzmon/kzmon.env" in readme
    assert "/usr/local/bin" not in service + scheduler + crontab + readme
    assert not re.search(r"(?m)^(sudo )?pip3? install", readme), "no system-wide pip"
    assert "OnCalendar=*-*-* 07:00:00 Asia/Almaty" in (deploy / "kzmon.timer").read_text()
