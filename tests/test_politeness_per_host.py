"""Politeness per host, across sources: two sources on one site share its downloader slot.

Every source used to be a spider of its own, each with its own downloader, so N sources on
one host (inform.kz's editions, the gov.kz ministries, tengrinews' editions) hit it at N
times the configured concurrency. Now one spider crawls every source (crawler/spider.py
CrawlSpider) and Scrapy's slots are per host. A real crawl against the replay server on
127.0.0.1, made slow so that requests would overlap if anything let them; the server's log
of arrival and answer times gives, per host, how many requests were in flight at once.
Overlap counts are asserted, not durations.
"""
from __future__ import annotations

import sqlite3
from datetime import timedelta
from email.utils import format_datetime

from kzmon.config import Source
from kzmon.job import run_daily

from replay_support import make_config

ARTICLE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<meta property="article:published_time" content="{published}"></head><body><article><h1>{title}</h1>
<p>The regional akimat announced on Monday that construction of a new plant number {n} will begin this
spring near the city of {city}, with an investment of about ten billion tenge and two hundred new jobs.</p>
<p>Officials said the plant would supply the domestic market first and later export part of its
output to neighbouring countries, according to the press service of the regional administration.</p>
</article></body></html>"""


def _site(host: str, editions: list[str], published) -> dict:
    pages = {}
    for edition in editions:
        links = [f"https://{host}/{edition}/news/{n}" for n in range(1, 6)]
        items = "".join(f"<item><title>{edition} {n}</title><link>{link}</link><pubDate>{format_datetime(published)}"
                        f"</pubDate></item>" for n, link in enumerate(links, 1))
        pages[f"/{edition}/rss"] = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>{edition}</title>'
                                    f'{items}</channel></rss>'.encode(), "application/rss+xml; charset=utf-8")
        for n in range(1, 6):
            pages[f"/{edition}/news/{n}"] = (ARTICLE.format(title=f"{edition} plant {n} to be built", n=n,
                                                            city=f"{edition.title()}-{n}",
                                                            published=published.isoformat()).encode(),
                                             "text/html; charset=utf-8")
    return pages


def max_in_flight(server, host: str) -> int:
    """The most requests to one host the server was answering at the same moment."""
    with server._lock:
        spans = [(got, done) for (m, h, t, s), got, done in zip(server.requests, server.received_times,
                                                                 server.request_times) if h == host]
    return max((sum(1 for g, d in spans if g <= start < d) for start, _ in spans), default=0)


def test_two_sources_on_one_host_never_exceed_its_concurrency(tmp_path, project_config, replay_server, as_of):
    published = as_of - timedelta(hours=3)
    shared, own = "news.example.kz", "other.example.kz"
    replay_server.add_site(shared, tmp_path / "shared", _site(shared, ["ru", "kk"], published))
    replay_server.add_site(own, tmp_path / "own", _site(own, ["en"], published))
    sources = [Source(id=f"shared-{e}", name=f"Shared {e}", languages=["en"], feeds=[f"https://{shared}/{e}/rss"],
                      article_pattern=f"^https://{shared}/{e}/news/") for e in ("ru", "kk")]
    sources.append(Source(id="other", name="Other", languages=["en"], feeds=[f"https://{own}/en/rss"]))
    config = make_config(project_config.model_copy(update={"sources": sources}), tmp_path, concurrent_per_domain=1)
    replay_server.latency = 0.1  # slow answers: requests would overlap if two slots served one host

    summary = run_daily(config, as_of=as_of, replay_address=f"127.0.0.1:{replay_server.port}", progress=None,
                        write_digest=False)

    assert summary.status == "ok", summary.sources
    # 2 feeds + 10 articles (+ robots.txt) on the shared host, one at a time
    assert len(replay_server.fetched(shared)) >= 12
    assert max_in_flight(replay_server, shared) == 1
    assert max_in_flight(replay_server, own) == 1
    # each source keeps its own counters in run_sources
    db = sqlite3.connect(config.database)
    rows = dict(db.execute("SELECT source_id, new_articles FROM run_sources WHERE run_id = ?", [summary.run_id]))
    assert rows == {"shared-ru": 5, "shared-kk": 5, "other": 5}


def test_the_configured_concurrency_is_used_but_not_exceeded(tmp_path, project_config, replay_server, as_of):
    """With 2 per host (the default) and three sources on one host, at most 2 requests are in
    flight to it, and the crawl does use both: the limit is the host's, not a source's."""
    published = as_of - timedelta(hours=3)
    shared = "news.example.kz"
    editions = ["ru", "kk", "en"]
    replay_server.add_site(shared, tmp_path / "shared", _site(shared, editions, published))
    sources = [Source(id=f"shared-{e}", name=f"Shared {e}", languages=["en"], feeds=[f"https://{shared}/{e}/rss"],
                      article_pattern=f"^https://{shared}/{e}/news/") for e in editions]
    config = make_config(project_config.model_copy(update={"sources": sources}), tmp_path, concurrent_per_domain=2)
    replay_server.latency = 0.1

    summary = run_daily(config, as_of=as_of, replay_address=f"127.0.0.1:{replay_server.port}", progress=None,
                        write_digest=False)

    assert summary.status == "ok", summary.sources
    assert max_in_flight(replay_server, shared) == 2
    assert summary.new_articles == 15
