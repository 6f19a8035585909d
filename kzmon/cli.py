"""The `kzmon` command. Each subcommand is a thin shell over a function of the packages.

Errors a user can cause (a bad config, a missing file, a second run while one is going)
are one line on stderr and a distinct exit code, never a traceback:
0 ok, 1 some work failed, 2 bad config or usage, 3 another run holds the lock.
"""
from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from .config import DEFAULT_CONFIG, ConfigError, load_config

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_LOCKED = 0, 1, 2, 3


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def _config_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", type=Path, default=None, metavar="FILE",
                        help=f"configuration file (default: $KZMON_CONFIG or {DEFAULT_CONFIG.name} in the project)")


def _load(args: argparse.Namespace, *, database: bool = True):
    """The config, validated; with database=True its database path is checked too (see check_database)."""
    import os
    config = load_config(args.config or os.environ.get("KZMON_CONFIG") or None)
    if database:
        check_database(Path(config.database))
    return config


SQLITE_HEADER = b"SQLite format 3\x00"


def check_database(path: Path) -> None:
    """Refuse, in one line naming the file, a database path kzmon could not open and write.

    Tried for real rather than guessed from permission bits (root ignores those): the folder is
    created as open_db would create it, a nameless file is opened in it (SQLite needs to create
    its -wal, -shm and the lock file there), and an existing file is opened for writing and
    must be empty or start with SQLite's header.
    """
    import tempfile

    try:
        is_dir = path.is_dir()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot reach the database ({exc.strerror})") from None
    if is_dir:
        raise ConfigError(f"{path}: the database path is a folder, not a file (config key: database)")
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        blocker = next((p for p in [folder, *folder.parents] if p.exists() and not p.is_dir()), folder)
        raise ConfigError(f"{path}: cannot create the database's folder: {blocker} is a file") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot create the database's folder ({exc.strerror}: {exc.filename})") from None
    try:
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as exc:
        raise ConfigError(f"{path}: cannot write in the database's folder {folder} ({exc.strerror})") from None
    if path.exists():
        try:
            with path.open("r+b") as handle:
                head = handle.read(len(SQLITE_HEADER))
        except OSError as exc:
            raise ConfigError(f"{path}: cannot open the database for writing ({exc.strerror})") from None
        if head and head != SQLITE_HEADER:
            raise ConfigError(f"{path}: not an SQLite database")


# -- commands --------------------------------------------------------------------------

def cmd_run(args: argparse.Namespace) -> int:
    from .job import run_daily
    from .report import print_summary
    config = _load(args)
    with _lock(config.database):
        summary = run_daily(config, source_id=args.source, log_level="INFO" if args.verbose else "WARNING")
    print_summary(summary)
    return EXIT_OK if summary.status == "ok" else EXIT_FAILED


def cmd_backfill(args: argparse.Namespace) -> int:
    from .job import run_daily
    from .report import print_summary
    config = _load(args)
    with _lock(config.database):
        summary = run_daily(config, source_id=args.source, backfill_since=args.since, write_digest=False,
                            log_level="INFO" if args.verbose else "WARNING")
    print_summary(summary)
    return EXIT_OK if summary.status == "ok" else EXIT_FAILED


def cmd_demo(args: argparse.Namespace) -> int:
    from .demo import run_demo
    return run_demo(args.workdir, args.config)


def cmd_extract(args: argparse.Namespace) -> int:
    from .extract_cli import run_extract
    return run_extract(args.inputs, args.published, args.format)


def cmd_reextract(args: argparse.Namespace) -> int:
    from .extract_cli import run_reextract
    config = _load(args)
    with _lock(config.database):
        return run_reextract(config.database, args.source, args.since)


def cmd_schedule(args: argparse.Namespace) -> int:
    from .schedule import run_scheduler
    config_path = args.config or DEFAULT_CONFIG
    _load(args)  # validate before starting the long-lived process
    run_scheduler(Path(config_path), run_now=args.now)
    return EXIT_OK


def cmd_digest(args: argparse.Namespace) -> int:
    from .digest.cli import main_digest
    _load(args)  # config and database problems as one line, exit 2, before the digest starts
    return main_digest(args)


def cmd_sources(args: argparse.Namespace) -> int:
    from .sources_cli import check_sources, list_sources
    config = _load(args, database=args.action != "check")  # check crawls into a throwaway database
    if args.action == "check":
        return check_sources(config, args.source_id)
    return list_sources(config)


def cmd_search(args: argparse.Namespace) -> int:
    from .search_cli import run_search
    config = _load(args)
    return run_search(config.database, " ".join(args.query), args.limit, args.as_json)


def _lock(database: str):
    from .lock import job_lock
    return job_lock(Path(database))


# -- parser ----------------------------------------------------------------------------

def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kzmon", description="Watch Kazakh government and news sites for industrial-project announcements.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("run", help="run the daily job once now (crawl, extract, store, digest)")
    _config_arg(p)
    p.add_argument("--source", metavar="ID", help="only this source")
    p.add_argument("-v", "--verbose", action="store_true", help="show Scrapy's log")
    p.set_defaults(func=cmd_run)

    p = sub.add_parser("demo", help="the daily job against the bundled replay of the sources, on 127.0.0.1")
    p.add_argument("--workdir", type=Path, default=Path("kzmon-demo"), metavar="DIR", help="where kzmon.db and the digest go (default: ./kzmon-demo)")
    _config_arg(p)
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("extract", help="print the announcements in documents (.txt, .html, .jsonl)")
    p.add_argument("inputs", nargs="+", type=Path, metavar="INPUT")
    p.add_argument("--published", type=_date, metavar="YYYY-MM-DD", help="publication date for inputs that carry none")
    p.add_argument("--format", choices=["jsonl", "pretty"], default="pretty", help="jsonl: one JSON line per document")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("reextract", help="re-run the extractor over stored articles, without crawling")
    _config_arg(p)
    p.add_argument("--source", metavar="ID")
    p.add_argument("--since", type=_date, metavar="YYYY-MM-DD", help="only articles published on or after this day")
    p.set_defaults(func=cmd_reextract)

    p = sub.add_parser("backfill", help="walk sitemaps, archives and listing pages back to a date")
    _config_arg(p)
    p.add_argument("--since", type=_date, required=True, metavar="YYYY-MM-DD")
    p.add_argument("--source", metavar="ID")
    p.add_argument("-v", "--verbose", action="store_true")
    p.set_defaults(func=cmd_backfill)

    p = sub.add_parser("schedule", help="run the daily job on the configured cron, in the configured time zone")
    _config_arg(p)
    p.add_argument("--now", action="store_true", help="also run the job once right away")
    p.set_defaults(func=cmd_schedule)

    p = sub.add_parser("digest", help="write, send or resend the digest email")
    _config_arg(p)
    p.add_argument("--dry-run", action="store_true", help="write the digest files; send and mark nothing")
    p.add_argument("--resend", type=_date, metavar="YYYY-MM-DD", help="send the digest of that day again")
    p.set_defaults(func=cmd_digest)

    p = sub.add_parser("sources", help="list sources with their health, or check their discovery now")
    _config_arg(p)
    p.add_argument("action", nargs="?", choices=["list", "check"], default="list")
    p.add_argument("source_id", nargs="?", metavar="ID")
    p.set_defaults(func=cmd_sources)

    p = sub.add_parser("search", help="full-text search over stored articles (Russian and Kazakh word forms included)")
    _config_arg(p)
    p.add_argument("query", nargs="+")
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--json", dest="as_json", action="store_true")
    p.set_defaults(func=cmd_search)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except ConfigError as exc:
        print(exc, file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("kzmon: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - one line for the user; KZMON_DEBUG=1 shows the traceback
        import os
        name = type(exc).__name__
        if name == "AlreadyRunning":
            print(f"kzmon: {exc}", file=sys.stderr)
            return EXIT_LOCKED
        if os.environ.get("KZMON_DEBUG"):
            raise
        print(f"kzmon: {name}: {exc} (KZMON_DEBUG=1 shows the traceback)", file=sys.stderr)
        return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
