"""Full-text search: the words as typed, and their stems, in one FTS5 query.

A user's query is never handed to FTS5 as it is (a stray quote or a bare `-` is an FTS5 syntax
error, and column filters or `NEAR` would surprise). `fts_query` reads it into words,
"quoted phrases" and the operators AND, OR, NOT (upper case, as in FTS5) and writes a query
where every word and phrase is quoted: a word matches as written or as its stem.
"""
from __future__ import annotations

import re
from typing import Any

import sqlite_utils

from kzmon.extract.stemming import stem_query


class SearchSyntaxError(ValueError):
    """A query kzmon cannot read, phrased as the one line the user sees."""


OPERATORS = ("AND", "OR", "NOT")
_TOKEN = re.compile(r'"([^"]*)"|(")|(\S+)')


def _fts_terms(text: str) -> list[str]:
    return [w for w in re.findall(r"\w+", text.lower()) if len(w) > 1]


def _term(words: list[str], stems: list[str]) -> str:
    """One word or phrase: as written, or (when it differs) its stem in the stemmed column."""
    written = '"' + " ".join(words) + '"'
    stemmed = " ".join(stems)
    if stems and stemmed != " ".join(words):
        return f'({written} OR stem : "{stemmed}")'
    return written


def fts_query(query: str) -> str | None:
    """The FTS5 MATCH expression for a user's query, or None when it has no word to look for.

    Words next to each other must all match (AND); `OR` and `NOT` work as in FTS5, whose
    precedence is NOT, then AND, then OR. Raises SearchSyntaxError for an unmatched quote or an
    operator with nothing on one side.
    """
    items: list[str] = []  # terms and operators, in order
    for phrase, stray, bare in (m.groups() for m in _TOKEN.finditer(query)):
        if stray is not None or (bare is not None and '"' in bare):
            raise SearchSyntaxError("unmatched quote (\") in the search: close the phrase or drop the quote")
        if bare in OPERATORS:
            items.append(bare)
            continue
        words = _fts_terms(phrase if phrase is not None else bare)
        if not words:
            continue
        if phrase is None and len(words) > 1:  # "Усть-Каменогорск", "co.ltd": words of one token, each required
            items.extend(_term([w], _fts_terms(stem_query(w))) for w in words)
        else:
            items.append(_term(words, _fts_terms(stem_query(" ".join(words)))))
    out: list[str] = []
    for item in items:
        is_op = item in OPERATORS
        if is_op:
            if not out or out[-1] in OPERATORS:
                raise SearchSyntaxError(f"{item} needs a word or \"phrase\" before it")
        elif out and out[-1] not in OPERATORS:
            out.append("AND")
        out.append(item)
    if out and out[-1] in OPERATORS:
        raise SearchSyntaxError(f"{out[-1]} needs a word or \"phrase\" after it")
    return " ".join(out) or None


def search_articles(db: sqlite_utils.Database, query: str, limit: int = 20, *, source: str | None = None,
                    language: str | None = None, since: str | None = None, until: str | None = None,
                    project: int | None = None) -> list[dict[str, Any]]:
    """Articles matching the query (every word, in its written form or its stem, unless OR/NOT
    say otherwise), one per story, best first; filters narrow by source, language, publication
    day (since/until: YYYY-MM-DD, inclusive) and project. Without words, the newest articles
    that pass the filters."""
    match = fts_query(query)
    where, params = [], []
    if source:
        where.append("a.source_id = ?")
        params.append(source)
    if language:
        where.append("a.language = ?")
        params.append(language)
    if since:
        where.append("substr(a.published, 1, 10) >= ?")
        params.append(str(since))
    if until:
        where.append("substr(a.published, 1, 10) <= ?")
        params.append(str(until))
    if project is not None:
        where.append("a.id IN (SELECT article_id FROM announcements WHERE project_id = ?)")
        params.append(int(project))
    if match is None and not where:
        return []
    if match is not None:
        sql = f"""SELECT a.id, a.source_id, a.title, a.published, a.language, a.url, a.story_id,
                         snippet(articles_fts, 1, '[', ']', ' … ', 12) AS snippet
                  FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
                  WHERE articles_fts MATCH ? {''.join(' AND ' + w for w in where)} ORDER BY rank LIMIT ?"""
        params = [match, *params]
    else:
        sql = f"""SELECT a.id, a.source_id, a.title, a.published, a.language, a.url, a.story_id,
                         substr(a.text, 1, 120) AS snippet
                  FROM articles a WHERE {' AND '.join(where)} ORDER BY a.published DESC, a.id DESC LIMIT ?"""
    return _one_per_story(db.query(sql, [*params, limit * 10]), limit)


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
