"""Which stored publication dates can be trusted, in Python and in SQL.

An article's `published` is only as good as where it came from (`published_source`: json-ld,
meta, page-text, url, htmldate from the page; feed or api from discovery). An article with no
date, or with a date that only says when kzmon fetched it ('fetched'), is *undated*: its fetch
day says nothing about when the event happened (a backfill fetches years of reporting in one
night), so story windows widen for it and the digest does not call it new for being fetched
today. Rows stored before published_source existed have a date and no source: the page gave
that date, so it is trusted.
"""
from __future__ import annotations

UNTRUSTED_SOURCES = ("fetched",)


def trusted_published(published: str | None, source: str | None) -> str | None:
    """The article's publication date when it can be trusted, else None."""
    if not published or source in UNTRUSTED_SOURCES:
        return None
    return published


def trusted_sql(alias: str = "a") -> str:
    """SQL for trusted_published() over an articles row named `alias`."""
    untrusted = ", ".join(f"'{s}'" for s in UNTRUSTED_SOURCES)
    return f"(CASE WHEN {alias}.published_source IN ({untrusted}) THEN NULL ELSE {alias}.published END)"


def m_published_source(db) -> None:
    """articles.published_source: where the publication date came from (see the module)."""
    db.execute("ALTER TABLE articles ADD COLUMN published_source TEXT")
