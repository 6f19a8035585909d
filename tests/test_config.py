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
