"""Render the kz.kursiv.media replica from _articles.yaml.

Why a generator: the replica must carry the same WordPress chrome (currency ticker, menus,
share buttons, "Читайте также", footer) on every page, and the feeds, sitemaps and the
site.yaml ground truth must agree with the pages. Run once: `python _build.py`; commit the output.
"""
from __future__ import annotations

import json
import re
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

import yaml
from jinja2 import Environment

HERE = Path(__file__).resolve().parent
HOST = "kz.kursiv.media"
BASE = f"https://{HOST}"
ALMATY = timezone(timedelta(hours=5))

MONTHS = {
    "ru": ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
           "сентября", "октября", "ноября", "декабря"],
    "kk": ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз",
           "қыркүйек", "қазан", "қараша", "желтоқсан"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
}

# Page chrome per edition. Everything here is boilerplate that extraction must drop.
CHROME = {
    "ru": {
        "prefix": "", "html_lang": "ru-RU", "og_locale": "ru_RU", "site": "Kursiv Media Казахстан",
        "menu": ["Финансы", "Экономика", "Бизнес", "Технологии", "Недвижимость", "Потребрынок", "Мнения", "Спецпроекты"],
        "menu_slugs": ["finansy", "ekonomika", "biznes", "tehnologii", "nedvizhimost", "potrebrynok", "mneniya", "specproekty"],
        "read_also": "Читайте также",
        "more": "Читайте также",
        "share": "Поделиться",
        "tags": "Теги",
        "subscribe": "Подпишитесь на наш Telegram-канал и будьте в курсе главных новостей экономики",
        "subscribe_btn": "Подписаться",
        "popular": "Самое читаемое",
        "rights": "© 2026 Kursiv Media Казахстан. Все права защищены. При полном или частичном использовании материалов ссылка на kz.kursiv.media обязательна.",
        "about": ["О нас", "Реклама", "Контакты", "Политика конфиденциальности"],
        "ad": "Реклама",
        "search": "Поиск",
        "ticker": [("USD", "472,35"), ("EUR", "548,10"), ("RUB", "5,84"), ("Brent", "$71,40")],
    },
    "kk": {
        "prefix": "/kk", "html_lang": "kk-KZ", "og_locale": "kk_KZ", "site": "Kursiv Media Қазақстан",
        "menu": ["Қаржы", "Экономика", "Бизнес", "Технологиялар", "Жылжымайтын мүлік", "Пікірлер"],
        "menu_slugs": ["qarzhy", "ekonomika", "biznes", "tehnologiyalar", "zhylzhymaityn-mulik", "pikirler"],
        "read_also": "Оқи отырыңыз",
        "more": "Тақырыпқа қатысты",
        "share": "Бөлісу",
        "tags": "Тегтер",
        "subscribe": "Экономика жаңалықтарын бірінші болып білу үшін Telegram-арнамызға жазылыңыз",
        "subscribe_btn": "Жазылу",
        "popular": "Көп оқылған",
        "rights": "© 2026 Kursiv Media Қазақстан. Барлық құқықтар қорғалған. Материалдарды пайдаланғанда kz.kursiv.media сайтына сілтеме беру міндетті.",
        "about": ["Біз туралы", "Жарнама", "Байланыс"],
        "ad": "Жарнама",
        "search": "Іздеу",
        "ticker": [("USD", "472,35"), ("EUR", "548,10"), ("RUB", "5,84")],
    },
    "en": {
        "prefix": "/en", "html_lang": "en-US", "og_locale": "en_US", "site": "Kursiv Media Kazakhstan",
        "menu": ["Finance", "Economy", "Business", "Tech", "Real Estate", "Opinion"],
        "menu_slugs": ["finance", "economy", "business", "tech", "real-estate", "opinion"],
        "read_also": "Read also",
        "more": "More on the topic",
        "share": "Share",
        "tags": "Tags",
        "subscribe": "Subscribe to our Telegram channel to get the key business news first",
        "subscribe_btn": "Subscribe",
        "popular": "Most read",
        "rights": "© 2026 Kursiv Media Kazakhstan. All rights reserved. Any use of materials requires a link to kz.kursiv.media.",
        "about": ["About us", "Advertising", "Contacts", "Privacy policy"],
        "ad": "Advertisement",
        "search": "Search",
        "ticker": [("USD", "472.35"), ("EUR", "548.10"), ("RUB", "5.84"), ("Brent", "$71.40")],
    },
}

PAGE = """<!DOCTYPE html>
<html lang="{{ c.html_lang }}">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ a.title }} - {{ c.site }}</title>
<meta name="description" content="{{ a.lead }}">
<meta name="robots" content="index, follow, max-image-preview:large">
<link rel="canonical" href="{{ a.url }}">
{% for lang, href in a.alternates.items() %}<link rel="alternate" hreflang="{{ lang }}" href="{{ href }}">
{% endfor %}<meta property="og:locale" content="{{ c.og_locale }}">
<meta property="og:type" content="article">
<meta property="og:title" content="{{ a.title }}">
<meta property="og:description" content="{{ a.lead }}">
<meta property="og:url" content="{{ a.url }}">
<meta property="og:site_name" content="{{ c.site }}">
<meta property="og:image" content="{{ base }}/wp-content/uploads/{{ a.ym }}/{{ a.slug[:40] }}.jpg">
<meta property="article:section" content="{{ a.rubric_name }}">
<meta property="article:published_time" content="{{ a.iso }}">
<meta property="article:modified_time" content="{{ a.iso }}">
<meta name="author" content="{{ a.author }}">
<link rel="alternate" type="application/rss+xml" title="{{ c.site }} &raquo; Feed" href="{{ base }}{{ c.prefix }}/feed/">
<link rel="stylesheet" href="{{ base }}/wp-content/themes/kursiv/assets/css/main.min.css?ver=4.2.7">
<script type="application/ld+json">{{ a.jsonld|safe }}</script>
<script>window.dataLayer = window.dataLayer || []; dataLayer.push({"postId": {{ a.post_id }}, "category": "{{ a.rubric_name }}"});</script>
</head>
<body class="post-template-default single single-post postid-{{ a.post_id }}">
<div class="ticker-bar">
  <ul class="currency-ticker">{% for cur, val in c.ticker %}<li class="currency-ticker__item"><span class="currency-ticker__name">{{ cur }}</span> <span class="currency-ticker__value">{{ val }}</span></li>{% endfor %}</ul>
</div>
<header class="header">
  <a class="header__logo" href="{{ base }}{{ c.prefix }}/"><img src="{{ base }}/wp-content/themes/kursiv/assets/img/logo.svg" alt="Kursiv Media"></a>
  <nav class="header__menu"><ul class="menu">{% for name in c.menu %}<li class="menu-item"><a href="{{ base }}{{ c.prefix }}/category/{{ c.menu_slugs[loop.index0] }}/">{{ name }}</a></li>{% endfor %}</ul></nav>
  <div class="header__langs"><a href="{{ base }}/">Рус</a> <a href="{{ base }}/kk/">Қаз</a> <a href="{{ base }}/en/">Eng</a></div>
  <form class="header__search" action="{{ base }}/" method="get"><input type="search" name="s" placeholder="{{ c.search }}"></form>
</header>
<main class="main">
<div class="container single-container">
<article class="single" id="post-{{ a.post_id }}">
  <div class="single-header">
    <div class="single-header__rubric"><a href="{{ base }}{{ c.prefix }}/category/{{ a.rubric_slug }}/">{{ a.rubric_name }}</a></div>
    <h1 class="single-header__title">{{ a.title }}</h1>
    <p class="single-header__lead">{{ a.lead }}</p>
    <div class="single-header__meta">
      <div class="single-publishing-time"><time class="single-publishing-time__date" datetime="{{ a.iso }}">{{ a.display_date }}</time></div>
      <div class="author-card"><img class="author-card__photo" src="{{ base }}/wp-content/uploads/authors/{{ a.author_slug }}.jpg" alt=""><div class="author-card__name"><a href="{{ base }}{{ c.prefix }}/author/{{ a.author_slug }}/">{{ a.author }}</a></div></div>
    </div>
  </div>
  <div class="single-body">
    <figure class="single-body__image"><img src="{{ base }}/wp-content/uploads/{{ a.ym }}/{{ a.slug[:40] }}.jpg" alt="{{ a.title }}" width="1200" height="675"><figcaption class="wp-caption-text">{{ a.photo }}</figcaption></figure>
{% for p in a.paragraphs %}    <p>{{ p }}</p>
{% if loop.index == 2 and a.read_also_link %}    <div class="single-body__read-also related-inline"><span>{{ c.read_also }}:</span> <a href="{{ a.read_also_link.url }}">{{ a.read_also_link.title }}</a></div>
{% endif %}{% endfor %}  </div>
  <div class="single-footer">
    <div class="single-tags"><span>{{ c.tags }}:</span> {% for t in a.tags %}<a href="{{ base }}{{ c.prefix }}/tag/{{ t|replace(' ', '-') }}/" rel="tag">{{ t }}</a> {% endfor %}</div>
    <div class="share-buttons"><span class="share-buttons__title">{{ c.share }}</span> <a class="share-buttons__item share-buttons__item--telegram" href="https://t.me/share/url?url={{ a.url }}">Telegram</a> <a class="share-buttons__item share-buttons__item--whatsapp" href="https://wa.me/?text={{ a.url }}">WhatsApp</a> <a class="share-buttons__item share-buttons__item--facebook" href="https://www.facebook.com/sharer/sharer.php?u={{ a.url }}">Facebook</a></div>
    <div class="subscribe-banner"><p class="subscribe-banner__text">{{ c.subscribe }}</p><a class="subscribe-banner__btn" href="https://t.me/kursivkz">{{ c.subscribe_btn }}</a></div>
  </div>
  <section class="single-read-also">
    <h2 class="single-read-also__title">{{ c.more }}</h2>
    <ul>{% for o in a.others %}<li class="single-read-also__item"><a href="{{ o.url }}">{{ o.title }}</a></li>{% endfor %}</ul>
  </section>
</article>
<aside class="sidebar">
  <div class="sidebar__ad"><span>{{ c.ad }}</span></div>
  <div class="popular-widget"><h3>{{ c.popular }}</h3><ol>{% for o in a.popular %}<li><a href="{{ o.url }}">{{ o.title }}</a></li>{% endfor %}</ol></div>
</aside>
</div>
</main>
<footer class="footer">
  <ul class="footer__menu">{% for name in c.about %}<li><a href="{{ base }}{{ c.prefix }}/page-{{ loop.index }}/">{{ name }}</a></li>{% endfor %}</ul>
  <p class="footer__copyright">{{ c.rights }}</p>
</footer>
<script src="{{ base }}/wp-content/themes/kursiv/assets/js/main.min.js?ver=4.2.7"></script>
</body>
</html>
"""

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/">
<channel>
	<title>{{ c.site }}</title>
	<atom:link href="{{ feed_url }}" rel="self" type="application/rss+xml" />
	<link>{{ base }}{{ c.prefix }}/</link>
	<description>{{ c.site }}</description>
	<lastBuildDate>{{ build_date }}</lastBuildDate>
	<language>{{ c.html_lang }}</language>
	<sy:updatePeriod>hourly</sy:updatePeriod>
	<sy:updateFrequency>1</sy:updateFrequency>
	<generator>https://wordpress.org/?v=6.8.2</generator>
{% for a in items %}	<item>
		<title>{{ a.title|e }}</title>
		<link>{{ a.url }}</link>
		<dc:creator><![CDATA[{{ a.author }}]]></dc:creator>
		<pubDate>{{ a.rfc822 }}</pubDate>
		<category><![CDATA[{{ a.rubric_name }}]]></category>
		<guid isPermaLink="false">{{ base }}/?p={{ a.post_id }}</guid>
		<description><![CDATA[{{ a.lead }}]]></description>
		<content:encoded><![CDATA[{% for p in a.paragraphs %}<p>{{ p }}</p>{% endfor %}]]></content:encoded>
	</item>
{% endfor %}</channel>
</rss>
"""

env = Environment(autoescape=True, keep_trailing_newline=True)
rss_env = Environment(autoescape=False, keep_trailing_newline=True)


def slugify_name(name: str) -> str:
    table = str.maketrans("абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі",
                          "abvgdeejziiklmnoprstufhccss_y_euaagqnouuhi")
    return re.sub(r"[^a-z0-9]+", "-", name.lower().translate(table)).strip("-")


def display_date(dt: datetime, lang: str) -> str:
    month = MONTHS[lang][dt.month - 1]
    if lang == "en":
        return f"{month} {dt.day}, {dt.year}, {dt:%H:%M}"
    if lang == "kk":
        return f"{dt.year} жылғы {dt.day} {month}, {dt:%H:%M}"
    return f"{dt.day} {month} {dt.year}, {dt:%H:%M}"


def load_articles() -> list[dict]:
    articles = yaml.safe_load((HERE / "_articles.yaml").read_text(encoding="utf-8"))
    for n, a in enumerate(articles):
        dt = datetime.fromisoformat(str(a["time"])).replace(tzinfo=ALMATY)
        prefix = CHROME[a["lang"]]["prefix"]
        a.update(
            dt=dt, iso=dt.isoformat(), rfc822=format_datetime(dt), ym=f"{dt:%Y/%m}",
            url=f"{BASE}{prefix}/{dt:%Y-%m-%d}/{a['slug']}/",
            path=f"{prefix}/{dt:%Y-%m-%d}/{a['slug']}/",
            file=f"pages/{a['lang']}/{dt:%Y-%m-%d}-{a['slug']}.html",
            paragraphs=[p.strip() for p in a["body"].strip().split("\n\n")],
            rubric_slug=a["rubric"][0], rubric_name=a["rubric"][1],
            author_slug=slugify_name(a["author"]), post_id=3081200 + n * 37,
            display_date=display_date(dt, a["lang"]), archive=bool(a.get("archive")),
        )
    return articles


def jsonld(a: dict) -> str:
    data = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "NewsArticle", "@id": a["url"] + "#article", "headline": a["title"],
             "description": a["lead"], "datePublished": a["iso"], "dateModified": a["iso"],
             "inLanguage": CHROME[a["lang"]]["html_lang"], "mainEntityOfPage": a["url"],
             "author": {"@type": "Person", "name": a["author"]},
             "publisher": {"@type": "Organization", "name": "Kursiv Media",
                           "logo": {"@type": "ImageObject", "url": f"{BASE}/wp-content/themes/kursiv/assets/img/logo.png"}},
             "image": f"{BASE}/wp-content/uploads/{a['ym']}/{a['slug'][:40]}.jpg",
             "articleSection": a["rubric_name"]},
            {"@type": "BreadcrumbList", "itemListElement": [
                {"@type": "ListItem", "position": 1, "name": CHROME[a["lang"]]["site"], "item": BASE + CHROME[a["lang"]]["prefix"] + "/"},
                {"@type": "ListItem", "position": 2, "name": a["rubric_name"]}]},
        ],
    }
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/")


def link_editions(articles: list[dict]) -> None:
    groups: dict[str, dict[str, str]] = {}
    for a in articles:
        if a.get("group"):
            groups.setdefault(a["group"], {})[a["lang"]] = a["url"]
    for a in articles:
        alts = dict(groups.get(a.get("group"), {a["lang"]: a["url"]}))
        alts = {("ru-RU" if k == "ru" else "kk-KZ" if k == "kk" else "en-US"): v for k, v in alts.items()}
        if len(alts) > 1 and "ru-RU" in alts:
            alts["x-default"] = alts["ru-RU"]
        a["alternates"] = alts if len(alts) > 1 else {}


def urlset(entries: list[tuple[str, str]]) -> str:
    rows = "".join(f"  <url>\n    <loc>{escape(u)}</loc>\n    <lastmod>{m}</lastmod>\n  </url>\n" for u, m in entries)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + rows + "</urlset>\n")


def sitemapindex(entries: list[tuple[str, str]]) -> str:
    rows = "".join(f"  <sitemap>\n    <loc>{escape(u)}</loc>\n    <lastmod>{m}</lastmod>\n  </sitemap>\n" for u, m in entries)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + rows + "</sitemapindex>\n")


class PlainDumper(yaml.SafeDumper):
    """No &anchors: site.yaml is read by people as well as by tests."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def dump_yaml(data: object) -> str:
    return yaml.dump(data, Dumper=PlainDumper, allow_unicode=True, sort_keys=False, width=200)


def write(rel: str, text: str) -> None:
    path = HERE / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def build() -> None:
    articles = load_articles()
    link_editions(articles)
    routes: list[dict] = []
    truth: list[dict] = []
    by_lang = {lang: sorted([a for a in articles if a["lang"] == lang], key=lambda a: a["dt"], reverse=True)
               for lang in CHROME}
    page_tpl = env.from_string(PAGE)
    for a in articles:
        c = CHROME[a["lang"]]
        same = [o for o in by_lang[a["lang"]] if o is not a]
        a["others"] = same[:3]
        a["popular"] = same[3:6] or same[:2]
        a["tags"] = [a["rubric_name"].lower(), "Казахстан" if a["lang"] != "en" else "Kazakhstan"]
        if a.get("read_also"):
            a["read_also_link"] = {"url": f"{BASE}{c['prefix']}/2026-10-02/{slugify_name(a['read_also'])[:60]}/",
                                   "title": a["read_also"]}
        a["jsonld"] = jsonld(a)
        write(a["file"], page_tpl.render(a=a, c=c, base=BASE))
        routes.append({"path": a["path"], "file": a["file"], "last_modified": a["dt"]})
        mid = a["paragraphs"][1] if len(a["paragraphs"]) > 1 else a["paragraphs"][0]
        words = mid.split()
        truth.append({
            "url": a["url"], "title": a["title"], "published": a["dt"].date(),
            "language": a["lang"], "industrial": bool(a["industrial"]),
            **({"archive": True} if a["archive"] else {}),
            "body_contains": " ".join(words[2:9]),
            "boilerplate": list(dict.fromkeys([
                c["subscribe"], c["share"], c["more"], c["rights"], a["photo"], f"{c['ticker'][0][0]} {c['ticker'][0][1]}",
                *([c["read_also"] + ":"] if a.get("read_also") else [])])),
        })

    # Sitemaps: one index per edition, monthly children with <lastmod>, a taxonomy child,
    # and the root /sitemap.xml as an index of the three edition indexes (nested).
    sitemap_routes = []
    for lang, items in by_lang.items():
        c = CHROME[lang]
        months: dict[str, list[dict]] = {}
        for a in items:
            months.setdefault(f"{a['dt']:%Y-%m}", []).append(a)
        children = []
        for month, group in sorted(months.items(), reverse=True):
            rel = f"sitemaps/{lang}/post-{month}.xml"
            last = max(a["dt"] for a in group)
            write(rel, urlset([(a["url"], a["iso"]) for a in group]))
            children.append((f"{BASE}/{rel}", last.isoformat()))
            sitemap_routes.append({"path": f"/{rel}", "file": rel, "type": "application/xml", "last_modified": last})
        rel = f"sitemaps/{lang}/category.xml"
        write(rel, urlset([(f"{BASE}{c['prefix']}/category/{s}/", items[0]["iso"]) for s in c["menu_slugs"]]))
        children.append((f"{BASE}/{rel}", items[0]["iso"]))
        sitemap_routes.append({"path": f"/{rel}", "file": rel, "type": "application/xml"})
        rel = f"sitemaps/{lang}/sitemap.xml"
        write(rel, sitemapindex(children))
        sitemap_routes.append({"path": f"/{rel}", "file": rel, "type": "application/xml", "last_modified": items[0]["dt"]})
    write("sitemap.xml", sitemapindex([(f"{BASE}/sitemaps/{lang}/sitemap.xml", items[0]["iso"])
                                       for lang, items in by_lang.items()]))
    sitemap_routes.append({"path": "/sitemap.xml", "file": "sitemap.xml", "type": "application/xml"})

    # WordPress RSS for the ru and en editions: the latest posts, which are the non-archive ones.
    feed_routes = []
    for lang in ("ru", "en"):
        c = CHROME[lang]
        items = [a for a in by_lang[lang] if not a["archive"]]
        rel = f"feeds/{lang}.xml"
        feed_url = f"{BASE}{c['prefix']}/feed/"
        write(rel, rss_env.from_string(RSS).render(c=c, base=BASE, feed_url=feed_url, items=items,
                                                   build_date=items[0]["rfc822"]))
        feed_routes.append({"path": f"{c['prefix']}/feed/", "file": rel,
                            "type": "application/rss+xml; charset=UTF-8", "last_modified": items[0]["dt"]})

    write("robots.txt", "User-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\nDisallow: /?s=\n\n"
          + "".join(f"Sitemap: {BASE}/sitemaps/{lang}/sitemap.xml\n" for lang in CHROME))
    routes = ([{"path": "/robots.txt", "file": "robots.txt", "type": "text/plain; charset=UTF-8"}]
              + feed_routes + sitemap_routes + routes)
    site = {"routes": routes, "articles": truth}
    header = "# Generated by _build.py from _articles.yaml: edit those, then rerun.\n"
    write("site.yaml", header + dump_yaml(site))

    source = [{
        "id": "kursiv", "name": "Kursiv Media Kazakhstan", "languages": ["ru", "kk", "en"],
        "feeds": [f"{BASE}/feed/", f"{BASE}/en/feed/"],
        "sitemaps": [f"{BASE}/sitemaps/{lang}/sitemap.xml" for lang in CHROME],
        "listings": [],
        "article_pattern": r"^https://kz\.kursiv\.media/(?:(?:kk|en)/)?20\d{2}-\d{2}-\d{2}/[^/?#]+/$",
        "api": None, "enabled": True,
    }]
    write("source.yaml", header + dump_yaml(source))


if __name__ == "__main__":
    build()
