"""`kzmon digest --dry-run` sends nothing and marks nothing, whatever it is combined with.

Checked through the real `kzmon` command line against a real SMTP server on 127.0.0.1
(kzmon.mailsink) that must receive nothing, with a message owed in the outbox that a send
would deliver at once.
"""
from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
import yaml
from test_digest_support import AS_OF, SOURCES, make_db, sample_news

from kzmon.cli import main
from kzmon.config import load_config
from kzmon.digest import deliver, write_digest
from kzmon.mailsink import MailSink, free_port

DAY = AS_OF.date().isoformat()


def write_config(tmp_path: Path, port: int) -> Path:
    path = tmp_path / "config.yaml"
    path.write_text(yaml.safe_dump({
        "database": "k.db", "workdir": "out",
        "email": {"enabled": True, "smtp_host": "127.0.0.1", "smtp_port": port, "security": "none",
                  "from_address": "kzmon@digest.example.kz", "user_env": None, "password_env": None,
                  "timeout_seconds": 5, "to": ["analyst@example.kz"]},
        "sources": SOURCES,
    }))
    return path


def outbox_state(db) -> list[tuple]:
    return db.execute("SELECT id, kind, status, attempts FROM digest_outbox ORDER BY id").fetchall()


@pytest.fixture()
def owed(tmp_path):
    """A digest of DAY whose message is owed: the server was down when it was first sent."""
    with MailSink(tmp_path / "mail") as sink:
        config = load_config(write_config(tmp_path, sink.port))
        db = make_db(config)
        sample_news(db)
        write_digest(db, config, Path(config.workdir), as_of=AS_OF)
        down = config.model_copy(update={"email": config.email.model_copy(update={"smtp_port": free_port()})})
        report = deliver(db, down)
        assert report.sent == 0 and report.pending == 1
        yield tmp_path / "config.yaml", db, sink


@pytest.mark.parametrize("options", [
    ["--dry-run", "--resend", DAY],
    ["--resend", DAY, "--dry-run"],
    ["--dry-run", "--resend", (AS_OF.date() - timedelta(days=3)).isoformat()],
], ids=["dry-run-resend", "resend-dry-run", "dry-run-resend-day-without-digest"])
def test_dry_run_sends_nothing_and_marks_nothing(owed, options, capsys):
    config_path, db, sink = owed
    before = outbox_state(db)
    editions = db.execute("SELECT count(*) FROM digest_editions").fetchone()[0]

    code = main(["digest", "--config", str(config_path), *options])

    out = capsys.readouterr().out
    assert sink.received == 0, f"kzmon digest {' '.join(options)} sent mail"
    assert outbox_state(db) == before, "a dry run queued or marked a message"
    assert db.execute("SELECT count(*) FROM digest_editions").fetchone()[0] == editions
    assert "dry run" in out and "nothing sent" in out
    assert code in (0, 1)

    # Without --dry-run the owed message goes out: the sink was listening all along.
    assert main(["digest", "--config", str(config_path)]) == 0
    assert sink.received >= 1


def test_dry_run_resend_says_what_it_would_send(owed, capsys):
    config_path, db, sink = owed
    assert main(["digest", "--config", str(config_path), "--dry-run", "--resend", DAY]) == 0
    out = capsys.readouterr().out
    assert f"would resend the digest of {DAY}" in out and "analyst@example.kz" in out
    assert sink.received == 0
