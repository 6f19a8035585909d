"""One generic spider per configured source.

Site knowledge stays in config.yaml: the spider only knows the four ways a site publishes
(feeds, sitemaps, listing pages, the gov.kz JSON API). It decides what to fetch: never an
article already stored, never a discovery page twice in a run, nothing older than the
window. Turning pages into records is the pipeline's job.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import AsyncIterator, Iterable
from datetime import date, datetime
from typing import Any

import scrapy
from scrapy.http import Request, Response
from twisted.python.failure import Failure

from kzmon.config import Source
from storage.articles import known_urls
from storage.runs import record_source
from storage.state import mark_article_url, pending_urls, save_discovery_state, skipped_urls

from .database import crawl_db
from .discovery import KZ_TIME, Link, feed_links, listing_links, sitemap_entries
from .govkz import ticket_request
from .items import item_hints
from .urls import canonical_url


class SourceSpider(scrapy.Spider):
    name = "source"

    def __init__(self, source: Source, run_id: int, window_start: date | None, backfill: bool = False, **kwargs: Any) -> None:
        super().__init__(name=f"source:{source.id}", **kwargs)
        self.source = source
        self.run_id = run_id
        self.window_start = window_start
        self.backfill = backfill
        self.pattern = re.compile(source.article_pattern) if source.article_pattern else None
        self.counters: Counter[str] = Counter()
        self.last_error: str | None = None
        self._requested: set[str] = set()
        self._skip: set[str] = set()
        self.db = None

    # -- start ------------------------------------------------------------------------
    async def start(self) -> AsyncIterator[Request]:
        self.db = crawl_db(self.settings["KZMON_DATABASE"])
        since = self.window_start.isoformat() if (self.backfill and self.window_start) else None
        self._skip = skipped_urls(self.db, self.source.id, since)
        for url in pending_urls(self.db, self.source.id):
            for request in self._article_requests([Link(url)]):
                yield request
        for url in self.source.feeds:
            yield self._discovery(url, self.parse_feed)
        for url in self.source.sitemaps:
            yield self._discovery(url, self.parse_sitemap)
        for index, listing in enumerate(self.source.listings):
            yield self._discovery(listing.url, self.parse_listing, listing=index, page=1)
        if self.source.api:
            yield ticket_request(self)

    def _discovery(self, url: str, callback: Any, **meta: Any) -> Request:
        return Request(
            url, callback=callback, errback=self.on_error, dont_filter=False,
            meta={"kzmon_discovery": True, "kzmon_full_read": self.backfill, "handle_httpstatus_list": [304], **meta},
        )

    # -- discovery --------------------------------------------------------------------
    def _unchanged(self, response: Response) -> bool:
        self.counters["pages_fetched"] += 1
        return bool(response.meta.get("kzmon_unchanged")) and not self.backfill

    def _remember(self, response: Response) -> None:
        validators = response.meta.get("kzmon_validators")
        if validators:
            save_discovery_state(self.db, response.url, self.source.id, *validators)

    def in_window(self, moment: datetime | None) -> bool:
        if moment is None or self.window_start is None:
            return True
        return moment.astimezone(KZ_TIME).date() >= self.window_start

    def is_article(self, url: str) -> bool:
        return self.pattern.search(url) is not None if self.pattern else True

    def parse_feed(self, response: Response) -> Iterable[Request]:
        if self._unchanged(response):
            return
        links = [link for link in feed_links(response.body, response.url) if self.is_article(link.url)]
        yield from self._article_requests(links)
        self._remember(response)

    def parse_sitemap(self, response: Response) -> Iterable[Request]:
        if self._unchanged(response):
            return
        children, pages = sitemap_entries(response.body)
        for child in children:
            if self.in_window(child.published):
                yield self._discovery(child.url, self.parse_sitemap)
        yield from self._article_requests([page for page in pages if self.is_article(page.url)])
        self._remember(response)

    def parse_listing(self, response: Response) -> Iterable[Request]:
        listing = self.source.listings[response.meta["listing"]]
        page = response.meta["page"]
        if response.status == 404 and page > 1:  # past the last page: the end, not an error
            return
        if self._unchanged(response):
            return
        content_type = (response.headers.get(b"Content-Type") or b"").decode("latin-1")
        links = [Link(url) for url in listing_links(response.body, response.url, content_type) if self.is_article(url)]
        requests = list(self._article_requests(links))
        yield from requests
        self._remember(response)
        # A daily run stops at the first page with nothing new; a backfill walks every page
        # that still lists articles.
        more = bool(links) if self.backfill else bool(requests)
        max_pages = 1000 if self.backfill else listing.max_pages
        if listing.next_page and more and page < max_pages:
            next_request = self._discovery(listing.next_page.replace("{n}", str(page + 1)), self.parse_listing,
                                           listing=response.meta["listing"], page=page + 1)
            next_request.meta["handle_httpstatus_list"] = [304, 404]
            yield next_request

    # -- articles ---------------------------------------------------------------------
    def _is_new(self, canonical: str) -> bool:
        return canonical not in self._requested and canonical not in self._skip

    def claim_new(self, links: list[Link]) -> list[Link]:
        """The links this run should fetch, marked as taken: in the window, not stored,
        not requested earlier in this run, not remembered as skippable."""
        wanted = [(link, canonical_url(link.url)) for link in links if self.in_window(link.published)]
        stored = known_urls(self.db, [c for _, c in wanted])
        fresh = []
        for link, canonical in wanted:
            if canonical in stored or not self._is_new(canonical):
                continue
            self._requested.add(canonical)
            fresh.append(link)
        return fresh

    def _article_requests(self, links: list[Link]) -> Iterable[Request]:
        for link in self.claim_new(links):
            yield Request(link.url, callback=self.parse_article, errback=self.on_article_error,
                          meta={"kzmon_hint": {"published": link.published, "title": link.title}})

    def parse_article(self, response: Response) -> Iterable[dict[str, Any]]:
        self.counters["pages_fetched"] += 1
        self.counters["articles_fetched"] += 1
        yield {
            "source_id": self.source.id,
            "url": response.url,
            "requested_url": response.request.url if response.request else response.url,
            "html": response.text,
            **item_hints(response.meta.get("kzmon_hint")),
        }

    # -- errors and closing -----------------------------------------------------------
    def on_error(self, failure: Failure) -> None:
        self.counters["errors"] += 1
        request = getattr(failure, "request", None)
        self.last_error = f"{_describe(failure)} {request.url if request else ''}".strip()
        self.logger.warning("%s: %s", self.source.id, self.last_error)

    def on_article_error(self, failure: Failure) -> None:
        self.on_error(failure)
        request = getattr(failure, "request", None)
        if request is not None:
            mark_article_url(self.db, canonical_url(request.url), self.source.id, "failed")

    def closed(self, reason: str) -> None:
        if self.db is None:
            return
        if reason not in ("finished", "shutdown"):
            self.counters["errors"] += 1
            self.last_error = self.last_error or f"crawl ended: {reason}"
        record_source(self.db, self.run_id, self.source.id, **self.counters, last_error=self.last_error)


def _describe(failure: Failure) -> str:
    value = failure.value
    response = getattr(value, "response", None)
    if response is not None:
        return f"HTTP {response.status}"
    name = type(value).__name__
    return {"TimeoutError": "timeout", "TCPTimedOutError": "timeout", "ConnectionRefusedError": "connection refused",
            "DNSLookupError": "DNS lookup failed", "CannotResolveHostError": "DNS lookup failed",
            "ResponseNeverReceived": "no response", "ConnectionLost": "connection lost"}.get(name, name)
