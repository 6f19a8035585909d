"""Project links (issue 12): one facility over time, across outlets, languages and revised
figures, and what keeps one company's other plants apart. Records go through the real storage
path (store, assign_story, link_projects) in publication order."""
import json

import pytest

from kzmon import storage
from kzmon.storage.dedup import assign_story, link_projects, project_timeline
from kzmon.storage.dedup.identity import name_keys, strong_name_keys
from kzmon.storage.dedup.projects import MAX_CANDIDATES_PER_KEY, _keyed_projects, pair_score, project_keys
from dedup_support import add_article as add, projects_of


@pytest.fixture
def db(tmp_path):
    return storage.open_db(tmp_path / "kzmon.db")






def project_row(db, project_id):
    row = db.execute("SELECT title, status, regions, companies, sector, announcement_count FROM projects WHERE id = ?",
                     [project_id]).fetchone()
    return {"title": row[0], "status": row[1], "regions": json.loads(row[2]), "companies": json.loads(row[3]),
            "sector": row[4], "count": row[5]}


SUGAR = {"kind": "project", "sector": "agro_food", "regions": ["KZ-19"]}


def test_names_fold_across_scripts_spellings_and_compounds():
    assert name_keys({"companies": ["EuroChem Group AG"]}) & name_keys({"companies": ["ЕвроХим"]})
    assert strong_name_keys({"companies": ["KIA"]}) & strong_name_keys({"title": "КИА завод"})
    assert strong_name_keys({"title": "EkibastuzFerroAlloys plant"}) & strong_name_keys(
        {"companies": ["Ekibastuz FerroAlloys"]})
    # a company's head word links it to a longer spelling of its name, weakly
    longer = {"companies": ["Al Khaleej Sugar Jamal Al Ghurair"]}
    assert name_keys({"companies": ["Al Khaleej Sugar"]}) & name_keys(longer)


def test_countries_places_leaders_and_product_words_are_not_names():
    for company in ("China", "Korea", "Казахстане", "Kazakhstan's", "Kassym-Jomart Tokayev", "Жамбыл", "Zhambyl",
                    "ПЕТРОПАВЛ", "Samruk-Kazyna", "Sugar"):
        assert not strong_name_keys({"companies": [company]}), company


def test_announced_built_opened_in_three_languages_is_one_project_with_its_timeline(db):
    a = add(db, 1, "Al Khaleej Sugar will build a sugar plant in Almaty region for $300 million.", "2025-04-27",
            [SUGAR | {"title": "Al Khaleej Sugar sugar plant", "status": "planned", "companies": ["Al Khaleej Sugar"],
                      "investment_usd": 300_000_000, "capacity": "500,000 tons of sugar beet per year"}])
    b = add(db, 2, "Строительство сахарного завода Al Khaleej Sugar началось в Конаеве.", "2025-10-31",
            [SUGAR | {"title": "сахарный завод", "status": "under_construction",
                      "companies": ["Al Khaleej Sugar Jamal Al Ghurair"], "investment_kzt": 160_000_000_000,
                      "capacity": "500 тысяч тонн сахарной свеклы в год"}], source="inform", language="ru")
    c = add(db, 3, "Қонаевта Al Khaleej Sugar қант зауыты іске қосылды.", "2027-09-01",
            [SUGAR | {"title": "Al Khaleej Sugar қант зауыты", "status": "commissioned",
                      "companies": ["Al Khaleej Sugar"], "jobs": 900}], source="kazinform", language="kk")
    (pa,), (pb,), (pc,) = projects_of(db, a), projects_of(db, b), projects_of(db, c)
    assert pa == pb == pc
    timeline = project_timeline(db, pa)
    assert [e["status"] for e in timeline] == ["planned", "under_construction", "commissioned"]
    assert [e["published"][:4] for e in timeline] == ["2025", "2025", "2027"]
    assert timeline[0]["investment_usd"] == 300_000_000 and timeline[1]["investment_kzt"] == 160_000_000_000
    row = project_row(db, pa)
    assert row["status"] == "commissioned" and row["count"] == 3 and row["regions"] == ["KZ-19"]
    assert row["companies"] == ["Al Khaleej Sugar"]  # the name two of them agree on
    assert "Al Khaleej" in row["title"] and "sugar" in row["title"].lower()


def test_one_companys_other_plant_stays_apart(db):
    cement = {"kind": "project", "status": "planned", "regions": ["KZ-31"], "companies": ["Jambyl Cement"],
              "sector": "building_materials"}
    a = add(db, 1, "Jambyl Cement will build a cement plant.", "2024-02-01",
            [cement | {"title": "Jambyl Cement cement plant", "investment_kzt": 60_000_000_000}])
    b = add(db, 2, "Jambyl Cement will also build a glass container plant.", "2024-08-01",
            [cement | {"title": "Jambyl Cement glass container plant", "investment_kzt": 58_000_000_000}])
    c = add(db, 3, "Jambyl Cement plans a second cement plant in Turkestan region.", "2025-03-01",
            [cement | {"title": "Jambyl Cement cement plant", "regions": ["KZ-61"], "investment_kzt": 90_000_000_000}])
    assert len({*projects_of(db, a), *projects_of(db, b), *projects_of(db, c)}) == 3


def test_what_a_facility_is_alone_links_nothing_across_stories():
    wind = {"kind": "project", "title": "wind farm", "status": "planned", "sector": "energy"}
    assert pair_score(wind, wind | {"status": "commissioned"}) < 3.0
    named = wind | {"companies": ["Masdar"]}
    assert pair_score(named, named | {"status": "under_construction"}) >= 3.0


def test_a_report_that_names_no_firm_does_not_bridge_two_firms_plants_of_one_region(db):
    # Real case (dev corpus): Masdar's 1 GW wind farm and China Power's Zhanatas wind farm, both in
    # Zhambyl region; a Kazakh report of "a wind power station" in the region names no firm.
    wind = {"kind": "project", "sector": "energy", "regions": ["KZ-31"]}
    masdar = add(db, 1, "Masdar will build a 1 GW wind farm in Zhambyl region.", "2023-06-06",
                 [wind | {"title": "Masdar wind farm", "status": "planned", "companies": ["Masdar"]}])
    unnamed = add(db, 2, "Жамбыл облысында жел электр станциясы салынып жатыр.", "2023-09-01",
                  [wind | {"title": "жел электр станциясы", "status": "under_construction"}], language="kk")
    china = add(db, 3, "China Power builds a 100 MW wind farm in Zhanatas.", "2023-12-01",
                [wind | {"title": "China Power International Holding Limited wind farm", "status": "under_construction",
                         "companies": ["China Power International Holding Limited"]}])
    assert projects_of(db, masdar) != projects_of(db, china)
    assert projects_of(db, masdar) != projects_of(db, unnamed)


def test_a_later_announcement_joins_two_halves_of_one_plant(db):
    glass = {"kind": "project", "sector": "building_materials", "regions": ["KZ-43"]}
    a = add(db, 1, "A float glass plant of 197,100 tonnes a year is to be built.", "2020-02-21",
            [glass | {"title": "float glass plant", "status": "planned", "capacity": "197,100 tonnes a year",
                      "regions": []}])
    b = add(db, 2, "Orda Glass gets a 43.7 billion tenge loan.", "2021-06-01",
            [glass | {"title": "Orda Glass plant", "status": "under_construction", "companies": ["Orda Glass"],
                      "investment_kzt": 43_700_000_000}], source="kapital")
    assert projects_of(db, a) != projects_of(db, b)
    c = add(db, 3, "Orda Glass lit its furnace: 197,100 tonnes of float glass a year, 43.7 billion tenge.",
            "2021-12-08",
            [glass | {"title": "Orda Glass float glass plant", "status": "commissioned",
                      "companies": ["Orda Glass Ltd"], "investment_kzt": 43_700_000_000,
                      "capacity": "197 100 тонн в год"}], source="baiterek")
    (pa,), (pb,), (pc,) = projects_of(db, a), projects_of(db, b), projects_of(db, c)
    assert pa == pb == pc == min(pa, pb)  # the older id stays: the one users saw first
    assert db.execute("SELECT count(*) FROM projects").fetchone()[0] == 1
    assert project_row(db, pa)["count"] == 3
    keys = {r[0] for r in db.execute("SELECT DISTINCT project_id FROM dedup_project_keys")}
    assert keys == {pa}  # the joined project's index keys moved with it


def test_two_plants_reported_in_one_article_are_never_joined(db):
    base = {"kind": "project", "status": "planned", "regions": ["KZ-55"], "companies": ["Silk Road Ferro"],
            "sector": "metallurgy"}
    first = add(db, 1, "Silk Road Ferro will build two ferroalloy furnaces.", "2025-03-11",
                [base | {"title": "ferroalloy furnace No. 1", "investment_usd": 120_000_000},
                 base | {"title": "ferroalloy furnace No. 2", "investment_usd": 130_000_000}])
    one, two = projects_of(db, first)
    assert one != two
    later = add(db, 2, "Silk Road Ferro's ferroalloy furnaces progress.", "2025-09-01",
                [base | {"title": "ferroalloy furnace", "status": "under_construction", "investment_usd": 125_000_000}],
                source="other")
    assert db.execute("SELECT count(*) FROM projects WHERE id IN (?, ?)", [one, two]).fetchone()[0] == 2
    assert projects_of(db, later)[0] in (one, two)


def test_candidates_stay_bounded_as_one_company_accumulates_projects(db):
    base = {"kind": "project", "status": "planned", "regions": ["KZ-35"], "companies": ["Qarmet"],
            "sector": "metallurgy"}
    products = ["steel mill", "uranium plant", "pellet plant", "ferroalloy furnace", "cement plant", "pipe plant",
                "brick works", "copper smelter", "glass works", "coal mine", "power plant", "aluminium smelter"]
    for number, product in enumerate(products):
        add(db, number, f"Qarmet will build a {product}.", f"2024-{number % 12 + 1:02d}-01",
            [base | {"title": f"Qarmet {product}", "investment_kzt": (number + 1) * 7_000_000_000}],
            source=f"s{number}")
    probe = base | {"title": "Qarmet steel mill", "_year": 2025}
    found = _keyed_projects(db, probe)
    assert len(found) <= MAX_CANDIDATES_PER_KEY * len(project_keys(probe, probe=True))
    assert db.execute("SELECT count(*) FROM projects").fetchone()[0] == len(products)  # one per product


def test_an_articles_records_take_projects_strongest_agreement_first(db):
    # The infrastructure of an industrial zone for a car plant, told before the plant itself and
    # naming the plant's firm: taken in article order, it took the plant's project (a shared
    # firm is enough), and the plant's own record, which agrees with the project on firm,
    # capacity and jobs, had to start a project of its own.
    car = {"kind": "project", "sector": "automotive", "regions": ["KZ-39"], "companies": ["Kia Qazaqstan"]}
    plant = add(db, 1, "Kia Qazaqstan will build a full-cycle car plant in Kostanay for 70,000 cars a year.",
                "2023-11-11", [car | {"title": "Kia Qazaqstan car plant", "status": "under_construction",
                                      "capacity": "70,000 cars a year", "jobs": 1500}])
    later = add(db, 2, "Инфраструктура индустриальной зоны для Kia Qazaqstan и сам автомобильный завод.", "2024-06-01",
                [car | {"title": "инфраструктура индустриальной зоны", "status": "planned",
                        "investment_kzt": 6_560_000_000},
                 car | {"title": "Kia Qazaqstan автомобильный завод", "status": "under_construction",
                        "capacity": "70 тыс. автомобилей в год", "jobs": 1500}],
                source="samal", language="ru")
    (first,), (zone, car_plant) = projects_of(db, plant), projects_of(db, later)
    assert car_plant == first
    assert zone != first


def test_a_capacity_and_the_same_capacity_rounded_agree():
    from kzmon.storage.dedup.identity import capacities_agree, capacity_values

    glass = {"kind": "project", "sector": "building_materials", "regions": ["KZ-43"]}
    rounded = glass | {"title": "шыны зауыты", "capacity": "197 мың тонна", "companies": ["Orda Glass"]}
    exact = glass | {"title": "стекольный завод", "capacity": "197 100 тонн листового стекла в год",
                     "companies": ["Orda Glass Ltd"]}
    assert capacities_agree(capacity_values(rounded), capacity_values(exact))
    assert pair_score(rounded, exact) > pair_score(rounded, exact | {"capacity": "300 тысяч тонн"})
    # "1 млн 200 мың тонна" is one quantity, the 1,2 million tons another outlet writes
    assert capacity_values({"capacity": "1 млн 200 мың тонна"}) == capacity_values({"capacity": "1,2 млн тонн"})
    assert not capacities_agree(capacity_values({"capacity": "1 млн тонна"}), capacity_values({"capacity": "1,2 млн тонн"}))
