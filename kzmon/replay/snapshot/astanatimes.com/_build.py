"""Render the astanatimes.com replica from _articles.yaml and _templates/.

Run once after editing the texts (python _build.py); the output is committed, so the replay
server and the tests never run this. One script keeps the WordPress boilerplate identical on
every page, the way the real theme does.
"""
from __future__ import annotations

import json
import re
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path

import yaml
from jinja2 import Environment, FileSystemLoader

HERE = Path(__file__).resolve().parent
HOST = "https://astanatimes.com"
ALMATY = timezone(timedelta(hours=5))
CAPTURED = datetime(2026, 11, 20, 12, 0, tzinfo=ALMATY)
PAGE_SIZE = 10  # business listing page 1 holds every current business story; archive goes to page 2


def _slugify(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def _enrich(raw: dict) -> dict:
    a = dict(raw)
    local = datetime.strptime(a["published"], "%Y-%m-%d %H:%M").replace(tzinfo=ALMATY)
    a["local"] = local
    a["url"] = f"{HOST}/{local:%Y/%m}/{a['slug']}/"
    a["upload_dir"] = f"{local:%Y/%m}"
    # WordPress with Yoast writes UTC offsets in the meta tags; the page itself shows the local day.
    a["published_utc"] = local.astimezone(timezone.utc).isoformat()
    a["modified_utc"] = (local + timedelta(minutes=37)).astimezone(timezone.utc).isoformat()
    a["date_label"] = f"{local.day} {local:%B %Y}"
    a["rfc822"] = format_datetime(local)
    a["author_slug"] = _slugify(a["author"])
    a["description"] = a["body"][0].split(" – ", 1)[-1][:220].rsplit(" ", 1)[0] + " ..."
    a.setdefault("tags", ["Kazakhstan"])
    a.setdefault("archive", False)
    a["jsonld"] = json.dumps({
        "@context": "https://schema.org",
        "@graph": [{
            "@type": "NewsArticle",
            "@id": a["url"] + "#article",
            "headline": a["title"],
            "datePublished": local.isoformat(),
            "dateModified": (local + timedelta(minutes=37)).isoformat(),
            "author": {"@type": "Person", "name": a["author"]},
            "publisher": {"@type": "Organization", "name": "The Astana Times",
                          "logo": {"@type": "ImageObject", "url": f"{HOST}/wp-content/themes/astanatimes/images/logo.png"}},
            "mainEntityOfPage": a["url"],
            "articleSection": a["category"],
            "inLanguage": "en-US",
        }],
    }, ensure_ascii=False).replace("</", "<\\/")
    return a


def _body_phrase(a: dict) -> str:
    """A phrase from the LAST paragraph, so the check proves the whole body survived extraction."""
    words = a["body"][-1].split()
    return " ".join(words[1:8]) if len(words) > 9 else " ".join(words)


def build() -> None:
    articles = [_enrich(r) for r in yaml.safe_load((HERE / "_articles.yaml").read_text(encoding="utf-8"))]
    current = sorted((a for a in articles if not a["archive"]), key=lambda a: a["local"], reverse=True)
    archive = sorted((a for a in articles if a["archive"]), key=lambda a: a["local"], reverse=True)
    env = Environment(loader=FileSystemLoader(HERE / "_templates"), autoescape=True,
                      keep_trailing_newline=True)
    common = {"today_label": f"{CAPTURED:%A, %d %B %Y}"}
    popular = current[:5]

    (HERE / "pages").mkdir(exist_ok=True)
    routes: list[dict] = [
        {"path": "/robots.txt", "file": "robots.txt", "type": "text/plain; charset=UTF-8"},
        {"path": "/feed/", "file": "feed.xml", "type": "application/rss+xml; charset=UTF-8",
         "last_modified": current[0]["local"].isoformat()},
    ]
    truth: list[dict] = []
    for a in articles:
        others = [o for o in current if o is not a]
        a["related"] = [o for o in others if o["category"] == a["category"]][:3] or others[:3]
        html = env.get_template("article.html.j2").render(a=a, popular=[p for p in popular if p is not a][:4], **common)
        rel = f"pages/{a['slug']}.html"
        (HERE / rel).write_text(html, encoding="utf-8")
        routes.append({"path": a["url"][len(HOST):], "file": rel})
        truth.append({
            "url": a["url"], "title": a["title"], "published": a["local"].date(), "language": "en",
            "industrial": a["industrial"], "archive": a["archive"],
            "body_contains": _body_phrase(a),
            "boilerplate": ["Leave a Reply", "Related posts", "Your email address will not be published",
                            "Subscribe to our newsletter", "Share on Telegram", "All rights reserved",
                            "Most Popular", "Follow The Astana Times on Telegram",
                            *(r["title"] for r in a["related"][:2])],
        })

    feed = env.get_template("feed.xml.j2").render(items=current, last_build=format_datetime(current[0]["local"]))
    (HERE / "feed.xml").write_text(feed, encoding="utf-8")

    pages = [[a for a in current if a["category"] == "Business"][:PAGE_SIZE],
             [a for a in archive if a["category"] == "Business"]]
    base = f"{HOST}/category/business/"
    for n, items in enumerate(pages, start=1):
        url = base if n == 1 else f"{base}page/{n}/"
        html = env.get_template("listing.html.j2").render(
            items=items, page=n, pages=len(pages), url=url,
            prev_url=base if n == 2 else f"{base}page/{n - 1}/",
            next_url=f"{base}page/{n + 1}/" if n < len(pages) else None, **common)
        rel = f"category-business-{n}.html"
        (HERE / rel).write_text(html, encoding="utf-8")
        routes.append({"path": url[len(HOST):], "file": rel})

    (HERE / "robots.txt").write_text(
        "User-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\n", encoding="utf-8")

    site = {"routes": routes, "articles": truth}
    (HERE / "site.yaml").write_text(
        "# Generated by _build.py from _articles.yaml; edit those, then re-run.\n"
        + yaml.safe_dump(site, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
    source = [{
        "id": "astanatimes", "name": "The Astana Times", "languages": ["en"],
        "feeds": [f"{HOST}/feed/"], "sitemaps": [],
        "listings": [{"url": base, "next_page": base + "page/{n}/", "max_pages": 5}],
        # a letter in the slug keeps out day archives such as /2026/11/20/
        "article_pattern": r"^https://astanatimes\.com/\d{4}/\d{2}/[a-z0-9-]*[a-z][a-z0-9-]*/$",
        "api": None, "enabled": True,
    }]
    (HERE / "source.yaml").write_text(yaml.safe_dump(source, allow_unicode=True, sort_keys=False), encoding="utf-8")


if __name__ == "__main__":
    build()
