"""What a run says at the end: a table per source and the totals, in the terminal."""
from __future__ import annotations

from rich.console import Console
from rich.table import Table

from .job import RunSummary


def print_summary(summary: RunSummary, console: Console | None = None) -> None:
    console = console or Console()
    table = Table(title=f"run {summary.run_id}: {summary.status}", title_justify="left")
    # "skipped": links the fetch policy refused (not http(s), a private address, off the site).
    for column in ("source", "pages", "articles", "new", "errors", "skipped", "last error"):
        table.add_column(column, justify="right" if column in ("pages", "articles", "new", "errors", "skipped") else "left")
    for row in summary.sources:
        table.add_row(row["source_id"], str(row["pages_fetched"]), str(row["articles_fetched"]), str(row["new_articles"]),
                      str(row["errors"]), str(row.get("links_skipped") or 0), (row.get("last_error") or "")[:60])
    console.print(table)
    console.print(
        f"{len(summary.sources)} sources, {summary.pages_fetched} pages fetched, {summary.new_articles} new articles, "
        f"{summary.announcements} announcements in {summary.duration_s:.1f} s"
    )
    if summary.failing:
        console.print(f"failing: {', '.join(summary.failing)}")
    console.print(f"database: {summary.database}")
    for path in summary.digest_files:
        console.print(f"digest:   {path}")
