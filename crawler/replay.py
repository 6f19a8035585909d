"""The replay transport: real HTTP to the local snapshot server, real URLs everywhere else.

Used instead of Scrapy's network download handler when kzmon runs against its bundled
snapshot (the demo and the tests). Each request goes to 127.0.0.1 with the site's real
Host header, and the response comes back under the real URL, so spiders, middlewares,
robots.txt handling, cookies, redirects and politeness slots behave exactly as online.
"""
from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Request, Response


class ReplayDownloadHandler(HTTP11DownloadHandler):
    def __init__(self, crawler: Crawler) -> None:
        address = crawler.settings.get("KZMON_REPLAY_ADDRESS")
        if not address:
            raise NotConfigured("KZMON_REPLAY_ADDRESS is not set")
        super().__init__(crawler)
        self._address = address

    async def download_request(self, request: Request) -> Response:
        parts = urlsplit(request.url)
        local = urlunsplit(("http", self._address, parts.path or "/", parts.query, ""))
        headers = request.headers.copy()
        headers["Host"] = parts.netloc
        headers["X-Kzmon-Replay-Scheme"] = parts.scheme  # the server can play a site that has no https
        response = await super().download_request(request.replace(url=local, headers=headers))
        return response.replace(url=request.url, request=request)
