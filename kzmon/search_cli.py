"""`kzmon search`: full-text search over stored articles, word forms included.

The FTS index has the text and a stemmed copy of it (Russian lemmas, Kazakh and English
stems), so "трубы" finds an article that says "труб". Words, "quoted phrases", AND, OR and
NOT are translated to FTS5 by storage.search.fts_query; filters narrow by source, language,
publication day and project.
"""
from __future__ import annotations

import json
import re
from typing import Any

from rich.text import Text

from .output import make_console, make_table


def search(database: str, query: str, limit: int = 20, **filters: Any) -> list[dict]:
    from kzmon.storage import open_db
    from kzmon.storage.search import search_articles

    db = open_db(database)
    try:
        return search_articles(db, query, limit, **filters)
    finally:
        db.close()


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _visible(value: object) -> str:
    """Stored text as inert characters on one line: a terminal escape (ESC, CSI...) shows as \\x1b,
    never acts; a line break is a space, so each hit stays one line in a log."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", re.sub(r"\s*\n\s*|\t", " ", str(value or "")))


def _cell(value: object) -> Text:
    """A table cell that prints exactly what was stored: rich markup in an article's title
    (`[link=...]`, `[bold]`) is shown as text, never interpreted."""
    return Text(_visible(value))


def _snippet(value: object) -> Text:
    """FTS marks the matched words [like this]; shown as they are, and in bold."""
    text = _cell(value)
    text.highlight_regex(r"\[[^\[\]]*\]", "bold")
    return text


def run_search(database: str, query: str, limit: int, as_json: bool, **filters: Any) -> int:
    hits = search(database, query, limit, **filters)
    if as_json:
        for hit in hits:
            print(_CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(hit, ensure_ascii=False)))
        return 0
    console = make_console()
    table = make_table(console, Text(f"{len(hits)} stories for {_visible(query)!r}"))
    for column in ("published", "source", "title", "snippet", "url", "also reported by"):
        table.add_column(column, overflow="fold")
    for hit in hits:
        table.add_row(_cell((hit["published"] or "")[:10]), _cell(hit["source_id"]), _cell(hit["title"]),
                      _snippet(hit["snippet"]), _cell(hit["url"]), _cell(", ".join(hit["also_reported_by"])))
    console.print(table)
    return 0
