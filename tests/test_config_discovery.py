"""Install anywhere: which config every command uses, `kzmon init`, `kzmon --version`, and help
text with examples for every command and option. Real subprocesses, real files."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from kzmon.cli import build_parser
from kzmon.config import DEFAULT_CONFIG, find_config, load_config

ROOT = Path(__file__).resolve().parent.parent


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "KZMON_CONFIG"}
    env.update(XDG_CONFIG_HOME=str(tmp_path / "xdg-config"), XDG_DATA_HOME=str(tmp_path / "xdg-data"), **extra)
    return env


def _kzmon(args: list[str], cwd: Path, env: dict[str, str], timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kzmon.cli", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=timeout)


def _config(path: Path, database: str, port: int = 9) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump({"database": database, "sources": [
        {"id": "dead", "name": "Nothing listens here", "feeds": [f"http://127.0.0.1:{port}/feed"]}]}), encoding="utf-8")
    return path


def test_bundled_config_is_the_repository_config():
    """The package ships the config the repository runs with, so `kzmon init` writes the real sources."""
    assert DEFAULT_CONFIG.read_bytes() == (ROOT / "config.yaml").read_bytes()


def test_discovery_order(tmp_path, monkeypatch):
    monkeypatch.delenv("KZMON_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    assert find_config() == DEFAULT_CONFIG
    bundled = load_config()
    assert Path(bundled.database) == tmp_path / "data" / "kzmon" / "data" / "kzmon.db", \
        "the bundled config keeps its data in the user's data dir, never in site-packages"
    user = _config(tmp_path / "xdg" / "kzmon" / "config.yaml", "user.db")
    assert find_config() == user
    here = _config(work / "config.yaml", "here.db")
    assert find_config().resolve() == here.resolve()
    env = _config(tmp_path / "env.yaml", "env.db")
    monkeypatch.setenv("KZMON_CONFIG", str(env))
    assert find_config() == env
    explicit = _config(tmp_path / "explicit.yaml", "explicit.db")
    assert find_config(explicit) == explicit
    assert Path(load_config().database) == tmp_path / "env.db"


def test_a_named_config_that_does_not_exist_is_one_line(tmp_path):
    for args, extra in ((["run", "--config", str(tmp_path / "nope.yaml")], {}),
                        (["sources"], {"KZMON_CONFIG": str(tmp_path / "nope.yaml")})):
        result = _kzmon(args, tmp_path, _env(tmp_path, **extra))
        assert result.returncode == 2
        assert result.stderr.count("\n") == 1 and "nope.yaml: no such config file" in result.stderr, result.stderr


def test_every_command_uses_the_same_config(tmp_path):
    """`kzmon sources` reads ./config.yaml of the working folder; `kzmon schedule` schedules the file
    it validated (here $KZMON_CONFIG): its first run fills the database that file names."""
    work = tmp_path / "work"
    _config(work / "config.yaml", "from-cwd.db")
    listed = _kzmon(["sources"], work, _env(tmp_path))
    assert listed.returncode == 0, listed.stderr
    assert (work / "from-cwd.db").exists() and " dead " in listed.stdout

    scheduled = _config(tmp_path / "etc" / "kzmon.yaml", "scheduled.db")
    env = _env(tmp_path, KZMON_CONFIG=str(scheduled))
    child = subprocess.Popen([sys.executable, "-m", "kzmon.cli", "schedule", "--now"], cwd=work, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    database = tmp_path / "etc" / "scheduled.db"
    try:
        deadline = time.monotonic() + 120
        finished = None
        while time.monotonic() < deadline and finished is None and child.poll() is None:
            if database.exists():
                try:
                    with sqlite3.connect(database) as db:
                        finished = db.execute("SELECT status FROM runs WHERE finished_at IS NOT NULL").fetchone()
                except sqlite3.OperationalError:  # not migrated yet
                    pass
            time.sleep(0.2)
    finally:
        os.killpg(child.pid, signal.SIGTERM)
        out, err = child.communicate(timeout=60)
    assert finished is not None, f"the scheduled run did not use {scheduled}: {err[-2000:]}"
    with sqlite3.connect(work / "from-cwd.db") as db:
        assert db.execute("SELECT count(*) FROM runs").fetchone()[0] == 0, "schedule ran the cwd's config instead"


def test_init_writes_the_starter_config_and_refuses_to_overwrite(tmp_path):
    env = _env(tmp_path)
    first = _kzmon(["init"], tmp_path, env)
    assert first.returncode == 0, first.stderr
    written = tmp_path / "xdg-config" / "kzmon" / "config.yaml"
    text = written.read_text(encoding="utf-8")
    assert "# kzmon configuration" in text and "id: astanatimes" in text, "the real sources, with their comments"
    config = load_config(written)
    assert config.database == str(tmp_path / "xdg-data" / "kzmon" / "kzmon.db")
    assert [s.id for s in config.sources] == [s.id for s in load_config(DEFAULT_CONFIG).sources]

    again = _kzmon(["init"], tmp_path, env)
    assert again.returncode == 2 and again.stderr.count("\n") == 1 and "--force" in again.stderr
    written.write_text(text + "# my edit\n", encoding="utf-8")
    assert _kzmon(["init"], tmp_path, env).returncode == 2
    assert written.read_text(encoding="utf-8").endswith("# my edit\n"), "an existing config is never overwritten"
    forced = _kzmon(["init", "--force"], tmp_path, env)
    assert forced.returncode == 0 and not written.read_text(encoding="utf-8").endswith("# my edit\n")

    elsewhere = tmp_path / "etc" / "kzmon" / "config.yaml"
    result = _kzmon(["init", "--path", str(elsewhere), "--data-dir", str(tmp_path / "var")], tmp_path, env)
    assert result.returncode == 0, result.stderr
    assert load_config(elsewhere).database == str(tmp_path / "var" / "kzmon.db")


def test_version(tmp_path):
    from importlib.metadata import version
    result = _kzmon(["--version"], tmp_path, _env(tmp_path))
    assert result.returncode == 0 and result.stdout.strip() == f"kzmon {version('kzmon')}"


def test_every_command_and_option_has_help_with_an_example():
    parser = build_parser()
    assert "examples:" in parser.epilog
    commands = parser._subparsers._group_actions[0].choices
    assert {"run", "demo", "init", "search", "serve", "export", "sources", "schedule", "digest"} <= set(commands)
    for name, sub in commands.items():
        assert sub.epilog and "examples:" in sub.epilog and f"kzmon {name}" in sub.epilog, name
        for action in sub._actions:
            assert action.help, f"kzmon {name} {action.option_strings or action.dest}: no help text"
