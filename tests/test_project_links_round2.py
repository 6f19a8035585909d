"""Project links (issue 12), round 2: announcements of one facility that the first linking kept
apart for reasons that recur in real reporting, each through the real storage path (SQLite,
story assignment, project linking, in publication order):

* a part and its whole: a later report names the airport whose cargo terminal an earlier one
  announced (storage/dedup/data/lexicon.yaml, related_concepts);
* a town below the region: a report that names no firm ("жел электр станциясы, Жаңатас
  қаласында") is the wind farm in Zhanatas, not any wind farm of Zhambyl region, while two
  firms' ferroalloy plants in one town stay two;
* a firm named in the evidence, not in the company list ("Samruk Energy ... with Masdar's
  director");
* countries joined by a hyphen ("China-Kazakhstan") name no firm to disagree on;
* quotes mis-decoded into the other script ("УKhorgos GatewayФ LLP") are no other company.
"""
import pytest

from kzmon import storage
from kzmon.storage.dedup.identity import clean_company, name_keys, towns, word_name_keys
from kzmon.storage.dedup.projects import PROJECT_MIN_SCORE, pair_score
from dedup_support import add_article as add, projects_of


@pytest.fixture
def db(tmp_path):
    return storage.open_db(tmp_path / "kzmon.db")


# --- a part and its whole -------------------------------------------------------------------

AIRPORT = {"kind": "project", "sector": "infrastructure", "regions": ["KZ-33"], "status": "planned"}


def test_a_cargo_terminal_and_the_airport_it_belongs_to_are_one_project(db):
    first = add(db, 1, "SKYHANSA построит грузопассажирский аэропорт в СЭЗ Хоргос за $500 млн.", "2024-09-16",
                [AIRPORT | {"title": "SKYHANSA грузопассажирский аэропорт", "companies": ["SKYHANSA"],
                            "investment_usd": 500_000_000, "jobs": 300}], language="ru")
    later = add(db, 2, "Skyhansa will build a cargo terminal at Khorgos for 250 billion tenge ($481 million).",
                "2025-06-27", [AIRPORT | {"title": "Skyhansa cargo terminal", "companies": ["Skyhansa"],
                                          "investment_kzt": 250_000_000_000, "investment_usd": 481_000_000,
                                          "capacity": "50,000 tons a year"}], source="other")
    assert projects_of(db, later) == projects_of(db, first)


def test_related_concepts_do_not_join_two_firms_terminal_and_airport(db):
    """The relation only stops a part and its whole counting against each other: a dry port's
    terminal and another firm's airport in one region share no name or figure, so stay apart."""
    airport = AIRPORT | {"title": "Skyhansa international airport", "companies": ["Skyhansa"]}
    terminal = AIRPORT | {"title": "Khorgos Gateway container terminal", "companies": ["Khorgos Gateway"]}
    assert pair_score(airport, terminal) < PROJECT_MIN_SCORE
    first = add(db, 1, "Skyhansa will build an international airport at Khorgos.", "2025-01-10", [airport])
    later = add(db, 2, "Khorgos Gateway expands its container terminal.", "2025-05-10", [terminal], source="other")
    assert projects_of(db, later) != projects_of(db, first)


# --- a town below the region ----------------------------------------------------------------

WIND = {"kind": "project", "sector": "energy", "regions": ["KZ-31"], "status": "planned"}


def test_towns_are_one_identity_across_languages_and_skip_a_regions_namesake_capital():
    assert towns({"title": "wind farms in Zhanatas"}) == towns({"title": "ветряная электростанция в Жанатасе"})
    assert towns({"title": "wind farms in Zhanatas"}) == towns(
        {"title": "жел электр станциясы", "evidence": "Сарысу ауданының Жаңатас қаласында жел электр станциясы"})
    assert towns({"title": "wind farms in Zhanatas"})
    assert not towns({"title": "glass plant in Kyzylorda"})  # the capital of Kyzylorda region: the region says it


def test_a_report_naming_no_firm_joins_the_wind_farm_of_its_town(db):
    first = add(db, 1, "The investor will build the Zhanatas wind farm.", "2011-03-25",
                [WIND | {"title": "wind farms in Zhanatas", "companies": ["KEGOC"]}])
    later = add(db, 2, "Жаңатас қаласында жел электр станциясының құрылысы басталды, құны 130 млн доллар.",
                "2019-07-17", [WIND | {"title": "жел электр станциясы", "companies": [], "investment_usd": 130_000_000,
                                       "jobs": 40, "evidence": "Сарысу ауданының Жаңатас қаласында жел электр "
                                                               "станциясының құрылысы қолға алынды."}],
                source="other", language="kk")
    assert projects_of(db, later) == projects_of(db, first)


def test_a_wind_farm_of_the_region_without_a_town_stays_apart(db):
    first = add(db, 1, "The investor will build the Zhanatas wind farm.", "2011-03-25",
                [WIND | {"title": "wind farms in Zhanatas", "companies": ["KEGOC"]}])
    later = add(db, 2, "Жамбыл облысында жел электр станциясы салынады.", "2019-07-17",
                [WIND | {"title": "жел электр станциясы", "companies": [], "investment_usd": 130_000_000,
                         "evidence": "Жамбыл облысында жел электр станциясының құрылысы қолға алынды."}],
                source="other", language="kk")
    assert projects_of(db, later) != projects_of(db, first)


def test_two_firms_plants_of_one_kind_in_one_town_stay_two_projects(db):
    plant = {"kind": "project", "sector": "metallurgy", "regions": ["KZ-55"], "status": "planned"}
    first = add(db, 1, "EkibastuzFerroAlloys builds a ferroalloy plant in Ekibastuz.", "2023-08-09",
                [plant | {"title": "EkibastuzFerroAlloys ferroalloy plant in Ekibastuz",
                          "companies": ["EkibastuzFerroAlloys"], "investment_kzt": 92_000_000_000}])
    later = add(db, 2, "KazFerroLimited строит ферросплавный завод в Экибастузе.", "2025-10-23",
                [plant | {"title": "KazFerroLimited ферросплавный завод в Экибастузе", "companies": ["KazFerroLimited"],
                          "jobs": 350}], source="other", language="ru")
    assert projects_of(db, later) != projects_of(db, first)


def test_a_town_in_a_shared_evidence_sentence_does_not_place_a_named_firms_record():
    """"The Zhanatas (400MW) and Shokpar (200 MW) wind farms": the Shokpar record's evidence names
    Zhanatas, which is the other farm's town."""
    shokpar = WIND | {"title": "Shokpar wind farms", "companies": ["KEGOC"],
                      "evidence": "to build the Zhanatas (400MW) and Shokpar (200 MW) wind farms"}
    assert not towns(shokpar)


# --- a firm named in the evidence -----------------------------------------------------------

def test_a_firm_named_in_the_other_reports_evidence_is_a_shared_name(db):
    first = add(db, 1, "Masdar plans wind farms in Zhambyl region.", "2023-06-06",
                [WIND | {"title": "Masdar wind farms", "companies": ["Masdar"]}])
    later = add(db, 2, "Samruk-Energy and Masdar discussed the 1 GW wind power plant in Zhambyl.", "2025-09-05",
                [WIND | {"title": "Samruk Energy wind power plant", "companies": ["Samruk Energy"],
                         "evidence": "Samruk-Energy Chairman Kairat Maksutov held a meeting with Abdullah Zayed, "
                                     "Masdar's Director of Development and Investments, on starting construction "
                                     "of a 1 GW wind power plant in Zhambyl."}], source="other")
    assert projects_of(db, later) == projects_of(db, first)


def test_another_firms_wind_farm_of_the_region_stays_apart(db):
    first = add(db, 1, "Masdar plans wind farms in Zhambyl region.", "2023-06-06",
                [WIND | {"title": "Masdar wind farms", "companies": ["Masdar"]}])
    later = add(db, 2, "Samruk-Energy will build a wind power plant in Zhambyl.", "2025-09-05",
                [WIND | {"title": "Samruk Energy wind power plant", "companies": ["Samruk Energy"],
                         "evidence": "Samruk-Energy Chairman Kairat Maksutov announced a wind power plant "
                                     "in Zhambyl."}], source="other")
    assert projects_of(db, later) != projects_of(db, first)


# --- names: countries joined by a hyphen, mis-decoded quotes --------------------------------

def test_countries_joined_by_a_hyphen_name_no_firm():
    assert not word_name_keys("China-Kazakhstan")
    assert word_name_keys("Samruk-Energy")  # a firm's own hyphenated name stays a name
    later = WIND | {"title": "China-Kazakhstan Project in Zhanatas", "companies": ["China-Kazakhstan"],
                    "evidence": "the Zhanatas 100 MW Wind Power Project was chosen as part of China-Kazakhstan "
                                "production capacity cooperation."}
    first = WIND | {"title": "wind farms in Zhanatas", "companies": ["KEGOC"]}
    assert not name_keys(later)
    assert pair_score(later, first) >= PROJECT_MIN_SCORE


def test_quotes_mis_decoded_into_cyrillic_letters_are_no_other_company(db):
    assert clean_company("УKhorgos GatewayФ LLP") == "Khorgos Gateway LLP"
    assert clean_company("ТОО Orda Glass") == "ТОО Orda Glass"  # a Cyrillic legal form is a word of its own
    terminal = {"kind": "project", "sector": "infrastructure", "status": "planned"}
    first = add(db, 1, "Khorgos Gateway: восемь дополнительных путей терминала.", "2025-11-25",
                [terminal | {"title": "Khorgos Gateway терминал", "companies": ["Khorgos Gateway"],
                             "regions": ["KZ-33"]}], language="ru")
    later = add(db, 2, "We have been working on the container terminal of the dry port.", "2026-03-01",
                [terminal | {"title": "container terminal", "companies": ["УKhorgos GatewayФ LLP"], "regions": []}],
                source="other")
    assert projects_of(db, later) == projects_of(db, first)
