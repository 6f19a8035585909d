"""Shared fixtures: the replay server and a config pointed at a temporary work folder."""
from __future__ import annotations

import re
from datetime import date, datetime, time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from kzmon.config import DEFAULT_CONFIG, Config, Source, load_config
from kzmon.demo import demo_config
from kzmon.job import KZ_TIME
from kzmon.replay.server import ReplayServer, captured_date, load_sites

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def as_of() -> datetime:
    return datetime.combine(date.fromisoformat(captured_date()), time(23, 0), KZ_TIME)


@pytest.fixture(scope="session")
def project_config() -> Config:
    return load_config(DEFAULT_CONFIG)


def make_config(base: Config, workdir: Path, **crawl: object) -> Config:
    config = demo_config(base, workdir)
    if crawl:
        config = config.model_copy(update={"crawl": config.crawl.model_copy(update=crawl)})
    return config


@pytest.fixture()
def replay_server():
    with ReplayServer() as server:
        yield server


def source_owns(source: Source, url: str) -> bool:
    """Whether an article URL of the snapshot belongs to this configured source."""
    if source.api:
        return any(f"/entities/{project}/" in url for project in source.api.projects) and \
            urlsplit(url).hostname == urlsplit(source.api.base).hostname
    return bool(source.article_pattern and re.search(source.article_pattern, url))


def expected_articles(source: Source, include_archive: bool = False) -> list[dict]:
    """The snapshot's ground truth for a source: its site.yaml articles."""
    out = []
    for site in load_sites().values():
        for article in site.articles:
            if source_owns(source, article["url"]) and (include_archive or not article.get("archive")):
                out.append(article)
    return out
