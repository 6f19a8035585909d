"""What a run says at the end: a table per source and the totals (plain lines when not a terminal)."""
from __future__ import annotations

from rich.console import Console

from .job import RunSummary
from .output import make_console, make_table, problem, quiet


def print_summary(summary: RunSummary, console: Console | None = None, *, paths: bool = True) -> None:
    if quiet():
        return
    console = console or make_console()
    full = not console.is_terminal  # a log keeps the whole error text
    table = make_table(console, f"run {summary.run_id}: {summary.status}")
    # "skipped": links the fetch policy refused (not http(s), a private address, off the site).
    for column in ("source", "pages", "articles", "new", "errors", "skipped", "last error"):
        table.add_column(column, justify="right" if column in ("pages", "articles", "new", "errors", "skipped") else "left")
    for row in summary.sources:
        error = row.get("last_error") or ""
        table.add_row(row["source_id"], str(row["pages_fetched"]), str(row["articles_fetched"]), str(row["new_articles"]),
                      str(row["errors"]), str(row.get("links_skipped") or 0), error if full else error[:60])
    console.print(table)
    console.print(
        f"{len(summary.sources)} sources, {summary.pages_fetched} pages fetched, {summary.new_articles} new articles, "
        f"{summary.announcements} announcements in {summary.duration_s:.1f} s"
    )
    if summary.failing:
        console.print(f"failing: {', '.join(summary.failing)}")
    if not paths:  # `kzmon sources check`: its database is a throwaway, gone by now
        return
    console.print(f"database: {summary.database}")
    for path in summary.digest_files:
        console.print(f"digest:   {path}")


def report_problems(summary: RunSummary) -> None:
    """Each failing source, and mail still owed, as one line on stderr (cron mails stderr)."""
    for row in summary.sources:
        if row["errors"]:
            problem(f"source {row['source_id']}: {row.get('last_error') or 'failed'} ({row['errors']} errors)")
    if summary.mail_pending:
        problem(f"{summary.mail_pending} digest messages still waiting in the outbox; the next run retries them")
