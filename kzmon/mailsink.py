"""A real SMTP server on 127.0.0.1 that files what it receives into a Maildir.

The demo mails its digest here, so the whole path (composition, SMTP conversation,
the outbox's exactly-once bookkeeping) runs for real without a mail account. Started
only by `kzmon demo`; nothing listens otherwise.
"""
from __future__ import annotations

import mailbox
import socket
from pathlib import Path
from types import TracebackType

from aiosmtpd.controller import Controller


def free_port() -> int:
    """aiosmtpd's Controller needs a concrete port (port 0 breaks its readiness check)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class _MaildirHandler:
    def __init__(self, maildir: mailbox.Maildir) -> None:
        self.maildir = maildir
        self.received = 0

    async def handle_DATA(self, server: object, session: object, envelope: object) -> str:
        self.maildir.add(envelope.original_content or envelope.content)
        self.received += 1
        return "250 Message accepted for delivery"


class MailSink:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.maildir = mailbox.Maildir(str(folder), create=True)
        self.handler = _MaildirHandler(self.maildir)
        self.port = free_port()
        self._controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)

    @property
    def received(self) -> int:
        return self.handler.received

    def __enter__(self) -> "MailSink":
        self._controller.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None) -> None:
        self._controller.stop()
