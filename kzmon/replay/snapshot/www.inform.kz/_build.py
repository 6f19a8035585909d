"""Render the Kazinform replica (www.inform.kz ru + kk, en.inform.kz en) from _articles.yaml.

Run once after editing the texts (python _build.py); the output is committed. Both hosts are
built here because the language editions of one story must link each other with hreflang,
and that is easiest to keep right when one script sees all editions.
Output: www.inform.kz/{site,source}.yaml + pages, en.inform.kz/{site,source}.yaml + pages.
"""
from __future__ import annotations

import hashlib
import json
import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from jinja2 import Environment, FileSystemLoader

HERE = Path(__file__).resolve().parent
EN_DIR = HERE.parent / "en.inform.kz"
ALMATY = timezone(timedelta(hours=5))
PAGE_SIZE = 10  # page 1 holds every current story of an edition; archive lands on page 2

# Interface strings of each edition. Month names are NOMINATIVE on the real site ("18 Ноябрь 2026").
UI = {
    "ru": {
        "code": "ru", "html_lang": "ru", "host": "www.inform.kz", "home": "https://www.inform.kz/ru/",
        "months": "Январь Февраль Март Апрель Май Июнь Июль Август Сентябрь Октябрь Ноябрь Декабрь".split(),
        "menu": [("Главное", "/ru/glavnoe"), ("Политика", "/ru/politika"), ("Экономика", "/ru/ekonomika"),
                 ("Общество", "/ru/obshchestvo"), ("Регионы", "/ru/regiony"), ("Спорт", "/ru/sport"), ("Мир", "/ru/mir")],
        "rubrics": {"Экономика": "ekonomika", "Регионы": "regiony", "Общество": "obshchestvo",
                    "Спорт": "sport", "Политика": "politika"},
        "main": "Главная", "search": "Поиск", "share": "Поделиться", "related": "Читайте также",
        "subscribe": "Подписывайтесь на Telegram-канал Kazinform и будьте в курсе главных новостей",
        "photo": "Фото: Kazinform", "lenta": "Лента новостей", "next": "Следующая страница",
        "weather": "Астана −9°",
        "about": "Международное информационное агентство «Казинформ» – национальное агентство Республики Казахстан.",
        "copyright": "© 1997-2026 МИА «Казинформ». Все права защищены. При использовании материалов гиперссылка обязательна.",
    },
    "kk": {
        "code": "kk", "html_lang": "kk", "host": "www.inform.kz", "home": "https://www.inform.kz/kz/",
        "months": "Қаңтар Ақпан Наурыз Сәуір Мамыр Маусым Шілде Тамыз Қыркүйек Қазан Қараша Желтоқсан".split(),
        "menu": [("Басты", "/kz/basty"), ("Саясат", "/kz/sayasat"), ("Экономика", "/kz/ekonomika"),
                 ("Қоғам", "/kz/kogam"), ("Аймақтар", "/kz/aymaktar"), ("Спорт", "/kz/sport"), ("Әлем", "/kz/alem")],
        "rubrics": {"Экономика": "ekonomika", "Аймақтар": "aymaktar", "Қоғам": "kogam", "Мәдениет": "madeniet"},
        "main": "Басты бет", "search": "Іздеу", "share": "Бөлісу", "related": "Тағы оқыңыз",
        "subscribe": "Kazinform Telegram-арнасына жазылыңыз, басты жаңалықтардан хабардар болыңыз",
        "photo": "Сурет: Kazinform", "lenta": "Жаңалықтар лентасы", "next": "Келесі бет",
        "weather": "Астана −9°",
        "about": "«Қазақпарат» халықаралық ақпарат агенттігі – Қазақстан Республикасының ұлттық агенттігі.",
        "copyright": "© 1997-2026 «Қазақпарат» ХАА. Барлық құқықтар қорғалған. Материалдарды пайдаланғанда гиперсілтеме міндетті.",
    },
    "en": {
        "code": "en", "html_lang": "en", "host": "en.inform.kz", "home": "https://en.inform.kz/",
        "months": "January February March April May June July August September October November December".split(),
        "menu": [("Top stories", "/top/"), ("Politics", "/politics/"), ("Economy", "/economy/"),
                 ("Society", "/society/"), ("Regions", "/regions/"), ("Sport", "/sport/"), ("World", "/world/")],
        "rubrics": {"Economy": "economy/", "Regions": "regions/", "Society": "society/", "Sport": "sport/"},
        "main": "Home", "search": "Search", "share": "Share", "related": "Read also",
        "subscribe": "Follow Kazinform on Telegram to stay up to date with the main news of Kazakhstan",
        "photo": "Photo: Kazinform", "lenta": "Latest news", "next": "Next page",
        "weather": "Astana −9°",
        "about": "Kazinform International News Agency is the national news agency of the Republic of Kazakhstan.",
        "copyright": "© 1997-2026 Kazinform International News Agency. All rights reserved. A hyperlink is required when using materials.",
    },
}
LISTING = {
    "ru": ("https://www.inform.kz/ru/lenta", "https://www.inform.kz/ru/lenta/{n}"),
    "kk": ("https://www.inform.kz/kz/lenta", "https://www.inform.kz/kz/lenta/{n}"),
    "en": ("https://en.inform.kz/lenta/", "https://en.inform.kz/lenta/{n}/"),
}
SOURCES = {
    "ru": ("inform-ru", "Kazinform (ru)", r"^https://www\.inform\.kz/ru/[a-z0-9-]+-[0-9a-f]{6}$"),
    "kk": ("inform-kk", "Kazinform (kk)", r"^https://www\.inform\.kz/kz/[a-z0-9-]+-[0-9a-f]{6}$"),
    "en": ("inform-en", "Kazinform (en)", r"^https://en\.inform\.kz/news/[a-z0-9-]+-[0-9a-f]{6}/$"),
}
BOILERPLATE = {  # strings every page of an edition carries outside the story
    "ru": ["Подписывайтесь на Telegram-канал Kazinform", "Все права защищены", "Поделиться",
           "Читайте также", "USD 478.12", "Главное"],
    "kk": ["Kazinform Telegram-арнасына жазылыңыз", "Барлық құқықтар қорғалған", "Бөлісу", "Тағы оқыңыз", "USD 478.12"],
    "en": ["Follow Kazinform on Telegram", "All rights reserved", "Read also", "USD 478.12", "Top stories"],
}


def _enrich(raw: dict) -> dict:
    a = dict(raw)
    ui = UI[a["edition"]]
    local = datetime.strptime(a["published"], "%Y-%m-%d %H:%M").replace(tzinfo=ALMATY)
    a["local"] = local
    a["hex"] = hashlib.md5(a["slug"].encode()).hexdigest()[:6]
    if a["edition"] == "en":
        a["url"] = f"https://en.inform.kz/news/{a['slug']}-{a['hex']}/"
        a["amp_url"] = a["url"] + "amp/"
        a["href"] = a["url"]
    else:
        prefix = "ru" if a["edition"] == "ru" else "kz"
        a["url"] = f"https://www.inform.kz/{prefix}/{a['slug']}-{a['hex']}"
        a["amp_url"] = a["url"] + "/amp"
        a["href"] = f"/{prefix}/{a['slug']}-{a['hex']}"  # the new site links relatively
    a["date_label"] = f"{local:%H:%M}, {local.day} {ui['months'][local.month - 1]} {local.year}"
    a["rubric_slug"] = ui["rubrics"].get(a["rubric"], "")
    a["views"] = 300 + int(a["hex"], 16) % 4000
    a.setdefault("archive", False)
    a.setdefault("amp", False)
    a["tags"] = a.get("tags") or [a["rubric"], "Kazakhstan" if a["edition"] == "en" else "Казахстан"]
    return a


def _jsonld(a: dict) -> str:
    return json.dumps({
        "@context": "https://schema.org", "@type": "NewsArticle", "headline": a["title"],
        "description": a["lead"], "datePublished": a["local"].isoformat(),
        "dateModified": (a["local"] + timedelta(minutes=12)).isoformat(),
        "inLanguage": a["edition"], "mainEntityOfPage": {"@type": "WebPage", "@id": a["url"]},
        "author": {"@type": "Organization", "name": "Kazinform"},
        "publisher": {"@type": "Organization", "name": "Kazinform",
                      "logo": {"@type": "ImageObject", "url": "https://www.inform.kz/img/logo.png"}},
    }, ensure_ascii=False).replace("</", "<\\/")


def _body_phrase(a: dict) -> str:
    """Words from the LAST paragraph, so the check proves the whole body survived extraction."""
    words = a["body"][-1].split()
    return " ".join(words[1:7]) if len(words) > 8 else " ".join(words)


def _path(url: str) -> str:
    return urlsplit(url).path


def build() -> None:
    articles = [_enrich(r) for r in yaml.safe_load((HERE / "_articles.yaml").read_text(encoding="utf-8"))]
    by_story: dict[str, list[dict]] = {}
    for a in articles:
        by_story.setdefault(a["story"], []).append(a)
    hreflang = {"ru": "ru", "kk": "kk", "en": "en"}
    for a in articles:
        editions = by_story[a["story"]]
        a["alternates"] = [{"hreflang": hreflang[e["edition"]], "url": e["url"]} for e in editions] \
            if len(editions) > 1 else []
        a["jsonld"] = _jsonld(a)

    env = Environment(loader=FileSystemLoader(HERE / "_templates"), autoescape=True, keep_trailing_newline=True)
    out = {"www.inform.kz": {"routes": [], "articles": []}, "en.inform.kz": {"routes": [], "articles": []}}
    for host_dir in (HERE, EN_DIR):
        shutil.rmtree(host_dir / "pages", ignore_errors=True)
        (host_dir / "pages").mkdir(parents=True)
        (host_dir / "robots.txt").write_text(
            "User-agent: *\nDisallow: /admin/\nDisallow: /search\nDisallow: /api/\n", encoding="utf-8")
        out[host_dir.name]["routes"].append({"path": "/robots.txt", "file": "robots.txt",
                                             "type": "text/plain; charset=UTF-8"})

    for edition, ui in UI.items():
        mine = [a for a in articles if a["edition"] == edition]
        current = sorted((a for a in mine if not a["archive"]), key=lambda a: a["local"], reverse=True)
        archive = sorted((a for a in mine if a["archive"]), key=lambda a: a["local"], reverse=True)
        site = out[ui["host"]]
        host_dir = HERE if ui["host"] == "www.inform.kz" else EN_DIR
        for a in mine:
            a["related"] = [o for o in current if o is not a][:3]
            name = a["url"].rstrip("/").rsplit("/", 1)[1]
            rel = f"pages/{edition}-{name}.html"
            (host_dir / rel).write_text(env.get_template("article.html.j2").render(a=a, ui=ui), encoding="utf-8")
            site["routes"].append({"path": _path(a["url"]), "file": rel})
            if a["amp"]:
                amp_rel = f"pages/{edition}-{name}.amp.html"
                (host_dir / amp_rel).write_text(env.get_template("amp.html.j2").render(a=a, ui=ui), encoding="utf-8")
                site["routes"].append({"path": _path(a["amp_url"]), "file": amp_rel})
            site["articles"].append({
                "url": a["url"], "title": a["title"], "published": a["local"].date(), "language": edition,
                "industrial": a["industrial"], "archive": a["archive"], "body_contains": _body_phrase(a),
                "boilerplate": BOILERPLATE[edition] + [r["title"] for r in a["related"][:2]],
            })
        first, nth = LISTING[edition]
        pages = [current[:PAGE_SIZE], archive]

        def page_href(n: int, first=first, nth=nth) -> str:
            return first if n == 1 else nth.format(n=n)

        for n, items in enumerate(pages, start=1):
            rel = f"lenta-{edition}-{n}.html"
            (host_dir / rel).write_text(env.get_template("listing.html.j2").render(
                items=items, page=n, pages=len(pages), url=page_href(n), page_href=page_href, ui=ui),
                encoding="utf-8")
            site["routes"].append({"path": _path(page_href(n)), "file": rel})

    for host_dir in (HERE, EN_DIR):
        site = out[host_dir.name]
        (host_dir / "site.yaml").write_text(
            "# Generated by www.inform.kz/_build.py from www.inform.kz/_articles.yaml; edit those, then re-run.\n"
            + yaml.safe_dump(site, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
        sources = []
        for edition, (sid, name, pattern) in SOURCES.items():
            if UI[edition]["host"] != host_dir.name:
                continue
            first, nth = LISTING[edition]
            sources.append({"id": sid, "name": name, "languages": [edition], "feeds": [], "sitemaps": [],
                            "listings": [{"url": first, "next_page": nth, "max_pages": 5}],
                            "article_pattern": pattern, "api": None, "enabled": True})
        (host_dir / "source.yaml").write_text(
            "# One source per edition: each has its own listing, URL shape and language, and per-source\n"
            "# run statistics then show which edition broke. Editions are tied together by hreflang.\n"
            + yaml.safe_dump(sources, allow_unicode=True, sort_keys=False), encoding="utf-8")


if __name__ == "__main__":
    build()
