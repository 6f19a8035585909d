"""Projects: one plant across events and currencies, without merging the stories."""
import pytest

from kzmon import storage
from kzmon.storage.dedup import project_timeline
from kzmon.storage.dedup.projects import pair_score
from dedup_support import add_article as add

PLANNED = {"kind": "project", "title": "ferroalloy plant", "status": "planned", "sector": "metallurgy",
           "regions": ["KZ-55"], "companies": ["Silk Road Ferro"], "investment_usd": 250_000_000, "jobs": 600,
           "_year": 2025}


@pytest.fixture
def db(tmp_path):
    return storage.open_db(tmp_path / "kzmon.db")




def project_of(db, article_id):
    return db.execute("SELECT project_id FROM announcements WHERE article_id = ?", [article_id]).fetchone()[0]


def test_dollars_and_tenge_of_one_plant_agree_at_the_years_rate():
    built = PLANNED | {"status": "under_construction", "investment_usd": None, "investment_kzt": 131_500_000_000,
                       "companies": ["ТОО «Силк Роуд Ферро»"], "title": "ферросплавный завод"}
    assert pair_score(PLANNED, built) >= 3.0


def test_same_region_sector_and_similar_amount_is_not_enough():
    other = PLANNED | {"companies": ["Ertis Alloys"], "investment_usd": 280_000_000, "jobs": 700,
                       "title": "silicon manganese smelter"}
    assert pair_score(PLANNED, other) < 3.0


def test_other_kind_cannot_link_and_other_region_weighs_heavily():
    assert pair_score(PLANNED, PLANNED | {"kind": "program"}) == float("-inf")
    elsewhere = PLANNED | {"regions": ["KZ-35"], "companies": ["Temirtau Ferro"], "title": "ferroalloy works"}
    assert pair_score(PLANNED, elsewhere) < 3.0 <= pair_score(PLANNED, elsewhere | {"regions": ["KZ-55"]})


def test_announced_built_opened_make_one_project_with_three_stories(db):
    a = add(db, 1, "Silk Road Ferro will build a $250 million ferroalloy plant in Pavlodar with 600 jobs.",
            "2025-03-11", [PLANNED])
    b = add(db, 2, "В Павлодаре начали строить ферросплавный завод «Силк Роуд Ферро» за 131,5 млрд тенге.",
            "2025-09-19", [PLANNED | {"status": "under_construction", "investment_usd": None,
                                      "investment_kzt": 131_500_000_000, "companies": ["Силк Роуд Ферро"],
                                      "title": "ферросплавный завод"}], source="tengrinews", language="ru")
    c = add(db, 3, "Silk Road Ferro opened its Pavlodar plant: 135 billion tenge invested, 650 workers hired.",
            "2026-10-05", [PLANNED | {"status": "commissioned", "investment_usd": None,
                                      "investment_kzt": 135_000_000_000, "jobs": 650}], source="astanatimes")
    assert project_of(db, a) == project_of(db, b) == project_of(db, c)
    stories = {db.execute("SELECT story_id FROM articles WHERE id = ?", [i]).fetchone()[0] for i in (a, b, c)}
    assert len(stories) == 3
    timeline = project_timeline(db, project_of(db, a))
    assert [e["status"] for e in timeline] == ["planned", "under_construction", "commissioned"]
    assert [e["investment_usd"] for e in timeline][0] == 250_000_000  # every source keeps its own figures
    assert [e["investment_kzt"] for e in timeline][1:] == [131_500_000_000, 135_000_000_000]
    row = db.execute("SELECT status, announcement_count, story_count FROM projects WHERE id = ?",
                     [project_of(db, a)]).fetchone()
    assert tuple(row) == ("commissioned", 3, 3)


def test_two_announcements_of_one_article_are_two_projects(db):
    twin = PLANNED | {"title": "second ferroalloy furnace"}
    article = add(db, 1, "Silk Road Ferro will build two ferroalloy lines in Pavlodar.", "2025-03-11", [PLANNED, twin])
    projects = [r[0] for r in db.execute("SELECT project_id FROM announcements WHERE article_id = ?", [article])]
    assert len(set(projects)) == 2


def test_hard_negative_gets_its_own_project(db):
    a = add(db, 1, "Silk Road Ferro will build a ferroalloy plant in Pavlodar.", "2025-03-11", [PLANNED])
    b = add(db, 2, "Ertis Alloys plans a silicon manganese smelter in Ekibastuz for $280 million, 700 jobs.",
            "2025-03-14", [PLANNED | {"companies": ["Ertis Alloys"], "investment_usd": 280_000_000, "jobs": 700,
                                      "title": "silicon manganese smelter"}])
    assert project_of(db, a) != project_of(db, b)
