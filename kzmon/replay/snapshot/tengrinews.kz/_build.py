"""Render the tengrinews.kz replicas (tengrinews.kz, en.tengrinews.kz, kaz.tengrinews.kz).

Why one generator for three hosts: the three editions share one CMS, so their pages, paged
listings, sitemap indexes and the ru RSS must carry the same chrome and agree with the
site.yaml ground truth. Run once: `python _build.py`; commit the output.
"""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

import yaml
from jinja2 import Environment

HERE = Path(__file__).resolve().parent
SNAPSHOT = HERE.parent
ALMATY = timezone(timedelta(hours=5))
LISTING_PAGE_SIZE = 8  # the ru listing: page 1 holds the week, page 2 the older news

MONTHS = {
    "ru": ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
           "сентября", "октября", "ноября", "декабря"],
    "kk": ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз",
           "қыркүйек", "қазан", "қараша", "желтоқсан"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
}

# Per-edition chrome: everything below is boilerplate that extraction must drop.
EDITIONS = {
    "ru": {
        "host": "tengrinews.kz", "html_lang": "ru", "site": "Tengrinews.kz",
        "sitemap_index": "sitemap-index.xml", "sitemap_prefix": "sitemap",
        "menu": [("kazakhstan_news", "Казахстан"), ("world_news", "Мир"), ("sport", "Спорт"),
                 ("tech", "Технологии"), ("show", "Шоу"), ("money", "Деньги")],
        "rubrics": {"kazakhstan_news": "Казахстан", "world_news": "Мир", "sport": "Спорт"},
        "whatsapp": "Наши новости теперь в WhatsApp!", "subscribe": "Подписаться",
        "google": "Читайте Tengrinews.kz в Google News", "comments": "Комментарии",
        "comment_rules": "Чтобы оставить комментарий, войдите через социальные сети",
        "tags": "Теги", "latest": "Последние новости",
        "rights": "Все права защищены. Любое использование материалов допускается только при наличии гиперссылки на Tengrinews.kz",
        "ad": "Реклама", "fx": [("USD", "472.35"), ("EUR", "548.10"), ("RUB", "5.84")],
        "comment_samples": ["Хорошая новость, лишь бы довели до конца.", "А зарплаты там какие будут?"],
    },
    "en": {
        "host": "en.tengrinews.kz", "html_lang": "en", "site": "Tengrinews.kz English",
        "sitemap_index": "en-sitemap-index.xml", "sitemap_prefix": "en-sitemap",
        "menu": [("kazakhstan_news", "Kazakhstan"), ("world_news", "World"), ("sport", "Sport"),
                 ("business", "Business"), ("tech", "Tech")],
        "rubrics": {"kazakhstan_news": "Kazakhstan", "world_news": "World", "sport": "Sport"},
        "whatsapp": "Follow Tengrinews English on WhatsApp!", "subscribe": "Subscribe",
        "google": "Read Tengrinews.kz in Google News", "comments": "Comments",
        "comment_rules": "Log in with a social network account to comment",
        "tags": "Tags", "latest": "Latest news",
        "rights": "All rights reserved. Any use of materials is allowed only with a hyperlink to Tengrinews.kz",
        "ad": "Advertisement", "fx": [("USD", "472.35"), ("EUR", "548.10"), ("RUB", "5.84")],
        "comment_samples": ["Good news for the region.", "How many of these jobs will go to locals?"],
    },
    "kk": {
        "host": "kaz.tengrinews.kz", "html_lang": "kk", "site": "Tengrinews.kz қазақша",
        "sitemap_index": "kk-sitemap-index.xml", "sitemap_prefix": "kk-sitemap",
        "menu": [("kazakhstan_news", "Қазақстан"), ("world_news", "Әлем"), ("sport", "Спорт"),
                 ("tech", "Технология"), ("show", "Шоу")],
        "rubrics": {"kazakhstan_news": "Қазақстан", "world_news": "Әлем", "sport": "Спорт"},
        "whatsapp": "Жаңалықтарымыз енді WhatsApp-та!", "subscribe": "Жазылу",
        "google": "Tengrinews.kz-ті Google News-тен оқыңыз", "comments": "Пікірлер",
        "comment_rules": "Пікір қалдыру үшін әлеуметтік желі арқылы кіріңіз",
        "tags": "Тегтер", "latest": "Соңғы жаңалықтар",
        "rights": "Барлық құқықтар қорғалған. Материалдарды Tengrinews.kz сайтына гиперсілтемемен ғана пайдалануға болады",
        "ad": "Жарнама", "fx": [("USD", "472.35"), ("EUR", "548.10"), ("RUB", "5.84")],
        "comment_samples": ["Жақсы жаңалық, тек уақытында бітсе екен.", "Жалақысы қанша болады?"],
    },
}

PAGE = """<!DOCTYPE html>
<html lang="{{ e.html_lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{{ a.title }} - {{ e.site }}</title>
<meta name="description" content="{{ a.lead }}">
<link rel="canonical" href="{{ a.url }}">
<link rel="amphtml" href="{{ a.amp_url }}">
<meta property="og:type" content="article">
<meta property="og:site_name" content="{{ e.site }}">
<meta property="og:title" content="{{ a.title }}">
<meta property="og:description" content="{{ a.lead }}">
<meta property="og:url" content="{{ a.url }}">
<meta property="og:image" content="{{ a.image }}">
<meta property="article:published_time" content="{{ a.iso }}">
<meta property="article:section" content="{{ a.rubric_name }}">
<meta name="twitter:card" content="summary_large_image">
<link rel="alternate" type="application/rss+xml" title="Tengrinews.kz" href="https://tengrinews.kz/news.rss">
<link rel="stylesheet" href="https://{{ e.host }}/static/css/tn.min.css?v=3.18">
<script>var newsId = {{ a.id }}; var newsLang = "{{ a.lang }}";</script>
</head>
<body>
<div class="tn-header">
  <div class="tn-header-top">
    <a class="tn-logo" href="https://{{ e.host }}/"><img src="https://{{ e.host }}/static/img/logo.svg" alt="Tengrinews.kz"></a>
    <ul class="tn-currency">{% for cur, val in e.fx %}<li><span>{{ cur }}</span> <b>{{ val }}</b></li>{% endfor %}</ul>
    <div class="tn-lang"><a href="https://tengrinews.kz/">Рус</a> <a href="https://kaz.tengrinews.kz/">Қаз</a> <a href="https://en.tengrinews.kz/">Eng</a></div>
  </div>
  <nav class="tn-menu"><ul>{% for slug, name in e.menu %}<li><a href="https://{{ e.host }}/{{ slug }}/">{{ name }}</a></li>{% endfor %}</ul></nav>
</div>
<div class="content">
<div class="content_main">
  <div class="content_main_inner">
    <div class="content_main_rubric"><a href="https://{{ e.host }}/{{ a.rubric }}/">{{ a.rubric_name }}</a></div>
    <h1 class="content_main_title">{{ a.title }}</h1>
    <div class="content_main_meta"><span class="date">{{ a.display_date }}</span> <span class="content_main_meta_views">{{ a.views }}</span></div>
    <div class="content_main_thumb"><picture><img src="{{ a.image }}" alt="{{ a.title }}"></picture><span class="content_main_thumb_alt">{{ a.photo }}</span></div>
    <div class="content_main_desc"><p>{{ a.lead }}</p></div>
    <div class="content_main_text" id="content">
{% for p in a.paragraphs %}      <p>{{ p }}</p>
{% endfor %}    </div>
    <div class="content_main_text_tags"><span>{{ e.tags }}:</span> {% for t in a.tags %}<a href="https://{{ e.host }}/tag/{{ t }}/">{{ t }}</a> {% endfor %}</div>
    <div class="tn-messenger-banner"><p class="tn-messenger-banner-title">{{ e.whatsapp }}</p><a class="tn-messenger-banner-btn" href="https://whatsapp.com/channel/tengrinews">{{ e.subscribe }}</a></div>
    <div class="tn-google-news"><a href="https://news.google.com/publications/tengrinews">{{ e.google }}</a></div>
    <div class="tn-share"><a class="tn-share-tg" href="https://t.me/share/url?url={{ a.url }}">Telegram</a> <a class="tn-share-wa" href="https://wa.me/?text={{ a.url }}">WhatsApp</a> <a class="tn-share-fb" href="https://facebook.com/sharer.php?u={{ a.url }}">Facebook</a></div>
  </div>
  <div id="comm" class="comments">
    <div class="comments-title">{{ e.comments }} <span>{{ a.comment_samples|length }}</span></div>
    <p class="comments-rules">{{ e.comment_rules }}</p>
{% for c in a.comment_samples %}    <div class="comment-item"><span class="comment-item-name">user{{ loop.index }}{{ a.id % 97 }}</span><p class="comment-item-text">{{ c }}</p></div>
{% endfor %}  </div>
</div>
<div class="content_side">
  <div class="tn-ad">{{ e.ad }}</div>
  <div class="tn-side-news"><div class="tn-side-news-title">{{ e.latest }}</div>
{% for o in a.others %}    <div class="tn-side-news-item"><a href="{{ o.url }}"><span>{{ o.title }}</span></a><time>{{ o.hm }}</time></div>
{% endfor %}  </div>
</div>
</div>
<footer class="tn-footer">
  <p>{{ e.rights }}</p>
  <p>&copy; 2009-2026 Tengrinews.kz</p>
</footer>
</body>
</html>
"""

LISTING = """<!DOCTYPE html>
<html lang="ru">
<head>
<meta charset="utf-8">
<title>Новости Казахстана{% if n > 1 %} - страница {{ n }}{% endif %} - Tengrinews.kz</title>
<link rel="canonical" href="{{ canonical }}">
{% if prev %}<link rel="prev" href="{{ prev }}">{% endif %}{% if next %}<link rel="next" href="{{ next }}">{% endif %}
</head>
<body>
<div class="tn-header"><a class="tn-logo" href="https://tengrinews.kz/">Tengrinews.kz</a></div>
<main class="tn-content">
<h1 class="tn-page-title">Новости Казахстана</h1>
<div class="tn-list">
{% for a in items %}  <div class="tn-article-item">
    <a href="{{ a.path }}" class="tn-link">
      <div class="tn-image-container"><img src="{{ a.image }}" alt=""></div>
      <span class="tn-article-title">{{ a.title }}</span>
    </a>
    <div class="tn-data-list"><time datetime="{{ a.iso }}">{{ a.display_date }}</time> <span class="tn-visited">{{ a.views }}</span></div>
  </div>
{% endfor %}</div>
<div class="tn-pagination">{% if prev %}<a class="tn-pagination-prev" href="{{ prev_path }}">&larr;</a>{% endif %} <span class="active">{{ n }}</span> {% if next %}<a class="tn-pagination-next" href="{{ next_path }}">{{ n + 1 }}</a>{% endif %}</div>
</main>
</body>
</html>
"""

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>Tengrinews.kz - Новости Казахстана и мира</title>
<link>https://tengrinews.kz/</link>
<description>Последние новости Казахстана и мира на Tengrinews.kz</description>
<language>ru</language>
<atom:link href="https://tengrinews.kz/news.rss" rel="self" type="application/rss+xml"/>
<lastBuildDate>{{ build }}</lastBuildDate>
{% for a in items %}<item>
<title>{{ a.title|e }}</title>
<link>{{ a.url }}</link>
<guid>{{ a.url }}</guid>
<description>{{ a.lead|e }}</description>
<category>{{ a.rubric_name }}</category>
<enclosure url="{{ a.image }}" type="image/jpeg" length="0"/>
<pubDate>{{ a.rfc822 }}</pubDate>
</item>
{% endfor %}</channel>
</rss>
"""

env = Environment(autoescape=True, keep_trailing_newline=True)
raw_env = Environment(autoescape=False, keep_trailing_newline=True)


class PlainDumper(yaml.SafeDumper):
    """No &anchors: site.yaml is read by people as well as by tests."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def dump_yaml(data: object) -> str:
    return yaml.dump(data, Dumper=PlainDumper, allow_unicode=True, sort_keys=False, width=200)


def display_date(dt: datetime, lang: str) -> str:
    if lang == "en":
        return f"{MONTHS['en'][dt.month - 1]} {dt.day}, {dt.year} {dt:%H:%M}"
    return f"{dt.day:02d} {MONTHS[lang][dt.month - 1]} {dt.year} {dt:%H:%M}"


def load_articles() -> list[dict]:
    articles = yaml.safe_load((HERE / "_articles.yaml").read_text(encoding="utf-8"))
    for a in articles:
        e = EDITIONS[a["lang"]]
        dt = datetime.fromisoformat(str(a["time"])).replace(tzinfo=ALMATY)
        path = f"/{a['rubric']}/{a['slug']}-{a['id']}/"
        paragraphs = [p.strip() for p in a["body"].strip().split("\n\n")]
        a.update(
            dt=dt, iso=dt.isoformat(), rfc822=format_datetime(dt), hm=f"{dt:%H:%M}",
            host=e["host"], path=path, url=f"https://{e['host']}{path}",
            amp_url=f"https://{e['host']}/amp{path}",
            file=f"pages/{a['rubric']}-{a['id']}.html", paragraphs=paragraphs,
            lead=paragraphs[0].split(". ")[0].rstrip(".") + ".",
            rubric_name=e["rubrics"][a["rubric"]], display_date=display_date(dt, a["lang"]),
            image=f"https://{e['host']}/userdata/news/{dt.year}/news_{a['id']}/thumb_m/photo_1.jpeg",
            views=1200 + a["id"] % 9000, archive=bool(a.get("archive")),
            comment_samples=e["comment_samples"],
        )
    return articles


def urlset(entries: list[tuple[str, str | None]], news: list[dict] | None = None) -> str:
    ns = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
    if news is not None:
        ns += ' xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"'
    rows = []
    for i, (loc, lastmod) in enumerate(entries):
        row = f"  <url>\n    <loc>{escape(loc)}</loc>\n"
        if lastmod:
            row += f"    <lastmod>{lastmod}</lastmod>\n"
        if news is not None:
            a = news[i]
            row += ("    <news:news>\n      <news:publication><news:name>Tengrinews.kz</news:name>"
                    f"<news:language>{a['lang']}</news:language></news:publication>\n"
                    f"      <news:publication_date>{a['iso']}</news:publication_date>\n"
                    f"      <news:title>{escape(a['title'])}</news:title>\n    </news:news>\n")
        rows.append(row + "  </url>\n")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset {ns}>\n' + "".join(rows) + "</urlset>\n"


def sitemapindex(entries: list[tuple[str, str | None]]) -> str:
    rows = "".join(f"  <sitemap>\n    <loc>{escape(u)}</loc>\n" + (f"    <lastmod>{m}</lastmod>\n" if m else "")
                   + "  </sitemap>\n" for u, m in entries)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + rows + "</sitemapindex>\n")


def write(host: str, rel: str, text: str) -> None:
    path = SNAPSHOT / host / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def truth_of(a: dict, e: dict) -> dict:
    words = a["paragraphs"][1].split()
    return {
        "url": a["url"], "title": a["title"], "published": a["dt"].date(), "language": a["lang"],
        "industrial": bool(a["industrial"]), **({"archive": True} if a["archive"] else {}),
        "body_contains": " ".join(words[1:8]),
        "boilerplate": [e["whatsapp"], e["subscribe"], e["google"], e["comment_rules"], e["rights"],
                        *e["comment_samples"][:1]],
    }


def build_edition(lang: str, articles: list[dict]) -> None:
    e = EDITIONS[lang]
    host = e["host"]
    items = sorted([a for a in articles if a["lang"] == lang], key=lambda a: a["dt"], reverse=True)
    live = [a for a in items if not a["archive"]]
    old = [a for a in items if a["archive"]]
    page_tpl = env.from_string(PAGE)
    routes: list[dict] = [{"path": "/robots.txt", "file": "robots.txt", "type": "text/plain; charset=UTF-8"}]
    truth = []
    for a in items:
        a["others"] = [o for o in items if o is not a][:5]
        a["tags"] = [a["rubric_name"].lower()]
        write(host, a["file"], page_tpl.render(a=a, e=e))
        routes.append({"path": a["path"], "file": a["file"], "last_modified": a["dt"]})
        truth.append(truth_of(a, e))

    # Sitemap index: news children (with <lastmod>) for this week and for the archive,
    # plus a rubric map without <lastmod>, as the real index mixes both kinds.
    base = f"https://{host}"
    pre = e["sitemap_prefix"]
    children: list[tuple[str, str | None]] = []
    maps = [(f"{pre}-news-1.xml", live)] + ([(f"{pre}-news-2026-10.xml", old)] if old else [])
    for rel, group in maps:
        write(host, rel, urlset([(a["url"], a["iso"]) for a in group], news=group if group is live else None))
        last = max(a["dt"] for a in group)
        children.append((f"{base}/{rel}", last.isoformat()))
        routes.append({"path": f"/{rel}", "file": rel, "type": "application/xml", "last_modified": last})
    rel = f"{pre}-rubrics.xml"
    write(host, rel, urlset([(f"{base}/{slug}/", None) for slug, _ in e["menu"]]))
    children.append((f"{base}/{rel}", None))
    routes.append({"path": f"/{rel}", "file": rel, "type": "application/xml"})
    write(host, e["sitemap_index"], sitemapindex(children))
    routes.append({"path": f"/{e['sitemap_index']}", "file": e["sitemap_index"], "type": "application/xml",
                   "last_modified": live[0]["dt"]})
    write(host, "robots.txt", "User-agent: *\nDisallow: /admin/\nDisallow: /search/\n\n"
          f"Sitemap: {base}/{e['sitemap_index']}\n")

    sources = [{
        "id": f"tengrinews-{lang}", "name": f"Tengrinews.kz ({lang})", "languages": [lang],
        "feeds": [], "sitemaps": [f"{base}/{e['sitemap_index']}"], "listings": [],
        "article_pattern": "^https://" + host.replace(".", r"\.") + r"/(?!tag/|amp/)[a-z_]+/[a-z0-9-]+-\d{5,}/$",
        "api": None, "enabled": True,
    }]
    if lang == "ru":
        write(host, "news.rss", raw_env.from_string(RSS).render(items=live, build=live[0]["rfc822"]))
        routes.insert(1, {"path": "/news.rss", "file": "news.rss", "type": "application/rss+xml; charset=UTF-8",
                          "last_modified": live[0]["dt"]})
        routes[2:2] = build_listing(host, items)
        sources[0]["feeds"] = [f"{base}/news.rss"]
        sources[0]["listings"] = [{"url": f"{base}/kazakhstan_news/",
                                   "next_page": f"{base}/kazakhstan_news/page/{{n}}/", "max_pages": 3}]
    header = "# Generated by tengrinews.kz/_build.py from tengrinews.kz/_articles.yaml: edit those, then rerun.\n"
    write(host, "site.yaml", header + dump_yaml({"routes": routes, "articles": truth}))
    write(host, "source.yaml", header + dump_yaml(sources))


def build_listing(host: str, items: list[dict]) -> list[dict]:
    """Paged /kazakhstan_news/ listing: the week on page 1, the archive on page 2."""
    rubric = [a for a in items if a["rubric"] == "kazakhstan_news"]
    live = [a for a in rubric if not a["archive"]][:LISTING_PAGE_SIZE]
    pages = [live, [a for a in rubric if a not in live]]
    tpl = env.from_string(LISTING)
    routes = []
    for n, group in enumerate(pages, start=1):
        path = "/kazakhstan_news/" if n == 1 else f"/kazakhstan_news/page/{n}/"
        prev_path = None if n == 1 else ("/kazakhstan_news/" if n == 2 else f"/kazakhstan_news/page/{n - 1}/")
        next_path = f"/kazakhstan_news/page/{n + 1}/" if n < len(pages) else None
        rel = f"listing/kazakhstan_news-{n}.html"
        write(host, rel, tpl.render(items=group, n=n, canonical=f"https://{host}{path}",
                                    prev=prev_path and f"https://{host}{prev_path}", prev_path=prev_path,
                                    next=next_path and f"https://{host}{next_path}", next_path=next_path))
        routes.append({"path": path, "file": rel, "last_modified": group[0]["dt"]})
    routes.append({"path": "/kazakhstan_news/page/1/", "status": 301, "location": f"https://{host}/kazakhstan_news/"})
    return routes


def build() -> None:
    articles = load_articles()
    for lang in EDITIONS:
        build_edition(lang, articles)


if __name__ == "__main__":
    build()
