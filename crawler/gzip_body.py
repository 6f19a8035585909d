"""Keep an article's body as the server gzip'd it, so the crawl does not compress it again.

Pages are stored gzip'd (`pages.html_gz`, gzip of the UTF-8 HTML). When a server sends an
article gzip'd and its text is UTF-8, the bytes on the wire already are that: storing them
spares the crawl process a compression per page (about 2 ms of its ~5 ms per article on the
181-page bench), which is the CPU the crawl's one core and the processing stage compete for.
Scrapy's HttpCompressionMiddleware still decompresses the body as always (its DOWNLOAD_MAXSIZE
guard against decompression bombs holds, and the spider reads the page as usual); this
middleware only keeps a reference to the compressed bytes it saw first. Any other case (br,
deflate, several encodings, another charset, a byte-order mark) is compressed as before.
"""
from __future__ import annotations

from typing import Any

from scrapy import Request
from scrapy.http import Response, TextResponse

# request.meta keys: set on article requests by the spider; filled here
KEEP = "kzmon_keep_gzip"
KEPT = "kzmon_gzip_body"


class KeepGzipBodyMiddleware:
    """Runs its process_response before HttpCompressionMiddleware's (a higher order number)."""

    def process_response(self, request: Request, response: Response, spider: Any = None) -> Response:
        if request.meta.get(KEEP) and response.headers.getlist("Content-Encoding") == [b"gzip"]:
            request.meta[KEPT] = response.body
        return response


def stored_gzip(response: Response) -> bytes | None:
    """The server's gzip'd body, when it can be stored as the page's html_gz unchanged."""
    kept = response.meta.get(KEPT)
    if kept is None or not isinstance(response, TextResponse) or response.body.startswith(b"\xef\xbb\xbf"):
        return None
    return kept if response.encoding.lower().replace("_", "-") in ("utf-8", "utf8") else None
