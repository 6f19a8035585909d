"""Why a request failed, in plain words: what a source's `last_error` says.

Scrapy reports many different refusals as the same exception class (IgnoreRequest for a
robots.txt block, a redirect loop and a decompression bomb; DownloadCancelledError for a
page over the size limit), so the words are chosen from the exception and its message.
"""
from __future__ import annotations

import re

from scrapy.exceptions import IgnoreRequest
from twisted.python.failure import Failure

from .retry_after import ASKED_WAIT

NETWORK = {
    "TimeoutError": "timeout", "TCPTimedOutError": "timeout", "DownloadTimeoutError": "timeout",
    "ConnectionRefusedError": "connection refused", "DownloadConnectionRefusedError": "connection refused",
    "DNSLookupError": "DNS lookup failed", "CannotResolveHostError": "DNS lookup failed",
    "ResponseNeverReceived": "no response", "ConnectionLost": "connection lost",
    "ResponseDataLossError": "the connection closed before the page was complete",
    "ResponseFailed": "the connection failed mid-answer", "SSLError": "TLS handshake failed",
    "TunnelError": "proxy tunnel failed",
}


def _megabytes(limit: int | None) -> str:
    if not limit:
        return "the size limit"
    mb = limit / 1_000_000
    return f"{mb:.0f} MB" if mb >= 1 and mb == int(mb) else f"{mb:.2g} MB" if mb >= 0.1 else f"{limit // 1000} kB"


def _limit_in(message: str) -> int | None:
    """The byte limit Scrapy names in its oversize messages: 'max size (5000000)', 'DOWNLOAD_MAXSIZE (5000000 B)'."""
    found = re.search(r"(?:max size|DOWNLOAD_MAXSIZE) \((\d+)", message)
    return int(found.group(1)) if found else None


def describe(failure: Failure | BaseException, max_bytes: int | None = None, timeout: float | None = None) -> str:
    """The reason a request failed, in a few plain words (no URL)."""
    value = failure.value if isinstance(failure, Failure) else failure
    request = getattr(failure, "request", None)
    response = getattr(value, "response", None)
    if response is not None:
        words = f"HTTP {response.status}"
        origin = request if request is not None else response.request
        asked = origin.meta.get(ASKED_WAIT) if origin is not None else None
        if asked is not None:
            words += f", asked to come back in {asked:.0f} s (more than kzmon waits in a run)"
        return words
    name = type(value).__name__
    message = str(value)
    if isinstance(value, IgnoreRequest):
        if "robots.txt" in message:
            return "blocked by robots.txt"
        if "max redirections" in message:
            return "redirect loop (too many redirects)"
        if "redirect loop" in message:
            return message
        if "decompression" in message:
            return f"compressed page expands past the limit ({_megabytes(_limit_in(message) or max_bytes)})"
        return message or "request refused"
    if name == "DownloadCancelledError":  # the download handler cancels a body over DOWNLOAD_MAXSIZE
        return f"page larger than {_megabytes(_limit_in(message) or max_bytes)}"
    if name in NETWORK:
        words = NETWORK[name]
        return f"{words} (no complete answer in {timeout:g} s)" if words == "timeout" and timeout else words
    return f"{name}: {message}" if message else name


def database_reason(exc: BaseException) -> str:
    """Why a database write failed, in plain words."""
    message = " ".join(str(exc).split())
    if "locked" in message or "busy" in message:
        return "database is locked"
    if "full" in message or getattr(exc, "errno", None) == 28:
        return "disk is full"
    return f"{type(exc).__name__}" + (f": {message}" if message else "")


def storage_reason(exc: BaseException) -> str:
    """Why an article could not be written, in plain words."""
    return f"article not stored: {database_reason(exc)}"
