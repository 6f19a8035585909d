"""Outbox delivery: enqueue each edition per recipient, then send what is owed over SMTP.

Guarantee (see docs/digest.md): every announcement is assigned to exactly one regular digest
message per recipient, and that message is retried until the server accepts it. The only
window where a message can go out twice is a crash after the server accepted it and before
"sent" is committed; the retry then carries the same Message-ID and the same bytes.
"""
from __future__ import annotations

import contextlib
import os
import signal
import smtplib
import ssl
import time
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import sqlite_utils

from kzmon.config import Config, Email, Recipient
from kzmon.storage import outbox

from .filters import describe, filter_data, is_unfiltered
from .message import build_message, message_id
from .render import render_html, render_text, subject

# Test hook: after the server accepted a message and before "sent" is recorded, create this
# file and sleep, so a test can SIGKILL the process exactly in the crash window.
PAUSE_AFTER_SEND_ENV = "KZMON_DIGEST_PAUSE_AFTER_SEND"


@dataclass
class DeliveryReport:
    enabled: bool = True
    enqueued: int = 0
    skipped: int = 0          # a filtered recipient with nothing in an edition gets no mail
    sent: int = 0
    pending: int = 0          # still owed after this run (server down, refused): retried next run
    errors: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        if not self.enabled:
            return "email disabled"
        line = f"{self.sent} sent, {self.enqueued} queued, {self.skipped} skipped, {self.pending} waiting for the next run"
        return line + (f" ({self.errors[0]})" if self.errors else "")


def _compose(db: sqlite_utils.Database, email: Email, recipient: Recipient, edition_id: int,
             *, resend: int = 0, references: str | None = None) -> tuple[str, str, bytes, bool]:
    """(message id, subject, bytes, has content) of one edition for one recipient."""
    stored = outbox.edition(db, edition_id)
    day = date.fromisoformat(stored["day"])
    data = filter_data(stored["data"], recipient.filters, recipient.watch)
    filters = describe(recipient.filters)
    title = subject(data, day) + (" (resent)" if resend else "")
    msg_id = message_id(edition_id, stored["day"], recipient.address, email.from_address, resend)
    body = build_message(
        from_address=email.from_address, to=recipient.address, subject=title,
        text=render_text(data, day, recipient.address, filters),
        html=render_html(data, day, recipient.address, filters),
        msg_id=msg_id, references=references,
    )
    return msg_id, title, body, bool(data["new"] or data["updates"] or data.get("watched"))


def enqueue_editions(db: sqlite_utils.Database, email: Email, report: DeliveryReport) -> None:
    outbox.register_recipients(db, [r.address for r in email.to])
    for recipient in email.to:
        for edition_id in outbox.editions_to_enqueue(db, recipient.address):
            msg_id, title, body, has_content = _compose(db, email, recipient, edition_id)
            # A recipient without filters also gets quiet days: the digest doubles as a heartbeat
            # and carries source health. A filtered one is only written to when there is news.
            status = outbox.PENDING if has_content or is_unfiltered(recipient.filters) else outbox.SKIPPED
            outbox.enqueue(db, edition_id, recipient.address, msg_id, title, body, status=status)
            report.enqueued += status == outbox.PENDING
            report.skipped += status == outbox.SKIPPED


def connect(email: Email) -> smtplib.SMTP:
    context = ssl.create_default_context()
    if email.security == "tls":
        client: smtplib.SMTP = smtplib.SMTP_SSL(email.smtp_host, email.smtp_port, timeout=email.timeout_seconds,
                                                context=context)
    else:
        client = smtplib.SMTP(email.smtp_host, email.smtp_port, timeout=email.timeout_seconds)
        if email.security == "starttls":
            client.starttls(context=context)
    credentials = email.credentials()
    if credentials:
        client.login(*credentials)
    return client


@contextlib.contextmanager
def signals_deferred():
    """Hold SIGINT/SIGTERM while a message is handed over and recorded, so a stop request
    lands after "sent" is committed instead of inside the crash window."""
    held = {signal.SIGINT, signal.SIGTERM}
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _pause_for_test_hook() -> None:
    marker = os.environ.get(PAUSE_AFTER_SEND_ENV)
    if marker:
        Path(marker).write_text(str(os.getpid()))
        time.sleep(3600)


def send_unsent(db: sqlite_utils.Database, email: Email, report: DeliveryReport) -> None:
    owed = outbox.unsent(db)
    if not owed:
        return
    try:
        client = connect(email)
    except (OSError, smtplib.SMTPException) as exc:
        report.errors.append(f"SMTP {email.smtp_host}:{email.smtp_port}: {exc}")
        report.pending += len(owed)
        return
    try:
        for index, row in enumerate(owed):
            outbox.mark_sending(db, row["id"])
            try:
                with signals_deferred():
                    client.sendmail(email.from_address, [row["recipient"]], row["message"])
                    _pause_for_test_hook()
                    outbox.mark_sent(db, row["id"])
                report.sent += 1
            except (smtplib.SMTPServerDisconnected, OSError) as exc:
                # The connection is gone: this and every later message wait for the next run.
                outbox.mark_failed(db, row["id"], str(exc))
                report.errors.append(f"{row['recipient']}: {exc}")
                report.pending += len(owed) - index
                return
            except smtplib.SMTPException as exc:
                outbox.mark_failed(db, row["id"], str(exc))
                report.errors.append(f"{row['recipient']}: {exc}")
                report.pending += 1
    finally:
        with contextlib.suppress(smtplib.SMTPException, OSError):
            client.quit()


def deliver(db: sqlite_utils.Database, config: Config, *, now: datetime | None = None) -> DeliveryReport:
    """Queue every edition not yet queued for each recipient, then send all that is owed."""
    if not config.email.enabled:
        return DeliveryReport(enabled=False)
    report = DeliveryReport()
    enqueue_editions(db, config.email, report)
    send_unsent(db, config.email, report)
    return report


def resend(db: sqlite_utils.Database, config: Config, day: date) -> DeliveryReport:
    """Send the digests of a past day again, as new messages that refer to the originals.

    A new Message-ID is needed because mail stores drop a message whose id they have seen.
    """
    report = DeliveryReport(enabled=config.email.enabled)
    if not config.email.enabled:
        report.errors.append("email is disabled in the config (email.enabled: false)")
        return report
    editions = outbox.editions_on(db, day.isoformat())
    if not editions:
        report.errors.append(f"no digest was written on {day.isoformat()}")
        return report
    for edition_id in editions:
        for recipient in config.email.to:
            original = outbox.original_message(db, edition_id, recipient.address)
            count = outbox.resend_count(db, edition_id, recipient.address) + 1
            msg_id, title, body, has_content = _compose(db, config.email, recipient, edition_id, resend=count,
                                                        references=original["message_id"] if original else None)
            if not has_content and not is_unfiltered(recipient.filters):
                report.skipped += 1
                continue
            outbox.enqueue(db, edition_id, recipient.address, msg_id, title, body, kind="resend",
                           resend_of=original["id"] if original else None)
            report.enqueued += 1
    send_unsent(db, config.email, report)
    return report
