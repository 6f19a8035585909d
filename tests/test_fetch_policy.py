"""The fetch policy: only http(s), no private addresses, article links on the source's site.

Unit tests of crawler/policy.py `refusal()`, then real crawls (a spawned Scrapy process, real
sockets, a real SQLite file) against a feed served on 127.0.0.1 that mixes bad links with
good ones: the good ones are stored, the bad ones never requested, and the run says how many
links it skipped.
"""
from __future__ import annotations

import socket
import sqlite3
import threading
from datetime import datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from scrapy.core.downloader.handlers import DownloadHandlers
from scrapy.utils.test import get_crawler

from kzmon.crawler.discovery import feed_links, listing_links
from kzmon.crawler.policy import refusal
from kzmon.crawler.settings import crawl_settings
from kzmon.crawler.urls import canonical_url
from kzmon.config import Source, parse_config
from kzmon.job import KZ_TIME, run_daily
from kzmon.storage import open_db
from kzmon.storage.state import record_discovery

NEWS = Source(id="kapital", name="Kapital", feeds=["https://kapital.kz/rss"],
              sitemaps=["https://kapital.kz/sitemap.xml"], article_pattern=r"^https://kapital\.kz/")
LOCAL = Source(id="local", name="Local", feeds=["http://127.0.0.1:8080/feed.xml"])


# -- refusal(): schemes and malformed links --------------------------------------------------
@pytest.mark.parametrize("url, scheme", [
    ("file://localhost/etc/passwd", "file"),
    ("file:///etc/passwd", "file"),
    ("javascript:alert(1)", "javascript"),
    ("JavaScript:void(0)", "javascript"),
    ("mailto:press@kapital.kz", "mailto"),
    ("data:text/html,<p>hello</p>", "data"),
    ("ftp://kapital.kz/pub/file", "ftp"),
    ("s3://bucket/key", "s3"),
])
def test_only_http_and_https_are_fetched(url, scheme):
    assert refusal(url, NEWS) == f"not a web link ({scheme}:)"


@pytest.mark.parametrize("url", [
    "http://[::1/news",              # unclosed IPv6 literal: urljoin and urlsplit raise
    "https://kapital.kz:99999/a",    # port out of range
    "https://kapital.kz:abc/a",      # port not a number
    "news/1.html",                   # relative: no scheme, no host
    "//kapital.kz/a",                # no scheme
    "http:///a",                     # no host
    "https://kapital.kz\\@10.0.0.1/",  # parsers disagree on the host
    "https://kapi tal.kz/a",
    "https://kapital..kz/a",
    "https://kapital.kz/a\x00b",
    "",
])
def test_malformed_links_are_refused(url):
    assert refusal(url, NEWS).startswith("malformed link")


def test_the_sources_own_links_pass_in_their_usual_spellings():
    for url in ("https://kapital.kz/economic/1/a.html", "http://www.kapital.kz/a", "https://m.kapital.kz/a",
                "HTTPS://KAPITAL.KZ/A", "https://kapital.kz./a", "https://kapital.kz:443/a"):
        assert refusal(url, NEWS) is None, url


# -- refusal(): addresses ------------------------------------------------------------------------
@pytest.mark.parametrize("url, shown", [
    ("http://10.0.0.1/x", "10.0.0.1"),
    ("http://192.168.1.1/", "192.168.1.1"),
    ("http://172.16.5.4/", "172.16.5.4"),
    ("http://127.0.0.1:6379/", "127.0.0.1"),
    ("http://127.1/", "127.0.0.1"),                 # short form, as inet_aton reads it
    ("http://2130706433/", "127.0.0.1"),            # one decimal number
    ("http://0x7f000001/", "127.0.0.1"),            # hexadecimal
    ("http://0x7f.0.0.1/", "127.0.0.1"),
    ("http://0/", "0.0.0.0"),
    ("http://169.254.169.254/latest/meta-data/", "169.254.169.254"),  # cloud metadata
    ("http://100.64.0.1/", "100.64.0.1"),           # carrier-grade NAT
    ("http://224.0.0.1/", "224.0.0.1"),             # multicast
    ("http://[::1]/", "::1"),
    ("http://[fe80::1%25eth0]/", "fe80::1"),
    ("http://[fc00::5]/", "fc00::5"),
    ("http://[::ffff:10.0.0.1]/", "::ffff:a00:1"),  # IPv4-mapped
    ("http://kapital.kz@10.0.0.1/", "10.0.0.1"),    # userinfo is not the host
])
def test_private_and_local_addresses_are_refused_in_any_spelling(url, shown):
    reason = refusal(url, NEWS, article=False)
    assert reason == f"a private or local address ({shown}), not the source's own"
    # the address rule speaks first, whatever the offsite setting
    assert refusal(url, NEWS.model_copy(update={"follow_offsite": True})) == reason


@pytest.mark.parametrize("host", ["localhost", "news.localhost", "printer.local", "db.internal", "router.home.arpa", "intranet"])
def test_names_local_by_definition_are_refused(host):
    reason = refusal(f"http://{host}/a", NEWS, article=False)
    assert reason in (f"a local host name ({host}), not the source's own",
                      f"a host name without a domain ({host}), not the source's own")


def test_public_addresses_are_judged_as_any_other_site():
    offsite = NEWS.model_copy(update={"follow_offsite": True})
    assert refusal("http://8.8.8.8/a", offsite) is None
    assert refusal("http://[2a00:1450:4001::1]/a", offsite) is None
    assert refusal("http://8.8.8.8/a", NEWS).startswith("off the source's site")


def test_host_names_are_judged_as_written_without_dns(monkeypatch):
    def no_dns(*_args, **_kwargs):
        raise AssertionError("the policy must not resolve names")
    for name in ("getaddrinfo", "gethostbyname", "gethostbyname_ex"):
        monkeypatch.setattr(socket, name, no_dns)
    offsite = NEWS.model_copy(update={"follow_offsite": True})
    # localtest.me resolves to 127.0.0.1 in public DNS: judged by its name, it is a public site
    assert refusal("http://localtest.me/a", offsite) is None
    assert refusal("http://127.1/a", offsite).startswith("a private or local address")


def test_a_source_configured_on_a_private_address_keeps_working():
    assert refusal("http://127.0.0.1:8080/news/1", LOCAL) is None
    assert refusal("http://127.0.0.1/other-port", LOCAL) is None     # same host, another port
    intranet = Source(id="intra", name="Intranet", sitemaps=["http://10.1.2.3/sitemap.xml"], article_pattern="/news/")
    assert refusal("http://10.1.2.3/news/5", intranet) is None
    # its own address only: not the whole private range, not another loopback spelling's neighbours
    offsite_local = LOCAL.model_copy(update={"follow_offsite": True})
    assert refusal("http://127.1:8080/news/1", offsite_local) is None   # the same address, spelled short
    assert refusal("http://10.0.0.1/x", offsite_local).startswith("a private or local address (10.0.0.1)")
    assert refusal("http://127.0.0.2/x", offsite_local).startswith("a private or local address (127.0.0.2)")
    assert refusal("http://localhost:8080/x", offsite_local).startswith("a local host name")


# -- refusal(): off the source's site -------------------------------------------------------------
def test_article_links_stay_on_the_site_unless_follow_offsite():
    assert refusal("https://evil.example/a", NEWS) == "off the source's site (evil.example); follow_offsite is not set"
    assert refusal("https://kapital.kz.evil.example/a", NEWS).startswith("off the source's site")
    assert refusal("https://evil.example/a", NEWS.model_copy(update={"follow_offsite": True})) is None
    # a discovery page (a sitemap's child) or a redirect target is held to scheme and address only
    assert refusal("https://cdn.example/sitemap-2.xml", NEWS, article=False) is None


def test_the_site_is_every_host_the_source_is_configured_on():
    source = parse_config({"sources": [{
        "id": "multi", "name": "Multi", "feeds": ["https://feeds.example.kz/rss"], "article_pattern": ".",
        "listings": [{"url": "https://news.example.kz/list", "next_page": "https://archive.example.kz/list?page={n}"}],
        "api": {"projects": ["mps"], "base": "https://api.example.kz"}}]}).sources[0]
    for host in ("feeds.example.kz", "news.example.kz", "archive.example.kz", "api.example.kz"):
        assert refusal(f"https://{host}/a", source) is None, host
    assert refusal("https://example.kz/a", source).startswith("off the source's site")


def test_follow_offsite_is_a_config_option_off_by_default():
    config = parse_config({"sources": [
        {"id": "a", "name": "A", "feeds": ["https://a.kz/rss"]},
        {"id": "b", "name": "B", "feeds": ["https://b.kz/rss"], "follow_offsite": True}]})
    assert [s.follow_offsite for s in config.sources] == [False, True]


# -- one bad link never loses the rest of a page -------------------------------------------------
def test_a_malformed_link_keeps_the_rest_of_a_feed_and_a_listing():
    feed = (b'<rss version="2.0"><channel><title>t</title>'
            b"<item><title>bad</title><link>http://[::1/x</link></item>"
            b"<item><title>good</title><link>https://kapital.kz/a/1.html</link></item></channel></rss>")
    assert [link.url for link in feed_links(feed, "https://kapital.kz/rss")] == ["http://[::1/x", "https://kapital.kz/a/1.html"]
    html = b'<a href="http://[::1/x">bad</a> <a href="/a/2.html">good</a>'
    assert listing_links(html, "https://kapital.kz/list") == ["http://[::1/x", "https://kapital.kz/a/2.html"]
    assert refusal("http://[::1/x", NEWS) == "malformed link"


# -- Scrapy has no handler for anything but http and https ----------------------------------------
def _schemes(settings: dict) -> dict:
    """The schemes Scrapy's downloader will serve with these settings, and by which handler."""
    return dict(DownloadHandlers(get_crawler(settings_dict=settings))._schemes)


def test_scrapy_handlers_for_file_data_ftp_s3_are_disabled(tmp_path):
    config = parse_config({"sources": [{"id": "a", "name": "A", "feeds": ["https://a.kz/rss"]}]})
    assert set(_schemes(crawl_settings(config, str(tmp_path / "k.db")))) == {"http", "https"}
    replay = _schemes(crawl_settings(config, str(tmp_path / "k.db"), replay_address="127.0.0.1:1"))
    assert replay == {"http": "kzmon.crawler.replay.ReplayDownloadHandler", "https": "kzmon.crawler.replay.ReplayDownloadHandler"}


# -- real crawls ----------------------------------------------------------------------------------
SECRET = "KZMONSECRETLOCALFILE"
ARTICLE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<meta property="article:published_time" content="{published}"></head><body><article><h1>{title}</h1>
<p>The regional akimat announced on Monday that construction of a new {what} will begin this spring
near the city, with an investment of about ten billion tenge and two hundred new jobs.</p>
<p>Officials said the plant would supply the domestic market first and later export part of its
output to neighbouring countries, according to the press service of the regional administration.</p>
</article></body></html>"""


class LocalSite:
    """A tiny real web site on 127.0.0.1: fixed pages, redirects, and a log of every request."""

    def __init__(self) -> None:
        self.pages: dict[str, tuple[int, dict[str, str], bytes]] = {}
        self.requests: list[str] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                site.requests.append(self.path)
                status, headers, body = site.pages.get(self.path, (404, {"Content-Type": "text/plain"}, b"not found"))
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *_args) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def article(self, path: str, title: str, what: str, published: datetime) -> None:
        html = ARTICLE.format(title=title, what=what, published=published.isoformat())
        self.pages[path] = (200, {"Content-Type": "text/html; charset=utf-8"}, html.encode())

    def feed(self, path: str, links: list[str], published: datetime) -> None:
        items = "".join(f"<item><title>item {n}</title><link>{_xml(link)}</link>"
                        f"<pubDate>{format_datetime(published)}</pubDate></item>" for n, link in enumerate(links))
        body = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Local news</title>{items}</channel></rss>'
        self.pages[path] = (200, {"Content-Type": "application/rss+xml; charset=utf-8"}, body.encode())


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@pytest.fixture()
def local_site():
    site = LocalSite()
    site.thread.start()
    yield site
    site.httpd.shutdown()
    site.httpd.server_close()


def _config(tmp_path: Path, site: LocalSite):
    return parse_config({
        "database": str(tmp_path / "kzmon.db"), "workdir": str(tmp_path),
        "crawl": {"download_delay": 0, "timeout_seconds": 5},
        "sources": [{"id": "local", "name": "Local news", "languages": ["en"], "feeds": [f"{site.base}/feed.xml"]}],
    })


GOOD = [("/news/1", "Steel plant to be built in Karaganda", "steel plant"),
        ("/news/2", "Cement factory planned near Shymkent", "cement factory"),
        ("/news/3", "Glass works to open in Aktobe region", "glass works")]


def test_a_feed_with_bad_links_stores_the_good_ones_and_counts_the_rest(tmp_path, local_site):
    now = datetime.now(KZ_TIME)
    secret = tmp_path / "secret.html"
    secret.write_text(ARTICLE.format(title=SECRET, what=SECRET, published=now.isoformat()), encoding="utf-8")
    bad = [f"file://localhost{secret}",
           "javascript:alert(document.cookie)",
           "http://10.0.0.1/news/internal",
           "mailto:press@example.kz",
           f"data:text/html,<html><title>{SECRET}</title><body><p>{SECRET} " + "word " * 40 + "</p></body></html>",
           "http://[::1/broken"]
    local_site.feed("/feed.xml", bad + [local_site.base + path for path, _, _ in GOOD], now - timedelta(hours=1))
    for path, title, what in GOOD:
        local_site.article(path, title, what, now - timedelta(hours=1))
    config = _config(tmp_path, local_site)

    summary = run_daily(config, as_of=now, write_digest=False, progress=None)

    db = sqlite3.connect(config.database)
    stored = sorted(r[0] for r in db.execute("SELECT url FROM articles"))
    assert stored == sorted(local_site.base + path for path, _, _ in GOOD)
    assert db.execute("SELECT COUNT(*) FROM articles WHERE text LIKE ? OR title LIKE ?",
                      [f"%{SECRET}%", f"%{SECRET}%"]).fetchone()[0] == 0
    # nothing but the feed, robots.txt and the good articles was asked of the server
    assert sorted(local_site.requests) == sorted(["/robots.txt", "/feed.xml"] + [path for path, _, _ in GOOD])
    row = db.execute("SELECT errors, links_skipped, new_articles, last_error FROM run_sources WHERE run_id = ?",
                     [summary.run_id]).fetchone()
    assert row == (0, len(bad), len(GOOD), None)
    assert summary.status == "ok"
    # the bad links never entered the durable frontier, so no later run trips over them
    assert db.execute("SELECT url FROM fetch_state WHERE kind = 'article'").fetchall() == []

    # every run reads the rest of the feed: a new good link behind the bad ones is stored too
    local_site.article("/news/4", "Copper smelter expansion in East Kazakhstan", "copper smelter", now)
    local_site.feed("/feed.xml", bad + [local_site.base + p for p in ("/news/1", "/news/2", "/news/3", "/news/4")], now)
    second = run_daily(config, as_of=now, write_digest=False, progress=None)
    assert db.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == len(GOOD) + 1
    assert db.execute("SELECT errors, links_skipped, new_articles FROM run_sources WHERE run_id = ?",
                      [second.run_id]).fetchone() == (0, len(bad), 1)


def test_bad_links_an_older_kzmon_left_in_the_frontier_are_settled_not_fatal(tmp_path, local_site):
    now = datetime.now(KZ_TIME)
    config = _config(tmp_path, local_site)
    local_site.feed("/feed.xml", [local_site.base + path for path, _, _ in GOOD], now - timedelta(hours=1))
    for path, title, what in GOOD:
        local_site.article(path, title, what, now - timedelta(hours=1))
    db = open_db(config.database)
    # what the frontier held before the policy: a javascript: link pending ahead of a good one
    left = ["javascript:void(0)", "http://10.0.0.1/x"]
    record_discovery(db, "local", None, None, [(canonical_url(url), url, None, None) for url in left])
    db.close()

    summary = run_daily(config, as_of=now, write_digest=False, progress=None)

    db = sqlite3.connect(config.database)
    assert db.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == len(GOOD)
    assert db.execute("SELECT errors, links_skipped FROM run_sources WHERE run_id = ?", [summary.run_id]).fetchone() == (0, 2)
    states = dict(db.execute("SELECT url, status FROM fetch_state WHERE kind = 'article'").fetchall())
    assert states == {canonical_url(url): "refused" for url in left}


def test_a_redirect_to_a_private_address_is_refused_and_reported(tmp_path, local_site):
    now = datetime.now(KZ_TIME)
    config = _config(tmp_path, local_site)
    local_site.feed("/feed.xml", [local_site.base + "/news/1", local_site.base + "/news/moved"], now - timedelta(hours=1))
    local_site.article("/news/1", *GOOD[0][1:], now - timedelta(hours=1))
    local_site.pages["/news/moved"] = (302, {"Location": "http://169.254.169.254/latest/meta-data/"}, b"")

    summary = run_daily(config, as_of=now, write_digest=False, progress=None)

    db = sqlite3.connect(config.database)
    assert [r[0] for r in db.execute("SELECT url FROM articles")] == [local_site.base + "/news/1"]
    errors, last_error = db.execute("SELECT errors, last_error FROM run_sources WHERE run_id = ?", [summary.run_id]).fetchone()
    assert errors == 1
    assert "private or local address (169.254.169.254)" in last_error
    reason = db.execute("SELECT reason FROM fetch_state WHERE kind = 'article' AND status = 'failed'").fetchone()[0]
    assert "169.254.169.254" in reason
