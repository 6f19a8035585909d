"""Delivery against a real SMTP server (aiosmtpd on 127.0.0.1): content, exactly once, retries, crashes."""
from __future__ import annotations

import argparse
import email
import os
import signal
import subprocess
import sys
import time
from datetime import timedelta
from email import policy
from pathlib import Path

import pytest
import yaml
from aiosmtpd.controller import Controller
from kzmon.mailsink import free_port
from test_digest_support import AS_OF, SOURCES, add_article, make_db, sample_news

from kzmon.config import load_config
from kzmon.digest import deliver, resend, write_digest
from kzmon.digest.cli import main_digest
from kzmon.digest.send import PAUSE_AFTER_SEND_ENV
from kzmon.storage import open_db, outbox

REPO = Path(__file__).resolve().parent.parent


class Inbox:
    """aiosmtpd handler keeping every accepted message, parsed."""

    def __init__(self) -> None:
        self.messages: list[email.message.EmailMessage] = []

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=policy.default)
        message["X-Envelope-To"] = ",".join(envelope.rcpt_tos)
        self.messages.append(message)
        return "250 Message accepted for delivery"

    def to(self, address: str) -> list[email.message.EmailMessage]:
        return [m for m in self.messages if m["X-Envelope-To"] == address]


class SmtpServer:
    def __init__(self, port: int) -> None:
        self.port = port
        self.inbox = Inbox()
        self.controller: Controller | None = None

    def start(self) -> None:
        self.controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self) -> None:
        if self.controller:
            self.controller.stop()
            self.controller = None


@pytest.fixture()
def smtp():
    server = SmtpServer(free_port())
    server.start()
    yield server
    server.stop()


def write_config(tmp_path: Path, port: int, to: list) -> Path:
    path = tmp_path / "config.yaml"
    path.write_text(yaml.safe_dump({
        "database": "k.db", "workdir": "out",
        "email": {"enabled": True, "smtp_host": "127.0.0.1", "smtp_port": port, "security": "none",
                  "from_address": "kzmon@digest.example.kz", "user_env": None, "password_env": None,
                  "timeout_seconds": 5, "to": to},
        "sources": SOURCES,
    }))
    return path


RECIPIENTS = ["analyst@example.kz",
              {"address": "energy@example.kz", "filters": {"sectors": ["energy"]}},
              {"address": "pharma@example.kz", "filters": {"sectors": ["pharma"]}}]


def setup_world(tmp_path: Path, port: int, to: list = RECIPIENTS):
    config = load_config(write_config(tmp_path, port, to))
    db = make_db(config)
    sample_news(db)
    write_digest(db, config, Path(config.workdir), as_of=AS_OF)
    return config, db


def parts(message) -> dict[str, str]:
    return {part.get_content_type(): part.get_content() for part in message.walk() if not part.is_multipart()}


def test_each_recipient_gets_one_filtered_multipart_digest(tmp_path, smtp):
    config, db = setup_world(tmp_path, smtp.port)
    report = deliver(db, config)
    assert (report.sent, report.skipped, report.pending) == (2, 1, 0)
    [analyst] = smtp.inbox.to("analyst@example.kz")
    [energy] = smtp.inbox.to("energy@example.kz")
    assert smtp.inbox.to("pharma@example.kz") == [], "a filtered recipient with no news gets no mail"

    assert analyst.get_content_type() == "multipart/alternative"
    assert analyst["Subject"] == "kzmon digest 2026-11-20: 4 new projects, 1 programme, 0 updates"
    assert analyst["From"] == "kzmon@digest.example.kz" and analyst["To"] == "analyst@example.kz"
    assert analyst["Message-ID"].endswith("@digest.example.kz>") and analyst["Date"]
    body = parts(analyst)
    assert set(body) == {"text/plain", "text/html"}
    assert 'href="https://vestnik.example.kz/news/' in body["text/html"]
    assert "https://vestnik.example.kz/news/" in body["text/plain"]
    assert "<script" not in body["text/html"] and "&lt;script&gt;" in body["text/html"]
    html = body["text/html"]
    listing = html[html.index(">New projects<"):]
    assert listing.index("Almaty") < listing.index("Karaganda") < listing.index("Turkistan")

    energy_body = parts(energy)
    assert energy["Subject"].endswith("1 new project, 0 updates")
    assert "50 MW solar park" in energy_body["text/plain"] and "copper wire rod plant" not in energy_body["text/plain"]


def test_no_second_copy_after_a_rerun(tmp_path, smtp):
    config, db = setup_world(tmp_path, smtp.port, ["analyst@example.kz"])
    deliver(db, config)
    again = write_digest(db, config, Path(config.workdir), as_of=AS_OF + timedelta(hours=2))
    report = deliver(db, config)
    assert again.edition_id is None and report.sent == 0
    assert len(smtp.inbox.messages) == 1


def test_kept_and_retried_after_the_server_was_down(tmp_path, smtp):
    config, db = setup_world(tmp_path, smtp.port, ["analyst@example.kz"])
    smtp.stop()
    down = deliver(db, config)
    assert down.sent == 0 and down.pending == 1 and down.errors
    assert [r["status"] for r in outbox.unsent(db)] == ["pending"]

    # Next day: a new article arrives while the old digest is still owed.
    add_article(db, source="wire", title="Cable factory", published=AS_OF + timedelta(hours=10),
                announcements=[{"title": "power cable factory", "sector": "electrical_electronics", "jobs": 90}])
    write_digest(db, config, Path(config.workdir), as_of=AS_OF + timedelta(days=1))
    smtp.start()
    up = deliver(db, config)
    assert up.sent == 2 and up.pending == 0
    first, second = smtp.inbox.messages
    assert "2026-11-20" in first["Subject"] and "2026-11-21" in second["Subject"]
    assert "power cable factory" in parts(second)["text/plain"]
    assert "power cable factory" not in parts(first)["text/plain"], "a kept message is sent as it was"
    assert deliver(db, config).sent == 0 and len(smtp.inbox.messages) == 2


CHILD = """
import sys
from pathlib import Path
from kzmon.config import load_config
from kzmon.digest import deliver
from kzmon.storage import open_db
config = load_config(sys.argv[1])
deliver(open_db(config.database), config)
"""


def test_killed_between_send_and_record_resends_the_same_message(tmp_path, smtp):
    config, db = setup_world(tmp_path, smtp.port, ["analyst@example.kz"])
    marker = tmp_path / "accepted"
    env = {**os.environ, PAUSE_AFTER_SEND_ENV: str(marker), "PYTHONPATH": str(REPO)}
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(tmp_path / "config.yaml")], env=env, cwd=REPO)
    deadline = time.monotonic() + 30
    while not marker.exists():
        assert child.poll() is None, "the sender died before the hook"
        assert time.monotonic() < deadline, "the sender never reached the hook"
        time.sleep(0.05)
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=10)
    assert len(smtp.inbox.messages) == 1, "the server accepted it before the kill"
    db = open_db(config.database)
    assert [r["status"] for r in outbox.unsent(db)] == ["sending"], "the crash window is visible in the outbox"

    report = deliver(db, config)
    assert report.sent == 1
    first, retry = smtp.inbox.messages
    assert retry["Message-ID"] == first["Message-ID"], "same digest, same id: mail stores drop the duplicate"
    assert parts(retry) == parts(first)
    assert deliver(db, config).sent == 0 and len(smtp.inbox.messages) == 2
    rows = db.execute("SELECT count(*) FROM digest_outbox WHERE kind = 'digest'").fetchone()[0]
    assert rows == 1, "the announcements were never put into a second digest"


def test_resend_sends_a_past_digest_as_a_new_message(tmp_path, smtp):
    config, db = setup_world(tmp_path, smtp.port, ["analyst@example.kz"])
    deliver(db, config)
    report = resend(db, config, AS_OF.date())
    assert report.sent == 1
    original, copy = smtp.inbox.messages
    assert copy["Message-ID"] != original["Message-ID"]
    assert copy["References"] == original["Message-ID"]
    assert copy["Subject"] == original["Subject"] + " (resent)"
    assert parts(copy)["text/plain"].split("\n", 2)[2] == parts(original)["text/plain"].split("\n", 2)[2]
    assert resend(db, config, (AS_OF - timedelta(days=30)).date()).errors


def test_cli_dry_run_writes_files_and_sends_nothing(tmp_path, smtp, capsys):
    config_path = write_config(tmp_path, smtp.port, ["analyst@example.kz"])
    config = load_config(config_path)
    sample_news(make_db(config))
    args = argparse.Namespace(config=config_path, dry_run=True, resend=None)
    assert main_digest(args) == 0
    out = capsys.readouterr().out
    assert "dry run" in out and list(Path(config.workdir).glob("digest-*.html"))
    assert smtp.inbox.messages == []
    db = open_db(config.database)
    assert db["digest_editions"].count == 0 and len(outbox.undigested_announcement_ids(db)) == 7
