"""`kzmon sources`: each source's health, and a live check of its discovery."""
from __future__ import annotations

import os
import re
import tempfile
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from .config import Config
from .output import make_console, make_table, problem, quiet


def list_sources(config: Config) -> int:
    from kzmon.storage import open_db
    from kzmon.storage.runs import source_health, sync_sources

    db = open_db(config.database)
    sync_sources(db, [{"id": s.id, "name": s.name, "kind": s.kind, "languages": s.languages, "home": s.home} for s in config.sources])
    health = {row["id"]: row for row in source_health(db, datetime.now(timezone.utc))}
    console = make_console()
    full = not console.is_terminal
    table = make_table(console, f"{len(config.sources)} sources")
    for column in ("id", "how", "languages", "last ok run", "last new article", "per day (14 d)", "last error"):
        table.add_column(column)
    for source in config.sources:
        row = health.get(source.id, {})
        how = ", ".join(k for k in ("feeds", "sitemaps", "listings", "api") if getattr(source, k))
        error = row.get("last_error") or ""
        table.add_row(source.id + ("" if source.enabled else " (off)"), how, " ".join(source.languages),
                      (row.get("last_ok_run") or "never")[:16], (row.get("last_new_article") or "-")[:16],
                      str(row.get("articles_per_day", 0)), error if full else error[:50])
    if not quiet():
        console.print(table)
    return 0


# The spider logs each link the fetch policy refused: "<source>: skipped '<url>': <reason>".
_SKIPPED = re.compile(r"""(?P<source>[a-z0-9][a-z0-9_-]*): skipped (?P<quote>['"])(?P<url>.*?)(?P=quote): (?P<reason>.+)$""")


@contextmanager
def _stderr_to(path: Path):
    """Send this process's fd 2, and so the crawl child's, to a file for a while."""
    import sys
    sys.stderr.flush()
    saved = os.dup(2)
    with path.open("wb") as sink:
        os.dup2(sink.fileno(), 2)
        try:
            yield
        finally:
            sys.stderr.flush()
            os.dup2(saved, 2)
            os.close(saved)


def check_sources(config: Config, source_id: str | None, *, first: int = 10, replay_address: str | None = None) -> int:
    """Run discovery for real, into a throwaway database, and show what it found: the first
    article URLs per source, the links it turned down and why, and each source's errors."""
    from kzmon.storage import open_db

    from .job import run_daily
    from .report import print_summary, report_problems

    with tempfile.TemporaryDirectory(prefix="kzmon-check-") as tmp:
        probe = config.model_copy(update={"database": str(Path(tmp) / "check.db"), "workdir": tmp})
        log = Path(tmp) / "crawl.log"
        with _stderr_to(log):
            summary = run_daily(probe, source_id=source_id, write_digest=False, log_level="INFO",
                                replay_address=replay_address, progress=None)
        skipped: dict[str, list[tuple[str, str]]] = {}
        for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
            match = _SKIPPED.search(line)
            if match:
                skipped.setdefault(match["source"], []).append((match["url"], match["reason"].strip()))
        db = open_db(probe.database)
        sources = [s.id for s in probe.enabled_sources(source_id)]
        if not quiet():
            for sid in sources:
                _print_source(db, sid, skipped.get(sid, []), first)
            print_summary(summary, paths=False)
        db.close()
    report_problems(summary)
    return 0 if summary.status == "ok" else 1


def _print_source(db, source_id: str, skipped: list[tuple[str, str]], first: int) -> None:
    found = [r[0] for r in db.execute(
        "SELECT url FROM articles WHERE source_id = ? ORDER BY published DESC, id LIMIT ?", [source_id, first])]
    total = db.execute("SELECT COUNT(*) FROM articles WHERE source_id = ?", [source_id]).fetchone()[0]
    waiting = db.execute("SELECT link, url, status, reason FROM fetch_state WHERE kind = 'article' AND source_id = ? "
                         "AND status IN ('pending', 'failed') ORDER BY rowid", [source_id]).fetchall()
    rejected = [(link or url, {"not_article": "not an article", "too_old": "older than the window",
                                  "refused": "refused by the fetch policy"}.get(status, status)
                 + (f" ({reason})" if reason else f" (published {published[:10]})" if status == "too_old" and published else ""))
                for link, url, status, reason, published in db.execute(
                    "SELECT link, url, status, reason, published FROM fetch_state WHERE kind = 'article' AND source_id = ? "
                    "AND status IN ('not_article', 'too_old', 'refused') ORDER BY rowid", [source_id])]
    rejected += [(url, f"refused by the fetch policy: {reason}") for url, reason in skipped]
    print(f"{source_id}: {total} articles found" + (f", first {len(found)}:" if found else ""))
    for url in found:
        print(f"  {url}")
    for link, url, status, reason in waiting:
        print(f"  not stored ({status}{': ' + reason if reason else ''}): {link or url}")
    print(f"{source_id}: {len(rejected)} links turned down" + (f", first {min(first, len(rejected))}:" if rejected else ""))
    for url, why in rejected[:first]:
        print(f"  {url}  -- {why}")
