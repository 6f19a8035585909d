"""The extractor on the replay snapshot: pages the crawler really sees, through the text layer.

Each site.yaml lists its articles with `industrial: true|false`; industrial ones must give
at least one record and the others none (a few misses are tolerated, not false records).
"""
import os
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml

from kzmon.extract.announcements import extract_announcements

SNAPSHOT = Path(__file__).resolve().parent.parent / "kzmon" / "replay" / "snapshot"


def snapshot_articles():
    for site_yaml in sorted(SNAPSHOT.glob("*/site.yaml")):
        cfg = yaml.safe_load(site_yaml.read_text(encoding="utf-8")) or {}
        routes = {r.get("path"): r for r in cfg.get("routes") or [] if r.get("file")}
        for article in cfg.get("articles") or []:
            url = urlparse(article["url"])
            route = routes.get(url.path + (f"?{url.query}" if url.query else ""))
            if route and route["file"].endswith(".html"):
                yield site_yaml.parent / route["file"], article


@pytest.mark.skipif(not SNAPSHOT.exists(), reason="no replay snapshot")
def test_industrial_articles_give_records_and_others_none():
    from kzmon.extract.text import extract_page

    industrial = found = other = false = 0
    for path, article in snapshot_articles():
        page = extract_page(path.read_text(encoding="utf-8", errors="replace"), article["url"])
        if page is None or not page.text:
            continue
        published = page.published.date() if page.published else None
        records = extract_announcements(page.text, published, page.language, page.title)
        if article.get("industrial"):
            industrial += 1
            found += bool(records)
        else:
            other += 1
            false += bool(records)
    if industrial + other < 20:
        pytest.skip("snapshot too small to measure")
    assert found / industrial >= 0.9
    assert false / max(other, 1) <= 0.05
