"""Build the invest.gov.kz (Kazakh Invest) replica from articles.yaml (run once; output committed).

Known of the real site: news at /{lang}/news/<id>/ with AMP twins at /{lang}/amp/news/<id>/
(the AMP page's canonical is the plain one, which links it by rel=amphtml). No feed or sitemap
is known, so discovery is through the /ru/news/ and /en/news/ listings (?page=N).
"""
from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import yaml
from jinja2 import Environment

HERE = Path(__file__).resolve().parent
BASE = "https://invest.gov.kz"
UI = {
    "ru": {"site": "KAZAKH INVEST", "menu": ["О компании", "Почему Казахстан", "Инвестиционные возможности",
                                            "Услуги инвесторам", "Пресс-центр", "Контакты"],
           "news": "Новости", "home": "Главная", "share": "Поделиться в соцсетях", "other": "Другие новости",
           "subscribe": "Подпишитесь на рассылку новостей KAZAKH INVEST", "email": "Ваш e-mail", "send": "Подписаться",
           "copyright": "© АО «НК «KAZAKH INVEST», 2026. Все права защищены",
           "address": "Z05T3E2, г. Астана, пр. Мангилик Ел, 55а, БЦ «Бейбитшилик»", "hotline": "Call-центр для инвесторов: 1409"},
    "en": {"site": "KAZAKH INVEST", "menu": ["About us", "Why Kazakhstan", "Investment opportunities",
                                            "Investor services", "Press center", "Contacts"],
           "news": "News", "home": "Home", "share": "Share on social media", "other": "Other news",
           "subscribe": "Subscribe to KAZAKH INVEST newsletter", "email": "Your e-mail", "send": "Subscribe",
           "copyright": "© KAZAKH INVEST National Company JSC, 2026. All rights reserved",
           "address": "Z05T3E2, Astana, Mangilik Yel Ave, 55a, Beibitshilik business centre", "hotline": "Investor call centre: 1409"},
}

CHROME_TOP = """<header class="header">
  <div class="header__inner container">
    <a class="header__logo" href="/{{ lang }}/"><img src="/local/templates/ki/img/logo.svg" alt="KAZAKH INVEST"></a>
    <nav class="header__nav"><ul>{% for m in ui.menu %}<li><a href="/{{ lang }}/page{{ loop.index }}/">{{ m }}</a></li>{% endfor %}</ul></nav>
    <div class="header__lang"><a href="/kz/">KZ</a> <a href="/ru/">RU</a> <a href="/en/">EN</a> <a href="/zh/">中文</a></div>
  </div>
</header>"""
CHROME_BOTTOM = """<section class="subscribe">
  <div class="container"><div class="subscribe__title">{{ ui.subscribe }}</div>
  <form class="subscribe__form"><input type="email" placeholder="{{ ui.email }}"><button>{{ ui.send }}</button></form></div>
</section>
<footer class="footer">
  <div class="container">
    <ul class="footer__nav">{% for m in ui.menu %}<li><a href="/{{ lang }}/page{{ loop.index }}/">{{ m }}</a></li>{% endfor %}</ul>
    <div class="footer__contacts"><p>{{ ui.address }}</p><p>{{ ui.hotline }}</p><p>info@invest.gov.kz</p></div>
    <div class="footer__copyright">{{ ui.copyright }}</div>
  </div>
</footer>"""

ARTICLE = """<!DOCTYPE html>
<html lang="{{ lang }}">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{{ a.title }} | KAZAKH INVEST</title>
<meta name="description" content="{{ a.lead }}">
<meta property="og:type" content="article">
<meta property="og:title" content="{{ a.title }}">
<meta property="og:description" content="{{ a.lead }}">
<meta property="og:url" content="{{ a.url }}">
<meta property="og:image" content="{{ base }}/upload/iblock/news/{{ a.id }}.jpg">
<meta property="article:published_time" content="{{ a.iso }}">
<link rel="canonical" href="{{ a.url }}">
<link rel="amphtml" href="{{ a.amp_url }}">
{% for l, u in a.alternates.items() %}<link rel="alternate" hreflang="{{ l }}" href="{{ u }}">
{% endfor %}<link rel="stylesheet" href="/local/templates/ki/css/style.min.css">
<script type="application/ld+json">{{ a.jsonld }}</script>
</head>
<body>
""" + CHROME_TOP + """
<main class="page">
  <div class="container">
    <div class="breadcrumbs"><a href="/{{ lang }}/">{{ ui.home }}</a> / <a href="/{{ lang }}/news/">{{ ui.news }}</a></div>
    <div class="news-detail">
      <h1 class="news-detail__title">{{ a.title }}</h1>
      <div class="news-detail__date">{{ a.shown_date }}</div>
      <div class="news-detail__img"><img src="/upload/iblock/news/{{ a.id }}.jpg" alt="{{ a.title }}"></div>
      <div class="news-detail__text">
{% for p in a.paragraphs %}        <p>{{ p }}</p>
{% endfor %}      </div>
      <div class="news-detail__share">{{ ui.share }}: <a href="https://www.facebook.com/sharer/sharer.php?u={{ a.url }}">Facebook</a> <a href="https://www.linkedin.com/shareArticle?url={{ a.url }}">LinkedIn</a> <a href="https://t.me/share/url?url={{ a.url }}">Telegram</a></div>
    </div>
    <div class="news-other">
      <div class="news-other__title">{{ ui.other }}</div>
{% for r in a.related %}      <div class="news-card"><a class="news-card__link" href="{{ r.path }}"><div class="news-card__date">{{ r.shown_date }}</div><div class="news-card__title">{{ r.title }}</div></a></div>
{% endfor %}    </div>
  </div>
</main>
""" + CHROME_BOTTOM + """
</body>
</html>
"""

AMP = """<!doctype html>
<html ⚡ lang="{{ lang }}">
<head>
<meta charset="utf-8">
<title>{{ a.title }} | KAZAKH INVEST</title>
<link rel="canonical" href="{{ a.url }}">
<meta name="viewport" content="width=device-width,minimum-scale=1,initial-scale=1">
<meta property="article:published_time" content="{{ a.iso }}">
<script type="application/ld+json">{{ a.jsonld }}</script>
<style amp-boilerplate>body{-webkit-animation:-amp-start 8s steps(1,end) 0s 1 normal both;animation:-amp-start 8s steps(1,end) 0s 1 normal both}@keyframes -amp-start{from{visibility:hidden}to{visibility:visible}}</style><noscript><style amp-boilerplate>body{-webkit-animation:none;animation:none}</style></noscript>
<script async src="https://cdn.ampproject.org/v0.js"></script>
<style amp-custom>body{font-family:Arial,sans-serif}.amp-header{background:#0b3a6f;color:#fff}</style>
</head>
<body>
<header class="amp-header"><a href="/{{ lang }}/">KAZAKH INVEST</a></header>
<article class="amp-news">
  <h1>{{ a.title }}</h1>
  <time datetime="{{ a.iso }}">{{ a.shown_date }}</time>
  <amp-img src="/upload/iblock/news/{{ a.id }}.jpg" width="800" height="450" layout="responsive" alt=""></amp-img>
{% for p in a.paragraphs %}  <p>{{ p }}</p>
{% endfor %}</article>
<footer class="amp-footer">{{ ui.copyright }}</footer>
</body>
</html>
"""

LISTING = """<!DOCTYPE html>
<html lang="{{ lang }}">
<head>
<meta charset="UTF-8">
<title>{{ ui.news }} | KAZAKH INVEST</title>
<link rel="canonical" href="{{ base }}/{{ lang }}/news/{% if page > 1 %}?page={{ page }}{% endif %}">
<link rel="stylesheet" href="/local/templates/ki/css/style.min.css">
</head>
<body>
""" + CHROME_TOP + """
<main class="page">
  <div class="container">
    <h1 class="page__title">{{ ui.news }}</h1>
    <div class="news-list">
{% for a in items %}      <div class="news-card"><a class="news-card__link" href="{{ a.path }}">
        <div class="news-card__img"><img src="/upload/iblock/news/{{ a.id }}_thumb.jpg" alt=""></div>
        <div class="news-card__date">{{ a.shown_date }}</div>
        <div class="news-card__title">{{ a.title }}</div>
      </a></div>
{% endfor %}    </div>
{% if pages > 1 %}    <div class="pagination">{% for n in range(1, pages + 1) %}{% if n == page %}<span class="pagination__current">{{ n }}</span>{% else %}<a class="pagination__link" href="/{{ lang }}/news/{% if n > 1 %}?page={{ n }}{% endif %}">{{ n }}</a>{% endif %}{% endfor %}{% if page < pages %}<a class="pagination__next" href="/{{ lang }}/news/?page={{ page + 1 }}">&rarr;</a>{% endif %}</div>
{% endif %}  </div>
</main>
""" + CHROME_BOTTOM + """
</body>
</html>
"""


def load_articles() -> list[dict]:
    items = yaml.safe_load((HERE / "articles.yaml").read_text(encoding="utf-8"))
    for a in items:
        when = datetime.fromisoformat(str(a["published"]))
        a["when"] = when
        a["iso"] = when.strftime("%Y-%m-%dT%H:%M:%S+05:00")
        a["path"] = f"/{a['lang']}/news/{a['id']}/"
        a["url"] = BASE + a["path"]
        a["amp_path"] = f"/{a['lang']}/amp/news/{a['id']}/"
        a["amp_url"] = BASE + a["amp_path"]
        a["shown_date"] = when.strftime("%d.%m.%Y")
        a["paragraphs"] = [p.strip() for p in a["body"].strip().split("\n") if p.strip()]
        a["lead"] = a["paragraphs"][0]
        a.setdefault("archive", False)
    for a in items:
        editions = {b["lang"]: b["url"] for b in items if b["id"] == a["id"]}
        a["alternates"] = editions if len(editions) > 1 else {}
        a["jsonld"] = json.dumps({
            "@context": "https://schema.org", "@type": "NewsArticle", "headline": a["title"],
            "datePublished": a["iso"], "inLanguage": a["lang"], "url": a["url"],
            "image": f"{BASE}/upload/iblock/news/{a['id']}.jpg",
            "publisher": {"@type": "Organization", "name": "KAZAKH INVEST",
                          "logo": {"@type": "ImageObject", "url": f"{BASE}/local/templates/ki/img/logo.svg"}}},
            ensure_ascii=False)
    return items


def body_phrase(a: dict) -> str:
    return " ".join(a["paragraphs"][1].split()[1:8])


def build() -> None:
    env = Environment(autoescape=True, keep_trailing_newline=True)
    article_t, amp_t, listing_t = env.from_string(ARTICLE), env.from_string(AMP), env.from_string(LISTING)
    articles = load_articles()
    routes: list[dict] = [{"path": "/robots.txt", "file": "robots.txt", "type": "text/plain; charset=UTF-8"}]
    truth = []
    (HERE / "pages").mkdir(exist_ok=True)
    for lang, ui in UI.items():
        editions = sorted((a for a in articles if a["lang"] == lang), key=lambda a: a["when"], reverse=True)
        current = [a for a in editions if not a["archive"]]
        pages = [current] + ([[a for a in editions if a["archive"]]] if any(a["archive"] for a in editions) else [])
        for n, items in enumerate(pages, start=1):
            name = f"pages/news-{lang}-{n}.html"
            (HERE / name).write_text(listing_t.render(lang=lang, ui=ui, items=items, page=n, pages=len(pages), base=BASE),
                                     encoding="utf-8")
            routes.append({"path": f"/{lang}/news/" + (f"?page={n}" if n > 1 else ""), "file": name})
        for a in editions:
            a["related"] = [r for r in current if r is not a][:3]
            name, amp_name = f"pages/{lang}-{a['id']}.html", f"pages/{lang}-{a['id']}-amp.html"
            (HERE / name).write_text(article_t.render(lang=lang, ui=ui, a=a, base=BASE), encoding="utf-8")
            (HERE / amp_name).write_text(amp_t.render(lang=lang, ui=ui, a=a, base=BASE), encoding="utf-8")
            routes.append({"path": a["path"], "file": name})
            routes.append({"path": a["amp_path"], "file": amp_name})
            routes.append({"path": a["path"].rstrip("/"), "status": 301, "location": a["url"]})
            truth.append({
                "url": a["url"], "title": a["title"], "published": a["when"].date(), "language": lang,
                "industrial": a["industrial"], "archive": a["archive"], "body_contains": body_phrase(a),
                "amp_url": a["amp_url"],
                "boilerplate": [ui["subscribe"], ui["copyright"], ui["share"], ui["other"], ui["hotline"],
                                a["related"][0]["title"]]})
    (HERE / "robots.txt").write_text(
        "User-agent: *\nDisallow: /bitrix/\nDisallow: /upload/private/\nDisallow: /search/\nAllow: /\n", encoding="utf-8")
    site = {"routes": routes, "articles": truth}
    (HERE / "site.yaml").write_text(
        "# invest.gov.kz replica, generated by _build.py from articles.yaml: do not edit by hand.\n"
        + yaml.safe_dump(site, allow_unicode=True, sort_keys=False, width=200), encoding="utf-8")


if __name__ == "__main__":
    build()
