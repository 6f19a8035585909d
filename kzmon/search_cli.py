"""`kzmon search`: full-text search over stored articles, word forms included.

The FTS index has the text and a stemmed copy of it (Russian lemmas, Kazakh and English
stems), so "трубы" finds an article that says "труб".
"""
from __future__ import annotations

import json

from rich.console import Console
from rich.table import Table


def search(database: str, query: str, limit: int = 20) -> list[dict]:
    from storage import open_db
    from storage.search import search_articles

    return search_articles(open_db(database), query, limit)


def run_search(database: str, query: str, limit: int, as_json: bool) -> int:
    hits = search(database, query, limit)
    if as_json:
        for hit in hits:
            print(json.dumps(hit, ensure_ascii=False))
        return 0
    table = Table(title=f"{len(hits)} stories for {query!r}", title_justify="left")
    for column in ("published", "source", "title", "snippet", "also reported by"):
        table.add_column(column)
    for hit in hits:
        table.add_row((hit["published"] or "")[:10], hit["source_id"], hit["title"] or "", hit["snippet"],
                      ", ".join(hit["also_reported_by"]))
    Console().print(table)
    return 0
