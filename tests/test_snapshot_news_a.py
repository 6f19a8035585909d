"""Checks on the replay replicas of astanatimes.com, inform.kz, kapital.kz and forbes.kz.

The replicas stand in for the real sites in every end-to-end run, so a broken route, a feed
that lists the wrong items, or boilerplate that leaks into the extracted text would make the
crawler look right or wrong for reasons that have nothing to do with the crawler.
No server is needed: routes are resolved against site.yaml directly.
"""
from __future__ import annotations

import json
import re
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import pytest
import trafilatura
import yaml
from lxml import html as lxml_html

# Checks that the replay replicas agree with their own site.yaml and that trafilatura
# handles them: fixture consistency, not kzmon's behaviour (`pytest -m snapshot`).
pytestmark = pytest.mark.snapshot

SNAPSHOT = Path(__file__).resolve().parents[1] / "kzmon" / "replay" / "snapshot"
HOSTS = [h for h in ("astanatimes.com", "www.inform.kz", "en.inform.kz", "kapital.kz", "forbes.kz")
         if (SNAPSHOT / h / "site.yaml").exists()]
ALMATY = timezone(timedelta(hours=5))
WINDOW = (date(2026, 11, 14), date(2026, 11, 20))


def _site(host: str) -> dict:
    return yaml.safe_load((SNAPSHOT / host / "site.yaml").read_text(encoding="utf-8"))


def _route_key(path: str) -> tuple[str, frozenset]:
    parts = urlsplit(path)
    return parts.path, frozenset(parts.query.split("&")) if parts.query else frozenset()


def _serve(url: str) -> tuple[dict, str]:
    """What the replay server would answer for url: (route, body)."""
    parts = urlsplit(url)
    host = parts.netloc
    wanted = _route_key(parts.path + (f"?{parts.query}" if parts.query else ""))
    for route in _site(host)["routes"]:
        if "path" in route and _route_key(route["path"]) == wanted:
            body = (SNAPSHOT / host / route["file"]).read_text(encoding="utf-8") if "file" in route else ""
            return route, body
    raise LookupError(f"no route for {url}")


def _sources(host: str) -> list[dict]:
    return yaml.safe_load((SNAPSHOT / host / "source.yaml").read_text(encoding="utf-8"))


ARTICLES = [(h, a) for h in HOSTS for a in _site(h)["articles"]]
ALL_SOURCES = {s["id"]: s for h in HOSTS for s in _sources(h)}


def _source_of(url: str) -> dict:
    matching = [s for s in ALL_SOURCES.values() if re.search(s["article_pattern"], url)]
    assert len(matching) == 1, f"{url} matched {[s['id'] for s in matching]}"
    return matching[0]


def _listing_urls(source: dict, pages: int = 5) -> list[tuple[int, str]]:
    out = []
    for listing in source.get("listings") or []:
        out.append((1, listing["url"]))
        for n in range(2, pages + 1):
            if listing.get("next_page"):
                out.append((n, listing["next_page"].format(n=n)))
    return out


def _served_urls(source: dict) -> list[tuple[int, str]]:
    """Listing/feed URLs of a source that the snapshot answers, with their page number."""
    out = []
    for n, url in _listing_urls(source) + [(1, f) for f in source.get("feeds") or []]:
        try:
            _serve(url)
        except LookupError:
            continue
        out.append((n, url))
    return out


def _article_links(source: dict, body: str, base: str) -> set[str]:
    if body.lstrip().startswith("<?xml"):
        return {e.link for e in feedparser.parse(body).entries}
    doc = lxml_html.fromstring(body)
    doc.make_links_absolute(base)
    return {href for href in doc.xpath("//a/@href") if re.search(source["article_pattern"], href)}


@pytest.mark.parametrize("host", HOSTS)
def test_every_route_file_exists_and_types_are_real(host):
    site = _site(host)
    assert site["routes"], host
    for route in site["routes"]:
        if "file" in route:
            path = SNAPSHOT / host / route["file"]
            assert path.is_file(), route
            path.read_text(encoding="utf-8")  # UTF-8 like every target site
        if route.get("type"):
            assert "charset=UTF-8" in route["type"] or route["type"].startswith("application/xml"), route


@pytest.mark.parametrize("host", HOSTS)
def test_article_ground_truth_is_complete(host):
    site = _site(host)
    for a in site["articles"]:
        assert urlsplit(a["url"]).netloc == host
        route, _ = _serve(a["url"])
        assert route.get("status", 200) == 200
        assert a["language"] in {"en", "ru", "kk"}
        assert a["body_contains"] and a["boilerplate"]
        if a.get("archive"):
            assert date(2026, 9, 1) <= a["published"] < date(2026, 11, 1), a["url"]
        else:
            assert WINDOW[0] <= a["published"] <= WINDOW[1], a["url"]


def test_each_source_and_language_has_enough_articles():
    per_source: dict[str, list[dict]] = {}
    for _, a in ARTICLES:
        per_source.setdefault(_source_of(a["url"])["id"], []).append(a)
    for sid, items in per_source.items():
        current = [a for a in items if not a.get("archive")]
        # Kazinform's editions are separate sources; together they must reach the same count
        editions = [a for s, items2 in per_source.items() if s.startswith("inform") for a in items2] \
            if sid.startswith("inform") else items
        assert len([a for a in editions if not a.get("archive")]) >= 8, sid
        for lang in {a["language"] for a in current}:
            industrial = [a for a in current if a["language"] == lang and a["industrial"]]
            assert len(industrial) >= 3, (sid, lang)
            assert any(not a["industrial"] for a in current if a["language"] == lang), (sid, lang)


@pytest.mark.parametrize("host,article", ARTICLES, ids=[a["url"] for _, a in ARTICLES])
def test_extraction_keeps_body_and_drops_boilerplate(host, article):
    _, page = _serve(article["url"])
    text = trafilatura.extract(page, url=article["url"], include_comments=False)
    assert text, article["url"]
    assert article["body_contains"] in text
    for junk in article["boilerplate"]:
        assert junk in page, f"boilerplate {junk!r} is not even on the page"
        assert junk not in text, f"boilerplate {junk!r} leaked into the text"


@pytest.mark.parametrize("host,article", ARTICLES, ids=[a["url"] for _, a in ARTICLES])
def test_page_metadata_matches_ground_truth(host, article):
    _, page = _serve(article["url"])
    doc = lxml_html.fromstring(page)
    canonical = doc.xpath("//link[@rel='canonical']/@href")
    assert canonical == [article["url"]]
    assert article["title"] in doc.xpath("string(//h1)")
    stamps = doc.xpath("//meta[@property='article:published_time']/@content")
    for blob in doc.xpath("//script[@type='application/ld+json']/text()"):
        data = json.loads(blob)
        for node in data.get("@graph", [data]):
            if "datePublished" in node:
                stamps.append(node["datePublished"])
    assert stamps, article["url"]
    for stamp in stamps:
        local = datetime.fromisoformat(stamp).astimezone(ALMATY)
        assert local.date() == article["published"], (article["url"], stamp)


@pytest.mark.parametrize("host", HOSTS)
def test_article_pattern_takes_articles_and_nothing_else(host):
    for source in _sources(host):
        pattern = re.compile(source["article_pattern"])
        for n, url in _served_urls(source):
            assert not pattern.search(url), url
        for route in _site(host)["routes"]:
            if "path" in route and not route.get("file", "").startswith("pages/"):
                assert not pattern.search(f"https://{host}{route['path']}"), route
    assert all(_source_of(a["url"]) for h, a in ARTICLES if h == host)


@pytest.mark.parametrize("source_id", sorted(ALL_SOURCES))
def test_discovery_finds_current_articles_and_archive_only_on_later_pages(source_id):
    source = ALL_SOURCES[source_id]
    mine = [a for _, a in ARTICLES if _source_of(a["url"]) is source]
    first, later = set(), set()
    for n, url in _served_urls(source):
        _, body = _serve(url)
        (first if n == 1 else later).update(_article_links(source, body, url))
    current = {a["url"] for a in mine if not a.get("archive")}
    archive = {a["url"] for a in mine if a.get("archive")}
    assert current <= first
    assert not (archive & first), "archive articles must not reach a daily run"
    assert archive <= later
    assert len(archive) >= 2


@pytest.mark.parametrize("source_id", sorted(ALL_SOURCES))
def test_feeds_parse_and_list_exactly_the_current_articles(source_id):
    source = ALL_SOURCES[source_id]
    current = {a["url"] for _, a in ARTICLES if _source_of(a["url"]) is source and not a.get("archive")}
    for feed_url in source.get("feeds") or []:
        route, body = _serve(feed_url)
        assert "xml" in route["type"]
        parsed = feedparser.parse(body)
        assert not parsed.bozo, parsed.get("bozo_exception")
        assert {e.link for e in parsed.entries} == current
        for entry in parsed.entries:
            assert entry.published.endswith("+0500"), entry.published


@pytest.mark.parametrize("host", HOSTS)
def test_archive_articles_are_linked_only_from_later_listing_pages(host):
    archive = {a["url"] for h, a in ARTICLES if a.get("archive")}
    later = {url for s in _sources(host) for n, url in _served_urls(s) if n > 1}
    for route in _site(host)["routes"]:
        if "file" not in route:
            continue
        url = f"https://{host}{route['path']}"
        if url in later or url in archive:
            continue
        body = (SNAPSHOT / host / route["file"]).read_text(encoding="utf-8")
        canonical = lxml_html.fromstring(body.encode("utf-8")).xpath("//link[@rel='canonical']/@href") \
            if not body.lstrip().startswith(("<?xml", "User-agent")) else []
        if set(canonical) & archive:
            continue  # the AMP copy of an archive article may name its own canonical page
        leaked = [u for u in archive if u in body]
        assert not leaked, (route["path"], leaked)


def test_language_editions_link_each_other():
    by_url = {a["url"]: a for _, a in ARTICLES}
    for url, a in by_url.items():
        _, page = _serve(url)
        doc = lxml_html.fromstring(page)
        for lang, href in zip(doc.xpath("//link[@rel='alternate'][@hreflang]/@hreflang"),
                              doc.xpath("//link[@rel='alternate'][@hreflang]/@href")):
            if lang == "x-default" or href == url:
                continue
            assert href in by_url, (url, href)
            _, other = _serve(href)
            assert f'href="{url}"' in other, f"{href} does not link back to {url}"


def test_amp_variants_point_back_to_the_article():
    amp_seen = 0
    for _, a in ARTICLES:
        _, page = _serve(a["url"])
        for amp_url in lxml_html.fromstring(page).xpath("//link[@rel='amphtml']/@href"):
            route, amp = _serve(amp_url)
            amp_doc = lxml_html.fromstring(amp.encode("utf-8"))
            assert amp_doc.xpath("//link[@rel='canonical']/@href") == [a["url"]]
            assert a["body_contains"] in trafilatura.extract(amp, include_comments=False)
            amp_seen += 1
    if any(h.endswith("inform.kz") for h in HOSTS):
        assert amp_seen >= 2
