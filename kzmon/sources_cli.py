"""`kzmon sources`: each source's health, and a live check of its discovery."""
from __future__ import annotations

from datetime import datetime, timezone

from rich.console import Console
from rich.table import Table

from .config import Config


def list_sources(config: Config) -> int:
    from storage import open_db
    from storage.runs import source_health, sync_sources

    db = open_db(config.database)
    sync_sources(db, [{"id": s.id, "name": s.name, "kind": s.kind, "languages": s.languages, "home": s.home} for s in config.sources])
    health = {row["id"]: row for row in source_health(db, datetime.now(timezone.utc))}
    table = Table(title=f"{len(config.sources)} sources", title_justify="left")
    for column in ("id", "how", "languages", "last ok run", "last new article", "per day (14 d)", "last error"):
        table.add_column(column)
    for source in config.sources:
        row = health.get(source.id, {})
        how = ", ".join(k for k in ("feeds", "sitemaps", "listings", "api") if getattr(source, k))
        table.add_row(source.id + ("" if source.enabled else " (off)"), how, " ".join(source.languages),
                      (row.get("last_ok_run") or "never")[:16], (row.get("last_new_article") or "-")[:16],
                      str(row.get("articles_per_day", 0)), (row.get("last_error") or "")[:50])
    Console().print(table)
    return 0


def check_sources(config: Config, source_id: str | None) -> int:
    """Run discovery for real, into a throwaway database, and report what it found."""
    import tempfile
    from pathlib import Path

    from .job import run_daily
    from .report import print_summary

    with tempfile.TemporaryDirectory(prefix="kzmon-check-") as tmp:
        probe = config.model_copy(update={"database": str(Path(tmp) / "check.db"), "workdir": tmp})
        summary = run_daily(probe, source_id=source_id, write_digest=False)
        print_summary(summary)
    return 0 if summary.status == "ok" else 1
