"""Replay-snapshot replicas of kursiv.media, tengrinews.kz and zakon.kz (helper news_b).

These checks read the snapshot files directly (no server): every route names a file that
exists, feeds and sitemaps reach exactly the articles the ground truth lists, and trafilatura
keeps each article's body while dropping the page chrome named in site.yaml.
"""
from __future__ import annotations

import json
import re
from datetime import date, datetime
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import pytest
import trafilatura
import yaml
from lxml import etree, html as lxml_html

# Checks that the replay replicas agree with their own site.yaml and that trafilatura
# handles them: fixture consistency, not kzmon's behaviour (`pytest -m snapshot`).
pytestmark = pytest.mark.snapshot

SNAPSHOT = Path(__file__).resolve().parents[1] / "kzmon" / "replay" / "snapshot"
HOSTS = ["kz.kursiv.media", "tengrinews.kz", "en.tengrinews.kz", "kaz.tengrinews.kz",
         "www.zakon.kz", "kaz.zakon.kz"]
OUTLETS = {"kursiv": ["kz.kursiv.media"],
           "tengrinews": ["tengrinews.kz", "en.tengrinews.kz", "kaz.tengrinews.kz"],
           "zakon": ["www.zakon.kz", "kaz.zakon.kz"]}
WINDOW = (date(2026, 11, 14), date(2026, 11, 20))
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def load_site(host: str) -> dict:
    return yaml.safe_load((SNAPSHOT / host / "site.yaml").read_text(encoding="utf-8"))


def load_sources(host: str) -> list[dict]:
    return yaml.safe_load((SNAPSHOT / host / "source.yaml").read_text(encoding="utf-8"))


def route_for(site: dict, url: str) -> dict | None:
    parts = urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    return next((r for r in site["routes"] if r.get("path") == path), None)


def body_of(host: str, url: str) -> bytes:
    """What the replay server would answer for a URL on one of these hosts."""
    route = route_for(load_site(host), url)
    assert route is not None and "file" in route, f"no file route for {url}"
    return (SNAPSHOT / host / route["file"]).read_bytes()


def all_articles() -> list[tuple[str, dict]]:
    return [(host, a) for host in HOSTS for a in load_site(host)["articles"]]


ARTICLES = all_articles()


@pytest.mark.parametrize("host", HOSTS)
def test_every_route_file_exists_and_paths_are_unique(host: str) -> None:
    site = load_site(host)
    paths = [r["path"] for r in site["routes"] if "path" in r]
    assert len(paths) == len(set(paths))
    for route in site["routes"]:
        if "file" in route:
            assert (SNAPSHOT / host / route["file"]).is_file(), route
        else:
            assert route.get("status") in (301, 302) and route["location"].startswith("https://")


@pytest.mark.parametrize("host,article", ARTICLES, ids=[a["url"][-45:] for _, a in ARTICLES])
def test_trafilatura_keeps_body_and_drops_boilerplate(host: str, article: dict) -> None:
    text = trafilatura.extract(body_of(host, article["url"]).decode("utf-8"), include_comments=False) or ""
    assert article["body_contains"] in text
    assert article["boilerplate"], "each article names the chrome extraction must drop"
    for chrome in article["boilerplate"]:
        assert chrome not in text, chrome


@pytest.mark.parametrize("host,article", ARTICLES, ids=[a["url"][-45:] for _, a in ARTICLES])
def test_page_metadata_agrees_with_ground_truth(host: str, article: dict) -> None:
    doc = lxml_html.fromstring(body_of(host, article["url"]))
    assert urlsplit(article["url"]).hostname == host
    assert doc.xpath("string(//link[@rel='canonical']/@href)") == article["url"]
    assert doc.xpath("string(//meta[@property='og:title']/@content)") == article["title"]
    assert doc.xpath("normalize-space(//h1)") == article["title"]
    stamps = doc.xpath("//meta[@property='article:published_time']/@content")
    for script in doc.xpath("//script[@type='application/ld+json']/text()"):
        data = json.loads(script)
        for node in data.get("@graph", [data]):
            if "datePublished" in node:
                stamps.append(node["datePublished"])
    assert stamps, "the page must carry a machine-readable publication time"
    for stamp in stamps:
        published = datetime.fromisoformat(stamp)
        assert published.utcoffset().total_seconds() == 5 * 3600
        assert published.date() == article["published"]


@pytest.mark.parametrize("outlet", OUTLETS)
def test_article_mix_per_outlet(outlet: str) -> None:
    articles = [a for host in OUTLETS[outlet] for a in load_site(host)["articles"]]
    live = [a for a in articles if not a.get("archive")]
    assert len(live) >= 8
    assert 2 <= len(articles) - len(live) <= 6
    for a in articles:
        if a.get("archive"):
            assert a["published"] < WINDOW[0]
        else:
            assert WINDOW[0] <= a["published"] <= WINDOW[1]
    for lang in {a["language"] for a in live}:
        edition = [a for a in live if a["language"] == lang]
        assert sum(a["industrial"] for a in edition) >= 3, lang
        assert any(not a["industrial"] for a in articles if a["language"] == lang), lang


@pytest.mark.parametrize("host", HOSTS)
def test_article_pattern_matches_articles_and_nothing_else(host: str) -> None:
    site = load_site(host)
    (source,) = load_sources(host)
    assert re.fullmatch(r"[a-z0-9_-]+", source["id"])
    pattern = re.compile(source["article_pattern"])
    article_urls = {a["url"] for a in site["articles"]}
    for url in article_urls:
        assert pattern.search(url), url
    for route in site["routes"]:
        url = f"https://{host}{route['path']}"
        if url not in article_urls:
            assert not pattern.search(url), url
    for listed in source["feeds"] + source["sitemaps"] + [l["url"] for l in source["listings"]]:
        assert listed.startswith(f"https://{host}/")
        assert route_for(site, listed) is not None, listed


def feed_routes(host: str) -> list[dict]:
    return [r for r in load_site(host)["routes"] if "rss" in r.get("type", "") or "atom" in r.get("type", "")]


@pytest.mark.parametrize("host", HOSTS)
def test_feeds_list_exactly_this_weeks_articles_of_their_language(host: str) -> None:
    site = load_site(host)
    for route in feed_routes(host):
        feed = feedparser.parse((SNAPSHOT / host / route["file"]).read_bytes())
        assert not feed.bozo, feed.get("bozo_exception")
        lang = feed.feed.language[:2]
        expected = {a["url"] for a in site["articles"] if a["language"] == lang and not a.get("archive")}
        assert {e.link for e in feed.entries} == expected
        for entry in feed.entries:
            assert entry.published.endswith("+0500")


def sitemap_urls(host: str, url: str, depth: int = 0) -> list[tuple[str, str | None]]:
    """Walk a sitemap (index) through the snapshot; returns (loc, lastmod of its leaf map)."""
    root = etree.fromstring(body_of(host, url))
    if root.tag == f"{SITEMAP_NS}sitemapindex":
        assert depth < 3
        found = []
        for child in root.iter(f"{SITEMAP_NS}sitemap"):
            loc = child.findtext(f"{SITEMAP_NS}loc")
            found += [(u, child.findtext(f"{SITEMAP_NS}lastmod") or m) for u, m in sitemap_urls(host, loc, depth + 1)]
        return found
    return [(u.findtext(f"{SITEMAP_NS}loc"), None) for u in root.iter(f"{SITEMAP_NS}url")]


@pytest.mark.parametrize("host", HOSTS)
def test_sitemaps_reach_every_article_and_keep_archive_in_older_maps(host: str) -> None:
    site = load_site(host)
    (source,) = load_sources(host)
    found: dict[str, str | None] = {}
    for sitemap in source["sitemaps"]:
        found.update(sitemap_urls(host, sitemap))
    for a in site["articles"]:
        assert a["url"] in found, a["url"]
        lastmod = found[a["url"]]
        if lastmod:  # the child map's <lastmod> tells a daily run whether to open it
            fresh = datetime.fromisoformat(lastmod).date() >= WINDOW[0]
            assert fresh != bool(a.get("archive")), a["url"]


def listing_links(host: str, url: str) -> list[str]:
    """Links on a listing page; zakon's LoadMoreNews answers JSON with HTML fragments inside."""
    body = body_of(host, url)
    if body.lstrip().startswith(b"{"):
        strings: list[str] = []

        def walk(node: object) -> None:
            if isinstance(node, str) and "<" in node:
                strings.append(node)
            elif isinstance(node, dict):
                for value in node.values():
                    walk(value)
            elif isinstance(node, list):
                for value in node:
                    walk(value)

        walk(json.loads(body))
        docs = [lxml_html.fromstring(s) for s in strings]
    else:
        docs = [lxml_html.fromstring(body)]
    links = []
    for doc in docs:
        doc.make_links_absolute(url)
        links += [href for href in doc.xpath("//a/@href")]
    return links


@pytest.mark.parametrize("host", HOSTS)
def test_listing_page_one_has_the_week_and_later_pages_the_archive(host: str) -> None:
    site = load_site(host)
    (source,) = load_sources(host)
    articles = {a["url"]: a for a in site["articles"]}
    for listing in source["listings"]:
        first = [u for u in listing_links(host, listing["url"]) if u in articles]
        assert first and not any(articles[u].get("archive") for u in first)
        later = [u for u in listing_links(host, listing["next_page"].format(n=2)) if u in articles]
        assert later and all(articles[u].get("archive") for u in later)


def test_kursiv_language_editions_link_each_other() -> None:
    site = load_site("kz.kursiv.media")
    groups = []
    for a in site["articles"]:
        doc = lxml_html.fromstring(body_of("kz.kursiv.media", a["url"]))
        alternates = {lang: href for lang, href in zip(doc.xpath("//link[@hreflang]/@hreflang"),
                                                       doc.xpath("//link[@hreflang]/@href"))}
        if alternates:
            assert a["url"] in alternates.values()
            groups.append(frozenset(alternates.items()))
    assert groups and all(groups.count(g) == len([k for k, _ in g if k != "x-default"]) for g in groups)
