"""Shared fixtures: the replay server and a config pointed at a temporary work folder."""
from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

import pytest

from kzmon.config import DEFAULT_CONFIG, Config, load_config
from kzmon.job import KZ_TIME
from kzmon.replay.server import ReplayServer, captured_date

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def as_of() -> datetime:
    return datetime.combine(date.fromisoformat(captured_date()), time(23, 0), KZ_TIME)


@pytest.fixture(scope="session")
def project_config() -> Config:
    return load_config(DEFAULT_CONFIG)


@pytest.fixture()
def replay_server():
    with ReplayServer() as server:
        yield server
