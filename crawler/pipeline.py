"""The one item pipeline: a fetched page is stored raw, durably; nothing is made of it here.

The crawl stage only discovers, fetches and stores (issue 13): the text layer, the extractor
and dedup run later, in the processing stage (kzmon/processing.py) on a pool of worker
processes, so downloads never wait for CPU work. Each fetched page is written to `pages`
(storage/pages.py) as `raw`, gzip'd, with the hints discovery gave, in one transaction on the
crawl's writer thread (crawler/database.py), in submission order after the discovery page
that listed it. Its frontier row stays `pending` until the processing stage settles it, so a
run killed at any point loses nothing: a raw page is processed by the next run, a page never
stored is fetched again.

A page that cannot be stored (the database is locked past the bounded wait, the disk is full)
is never dropped quietly: the source counts an error with the reason, so the run is
`partial`, and the URL stays in the frontier for the next run to fetch again.
"""
from __future__ import annotations

from typing import Any

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from scrapy.utils.defer import maybe_deferred_to_future

from kzmon.storage.articles import compress_html
from kzmon.storage.pages import store_raw_page
from kzmon.storage.state import note_unstored

from .database import crawl_writer
from .failures import storage_reason
from .urls import canonical_url


class ArticlePipeline:
    """Runs on the crawl's writer thread, so that a database another process holds locked
    never stalls the downloads; the reactor thread only updates the source's counters when
    the Deferred fires."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.writer = crawl_writer(crawler.settings["KZMON_DATABASE"], crawler.settings.getfloat("KZMON_DB_LOCK_WAIT", 60))

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> "ArticlePipeline":
        return cls(crawler)

    async def process_item(self, item: dict[str, Any]) -> dict[str, Any]:
        """A coroutine awaiting the writer's Deferred: Scrapy 2.19 deprecates returning the
        Deferred itself (maybe_deferred_to_future: awaitable on either reactor)."""
        spider = self._part(item["source_id"])
        done = self.writer.call(self._work, item, getattr(spider, "run_id", None))
        done.addCallbacks(self._counted, self._failed, errbackArgs=(item,))
        return await maybe_deferred_to_future(done)

    def _part(self, source_id: str) -> Any:
        """The source's part of the one crawl spider (its counters and errors)."""
        spider = self.crawler.spider
        return getattr(spider, "parts", {}).get(source_id, spider)

    def _counted(self, result: dict[str, Any]) -> dict[str, Any]:
        part = self._part(result["source_id"])
        part.counters["pages_stored"] += 1
        if hasattr(part, "stored"):  # validators waiting for this item (crawler/govkz.py)
            part.stored(result["requested_url"])
        return result

    def _failed(self, failure: Any, item: dict[str, Any]) -> Any:
        if failure.check(DropItem):
            return failure
        spider = self._part(item["source_id"])
        reason = storage_reason(failure.value)
        spider.counters["errors"] += 1
        spider.last_error = f"{reason}: {item['url']}"
        spider.logger.warning("%s: %s", item["source_id"], spider.last_error)
        # best effort, one attempt, in the writer's order: the database may be what failed; the row
        # stays in the frontier either way
        url = canonical_url(item["requested_url"])
        noted = self.writer.call(lambda: note_unstored(self.writer.db(), url, reason))
        noted.addErrback(lambda f: spider.logger.warning("%s: could not note why in the frontier: %s",
                                                         item["source_id"], f.value))
        raise DropItem(spider.last_error) from failure.value

    def _work(self, item: dict[str, Any], run_id: int | None) -> dict[str, Any]:
        """On the writer thread: gzip the page, one transaction (retried while locked)."""
        api = item.get("api_body") is not None and not item.get("html")
        body = item.get("api_body") if api else item.get("html")
        hints = {"hint_published": item.get("hint_published"), "hint_title": item.get("hint_title"),
                 "hint_language": item.get("hint_language"), "api": api}
        self.writer.run(store_raw_page, canonical_url(item["requested_url"]), item["source_id"], run_id,
                        item["requested_url"], item["url"], item.get("html_gz") or compress_html(body or ""), hints)
        return {"source_id": item["source_id"], "url": item["url"], "requested_url": item["requested_url"]}
