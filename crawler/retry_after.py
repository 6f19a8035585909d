"""Honour `Retry-After` on 429 and 503: come back when the server asks, within a cap.

Scrapy's RetryMiddleware retries a 503 or a 429 at once, which is what an overloaded or
rate-limiting server asked us not to do. This middleware sits just before it (it sees the
response first) and, when the answer carries `Retry-After` (seconds, or an HTTP date), waits
that long and then retries the request (counting towards RETRY_TIMES like any retry). While it
waits, the rest of the crawl goes on.

A server that asks for more than KZMON_RETRY_AFTER_MAX seconds (default 120) is not retried
in this run at all: hammering it sooner would ignore what it said, and a daily job cannot
wait an hour. The request fails as `HTTP 503` with the wait it asked for, recorded for the
source; an article stays in the frontier for the next run.
"""
from __future__ import annotations

from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import Any

from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.retry import get_retry_request
from scrapy.exceptions import NotConfigured
from scrapy.http import Request, Response
from scrapy.utils.asyncio import sleep

RETRY_AFTER_CODES = (429, 503)
DEFAULT_MAX_WAIT = 120.0
# The request meta key a refused wait is written to, for the error the source records.
ASKED_WAIT = "kzmon_retry_after"


def retry_after_seconds(value: bytes | str | None, server_date: bytes | str | None = None,
                        now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header value (delta-seconds or an HTTP date); None
    when there is no usable value. A date is read against the response's own Date header when
    it has one (the server's clock), else against ours; a date in the past means now."""
    if value is None:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if not text:
        return None
    if text.isdigit():
        return float(int(text))
    try:
        moment = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    reference = now or datetime.now(timezone.utc)
    if server_date:
        try:
            stamp = parsedate_to_datetime(server_date.decode("latin-1") if isinstance(server_date, bytes) else server_date)
            reference = stamp if stamp.tzinfo else stamp.replace(tzinfo=timezone.utc)
        except (TypeError, ValueError, IndexError):
            pass
    return max(0.0, (moment - reference).total_seconds())


class RetryAfterMiddleware:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.max_wait = crawler.settings.getfloat("KZMON_RETRY_AFTER_MAX", DEFAULT_MAX_WAIT)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> "RetryAfterMiddleware":
        if not crawler.settings.getbool("RETRY_ENABLED"):
            raise NotConfigured("RETRY_ENABLED is off")
        return cls(crawler)

    async def process_response(self, request: Request, response: Response, spider: Any = None) -> Request | Response:
        if response.status not in RETRY_AFTER_CODES or request.meta.get("dont_retry"):
            return response
        wait = retry_after_seconds(response.headers.get(b"Retry-After"), response.headers.get(b"Date"))
        if wait is None:
            return response  # no Retry-After: RetryMiddleware's ordinary retries
        if wait > self.max_wait:
            request.meta[ASKED_WAIT] = wait
            request.meta["dont_retry"] = True
            return response
        retry = get_retry_request(request, spider=self.crawler.spider,
                                  reason=f"{response.status} with Retry-After {wait:g} s")
        if retry is None:  # retries used up: fail now, as RetryMiddleware would
            request.meta["dont_retry"] = True
            return response
        await sleep(wait)
        return retry
