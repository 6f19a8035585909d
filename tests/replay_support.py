"""Helpers shared by the replay tests: which snapshot articles belong to which source."""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from kzmon.config import Config, Source
from kzmon.demo import demo_config
from kzmon.replay.server import load_sites


def make_config(base: Config, workdir: Path, **crawl: object) -> Config:
    config = demo_config(base, workdir)
    if crawl:
        config = config.model_copy(update={"crawl": config.crawl.model_copy(update=crawl)})
    return config


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
