"""Render the zakon.kz replicas (www.zakon.kz in Russian, kaz.zakon.kz in Kazakh).

Why a generator: both editions share one CMS, so the pages, the LoadMoreNews JSON pages
(HTML card fragments inside JSON), the sitemaps and the site.yaml ground truth must agree.
Run once: `python _build.py`; commit the output.
"""
from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path
from xml.sax.saxutils import escape

import yaml
from jinja2 import Environment

HERE = Path(__file__).resolve().parent
SNAPSHOT = HERE.parent
ALMATY = timezone(timedelta(hours=5))
LOAD_MORE = "/news/?handler=LoadMoreNews&p={n}&type=list"

MONTHS = {
    "ru": ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
           "сентября", "октября", "ноября", "декабря"],
    "kk": ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз",
           "қыркүйек", "қазан", "қараша", "желтоқсан"],
}

# Per-edition chrome: everything below is boilerplate that extraction must drop.
EDITIONS = {
    "ru": {
        "host": "www.zakon.kz", "html_lang": "ru", "site": "Zakon.kz", "source_id": "zakon-ru",
        "menu": [("news", "Новости"), ("ekonomika-biznes", "Экономика"), ("obshestvo", "Общество"),
                 ("politika", "Политика"), ("proisshestviya", "Происшествия"), ("sport", "Спорт")],
        "rubrics": {"ekonomika-biznes": "Экономика", "obshestvo": "Общество", "politika": "Политика"},
        "share": "Поделитесь новостью", "google": "Следите за новостями Zakon.kz в Google News",
        "telegram": "Zakon.kz в Telegram – подписывайтесь, чтобы первыми узнавать главное",
        "error": "Нашли ошибку? Выделите ее и нажмите Ctrl+Enter", "read_also": "Читайте также",
        "tags": "Теги", "weather": "Алматы +6°", "news_title": "Новости Казахстана",
        "rights": "© 2000-2026 ТОО «Zakon.kz». Все права защищены. Перепечатка материалов разрешена только с гиперссылкой на Zakon.kz",
    },
    "kk": {
        "host": "kaz.zakon.kz", "html_lang": "kk", "site": "Zakon.kz қазақша", "source_id": "zakon-kk",
        "menu": [("news", "Жаңалықтар"), ("ekonomika", "Экономика"), ("qogam", "Қоғам"),
                 ("sayasat", "Саясат"), ("sport", "Спорт")],
        "rubrics": {"ekonomika": "Экономика", "qogam": "Қоғам", "sport": "Спорт"},
        "share": "Жаңалықпен бөлісіңіз", "google": "Жаңалықтарды Google News-тен оқыңыз",
        "telegram": "Жаңалықтар телефоныңда – Zakon.kz Telegram-арнасына жазылыңыз",
        "error": "Беттегі қатені байқасаңыз, оны белгілеп, Ctrl+Enter басыңыз", "read_also": "Оқи отырыңыз",
        "tags": "Тегтер", "weather": "Алматы +6°", "news_title": "Қазақстан жаңалықтары",
        "rights": "© 2000-2026 «Zakon.kz» ЖШС. Барлық құқықтар қорғалған. Материалдарды Zakon.kz сайтына гиперсілтемемен ғана пайдалануға болады",
    },
}
FX = [("USD", "472.35"), ("EUR", "548.10"), ("RUB", "5.84")]

PAGE = """<!DOCTYPE html>
<html lang="{{ e.html_lang }}">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ a.title }} - {{ e.site }}</title>
<meta name="description" content="{{ a.lead }}">
<link rel="canonical" href="{{ a.url }}">
<link rel="amphtml" href="https://{{ e.host }}/amp/{{ a.rubric }}/{{ a.id }}-{{ a.slug }}.html">
<meta property="og:type" content="article">
<meta property="og:site_name" content="{{ e.site }}">
<meta property="og:title" content="{{ a.title }}">
<meta property="og:description" content="{{ a.lead }}">
<meta property="og:url" content="{{ a.url }}">
<meta property="og:image" content="{{ a.image }}">
<meta property="article:published_time" content="{{ a.iso }}">
<script type="application/ld+json">{{ a.jsonld|safe }}</script>
<link rel="stylesheet" href="https://{{ e.host }}/static/css/app.css?v=2026.11">
</head>
<body>
<header class="header">
  <div class="header__top">
    <a class="logo" href="https://{{ e.host }}/"><img src="https://{{ e.host }}/static/img/logo.svg" alt="Zakon.kz"></a>
    <div class="header__currency">{% for cur, val in fx %}<span class="currency__item">{{ cur }} <b>{{ val }}</b></span> {% endfor %}</div>
    <div class="header__weather">{{ e.weather }}</div>
    <div class="header__lang"><a href="https://www.zakon.kz/">РУС</a> <a href="https://kaz.zakon.kz/">ҚАЗ</a></div>
  </div>
  <nav class="header__menu">{% for slug, name in e.menu %}<a href="/{{ slug }}/">{{ name }}</a> {% endfor %}</nav>
</header>
<main class="main">
<div class="article">
  <div class="article__block">
    <div class="article__header">
      <div class="breadcrumbs"><a href="/">{{ e.site }}</a> / <a href="/{{ a.rubric }}/">{{ a.rubric_name }}</a></div>
      <h1>{{ a.title }}</h1>
      <div class="article__info"><div class="date">{{ a.display_date }}</div> <a class="author" href="/authors/{{ a.author_slug }}/">{{ a.author }}</a> <span class="views">{{ a.views }}</span></div>
    </div>
    <div class="description">{{ a.lead }}</div>
    <div class="article__image"><img src="{{ a.image }}" alt="{{ a.title }}"><div class="img_author">{{ a.photo }}</div></div>
    <div class="content">
{% for p in a.paragraphs %}      <p>{{ p }}</p>
{% endfor %}    </div>
    <div class="willShare"><span>{{ e.share }}</span> <a href="https://t.me/share/url?url={{ a.url }}">Telegram</a> <a href="https://wa.me/?text={{ a.url }}">WhatsApp</a> <a href="https://vk.com/share.php?url={{ a.url }}">VK</a></div>
    <div class="google-news-follow"><a href="https://news.google.com/publications/zakon">{{ e.google }}</a></div>
    <div class="telegram-follow"><a href="https://t.me/zakonkz">{{ e.telegram }}</a></div>
    <div class="tags newsTags"><span>{{ e.tags }}:</span> <a href="/tags/{{ a.rubric }}/">{{ a.rubric_name }}</a></div>
    <div class="article__error">{{ e.error }}</div>
  </div>
  <div class="readAlso">
    <div class="readAlso__title">{{ e.read_also }}</div>
{% for o in a.others %}    <div class="zmainCard_item"><a href="/{{ o.rubric }}/{{ o.id }}-{{ o.slug }}.html"><div class="title">{{ o.title }}</div></a><time datetime="{{ o.iso }}">{{ o.dmy }}</time></div>
{% endfor %}  </div>
</div>
</main>
<footer class="footer"><p>{{ e.rights }}</p></footer>
</body>
</html>
"""

CARD = """<div class="zmainCard_item"><a class="zmainCard_link" href="{{ a.path }}"><div class="zmainCard_img"><img src="{{ a.image }}" alt=""></div><div class="title">{{ a.title }}</div></a><div class="zmainCard_info"><time datetime="{{ a.iso }}">{{ a.dmy }}</time> <span class="rubric">{{ a.rubric_name }}</span></div></div>"""

NEWS_PAGE = """<!DOCTYPE html>
<html lang="{{ e.html_lang }}">
<head><meta charset="UTF-8"><title>{{ e.news_title }} - {{ e.site }}</title><link rel="canonical" href="https://{{ e.host }}/news/"></head>
<body>
<header class="header"><a class="logo" href="https://{{ e.host }}/">Zakon.kz</a></header>
<main class="main"><h1>{{ e.news_title }}</h1>
<div class="zmainCard" id="newsList">{{ cards|safe }}</div>
<button class="loadMore" data-url="/news/?handler=LoadMoreNews&amp;p=2&amp;type=list">Показать еще</button>
</main>
</body>
</html>
"""

env = Environment(autoescape=True, keep_trailing_newline=True)


class PlainDumper(yaml.SafeDumper):
    """No &anchors: site.yaml is read by people as well as by tests."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def dump_yaml(data: object) -> str:
    return yaml.dump(data, Dumper=PlainDumper, allow_unicode=True, sort_keys=False, width=200)


def translit(name: str) -> str:
    table = str.maketrans("абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі",
                          "abvgdeejziiklmnoprstufhccss_y_euaagqnouuhi")
    return "-".join(name.lower().translate(table).split())


def load_articles() -> list[dict]:
    articles = yaml.safe_load((HERE / "_articles.yaml").read_text(encoding="utf-8"))
    for a in articles:
        e = EDITIONS[a["lang"]]
        dt = datetime.fromisoformat(str(a["time"])).replace(tzinfo=ALMATY)
        path = f"/{a['rubric']}/{a['id']}-{a['slug']}.html"
        a.update(
            dt=dt, iso=dt.isoformat(), dmy=f"{dt:%d.%m.%Y}", host=e["host"], path=path,
            url=f"https://{e['host']}{path}", file=f"pages/{a['id']}.html",
            paragraphs=[p.strip() for p in a["body"].strip().split("\n\n")],
            rubric_name=e["rubrics"][a["rubric"]], author_slug=translit(a["author"]),
            display_date=f"{dt.day} {MONTHS[a['lang']][dt.month - 1]} {dt.year}, {dt:%H:%M}",
            image=f"https://www.zakon.kz/pbi/WEBP/{dt:%Y-%m-%d}/file-{a['id']}.webp",
            views=800 + a["id"] % 7000, archive=bool(a.get("archive")),
        )
        a["jsonld"] = json.dumps({
            "@context": "https://schema.org", "@type": "NewsArticle",
            "mainEntityOfPage": {"@type": "WebPage", "@id": a["url"]}, "headline": a["title"],
            "description": a["lead"], "image": [a["image"]], "datePublished": a["iso"],
            "dateModified": a["iso"], "inLanguage": a["lang"],
            "author": {"@type": "Person", "name": a["author"], "url": f"https://{e['host']}/authors/{a['author_slug']}/"},
            "publisher": {"@type": "Organization", "name": "Zakon.kz",
                          "logo": {"@type": "ImageObject", "url": "https://www.zakon.kz/static/img/logo.png"}},
            "articleBody": "\n".join(a["paragraphs"]),
        }, ensure_ascii=False).replace("</", "<\\/")
    return articles


def urlset(entries: list[dict], news: bool) -> str:
    ns = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
    if news:
        ns += ' xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"'
    rows = []
    for a in entries:
        row = f"  <url>\n    <loc>{escape(a['url'])}</loc>\n    <lastmod>{a['iso']}</lastmod>\n"
        if news:
            row += ("    <news:news>\n      <news:publication><news:name>Zakon.kz</news:name>"
                    f"<news:language>{a['lang']}</news:language></news:publication>\n"
                    f"      <news:publication_date>{a['iso']}</news:publication_date>\n"
                    f"      <news:title>{escape(a['title'])}</news:title>\n    </news:news>\n")
        rows.append(row + "  </url>\n")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset {ns}>\n' + "".join(rows) + "</urlset>\n"


def sitemapindex(entries: list[tuple[str, str]]) -> str:
    rows = "".join(f"  <sitemap>\n    <loc>{escape(u)}</loc>\n    <lastmod>{m}</lastmod>\n  </sitemap>\n"
                   for u, m in entries)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + rows + "</sitemapindex>\n")


def write(host: str, rel: str, text: str) -> None:
    path = SNAPSHOT / host / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def build_edition(lang: str, articles: list[dict]) -> None:
    e = EDITIONS[lang]
    host, base = e["host"], f"https://{e['host']}"
    items = sorted([a for a in articles if a["lang"] == lang], key=lambda a: a["dt"], reverse=True)
    live = [a for a in items if not a["archive"]]
    old = [a for a in items if a["archive"]]
    routes: list[dict] = [{"path": "/robots.txt", "file": "robots.txt", "type": "text/plain; charset=UTF-8"}]
    truth = []
    page_tpl = env.from_string(PAGE)
    for a in items:
        a["others"] = [o for o in items if o is not a][:4]
        write(host, a["file"], page_tpl.render(a=a, e=e, fx=FX))
        routes.append({"path": a["path"], "file": a["file"], "last_modified": a["dt"]})
        words = a["paragraphs"][1].split()
        truth.append({
            "url": a["url"], "title": a["title"], "published": a["dt"].date(), "language": lang,
            "industrial": bool(a["industrial"]), **({"archive": True} if a["archive"] else {}),
            "body_contains": " ".join(words[:7]),
            "boilerplate": [e["share"], e["google"], e["telegram"], e["error"], e["rights"], e["weather"], a["photo"]],
        })

    # LoadMoreNews: JSON whose "html" holds the cards; page 1 is the week, page 2 the archive,
    # page 3 says there is nothing more.
    card = env.from_string(CARD)
    pages = [live, old, []]
    for n, group in enumerate(pages, start=1):
        body = {"success": True, "page": n, "hasMore": n < len(pages) - 1,
                "html": "".join(card.render(a=a) for a in group)}
        rel = f"news/load-more-{n}.json"
        write(host, rel, json.dumps(body, ensure_ascii=False, indent=1) + "\n")
        routes.append({"path": LOAD_MORE.format(n=n), "file": rel, "type": "application/json; charset=utf-8",
                       **({"last_modified": group[0]["dt"]} if group else {})})
    write(host, "news/index.html", env.from_string(NEWS_PAGE).render(
        e=e, cards="".join(card.render(a=a) for a in live)))
    routes.append({"path": "/news/", "file": "news/index.html", "last_modified": live[0]["dt"]})

    # Sitemap index: a Google News map for the week, monthly maps for older news.
    children = []
    months: dict[str, list[dict]] = {}
    for a in old:
        months.setdefault(f"{a['dt']:%Y-%m}", []).append(a)
    maps = [("sitemap/news.xml", live, True)] + [(f"sitemap/{m}.xml", g, False) for m, g in sorted(months.items(), reverse=True)]
    for rel, group, news in maps:
        write(host, rel, urlset(group, news))
        last = max(a["dt"] for a in group)
        children.append((f"{base}/{rel}", last.isoformat()))
        routes.append({"path": f"/{rel}", "file": rel, "type": "application/xml", "last_modified": last})
    write(host, "sitemap.xml", sitemapindex(children))
    routes.append({"path": "/sitemap.xml", "file": "sitemap.xml", "type": "application/xml", "last_modified": live[0]["dt"]})
    write(host, "robots.txt", "User-agent: *\nDisallow: /admin/\nDisallow: /search/\nDisallow: /pbf/\n\n"
          f"Sitemap: {base}/sitemap.xml\n")

    header = "# Generated by www.zakon.kz/_build.py from www.zakon.kz/_articles.yaml: edit those, then rerun.\n"
    write(host, "site.yaml", header + dump_yaml({"routes": routes, "articles": truth}))
    sources = [{
        "id": e["source_id"], "name": f"Zakon.kz ({lang})", "languages": [lang], "feeds": [],
        "sitemaps": [f"{base}/sitemap.xml"],
        "listings": [{"url": base + LOAD_MORE.format(n=1), "next_page": base + LOAD_MORE, "max_pages": 3}],
        "article_pattern": "^https://" + host.replace(".", r"\.") + r"/(?!pbf/|special/|amp/|authors/|tags/)[a-z0-9-]+/\d{7}-[a-z0-9-]+\.html$",
        "api": None, "enabled": True,
    }]
    write(host, "source.yaml", header + dump_yaml(sources))


def build() -> None:
    articles = load_articles()
    for lang in EDITIONS:
        build_edition(lang, articles)


if __name__ == "__main__":
    build()
