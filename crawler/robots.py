"""Scrapy's RobotsTxtMiddleware, with every first request to a site checked.

In Scrapy 2.19 the requests that wait for a site's robots.txt all await one Deferred
(`maybe_deferred_to_future(parser)`, since scrapy/scrapy#6802); converting a Deferred to a
future leaves None as its result, so from the second waiter on a request is checked against
None, which allows everything. A site that forbids kzmon in robots.txt had one page in
three of its first requests fetched anyway (kzmon starts a source with all its feeds,
sitemaps and listings at once). Once robots.txt is read, the parser is in `_parsers`; this
subclass takes it from there.
"""
from __future__ import annotations

from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware as ScrapyRobotsTxtMiddleware
from scrapy.http import Request
from scrapy.robotstxt import RobotParser
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import Deferred


class RobotsTxtMiddleware(ScrapyRobotsTxtMiddleware):
    async def robot_parser(self, request: Request) -> RobotParser | None:
        parser = await super().robot_parser(request)
        if parser is None:  # maybe the lost result of the shared Deferred: the stored parser is the truth
            stored = self._parsers.get(urlparse_cached(request).netloc)
            if not isinstance(stored, Deferred):
                return stored
        return parser
