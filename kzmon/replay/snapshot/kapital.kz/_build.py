"""Render the kapital.kz replica from _articles.yaml and _templates/.

Run once after editing the texts (python _build.py); the output is committed. The page
carries the header FX ticker and the "Читайте также" / "Популярные материалы" blocks of the
real site, because those are what pollute naive `article p` extraction there.
"""
from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from jinja2 import Environment, FileSystemLoader

HERE = Path(__file__).resolve().parent
HOST = "https://kapital.kz"
ALMATY = timezone(timedelta(hours=5))
SECTIONS = {"economic": "Экономика", "business": "Бизнес", "finance": "Финансы", "gosudarstvo": "Государство"}
PHOTOS = ["пресс-служба акимата", "Shutterstock", "Kapital.kz", "пресс-служба министерства"]
LISTING_FIRST = f"{HOST}/economic/"
LISTING_NTH = f"{HOST}/economic/?page={{n}}"
PAGE_SIZE = 20
BOILERPLATE = ["USD 470,5₸", "Читайте также", "Популярные материалы", "Подписывайтесь на Telegram-канал Kapital.kz",
               "Поделиться:", "Деловой портал Казахстана"]


def _enrich(raw: dict, n: int) -> dict:
    a = dict(raw)
    local = datetime.strptime(a["published"], "%Y-%m-%d %H:%M").replace(tzinfo=ALMATY)
    a["local"] = local
    a["url"] = f"{HOST}/{a['section']}/{a['id']}/{a['slug']}.html"
    a["amp_url"] = f"{HOST}/amp/{a['section']}/{a['id']}/{a['slug']}.html"
    a["section_name"] = SECTIONS[a["section"]]
    a["date_label"] = f"{local:%d.%m.%Y · %H:%M}"
    a["rfc822"] = format_datetime(local)
    a["views"] = 400 + a["id"] % 3000
    a["photo"] = PHOTOS[n % len(PHOTOS)]
    a["tags"] = a.get("tags") or [a["section_name"], "Казахстан"]
    a.setdefault("archive", False)
    a["jsonld"] = json.dumps({
        "@context": "https://schema.org", "@type": "NewsArticle", "headline": a["title"],
        "description": a["subtitle"], "datePublished": local.isoformat(),
        "dateModified": (local + timedelta(minutes=20)).isoformat(),
        "author": {"@type": "Person", "name": a["author"]},
        "publisher": {"@type": "Organization", "name": "Kapital.kz"},
        "mainEntityOfPage": a["url"], "inLanguage": "ru",
    }, ensure_ascii=False).replace("</", "<\\/")
    return a


def _body_phrase(a: dict) -> str:
    """Words from the LAST paragraph, so the check proves the whole body survived extraction."""
    words = a["body"][-1].split()
    return " ".join(words[1:7]) if len(words) > 8 else " ".join(words)


def build() -> None:
    raw = yaml.safe_load((HERE / "_articles.yaml").read_text(encoding="utf-8"))
    articles = [_enrich(r, n) for n, r in enumerate(raw)]
    current = sorted((a for a in articles if not a["archive"]), key=lambda a: a["local"], reverse=True)
    archive = sorted((a for a in articles if a["archive"]), key=lambda a: a["local"], reverse=True)
    env = Environment(loader=FileSystemLoader(HERE / "_templates"), autoescape=True, keep_trailing_newline=True)
    (HERE / "pages").mkdir(exist_ok=True)
    routes: list[dict] = [
        {"path": "/robots.txt", "file": "robots.txt", "type": "text/plain; charset=UTF-8"},
        {"path": "/rss", "file": "rss.xml", "type": "application/rss+xml; charset=UTF-8",
         "last_modified": current[0]["local"].isoformat()},
    ]
    truth = []
    for a in articles:
        others = [o for o in current if o is not a]
        a["related"] = [o for o in others if o["section"] == a["section"]][:2] or others[:2]
        popular = [o for o in others if o not in a["related"]][:4]
        base = f"pages/{a['id']}-{a['slug']}"
        (HERE / f"{base}.html").write_text(
            env.get_template("article.html.j2").render(a=a, popular=popular), encoding="utf-8")
        (HERE / f"{base}.amp.html").write_text(env.get_template("amp.html.j2").render(a=a), encoding="utf-8")
        routes.append({"path": urlsplit(a["url"]).path, "file": f"{base}.html"})
        routes.append({"path": urlsplit(a["amp_url"]).path, "file": f"{base}.amp.html"})
        truth.append({
            "url": a["url"], "title": a["title"], "published": a["local"].date(), "language": "ru",
            "industrial": a["industrial"], "archive": a["archive"], "body_contains": _body_phrase(a),
            "boilerplate": BOILERPLATE + [r["title"] for r in a["related"]] + [popular[0]["title"]],
        })

    (HERE / "rss.xml").write_text(env.get_template("feed.xml.j2").render(
        items=current, last_build=format_datetime(current[0]["local"])), encoding="utf-8")

    pages = [[a for a in current if a["section"] == "economic"][:PAGE_SIZE],
             [a for a in archive if a["section"] == "economic"]]

    def page_href(n: int) -> str:
        return LISTING_FIRST if n == 1 else LISTING_NTH.format(n=n)

    for n, items in enumerate(pages, start=1):
        rel = f"economic-{n}.html"
        (HERE / rel).write_text(env.get_template("listing.html.j2").render(
            items=items, page=n, pages=len(pages), url=page_href(n), page_href=page_href), encoding="utf-8")
        parts = urlsplit(page_href(n))
        routes.append({"path": parts.path + (f"?{parts.query}" if parts.query else ""), "file": rel})

    (HERE / "robots.txt").write_text(
        "User-agent: *\nDisallow: /admin/\nDisallow: /search\nAllow: /\n", encoding="utf-8")
    (HERE / "site.yaml").write_text(
        "# Generated by _build.py from _articles.yaml; edit those, then re-run.\n"
        + yaml.safe_dump({"routes": routes, "articles": truth}, allow_unicode=True, sort_keys=False, width=1000),
        encoding="utf-8")
    source = [{
        "id": "kapital", "name": "Kapital.kz", "languages": ["ru"],
        "feeds": [f"{HOST}/rss"], "sitemaps": [],
        "listings": [{"url": LISTING_FIRST, "next_page": LISTING_NTH, "max_pages": 5}],
        # /amp/... copies are left out: the canonical page is the article
        "article_pattern": r"^https://kapital\.kz/[a-z]+/\d+/[a-z0-9-]+\.html$",
        "api": None, "enabled": True,
    }]
    (HERE / "source.yaml").write_text(
        "# RSS at /rss is unverified on the real site, so the /economic/ listing is configured too.\n"
        + yaml.safe_dump(source, allow_unicode=True, sort_keys=False), encoding="utf-8")


if __name__ == "__main__":
    build()
