"""The gov.kz API walked politely and incrementally (crawler/govkz.py).

Real crawls (Scrapy, the adapter with its ticket session) against the replay server on
127.0.0.1 serving a copy of the www.gov.kz snapshot, real SQLite, the real processing stage.
An unchanged day asks each project's listing once per language (a conditional request when
the server validates: 304; otherwise the body is compared) and fetches nothing else; a day
with one new item reads it and stops paging at the first page with nothing new.
"""
from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from kzmon.job import run_daily
from kzmon.replay.server import SNAPSHOT_DIR, ReplayServer

from replay_support import make_config

NEWS = "/api/v1/public/content-manager/news"
TICKET = "/api/v1/public/_/c/k6"
LANGUAGES = ("ru", "kk", "en")


@pytest.fixture()
def snapshot(tmp_path) -> Path:
    """A copy of the snapshot's www.gov.kz the test may add news to."""
    copy = tmp_path / "snapshot"
    copy.mkdir()
    shutil.copy(SNAPSHOT_DIR / "CAPTURED", copy / "CAPTURED")
    shutil.copytree(SNAPSHOT_DIR / "www.gov.kz", copy / "www.gov.kz")
    return copy


@pytest.fixture()
def config(tmp_path, project_config):
    """govkz-mps alone, three items a page, so that its eight Russian items take three pages."""
    source = project_config.source("govkz-mps")
    source = source.model_copy(update={"api": source.api.model_copy(update={"page_size": 3, "max_pages": 10})})
    return make_config(project_config.model_copy(update={"sources": [source]}), tmp_path / "work")


def _run(config, server, as_of):
    start = len(server.requests)
    summary = run_daily(config, as_of=as_of, replay_address=f"127.0.0.1:{server.port}", progress=None,
                        write_digest=False)
    with server._lock:
        return summary, list(server.requests[start:])


def _news_pages(requests) -> list[tuple[str, int]]:
    """(page number, status) of each API listing request, in order."""
    from urllib.parse import parse_qs, urlsplit
    return [(parse_qs(urlsplit(target).query)["page"][0], status)
            for method, host, target, status in requests if target.startswith(NEWS)]


def _add_item(snapshot: Path, language: str, item_id: int, created: str) -> None:
    news = snapshot / "www.gov.kz" / "news" / "mps.json"
    editions = json.loads(news.read_text(encoding="utf-8"))
    editions[language].append({
        "id": item_id, "title": "В Карагандинской области построят завод по выпуску шин",
        "body": "<p>Министерство промышленности и строительства сообщает, что в Карагандинской области "
                "начнется строительство второй очереди шинного завода стоимостью 120 млрд тенге. "
                "Предприятие создаст 600 рабочих мест, завершить работы планируется в 2027 году.</p>",
        "created_date": created, "heropic": None, "projects": ["mps"]})
    news.write_text(json.dumps(editions, ensure_ascii=False), encoding="utf-8")


@pytest.mark.parametrize("validating", [True, False], ids=["server-sends-etags", "server-sends-none"])
def test_an_unchanged_day_asks_each_listing_once_and_fetches_nothing(snapshot, config, as_of, validating):
    with ReplayServer(snapshot) as server:
        server.dynamic_etags = validating
        first, requests = _run(config, server, as_of)
        assert first.new_articles >= 8 and first.status == "ok"
        first_pages = _news_pages(requests)
        assert len(first_pages) > len(LANGUAGES)  # the first run pages through the Russian listing

        second, requests = _run(config, server, as_of)
    assert second.new_articles == 0 and second.status == "ok"
    pages = _news_pages(requests)
    # one request per language, page 1 only: 304 when the server validates, else 200 with the same bytes
    assert [page for page, _ in pages] == ["1"] * len(LANGUAGES)
    assert {status for _, status in pages} == ({304} if validating else {200})
    others = [(m, t) for m, h, t, s in requests if not t.startswith(NEWS) and t != "/robots.txt"]
    assert others == [("POST", TICKET)]  # the session ticket, and no item page
    assert not [t for _, _, t, _ in requests if "/press/news/details/" in t]
    # the conditional request carried the validators of the first run (one set per language)
    db = sqlite3.connect(Path(config.database))
    keys = [r[0] for r in db.execute("SELECT url FROM fetch_state WHERE kind = 'discovery' AND url LIKE ?",
                                     [f"%{NEWS}%page=1%"])]
    assert sorted(k.rsplit("#lang=", 1)[1] for k in keys) == sorted(LANGUAGES)


def test_a_new_item_is_read_and_the_walk_stops_at_the_first_page_with_nothing_new(snapshot, config, as_of):
    with ReplayServer(snapshot) as server:
        server.dynamic_etags = True
        _run(config, server, as_of)
        _add_item(snapshot, "ru", 1199001, "2026-11-20T20:00:00")
        summary, requests = _run(config, server, as_of)
        pages = _news_pages(requests)
        # ru: page 1 holds the new item, page 2 (shifted by one) nothing new: the walk ends there;
        # kk and en: unchanged, one 304 each
        assert sorted(pages) == sorted([("1", 200), ("2", 200), ("1", 304), ("1", 304)])
        assert summary.new_articles == 1
        db = sqlite3.connect(Path(config.database))
        assert db.execute("SELECT count(*) FROM article_urls WHERE url LIKE '%/details/1199001%'").fetchone()[0] == 1

        # the day after: page 1's new validators were saved once its item was stored
        summary, requests = _run(config, server, as_of)
    assert sorted(_news_pages(requests)) == [("1", 304)] * 3
    assert summary.new_articles == 0


def test_a_backfill_reads_the_listing_whatever_its_validators(snapshot, config, as_of):
    from datetime import date
    with ReplayServer(snapshot) as server:
        server.dynamic_etags = True
        _run(config, server, as_of)
        start = len(server.requests)
        run_daily(config, as_of=as_of, replay_address=f"127.0.0.1:{server.port}", progress=None, write_digest=False,
                  backfill_since=date(2026, 1, 1))
        pages = _news_pages(server.requests[start:])
    assert pages and all(status == 200 for _, status in pages)  # no validators sent: full answers


def test_a_page_whose_item_was_not_stored_is_read_again(snapshot, config, as_of):
    """Validators are saved only once the page's items are stored: an item the database refused
    leaves its page to be read in full by the next run, which stores the item."""
    with ReplayServer(snapshot) as server:
        server.dynamic_etags = True
        _run(config, server, as_of)
        _add_item(snapshot, "ru", 1199002, "2026-11-20T21:00:00")
        db = sqlite3.connect(Path(config.database))
        db.execute("""CREATE TRIGGER refuse_one BEFORE INSERT ON pages WHEN NEW.url LIKE '%/details/1199002%'
                      BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END""")
        db.commit()
        refused, _ = _run(config, server, as_of)
        assert refused.new_articles == 0 and refused.status == "partial"
        db.execute("DROP TRIGGER refuse_one")
        db.commit()

        summary, requests = _run(config, server, as_of)
    ru_first = [status for page, status in _news_pages(requests) if page == "1"]
    assert sorted(ru_first) == [200, 304, 304]  # ru page 1 read in full again; kk and en unchanged
    assert summary.new_articles == 1
    assert db.execute("SELECT count(*) FROM article_urls WHERE url LIKE '%/details/1199002%'").fetchone()[0] == 1
