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


# Figures that quality gates measured during the run, printed once at the end (pytest hides
# a passing test's output; a gate's figures are worth reading whether it passed or not).
REPORTED_FIGURES: list[str] = []


@pytest.fixture(scope="session")
def report_figure():
    return REPORTED_FIGURES.append


def pytest_terminal_summary(terminalreporter) -> None:
    """Count kzmon's own tests apart from the replay fixtures' consistency checks."""
    counts = {True: {}, False: {}}
    for outcome in ("passed", "failed", "error", "skipped"):
        for report in terminalreporter.stats.get(outcome, []):
            if outcome in ("passed", "failed") and getattr(report, "when", "call") != "call":
                continue
            fixture = "snapshot" in getattr(report, "keywords", {})
            counts[fixture][outcome] = counts[fixture].get(outcome, 0) + 1
    if REPORTED_FIGURES:
        terminalreporter.section("quality figures")
        for line in REPORTED_FIGURES:
            terminalreporter.write_line(line)
    terminalreporter.section("what was tested")
    for fixture, label in ((False, "kzmon's own tests"), (True, "replay snapshot consistency checks (-m snapshot)")):
        parts = ", ".join(f"{n} {k}" for k, n in sorted(counts[fixture].items())) or "none run"
        terminalreporter.write_line(f"{label}: {parts}")
