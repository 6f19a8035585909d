"""The text layer: an article page's HTML in, its clean text and metadata out.

trafilatura does the hard part (main-content detection, boilerplate and comment removal);
this module adds what a multi-language news monitor needs on top of it: the page's
canonical URL and language editions, a publication date from the best signal on the
page, and the language (en / ru / kk) read from the text itself, because Kazakh sites
often label Kazakh pages `lang="ru"`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from urllib.parse import urljoin

from functools import lru_cache
from pathlib import Path

import lxml.html
import yaml

from .dates import dated_tree
from .language import detect_language

KZ_TIME = timezone(timedelta(hours=5))
LANG_CODES = {"en": "en", "ru": "ru", "kk": "kk", "kz": "kk", "qq": "kk"}
MIN_TEXT_CHARS = 80


@lru_cache(maxsize=1)
def _noise_lines() -> re.Pattern[str]:
    data = yaml.safe_load((Path(__file__).parent / "data" / "text_noise.yaml").read_text(encoding="utf-8"))
    return re.compile("|".join(f"(?:{p})" for p in data["line_patterns"]), re.IGNORECASE)


def clean_text(text: str) -> str:
    """Drop caption, 'read also' and subscription lines that survive main-text extraction."""
    noise = _noise_lines()
    return "\n".join(line for line in text.splitlines() if not noise.match(line.strip())).strip()


@dataclass
class Page:
    title: str | None
    text: str
    published: datetime | None = None
    published_source: str | None = None  # json-ld, meta, page-text, url, htmldate; feed or api when discovery gave it
    language: str | None = None
    author: str | None = None
    canonical_url: str | None = None
    alternates: dict[str, str] = field(default_factory=dict)


def _lang_code(value: str | None) -> str | None:
    if not value:
        return None
    return LANG_CODES.get(value.strip().lower().replace("_", "-").split("-")[0])


def _page_links(tree: lxml.html.HtmlElement, url: str | None) -> tuple[str | None, dict[str, str], str | None]:
    canonical = None
    for xpath in ('//link[@rel="canonical"]/@href', '//meta[@property="og:url"]/@content'):
        found = tree.xpath(xpath)
        if found and found[0].strip():
            canonical = urljoin(url or "", found[0].strip())
            break
    alternates: dict[str, str] = {}
    for link in tree.xpath('//link[@rel="alternate"][@hreflang][@href]'):
        lang = _lang_code(link.get("hreflang"))
        if lang:
            alternates.setdefault(lang, urljoin(url or "", link.get("href").strip()))
    html_lang = _lang_code((tree.xpath("/html/@lang") or [None])[0])
    return canonical, alternates, html_lang


def _clean_title(title: str | None) -> str | None:
    if not title:
        return None
    return re.sub(r"\s+", " ", title).strip() or None


def extract_page(html: str, url: str | None = None) -> Page | None:
    """Extract one article page; None when the page holds no article text."""
    if not html or not html.strip():
        return None
    import trafilatura  # imported late: processing workers need it, a quiet crawl does not
    from trafilatura.utils import load_html

    # The page is parsed once, by trafilatura's own loader: links, the text (trafilatura works on
    # a copy of the tree) and, last because it strips scripts from it, the date all read this tree.
    try:
        tree = load_html(html)
    except (lxml.etree.ParserError, ValueError, TypeError):
        tree = None
    if tree is None:
        return None
    canonical, alternates, html_lang = _page_links(tree, url)
    # htmldate's extensive search turns a footer's "© 2026" into 2026-01-01 and so dates old
    # undated articles "new": only the page's explicit date signals count.
    doc = trafilatura.bare_extraction(
        tree, url=url, include_comments=False, include_tables=True, with_metadata=True, favor_precision=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if doc is None or not (doc.text or "").strip() or len(doc.text) < MIN_TEXT_CHARS:
        return None
    text = clean_text(doc.text)
    published, published_source = dated_tree(tree, url)
    if published is None and doc.date:
        try:
            published = datetime.combine(date.fromisoformat(doc.date[:10]), time(), KZ_TIME)
            published_source = "htmldate"
        except ValueError:
            published = None
    language = detect_language(text) or html_lang
    own = alternates.get(language or "")
    if own and canonical is None:
        canonical = own
    alternates = {lang: link for lang, link in alternates.items() if lang != language}
    return Page(
        title=_clean_title(doc.title),
        text=text,
        published=published,
        published_source=published_source if published else None,
        language=language,
        author=doc.author or None,
        canonical_url=canonical,
        alternates=alternates,
    )


def page_from_api_item(title: str, body_html: str, published: datetime | None, language: str | None, url: str) -> Page | None:
    """A page built from an API item (gov.kz): the body is HTML without a site around it."""
    import trafilatura

    html = f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>{body_html}</article></body></html>"
    doc = trafilatura.bare_extraction(html, url=url, include_comments=False, with_metadata=False)
    text = (doc.text if doc else "") or lxml.html.fromstring(f"<div>{body_html}</div>").text_content()
    text = text.strip()
    if not text:
        return None
    return Page(title=_clean_title(title), text=text, published=published,
                language=language or detect_language(text), canonical_url=url)
