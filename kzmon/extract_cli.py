"""`kzmon extract` and `kzmon reextract`: the extractor on files, and on stored articles."""
from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from extract.announcements import extract_announcements
from extract.text import extract_page


def _documents(path: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    """(source label, document) pairs; a .jsonl file holds many documents."""
    if path.suffix == ".jsonl":
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if line.strip():
                    try:
                        doc = json.loads(line)
                    except json.JSONDecodeError as exc:
                        yield f"{path}:{number}", {"error": f"not JSON ({exc.msg})"}
                        continue
                    yield str(doc.get("source", f"{path}:{number}")), doc
        return
    raw = path.read_text(encoding="utf-8")
    if path.suffix.lower() in (".html", ".htm"):
        yield str(path), {"html": raw}
    else:
        yield str(path), {"text": raw}


def extract_document(doc: dict[str, Any], default_published: date | None) -> tuple[str | None, list[dict[str, Any]]]:
    published = date.fromisoformat(doc["published"][:10]) if doc.get("published") else None
    title = None
    if doc.get("html") is not None:
        page = extract_page(doc["html"], doc.get("url"))
        if page is None:
            raise ValueError("no article text found in the HTML")
        text, title, language = page.text, page.title, page.language
        if published is None and page.published is not None:
            published = page.published.date()
    elif doc.get("text") is not None:
        text, language = doc["text"], doc.get("language")
        title = text.strip().splitlines()[0] if text.strip() else None
    else:
        raise ValueError('a document needs "text" or "html"')
    published = published or default_published
    records = extract_announcements(text, published, language, title)
    return (published.isoformat() if published else None), records


def run_extract(inputs: list[Path], published: date | None, fmt: str) -> int:
    failed = 0
    for path in inputs:
        try:
            documents = list(_documents(path))
        except (OSError, UnicodeDecodeError) as exc:
            print(f"{path}: cannot read ({getattr(exc, 'strerror', None) or exc})", file=sys.stderr)
            failed += 1
            continue
        for source, doc in documents:
            try:
                if "error" in doc:
                    raise ValueError(doc["error"])
                day, records = extract_document(doc, published)
            except (ValueError, KeyError, TypeError) as exc:
                print(f"{source}: {exc}", file=sys.stderr)
                failed += 1
                continue
            line = {"source": source, "published": day, "announcements": records}
            if fmt == "jsonl":
                print(json.dumps(line, ensure_ascii=False), flush=True)
            else:
                print(json.dumps(line, ensure_ascii=False, indent=2))
    return 1 if failed else 0


def run_reextract(database: str, source_id: str | None, since: date | None) -> int:
    from rich.progress import track

    from storage import open_db
    from storage.articles import replace_announcements, select_articles

    db = open_db(database)
    articles = select_articles(db, source_id, since.isoformat() if since else None)
    before = after = 0
    for article in track(articles, description=f"re-extracting {len(articles)} articles", transient=True):
        before += db.execute("SELECT COUNT(*) FROM announcements WHERE article_id = ?", [article["id"]]).fetchone()[0]
        day = date.fromisoformat(article["published"][:10]) if article["published"] else None
        records = extract_announcements(article["text"] or "", day, article["language"], article["title"])
        replace_announcements(db, article["id"], records)
        after += len(records)
    print(f"re-extracted {len(articles)} articles: {before} announcements before, {after} now")
    return 0
