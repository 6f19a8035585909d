"""The gov.kz JSON API adapter.

The site is a JavaScript shell; its news come from a public JSON API that answers 400 unless
the session first obtained a cookie "ticket" (POST /api/v1/public/_/c/k6). Scrapy's cookie
middleware keeps the cookie, so the adapter asks for the ticket once, then pages through
each project's news per language. Items carry their HTML body, so no article page is
fetched: the item goes to the pipeline as it is.

The walk is polite and incremental, like a feed's: each page of the listing is a discovery
page (crawler/conditional.py sends back its validators, and compares the body's hash when the
server sends none), and a daily run stops at the first page with nothing new: a page answered
304 or byte for byte as last time, or listing only items stored already. So an unchanged day
costs one request per project and language, and no item. The API answers every language at
one URL (the language is a header), so a page's validators are kept per language
(`state_key`); they are saved only once every item the page gave is stored raw
(SourceSpider.remember_when_stored), so a run killed in between reads the page again.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from scrapy.http import Request, Response

from .discovery import KZ_TIME, Link
from .items import item_hints

if TYPE_CHECKING:
    from .spider import SourceSpider


def ticket_request(spider: SourceSpider) -> Request:
    api = spider.source.api
    assert api is not None
    return Request(
        f"{api.base.rstrip('/')}/api/v1/public/_/c/k6", method="POST", body=b"{}",
        headers={"Content-Type": "application/json", "Origin": api.base.rstrip("/")},
        callback=lambda response: _api_pages(spider, response), errback=spider.on_error, dont_filter=True,
        meta={"kzmon_source": spider.source.id},
    )


def state_key(url: str, language: str) -> str:
    """Where a listing page's validators are kept: its URL is the same in every language."""
    return f"{url}#lang={language}"


def _api_page_request(spider: SourceSpider, project: str, language: str, page: int) -> Request:
    api = spider.source.api
    assert api is not None
    query = urlencode({"projects": f"eq:{project}", "page": page, "size": api.page_size, "sort-by": "created_date:DESC"})
    url = f"{api.base.rstrip('/')}/api/v1/public/content-manager/news?{query}"
    return Request(
        url,
        headers={"Accept": "application/json", "Accept-Language": language,
                 "Referer": f"{api.base.rstrip('/')}/memleket/entities/{project}/press/news?lang={language}"},
        callback=_parse_api_page, errback=spider.on_error, dont_filter=True,
        meta={"kzmon_source": spider.source.id, "kzmon_discovery": True, "kzmon_full_read": spider.backfill,
              "kzmon_state_key": state_key(url, language), "handle_httpstatus_list": [304]},
        cb_kwargs={"spider": spider, "project": project, "language": language, "page": page},
    )


def _api_pages(spider: SourceSpider, response: Response) -> Iterable[Request]:
    spider.counters["pages_fetched"] += 1
    api = spider.source.api
    assert api is not None
    for project in api.projects:
        for language in api.languages:
            yield _api_page_request(spider, project, language, api.first_page)


def _parse_api_page(response: Response, spider: SourceSpider, project: str, language: str, page: int) -> Iterable[Any]:
    spider.counters["pages_fetched"] += 1
    api = spider.source.api
    assert api is not None
    if response.meta.get("kzmon_unchanged") and not spider.backfill:
        return  # as the last run read it: nothing new on it, so nothing new past it
    data = json.loads(response.text)
    items = data.get("content", []) if isinstance(data, dict) else data
    base = api.base.rstrip("/")
    by_url = {}
    for item in items:
        url = f"{base}/memleket/entities/{project}/press/news/details/{item['id']}?lang={language}"
        by_url[url] = (Link(url, _api_time(item.get("created_date")), item.get("title")), item)
    fresh = spider.claim_new([link for link, _ in by_url.values()])
    spider.remember_when_stored(response.meta["kzmon_state_key"], response.meta.get("kzmon_validators"),
                                [link.url for link in fresh])
    for link in fresh:
        item = by_url[link.url][1]
        spider.counters["articles_fetched"] += 1
        yield {
            "source_id": spider.source.id, "url": link.url, "requested_url": link.url, "html": "",
            **item_hints({"published": link.published, "title": link.title, "language": language, "body": item.get("body") or ""}),
        }
    max_pages = 1000 if spider.backfill else api.max_pages
    if items and fresh and page - api.first_page + 1 < max_pages:
        yield _api_page_request(spider, project, language, page + 1)


def _api_time(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=KZ_TIME)

