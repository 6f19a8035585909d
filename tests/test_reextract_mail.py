"""Exactly once survives re-extraction: `kzmon reextract` keeps each announcement's identity, so
what a digest already mailed is not mailed again, and projects and editions stay consistent.

Everything is real: the extractor, SQLite, `run_reextract` (the function behind `kzmon reextract`)
and an SMTP server on 127.0.0.1 (kzmon.mailsink, the demo's aiosmtpd sink).
"""
from __future__ import annotations

import email
from datetime import timedelta
from email import policy
from pathlib import Path

import pytest
from test_digest_support import AS_OF, make_config, make_db

from kzmon.extract.announcements import extract_announcements
from kzmon.digest import deliver, write_digest
from kzmon.extract_cli import run_reextract
from kzmon.mailsink import MailSink
from kzmon.storage.articles import ArticleRecord, store_article

PUBLISHED = AS_OF - timedelta(hours=20)
STEEL = ("ASTANA – A steel pipe plant worth 45 billion tenge (US$90 million) will be built in Karaganda region "
         "by 2028, creating 600 permanent jobs, the Ministry of Industry and Construction said.")
SOLAR = "Separately, a 50 MW solar power plant worth $45 million was commissioned in Turkistan region on Monday."
FERRO = "In Pavlodar region, Silk Road Ferro will build a ferroalloy plant worth 131.5 billion tenge with 650 jobs."
TEXT = " ".join([STEEL, SOLAR, FERRO])
TITLE = "Industry news of the day"   # a headline that states no record of its own


def current_records() -> list[dict]:
    """The extractor's three project records (a pool of the headline's three may come too)."""
    records = extract_announcements(TEXT, PUBLISHED.date(), "en", TITLE)
    assert [next(k for k in ("steel pipe", "solar", "ferroalloy") if k in r["title"]) for r in records] == \
        ["steel pipe", "solar", "ferroalloy"]
    return records


def titles() -> list[str]:
    return [r["title"] for r in current_records()]


def older_extractor(records: list[dict]) -> dict[str, dict]:
    """What an earlier extractor made of the same sentences: shorter titles, figures missed."""
    steel, solar, ferro = (dict(r) for r in records)
    steel.update(status=None, period=None)
    solar.update(title="solar plant", investment_usd=None)
    ferro.update(title="ferroalloy", jobs=None)
    stale = dict(steel, title="Ministry of Industry and Construction", sector=None, regions=[], investment_kzt=None,
                 investment_usd=None, jobs=1, evidence="the Ministry of Industry and Construction said.")
    return {"steel": steel, "solar": solar, "ferro": ferro, "stale": stale}


@pytest.fixture()
def sink(tmp_path):
    with MailSink(tmp_path / "mail") as server:
        yield server


def world(tmp_path: Path, port: int, stored: list[dict]):
    config = make_config(tmp_path, port=port, to=["analyst@example.kz"])
    db = make_db(config)
    url = "https://wire.example.kz/news/three-projects"
    article_id = store_article(db, ArticleRecord(source_id="wire", url=url, canonical_url=url, title=TITLE, text=TEXT,
                                                 language="en", published=PUBLISHED.isoformat(), announcements=stored))
    return config, db, article_id


def rows(db, article_id: int) -> list[tuple]:
    return db.execute("SELECT id, position, title, project_id FROM announcements WHERE article_id = ? ORDER BY position",
                      [article_id]).fetchall()


def parsed(sink: MailSink) -> list[email.message.EmailMessage]:
    return [email.message_from_bytes(m.as_bytes(), policy=policy.default) for m in sink.maildir]


def subjects(sink: MailSink) -> list[str]:
    return sorted(m["Subject"] for m in parsed(sink))


def assert_projects_consistent(db) -> None:
    dangling = db.execute("SELECT count(*) FROM announcements WHERE project_id IS NOT NULL AND project_id NOT IN "
                          "(SELECT id FROM projects)").fetchone()[0]
    assert dangling == 0, "an announcement points at a project that is gone"
    counts = db.execute("SELECT p.id, p.announcement_count, (SELECT count(*) FROM announcements n "
                        "WHERE n.project_id = p.id) FROM projects p").fetchall()
    assert all(stated == actual and actual > 0 for _, stated, actual in counts), \
        f"projects out of step with their announcements: {counts}"


def test_mailed_records_are_not_mailed_again_after_reextract(tmp_path, sink):
    records = current_records()
    old = older_extractor(records)
    # The older extractor also ordered them differently and found a record that is not one.
    config, db, article_id = world(tmp_path, sink.port, [old["ferro"], old["stale"], old["steel"], old["solar"]])
    first = write_digest(db, config, Path(config.workdir), as_of=AS_OF)
    assert first.announcements == 4 and deliver(db, config).sent == 1
    before = {title: (aid, project) for aid, _, title, project in rows(db, article_id)}

    assert run_reextract(str(config.database), None, None) == 0

    after = rows(db, article_id)
    assert [title for _, _, title, _ in after] == titles()
    assert [(aid, project) for aid, _, _, project in after] == \
        [before["steel pipe plant"], before["solar plant"], before["ferroalloy"]], \
        "a record re-extracted from the same sentence keeps its id and its project"
    assert db.execute("SELECT count(*) FROM digest_items WHERE announcement_id IN (?, ?, ?)",
                      [a[0] for a in after]).fetchone()[0] == 3, "the mailed records stay claimed by their edition"
    assert db.execute("SELECT count(*) FROM announcements WHERE title = ?", [old["stale"]["title"]]).fetchone()[0] == 0
    assert_projects_consistent(db)
    steel_project = db.execute("SELECT status FROM projects WHERE id = ?", [before["steel pipe plant"][1]]).fetchone()
    assert steel_project == ("planned",), "a project shows its records as they are now"

    # Same day: nothing to claim, no second edition, no mail.
    again = write_digest(db, config, Path(config.workdir), as_of=AS_OF + timedelta(hours=2))
    assert again.announcements == 0 and again.edition_id is None
    assert deliver(db, config).sent == 0
    # Next day: the heartbeat digest of an unfiltered recipient goes out, with nothing new in it.
    tomorrow = write_digest(db, config, Path(config.workdir), as_of=AS_OF + timedelta(days=1))
    assert tomorrow.announcements == 0 and (tomorrow.new_projects, tomorrow.updates) == (0, 0)
    assert deliver(db, config).sent == 1
    assert subjects(sink) == [first.subject, "kzmon digest 2026-11-21: 0 new projects, 0 updates"]
    # And re-extracting once more changes nothing at all.
    assert run_reextract(str(config.database), None, None) == 0
    assert rows(db, article_id) == after


def test_only_the_record_the_extractor_newly_finds_is_mailed(tmp_path, sink):
    records = current_records()
    old = older_extractor(records)
    # The older extractor missed the solar plant, which sits between the other two.
    config, db, article_id = world(tmp_path, sink.port, [old["steel"], old["ferro"]])
    write_digest(db, config, Path(config.workdir), as_of=AS_OF)
    assert deliver(db, config).sent == 1
    before = rows(db, article_id)

    assert run_reextract(str(config.database), None, None) == 0

    after = rows(db, article_id)
    steel, solar, ferro = titles()
    assert [(aid, title) for aid, _, title, _ in after][::2] == [(before[0][0], steel), (before[1][0], ferro)]
    assert after[1][2] == solar and after[1][0] not in {b[0] for b in before}
    assert after[1][3] is not None, "the new record is linked to a project"
    assert_projects_consistent(db)

    second = write_digest(db, config, Path(config.workdir), as_of=AS_OF + timedelta(hours=2))
    assert second.announcements == 1 and second.new_projects == 1
    assert deliver(db, config).sent == 1
    assert subjects(sink) == ["kzmon digest 2026-11-20: 1 new project, 0 updates",
                              "kzmon digest 2026-11-20: 2 new projects, 0 updates"]
    [newest] = [m for m in parsed(sink) if m["Subject"].endswith("1 new project, 0 updates")]
    body = newest.get_body(("plain",)).get_content()
    assert "solar power plant" in body and "steel pipe plant" not in body and "ferroalloy" not in body


def test_two_projects_of_one_sentence_keep_apart(tmp_path):
    """The same evidence sentence is not enough: a record keeps the identity of the stored record
    that names the same thing, and the other project of the sentence is new."""
    from kzmon.storage.articles import replace_announcements

    text = ("A cement plant worth 20 billion tenge and a brick factory worth 5 billion tenge will be built in "
            "Turkistan region, creating 300 and 120 jobs.")
    cement, brick = extract_announcements(text, PUBLISHED.date(), "en", "Turkistan news")
    assert (cement["title"], brick["title"]) == ("cement plant", "brick factory")
    config = make_config(tmp_path)
    db = make_db(config)
    url = "https://wire.example.kz/news/two-plants"
    article_id = store_article(db, ArticleRecord(source_id="wire", url=url, canonical_url=url, title="Turkistan news",
                                                 text=text, language="en", published=PUBLISHED.isoformat(),
                                                 announcements=[dict(brick, jobs=None)]))
    [(brick_id, _, _, brick_project)] = rows(db, article_id)

    changes = replace_announcements(db, article_id, [cement, brick])

    (cement_id, _, _, cement_project), (kept_id, _, title, kept_project) = rows(db, article_id)
    assert (kept_id, title, kept_project) == (brick_id, "brick factory", brick_project)
    assert changes.inserted == [cement_id] and changes.updated == [brick_id] and not changes.deleted
    assert cement_project not in (None, brick_project)
    assert_projects_consistent(db)
