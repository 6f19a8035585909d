"""One generic spider per configured source.

Site knowledge stays in config.yaml: the spider only knows the four ways a site publishes
(feeds, sitemaps, listing pages, the gov.kz JSON API). It decides what to fetch: never an
article already stored, never a discovery page twice in a run, nothing older than the
window, no link the fetch policy refuses (crawler/policy.py: skipped and counted). Turning
pages into records is the pipeline's job.
"""
from __future__ import annotations

import json
import re
import sqlite3
from collections import Counter
from collections.abc import AsyncIterator, Iterable
from datetime import date, datetime
from typing import Any

import scrapy
from scrapy import signals
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request, Response
from twisted.python.failure import Failure

from kzmon.config import Source
from kzmon.storage.articles import known_urls
from kzmon.storage.runs import record_source
from kzmon.storage.state import (drop_stored_pending, mark_article_url, pending_discovery, pending_urls, record_discovery,
                           settle_discovery, skipped_urls)

from .database import crawl_db, crawl_writer
from .discovery import KZ_TIME, Link, feed_links, listing_links, sitemap_entries
from .failures import database_reason, describe
from .govkz import ticket_request
from .gzip_body import KEEP as KEEP_GZIP, stored_gzip
from .items import item_hints
from .policy import refusal
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
        self._refused: set[str] = set()
        self._pages_seen: dict[int, list[frozenset[str]]] = {}  # per listing: the article links of each page read
        self._listing_links: dict[int, set[str]] = {}
        self.notes: list[str] = []
        self.db = None
        self.writer = None
        # discovery pages whose validators wait for their items to be stored (gov.kz API pages):
        # state key -> (validators, item URLs not stored yet); item URL -> its page's state key
        self._unsaved: dict[str, tuple[tuple[str | None, str | None, str], set[str]]] = {}
        self._saved_after: dict[str, str] = {}

    def write(self, fn: Any, *args: Any, what: str = "frontier not saved", url: str | None = None, **kwargs: Any) -> Any:
        """A frontier or counter write, queued for the crawl's writer thread (crawler/database.py)
        so that a locked database never stalls the downloads; a write that still fails after
        the bounded wait is an error of the source, in plain words."""
        done = self.writer.submit(fn, *args, **kwargs)

        def failed(failure: Failure) -> None:
            self.counters["errors"] += 1
            words = database_reason(failure.value) if failure.check(sqlite3.Error) else self.describe(failure)
            self.last_error = f"{what} ({words})" + (f": {url}" if url else "")
            self.logger.warning("%s: %s", self.source.id, self.last_error)
        done.addErrback(failed)
        return done

    # -- start ------------------------------------------------------------------------
    async def start(self) -> AsyncIterator[Request]:
        self.db = crawl_db(self.settings["KZMON_DATABASE"])  # reads only, on the reactor thread
        self.writer = crawl_writer(self.settings["KZMON_DATABASE"], self.settings.getfloat("KZMON_DB_LOCK_WAIT", 60))
        self.write(drop_stored_pending, self.source.id)
        since = self.window_start.isoformat() if (self.backfill and self.window_start) else None
        self._skip = skipped_urls(self.db, self.source.id, since)
        # The frontier first: links an earlier run found and never settled (it was killed,
        # or they failed), whether or not their discovery page has changed since.
        resumed = []
        for url, published, title in pending_urls(self.db, self.source.id):
            reason = self.refused(url)
            if reason:  # found by an earlier kzmon that let it in: it leaves the frontier
                try:
                    self.write(mark_article_url, canonical_url(url), self.source.id, "refused", reason=reason, url=url)
                except ValueError:  # too malformed to have a canonical form
                    pass
                continue
            moment = datetime.fromisoformat(published) if published else None
            if moment is not None and not self.in_window(moment):
                self.write(mark_article_url, canonical_url(url), self.source.id, "too_old", published[:10], url=url)
                continue
            resumed.append(Link(url, moment, title))
        for request in self._article_requests(self.claim_new(resumed)):
            yield request
        for url, meta in pending_discovery(self.db, self.source.id):
            if self.refused(url, article=False):
                self.write(settle_discovery, url, url=url)
                continue
            yield self._child_request(url, json.loads(meta or "{}"))
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
            meta={"kzmon_discovery": True, "kzmon_full_read": self.backfill, "handle_httpstatus_list": [304],
                  "kzmon_source": self.source.id, **meta},
        )

    def _child_request(self, url: str, meta: dict[str, Any]) -> Request:
        """A discovery page reached from another one: a sitemap's child or a listing's next page."""
        if meta.get("parse") == "listing" and meta.get("listing", 0) < len(self.source.listings):
            request = self._discovery(url, self.parse_listing, listing=meta["listing"], page=meta["page"])
            request.meta["handle_httpstatus_list"] = [304, 404]
            return request
        return self._discovery(url, self.parse_sitemap)

    # -- discovery --------------------------------------------------------------------
    def _unchanged(self, response: Response) -> bool:
        self.counters["pages_fetched"] += 1
        if response.meta.get("kzmon_unchanged") and not self.backfill:
            self.write(settle_discovery, response.url, url=response.url)
            return True
        return False

    def _found(self, response: Response, fresh: list[Link], children: list[tuple[str, dict[str, Any]]] = ()) -> list[Request]:
        """Make a discovery page's claimed links durable: they, and the discovery pages it
        leads to, enter the frontier in the transaction that saves the page's validators, so
        that a run killed before fetching them resumes them, though the page will then look
        unchanged."""
        # Queued for the writer thread; the article requests go out at once. The writer keeps
        # submission order, so no article is stored before this page's links are in the frontier.
        self.write(record_discovery, self.source.id, response.url, response.meta.get("kzmon_validators"), [
            (canonical_url(link.url), link.url, link.published.isoformat() if link.published else None, link.title)
            for link in fresh], [(url, json.dumps(meta)) for url, meta in children],
            what="page not processed (its links not saved)", url=response.url)
        return [self._child_request(url, meta) for url, meta in children] + list(self._article_requests(fresh))

    def remember_when_stored(self, key: str, validators: tuple[str | None, str | None, str] | None,
                             item_urls: list[str]) -> None:
        """Save a discovery page's validators once every item it handed to the pipeline is
        stored (raw) — for pages whose items carry their content (the gov.kz API) and so never
        enter the frontier: saved before them, a run killed in between would find the page
        unchanged and its items lost. An item that fails to store keeps them unsaved: the next
        run reads the page again."""
        if not validators:
            return
        if not item_urls:
            self.write(record_discovery, self.source.id, key, validators, [], url=key)
            return
        self._unsaved[key] = (validators, set(item_urls))
        for url in item_urls:
            self._saved_after[url] = key

    def stored(self, url: str) -> None:
        """The pipeline stored an item (as linked: `url`): its page's validators may be due."""
        key = self._saved_after.pop(url, None)
        if key is None or key not in self._unsaved:
            return
        validators, waiting = self._unsaved[key]
        waiting.discard(url)
        if not waiting:
            del self._unsaved[key]
            self.write(record_discovery, self.source.id, key, validators, [], url=key)

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
        yield from self._found(response, self.claim_new(links))

    def parse_sitemap(self, response: Response) -> Iterable[Request]:
        if self._unchanged(response):
            return
        children, pages = sitemap_entries(response.body)
        yield from self._found(response, self.claim_new([page for page in pages if self.is_article(page.url)]),
                               [(child.url, {"parse": "sitemap"}) for child in children
                                if self.in_window(child.published) and not self.refused(child.url, article=False)])

    def parse_listing(self, response: Response) -> Iterable[Request]:
        listing = self.source.listings[response.meta["listing"]]
        page = response.meta["page"]
        if response.status == 404 and page > 1:  # past the last page: the end, not an error
            self.write(settle_discovery, response.url, url=response.url)
            return
        if self._unchanged(response):
            return
        content_type = (response.headers.get(b"Content-Type") or b"").decode("latin-1")
        links = [Link(url) for url in listing_links(response.body, response.url, content_type) if self.is_article(url)]
        # A daily run stops at the first page with nothing new; a backfill walks every page
        # that still lists articles.
        new = self.claim_new(links)
        more = bool(links) if self.backfill else bool(new)
        max_pages = 1000 if self.backfill else listing.max_pages
        stop = self._pager_end(response.meta["listing"], page, links) if more else None
        if stop and listing.next_page and page < max_pages:
            self.logger.info("%s: listing %s: stopped at page %d: %s", self.source.id, listing.url, page, stop)
            self.notes.append(f"listing {listing.url} stopped at page {page}: {stop}")
            more = False
        children = []
        if listing.next_page and more and page < max_pages:
            children.append((listing.next_page.replace("{n}", str(page + 1)),
                             {"parse": "listing", "listing": response.meta["listing"], "page": page + 1}))
        yield from self._found(response, new, children)

    def _pager_end(self, listing: int, page: int, links: list[Link]) -> str | None:
        """Why a pager has ended though its page answered 200, or None: sites answer a page
        past the end with page 1 (or another page again) rather than a 404. A page whose
        article links repeat an earlier page of this run, or that lists no link the earlier
        pages did not, is the end."""
        found = frozenset(canonical_url(link.url) for link in links)
        pages = self._pages_seen.setdefault(listing, [])
        seen = self._listing_links.setdefault(listing, set())
        reason = None
        if found and found in pages:
            reason = f"it repeats page {pages.index(found) + 1}"  # pages read in order from page 1
        elif found and pages and found <= seen:
            reason = "it lists no article the earlier pages did not"
        pages.append(found)
        seen |= found
        return reason

    # -- articles ---------------------------------------------------------------------
    def _is_new(self, canonical: str) -> bool:
        return canonical not in self._requested and canonical not in self._skip

    def refused(self, url: str, article: bool = True) -> str | None:
        """Why the fetch policy (crawler/policy.py) refuses a link, or None. A refused link
        is skipped and counted once per run (`links_skipped`), never fatal."""
        reason = refusal(url, self.source, article=article)
        if reason and url not in self._refused:
            self._refused.add(url)
            self.counters["links_skipped"] += 1
            self.logger.info("%s: skipped %.200r: %s", self.source.id, url, reason)
        return reason

    def claim_new(self, links: list[Link]) -> list[Link]:
        """The links this run should fetch, marked as taken: allowed by the fetch policy, in
        the window, not stored, not requested earlier in this run, not remembered as skippable."""
        wanted = [(link, canonical_url(link.url)) for link in links
                  if self.in_window(link.published) and not self.refused(link.url)]
        stored = known_urls(self.db, [c for _, c in wanted])
        fresh = []
        for link, canonical in wanted:
            if canonical in stored or not self._is_new(canonical):
                continue
            self._requested.add(canonical)
            fresh.append(link)
        return fresh

    def _article_requests(self, links: list[Link]) -> Iterable[Request]:
        """Requests for links already claimed."""
        for link in links:
            yield Request(link.url, callback=self.parse_article, errback=self.on_article_error,
                          meta={"kzmon_hint": {"published": link.published, "title": link.title},
                                "kzmon_source": self.source.id, KEEP_GZIP: True})

    def parse_article(self, response: Response) -> Iterable[dict[str, Any]]:
        self.counters["pages_fetched"] += 1
        self.counters["articles_fetched"] += 1
        yield {
            "source_id": self.source.id,
            "url": response.url,
            # the URL as linked (before any redirect): its row in the frontier is the one to settle
            "requested_url": (response.request.meta.get("redirect_urls") or [response.request.url])[0]
            if response.request else response.url,
            "html": response.text,
            # the server's own gzip of the page when it is already what is stored (crawler/gzip_body.py)
            "html_gz": stored_gzip(response),
            **item_hints(response.meta.get("kzmon_hint")),
        }

    # -- errors and closing -----------------------------------------------------------
    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> "SourceSpider":
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider.on_request_dropped, signal=signals.request_dropped)
        crawler.signals.connect(spider.on_spider_error, signal=signals.spider_error)
        return spider

    def attach(self, crawler: Any) -> None:
        """A part of the one crawl (CrawlSpider): its crawler and settings, no signals of its own."""
        self.crawler = crawler
        self.settings = crawler.settings

    def describe(self, failure: Failure) -> str:
        """Why a request failed, in plain words (crawler/failures.py)."""
        return describe(failure, self.settings.getint("DOWNLOAD_MAXSIZE"), self.settings.getfloat("DOWNLOAD_TIMEOUT"))

    def on_error(self, failure: Failure) -> None:
        self.counters["errors"] += 1
        request = getattr(failure, "request", None)
        self.last_error = f"{self.describe(failure)}: {request.url}" if request else self.describe(failure)
        self.logger.warning("%s: %s", self.source.id, self.last_error)

    def on_article_error(self, failure: Failure) -> None:
        self.on_error(failure)
        request = getattr(failure, "request", None)
        if request is not None:
            linked = (request.meta.get("redirect_urls") or [request.url])[0]  # as the site linked it
            self.write(mark_article_url, canonical_url(linked), self.source.id, "failed", reason=self.describe(failure),
                       link=linked, url=linked)

    def on_request_dropped(self, request: Request, spider: Any = None) -> None:
        """The scheduler drops a request for a page already requested in this run, silently.
        When that page is one the request's own redirects came from, the site redirects in
        a loop: a failure of the request like any other, not a quiet success."""
        chain = request.meta.get("redirect_urls") or []
        if request.url not in chain:
            return  # a redirect to a page fetched for another link: nothing lost
        failure = Failure(IgnoreRequest(f"redirect loop (back to a page after {len(chain)} redirects)"))
        failure.request = request  # type: ignore[attr-defined]
        (request.errback or self.on_error)(failure)

    def on_spider_error(self, failure: Failure, response: Response, spider: Any = None) -> None:
        """An exception in a callback (e.g. the database refused a write): the page's work is lost for this run."""
        self.counters["errors"] += 1
        self.last_error = f"page not processed ({self.describe(failure)}): {response.url}"
        self.logger.warning("%s: %s", self.source.id, self.last_error)

    def closed(self, reason: str) -> Any:
        if self.db is None:
            return None
        if reason not in ("finished", "shutdown"):
            self.counters["errors"] += 1
            self.last_error = self.last_error or f"crawl ended: {reason}"
        # After every write queued before it has run and been counted (a failed one is an error),
        # in the writer's order; Scrapy waits for the Deferred.
        def save(_: Any) -> Any:
            return self.writer.submit(record_source, self.run_id, self.source.id, **self.counters,
                                      last_error=self.last_error, notes="; ".join(self.notes) or None)
        done = self.writer.call(lambda: None)
        done.addCallback(save)
        done.addErrback(lambda failure: self.logger.error("%s: counters not saved: %s", self.source.id,
                                                          self.describe(failure)))
        return done



class CrawlSpider(scrapy.Spider):
    """Every source in ONE spider, so that the crawl has one downloader and its slots are per
    host: CONCURRENT_REQUESTS_PER_DOMAIN and DOWNLOAD_DELAY hold for a site however many
    sources share it (inform.kz's editions, the gov.kz ministries, tengrinews' editions were
    each a spider of their own, with their own downloader, and together hit one host at N times
    the configured rate). Each source keeps its own part (a SourceSpider: its discovery, its
    frontier, its counters and errors in run_sources); every request carries its source's id
    in `meta["kzmon_source"]`, by which signals, the pipeline and the fetch policy find it."""

    name = "kzmon"

    def __init__(self, sources: list[Source], run_id: int, window_start: date | None, backfill: bool = False,
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.window_start = window_start
        self.backfill = backfill
        self.parts: dict[str, SourceSpider] = {
            source.id: SourceSpider(source=source, run_id=run_id, window_start=window_start, backfill=backfill)
            for source in sources}
        self._hosts: dict[str, SourceSpider] = {}

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> "CrawlSpider":
        spider = super().from_crawler(crawler, *args, **kwargs)
        for part in spider.parts.values():
            part.attach(crawler)
        crawler.signals.connect(spider.on_request_dropped, signal=signals.request_dropped)
        crawler.signals.connect(spider.on_spider_error, signal=signals.spider_error)
        return spider

    def part_for(self, request: Request | None = None, url: str | None = None) -> SourceSpider | None:
        """The source a request belongs to: its meta, else (robots.txt, asked for by Scrapy
        itself) the first source configured on the request's host."""
        if request is not None:
            part = self.parts.get(request.meta.get("kzmon_source", ""))
            if part is not None:
                return part
            url = url or request.url
        if not url:
            return None
        from .policy import _host, _own_hosts
        host = _host(url)
        if host is None:
            return None
        if not self._hosts:
            for part in self.parts.values():
                for own in _own_hosts(part.source)[0]:
                    self._hosts.setdefault(own, part)
        return self._hosts.get(host)

    async def start(self) -> AsyncIterator[Request]:
        for part in self.parts.values():
            try:
                async for request in part.start():
                    yield request
            except Exception as exc:  # one source's broken start never stops the others
                part.counters["errors"] += 1
                part.last_error = f"could not start ({exc})"
                part.logger.warning("%s: %s", part.source.id, part.last_error)

    def on_request_dropped(self, request: Request, spider: Any = None) -> None:
        part = self.part_for(request)
        if part is not None:
            part.on_request_dropped(request)

    def on_spider_error(self, failure: Failure, response: Response, spider: Any = None) -> None:
        part = self.part_for(response.request if response.request is not None else None, url=response.url)
        if part is not None:
            part.on_spider_error(failure, response)

    async def closed(self, reason: str) -> None:
        """Every part's counters saved before the crawl ends. A coroutine: Scrapy 2.19
        deprecates a Deferred returned by Spider.close (which calls this)."""
        from scrapy.utils.defer import maybe_deferred_to_future
        from twisted.internet.defer import DeferredList
        saving = [d for d in (part.closed(reason) for part in self.parts.values()) if d is not None]
        if saving:
            await maybe_deferred_to_future(DeferredList(saving))
