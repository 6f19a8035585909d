"""Terminal or log: rich tables on a terminal; plain, full-width lines when stdout is a file,
a pipe or cron's mail (nothing truncated with '…', no box-drawing characters, no colour)."""
from __future__ import annotations

import sys

from rich import box
from rich.console import Console
from rich.table import Table

_state = {"quiet": False}


def set_quiet(quiet: bool) -> None:
    """--quiet: commands print only problems (on stderr)."""
    _state["quiet"] = quiet


def quiet() -> bool:
    return _state["quiet"]


def make_console() -> Console:
    console = Console(highlight=False)
    if console.is_terminal:
        return console
    return Console(highlight=False, width=1_000_000, soft_wrap=True)


def make_table(console: Console, title: object) -> Table:
    if console.is_terminal:
        return Table(title=title, title_justify="left")
    return Table(title=title, title_justify="left", box=None, show_edge=False, pad_edge=True)


def problem(message: str) -> None:
    """One line on stderr per problem, whatever --quiet says."""
    print(f"kzmon: {' '.join(str(message).split())}", file=sys.stderr, flush=True)
