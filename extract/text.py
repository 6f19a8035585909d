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

from .dates import dated_tree, drop_copyright_lines
from .language import detect_language, language_code
from kzmon.extract.data_files import load_yaml

KZ_TIME = timezone(timedelta(hours=5))
MIN_TEXT_CHARS = 80


@lru_cache(maxsize=1)
def _noise() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """text_noise.yaml: single furniture lines, the headings of link blocks, and a block's items."""
    data = load_yaml((Path(__file__).parent / "data" / "text_noise.yaml").read_text(encoding="utf-8"))
    return tuple(re.compile("|".join(f"(?:{p})" for p in data[key]), re.IGNORECASE)
                 for key in ("line_patterns", "block_heads", "block_items"))


def clean_text(text: str) -> str:
    """Drop caption, 'read also' and subscription lines that survive main-text extraction, and the
    bulleted headlines of other articles under a "Лента новостей" heading (their plants and firms
    would join the article's records)."""
    noise, heads, items = _noise()
    kept, in_block = [], False
    for line in text.splitlines():
        stripped = line.strip()
        if heads.match(stripped):
            in_block = True
            continue
        if in_block and (not stripped or items.match(stripped)):
            continue
        in_block = False
        if not noise.match(stripped):
            kept.append(line)
    return "\n".join(kept).strip()


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


def _page_links(tree: lxml.html.HtmlElement, url: str | None) -> tuple[str | None, dict[str, str], str | None]:
    canonical = None
    for xpath in ('//link[@rel="canonical"]/@href', '//meta[@property="og:url"]/@content'):
        found = tree.xpath(xpath)
        if found and found[0].strip():
            canonical = urljoin(url or "", found[0].strip())
            break
    alternates: dict[str, str] = {}
    for link in tree.xpath('//link[@rel="alternate"][@hreflang][@href]'):
        lang = language_code(link.get("hreflang"))
        if lang:
            alternates.setdefault(lang, urljoin(url or "", link.get("href").strip()))
    html_lang = language_code((tree.xpath("/html/@lang") or [None])[0])
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

    # The page is parsed once, by trafilatura's own loader: links, metadata (only the title,
    # author and htmldate's date, not all of trafilatura's with_metadata), the text (trafilatura
    # works on a copy of the tree) and, last because it strips scripts from it, the date all read
    # this tree.
    try:
        tree = load_html(html)
    except (lxml.etree.ParserError, ValueError, TypeError):
        tree = None
    if tree is None:
        return None
    canonical, alternates, html_lang = _page_links(tree, url)
    if url is None:   # trafilatura then reads the page's own URL from its metadata, for the text too
        doc = trafilatura.bare_extraction(
            tree, url=url, include_comments=False, include_tables=True, with_metadata=True, favor_precision=True,
            date_extraction_params=HTMLDATE_PARAMS,
        )
        meta = doc
    else:
        meta = _metadata(tree, url)   # before the text: trafilatura's text extraction prunes its copy
        doc = _main_text(tree, url)
    if doc is None or not (doc.text or "").strip() or len(doc.text) < MIN_TEXT_CHARS:
        return None
    text = clean_text(doc.text)
    published, published_source = dated_tree(tree, url)   # reads no copyright line
    if published is None and meta.date:
        published = _htmldate_not_from_copyright(tree, url, meta.date)
        published_source = "htmldate"
    language = detect_language(text) or html_lang
    own = alternates.get(language or "")
    if own and canonical is None:
        canonical = own
    alternates = {lang: link for lang, link in alternates.items() if lang != language}
    return Page(
        title=_clean_title(meta.title),
        text=text,
        published=published,
        published_source=published_source if published else None,
        language=language,
        author=meta.author or None,
        canonical_url=canonical,
        alternates=alternates,
    )


# trafilatura's fallback extractors (readability, jusText) and the comparison with them cost a
# third of a page's text layer and change the text of few pages: on the 181 benchmark pages only
# pages where the main extractor alone found under ~500 characters (a cut-off body, a page the main
# extractor misreads), and there the comparison rescues the article (token F1 0.965 with it on
# every page, 0.946 without). So the main extractor runs alone, and a result this short is
# extracted again the full way. Measured on those pages (bench/bench_text.py): below 1,000
# characters, 21 pages extracted twice (0.29 s in all), F1 0.965; below 500, 8 pages (0.09 s),
# F1 0.969 (the fallbacks had made some 500-1,000-character texts worse); below 300, F1 0.964.
FULL_EXTRACTION_BELOW = 500   # characters


def _main_text(tree: lxml.html.HtmlElement, url: str):
    """trafilatura's text of the page: fast (its main extractor only), or the full way with its
    fallbacks when the fast text is short (see FULL_EXTRACTION_BELOW)."""
    import trafilatura

    options = dict(url=url, include_comments=False, include_tables=True, with_metadata=False, favor_precision=True)
    doc = trafilatura.bare_extraction(tree, fast=True, **options)
    if doc is None or len(doc.text or "") < FULL_EXTRACTION_BELOW:
        doc = trafilatura.bare_extraction(tree, **options)
    return doc


# htmldate's extensive search turns a footer's "© 2026" into 2026-01-01 and so dates old
# undated articles "new": only the page's explicit date signals count.
HTMLDATE_PARAMS = {"extensive_search": False, "original_date": True}


def _metadata(tree: lxml.html.HtmlElement, url: str):
    """The title, author (from metadata only) and date (htmldate's) that trafilatura's
    `with_metadata=True` gives, worked out as its extract_metadata does them (same functions,
    same order, same clean-up: Document.clean_and_trim), without what the page needs none of:
    site name, categories, tags, license, description. None of these steps changes the tree."""
    from trafilatura.metadata import examine_meta, extract_meta_json, extract_title, extract_url, find_date
    from trafilatura.settings import Document

    found = examine_meta(tree)
    if found.author and " " not in found.author:
        found.author = None
    try:
        found = extract_meta_json(tree, found)
    except Exception:  # noqa: BLE001 - trafilatura's own guard: bugs in its JSON-LD reader
        pass
    title = found.title or extract_title(tree)
    # The byline from the page's metadata only (meta tags, JSON-LD): trafilatura's search of the
    # visible page for one (extract_author) cost 4.5 ms on each page without it, for a field the
    # extractor, dedup and digest never read.
    author = found.author
    page_url = found.url or extract_url(tree, url)
    meta = Document(title=title, author=author,
                    date=find_date(tree, **HTMLDATE_PARAMS, url=page_url))
    meta.clean_and_trim()
    return meta


def _htmldate_not_from_copyright(tree: lxml.html.HtmlElement, url: str | None, found: str) -> datetime | None:
    """htmldate's date (trafilatura's, `found`) unless it came from a copyright line: even its
    fast search reads "© Kazinform, 2026-01-01" in a footer as the date. Asked again on the page
    without its copyright lines, only when the page had any (the fallback path, so the common
    page pays nothing)."""
    if drop_copyright_lines(tree):
        from htmldate import find_date

        found = find_date(tree, url=url, extensive_search=False, original_date=True) or ""
    try:
        return datetime.combine(date.fromisoformat(found[:10]), time(), KZ_TIME)
    except ValueError:
        return None


def page_from_api_item(title: str, body_html: str, published: datetime | None, language: str | None, url: str) -> Page | None:
    """A page built from an API item (gov.kz): the body is HTML without a site around it.

    The language is read from the text; the language the item was requested in is only the
    fallback: gov.kz answers `lang=ru` with the English item when there is no Russian one, and
    that item is English (storage keeps it once, storage.articles.same_edition)."""
    import trafilatura

    html = f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>{body_html}</article></body></html>"
    doc = trafilatura.bare_extraction(html, url=url, include_comments=False, with_metadata=False)
    text = (doc.text if doc else "") or lxml.html.fromstring(f"<div>{body_html}</div>").text_content()
    text = text.strip()
    if not text:
        return None
    return Page(title=_clean_title(title), text=text, published=published,
                published_source="api" if published else None,
                language=detect_language(f"{title}\n{text}") or language_code(language), canonical_url=url)
