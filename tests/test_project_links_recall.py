"""Project links (issue 12), recall among found records: one article that the extractor read as
two records of one facility no longer keeps the facility's later announcements in two projects;
an article that names two facilities still keeps them apart."""
import pytest

from kzmon import storage
from kzmon.storage.dedup.projects import PROJECT_MIN_SCORE, pair_score
from dedup_support import add_article as add, projects_of


@pytest.fixture
def db(tmp_path):
    return storage.open_db(tmp_path / "kzmon.db")






AIRPORT = {"kind": "project", "sector": "infrastructure", "regions": ["KZ-33"], "companies": ["Skyhansa"],
           "status": "planned", "investment_kzt": 250_000_000_000}


def test_a_split_facility_is_one_project_once_a_later_report_agrees_with_both(db):
    first = add(db, 1, "Skyhansa plans an airport at Khorgos: a passenger terminal and a cargo terminal, "
                       "250 billion tenge.", "2024-09-16",
                [AIRPORT | {"title": "Skyhansa passenger terminal"},
                 AIRPORT | {"title": "Skyhansa cargo terminal", "capacity": "50,000 tons a year"}])
    passenger, cargo = projects_of(db, first)
    assert passenger != cargo  # one article's two records start as two projects
    later = add(db, 2, "Skyhansa will build the Khorgos international airport for 250 billion tenge.", "2025-11-25",
                [AIRPORT | {"title": "Skyhansa international airport"}], source="other")
    (project,) = projects_of(db, later)
    assert set(projects_of(db, first)) == {project}


def test_two_facilities_of_one_article_stay_two_projects(db):
    plant = {"kind": "project", "sector": "metallurgy", "regions": ["KZ-35"], "companies": ["Kazakhmys"],
             "status": "planned"}
    first = add(db, 1, "Kazakhmys will build a copper smelter and a wind farm in Karaganda.", "2024-03-01",
                [plant | {"title": "Kazakhmys copper smelter", "investment_kzt": 300_000_000_000},
                 plant | {"title": "Kazakhmys wind farm", "sector": "energy", "capacity": "100 MW"}])
    smelter, wind = projects_of(db, first)
    assert pair_score(*[plant | {"title": t} for t in ("Kazakhmys copper smelter", "Kazakhmys wind farm")]) \
        < PROJECT_MIN_SCORE
    later = add(db, 2, "Kazakhmys started building its copper smelter in Karaganda for 300 billion tenge.",
                "2025-04-01", [plant | {"title": "Kazakhmys copper smelter", "status": "under_construction",
                                        "investment_kzt": 300_000_000_000}], source="other")
    assert projects_of(db, later) == [smelter]
    assert projects_of(db, first) == [smelter, wind]
