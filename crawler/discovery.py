"""Finding article links in what sources publish: feeds, sitemaps, listing pages, JSON.

Pure functions over response bodies, so each discovery method is tested without a crawl.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from urllib.parse import urljoin

import feedparser
import lxml.etree
import lxml.html

KZ_TIME = timezone(timedelta(hours=5))


@dataclass(frozen=True)
class Link:
    url: str
    published: datetime | None = None
    title: str | None = None


def _join(base_url: str, href: str) -> str:
    """An absolute link; a link too broken to resolve is kept as written, for the fetch
    policy to refuse and count, rather than losing the rest of the page."""
    try:
        return urljoin(base_url, href)
    except ValueError:  # e.g. 'http://[::1' (an unclosed IPv6 literal)
        return href


def _feed_time(entry: feedparser.FeedParserDict) -> datetime | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    return datetime(*parsed[:6], tzinfo=timezone.utc)


def feed_links(body: bytes, base_url: str) -> list[Link]:
    """Entries of an RSS or Atom feed."""
    feed = feedparser.parse(body)
    links = []
    for entry in feed.entries:
        href = entry.get("link") or ""
        if href:
            links.append(Link(_join(base_url, href.strip()), _feed_time(entry), entry.get("title")))
    return links


def _iso(value: str | None) -> datetime | None:
    if not value:
        return None
    value = value.strip()
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=KZ_TIME)


def sitemap_entries(body: bytes) -> tuple[list[Link], list[Link]]:
    """(child sitemaps, page URLs) of a sitemap index or urlset, with lastmod / news dates."""
    try:
        root = lxml.etree.fromstring(body, parser=lxml.etree.XMLParser(recover=True, resolve_entities=False, no_network=True))
    except lxml.etree.XMLSyntaxError:
        return [], []
    if root is None:
        return [], []
    children, pages = [], []
    for node in root:
        tag = lxml.etree.QName(node).localname if isinstance(node.tag, str) else ""
        if tag not in ("sitemap", "url"):
            continue
        loc = lastmod = news_date = None
        for child in node.iter():
            if not isinstance(child.tag, str):
                continue
            name = lxml.etree.QName(child).localname
            if name == "loc" and loc is None:
                loc = (child.text or "").strip()
            elif name == "lastmod":
                lastmod = child.text
            elif name == "publication_date":
                news_date = child.text
        if loc:
            link = Link(loc, _iso(news_date) or _iso(lastmod))
            (children if tag == "sitemap" else pages).append(link)
    return children, pages


def _html_hrefs(html: str, base_url: str) -> list[str]:
    try:
        tree = lxml.html.fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return []
    return [_join(base_url, href.strip()) for href in tree.xpath("//a/@href") if href.strip()]


def _json_strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _json_strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _json_strings(v)]
    return []


def listing_links(body: bytes, base_url: str, content_type: str = "") -> list[str]:
    """Every link on a listing page; a JSON answer is searched for HTML fragments inside it."""
    text = body.decode("utf-8", "replace")
    if "json" in content_type or text.lstrip()[:1] in ("{", "["):
        try:
            data = json.loads(text)
        except ValueError:
            data = None
        if data is not None:
            hrefs: list[str] = []
            for fragment in _json_strings(data):
                if "<" in fragment:
                    hrefs.extend(_html_hrefs(f"<div>{fragment}</div>", base_url))
                elif re.match(r"^(https?://|/)\S+$", fragment):
                    hrefs.append(_join(base_url, fragment))
            return list(dict.fromkeys(hrefs))
    return list(dict.fromkeys(_html_hrefs(text, base_url)))
