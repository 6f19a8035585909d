"""Discovery parsers on the shapes real sites publish: RSS, Atom, sitemap indexes, news
sitemaps, HTML listings and JSON answers that carry HTML fragments."""
from __future__ import annotations

import json

from kzmon.crawler.discovery import feed_links, listing_links, sitemap_entries

RSS = b"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>T</title>
<item><title>Plant opens</title><link>https://astanatimes.com/2026/11/plant-opens/</link>
<pubDate>Wed, 18 Nov 2026 10:15:00 +0500</pubDate></item>
<item><title>No date</title><link>/2026/11/relative/</link></item></channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
<entry><title>A</title><link href="https://kz.kursiv.media/2026-11-18/a/"/><updated>2026-11-18T09:00:00Z</updated></entry></feed>"""

INDEX = b"""<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://kazpravda.kz/sitemap-news-2026-11.xml</loc><lastmod>2026-11-20T08:00:00+05:00</lastmod></sitemap>
<sitemap><loc>https://kazpravda.kz/sitemap-news-2026-09.xml</loc><lastmod>2026-09-30</lastmod></sitemap></sitemapindex>"""

NEWS = b"""<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
 xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://www.zakon.kz/ekonomika/7000001-zavod.html</loc><news:news><news:publication_date>2026-11-19T12:00:00+05:00</news:publication_date></news:news></url>
<url><loc>https://www.zakon.kz/ekonomika/7000002-cement.html</loc></url></urlset>"""


def test_rss_and_atom_entries_with_dates_and_absolute_links():
    links = feed_links(RSS, "https://astanatimes.com/feed/")
    assert [l.url for l in links] == ["https://astanatimes.com/2026/11/plant-opens/", "https://astanatimes.com/2026/11/relative/"]
    assert links[0].published.isoformat() == "2026-11-18T05:15:00+00:00"
    assert links[1].published is None
    atom = feed_links(ATOM, "https://kz.kursiv.media/feed/")
    assert atom[0].url == "https://kz.kursiv.media/2026-11-18/a/" and atom[0].published.day == 18


def test_sitemap_index_children_carry_lastmod():
    children, pages = sitemap_entries(INDEX)
    assert pages == []
    assert [c.url.rsplit("/", 1)[1] for c in children] == ["sitemap-news-2026-11.xml", "sitemap-news-2026-09.xml"]
    assert children[0].published.month == 11 and children[1].published.month == 9


def test_news_sitemap_publication_dates():
    children, pages = sitemap_entries(NEWS)
    assert children == [] and len(pages) == 2
    assert pages[0].published.isoformat() == "2026-11-19T12:00:00+05:00"
    assert pages[1].published is None


def test_broken_xml_gives_nothing_rather_than_an_exception():
    assert sitemap_entries(b"<html>not a sitemap") == ([], [])


def test_html_listing_links_are_absolute_and_unique():
    html = b'<div class="allNewsCard"><a href="/ru/zavod-abc123">A</a><a href="/ru/zavod-abc123">A</a><a href="https://x.kz/b">B</a></div>'
    assert listing_links(html, "https://www.inform.kz/ru/lenta") == ["https://www.inform.kz/ru/zavod-abc123", "https://x.kz/b"]


def test_json_listing_with_html_fragments():
    body = json.dumps({"success": True, "html": '<div class="zmainCard_item"><a href="/ekonomika/7000001-zavod.html"><div class="title">Завод</div></a></div>',
                       "items": [{"url": "/ekonomika/7000003-x.html"}]}).encode()
    links = listing_links(body, "https://www.zakon.kz/news/?handler=LoadMoreNews&p=1", "application/json")
    assert links == ["https://www.zakon.kz/ekonomika/7000001-zavod.html", "https://www.zakon.kz/ekonomika/7000003-x.html"]
