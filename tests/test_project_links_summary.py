"""What a linked project shows (issue 12): its best title, the companies and regions its
announcements agree on, the latest status, and the analyst view built on them."""
import json

import pytest

from kzmon import storage
from kzmon.storage.dedup import project_timeline
from dedup_support import add_article
from kzmon.storage.dedup.summary import best_title, company_set, latest_status, most_common, region_set


def test_best_title_names_the_facility_and_its_company():
    records = [{"title": "проект", "companies": ["KIA"]},
               {"title": "Work KIA full-cycle plant", "companies": ["KIA", "CEO"]},
               {"title": "KIA car plant", "companies": ["KIA"]},
               {"title": "автомобильный завод", "companies": []}]
    assert best_title(records) == "KIA car plant"
    assert best_title([{"title": None}]) is None


def test_company_set_keeps_what_two_announcements_name_in_one_spelling():
    records = [{"companies": ["EuroChem Group AG", "Baku"]},
               {"companies": ["EuroChem", "Kassym-Jomart Tokayev"]},
               {"companies": ["ЕвроХим", "Қаратау"]}]
    assert company_set(records) == ["EuroChem Group AG"]
    assert company_set([{"companies": ["Orda Glass", "Samruk-Kazyna"]}]) == ["Orda Glass", "Samruk-Kazyna"]
    # no company named twice: every name is kept rather than none
    assert company_set([{"companies": ["Alpha Steel"]}, {"companies": ["Beta Pipes"]}]) == ["Alpha Steel", "Beta Pipes"]


def test_region_set_is_what_most_announcements_say():
    records = [{"regions": ["KZ-55", "KZ-35"]}, {"regions": ["KZ-55"]}, {"regions": ["KZ-55"]}, {"regions": []}]
    assert region_set(records) == ["KZ-55"]
    assert region_set([{"regions": ["KZ-71", "KZ-11"]}, {"regions": ["KZ-71"]}]) == ["KZ-71", "KZ-11"]


def test_ties_and_status_are_deterministic():
    assert most_common(["energy", "mining", "mining", "energy"]) == "energy"  # first seen wins a tie
    assert most_common([None, None]) is None
    assert latest_status([{"status": "planned"}, {"status": "commissioned"}, {"status": None}]) == "commissioned"


@pytest.fixture
def db(tmp_path):
    return storage.open_db(tmp_path / "kzmon.db")


def _add(db, number, published, record, source, language):
    return add_article(db, number, record["title"], published, [record], source, language, title=record["title"])


def test_project_overview_reads_one_clean_line_per_facility(db):
    base = {"kind": "project", "sector": "chemicals", "regions": ["KZ-31"]}
    _add(db, 1, "2020-01-02", base | {"title": "EuroChem mineral fertilizer plant", "status": "planned",
                                      "companies": ["EuroChem", "Baku"], "investment_usd": 1_000_000_000,
                                      "capacity": "1 million tons of fertilizers a year"}, "trend", "en")
    _add(db, 2, "2024-05-14", base | {"title": "химический комплекс", "status": "under_construction",
                                      "companies": ["ЕвроХим", "Казахстане"], "investment_usd": 1_000_000_000,
                                      "capacity": "1 миллион тонн удобрений в год", "regions": ["KZ-31", "KZ-55"]},
         "himonline", "ru")
    _add(db, 3, "2026-03-01", base | {"title": "ЕвроХим тыңайтқыш зауыты", "status": "commissioned",
                                      "companies": ["ЕвроХим"], "investment_usd": 1_200_000_000}, "jambylmedia", "kk")
    rows = db.execute("SELECT title, companies, region_codes, status, latest_investment_usd, announcements, languages "
                      "FROM project_overview").fetchall()
    assert len(rows) == 1
    title, companies, regions, status, latest_usd, count, languages = rows[0]
    assert title == "EuroChem mineral fertilizer plant"
    assert companies == "ЕвроХим" and regions == "KZ-31"  # one company, in its most used spelling
    assert status == "commissioned" and latest_usd == 1_200_000_000 and count == 3
    assert languages == "en kk ru"
    project_id = db.execute("SELECT id FROM projects").fetchone()[0]
    timeline = project_timeline(db, project_id)
    assert [(e["status"], e["investment_usd"]) for e in timeline] == [
        ("planned", 1_000_000_000), ("under_construction", 1_000_000_000), ("commissioned", 1_200_000_000)]
    assert json.loads(db.execute("SELECT sources FROM projects").fetchone()[0]) == ["trend", "himonline", "jambylmedia"]
