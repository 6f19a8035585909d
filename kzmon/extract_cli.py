"""`kzmon extract` and `kzmon reextract`: the extractor on files, and on stored articles."""
from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from kzmon.extract.announcements import extract_announcements
from kzmon.extract.text import clean_text, extract_page


class BadDocument(ValueError):
    """A document that cannot be processed; str() is the message after `LABEL: `."""


def _jsonl_documents(path: Path) -> Iterator[tuple[str, dict[str, Any] | BadDocument]]:
    """Line by line, so one bad line (not UTF-8, not JSON, not an object) costs only that line."""
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, 1):
            label = f"{path}:{number}"
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                yield label, BadDocument(f"not UTF-8 text (byte 0x{raw[exc.start]:02x} at column {exc.start + 1})")
                continue
            if not line.strip():
                continue
            try:
                doc = json.loads(line)
            except json.JSONDecodeError as exc:
                yield label, BadDocument(f"not JSON: {exc.msg} (column {exc.colno})")
                continue
            except RecursionError:
                yield label, BadDocument("not JSON: nested too deeply")
                continue
            if not isinstance(doc, dict):
                yield label, BadDocument(f"not a JSON object but {_json_type(doc)}")
                continue
            yield label, doc


def _documents(path: Path) -> Iterator[tuple[str, dict[str, Any] | BadDocument]]:
    """(label, document) pairs; a .jsonl file holds many documents, labelled FILE:LINE."""
    if path.suffix.lower() == ".jsonl":
        yield from _jsonl_documents(path)
        return
    raw = path.read_text(encoding="utf-8")
    if path.suffix.lower() in (".html", ".htm"):
        yield str(path), {"html": raw}
    else:
        yield str(path), {"text": raw}


def _check_fields(doc: dict[str, Any]) -> None:
    for key in ("text", "html", "published", "url", "language"):
        if doc.get(key) is not None and not isinstance(doc[key], str):
            raise BadDocument(f'"{key}" must be a string, not {_json_type(doc[key])}')


def _json_type(value: object) -> str:
    return {list: "an array", str: "a string", bool: "a boolean", int: "a number", float: "a number",
            dict: "an object", type(None): "null"}.get(type(value), type(value).__name__)


def extract_document(doc: dict[str, Any], default_published: date | None) -> tuple[str | None, list[dict[str, Any]]]:
    _check_fields(doc)
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
        # page furniture a copied text still carries ("Read also: ...", "Фото: ...") is dropped as
        # it is from a fetched page's text
        text, language = clean_text(doc["text"]), doc.get("language")
        title = text.strip().splitlines()[0] if text.strip() else None
    else:
        raise ValueError('a document needs "text" or "html"')
    published = published or default_published
    records = extract_announcements(text, published, language, title)
    return (published.isoformat() if published else None), records


def run_extract(inputs: list[Path], published: date | None, fmt: str) -> int:
    """Every input and every document in it is tried; a bad one is one line on stderr
    (`FILE:LINE: not JSON: ...`) and the exit code is 1 at the end if any failed."""
    failed = 0
    for path in inputs:
        documents = _documents(path)
        while True:
            try:
                label, doc = next(documents)
            except StopIteration:
                break
            except (OSError, UnicodeDecodeError) as exc:
                print(f"{path}: cannot read ({getattr(exc, 'strerror', None) or exc})", file=sys.stderr, flush=True)
                failed += 1
                break
            try:
                if isinstance(doc, BadDocument):
                    raise doc
                day, records = extract_document(doc, published)
            except (ValueError, KeyError, TypeError) as exc:
                print(f"{label}: {_one_line(exc)}", file=sys.stderr, flush=True)
                failed += 1
                continue
            except Exception as exc:  # noqa: BLE001 - an extractor bug on one document spares the others
                if os.environ.get("KZMON_DEBUG"):
                    raise
                print(f"{label}: {type(exc).__name__}: {_one_line(exc)} (KZMON_DEBUG=1 shows the traceback)",
                      file=sys.stderr, flush=True)
                failed += 1
                continue
            source = doc.get("source") if path.suffix.lower() == ".jsonl" else None
            line = {"source": str(source) if source not in (None, "") else label,
                    "published": day, "announcements": records}
            if fmt == "jsonl":
                print(json.dumps(line, ensure_ascii=False), flush=True)
            else:
                print(json.dumps(line, ensure_ascii=False, indent=2))
    return 1 if failed else 0


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


def run_reextract(database: str, source_id: str | None, since: date | None) -> int:
    from rich.progress import track

    from kzmon.storage import open_db
    from kzmon.storage.articles import replace_announcements, select_articles

    from .processing import INLINE_BELOW, announcements_of, ordered_map, worker_count

    db = open_db(database)
    articles = select_articles(db, source_id, since.isoformat() if since else None)
    before = after = updated = inserted = deleted = 0
    # The processing stage's pool (kzmon/processing.py): the extractor in worker processes, one
    # per core; the records replaced here, by the one writer, in article order.
    workers = worker_count() if len(articles) >= INLINE_BELOW else 1
    if workers > 1:
        print(f"re-extracting on {workers} worker processes", flush=True)
    results = ordered_map(announcements_of, articles, workers=workers)
    for article, future in track(results, total=len(articles), description=f"re-extracting {len(articles)} articles",
                                 transient=True):
        before += db.execute("SELECT COUNT(*) FROM announcements WHERE article_id = ?", [article["id"]]).fetchone()[0]
        records = future.result()
        changes = replace_announcements(db, article["id"], records)
        after += len(records)
        updated, inserted, deleted = (updated + len(changes.updated), inserted + len(changes.inserted),
                                      deleted + len(changes.deleted))
    # Kept and updated records keep their ids: a digest that mailed them does not mail them again.
    print(f"re-extracted {len(articles)} articles: {before} announcements before, {after} now "
          f"({after - inserted} kept, {updated} of them updated; {inserted} new, {deleted} removed)")
    return 0
