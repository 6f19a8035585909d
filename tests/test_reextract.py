"""`kzmon reextract`: stored articles get the current extractor's records, replaced not appended."""
from __future__ import annotations

import subprocess
import sys

import yaml

from kzmon.extract.announcements import extract_announcements
from kzmon.storage import open_db
from kzmon.storage.articles import ArticleRecord, store_article
from kzmon.storage.runs import sync_sources

PLANT = ("ASTANA – A steel pipe plant worth 45 billion tenge (US$90 million) will be built in Karaganda region "
         "by 2028, creating 600 permanent jobs, the Ministry of Industry and Construction said.")
WEATHER = "ALMATY – Heavy snow is expected in the northern regions on Friday, forecasters said."


def _setup(tmp_path):
    db = open_db(tmp_path / "k.db")
    sync_sources(db, [{"id": s, "name": s, "kind": "news", "languages": ["en"], "home": f"https://{s}.kz/"} for s in ("a", "b")])
    stale = [{"kind": "project", "title": "stale record", "status": None, "sector": None, "regions": [], "companies": [],
              "project_count": None, "investment_kzt": 1.0, "investment_usd": None, "jobs": None, "area_m2": None,
              "capacity": None, "period": None, "evidence": "old"}]
    for n, (source, text) in enumerate([("a", PLANT), ("a", WEATHER), ("b", PLANT + " ")]):
        store_article(db, ArticleRecord(source_id=source, url=f"https://{source}.kz/{n}", canonical_url=f"https://{source}.kz/{n}",
                                        title="t", text=text, language="en", published="2026-11-18T10:00:00+05:00",
                                        announcements=stale))
    path = tmp_path / "config.yaml"
    path.write_text(yaml.safe_dump({"database": "k.db", "sources": [
        {"id": "a", "name": "A", "feeds": ["https://a.kz/rss"]}, {"id": "b", "name": "B", "feeds": ["https://b.kz/rss"]}]}))
    return db, path


def _run(path, *args):
    return subprocess.run([sys.executable, "-m", "kzmon.cli", "reextract", "--config", str(path), *args],
                          capture_output=True, text=True, timeout=120)


def test_reextract_replaces_records_and_is_idempotent(tmp_path):
    db, path = _setup(tmp_path)
    expected = len(extract_announcements(PLANT, None, "en"))
    assert expected >= 1
    result = _run(path, "--source", "a")
    assert result.returncode == 0, result.stderr
    rows = db.execute("SELECT a.source_id, a.text, n.title FROM announcements n JOIN articles a ON a.id = n.article_id").fetchall()
    by_source = {}
    for source, text, title in rows:
        by_source.setdefault(source, []).append(title)
    assert "stale record" not in by_source["a"] and len(by_source["a"]) == expected
    assert by_source["b"] == ["stale record"], "--source must leave other sources alone"
    assert _run(path).returncode == 0 and _run(path).returncode == 0
    total = db.execute("SELECT COUNT(*) FROM announcements").fetchone()[0]
    assert total == 2 * expected
