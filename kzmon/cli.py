"""The `kzmon` command. Each subcommand is a thin shell over a function of the packages.

Errors a user can cause (a bad config, a missing file, a second run while one is going)
are one line on stderr and a distinct exit code, never a traceback (`-v` or KZMON_DEBUG=1
shows it): 0 ok, 1 some work failed, 2 bad config or usage, 3 another run holds the lock.

Every command finds its config the same way (kzmon.config.find_config): --config, then
$KZMON_CONFIG, then ./config.yaml, then ~/.config/kzmon/config.yaml, then the bundled default.
"""
from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from .config import ConfigError, find_config, load_config, user_config_dir, user_data_dir
from .output import problem, quiet, set_quiet

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_LOCKED = 0, 1, 2, 3

# Send every crawl request to a replay server at this address (host:port) instead of the real
# sites, keeping the real URLs (crawler/replay.py): for trying an installation offline.
REPLAY_ENV = "KZMON_REPLAY_ADDRESS"


def version() -> str:
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as dist_version
    try:
        return dist_version("kzmon")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "0+unknown"


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def _verbose(args: argparse.Namespace) -> bool:
    return bool(getattr(args, "verbose", False) or os.environ.get("KZMON_DEBUG"))


def _config_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", type=Path, default=None, metavar="FILE",
                        help="configuration file (default: $KZMON_CONFIG, else ./config.yaml, else "
                             "~/.config/kzmon/config.yaml, else the bundled default)")


def _load(args: argparse.Namespace, *, database: bool = True):
    """The config, validated; with database=True its database path is checked too (see check_database)."""
    config = load_config(find_config(args.config))
    if database:
        check_database(Path(config.database))
    return config


def _existing_database(args: argparse.Namespace) -> Path:
    """--db, or the config's database; it must exist (a query never creates an empty one)."""
    if getattr(args, "db", None):
        path = Path(args.db).expanduser()
    else:
        path = Path(_load(args, database=False).database)
    if path.is_dir():
        raise ConfigError(f"{path}: the database path is a folder, not a file (config key: database)")
    if not path.is_file():
        blocker = next((p for p in path.parents if p.exists() and not p.is_dir()), None)
        if blocker is not None:
            raise ConfigError(f"{path}: cannot create the database's folder: {blocker} is a file")
        raise ConfigError(f"{path}: no such database (give --db FILE, or fill it with `kzmon run` or `kzmon demo`)")
    check_database(path)  # it exists: readable, writable (SQLite's -wal and -shm go next to it), SQLite
    return path


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

def _daily(args: argparse.Namespace, **options) -> int:
    from .job import run_daily
    from .report import print_summary, report_problems
    config = _load(args)
    with _lock(config.database):
        summary = run_daily(config, source_id=args.source, replay_address=os.environ.get(REPLAY_ENV) or None,
                            log_level="INFO" if _verbose(args) else "CRITICAL",
                            progress=None if quiet() else _say, **options)
    print_summary(summary)
    report_problems(summary)
    return EXIT_OK if summary.status == "ok" else EXIT_FAILED


def _say(message: str) -> None:
    print(message, flush=True)


def cmd_run(args: argparse.Namespace) -> int:
    return _daily(args)


def cmd_backfill(args: argparse.Namespace) -> int:
    return _daily(args, backfill_since=args.since, write_digest=False)


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
    config_path = find_config(args.config)  # the file validated is the file scheduled
    _load(args)  # validate before starting the long-lived process
    run_scheduler(config_path.resolve(), run_now=args.now)
    return EXIT_OK


def cmd_digest(args: argparse.Namespace) -> int:
    from .digest.cli import main_digest
    _load(args)  # config and database problems as one line, exit 2, before the digest starts
    args.config = find_config(args.config)
    return main_digest(args)


def cmd_sources(args: argparse.Namespace) -> int:
    from .sources_cli import check_sources, list_sources
    config = _load(args, database=args.action != "check")  # check crawls into a throwaway database
    if args.action == "check":
        return check_sources(config, args.source_id, first=args.first, replay_address=os.environ.get(REPLAY_ENV) or None)
    return list_sources(config)


def cmd_search(args: argparse.Namespace) -> int:
    from kzmon.storage.search import SearchSyntaxError

    from .search_cli import run_search
    query = " ".join(args.query)
    if not query.strip() and not any((args.source, args.language, args.since, args.until, args.project is not None)):
        raise ConfigError("kzmon search: give words to look for, or a filter (--source, --language, --since, --until, --project)")
    database = _existing_database(args)
    try:
        return run_search(str(database), query, args.limit, args.as_json, source=args.source, language=args.language,
                          since=args.since, until=args.until, project=args.project)
    except SearchSyntaxError as exc:
        raise ConfigError(f"kzmon search: {exc}") from None


def cmd_init(args: argparse.Namespace) -> int:
    from .config import DEFAULT_CONFIG
    target = Path(args.path).expanduser() if args.path else user_config_dir() / "config.yaml"
    if target.is_dir():
        target = target / "config.yaml"
    if target.exists() and not args.force:
        raise ConfigError(f"{target}: exists already; kzmon init --force overwrites it")
    data_dir = Path(args.data_dir).expanduser().resolve() if args.data_dir else user_data_dir()
    text = starter_config(DEFAULT_CONFIG.read_text(encoding="utf-8"), data_dir)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{target}: cannot write ({exc.strerror})") from None
    load_config(target)  # what was written loads
    if not quiet():
        print(f"wrote {target}")
        print(f"database and digests go to {data_dir}; edit email: and sources: there, then `kzmon run`")
    return EXIT_OK


def starter_config(text: str, data_dir: Path) -> str:
    """The bundled config with its database and workdir in data_dir (absolute, so the file can be
    moved), everything else (the real sources and their comments) as shipped."""
    out = []
    for line in text.splitlines(keepends=True):
        if line.startswith("database:"):
            line = f"database: {data_dir / 'kzmon.db'}\n"
        elif line.startswith("workdir:"):
            line = f"workdir: {data_dir}                  # digests are written here\n"
        out.append(line)
    return "".join(out)


def cmd_serve(args: argparse.Namespace) -> int:
    from .serve import run_serve
    return run_serve(_existing_database(args), host=args.host, port=args.port)


def cmd_export(args: argparse.Namespace) -> int:
    from .export import run_export
    return run_export(_existing_database(args), args.format, args.per, args.output)


def _lock(database: str):
    from .lock import job_lock
    return job_lock(Path(database))


# -- parser ----------------------------------------------------------------------------

def _examples(*lines: str) -> str:
    return "examples:\n" + "\n".join(f"  {line}" for line in lines)


def build_parser() -> argparse.ArgumentParser:
    fmt = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(
        prog="kzmon", formatter_class=fmt,
        description="Watch Kazakh government and news sites for industrial-project announcements.",
        epilog=_examples("kzmon demo                      # the whole job on the bundled replay, on 127.0.0.1",
                         "kzmon init && kzmon run         # a starter config, then one daily run",
                         "kzmon search --db kzmon-demo/kzmon.db 'цемент OR cement'",
                         "kzmon COMMAND --help            # each command's options and examples")
        + "\n\nexit codes: 0 ok, 1 some work failed, 2 bad config or usage, 3 another run holds the lock")
    parser.add_argument("--version", action="version", version=f"kzmon {version()}", help="print the version and exit")
    # Also accepted after the command (kzmon run -v); SUPPRESS keeps a subcommand from resetting them.
    parser.add_argument("-v", "--verbose", action="store_true", help="tracebacks and Scrapy's log (also KZMON_DEBUG=1)")
    parser.add_argument("-q", "--quiet", action="store_true", help="print only problems (on stderr)")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("-v", "--verbose", action="store_true", default=argparse.SUPPRESS,
                        help="tracebacks and Scrapy's log (also KZMON_DEBUG=1)")
    common.add_argument("-q", "--quiet", action="store_true", default=argparse.SUPPRESS,
                        help="print only problems (on stderr)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, help: str, *examples: str) -> argparse.ArgumentParser:
        return sub.add_parser(name, help=help, description=help, parents=[common], formatter_class=fmt,
                              epilog=_examples(*examples))

    p = command("run", "run the daily job once now (crawl, extract, store, digest)",
                "kzmon run", "kzmon run --config /etc/kzmon/config.yaml --quiet   # for cron: only problems",
                "kzmon run --source astanatimes -v")
    _config_arg(p)
    p.add_argument("--source", metavar="ID", help="only this source (an id from the config), e.g. --source kapital")
    p.set_defaults(func=cmd_run)

    p = command("demo", "the daily job against the bundled replay of the sources, on 127.0.0.1",
                "kzmon demo", "kzmon demo --workdir /tmp/kzmon-demo")
    p.add_argument("--workdir", type=Path, default=Path("kzmon-demo"), metavar="DIR",
                   help="where kzmon.db, the digest and the mail go (default: ./kzmon-demo)")
    _config_arg(p)
    p.set_defaults(func=cmd_demo)

    p = command("extract", "print the announcements in documents (.txt, .html, .jsonl)",
                "kzmon extract article.html", "kzmon extract --published 2026-11-19 --format jsonl news.txt")
    p.add_argument("inputs", nargs="+", type=Path, metavar="INPUT", help="a .txt, .html or .jsonl file")
    p.add_argument("--published", type=_date, metavar="YYYY-MM-DD", help="publication date for inputs that carry none, e.g. 2026-11-19")
    p.add_argument("--format", choices=["jsonl", "pretty"], default="pretty", help="jsonl: one JSON line per document (default: pretty)")
    p.set_defaults(func=cmd_extract)

    p = command("reextract", "re-run the extractor over stored articles, without crawling",
                "kzmon reextract", "kzmon reextract --source kapital --since 2026-09-01")
    _config_arg(p)
    p.add_argument("--source", metavar="ID", help="only this source's articles, e.g. --source kapital")
    p.add_argument("--since", type=_date, metavar="YYYY-MM-DD", help="only articles published on or after this day, e.g. 2026-09-01")
    p.set_defaults(func=cmd_reextract)

    p = command("backfill", "walk sitemaps, archives and listing pages back to a date",
                "kzmon backfill --since 2026-09-01", "kzmon backfill --since 2026-01-01 --source kursiv")
    _config_arg(p)
    p.add_argument("--since", type=_date, required=True, metavar="YYYY-MM-DD", help="how far back, e.g. 2026-09-01")
    p.add_argument("--source", metavar="ID", help="only this source, e.g. --source kursiv")
    p.set_defaults(func=cmd_backfill)

    p = command("schedule", "run the daily job on the configured cron, in the configured time zone",
                "kzmon schedule", "kzmon schedule --config /etc/kzmon/config.yaml --now")
    _config_arg(p)
    p.add_argument("--now", action="store_true", help="also run the job once right away")
    p.set_defaults(func=cmd_schedule)

    p = command("digest", "write, send or resend the digest email",
                "kzmon digest --dry-run", "kzmon digest --resend 2026-11-20")
    _config_arg(p)
    p.add_argument("--dry-run", action="store_true", help="write the digest files; send and mark nothing")
    p.add_argument("--resend", type=_date, metavar="YYYY-MM-DD", help="send the digest of that day again, e.g. 2026-11-20")
    p.set_defaults(func=cmd_digest)

    p = command("sources", "list sources with their health, or check their discovery now",
                "kzmon sources", "kzmon sources check", "kzmon sources check kapital --first 5")
    _config_arg(p)
    p.add_argument("action", nargs="?", choices=["list", "check"], default="list",
                   help="list (default): health from past runs; check: run discovery now into a throwaway database")
    p.add_argument("source_id", nargs="?", metavar="ID", help="with check: only this source")
    p.add_argument("--first", type=int, default=10, metavar="N", help="with check: show the first N URLs per source (default 10)")
    p.set_defaults(func=cmd_sources)

    p = command("search", "full-text search over stored articles (Russian and Kazakh word forms included)",
                "kzmon search трубы                       # also finds труб, трубами",
                "kzmon search --db kzmon-demo/kzmon.db '\"copper smelter\" OR медеплавильный'",
                "kzmon search cement NOT Shymkent --language en --since 2026-11-01",
                "kzmon search --project 15               # every article about project 15",
                "kzmon search завод --source kapital --json")
    _config_arg(p)
    p.add_argument("query", nargs="*", help='words (all must match), "quoted phrases", and AND, OR, NOT in capitals')
    p.add_argument("--db", type=Path, metavar="FILE", help="the SQLite database to search (default: the config's)")
    p.add_argument("--source", metavar="ID", help="only articles of this source, e.g. --source kapital")
    p.add_argument("--language", choices=["en", "ru", "kk"], help="only articles in this language")
    p.add_argument("--since", type=_date, metavar="YYYY-MM-DD", help="published on or after this day")
    p.add_argument("--until", type=_date, metavar="YYYY-MM-DD", help="published on or before this day")
    p.add_argument("--project", type=int, metavar="ID", help="only articles announcing this project (projects.id)")
    p.add_argument("--limit", type=int, default=20, help="at most this many stories (default 20)")
    p.add_argument("--json", dest="as_json", action="store_true", help="one JSON object per line")
    p.set_defaults(func=cmd_search)

    p = command("init", "write a starter config (the real sources, with comments) to edit",
                "kzmon init                                  # ~/.config/kzmon/config.yaml",
                "kzmon init --path /etc/kzmon/config.yaml --data-dir /var/lib/kzmon",
                "kzmon init --force                          # overwrite an existing one")
    p.add_argument("--path", type=Path, metavar="FILE", help="where to write it (default: ~/.config/kzmon/config.yaml)")
    p.add_argument("--data-dir", type=Path, metavar="DIR",
                   help="where its database and digests go (default: ~/.local/share/kzmon)")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")
    p.set_defaults(func=cmd_init)

    p = command("serve", "browse and query the database in Datasette (pip install 'kzmon[web]')",
                "kzmon serve                                 # http://127.0.0.1:8001/",
                "kzmon serve --db kzmon-demo/kzmon.db --port 8002",
                "kzmon serve --host 0.0.0.0                  # other machines too: put a login in front")
    _config_arg(p)
    p.add_argument("--db", type=Path, metavar="FILE", help="the SQLite database (default: the config's)")
    p.add_argument("--port", type=int, default=8001, help="port to listen on (default 8001)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)")
    p.set_defaults(func=cmd_serve)

    p = command("export", "write projects (or announcements) as CSV or an Excel workbook",
                "kzmon export --format xlsx -o projects.xlsx",
                "kzmon export --format csv --per announcement -o announcements.csv",
                "kzmon export --db kzmon-demo/kzmon.db --format csv -o -   # to stdout")
    _config_arg(p)
    p.add_argument("--db", type=Path, metavar="FILE", help="the SQLite database (default: the config's)")
    p.add_argument("--format", choices=["csv", "xlsx"], default="csv", help="csv (default) or xlsx")
    p.add_argument("--per", choices=["project", "announcement"], default="project",
                   help="one row per project (default) or per announcement")
    p.add_argument("-o", "--output", type=Path, metavar="FILE",
                   help="file to write (default: kzmon-projects.csv or .xlsx here; '-' is stdout for csv)")
    p.set_defaults(func=cmd_export)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    set_quiet(bool(getattr(args, "quiet", False)))
    try:
        return args.func(args)
    except ConfigError as exc:
        print(exc, file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("kzmon: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `kzmon search ... | head`: the reader has what it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:  # noqa: BLE001 - one line for the user; -v or KZMON_DEBUG=1 shows the traceback
        name = type(exc).__name__
        if name == "AlreadyRunning":
            print(f"kzmon: {exc}", file=sys.stderr)
            return EXIT_LOCKED
        if _verbose(args):
            raise
        problem(f"{name}: {exc} (-v or KZMON_DEBUG=1 shows the traceback)")
        return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
