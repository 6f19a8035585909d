"""Checks of the replay replicas of primeminister.kz, www.gov.kz, invest.gov.kz and kazpravda.kz.

No server: the files and the gov.kz API handler are exercised directly, the way the replay
server would serve them, and article pages go through trafilatura as the text layer does.
"""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import trafilatura
import yaml

from kzmon.config import Source
from kzmon.replay.handlers import govkz

# Checks that the replay replicas agree with their own site.yaml and that trafilatura
# handles them: fixture consistency, not kzmon's behaviour (`pytest -m snapshot`).
pytestmark = pytest.mark.snapshot

SNAPSHOT = Path(__file__).resolve().parents[1] / "kzmon" / "replay" / "snapshot"
HTML_HOSTS = ["primeminister.kz", "invest.gov.kz", "kazpravda.kz"]
HOSTS = HTML_HOSTS + ["www.gov.kz"]
WINDOW = (date(2026, 11, 14), date(2026, 11, 20))
SHARED_STORY_MARKERS = {  # one unmistakable fact of each shared story, in any language
    "S1": re.compile(r"\b186\b"), "S2": re.compile(r"KAZ Minerals"),
    "S3": re.compile(r"Orda Glass"), "S4": re.compile(r"KamaTyresKZ")}
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def load_site(host: str) -> dict:
    return yaml.safe_load((SNAPSHOT / host / "site.yaml").read_text(encoding="utf-8"))


def load_sources(host: str) -> list[Source]:
    return [Source.model_validate(s) for s in yaml.safe_load((SNAPSHOT / host / "source.yaml").read_text(encoding="utf-8"))]


def route_path(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def file_routes(site: dict) -> dict[str, str]:
    return {r["path"]: r["file"] for r in site["routes"] if "file" in r}


def page_of(host: str, url: str) -> str:
    return (SNAPSHOT / host / file_routes(load_site(host))[route_path(url)]).read_text(encoding="utf-8")


class Links(HTMLParser):
    """hrefs of <a>, and of <link> by rel."""

    def __init__(self) -> None:
        super().__init__()
        self.anchors: list[str] = []
        self.links: list[tuple[str, str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "a" and a.get("href"):
            self.anchors.append(a["href"])
        if tag == "link" and a.get("href"):
            self.links.append((a.get("rel") or "", a["href"], a.get("hreflang")))


def parse_links(html: str) -> Links:
    parser = Links()
    parser.feed(html)
    return parser


def text_of_body(body_html: str) -> str:
    return trafilatura.html2txt(f"<html><body>{body_html}</body></html>")


def api_get(project: str, lang: str | None = None, page: int = 1, size: int = 20,
            headers: dict[str, str] | None = None, **extra: str) -> tuple[int, dict[str, str], object]:
    query = {"projects": [f"eq:{project}"], "page": [str(page)], "size": [str(size)], "sort-by": ["created_date:DESC"]}
    if lang:
        query["lang"] = [lang]
    query.update({k.replace("_", "-") if k == "sort_by" else k: [v] for k, v in extra.items()})
    status, hdrs, body = govkz.handle_news("GET", "/api/v1/public/content-manager/news", query,
                                           headers if headers is not None else ticket_headers(),
                                           b"", SNAPSHOT / "www.gov.kz")
    return status, hdrs, json.loads(body)


def ticket_headers() -> dict[str, str]:
    status, headers, _ = govkz.handle_ticket("POST", "/api/v1/public/_/c/k6", {},
                                             {"Content-Type": "application/json", "Origin": "https://www.gov.kz"},
                                             b"{}", SNAPSHOT / "www.gov.kz")
    assert status == 200
    return {"Cookie": headers["Set-Cookie"].split(";")[0]}


# ------------------------------------------------------------------ every host

@pytest.mark.parametrize("host", HOSTS)
def test_routes_name_existing_files_or_known_handlers(host: str) -> None:
    site = load_site(host)
    assert site["routes"] and site["articles"]
    for route in site["routes"]:
        assert ("path" in route) != ("path_prefix" in route)
        if "file" in route:
            assert (SNAPSHOT / host / route["file"]).is_file(), route
        elif "handler" in route:
            assert route["handler"] in {"govkz_news", "govkz_ticket"}
            assert callable(getattr(govkz, "handle_" + route["handler"].removeprefix("govkz_")))
        else:
            assert route["status"] in (301, 302) and route["location"].startswith("https://")


@pytest.mark.parametrize("host", HOSTS)
def test_robots_allows_article_paths(host: str) -> None:
    robots = (SNAPSHOT / host / "robots.txt").read_text(encoding="utf-8")
    disallowed = [line.split(":", 1)[1].strip() for line in robots.splitlines() if line.startswith("Disallow:")]
    for article in load_site(host)["articles"]:
        path = urlsplit(article["url"]).path
        assert not any(path.startswith(d) for d in disallowed if "*" not in d), (path, disallowed)


@pytest.mark.parametrize("host", HOSTS)
def test_dates_fall_in_the_window_unless_archive(host: str) -> None:
    for article in load_site(host)["articles"]:
        published = article["published"]
        assert isinstance(published, date)
        if article["archive"]:
            assert date(2026, 9, 1) <= published < WINDOW[0], article["url"]
        else:
            assert WINDOW[0] <= published <= WINDOW[1], article["url"]


@pytest.mark.parametrize("host", HOSTS)
def test_each_source_has_eight_current_articles_three_industrial_and_a_shared_story(host: str) -> None:
    site = load_site(host)
    sources = load_sources(host)
    for source in sources:
        mine = [a for a in site["articles"] if a.get("source", source.id) == source.id and not a["archive"]]
        assert len(mine) >= 8, source.id
        assert sum(a["industrial"] for a in mine) >= 3, source.id
        for lang in {a["language"] for a in mine}:
            editions = [a for a in mine if a["language"] == lang]
            if len(sources) == 1 and len(editions) >= 3:  # a multilingual site: each edition carries industry news
                assert sum(a["industrial"] for a in editions) >= 3, (source.id, lang)
        texts = [article_text(host, a) for a in mine]
        assert any(rx.search(t) for t in texts for rx in SHARED_STORY_MARKERS.values()), source.id


def article_text(host: str, article: dict) -> str:
    if host == "www.gov.kz":
        return text_of_body(api_item(article)["body"])
    return trafilatura.extract(page_of(host, article["url"]), include_comments=False) or ""


@pytest.mark.parametrize("host", HOSTS)
def test_article_pattern_takes_articles_and_nothing_else(host: str) -> None:
    site = load_site(host)
    for source in load_sources(host):
        if not source.article_pattern:
            assert source.api is not None
            continue
        pattern = re.compile(source.article_pattern)
        articles = {a["url"] for a in site["articles"]}
        for url in articles:
            assert pattern.match(url), url
        others = [f"https://{host}{r['path']}" for r in site["routes"] if "path" in r]
        others += sitemap_locs(host) if host == "kazpravda.kz" else []
        for url in set(others) - articles:
            assert not pattern.match(url), url


# ------------------------------------------------------------------ HTML article pages

def html_articles() -> list[tuple[str, dict]]:
    return [(host, a) for host in HTML_HOSTS for a in load_site(host)["articles"]]


@pytest.mark.parametrize("host,article", html_articles(), ids=lambda v: v if isinstance(v, str) else v["url"][-40:])
def test_text_layer_keeps_body_and_drops_boilerplate(host: str, article: dict) -> None:
    html = page_of(host, article["url"])
    text = trafilatura.extract(html, include_comments=False) or ""
    assert article["body_contains"] in text
    assert article["boilerplate"]
    for string in article["boilerplate"]:
        assert string in html, string  # a real boilerplate string of the page ...
        assert string not in text, string  # ... that extraction strips


@pytest.mark.parametrize("host,article", html_articles(), ids=lambda v: v if isinstance(v, str) else v["url"][-40:])
def test_page_metadata_matches_ground_truth(host: str, article: dict) -> None:
    html = page_of(host, article["url"])
    links = parse_links(html)
    assert ("canonical", article["url"], None) in links.links
    published = re.search(r'property="article:published_time" content="([^"]+)"', html).group(1)
    assert published.startswith(article["published"].isoformat()) and published.endswith("+05:00")
    assert f'content="{article["title"]}"' in html.replace("&#34;", '"')
    for rel, href, lang in links.links:
        if rel == "alternate" and lang:  # hreflang editions point back to each other
            other = page_of(host, href)
            assert ("alternate", article["url"], article["language"]) in parse_links(other).links


def test_primeminister_listings_page_current_articles_then_archive() -> None:
    site = load_site("primeminister.kz")
    for lang in ("ru", "kk", "en"):
        ours = [a for a in site["articles"] if a["language"] == lang]
        first = (SNAPSHOT / "primeminister.kz" / file_routes(site)[f"/{lang}/news"]).read_text(encoding="utf-8")
        second = (SNAPSHOT / "primeminister.kz" / file_routes(site)[f"/{lang}/news?page=2"]).read_text(encoding="utf-8")
        on_first = {"https://primeminister.kz" + h for h in parse_links(first).anchors if re.search(r"-\d{5}$", h)}
        on_second = {"https://primeminister.kz" + h for h in parse_links(second).anchors if re.search(r"-\d{5}$", h)}
        assert on_first == {a["url"] for a in ours if not a["archive"]}
        assert on_second == {a["url"] for a in ours if a["archive"]}
        assert f'href="/{lang}/news?page=2"' in first
        assert re.search(r'class="article__date">\d{1,2} \w{3} 2026<', first)


def test_invest_amp_twins_point_to_the_canonical_page() -> None:
    for article in load_site("invest.gov.kz")["articles"]:
        html = page_of("invest.gov.kz", article["url"])
        assert ("amphtml", article["amp_url"], None) in parse_links(html).links
        amp = page_of("invest.gov.kz", article["amp_url"])
        assert ("canonical", article["url"], None) in parse_links(amp).links
        assert "<html ⚡" in amp and article["body_contains"] in (trafilatura.extract(amp) or "")


def sitemap_locs(host: str, name: str | None = None) -> list[str]:
    names = [name] if name else [p.relative_to(SNAPSHOT / host).as_posix() for p in (SNAPSHOT / host / "sitemap").glob("*.xml")]
    locs = []
    for n in names:
        root = ET.parse(SNAPSHOT / host / n).getroot()
        locs += [loc.text for loc in root.iterfind("sm:url/sm:loc", SITEMAP_NS)]
    return locs


def test_kazpravda_sitemap_index_splits_recent_and_archive() -> None:
    site = load_site("kazpravda.kz")
    routes = file_routes(site)
    index = ET.parse(SNAPSHOT / "kazpravda.kz" / routes["/sitemap.xml"]).getroot()
    children = {c.findtext("sm:loc", namespaces=SITEMAP_NS): c.findtext("sm:lastmod", namespaces=SITEMAP_NS)
                for c in index.iterfind("sm:sitemap", SITEMAP_NS)}
    assert len(children) >= 2 and all(children.values())
    by_url = {}
    for url in children:
        path = urlsplit(url).path
        root = ET.parse(SNAPSHOT / "kazpravda.kz" / routes[path]).getroot()
        assert all(u.findtext("sm:lastmod", namespaces=SITEMAP_NS) for u in root.iterfind("sm:url", SITEMAP_NS))
        by_url[url] = {u.text for u in root.iterfind("sm:url/sm:loc", SITEMAP_NS)}
    newest = max(children, key=children.get)
    current = {a["url"] for a in site["articles"] if not a["archive"]}
    archive = {a["url"] for a in site["articles"] if a["archive"]}
    assert by_url[newest] == current
    assert any(locs == archive for locs in by_url.values())
    for article in site["articles"]:
        html = page_of("kazpravda.kz", article["url"])
        shown = re.search(r'<time class="article__date">([^<]+)</time>', html).group(1)
        assert re.fullmatch(rf"{article['published'].day} [а-я]+ {article['published'].year}", shown)
        assert 'class="article__title"' in html and 'class="article__body"' in html and 'class="article__tags"' in html


# ------------------------------------------------------------------ gov.kz API

def api_item(article: dict) -> dict:
    parts = urlsplit(article["url"])
    project = parts.path.split("/")[3]
    lang = parse_qs(parts.query)["lang"][0]
    item_id = int(parts.path.rsplit("/", 1)[1])
    status, _, items = api_get(project, lang, size=100)
    assert status == 200
    return next(it for it in items if it["id"] == item_id)


def test_govkz_news_refuses_without_ticket() -> None:
    status, _, body = api_get("mps", "ru", headers={})
    assert (status, body) == (400, {"message": "notAllowed"})
    status, _, body = api_get("mps", "ru", headers={"Cookie": "ticket=forged"})
    assert status == 400


def test_govkz_ticket_is_a_post_that_sets_the_cookie() -> None:
    status, headers, _ = govkz.handle_ticket("GET", "/api/v1/public/_/c/k6", {}, {}, b"", SNAPSHOT / "www.gov.kz")
    assert status == 405
    assert ticket_headers()["Cookie"].startswith("ticket=")


def test_govkz_pages_newest_first_until_an_empty_array() -> None:
    seen = []
    for page in range(1, 10):
        status, headers, items = api_get("mps", "ru", page=page, size=3)
        assert status == 200 and headers["Content-Type"].startswith("application/json")
        if not items:
            break
        assert len(items) <= 3
        seen += items
    dates = [it["created_date"] for it in seen]
    assert dates == sorted(dates, reverse=True) and len(seen) > 3
    assert len({it["id"] for it in seen}) == len(seen)
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", d) for d in dates)


def test_govkz_language_comes_from_lang_then_accept_language() -> None:
    _, _, kk = api_get("mps", "kk")
    assert kk and all(re.search(r"[әіңғүұқөһ]", it["title"] + it["body"]) for it in kk)
    _, _, by_header = api_get("mps", None, headers={**ticket_headers(), "Accept-Language": "kk-KZ,kk;q=0.9"})
    assert by_header == kk
    _, _, default = api_get("mps", None)
    _, _, ru = api_get("mps", "ru")
    assert default == ru and ru != kk


def test_govkz_created_date_filter_and_unknown_project() -> None:
    _, _, recent = api_get("energo", "ru", created_date="gt:2026-11-17T00:00:00")
    _, _, everything = api_get("energo", "ru")
    assert recent and all(it["created_date"] > "2026-11-17" for it in recent) and len(recent) < len(everything)
    status, _, _ = api_get("energo", "ru", created_date="gte:2026-11-17T00:00:00")
    assert status == 500
    assert api_get("no-such-body", "ru")[2] == []


def test_govkz_every_article_is_served_with_its_body_and_has_an_spa_page() -> None:
    site = load_site("www.gov.kz")
    routes = file_routes(site)
    shell = (SNAPSHOT / "www.gov.kz" / "spa.html").read_text(encoding="utf-8")
    for article in site["articles"]:
        item = api_item(article)
        assert item["title"] == article["title"]
        assert item["created_date"].startswith(article["published"].isoformat())
        text = text_of_body(item["body"])
        assert article["body_contains"] in text
        assert all(b in shell and b not in text for b in article["boilerplate"])
        assert routes[route_path(article["url"])] == "spa.html"


def test_govkz_sources_cover_every_project_served() -> None:
    projects = {p for s in load_sources("www.gov.kz") for p in s.api.projects}
    assert projects == {p.stem for p in (SNAPSHOT / "www.gov.kz" / "news").glob("*.json")}
