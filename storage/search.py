"""Full-text search: the words as typed, and their stems, in one FTS5 query."""
from __future__ import annotations

import re
from typing import Any

import sqlite_utils

from extract.stemming import stem_query


def _fts_terms(text: str) -> list[str]:
    return [w for w in re.findall(r"\w+", text.lower()) if len(w) > 1]


def search_articles(db: sqlite_utils.Database, query: str, limit: int = 20) -> list[dict[str, Any]]:
    """Articles matching every word of the query, in its written form or its stem."""
    words = _fts_terms(query)
    if not words:
        return []
    stems = _fts_terms(stem_query(query))
    clauses = []
    for index, word in enumerate(words):
        options = [f'"{word}"']
        if index < len(stems) and stems[index] != word:
            options.append(f'stem : "{stems[index]}"')
        clauses.append("(" + " OR ".join(options) + ")")
    match = " AND ".join(clauses)
    sql = """SELECT a.id, a.source_id, a.title, a.published, a.url, a.story_id,
                    snippet(articles_fts, 1, '[', ']', ' … ', 12) AS snippet
             FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
             WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?"""
    return _one_per_story(db.query(sql, [match, limit * 10]), limit)


def _one_per_story(rows: Any, limit: int) -> list[dict[str, Any]]:
    """The best hit of each story, with the other outlets that reported it."""
    stories: dict[Any, dict[str, Any]] = {}
    for row in rows:
        key = row["story_id"] if row["story_id"] is not None else ("article", row["id"])
        if key in stories:
            if row["source_id"] not in stories[key]["also_reported_by"] and row["source_id"] != stories[key]["source_id"]:
                stories[key]["also_reported_by"].append(row["source_id"])
            continue
        if len(stories) < limit:
            stories[key] = {**row, "also_reported_by": []}
    return list(stories.values())
