"""`kzmon digest [--dry-run] [--resend DATE] [--config FILE]` for the lead's argparse CLI."""
from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path

from kzmon.config import ConfigError, load_config
from kzmon.lock import EXIT_ALREADY_RUNNING, AlreadyRunning, job_lock
from storage import open_db

from .edition import write_digest
from .send import DeliveryReport, deliver, resend


def add_digest_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", type=Path, default=None, help="config file (default: ./config.yaml)")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--dry-run", action="store_true",
                      help="write the digest files without sending or marking anything")
    mode.add_argument("--resend", metavar="DATE", type=date.fromisoformat,
                      help="send the digest of DATE (YYYY-MM-DD) again")


def _print_delivery(report: DeliveryReport) -> None:
    print(f"email: {report}" if report.enabled else "email: disabled in the config, nothing sent")
    for error in report.errors[1:]:
        print(f"email: {error}", file=sys.stderr)


def main_digest(args: argparse.Namespace) -> int:
    try:
        config = load_config(args.config or os.environ.get("KZMON_CONFIG") or None)
    except ConfigError as exc:
        print(exc, file=sys.stderr)
        return 2
    db_path = Path(config.database)
    try:
        with job_lock(db_path):
            db = open_db(db_path)
            if args.resend:
                report = resend(db, config, args.resend)
                _print_delivery(report)
                return 1 if report.errors else 0
            result = write_digest(db, config, Path(config.workdir), dry_run=args.dry_run)
            print(f"{result.subject}\n  {result.html_path}\n  {result.text_path}")
            if args.dry_run:
                print("dry run: nothing marked, nothing sent")
                return 0
            report = deliver(db, config)
            _print_delivery(report)
            return 1 if report.pending else 0
    except AlreadyRunning as exc:
        print(f"kzmon: {exc}", file=sys.stderr)
        return EXIT_ALREADY_RUNNING


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="kzmon digest")
    add_digest_arguments(parser)
    return main_digest(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
