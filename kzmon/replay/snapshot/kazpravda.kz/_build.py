"""Build the kazpravda.kz replica from articles.yaml (run once; output is committed).

Known of the real site: a sitemap index at /sitemap.xml pointing to child maps with <lastmod>;
article URLs /n/<translit-slug>/; title h1.article__title, date time.article__date as
"12 марта 2024", body div.article__body ending at div.article__tags, a rubric and a photo
credit on the page. The newest child map lists the recent articles, an older child the
archive (for backfill only); a rubric map lists category URLs that are not articles.
"""
from __future__ import annotations

import json
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path
from xml.sax.saxutils import escape

import yaml
from jinja2 import Environment

HERE = Path(__file__).resolve().parent
ALMATY = timezone(timedelta(hours=5))
BASE = "https://kazpravda.kz"
TRANSLIT = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s",
     "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"]))
MONTHS = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
          "октября", "ноября", "декабря"]
RUBRIC_SLUGS = {"Экономика": "ekonomika", "Регионы": "regiony", "Индустрия": "industriya",
                "Общество": "obshchestvo", "Спорт": "sport", "Культура": "kultura"}
PHOTO_CREDIT = "Фото: пресс-служба правительства"
BOILERPLATE = ["Подписывайтесь на наш Telegram-канал", "Читайте также",
               "Сетевое издание «Казахстанская правда»", "Свидетельство о постановке на учет",
               "Самое читаемое"]

ARTICLE = """<!DOCTYPE html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ a.title }} - Казахстанская правда</title>
<meta name="description" content="{{ a.lead }}">
<meta property="og:site_name" content="Казахстанская правда">
<meta property="og:type" content="article">
<meta property="og:title" content="{{ a.title }}">
<meta property="og:description" content="{{ a.lead }}">
<meta property="og:url" content="{{ a.url }}">
<meta property="og:image" content="{{ base }}/media/{{ a.slug }}.jpg">
<meta property="article:published_time" content="{{ a.iso }}">
<meta property="article:section" content="{{ a.rubric }}">
<link rel="canonical" href="{{ a.url }}">
<link rel="stylesheet" href="/static/css/main.css">
<script type="application/ld+json">{{ a.jsonld }}</script>
</head>
<body>
<div class="currency-bar"><span>USD 493.12</span> <span>EUR 571.40</span> <span>RUB 6.18</span> <span>Астана −18°</span></div>
<header class="header">
  <a class="header__logo" href="/"><img src="/static/img/logo.svg" alt="Казахстанская правда"></a>
  <nav class="header__nav"><ul>{% for r, s in rubrics %}<li><a href="/c/{{ s }}/">{{ r }}</a></li>{% endfor %}<li><a href="/archive/">Архив</a></li><li><a href="/subscription/">Подписка на газету</a></li></ul></nav>
  <form class="header__search" action="/search"><input name="q" placeholder="Поиск"></form>
</header>
<main class="main">
  <article class="article">
    <a class="article__rubric" href="/c/{{ a.rubric_slug }}/">{{ a.rubric }}</a>
    <h1 class="article__title">{{ a.title }}</h1>
    <div class="article__meta"><time class="article__date">{{ a.shown_date }}</time> <span class="article__time">{{ a.time }}</span> <a class="article__author" href="/authors/{{ a.author_slug }}/">{{ a.author }}</a></div>
    <figure class="article__photo"><img src="/media/{{ a.slug }}.jpg" alt=""><figcaption class="article__photo-credit">{{ credit }}</figcaption></figure>
    <div class="article__body">
{% for p in a.paragraphs %}      <p>{{ p }}</p>
{% endfor %}    </div>
    <div class="article__tags">{% for t in a.tags %}<a href="/tags/{{ t }}/">#{{ t }}</a> {% endfor %}</div>
    <div class="article__share">Поделиться: <a href="https://t.me/share/url?url={{ a.url }}">Telegram</a> <a href="https://wa.me/?text={{ a.url }}">WhatsApp</a> <a href="https://vk.com/share.php?url={{ a.url }}">ВКонтакте</a></div>
    <div class="article__subscribe"><a href="https://t.me/kazpravdakz">{{ boiler[0] }}</a></div>
  </article>
  <section class="read-also">
    <div class="read-also__title">{{ boiler[1] }}</div>
{% for r in a.related %}    <a class="read-also__item" href="{{ r.path }}"><span class="read-also__date">{{ r.shown_date }}</span> {{ r.title }}</a>
{% endfor %}  </section>
  <aside class="news-feed">
    <div class="news-feed__head">{{ boiler[4] }}</div>
{% for r in a.popular %}    <div class="news-feed__item"><time>{{ r.time }}</time> <a class="news-feed__title" href="{{ r.path }}">{{ r.title }}</a></div>
{% endfor %}  </aside>
</main>
<footer class="footer">
  <p>{{ boiler[2] }}. {{ boiler[3] }} в Министерстве культуры и информации Республики Казахстан № KZ12VPY00012345.</p>
  <p>Главный редактор – Д. Рамазанов. Адрес редакции: 010000, г. Астана, ул. Бейбитшилик, 4.</p>
  <p>© 1920–2026 Kazpravda.kz. Перепечатка материалов допускается только с письменного разрешения редакции.</p>
</footer>
</body>
</html>
"""


def slugify(title: str) -> str:
    out = "".join(TRANSLIT.get(ch, ch) for ch in title.lower())
    return re.sub(r"[^a-z0-9]+", "-", out).strip("-")


def load_articles() -> list[dict]:
    items = yaml.safe_load((HERE / "articles.yaml").read_text(encoding="utf-8"))
    for a in items:
        when = datetime.fromisoformat(str(a["published"]))
        a["when"] = when
        a["aware"] = when.replace(tzinfo=ALMATY)
        a["iso"] = when.strftime("%Y-%m-%dT%H:%M:%S+05:00")
        a["slug"] = slugify(a["title"])
        a["path"] = f"/n/{a['slug']}/"
        a["url"] = BASE + a["path"]
        a["shown_date"] = f"{when.day} {MONTHS[when.month - 1]} {when.year}"
        a["time"] = when.strftime("%H:%M")
        a["rubric_slug"] = RUBRIC_SLUGS[a["rubric"]]
        a["author_slug"] = slugify(a["author"])
        a["paragraphs"] = [p.strip() for p in a["body"].strip().split("\n") if p.strip()]
        a["lead"] = a["paragraphs"][0]
        a["tags"] = [a["rubric_slug"], "kazakhstan"] + (["industrializatsiya"] if a["industrial"] else [])
        a.setdefault("archive", False)
        a["jsonld"] = json.dumps({
            "@context": "https://schema.org", "@type": "NewsArticle", "headline": a["title"],
            "datePublished": a["iso"], "articleSection": a["rubric"], "inLanguage": "ru",
            "author": {"@type": "Person", "name": a["author"]}, "mainEntityOfPage": a["url"],
            "publisher": {"@type": "Organization", "name": "Казахстанская правда"}}, ensure_ascii=False)
    return sorted(items, key=lambda a: a["when"], reverse=True)


def urlset(entries: list[tuple[str, str]]) -> str:
    rows = "".join(f"  <url>\n    <loc>{escape(loc)}</loc>\n    <lastmod>{lastmod}</lastmod>\n  </url>\n"
                   for loc, lastmod in entries)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + rows + "</urlset>\n")


class _Dumper(yaml.SafeDumper):
    """No &anchors: site.yaml stays readable when two routes share a timestamp."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def build() -> None:
    env = Environment(autoescape=True, keep_trailing_newline=True)
    article_t = env.from_string(ARTICLE)
    articles = load_articles()
    current = [a for a in articles if not a["archive"]]
    archive = [a for a in articles if a["archive"]]
    xml = "application/xml; charset=UTF-8"
    routes: list[dict] = [
        {"path": "/robots.txt", "file": "robots.txt", "type": "text/plain; charset=UTF-8"},
        {"path": "/sitemap.xml", "file": "sitemap.xml", "type": xml, "last_modified": current[0]["aware"]},
        {"path": "/sitemap/news-1.xml", "file": "sitemap/news-1.xml", "type": xml, "last_modified": current[0]["aware"]},
        {"path": "/sitemap/news-2.xml", "file": "sitemap/news-2.xml", "type": xml, "last_modified": archive[0]["aware"]},
        {"path": "/sitemap/rubrics.xml", "file": "sitemap/rubrics.xml", "type": xml,
         "last_modified": datetime(2026, 6, 1, tzinfo=ALMATY)},
    ]
    (HERE / "pages").mkdir(exist_ok=True)
    (HERE / "sitemap").mkdir(exist_ok=True)
    truth = []
    for a in articles:
        a["related"] = [r for r in current if r is not a and r["rubric"] == a["rubric"]][:2] \
            or [r for r in current if r is not a][:2]
        a["popular"] = [r for r in current if r is not a and r not in a["related"]][:3]
        name = f"pages/{a['slug']}.html"
        (HERE / name).write_text(article_t.render(a=a, base=BASE, credit=PHOTO_CREDIT, boiler=BOILERPLATE,
                                                  rubrics=list(RUBRIC_SLUGS.items())), encoding="utf-8")
        routes.append({"path": a["path"], "file": name})
        truth.append({"url": a["url"], "title": a["title"], "published": a["when"].date(), "language": "ru",
                      "industrial": a["industrial"], "archive": a["archive"],
                      "body_contains": " ".join(a["paragraphs"][1].split()[1:8]),
                      "boilerplate": BOILERPLATE + [PHOTO_CREDIT, a["related"][0]["title"]]})
    (HERE / "sitemap" / "news-1.xml").write_text(urlset([(a["url"], a["iso"]) for a in current]), encoding="utf-8")
    (HERE / "sitemap" / "news-2.xml").write_text(urlset([(a["url"], a["iso"]) for a in archive]), encoding="utf-8")
    (HERE / "sitemap" / "rubrics.xml").write_text(
        urlset([(f"{BASE}/c/{s}/", "2026-06-01T00:00:00+05:00") for s in RUBRIC_SLUGS.values()]), encoding="utf-8")
    children = [("sitemap/news-1.xml", current[0]["iso"]), ("sitemap/news-2.xml", archive[0]["iso"]),
                ("sitemap/rubrics.xml", "2026-06-01T00:00:00+05:00")]
    (HERE / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        + "".join(f"  <sitemap>\n    <loc>{BASE}/{c}</loc>\n    <lastmod>{m}</lastmod>\n  </sitemap>\n" for c, m in children)
        + "</sitemapindex>\n", encoding="utf-8")
    (HERE / "robots.txt").write_text(
        "User-agent: *\nDisallow: /admin/\nDisallow: /search\nAllow: /\n\nSitemap: https://kazpravda.kz/sitemap.xml\n",
        encoding="utf-8")
    site = {"routes": routes, "articles": truth}
    (HERE / "site.yaml").write_text(
        "# kazpravda.kz replica, generated by _build.py from articles.yaml: do not edit by hand.\n"
        + yaml.dump(site, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=200), encoding="utf-8")


if __name__ == "__main__":
    build()
