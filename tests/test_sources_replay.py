"""Source coverage on the replay: backfill, sitemap lastmod cut-off, language editions, the
gov.kz ticket, and the `kzmon demo` command itself."""
from __future__ import annotations

import http.client
import json
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import yaml

from kzmon.crawler.urls import canonical_url
from kzmon.job import run_daily
from kzmon.replay.server import ReplayServer

from replay_support import expected_articles, make_config


@pytest.fixture(scope="module")
def daily_then_backfill(tmp_path_factory, project_config, as_of):
    config = make_config(project_config, tmp_path_factory.mktemp("backfill"))
    with ReplayServer() as server:
        address = f"127.0.0.1:{server.port}"
        daily = run_daily(config, as_of=as_of, replay_address=address, progress=None, write_digest=False)
        daily_requests = list(server.requests)
        backfill = run_daily(config, as_of=as_of, replay_address=address, progress=None, write_digest=False,
                             backfill_since=date(2026, 8, 1))
    db = sqlite3.connect(config.database)
    yield {"config": config, "daily": daily, "backfill": backfill, "db": db, "daily_requests": daily_requests}
    db.close()


def test_backfill_takes_the_archive_the_daily_run_left(daily_then_backfill):
    db, config = daily_then_backfill["db"], daily_then_backfill["config"]
    stored = {row[0] for row in db.execute("SELECT url FROM article_urls")}
    archive_total = 0
    for source in config.enabled_sources():
        archive = [a for a in expected_articles(source, include_archive=True) if a.get("archive")]
        archive_total += len(archive)
        missing = [a["url"] for a in archive if canonical_url(a["url"]) not in stored]
        assert not missing, f"{source.id}: backfill did not reach {missing}"
    assert archive_total > 0
    assert daily_then_backfill["backfill"].new_articles == archive_total
    hand_counted = yaml.safe_load((Path(__file__).parent / "data" / "e2e_expected.yaml").read_text(encoding="utf-8"))
    assert archive_total == sum(s["archive"] for s in hand_counted["sources"].values())


def test_daily_run_skips_sitemap_children_older_than_the_window(daily_then_backfill):
    requested = {(host, target) for method, host, target, _ in daily_then_backfill["daily_requests"] if method == "GET"}
    old_children = [(h, t) for h, t in requested if t.endswith(".xml") and ("2026-09" in t or "2026-10" in t or "2026/09" in t)]
    assert not old_children, f"daily run read archive sitemaps: {old_children}"


def test_language_editions_are_linked(daily_then_backfill):
    db = daily_then_backfill["db"]
    links = db.execute("""SELECT a.language, l.language, l.other_url FROM article_links l JOIN articles a ON a.id = l.article_id""").fetchall()
    assert links, "no hreflang editions stored"
    assert all(own != other for own, other, _ in links)
    # a link points at an article we stored in the other language
    stored = {row[0]: row[1] for row in db.execute("SELECT u.url, a.language FROM article_urls u JOIN articles a ON a.id = u.article_id")}
    resolved = [(other, stored.get(canonical_url(url))) for _, other, url in links if canonical_url(url) in stored]
    assert resolved and all(lang == found for lang, found in resolved)


def test_govkz_news_api_refuses_without_the_ticket(replay_server):
    conn = http.client.HTTPConnection("127.0.0.1", replay_server.port, timeout=5)
    path = "/api/v1/public/content-manager/news?projects=eq:mps&page=1&size=5&sort-by=created_date:DESC"
    conn.request("GET", path, headers={"Host": "www.gov.kz"})
    response = conn.getresponse()
    assert response.status == 400 and json.loads(response.read())["message"] == "notAllowed"
    conn.request("POST", "/api/v1/public/_/c/k6", body=b"{}", headers={"Host": "www.gov.kz", "Content-Type": "application/json"})
    ticket = conn.getresponse()
    cookie = ticket.getheader("Set-Cookie").split(";")[0]
    ticket.read()
    conn.request("GET", path, headers={"Host": "www.gov.kz", "Cookie": cookie})
    items = json.loads(conn.getresponse().read())
    assert isinstance(items, list) and items and {"id", "title", "body", "created_date"} <= set(items[0])


def test_demo_command_twice(tmp_path):
    workdir = tmp_path / "demo"
    first = subprocess.run([sys.executable, "-m", "kzmon.cli", "demo", "--workdir", str(workdir)],
                           capture_output=True, text=True, timeout=300)
    assert first.returncode == 0, first.stderr[-2000:]
    assert (workdir / "kzmon.db").exists()
    assert "new articles" in first.stdout and "Traceback" not in first.stderr
    mailed = list((workdir / "mail" / "new").iterdir())
    assert mailed, "the demo's digest did not reach its local SMTP server"
    assert all(b"Message-ID" in m.read_bytes() or b"Message-Id" in m.read_bytes() for m in mailed)
    second = subprocess.run([sys.executable, "-m", "kzmon.cli", "demo", "--workdir", str(workdir)],
                            capture_output=True, text=True, timeout=300)
    assert second.returncode == 0
    assert " 0 new articles" in second.stdout
    assert len(list((workdir / "mail" / "new").iterdir())) == len(mailed), "a rerun mailed announcements again"


def test_sources_command_shows_health_of_every_source(daily_then_backfill, tmp_path):
    import yaml
    config = daily_then_backfill["config"]
    path = tmp_path / "config.yaml"
    path.write_text(yaml.safe_dump(config.model_dump(mode="json"), allow_unicode=True), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "kzmon.cli", "sources", "--config", str(path)],
                            capture_output=True, text=True, timeout=120, env={**__import__("os").environ, "COLUMNS": "200"})
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    for source in config.sources:
        row = next((line for line in lines if f" {source.id} " in line), None)
        assert row is not None, f"{source.id} missing from `kzmon sources`"
        assert "never" not in row, f"{source.id}: no successful run shown: {row}"
