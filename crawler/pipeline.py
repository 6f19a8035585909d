"""The one item pipeline: fetched page -> text -> announcements -> storage.

Everything the crawler fetched passes through here, so the article a user sees in the
database is always the product of the same text layer and extractor that `kzmon extract`
and `kzmon reextract` use.

An article that cannot be stored (the database is locked, the disk is full, the extractor
raised) is never dropped quietly: the source counts an error with the reason, so the run is
`partial`, and the URL stays in the frontier (its `pending` or `failed` row in fetch_state
is kept, never deleted) for the next run to fetch again.
"""
from __future__ import annotations

import contextlib
import sqlite3
from datetime import datetime
from typing import Any

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from twisted.internet.defer import Deferred

from extract.announcements import extract_announcements
from extract.stemming import stem_text
from extract.text import Page, extract_page, page_from_api_item
from storage.articles import ArticleRecord, store_article
from storage.state import forget_article_url, mark_article_url, note_unstored

from .database import crawl_writer
from .discovery import KZ_TIME
from .failures import storage_reason
from .urls import canonical_url, same_site


class ArticlePipeline:
    """Runs on the crawl's writer thread (crawler/database.py), so that neither extraction nor
    a database another process holds locked ever stalls the downloads; the reactor thread
    only updates the spider's counters when the Deferred fires."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.writer = crawl_writer(crawler.settings["KZMON_DATABASE"], crawler.settings.getfloat("KZMON_DB_LOCK_WAIT", 60))

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> "ArticlePipeline":
        return cls(crawler)

    def process_item(self, item: dict[str, Any]) -> Deferred:
        spider = self.crawler.spider
        done = self.writer.call(self._work, item, spider.window_start)
        done.addCallbacks(self._counted, self._failed, errbackArgs=(item,))
        return done

    def _counted(self, outcome: tuple[dict[str, Any], int]) -> dict[str, Any]:
        result, announcements = outcome
        if result["article_id"] is not None:
            spider = self.crawler.spider
            spider.counters["new_articles"] += 1
            spider.counters["announcements"] += announcements
        return result

    def _failed(self, failure: Any, item: dict[str, Any]) -> Any:
        if failure.check(DropItem):
            return failure
        spider = self.crawler.spider
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

    def _work(self, item: dict[str, Any], window_start: Any) -> tuple[dict[str, Any], int]:
        """On the writer thread: text, announcements, one transaction (retried while locked)."""
        hint_published = datetime.fromisoformat(item["hint_published"]) if item.get("hint_published") else None
        page = self._page(item, hint_published)
        requested = canonical_url(item["requested_url"])
        if page is None:
            self.writer.run(mark_article_url, requested, item["source_id"], "not_article")
            raise DropItem(f"no article text at {item['url']}")
        published = page.published or hint_published
        if published is not None and window_start is not None and published.astimezone(KZ_TIME).date() < window_start:
            self.writer.run(mark_article_url, requested, item["source_id"], "too_old", published.date().isoformat())
            raise DropItem(f"older than the window: {item['url']}")
        fetched = canonical_url(item["url"])
        canonical = fetched
        if page.canonical_url and same_site(page.canonical_url, item["url"]):
            canonical = canonical_url(page.canonical_url)
        local_day = published.astimezone(KZ_TIME).date() if published else None
        records = extract_announcements(page.text, local_day, page.language, page.title)
        record = ArticleRecord(
            source_id=item["source_id"],
            url=item["url"],
            canonical_url=canonical,
            aliases=[requested, fetched],
            title=page.title or item.get("hint_title"),
            published=published.isoformat() if published else None,
            language=page.language,
            author=page.author,
            text=page.text,
            stem=stem_text(f"{page.title or ''}\n{page.text}", page.language),
            html=item.get("html") or item.get("api_body") or "",
            alternates=page.alternates,
            announcements=records,
        )
        article_id = self.writer.run(store_article, record)
        with contextlib.suppress(sqlite3.Error):  # stored: a row left behind is cleared by the next run
            self.writer.run(forget_article_url, requested)
        return {"source_id": item["source_id"], "url": item["url"], "article_id": article_id}, len(records)

    @staticmethod
    def _page(item: dict[str, Any], hint_published: datetime | None) -> Page | None:
        if item.get("api_body") is not None and not item.get("html"):
            return page_from_api_item(item.get("hint_title") or "", item["api_body"], hint_published,
                                      item.get("hint_language"), item["url"])
        return extract_page(item["html"], item["url"])
