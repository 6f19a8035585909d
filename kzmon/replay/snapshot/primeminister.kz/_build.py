"""Build the primeminister.kz replica from articles.yaml (run once; output is committed).

The real site is server-rendered: /{lang}/news listings with ?page=N, article cards
`a.article` with an `h3` title and `.article__date` in abbreviated months ("18 Ноя 2026"),
article URLs /{lang}/news/<translit-slug>-<5-digit id>. No RSS is known, so the crawler
discovers articles through the listings only. Page boilerplate (menus, share bar,
"other news", footer) is there so the text layer has something real to strip.
"""
from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path

import yaml
from jinja2 import Environment

HERE = Path(__file__).resolve().parent
HOST = "primeminister.kz"
BASE = f"https://{HOST}"
PAGE_SIZE = 10  # items on listing page 1; the archive items fall on page 2

TRANSLIT = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі",
    ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p", "r", "s",
     "t", "u", "f", "h", "ts", "ch", "sh", "sch", "", "y", "", "e", "yu", "ya",
     "a", "g", "k", "n", "o", "u", "u", "h", "i"]))
MONTHS_ABBR = {
    "ru": ["Янв", "Фев", "Мар", "Апр", "Май", "Июн", "Июл", "Авг", "Сен", "Окт", "Ноя", "Дек"],
    "kk": ["Қаң", "Ақп", "Нау", "Сәу", "Мам", "Мау", "Шіл", "Там", "Қыр", "Қаз", "Қар", "Жел"],
    "en": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
}
MONTHS_FULL = {
    "ru": ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
           "октября", "ноября", "декабря"],
    "kk": ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек",
           "қазан", "қараша", "желтоқсан"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"],
}
UI = {  # the site chrome per language edition
    "ru": {"site": "Официальный информационный ресурс Премьер-Министра Республики Казахстан",
           "menu": ["Премьер-Министр", "Правительство", "Новости", "Документы", "Пресс-центр", "Контакты"],
           "search": "Поиск по сайту", "home": "Главная", "news": "Новости", "share": "Поделиться",
           "other": "Другие новости", "all": "Все новости", "photo": "Фото: primeminister.kz",
           "rights": "Все права защищены. При использовании материалов ссылка на primeminister.kz обязательна",
           "address": "010000, г. Астана, Дом Правительства, пр. Мангилик Ел, 8"},
    "kk": {"site": "Қазақстан Республикасы Премьер-Министрінің ресми ақпараттық ресурсы",
           "menu": ["Премьер-Министр", "Үкімет", "Жаңалықтар", "Құжаттар", "Баспасөз орталығы", "Байланыс"],
           "search": "Сайт бойынша іздеу", "home": "Басты бет", "news": "Жаңалықтар", "share": "Бөлісу",
           "other": "Басқа жаңалықтар", "all": "Барлық жаңалықтар", "photo": "Фото: primeminister.kz",
           "rights": "Барлық құқықтар қорғалған. Материалдарды пайдаланғанда primeminister.kz сайтына сілтеме міндетті",
           "address": "010000, Астана қ., Үкімет үйі, Мәңгілік Ел даңғылы, 8"},
    "en": {"site": "Official Information Source of the Prime Minister of the Republic of Kazakhstan",
           "menu": ["Prime Minister", "Government", "News", "Documents", "Press Center", "Contacts"],
           "search": "Search the site", "home": "Home", "news": "News", "share": "Share",
           "other": "Other news", "all": "All news", "photo": "Photo: primeminister.kz",
           "rights": "All rights reserved. A link to primeminister.kz is required when using materials",
           "address": "010000, Astana, Government House, Mangilik Yel Ave, 8"},
}

HEADER = """<header class="header">
  <div class="header__top container">
    <a class="header__logo" href="/{{ lang }}"><img src="/static/img/logo.svg" alt="{{ ui.site }}"><span>{{ ui.site }}</span></a>
    <ul class="header__langs"><li><a href="/kk">Қаз</a></li><li><a href="/ru">Рус</a></li><li><a href="/en">Eng</a></li></ul>
    <form class="header__search" action="/{{ lang }}/search"><input type="text" name="q" placeholder="{{ ui.search }}"></form>
  </div>
  <nav class="header__menu container"><ul>{% for m in ui.menu %}<li class="menu__item"><a href="/{{ lang }}/{{ loop.index }}">{{ m }}</a></li>{% endfor %}</ul></nav>
</header>"""
FOOTER = """<footer class="footer">
  <div class="container">
    <div class="footer__logo">{{ ui.site }}</div>
    <ul class="footer__menu">{% for m in ui.menu %}<li><a href="/{{ lang }}/{{ loop.index }}">{{ m }}</a></li>{% endfor %}</ul>
    <div class="footer__address">{{ ui.address }}</div>
    <div class="footer__social"><a href="https://t.me/primeministerkz">Telegram</a> <a href="https://www.facebook.com/primeministerkz">Facebook</a> <a href="https://www.instagram.com/primeministerkz">Instagram</a></div>
    <div class="footer__copy">© 2026 {{ ui.rights }}</div>
  </div>
</footer>"""

ARTICLE = """<!DOCTYPE html>
<html lang="{{ lang }}">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ a.title }} - {{ ui.site }}</title>
<meta name="description" content="{{ a.lead }}">
<meta property="og:type" content="article">
<meta property="og:site_name" content="primeminister.kz">
<meta property="og:title" content="{{ a.title }}">
<meta property="og:description" content="{{ a.lead }}">
<meta property="og:url" content="{{ a.url }}">
<meta property="og:image" content="{{ base }}/storage/news/{{ a.id }}/cover.jpg">
<meta property="article:published_time" content="{{ a.iso }}">
<link rel="canonical" href="{{ a.url }}">
{% for l, u in a.alternates.items() %}<link rel="alternate" hreflang="{{ l }}" href="{{ u }}">
{% endfor %}<link rel="stylesheet" href="/static/css/app.css">
<script type="application/ld+json">{{ a.jsonld }}</script>
</head>
<body>
""" + HEADER + """
<main class="main">
  <div class="container">
    <ul class="breadcrumbs"><li><a href="/{{ lang }}">{{ ui.home }}</a></li><li><a href="/{{ lang }}/news">{{ ui.news }}</a></li></ul>
    <div class="row">
      <article class="article-page col-lg-8">
        <h1 class="article-page__title">{{ a.title }}</h1>
        <div class="article__date">{{ a.shown_date }}</div>
        <figure class="article-page__image"><img src="/storage/news/{{ a.id }}/cover.jpg" alt=""><figcaption>{{ ui.photo }}</figcaption></figure>
        <div class="article-page__content">
{% for p in a.paragraphs %}          <p>{{ p }}</p>
{% endfor %}        </div>
        <div class="article-page__share"><span>{{ ui.share }}:</span> <a href="https://t.me/share/url?url={{ a.url }}">Telegram</a> <a href="https://www.facebook.com/sharer.php?u={{ a.url }}">Facebook</a> <a href="https://wa.me/?text={{ a.url }}">WhatsApp</a></div>
      </article>
      <aside class="col-lg-4 sidebar">
        <div class="sidebar__title">{{ ui.other }}</div>
{% for r in a.related %}        <a class="article" href="{{ r.path }}"><h3>{{ r.title }}</h3><div class="article__date">{{ r.list_date }}</div></a>
{% endfor %}        <a class="sidebar__more" href="/{{ lang }}/news">{{ ui.all }}</a>
      </aside>
    </div>
  </div>
</main>
""" + FOOTER + """
<script src="/static/js/app.js"></script>
</body>
</html>
"""

LISTING = """<!DOCTYPE html>
<html lang="{{ lang }}">
<head>
<meta charset="UTF-8">
<title>{{ ui.news }} - {{ ui.site }}</title>
<link rel="canonical" href="{{ base }}/{{ lang }}/news{% if page > 1 %}?page={{ page }}{% endif %}">
<link rel="stylesheet" href="/static/css/app.css">
</head>
<body>
""" + HEADER + """
<main class="main">
  <div class="container">
    <h1 class="page-title">{{ ui.news }}</h1>
    <div class="news-list">
{% for a in items %}      <a class="article" href="{{ a.path }}">
        <div class="article__img"><img src="/storage/news/{{ a.id }}/thumb.jpg" alt=""></div>
        <h3>{{ a.title }}</h3>
        <div class="article__date">{{ a.list_date }}</div>
      </a>
{% endfor %}    </div>
    <ul class="pagination">
{% if page > 1 %}      <li class="pagination__item"><a href="/{{ lang }}/news{% if page > 2 %}?page={{ page - 1 }}{% endif %}">&laquo;</a></li>
{% endif %}{% for n in range(1, pages + 1) %}      <li class="pagination__item{% if n == page %} active{% endif %}"><a href="/{{ lang }}/news{% if n > 1 %}?page={{ n }}{% endif %}">{{ n }}</a></li>
{% endfor %}{% if page < pages %}      <li class="pagination__item"><a href="/{{ lang }}/news?page={{ page + 1 }}">&raquo;</a></li>
{% endif %}    </ul>
  </div>
</main>
""" + FOOTER + """
</body>
</html>
"""


def slugify(title: str) -> str:
    """Transliterated lower-case slug, as the site builds its article paths."""
    out = "".join(TRANSLIT.get(ch, ch) for ch in title.lower())
    out = re.sub(r"[^a-z0-9]+", "-", out).strip("-")
    return "-".join(out.split("-")[:9])


def load_articles() -> list[dict]:
    items = yaml.safe_load((HERE / "articles.yaml").read_text(encoding="utf-8"))
    for a in items:
        when = datetime.fromisoformat(str(a["published"]))
        lang = a["lang"]
        a["when"] = when
        a["iso"] = when.strftime("%Y-%m-%dT%H:%M:%S+05:00")
        a["path"] = f"/{lang}/news/{slugify(a['title'])}-{a['id']}"
        a["url"] = BASE + a["path"]
        a["paragraphs"] = [p.strip() for p in a["body"].strip().split("\n") if p.strip()]
        a["lead"] = a["paragraphs"][0]
        a["list_date"] = f"{when.day} {MONTHS_ABBR[lang][when.month - 1]} {when.year}"
        a["shown_date"] = f"{when.day} {MONTHS_FULL[lang][when.month - 1]} {when.year}, {when:%H:%M}"
        a.setdefault("archive", False)
    for a in items:
        editions = {b["lang"]: b["url"] for b in items if b["id"] == a["id"]}
        a["alternates"] = editions if len(editions) > 1 else {}
        a["jsonld"] = json.dumps({
            "@context": "https://schema.org", "@type": "NewsArticle", "headline": a["title"],
            "datePublished": a["iso"], "dateModified": a["iso"], "inLanguage": a["lang"],
            "mainEntityOfPage": a["url"], "image": f"{BASE}/storage/news/{a['id']}/cover.jpg",
            "publisher": {"@type": "Organization", "name": UI[a["lang"]]["site"]}}, ensure_ascii=False)
    return items


def body_phrase(a: dict) -> str:
    """A phrase from the second paragraph: proof that the body, not only the lead, survived."""
    words = a["paragraphs"][1].split()
    return " ".join(words[2:9])


def build() -> None:
    env = Environment(autoescape=True, keep_trailing_newline=True)
    article_t, listing_t = env.from_string(ARTICLE), env.from_string(LISTING)
    articles = load_articles()
    routes = [{"path": "/robots.txt", "file": "robots.txt", "type": "text/plain; charset=UTF-8"}]
    truth = []
    (HERE / "pages").mkdir(exist_ok=True)
    for lang in ("ru", "kk", "en"):
        ui = UI[lang]
        editions = sorted((a for a in articles if a["lang"] == lang), key=lambda a: a["when"], reverse=True)
        current = [a for a in editions if not a["archive"]]
        pages = [current[:PAGE_SIZE], [a for a in editions if a["archive"]]]
        assert len(current) <= PAGE_SIZE, "an article of the window would fall on page 2"
        for n, items in enumerate(pages, start=1):
            name = f"pages/news-{lang}-{n}.html"
            (HERE / name).write_text(listing_t.render(lang=lang, ui=ui, items=items, page=n, pages=len(pages),
                                                      base=BASE), encoding="utf-8")
            routes.append({"path": f"/{lang}/news" + (f"?page={n}" if n > 1 else ""), "file": name})
        for a in editions:
            a["related"] = [r for r in current if r is not a][:4]
            name = f"pages/{a['path'].rsplit('/', 1)[1]}-{lang}.html"
            (HERE / name).write_text(article_t.render(lang=lang, ui=ui, a=a, base=BASE), encoding="utf-8")
            routes.append({"path": a["path"], "file": name})
            truth.append({
                "url": a["url"], "title": a["title"], "published": a["when"].date(),
                "language": lang, "industrial": a["industrial"], "archive": a["archive"],
                "body_contains": body_phrase(a),
                "boilerplate": [ui["share"], ui["other"], ui["rights"], ui["address"], ui["search"],
                                a["related"][0]["title"]]})
    (HERE / "robots.txt").write_text("User-agent: *\nDisallow: /admin/\nDisallow: /*/search\nAllow: /\n", encoding="utf-8")
    site = {"routes": routes, "articles": truth}
    (HERE / "site.yaml").write_text(
        "# primeminister.kz replica, generated by _build.py from articles.yaml: do not edit by hand.\n"
        + yaml.safe_dump(site, allow_unicode=True, sort_keys=False, width=200), encoding="utf-8")


if __name__ == "__main__":
    build()
