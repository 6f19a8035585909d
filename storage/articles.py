"""Articles and their announcements: the writes the crawl pipeline makes, and re-extraction.

Each article is written with its announcements, URL aliases and language links in one
transaction, so a crash never leaves an article without its records.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

import sqlite_utils

from . import dedup

ANNOUNCEMENT_FIELDS = (
    "kind", "title", "status", "sector", "regions", "companies", "project_count", "investment_kzt",
    "investment_usd", "jobs", "area_m2", "capacity", "period", "evidence",
)


@dataclass
class ArticleRecord:
    """What the pipeline hands to storage: plain values, no Scrapy objects."""

    source_id: str
    url: str
    canonical_url: str
    text: str
    html: str | bytes = b""
    title: str | None = None
    published: str | None = None
    language: str | None = None
    author: str | None = None
    stem: str | None = None
    aliases: Sequence[str] = ()
    alternates: dict[str, str] = field(default_factory=dict)
    announcements: Sequence[dict[str, Any]] = ()
    fetched_at: str = field(default_factory=lambda: datetime.now(timezone.utc).isoformat(timespec="seconds"))


def text_hash(text: str) -> str:
    """Hash of the text with case, punctuation, spacing and ё/е folded: reprints collide."""
    folded = unicodedata.normalize("NFKC", text).lower().replace("ё", "е")
    folded = re.sub(r"[\W_]+", " ", folded).strip()
    return hashlib.sha1(folded.encode("utf-8")).hexdigest()


def known_urls(db: sqlite_utils.Database, canonical_urls: Iterable[str]) -> set[str]:
    """Which of these canonical URLs are stored already (under any alias)."""
    urls = list(dict.fromkeys(canonical_urls))
    found: set[str] = set()
    for start in range(0, len(urls), 500):
        chunk = urls[start:start + 500]
        marks = ",".join("?" * len(chunk))
        found.update(r[0] for r in db.execute(f"SELECT url FROM article_urls WHERE url IN ({marks})", chunk))
    return found


def _announcement_row(article_id: int, position: int, record: dict[str, Any]) -> dict[str, Any]:
    row: dict[str, Any] = {"article_id": article_id, "position": position}
    for key in ANNOUNCEMENT_FIELDS:
        value = record.get(key)
        row[key] = json.dumps(value, ensure_ascii=False) if key in ("regions", "companies") else value
    return row


def write_announcements(db: sqlite_utils.Database, article_id: int, records: Sequence[dict[str, Any]]) -> list[int]:
    """Replace an article's announcements (caller holds the transaction)."""
    db.execute("DELETE FROM announcements WHERE article_id = ?", [article_id])
    ids = []
    for position, record in enumerate(records):
        ids.append(db["announcements"].insert(_announcement_row(article_id, position, record)).last_pk)
    return ids


def _run_dedup(db: sqlite_utils.Database, article_id: int) -> None:
    dedup.assign_story(db, article_id)
    dedup.link_projects(db, article_id)


def store_article(db: sqlite_utils.Database, article: ArticleRecord) -> int | None:
    """Insert one article with everything attached; None when its URL is known already."""
    urls = list(dict.fromkeys([article.canonical_url, *article.aliases]))
    with db.conn:
        if known_urls(db, urls):
            return None
        html = article.html.encode("utf-8") if isinstance(article.html, str) else article.html
        article_id = db["articles"].insert({
            "url": article.url,
            "canonical_url": article.canonical_url,
            "source_id": article.source_id,
            "title": article.title,
            "published": article.published,
            "language": article.language,
            "author": article.author,
            "text": article.text,
            "stem": article.stem,
            "html_gz": gzip.compress(html, mtime=0) if html else None,
            "content_hash": text_hash(article.text),
            "fetched_at": article.fetched_at,
        }).last_pk
        db["article_urls"].insert_all(({"url": u, "article_id": article_id} for u in urls), ignore=True)
        # Stored: these URLs leave the crawl frontier in the same transaction.
        db.execute(f"DELETE FROM fetch_state WHERE kind = 'article' AND url IN ({','.join('?' * len(urls))})", urls)
        db["article_links"].insert_all(
            ({"article_id": article_id, "other_url": u, "language": lang} for lang, u in article.alternates.items()),
            ignore=True,
        )
        write_announcements(db, article_id, article.announcements)
        _run_dedup(db, article_id)
    return article_id


def article_html(db: sqlite_utils.Database, article_id: int) -> str:
    blob = db.execute("SELECT html_gz FROM articles WHERE id = ?", [article_id]).fetchone()[0]
    return gzip.decompress(blob).decode("utf-8", "replace") if blob else ""


def replace_announcements(db: sqlite_utils.Database, article_id: int, records: Sequence[dict[str, Any]]) -> None:
    """Atomically swap an article's records (re-extraction after the extractor improved)."""
    with db.conn:
        write_announcements(db, article_id, records)
        dedup.link_projects(db, article_id)


def select_articles(db: sqlite_utils.Database, source_id: str | None = None, since: str | None = None) -> list[dict[str, Any]]:
    where, params = [], []
    if source_id:
        where.append("source_id = ?")
        params.append(source_id)
    if since:
        where.append("published >= ?")
        params.append(since)
    sql = "SELECT id, source_id, title, published, language, text FROM articles"
    if where:
        sql += " WHERE " + " AND ".join(where)
    return [dict(zip(("id", "source_id", "title", "published", "language", "text"), row)) for row in db.execute(sql + " ORDER BY id", params)]


def decode_announcement(row: dict[str, Any]) -> dict[str, Any]:
    """A stored announcement row back in the record shape of docs/announcements.md."""
    out = {key: row.get(key) for key in ANNOUNCEMENT_FIELDS}
    for key in ("regions", "companies"):
        out[key] = json.loads(out[key]) if out[key] else []
    return out
