"""A bad config is one line naming the key and the problem, exit code 2, no traceback."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from kzmon.config import ConfigError, load_config

GOOD = {
    "database": "k.db",
    "sources": [
        {"id": "a", "name": "A", "feeds": ["https://a.example.kz/feed/"]},
        {"id": "b", "name": "B", "feeds": ["https://b.example.kz/rss"]},
        {"id": "c", "name": "C", "feeds": ["https://c.example.kz/rss"]},
    ],
}


def write(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "config.yaml"
    path.write_text(yaml.safe_dump(data) if not isinstance(data, str) else data, encoding="utf-8")
    return path


def broken(**changes):
    data = yaml.safe_load(yaml.safe_dump(GOOD))
    for dotted, value in changes.items():
        target = data
        *path, last = dotted.split("/")
        for part in path:
            target = target[int(part)] if part.isdigit() else target[part]
        target[int(last) if last.isdigit() else last] = value
    return data


@pytest.mark.parametrize("data, message", [
    (broken(**{"sources/2/feeds/0": "not-a-url"}), "config.yaml: sources[2].feeds[0]: not a URL"),
    (broken(**{"sources/1/id": "a"}), "config.yaml: sources: duplicate source id 'a'"),
    (broken(**{"schedule": {"timezone": "Mars/Olympus"}}), "config.yaml: schedule.timezone: not a time zone name"),
    (broken(**{"schedule": {"cron": "every day"}}), "config.yaml: schedule.cron: not a 5-field cron expression"),
    (broken(**{"sources/0/colour": "red"}), "config.yaml: sources[0].colour: unknown key"),
    (broken(**{"sources/0/feeds": []}), "config.yaml: sources[0]: needs at least one of feeds, sitemaps, listings, api"),
    (broken(**{"sources/0/article_pattern": "(unclosed"}), "config.yaml: sources[0].article_pattern: not a regular expression"),
])
def test_errors_name_the_key(tmp_path, data, message):
    with pytest.raises(ConfigError) as info:
        load_config(write(tmp_path, data))
    assert str(info.value).startswith(message)
    assert "\n" not in str(info.value)


def test_good_config_loads_with_paths_relative_to_it(tmp_path):
    config = load_config(write(tmp_path, GOOD))
    assert Path(config.database) == (tmp_path / "k.db").resolve()
    assert config.schedule.timezone == "Asia/Almaty"


def test_yaml_syntax_error_is_one_line(tmp_path):
    with pytest.raises(ConfigError) as info:
        load_config(write(tmp_path, "sources: [\n  - id: a\n"))
    assert "not valid YAML" in str(info.value)


def test_project_config_is_valid():
    config = load_config()
    assert len(config.sources) >= 1


def test_cli_prints_one_line_and_exits_2(tmp_path):
    path = write(tmp_path, broken(**{"sources/2/feeds/0": "not-a-url"}))
    result = subprocess.run([sys.executable, "-m", "kzmon.cli", "run", "--config", str(path)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert result.stderr.strip() == "config.yaml: sources[2].feeds[0]: not a URL"
    assert "Traceback" not in result.stderr


def test_secrets_come_from_the_environment(tmp_path, monkeypatch):
    data = dict(GOOD, email={"enabled": True, "user_env": "KZ_TEST_USER", "password_env": "KZ_TEST_PASS", "to": ["a@b.kz"]})
    config = load_config(write(tmp_path, data))
    monkeypatch.setenv("KZ_TEST_USER", "robot")
    monkeypatch.setenv("KZ_TEST_PASS", "s3cret")
    assert config.email.credentials() == ("robot", "s3cret")
    monkeypatch.delenv("KZ_TEST_USER")
    assert config.email.credentials() is None


# -- clear inputs: values that used to pass validation and fail later, or be refused wrongly ---

def kzmon(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kzmon.cli", *args], capture_output=True, text=True, timeout=120,
                          cwd=cwd)


@pytest.mark.parametrize("schedule, message", [
    ({"cron": "99 99 * * *"}, "config.yaml: schedule.cron: not a valid cron expression: minute '99'"),
    ({"cron": "0 99 * * *"}, "config.yaml: schedule.cron: not a valid cron expression: hour '99'"),
    ({"cron": "*/0 7 * * *"}, "config.yaml: schedule.cron: not a valid cron expression: minute '*/0'"),
    ({"cron": "0 7 31 2 *"}, "config.yaml: schedule.cron: cron expression '0 7 31 2 *' never fires"),
    ({"cron": "0 7 * * 9"}, "config.yaml: schedule.cron: not a valid cron expression: day of week '9'"),
    ({"cron": "0 7 * * */2"}, "config.yaml: schedule.cron: not a valid cron expression: day of week '*/2'"),
    ({"timezone": "Asia"}, "config.yaml: schedule.timezone: not a time zone name"),
    ({"timezone": ""}, "config.yaml: schedule.timezone: not a time zone name"),
])
def test_schedule_values_that_cannot_run_are_refused_at_load(tmp_path, schedule, message):
    with pytest.raises(ConfigError) as info:
        load_config(write(tmp_path, broken(schedule=schedule)))
    assert str(info.value).startswith(message)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize("cron", ["0 7 * * *", "30 6 * * 1-5", "0 7 * * 7", "0 7 * * 0,6", "0 7 * * mon-fri",
                                  "*/15 8-18 * * *", "0 7 29 2 *"])
def test_good_crons_still_load(tmp_path, cron):
    assert load_config(write(tmp_path, broken(schedule={"cron": cron}))).schedule.cron == cron


@pytest.mark.parametrize("schedule, key", [
    ({"cron": "99 99 * * *"}, "schedule.cron"),
    ({"timezone": "Asia"}, "schedule.timezone"),
])
def test_cli_schedule_refuses_bad_schedule_in_one_line_exit_2(tmp_path, schedule, key):
    result = kzmon("schedule", "--config", str(write(tmp_path, broken(schedule=schedule))))
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith(f"config.yaml: {key}: ") and result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr


def test_cli_non_utf8_config_is_one_line_naming_the_file(tmp_path):
    path = tmp_path / "config.yaml"
    path.write_bytes(yaml.safe_dump(GOOD).encode() + "# Алматы\n".encode("cp1251"))
    result = kzmon("search", "--config", str(path), "x")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith(f"{path}: line ") and "not UTF-8" in result.stderr


@pytest.mark.parametrize("url", ["http://localhost:8080/", "http://intranet/feed", "http://[::1]:8080/rss",
                                 "https://10.0.0.5/rss", "http://localhost/", "https://a.example.kz/feed/"])
def test_local_single_label_and_ipv6_hosts_are_urls(tmp_path, url):
    config = load_config(write(tmp_path, broken(**{"sources/0/feeds/0": url})))
    assert config.sources[0].feeds[0] == url


@pytest.mark.parametrize("url", ["not-a-url", "http://", "ftp://a.example.kz/", "http://a b.kz/", "http://[::zz]/rss",
                                 "http://host:99999/", "http://host:port/", "http://a..kz/", "http:/a.example.kz/"])
def test_what_is_not_a_url_is_still_refused(tmp_path, url):
    with pytest.raises(ConfigError) as info:
        load_config(write(tmp_path, broken(**{"sources/0/feeds/0": url})))
    assert str(info.value) == "config.yaml: sources[0].feeds[0]: not a URL"


# -- the database path: one line naming the file, exit 2 ------------------------------------

def _database_config(tmp_path: Path, database: str) -> Path:
    return write(tmp_path, dict(GOOD, database=database))


@pytest.mark.parametrize("command", [["search", "x"], ["sources"], ["reextract"], ["digest", "--dry-run"]])
def test_cli_database_that_is_a_folder(tmp_path, command):
    (tmp_path / "k.db").mkdir()
    result = kzmon(*command, "--config", str(_database_config(tmp_path, "k.db")))
    assert result.returncode == 2, result.stderr
    assert result.stderr == f"{tmp_path / 'k.db'}: the database path is a folder, not a file (config key: database)\n"


def test_cli_database_under_a_file(tmp_path):
    (tmp_path / "data").write_text("x")
    result = kzmon("search", "--config", str(_database_config(tmp_path, "data/k.db")), "x")
    assert result.returncode == 2
    assert result.stderr == f"{tmp_path / 'data' / 'k.db'}: cannot create the database's folder: {tmp_path / 'data'} is a file\n"


def test_cli_database_that_is_not_sqlite(tmp_path):
    (tmp_path / "k.db").write_text("hello, not a database")
    result = kzmon("search", "--config", str(_database_config(tmp_path, "k.db")), "x")
    assert result.returncode == 2
    assert result.stderr == f"{tmp_path / 'k.db'}: not an SQLite database\n"


@pytest.fixture()
def unwritable_folder(tmp_path):
    """A folder nobody may write in: mode 555 for a normal user, the immutable flag for root."""
    import os
    import shutil
    folder = tmp_path / "ro"
    folder.mkdir()
    if os.geteuid() != 0:
        folder.chmod(0o555)
        yield folder
        folder.chmod(0o755)
        return
    if not shutil.which("chattr") or subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode:
        pytest.skip("running as root without chattr +i: cannot make a folder unwritable")
    try:
        yield folder
    finally:
        subprocess.run(["chattr", "-i", str(folder)], check=True)


@pytest.mark.parametrize("command", [["run"], ["reextract"]])
def test_cli_database_in_an_unwritable_folder(tmp_path, unwritable_folder, command):
    result = kzmon(*command, "--config", str(_database_config(tmp_path, "ro/k.db")))
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith(f"{unwritable_folder / 'k.db'}: cannot write in the database's folder ")
    assert result.stderr.count("\n") == 1


def test_cli_search_never_creates_a_database(tmp_path, unwritable_folder):
    """A query reads a database; where there is none it says so and creates nothing."""
    result = kzmon("search", "x", "--config", str(_database_config(tmp_path, "ro/k.db")))
    assert result.returncode == 2
    assert result.stderr == f"{unwritable_folder / 'k.db'}: no such database (give --db FILE, or fill it with `kzmon run` or `kzmon demo`)\n"
