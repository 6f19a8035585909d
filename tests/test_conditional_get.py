"""Conditional GET on discovery pages: validators sent back, 304 and identical bodies skipped.

The middleware runs with a real Scrapy crawler object and a real SQLite file.
"""
from __future__ import annotations

from scrapy.http import HtmlResponse, Request
from scrapy.utils.test import get_crawler

from kzmon.crawler.conditional import ConditionalGetMiddleware
from kzmon.storage import open_db
from kzmon.storage.state import save_discovery_state

FEED = "https://astanatimes.com/feed/"
BODY = b"<rss><channel><item><link>https://astanatimes.com/2026/11/a/</link></item></channel></rss>"


def _middleware(tmp_path):
    path = str(tmp_path / "k.db")
    open_db(path)
    return ConditionalGetMiddleware(get_crawler(settings_dict={"KZMON_DATABASE": path})), path


def _discovery(**meta):
    return Request(FEED, meta={"kzmon_discovery": True, **meta})


def _exchange(middleware, request, response):
    """Scrapy's order: the request passes the middleware, then its response does."""
    middleware.process_request(request)
    return middleware.process_response(request, response)


def test_validators_of_the_last_fetch_are_sent(tmp_path):
    middleware, path = _middleware(tmp_path)
    save_discovery_state(open_db(path), FEED, "astanatimes", '"abc"', "Wed, 18 Nov 2026 10:00:00 GMT", "h")
    request = _discovery()
    middleware.process_request(request)
    assert request.headers[b"If-None-Match"] == b'"abc"'
    assert request.headers[b"If-Modified-Since"] == b"Wed, 18 Nov 2026 10:00:00 GMT"
    backfill = _discovery(kzmon_full_read=True)
    middleware.process_request(backfill)
    assert b"If-None-Match" not in backfill.headers
    article = Request("https://astanatimes.com/2026/11/a/")
    middleware.process_request(article)
    assert b"If-None-Match" not in article.headers


def test_304_and_an_identical_body_behind_a_new_etag_are_unchanged(tmp_path):
    middleware, path = _middleware(tmp_path)
    first = _discovery()
    _exchange(middleware, first, HtmlResponse(FEED, body=BODY, headers={"ETag": '"v1"'}, request=first))
    assert first.meta["kzmon_unchanged"] is False
    etag, _, body_hash = first.meta["kzmon_validators"]
    save_discovery_state(open_db(path), FEED, "astanatimes", etag, None, body_hash)

    not_modified = _discovery()
    _exchange(middleware, not_modified, HtmlResponse(FEED, status=304, request=not_modified))
    assert not_modified.meta["kzmon_unchanged"] is True

    lying = _discovery()  # a server that mints a new ETag for the same bytes
    _exchange(middleware, lying, HtmlResponse(FEED, body=BODY, headers={"ETag": '"v2"'}, request=lying))
    assert lying.meta["kzmon_unchanged"] is True

    changed = _discovery()
    _exchange(middleware, changed, HtmlResponse(FEED, body=BODY + b"<!-- new item -->", headers={"ETag": '"v2"'}, request=changed))
    assert changed.meta["kzmon_unchanged"] is False
