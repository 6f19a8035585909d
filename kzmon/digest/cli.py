"""`kzmon digest [--dry-run] [--resend DATE] [--config FILE]` for the lead's argparse CLI."""
from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path

from kzmon.config import ConfigError, load_config
from kzmon.lock import EXIT_ALREADY_RUNNING, AlreadyRunning, job_lock
from kzmon.storage import open_db, outbox

from .edition import write_digest
from .filters import is_unfiltered
from .send import DeliveryReport, _compose, deliver, resend


def add_digest_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", type=Path, default=None, help="config file (default: ./config.yaml)")
    parser.add_argument("--dry-run", action="store_true",
                        help="send, queue and mark nothing: write the digest files, or with --resend list what "
                             "would be resent")
    parser.add_argument("--resend", metavar="DATE", type=date.fromisoformat,
                        help="send the digest of DATE (YYYY-MM-DD) again")


def _print_delivery(report: DeliveryReport) -> None:
    print(f"email: {report}" if report.enabled else "email: disabled in the config, nothing sent")
    for error in report.errors[1:]:
        print(f"email: {error}", file=sys.stderr)


def _preview_resend(db, config, day: date) -> int:
    """What `--resend DAY` would send, composed exactly as resend() composes it; nothing is
    queued, marked or sent (resend() would also send every message still owed)."""
    print(f"dry run: would resend the digest of {day.isoformat()}")
    code = 0
    editions = outbox.editions_on(db, day.isoformat())
    if not config.email.enabled:
        print("  email is disabled in the config (email.enabled: false): a resend would send nothing")
        code = 1
    elif not editions:
        print(f"  no digest was written on {day.isoformat()}")
        code = 1
    for edition_id in editions if config.email.enabled else []:
        for recipient in config.email.to:
            count = outbox.resend_count(db, edition_id, recipient.address) + 1
            _, title, _, has_content = _compose(db, config.email, recipient, edition_id, resend=count)
            if has_content or is_unfiltered(recipient.filters):
                print(f"  to {recipient.address}: {title}")
            else:
                print(f"  not to {recipient.address}: nothing for its filters")
    owed = len(outbox.unsent(db)) if config.email.enabled else 0
    if owed:
        print(f"  and {owed} message(s) still owed from earlier runs")
    print("dry run: nothing queued, nothing marked, nothing sent")
    return code


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
            # --dry-run wins over everything else: it never reaches a function that sends.
            dry_run = bool(getattr(args, "dry_run", False))
            if dry_run and args.resend:
                return _preview_resend(db, config, args.resend)
            if dry_run:
                result = write_digest(db, config, Path(config.workdir), dry_run=True)
                print(f"{result.subject}\n  {result.html_path}\n  {result.text_path}")
                print("dry run: nothing marked, nothing sent")
                return 0
            if args.resend:
                report = resend(db, config, args.resend)
                _print_delivery(report)
                return 1 if report.errors else 0
            result = write_digest(db, config, Path(config.workdir))
            print(f"{result.subject}\n  {result.html_path}\n  {result.text_path}")
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
