"""The fetch policy: which links kzmon may fetch for a source, and why not the others.

A feed, sitemap or listing page is written by someone else, so every link in it is checked
before it becomes a request:

- only http and https (never file:, data:, ftp:, javascript:, mailto: ...);
- never a private, loopback, link-local or otherwise non-public address, written as an IP
  literal in any spelling (10.0.0.1, 127.1, 2130706433, [::1], [::ffff:10.0.0.1]) or as a
  name that is local by definition (localhost, *.local, a name without a dot), unless it is
  an address the source itself is configured on. No DNS lookup is made: names are judged
  by how they are written;
- article links stay on the source's site unless the source sets `follow_offsite`.

`refusal()` answers with the reason in plain words, or None when the link may be fetched.
The spider skips and counts refused links; `FetchPolicyMiddleware` applies the same
address checks to every request that reaches the downloader (redirects included).
"""
from __future__ import annotations

import ipaddress
import re
import socket
from typing import Any
from urllib.parse import urlsplit

from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request

from kzmon.config import Source

from .urls import same_site

WEB_SCHEMES = ("http", "https")
# Characters no host name or address contains; their presence means the link is broken (or
# written to make two URL parsers disagree about the host).
BAD_HOST_CHARS = re.compile(r"[\s\x00-\x1f\x7f\\<>\"'`{}|^]")
CONTROL_CHARS = re.compile(r"[\x00-\x1f\x7f]")
# IPv4 in the forms inet_aton (and so every resolver) accepts: 127.1, 0x7f.0.0.1, 2130706433.
NUMERIC_HOST = re.compile(r"^(?:0x[0-9a-f]*|\d+)(?:\.(?:0x[0-9a-f]*|\d+)){0,3}$", re.I)
LOCAL_SUFFIXES = (".localhost", ".local", ".internal", ".home.arpa", ".localdomain")


def _host(url: str) -> str | None:
    """The host of a well-formed URL, lower-case, without a trailing dot; None if malformed."""
    if CONTROL_CHARS.search(url):
        return None
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a port that is not a number in range
    except ValueError:
        return None
    host = parts.hostname or ""
    if not host or BAD_HOST_CHARS.search(parts.netloc):
        return None
    host = host.rstrip(".")
    if not host or len(host) > 253 or ".." in host:
        return None
    return host


def _address(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """The IP address a host literally stands for, without asking DNS."""
    try:
        return ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        pass
    if NUMERIC_HOST.match(host):
        try:
            return ipaddress.IPv4Address(socket.inet_aton(host))
        except OSError:
            return None
    return None


def _non_public(host: str) -> str | None:
    """Why a host is not on the public internet, judged from how it is written; None if it may be."""
    address = _address(host)
    if address is not None:
        embedded = getattr(address, "ipv4_mapped", None) or getattr(address, "sixtofour", None)
        if embedded is not None and not (embedded.is_global and not embedded.is_multicast):
            return f"a private or local address ({address})"
        if not address.is_global or address.is_multicast:
            return f"a private or local address ({address})"
        return None
    if host == "localhost" or host.endswith(LOCAL_SUFFIXES):
        return f"a local host name ({host})"
    if "." not in host:
        return f"a host name without a domain ({host})"
    return None


def _own_hosts(source: Source) -> tuple[frozenset[str], tuple[str, ...]]:
    """The hosts a source is configured on, and its configured URLs (for same_site)."""
    urls = [*source.feeds, *source.sitemaps]
    for listing in source.listings:
        urls.append(listing.url)
        if listing.next_page:
            urls.append(listing.next_page.replace("{n}", "2"))
    if source.api:
        urls.append(source.api.base)
    hosts = frozenset(h for h in (_host(u) for u in urls) if h)
    return hosts, tuple(urls)


def refusal(url: str, source: Source, *, article: bool = True) -> str | None:
    """Why `url` must not be fetched for `source`, in plain words; None when it may be.

    `article` links must also stay on the source's site (unless `source.follow_offsite`);
    discovery pages (a sitemap's children) and redirects are held only to the scheme and
    address rules.
    """
    url = url.strip() if isinstance(url, str) else ""
    if not url:
        return "malformed link (empty)"
    scheme = url.split(":", 1)[0].lower() if ":" in url else ""
    if re.fullmatch(r"[a-z][a-z0-9+.-]*", scheme) and scheme not in WEB_SCHEMES:
        return f"not a web link ({scheme}:)"
    host = _host(url)
    if host is None or urlsplit(url).scheme.lower() not in WEB_SCHEMES:
        return "malformed link"
    own_hosts, own_urls = _own_hosts(source)
    own_addresses = {_address(h) for h in own_hosts} - {None}
    if host not in own_hosts and _address(host) not in own_addresses:
        why = _non_public(host)
        if why:
            return f"{why}, not the source's own"
    if article and not source.follow_offsite and host not in own_hosts:
        bare = f"http://[{host}]/" if ":" in host else f"http://{host}/"
        if not any(same_site(bare, own) for own in own_urls):
            return f"off the source's site ({host}); follow_offsite is not set"
    return None


class FetchPolicyMiddleware:
    """The last word before the network: every request a source's spider makes (robots.txt,
    discovery pages, articles, and the targets of redirects) obeys the scheme and address
    rules. The spider has already skipped and counted refused links; what arrives here
    refused is a redirect, and fails as an error that names the reason."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> "FetchPolicyMiddleware":
        return cls(crawler)

    def process_request(self, request: Request, spider: Any = None) -> None:
        spider = self.crawler.spider
        part_for = getattr(spider, "part_for", None)
        part = part_for(request) if part_for else spider
        source = getattr(part, "source", None)
        if not isinstance(source, Source):
            # a request no source owns (robots.txt of a host a redirect led to): the address rules
            host = _host(request.url)
            why = "malformed link" if host is None else _non_public(host)
            if why and urlsplit(request.url).scheme.lower() in WEB_SCHEMES:
                raise IgnoreRequest(f"refused {why}")
            return None
        reason = refusal(request.url, source, article=False)
        if reason:
            raise IgnoreRequest(f"refused {reason}")
        return None
