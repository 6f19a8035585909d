"""Storing test articles through the real dedup path, as the daily job does: store the article,
assign its story, link its announcements to projects, in one transaction."""
from __future__ import annotations

from kzmon.storage.dedup import assign_story, link_projects
from kzmon.storage.dedup.evaluation import store_article


def add_article(db, number: int, text: str, published: str | None, records: list[dict], source: str = "test",
                language: str = "en", title: str | None = None) -> int:
    doc = {"id": str(number), "source": source, "language": language, "published": published,
           "title": text[:40] if title is None else title, "text": text, "records": records}
    with db.conn:
        article_id = store_article(db, doc, number)
        assign_story(db, article_id)
        link_projects(db, article_id)
    return article_id


def projects_of(db, article_id: int) -> list[int]:
    """The project of each announcement of the article, in the article's order."""
    return [r[0] for r in db.execute("SELECT project_id FROM announcements WHERE article_id = ? ORDER BY position",
                                     [article_id])]
