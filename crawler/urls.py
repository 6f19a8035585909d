"""One spelling per article URL, so that a daily run never downloads an article twice.

courlan does the general normalisation (scheme and host case, default ports, tracking
parameters, sorted query); this module adds what news sites do on top of it: AMP and mobile
variants, fragments, trailing slashes.
"""
from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import courlan

# Query parameters that never change what a page says (courlan's strict mode drops most
# trackers; these are the ones Kazakh sites add on top).
NOISE_PARAMS = re.compile(r"^(amp|outputType|from|ref|share|fbclid|gclid|yclid|_openstat|utm_\w+)$", re.I)
AMP_SEGMENT = re.compile(r"/amp(?=/|$)")
MOBILE_HOST = re.compile(r"^(m|mobile|amp)\.")


def canonical_url(url: str) -> str:
    """The identity of an article URL: same page, same string. An identity only: http and
    https are one page here, but a request goes to the URL as the site linked it."""
    url = url.strip()
    try:
        url = courlan.normalize_url(url, strict=True)
    except ValueError:
        pass
    parts = urlsplit(url)
    host = MOBILE_HOST.sub("", parts.hostname or "")
    if ":" in host:  # an IPv6 literal keeps its brackets: 'https://[::1]:8080/', not 'https://::1:8080/'
        host = f"[{host}]"
    if parts.port and parts.port not in (80, 443):
        host = f"{host}:{parts.port}"
    path = AMP_SEGMENT.sub("", parts.path) or "/"
    if len(path) > 1:
        path = path.rstrip("/")
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not NOISE_PARAMS.match(k)))
    return urlunsplit(("https" if parts.scheme in ("http", "https") else parts.scheme, host, path, query, ""))


def same_site(url: str, other: str) -> bool:
    """True when two URLs belong to one site (ignoring www. and mobile hosts)."""
    def base(u: str) -> str:
        host = urlsplit(u).hostname or ""
        return MOBILE_HOST.sub("", host.removeprefix("www."))
    return base(url) == base(other)
