"""The fault matrix: one misbehaving web on 127.0.0.1, one crawl, every fault at once.

Each source of the crawl meets one fault (the replay server's fault modes, and two small
sites of this test's own served through it); for each, what kzmon does is asserted: stored,
skipped and counted, or recorded for its source with the reason in plain words
(`run_sources.last_error`); and the healthy sources finish with every article stored. Some of
these faults are tested one at a time elsewhere (test_honest_status.py, test_fetch_policy.py,
test_resilience.py); here they share one crawl, as they would on a bad day.
"""
from __future__ import annotations

import sqlite3
from datetime import timedelta
from email.utils import format_datetime

from kzmon.crawler.urls import canonical_url
from kzmon.config import Source
from kzmon.job import run_daily

from replay_support import expected_articles, make_config

HEALTHY = ("inform-ru", "tengrinews-ru")
FAULTS = {  # source: (its host, the fault, words its last_error must hold)
    "kapital": ("kapital.kz", 500, "HTTP 500"),
    "tengrinews-en": ("en.tengrinews.kz", "tarpit", "timeout (no complete answer in 2 s)"),
    "kazpravda": ("kazpravda.kz", "redirect_loop", "redirect loop"),
    "forbes": ("forbes.kz", "oversize", "page larger than 1 MB"),
    "zakon-ru": ("www.zakon.kz", "gzip_bomb", "compressed page expands past the limit (1 MB)"),
    "primeminister": ("primeminister.kz", "robots", "blocked by robots.txt"),
}
SLOW = "astanatimes"  # 503 with Retry-After: 1 to every page's first request, then served

RU_TEXT = ("В Карагандинской области начнется строительство нового металлургического завода стоимостью "
           "десять миллиардов тенге, сообщает пресс-служба акимата. Будет создано двести рабочих мест. ")
EN_TEXT = ("Construction of a new cement plant worth five billion tenge began in Pavlodar region, the akimat "
           "said on Tuesday; the plant will employ one hundred people when it opens next year. ")


def _cp1251_page(published: str) -> bytes:
    """A Russian article in windows-1251 that says so nowhere: no charset in headers or meta."""
    return (f"<html><head><title>Завод построят в Караганде</title>"
            f"<meta property='article:published_time' content='{published}'></head><body><article>"
            f"<h1>Завод построят в Караганде</h1><p>{RU_TEXT * 3}</p></article></body></html>").encode("cp1251")


def _hostile_page(published: str) -> bytes:
    """Scripts, event handler attributes, a <base href> to another host, 10,000 nested elements."""
    return (f"<html><head><title>Cement plant for Pavlodar</title><base href='https://elsewhere.example/'>"
            f"<meta property='article:published_time' content='{published}'>"
            f"<script>document.write('HOSTILESCRIPT')</script></head>"
            f"<body onload='alert(1)'><article><h1>Cement plant for Pavlodar</h1>"
            f"<p onerror='alert(2)'>{EN_TEXT * 3}</p><img src='x.png' onerror='alert(3)'>"
            f"<a href='next/page'>more</a><script>var s = 'HOSTILESCRIPT';</script>"
            + "<div>" * 10_000 + "deep" + "</div>" * 10_000 + "</article></body></html>").encode()


def _feed(items: list[tuple[str, str]], published) -> bytes:
    body = "".join(f"<item><title>{title}</title><link>{link}</link><pubDate>{format_datetime(published)}</pubDate></item>"
                   for title, link in items)
    return f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>t</title>{body}</channel></rss>'.encode()


def test_one_crawl_through_every_fault(tmp_path, project_config, replay_server, as_of):
    published = as_of - timedelta(hours=3)
    day = published.isoformat()

    # a small site of our own: an undeclared windows-1251 article, a hostile page, a file:// and a javascript: link
    mixed = "matrix.example.kz"
    replay_server.add_site(mixed, tmp_path / "mixed", {
        "/rss": (_feed([("cp1251", f"https://{mixed}/news/cp1251"), ("hostile", f"https://{mixed}/news/hostile"),
                        ("file", "file:///etc/passwd"), ("js", "javascript:alert(document.cookie)")], published),
                 "application/rss+xml; charset=utf-8"),
        "/news/cp1251": (_cp1251_page(day), "text/html"),
        "/news/hostile": (_hostile_page(day), "text/html; charset=utf-8"),
    })
    # a feed cut off mid-way (its connection dropped, say): the items before the cut are read
    broken = "broken.example.kz"
    whole = _feed([("first", f"https://{broken}/news/first"), ("second", f"https://{broken}/news/second")], published)
    replay_server.add_site(broken, tmp_path / "broken", {
        "/rss": (whole[:whole.index(b"<item>", whole.index(b"</item>")) + 30], "application/rss+xml; charset=utf-8"),
        "/news/first": (f"<html><head><title>First</title><meta property='article:published_time' content='{day}'>"
                        f"</head><body><article><h1>First</h1><p>{EN_TEXT * 3}</p></article></body></html>".encode(),
                        "text/html; charset=utf-8"),
    })
    own = [Source(id="mixed", name="Mixed", languages=["ru", "en"], feeds=[f"https://{mixed}/rss"]),
           Source(id="brokenfeed", name="Broken feed", languages=["en"], feeds=[f"https://{broken}/rss"])]
    sources = [project_config.source(i) for i in (*HEALTHY, SLOW, *FAULTS)] + own
    config = make_config(project_config.model_copy(update={"sources": sources}), tmp_path,
                         timeout_seconds=2.0, max_page_bytes=1_000_000)
    replay_server.fault_bytes = 3_000_000
    for host, fault, _ in FAULTS.values():
        replay_server.fail(host, fault)
    replay_server.retry_after("astanatimes.com", 503, 1)

    summary = run_daily(config, as_of=as_of, replay_address=f"127.0.0.1:{replay_server.port}", progress=None,
                        write_digest=False)

    db = sqlite3.connect(config.database)
    rows = {r[0]: dict(zip(("errors", "last_error", "new_articles", "links_skipped"), r[1:])) for r in db.execute(
        "SELECT source_id, errors, last_error, new_articles, links_skipped FROM run_sources WHERE run_id = ?",
        [summary.run_id])}
    stored = {row[0] for row in db.execute("SELECT url FROM article_urls")}

    # healthy sources, and the one that asked to be retried later: every article stored, no error
    for source_id in (*HEALTHY, SLOW):
        expected = expected_articles(project_config.source(source_id))
        assert rows[source_id]["errors"] == 0, (source_id, rows[source_id])
        assert all(canonical_url(a["url"]) in stored for a in expected), source_id
        assert rows[source_id]["new_articles"] == len(expected)
    assert any(s == 503 for m, h, t, s in replay_server.requests if h == "astanatimes.com")

    # each fault: recorded for its source in plain words, no Python exception names
    for source_id, (host, fault, words) in FAULTS.items():
        row = rows[source_id]
        assert row["errors"] > 0 and row["last_error"] and words in row["last_error"], (source_id, fault, row)
        assert "Error" not in row["last_error"] and "IgnoreRequest" not in row["last_error"], row["last_error"]
        assert row["new_articles"] == 0
    assert replay_server.fetched("primeminister.kz") == ["/robots.txt"]  # robots.txt forbids all: nothing else asked

    # the undeclared windows-1251 page is stored as readable Cyrillic; the hostile page is stored
    # as text, without its scripts, and its <base href> led nowhere; file:// and javascript: were skipped
    assert rows["mixed"] == {"errors": 0, "last_error": None, "new_articles": 2, "links_skipped": 2}
    title, text = db.execute("SELECT title, text FROM articles WHERE url = ?", [f"https://{mixed}/news/cp1251"]).fetchone()
    assert title == "Завод построят в Караганде" and "металлургического завода" in text
    title, text = db.execute("SELECT title, text FROM articles WHERE url = ?", [f"https://{mixed}/news/hostile"]).fetchone()
    assert title == "Cement plant for Pavlodar" and "cement plant worth five billion tenge" in text
    assert "HOSTILESCRIPT" not in text and "alert(" not in text
    assert not [r for r in replay_server.requests if r[1] == "elsewhere.example"]
    assert sorted(replay_server.fetched(mixed)) == ["/news/cp1251", "/news/hostile", "/robots.txt", "/rss"]

    # the truncated feed: the complete item is stored, the cut one is not asked for, and no error
    assert canonical_url(f"https://{broken}/news/first") in stored
    assert "/news/second" not in replay_server.fetched(broken)
    assert rows["brokenfeed"]["errors"] == 0

    assert summary.status == "partial" and set(summary.failing) == set(FAULTS)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
