"""Conditional GET for discovery pages (feeds, sitemaps, listings).

A daily run re-reads the same feeds; most have not changed. The validators (ETag,
Last-Modified) of the last fetch are sent back, and a 304 means "nothing new". Some servers
send validators that lie (a fresh ETag on identical bytes), so the body hash is compared
too. Either way the response is flagged `kzmon_unchanged` and the spider skips it.
"""
from __future__ import annotations

import hashlib

from scrapy.crawler import Crawler
from scrapy.http import Request, Response

from kzmon.storage.state import discovery_state

from .database import crawl_db


class ConditionalGetMiddleware:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.db = crawl_db(crawler.settings["KZMON_DATABASE"])

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> "ConditionalGetMiddleware":
        return cls(crawler)

    def process_request(self, request: Request, spider: object = None) -> None:
        # A backfill sets kzmon_full_read: it must read pages that have not changed too.
        if not request.meta.get("kzmon_discovery") or request.meta.get("kzmon_full_read"):
            return None
        # kzmon_state_key: a page whose URL does not tell it apart (the gov.kz API: one URL, the
        # language in a header) keeps its validators under a key of its own (crawler/govkz.py)
        state = discovery_state(self.db, request.meta.get("kzmon_state_key", request.url))
        request.meta["kzmon_state"] = state  # read once; process_response compares against it
        if state:
            if state["etag"]:
                request.headers.setdefault("If-None-Match", state["etag"])
            if state["last_modified"]:
                request.headers.setdefault("If-Modified-Since", state["last_modified"])
        return None

    def process_response(self, request: Request, response: Response, spider: object = None) -> Response:
        if not request.meta.get("kzmon_discovery"):
            return response
        if response.status == 304:
            request.meta["kzmon_unchanged"] = True
            return response
        if response.status != 200:
            return response
        body_hash = hashlib.sha1(response.body).hexdigest()
        state = request.meta.get("kzmon_state")
        request.meta["kzmon_unchanged"] = bool(state and state["body_hash"] == body_hash)
        request.meta["kzmon_validators"] = (
            _header(response, b"ETag"), _header(response, b"Last-Modified"), body_hash,
        )
        return response


def _header(response: Response, name: bytes) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None
