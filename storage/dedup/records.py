"""Reading an article and its stored announcements in the shapes the dedup levels need."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime

ANNOUNCEMENT_FIELDS = ("id", "article_id", "position", "kind", "title", "status", "sector", "regions",
                       "companies", "project_count", "investment_kzt", "investment_usd", "jobs",
                       "area_m2", "capacity", "period", "evidence", "project_id")


@dataclass
class StoredArticle:
    id: int
    title: str
    text: str
    language: str | None
    source_id: str
    published: str | None
    fetched_at: str | None
    story_id: int | None
    announcements: list[dict] = field(default_factory=list)

    @property
    def when(self) -> str | None:
        return self.published or self.fetched_at

    @property
    def day(self) -> int | None:
        return day_number(self.when)

    @property
    def year(self) -> int | None:
        when = self.when
        return int(when[:4]) if when and when[:4].isdigit() else None


def day_number(iso: str | None) -> int | None:
    """Days since 1970-01-01 of an ISO date or timestamp (its local date)."""
    if not iso:
        return None
    try:
        return date.fromisoformat(iso[:10]).toordinal() - date(1970, 1, 1).toordinal()
    except ValueError:
        try:
            return datetime.fromisoformat(iso).date().toordinal() - date(1970, 1, 1).toordinal()
        except ValueError:
            return None


def decode_announcement(row: dict) -> dict:
    rec = dict(row)
    for key in ("regions", "companies"):
        value = rec.get(key)
        if isinstance(value, str):
            try:
                value = json.loads(value)
            except ValueError:
                value = [value]
        if value is None:
            value = []
        rec[key] = list(value) if isinstance(value, (list, tuple)) else [value]
    return rec


def load_announcements(db, article_id: int) -> list[dict]:
    cols = ", ".join(ANNOUNCEMENT_FIELDS)
    cur = db.execute(f"SELECT {cols} FROM announcements WHERE article_id = ? ORDER BY position", [article_id])
    return [decode_announcement(dict(zip(ANNOUNCEMENT_FIELDS, row))) for row in cur.fetchall()]


def load_article(db, article_id: int) -> StoredArticle:
    row = db.execute(
        "SELECT id, title, text, language, source_id, published, fetched_at, story_id FROM articles WHERE id = ?",
        [article_id],
    ).fetchone()
    if row is None:
        raise KeyError(f"no article {article_id}")
    article = StoredArticle(row[0], row[1] or "", row[2] or "", row[3], row[4], row[5], row[6], row[7])
    article.announcements = load_announcements(db, article_id)
    return article
