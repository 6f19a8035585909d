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
from urllib.parse import parse_qsl, urlsplit

import sqlite_utils

from . import dedup
from .dedup.projects import project_keys, refresh_project
from .dedup.records import load_article

MIN_WORDS_FOR_EDITION = 25  # "Фото: пресс-служба" is the same text on many pages of one site

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
    html_gz: bytes | None = None  # the page already gzip'd (the processing stage has the crawl's blob)
    dedup_work: dict[str, Any] | None = None  # storage.dedup.stories.text_work(), computed in a worker
    title: str | None = None
    published: str | None = None
    published_source: str | None = None  # where `published` came from (storage/dating.py)
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
        if key in ("investment_kzt", "investment_usd", "area_m2") and isinstance(value, float):
            value = round(value)  # money and areas in whole units (INTEGER columns)
        row[key] = json.dumps(value, ensure_ascii=False) if key in ("regions", "companies") else value
    return row


# Matching a re-extracted record to a stored one. An announcement keeps its id (and so its
# place in a mailed edition, its project and its outbox history) when the new record states the
# same thing: the same sentence, the same title, figures that agree. Scores are additive;
# a pair at or above MATCH_MIN_SCORE is one announcement, the best pairs first.
MATCH_MIN_SCORE = 2.5
_FIGURES = ("investment_kzt", "investment_usd", "jobs", "project_count", "area_m2")


def _words(value: Any) -> set[str]:
    text = unicodedata.normalize("NFKC", str(value or "")).lower().replace("ё", "е")
    return {w for w in re.findall(r"\w+", text) if len(w) >= 3 or w.isdigit()}


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _as_list(value: Any) -> list:
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            value = [value]
    return list(value) if isinstance(value, (list, tuple)) else ([] if value is None else [value])


def _number(value: Any) -> float | None:
    try:
        return None if value is None else float(value)
    except (TypeError, ValueError):
        return None


def _same_record(old: dict[str, Any], new: dict[str, Any]) -> bool:
    return _announcement_row(0, 0, old) == _announcement_row(0, 0, new)


def match_score(old: dict[str, Any], new: dict[str, Any]) -> float | None:
    """How surely two records of one article are one announcement; None when they cannot be."""
    if (old.get("kind") or None) != (new.get("kind") or None):
        return None
    if _same_record(old, new):
        return 100.0
    score = 0.0
    evidence_old, evidence_new = _words(old.get("evidence")), _words(new.get("evidence"))
    if evidence_old and evidence_old == evidence_new:
        score += 2.5
    elif _jaccard(evidence_old, evidence_new) >= 0.5:
        score += 1.5
    title_old, title_new = _words(old.get("title")), _words(new.get("title"))
    if title_old and title_old == title_new:
        score += 3.0
    elif title_old and title_new:
        overlap = _jaccard(title_old, title_new)
        score += 1.5 if overlap >= 0.5 else 0.5 if overlap >= 0.25 else -1.5 if not overlap else 0.0
    for key in _FIGURES:
        a, b = _number(old.get(key)), _number(new.get(key))
        if a is None or b is None:
            continue
        if a == b:
            score += 1.0
        elif abs(a - b) <= 0.3 * max(abs(a), abs(b)):
            score += 0.25  # a revised or better-read figure
        else:
            score -= 1.0
    for key in ("capacity", "period"):
        if old.get(key) and old.get(key) == new.get(key):
            score += 0.5
    for key, agree, differ in (("companies", 1.5, -0.5), ("regions", 0.5, -1.0)):
        a, b = set(map(str, _as_list(old.get(key)))), set(map(str, _as_list(new.get(key))))
        if a and b:
            score += agree if a & b else differ
    if old.get("sector") and new.get("sector"):
        score += 0.5 if old["sector"] == new["sector"] else -0.5
    return score


def match_records(old: Sequence[dict[str, Any]], new: Sequence[dict[str, Any]]) -> dict[int, int]:
    """{index in new: index in old} for the records that are the same announcement.

    Greedy on the best pairs (ties: nearer positions first), so a record the extractor newly
    finds in the middle of an article does not shift the identities of the records after it.
    """
    pairs = []
    for j, rec in enumerate(new):
        for i, stored in enumerate(old):
            score = match_score(stored, rec)
            if score is not None and score >= MATCH_MIN_SCORE:
                pairs.append((-score, abs(i - j), i, j))
    matched: dict[int, int] = {}
    used: set[int] = set()
    for _, _, i, j in sorted(pairs):
        if i not in used and j not in matched:
            matched[j] = i
            used.add(i)
    return matched


@dataclass
class AnnouncementChanges:
    """What write_announcements did: ids in record order, and what it changed or removed."""

    ids: list[int] = field(default_factory=list)
    inserted: list[int] = field(default_factory=list)
    updated: list[int] = field(default_factory=list)      # kept their id, content changed
    deleted: list[int] = field(default_factory=list)
    touched_projects: set[int] = field(default_factory=set)  # projects of updated or deleted records


def _stored_announcements(db: sqlite_utils.Database, article_id: int) -> list[dict[str, Any]]:
    cursor = db.execute(
        f"SELECT id, position, project_id, {', '.join(ANNOUNCEMENT_FIELDS)} FROM announcements "
        "WHERE article_id = ? ORDER BY position", [article_id])
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, row)) | decode_announcement(dict(zip(names, row))) for row in cursor.fetchall()]


def reconcile_announcements(db: sqlite_utils.Database, article_id: int,
                            records: Sequence[dict[str, Any]]) -> AnnouncementChanges:
    """Bring an article's stored announcements to `records`, keeping identities (caller holds
    the transaction).

    A stored record that matches a new one (match_records) is updated in place: same id, so
    the edition that claimed it (digest_items) and the project it belongs to stay. Only
    records that disappeared are deleted and only records newly found are inserted; those are
    what the next digest sees as new.
    """
    stored = _stored_announcements(db, article_id)
    matched = match_records(stored, records)
    changes = AnnouncementChanges()
    kept = set(matched.values())
    for i, row in enumerate(stored):
        if i not in kept:
            db.execute("DELETE FROM announcements WHERE id = ?", [row["id"]])
            changes.deleted.append(row["id"])
            if row["project_id"] is not None:
                changes.touched_projects.add(row["project_id"])
    # Positions are unique per article: park the kept rows out of the way before reordering.
    db.execute("UPDATE announcements SET position = -1 - position WHERE article_id = ?", [article_id])
    for position, record in enumerate(records):
        row = _announcement_row(article_id, position, record)
        if position in matched:
            old = stored[matched[position]]
            assignments = ", ".join(f"{key} = ?" for key in ("position", *ANNOUNCEMENT_FIELDS))
            db.execute(f"UPDATE announcements SET {assignments} WHERE id = ?",
                       [position, *(row[key] for key in ANNOUNCEMENT_FIELDS), old["id"]])
            changes.ids.append(old["id"])
            if not _same_record(old, record):
                changes.updated.append(old["id"])
                if old["project_id"] is not None:
                    changes.touched_projects.add(old["project_id"])
        else:
            new_id = db["announcements"].insert(row).last_pk
            changes.ids.append(new_id)
            changes.inserted.append(new_id)
    return changes


def write_announcements(db: sqlite_utils.Database, article_id: int, records: Sequence[dict[str, Any]]) -> list[int]:
    """Set an article's announcements to `records`, keeping the ids of those that match stored
    ones (caller holds the transaction); returns the ids in record order."""
    return reconcile_announcements(db, article_id, records).ids


def _run_dedup(db: sqlite_utils.Database, article_id: int, precomputed: dict[str, Any] | None = None) -> None:
    dedup.assign_story(db, article_id, precomputed)
    dedup.link_projects(db, article_id)


def _add_urls(db: sqlite_utils.Database, article_id: int, urls: Sequence[str]) -> None:
    """These URLs lead to the article; stored, they leave the crawl frontier (same transaction)."""
    db["article_urls"].insert_all(({"url": u, "article_id": article_id} for u in urls), ignore=True)
    db.execute(f"DELETE FROM fetch_state WHERE kind = 'article' AND url IN ({','.join('?' * len(urls))})", list(urls))


def _site(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.").removeprefix("m.")


def url_language(url: str) -> str | None:
    """The language a URL asks for: a `lang=` (or `language=`, `locale=`) parameter, else a path
    segment ("/ru/", "/kz/"); None when it names none."""
    from kzmon.extract.language import LANGUAGE_CODES, language_code

    parts = urlsplit(url)
    for key, value in parse_qsl(parts.query):
        if key.lower() in ("lang", "language", "locale", "hl"):
            return language_code(value)
    for segment in parts.path.lower().split("/"):
        if segment in LANGUAGE_CODES:
            return LANGUAGE_CODES[segment]
    return None


def _prefer_own_language_url(db: sqlite_utils.Database, article_id: int, edition: ArticleRecord) -> None:
    """An English item first received under `?lang=ru` (gov.kz's fallback) and then under
    `?lang=en` is shown under the URL that asks for its own language: readers and the digest
    link to the page in the language the article is written in."""
    row = db.execute("SELECT canonical_url, language FROM articles WHERE id = ?", [article_id]).fetchone()
    if row is None or not row[1]:
        return
    stored, language = row
    if url_language(stored) in (None, language) or url_language(edition.canonical_url) != language:
        return
    db.execute("UPDATE articles SET url = ?, canonical_url = ? WHERE id = ?",
               [edition.url or edition.canonical_url, edition.canonical_url, article_id])


def same_edition(db: sqlite_utils.Database, article: ArticleRecord, body_hash: str) -> int | None:
    """The stored article that is this very edition under another URL: the same body text
    (text_hash) on the same site. A site that serves one item under several language URLs
    (gov.kz answers lang=ru with the English text when there is no Russian one) would otherwise
    store it twice, once under the wrong language. Reprints on other sites stay articles of their
    own (story level 2 groups them). Bodies too short to tell an edition apart do not count."""
    if len(article.text.split()) < MIN_WORDS_FOR_EDITION:
        return None
    site = _site(article.canonical_url)
    for article_id, url in db.execute("SELECT id, canonical_url FROM articles WHERE content_hash = ? ORDER BY id",
                                      [body_hash]):
        if _site(url) == site:
            return article_id
    return None


def store_article(db: sqlite_utils.Database, article: ArticleRecord) -> int | None:
    """Insert one article with everything attached; None when its URL is known already, or when
    it is a stored edition under another URL (same_edition: its URLs become that one's aliases)."""
    urls = list(dict.fromkeys([article.canonical_url, *article.aliases]))
    body_hash = text_hash(article.text)
    with db.atomic():
        if known_urls(db, urls):
            return None
        twin = same_edition(db, article, body_hash)
        if twin is not None:
            _add_urls(db, twin, urls)
            _prefer_own_language_url(db, twin, article)
            return None
        html = article.html.encode("utf-8") if isinstance(article.html, str) else article.html
        article_id = db["articles"].insert({
            "url": article.url,
            "canonical_url": article.canonical_url,
            "source_id": article.source_id,
            "title": article.title,
            "published": article.published,
            "published_source": article.published_source if article.published else None,
            "language": article.language,
            "author": article.author,
            "text": article.text,
            "stem": article.stem,
            "html_gz": article.html_gz or (compress_html(html) if html else None),
            "content_hash": body_hash,
            "fetched_at": article.fetched_at,
        }).last_pk
        _add_urls(db, article_id, urls)
        db["article_links"].insert_all(
            ({"article_id": article_id, "other_url": u, "language": lang} for lang, u in article.alternates.items()),
            ignore=True,
        )
        write_announcements(db, article_id, article.announcements)
        _run_dedup(db, article_id, article.dedup_work)
    return article_id


# gzip level 4, measured on the 181 benchmark pages (bench/bench_pipeline.py prints it): 1.3 ms a
# page and 4.8x smaller, against level 9's 3.6 ms and 5.1x. The blob stays plain gzip.
HTML_GZIP_LEVEL = 4


def compress_html(html: bytes | str) -> bytes:
    data = html.encode("utf-8") if isinstance(html, str) else html
    return gzip.compress(data, compresslevel=HTML_GZIP_LEVEL, mtime=0)


def article_html(db: sqlite_utils.Database, article_id: int) -> str:
    blob = db.execute("SELECT html_gz FROM articles WHERE id = ?", [article_id]).fetchone()[0]
    return gzip.decompress(blob).decode("utf-8", "replace") if blob else ""


def _settle_projects(db: sqlite_utils.Database, article_id: int, changes: AnnouncementChanges) -> None:
    """Projects after re-extraction: an updated record stays in its project (it is the same
    announcement) and lends it its new blocking keys; a project whose records all disappeared
    is removed; every touched project's display fields are recomputed."""
    if changes.updated:
        article = load_article(db, article_id)
        for rec in article.announcements:
            if rec["id"] in changes.updated and rec["project_id"] is not None:
                rec["_year"] = article.year
                db.conn.executemany("INSERT OR IGNORE INTO dedup_project_keys (key, project_id) VALUES (?, ?)",
                                    [(key, rec["project_id"]) for key in project_keys(rec)])
    for project_id in sorted(changes.touched_projects):
        if db.execute("SELECT 1 FROM announcements WHERE project_id = ? LIMIT 1", [project_id]).fetchone():
            refresh_project(db, project_id)
        else:
            db.execute("DELETE FROM dedup_project_keys WHERE project_id = ?", [project_id])
            db.execute("DELETE FROM projects WHERE id = ?", [project_id])


def replace_announcements(db: sqlite_utils.Database, article_id: int,
                          records: Sequence[dict[str, Any]]) -> AnnouncementChanges:
    """Atomically bring an article's records up to date (re-extraction after the extractor
    improved), keeping the identity of every record that is still there, so a digest that
    already mailed it does not mail it again."""
    with db.atomic():
        changes = reconcile_announcements(db, article_id, records)
        _settle_projects(db, article_id, changes)
        dedup.link_projects(db, article_id)  # links the newly found records only
    return changes


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
