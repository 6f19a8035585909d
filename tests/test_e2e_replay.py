"""The daily job end to end: real Scrapy over real HTTP against the replay server, into SQLite.

Two sources of truth: tests/data/e2e_expected.yaml was written by hand by someone who read
the served feeds, listings, API answers and article pages (never site.yaml or the builder
scripts): per source, how many articles a daily run must store, and spot checks of title,
date, language and body. The snapshot's own site.yaml adds the full list of URLs.
"""
from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

import pytest

import yaml

from kzmon.crawler.urls import canonical_url
from kzmon.job import KZ_TIME, run_daily
from kzmon.replay.server import ReplayServer

from replay_support import expected_articles, make_config


@pytest.fixture(scope="module")
def daily(tmp_path_factory, project_config, as_of):
    """Run the daily job twice on the snapshot; keep what the server saw each time."""
    workdir = tmp_path_factory.mktemp("e2e")
    config = make_config(project_config, workdir)
    with ReplayServer() as server:
        first = run_daily(config, as_of=as_of, replay_address=f"127.0.0.1:{server.port}", progress=None)
        first_requests = list(server.requests)
        server.requests.clear()
        second = run_daily(config, as_of=as_of, replay_address=f"127.0.0.1:{server.port}", progress=None)
        second_requests = list(server.requests)
    db = sqlite3.connect(config.database)
    db.row_factory = sqlite3.Row
    yield {"config": config, "first": first, "second": second, "db": db,
           "first_requests": first_requests, "second_requests": second_requests}
    db.close()


def _articles(db: sqlite3.Connection, source_id: str) -> dict[str, sqlite3.Row]:
    rows = db.execute("SELECT * FROM articles WHERE source_id = ?", [source_id]).fetchall()
    by_url = {}
    for row in rows:
        for (alias,) in db.execute("SELECT url FROM article_urls WHERE article_id = ?", [row["id"]]):
            by_url[alias] = row
    return by_url


HAND_WRITTEN = yaml.safe_load((Path(__file__).parent / "data" / "e2e_expected.yaml").read_text(encoding="utf-8"))["sources"]


def test_every_source_stores_what_a_reader_of_its_pages_counted(daily):
    db = daily["db"]
    configured = {s.id for s in daily["config"].enabled_sources()}
    assert configured == set(HAND_WRITTEN), "every configured source needs a hand-written expectation"
    stored = dict(db.execute("SELECT source_id, COUNT(*) FROM articles GROUP BY source_id").fetchall())
    wrong = {source: (stored.get(source, 0), want["current"]) for source, want in HAND_WRITTEN.items()
             if stored.get(source, 0) != want["current"]}
    assert not wrong, f"(stored, expected) per source: {wrong}"


def test_spot_checked_articles_are_stored_clean_dated_and_in_their_language(daily):
    db = daily["db"]
    problems = []
    for source, want in HAND_WRITTEN.items():
        found = _articles(db, source)
        for check in want["spot_checks"]:
            row = found.get(canonical_url(check["url"]))
            if row is None:
                problems.append(f"{source}: not stored: {check['url']}")
                continue
            if check["title_contains"].lower() not in (row["title"] or "").lower():
                problems.append(f"{check['url']}: title {row['title']!r}")
            published = datetime.fromisoformat(row["published"]).astimezone(KZ_TIME).date() if row["published"] else None
            if str(published) != str(check["published"]):
                problems.append(f"{check['url']}: published {published}, expected {check['published']}")
            if row["language"] != check["language"]:
                problems.append(f"{check['url']}: language {row['language']}, expected {check['language']}")
            if check["body_contains"] not in (row["text"] or ""):
                problems.append(f"{check['url']}: body phrase missing")
            if check["not_in_body"] in (row["text"] or ""):
                problems.append(f"{check['url']}: boilerplate kept: {check['not_in_body']!r}")
    assert not problems, "\n".join(problems)


def test_every_source_finds_exactly_its_snapshot_articles(daily):
    db = daily["db"]
    for source in daily["config"].enabled_sources():
        expected = expected_articles(source)
        assert expected, f"{source.id}: the snapshot has no articles for this source"
        stored = db.execute("SELECT COUNT(*) FROM articles WHERE source_id = ?", [source.id]).fetchone()[0]
        assert stored == len(expected), f"{source.id}: stored {stored}, snapshot has {len(expected)}"
        found = _articles(db, source.id)
        missing = [a["url"] for a in expected if canonical_url(a["url"]) not in found]
        assert not missing, f"{source.id}: not stored: {missing}"


def test_text_is_clean_dated_and_in_the_right_language(daily):
    db = daily["db"]
    problems = []
    for source in daily["config"].enabled_sources():
        found = _articles(db, source.id)
        for article in expected_articles(source):
            row = found.get(canonical_url(article["url"]))
            if row is None:
                continue
            text = row["text"] or ""
            if article.get("body_contains") and article["body_contains"] not in text:
                problems.append(f"{article['url']}: body phrase missing")
            for junk in article.get("boilerplate") or []:
                if junk in text:
                    problems.append(f"{article['url']}: boilerplate kept: {junk!r}")
            published = datetime.fromisoformat(row["published"]).astimezone(KZ_TIME).date() if row["published"] else None
            if str(published) != str(article["published"]):
                problems.append(f"{article['url']}: published {published}, expected {article['published']}")
            if row["language"] != article["language"]:
                problems.append(f"{article['url']}: language {row['language']}, expected {article['language']}")
    assert not problems, "\n".join(problems)


def test_archive_articles_are_left_to_backfill(daily):
    db = daily["db"]
    for source in daily["config"].enabled_sources():
        found = _articles(db, source.id)
        archive = [a for a in expected_articles(source, include_archive=True) if a.get("archive")]
        taken = [a["url"] for a in archive if canonical_url(a["url"]) in found]
        assert not taken, f"{source.id}: a daily run stored articles older than the window: {taken}"


def test_raw_html_is_kept_for_reextraction(daily):
    db = daily["db"]
    empty = db.execute("SELECT COUNT(*) FROM articles WHERE html_gz IS NULL OR length(html_gz) = 0").fetchone()[0]
    assert empty == 0


def test_second_run_downloads_no_article_again(daily):
    first, second = daily["first"], daily["second"]
    assert first.new_articles > 0
    assert second.new_articles == 0
    db = daily["db"]
    article_paths = set()
    for (url,) in db.execute("SELECT url FROM article_urls"):
        parts = urlsplit(url)
        article_paths.add((parts.hostname, parts.path))
    refetched = [(h, t) for m, h, t, _ in daily["second_requests"]
                 if m == "GET" and (h, urlsplit(t).path.rstrip("/")) in {(a, p.rstrip("/")) for a, p in article_paths}]
    assert not refetched, f"second run fetched stored articles again: {refetched[:5]}"


def test_second_run_uses_conditional_get(daily):
    statuses = [s for m, h, t, s in daily["second_requests"] if m == "GET" and not t.startswith("/robots.txt")]
    assert 304 in statuses, "feeds and listings should answer 304 to the second run's conditional GET"


def test_runs_are_recorded_per_source(daily):
    db = daily["db"]
    runs = db.execute("SELECT id, status, finished_at FROM runs ORDER BY id").fetchall()
    assert len(runs) == 2 and all(r["finished_at"] for r in runs)
    per_source = db.execute("SELECT source_id, new_articles FROM run_sources WHERE run_id = ?", [runs[0]["id"]]).fetchall()
    assert {r["source_id"] for r in per_source} == {s.id for s in daily["config"].enabled_sources()}
    assert sum(r["new_articles"] for r in per_source) == daily["first"].new_articles


def test_full_text_search_finds_articles(daily):
    db = daily["db"]
    hits = db.execute("SELECT COUNT(*) FROM articles_fts WHERE articles_fts MATCH 'plant'").fetchone()[0]
    assert hits > 0
