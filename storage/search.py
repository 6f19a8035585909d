"""Full-text search: the words as typed, and their stems, in one FTS5 query."""
from __future__ import annotations

import re
from typing import Any

import sqlite_utils


def _fts_terms(text: str) -> list[str]:
    return [w for w in re.findall(r"\w+", text.lower()) if len(w) > 1]


def search_articles(db: sqlite_utils.Database, query: str, limit: int = 20) -> list[dict[str, Any]]:
    """Articles matching every word of the query, in its written form or its stem."""
    try:
        from extract.stemming import stem_query
    except ImportError:  # pragma: no cover - stemming ships with kzmon
        stem_query = None
    words = _fts_terms(query)
    if not words:
        return []
    stems = _fts_terms(stem_query(query)) if stem_query else []
    clauses = []
    for index, word in enumerate(words):
        options = [f'"{word}"']
        if index < len(stems) and stems[index] != word:
            options.append(f'stem : "{stems[index]}"')
        clauses.append("(" + " OR ".join(options) + ")")
    match = " AND ".join(clauses)
    sql = """SELECT a.id, a.source_id, a.title, a.published, a.url,
                    snippet(articles_fts, 1, '[', ']', ' … ', 12) AS snippet
             FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
             WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?"""
    return [dict(row) for row in db.query(sql, [match, limit])]
