"""Discovery that stops when it should, and asks for pages the way the site serves them.

- A pager that answers every `?page=N` past its end with page 1 (a soft 200): a backfill
  stops at the first page that repeats one already read, says why (log and
  `run_sources.notes`), instead of walking to the 1,000-page cap.
- canonical_url is an identity only: an article of an http-only site that failed is
  retried over http, as linked, not over the https of its canonical form.
- canonical_url keeps the brackets of an IPv6 host.

Real crawls against the replay server on 127.0.0.1 (fault modes 'pager_repeat', 'http_only').
"""
from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from email.utils import format_datetime

from kzmon.crawler.urls import canonical_url
from kzmon.config import Source
from kzmon.job import run_daily

from replay_support import make_config

ARTICLE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<meta property="article:published_time" content="{published}"></head><body><article><h1>{title}</h1>
<p>The regional akimat announced on Monday that construction of a new {what} will begin this spring
near the city, with an investment of about ten billion tenge and two hundred new jobs.</p>
<p>Officials said the plant would supply the domestic market first and later export part of its
output to neighbouring countries, according to the press service of the regional administration.</p>
</article></body></html>"""


def _run(config, replay_server, as_of, **kwargs):
    return run_daily(config, as_of=as_of, replay_address=f"127.0.0.1:{replay_server.port}", progress=None,
                     write_digest=False, **kwargs)


def test_a_backfill_stops_when_the_pager_repeats_page_one(tmp_path, project_config, replay_server, as_of):
    source = project_config.source("primeminister")
    config = make_config(project_config.model_copy(update={"sources": [source]}), tmp_path)
    replay_server.fail("primeminister.kz", "pager_repeat")

    summary = _run(config, replay_server, as_of, backfill_since=date(2026, 1, 1))

    for listing in source.listings:
        path = listing.url.split("primeminister.kz", 1)[1]
        pages = [t for t in replay_server.fetched("primeminister.kz") if t.startswith(path + "?page=")]
        # page 2 is read (and is page 1 again); nothing after it
        assert pages == [f"{path}?page=2"], (listing.url, pages)
    db = sqlite3.connect(config.database)
    notes = db.execute("SELECT notes FROM run_sources WHERE run_id = ?", [summary.run_id]).fetchone()[0]
    for listing in source.listings:
        assert f"listing {listing.url} stopped at page 2: it repeats page 1" in notes, notes
    assert summary.status == "ok"


def test_a_daily_run_stops_at_a_repeated_page_too(tmp_path, project_config, replay_server, as_of):
    """A daily run already stops at a page with nothing new; a repeat is such a page."""
    source = project_config.source("primeminister")
    config = make_config(project_config.model_copy(update={"sources": [source]}), tmp_path)
    replay_server.fail("primeminister.kz", "pager_repeat")
    summary = _run(config, replay_server, as_of)
    pages = [t for t in replay_server.fetched("primeminister.kz") if "?page=" in t]
    assert len(pages) <= len(source.listings), pages
    assert summary.status == "ok"


def test_an_article_of_an_http_only_site_is_retried_over_http(tmp_path, project_config, replay_server, as_of):
    host = "oldnews.example.kz"
    published = as_of - timedelta(hours=3)
    links = [f"http://{host}/news/1", f"http://{host}/news/2"]
    items = "".join(f"<item><title>item {n}</title><link>{link}</link><pubDate>{format_datetime(published)}</pubDate></item>"
                    for n, link in enumerate(links))
    feed = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Old news</title>{items}</channel></rss>'.encode()

    def serve(second_status: int) -> None:
        replay_server.add_site(host, tmp_path / "site", {
            "/rss": (feed, "application/rss+xml; charset=utf-8"),
            "/news/1": (ARTICLE.format(title="Steel plant to be built in Karaganda", what="steel plant",
                                       published=published.isoformat()).encode(), "text/html; charset=utf-8"),
            # the second article moved (an http redirect on the same site) and fails there the first time
            "/news/2": (moved.encode(), "text/html", 301),
            "/news/2-moved": (ARTICLE.format(title="Cement factory planned near Shymkent", what="cement factory",
                                             published=published.isoformat()).encode(), "text/html; charset=utf-8",
                              second_status),
        })

    moved = f"http://{host}/news/2-moved"
    serve(500)
    replay_server.fail(host, "http_only")
    source = Source(id="oldnews", name="Old news", languages=["en"], feeds=[f"http://{host}/rss"])
    config = make_config(project_config.model_copy(update={"sources": [source]}), tmp_path)

    first = _run(config, replay_server, as_of)
    assert first.status == "partial"
    db = sqlite3.connect(config.database)
    # the failure is the linked URL's, kept as linked (http): no https twin enters the frontier
    assert db.execute("SELECT url, status, link FROM fetch_state WHERE kind = 'article'").fetchall() == \
        [(canonical_url(links[1]), "failed", links[1])]
    db.close()

    serve(200)  # the site is fixed: the next run fetches the failed article again, over http as linked
    second = _run(config, replay_server, as_of)

    assert second.status == "ok", second.sources
    db = sqlite3.connect(config.database)
    assert sorted(r[0] for r in db.execute("SELECT url FROM articles")) == [links[0], moved]
    # the linked URL's row left the frontier with the article stored (under its redirect target)
    assert db.execute("SELECT url, status FROM fetch_state WHERE kind = 'article'").fetchall() == []
    dropped = [t for m, h, t, s in replay_server.requests if h == host and s == 0]
    assert not dropped, f"requested over https from an http-only site: {dropped}"


def test_canonical_urls_keep_ipv6_brackets():
    assert canonical_url("http://[::1]:8080/news/1/") == "https://[::1]:8080/news/1"
    assert canonical_url("https://[2001:db8::1]/a?utm_source=x") == "https://[2001:db8::1]/a"
    assert canonical_url("http://[::1]/") == "https://[::1]/"
