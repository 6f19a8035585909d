"""An analyst's database: foreign keys added to a database that already holds data (nothing
lost, the FTS index still answering), lookup tables, whole-unit money, the two views."""
from __future__ import annotations

import sqlite3

import pytest
import sqlite_utils
import yaml

from kzmon.storage import open_db
from kzmon.storage.analyst import DATA, REGIONS_YAML, m_foreign_keys_and_whole_money
from kzmon.storage.migrations import MIGRATIONS


def _old_database(path) -> sqlite_utils.Database:
    """A database at the schema before the analyst migrations, holding a little of everything,
    including a reference to a story that is gone and money stored as REAL."""
    db = sqlite_utils.Database(path)
    db.execute("PRAGMA foreign_keys=ON")
    first = MIGRATIONS.index(m_foreign_keys_and_whole_money)
    for number, migration in enumerate(MIGRATIONS[:first], start=1):
        with db.conn:
            migration(db)
            db.execute(f"PRAGMA user_version = {number}")
    with db.conn:
        db.execute("INSERT INTO sources (id, name) VALUES ('wire', 'Steppe Wire'), ('vestnik', 'Vestnik')")
        db.execute("INSERT INTO stories (id, title) VALUES (1, 'Copper wire plant')")
        db.execute("INSERT INTO projects (id, title, sector, regions, companies, first_seen, last_seen, announcement_count) "
                   "VALUES (5, 'copper wire rod plant', 'metallurgy', '[\"KZ-35\", \"KZ-71\"]', '[\"Qazmys LLP\", \"Kazakh Invest\"]', "
                   "'2026-11-17T10:00:00+05:00', '2026-11-19T10:00:00+05:00', 2)")
        for n, (source, lang, published, kzt, usd, story) in enumerate([
                ("wire", "en", "2026-11-17T10:00:00+05:00", 48_500_000_000.0, 101_000_000.4, 1),
                ("vestnik", "ru", "2026-11-19T10:00:00+05:00", 50_000_000_000.0, None, 999)], start=1):
            db.execute("INSERT INTO articles (id, url, canonical_url, source_id, title, published, language, text, stem, "
                       "fetched_at, story_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       [n, f"https://{source}.kz/{n}", f"https://{source}.kz/{n}", source, f"Катанка {n}", published, lang,
                        "Завод медной катанки строят в Караганде", "завод медный катанка", published, story])
            db.execute("INSERT INTO article_urls (url, article_id) VALUES (?, ?)", [f"https://{source}.kz/{n}", n])
            db.execute("INSERT INTO announcements (article_id, position, kind, title, status, sector, regions, companies, "
                       "investment_kzt, investment_usd, jobs, area_m2, project_id) VALUES (?, 0, 'project', 'wire rod plant', "
                       "?, 'metallurgy', '[\"KZ-35\"]', '[\"Qazmys LLP\"]', ?, ?, ?, 1500.6, 5)",
                       [n, "planned" if n == 1 else "under_construction", kzt, usd, 350 if n == 1 else 400])
        db.execute("INSERT INTO runs (id, started_at, status) VALUES (1, '2026-11-19T02:00:00+00:00', 'partial')")
        db.execute("INSERT INTO run_sources (run_id, source_id, errors, last_error) VALUES (1, 'wire', 0, NULL), "
                   "(1, 'gone', 2, 'connection refused')")
        db.execute("INSERT INTO digest_editions (id, day, created_at, data) VALUES (1, '2026-11-19', '2026-11-19T02:00:00+00:00', '{}')")
        db.execute("INSERT INTO digest_items (announcement_id, edition_id) VALUES (1, 1)")
    return db


@pytest.fixture()
def migrated(tmp_path):
    path = tmp_path / "old.db"
    _old_database(path).close()
    db = open_db(path)
    yield db
    db.close()


def test_foreign_keys_added_and_every_row_kept(migrated):
    db = migrated
    fks = {(fk.table, fk.column, fk.other_table) for t in ("announcements", "articles", "run_sources")
           for fk in db[t].foreign_keys}
    assert {("announcements", "project_id", "projects"), ("articles", "story_id", "stories"),
            ("run_sources", "run_id", "runs"), ("run_sources", "source_id", "sources"),
            ("articles", "source_id", "sources"), ("announcements", "article_id", "articles")} <= fks
    counts = {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("articles", "announcements", "article_urls", "run_sources", "digest_items")}
    assert counts == {"articles": 2, "announcements": 2, "article_urls": 2, "run_sources": 2, "digest_items": 1}
    assert db.execute("SELECT story_id FROM articles ORDER BY id").fetchall() == [(1,), (None,)], \
        "a reference to a story that is gone is cleared, the article kept"
    assert db.execute("SELECT name FROM sources WHERE id = 'gone'").fetchone() == ("gone",)
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    # the FTS index still answers, and its triggers still fire for new rows
    assert db.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'катанки'").fetchall() == [(1,), (2,)]
    db["articles"].insert({"url": "https://wire.kz/3", "canonical_url": "https://wire.kz/3", "source_id": "wire",
                           "title": "Ферросплавный завод", "text": "x", "fetched_at": "2026-11-20"})
    assert db.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'ферросплавный'").fetchone() == (1,)


def test_foreign_keys_are_enforced(migrated):
    with pytest.raises(sqlite3.IntegrityError):
        migrated.execute("UPDATE announcements SET project_id = 12345 WHERE id = 1")
    with pytest.raises(sqlite3.IntegrityError):
        migrated.execute("INSERT INTO run_sources (run_id, source_id) VALUES (99, 'wire')")


def test_money_and_area_are_integers(migrated):
    rows = migrated.execute("SELECT typeof(investment_kzt), investment_kzt, typeof(investment_usd), investment_usd, "
                            "typeof(area_m2), area_m2 FROM announcements ORDER BY id").fetchall()
    assert rows[0] == ("integer", 48_500_000_000, "integer", 101_000_000, "integer", 1501)
    assert rows[1][:3] == ("integer", 50_000_000_000, "null")
    assert {c.name: c.type for c in migrated["announcements"].columns}["investment_usd"] == "INTEGER"


def test_lookup_tables_are_filled_from_the_data_files(migrated):
    regions = yaml.safe_load(REGIONS_YAML.read_text(encoding="utf-8"))["regions"]
    assert migrated.execute("SELECT count(*) FROM regions").fetchone()[0] == len(regions) == 20
    assert migrated.execute("SELECT name_en, name_ru, name_kk FROM regions WHERE code = 'KZ-35'").fetchone() == \
        tuple(regions["KZ-35"]["name"][k] for k in ("en", "ru", "kk"))
    sectors = yaml.safe_load((DATA / "sectors.yaml").read_text(encoding="utf-8"))
    extractor = yaml.safe_load((REGIONS_YAML.parent / "sectors.yaml").read_text(encoding="utf-8"))
    assert {s["slug"] for s in sectors} == set(extractor) | {"other"}, "every slug the extractor writes has a row"
    assert migrated.execute("SELECT nace, name_en FROM sectors WHERE slug = 'metallurgy'").fetchone() == ("C24", "Metallurgy")


def test_project_overview_is_one_readable_row_per_project(migrated):
    row = next(migrated.query("SELECT * FROM project_overview WHERE id = 5"))
    assert row["title"] == "copper wire rod plant"
    assert row["companies"] == "Qazmys LLP; Kazakh Invest"
    assert row["regions"] == "; ".join(yaml.safe_load(REGIONS_YAML.read_text(encoding="utf-8"))["regions"][c]["name"]["en"]
                                       for c in ("KZ-35", "KZ-71"))
    assert row["region_codes"] == "KZ-35 KZ-71"
    assert row["sector_name"] == "Metallurgy"
    assert row["latest_investment_kzt"] == 50_000_000_000 and row["max_investment_kzt"] == 50_000_000_000
    assert row["latest_investment_usd"] == 101_000_000 and row["max_investment_usd"] == 101_000_000
    assert row["jobs"] == 400 and row["outlets"] == 2 and row["languages"] == "en ru"
    assert row["first_seen"].startswith("2026-11-17") and row["last_seen"].startswith("2026-11-19")


def test_new_this_week_lists_recent_projects_only(migrated):
    from datetime import datetime, timedelta, timezone
    recent = (datetime.now(timezone.utc) - timedelta(days=2)).isoformat()
    with migrated.conn:
        migrated.execute("INSERT INTO projects (id, title, first_seen, last_seen) VALUES (6, 'brick plant', ?, ?)",
                         [recent, recent])
    assert [r[0] for r in migrated.execute("SELECT id FROM new_this_week")] == [6]


def test_a_fresh_database_gets_the_same_schema(tmp_path):
    db = open_db(tmp_path / "new.db")
    assert {"regions", "sectors"} <= set(db.table_names())
    assert {"project_overview", "new_this_week"} <= set(db.view_names())
    assert any(fk.column == "project_id" for fk in db["announcements"].foreign_keys)
    assert db.execute("SELECT count(*) FROM sectors").fetchone()[0] == 18
