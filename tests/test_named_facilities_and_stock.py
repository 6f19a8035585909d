"""A plant called by its own name is a plant of its own; the firms an industry counts today are no
pool of projects; a facility's abbreviation and a news agency are no firm (issue 11). Rules written
on dev articles of corpus rounds 2, 8 and 11, tested in new words; each test failed before its rule
unless its docstring calls it a guard."""
import pytest

from kzmon.extract.announcements import extract_announcements
from kzmon.extract.announcements.companies import find_companies


def _records(text: str, language: str) -> list[dict]:
    return extract_announcements(text, None, language, None)


OPEN_PARK = ("A full cycle automobile technology park is to be built in Ust-Kamenogorsk. "
             "The plant is expected to create 4 thousand jobs. ")


def test_a_plant_called_by_its_own_name_is_not_the_open_one():
    """"Aktorgay Mining Plant worth ..." after another plant: its money is its own, not the park's."""
    records = _records(OPEN_PARK + "Aktorgay Mining Plant worth 334 billion tenge is to be built in the region.", "en")
    named = [r for r in records if "Aktorgay" in r["title"]]
    assert len(named) == 1, [r["title"] for r in records]
    assert named[0]["investment_kzt"] == 334_000_000_000
    park = [r for r in records if "technology park" in r["title"]]
    assert park and park[0]["investment_kzt"] is None


@pytest.mark.parametrize("text, language", [
    (OPEN_PARK + "The Plant worth 334 billion tenge will be built by 2027.", "en"),
])
def test_the_open_plant_said_again_stays_one_record(text, language):
    """Guard: "The Plant" is no name of its own, it is the plant named before."""
    assert len([r for r in _records(text, language) if r["kind"] == "project"]) == 1


@pytest.mark.parametrize("text, language, name", [
    ("В Усть-Каменогорске построят автотехнопарк полного цикла. Проект обойдется в 113 млрд тенге. "
     "Горно-обогатительный комбинат «Актогай» стоимостью 334 млрд тенге будет построен в регионе.", "ru", "Актогай"),
    ("Өскеменде автотехнопарк салынады. Жобаның құны 113 млрд теңге. Облыста құны 334 млрд теңге болатын "
     "«Ақтоғай» тау-кен байыту комбинаты салынады.", "kk", "Ақтоғай"),
])
def test_a_quoted_name_is_a_plant_of_its_own(text, language, name):
    """Guard: Russian and Kazakh write the name in quotes, which already opened a record."""
    named = [r for r in _records(text, language) if r["investment_kzt"] == 334_000_000_000]
    assert len(named) == 1 and name in named[0]["title"]


@pytest.mark.parametrize("text, language", [
    ("Қазір облыста 941 өндірістік кәсіпорын жұмыс істеп тұр: оның 36-сы ірі, 67-сі орта және 838-і шағын кәсіпорын.", "kk"),
    ("Қазір қуаты жылына 510 мың тонна болатын 3 кәсіпорын жұмыс істейді.", "kk"),
    ("Сегодня в области работают 1 200 промышленных предприятий.", "ru"),
])
def test_the_firms_working_today_are_no_pool(text, language):
    assert _records(text, language) == []


@pytest.mark.parametrize("text, language", [
    ("Around 900 manufacturing enterprises operate in the region today.", "en"),
    ("There are over 900 manufacturing enterprises in the region.", "en"),
])
def test_the_firms_working_today_are_no_pool_in_english(text, language):
    """Guard: the English patterns of the same rule; with no word of status these opened nothing before either."""
    assert _records(text, language) == []


@pytest.mark.parametrize("text, language, count", [
    ("В специальной экономической зоне «Сарыарка» уже действуют 10 предприятий.", "ru", 10),
    ("Биыл облыста 5 жаңа кәсіпорын іске қосылды.", "kk", 5),
])
def test_the_firms_of_a_zone_and_new_firms_stay_a_pool(text, language, count):
    """Guard: a zone's firms are its projects, new firms launched are a pool."""
    assert [r["project_count"] for r in _records(text, language) if r["kind"] == "program"] == [count]


@pytest.mark.parametrize("text, language, not_firms", [
    ("Аким рассказал, как продвигается строительство ТЭЦ-3, передает МИА «Казинформ».", "ru", ["ТЭЦ-3", "МИА"]),
    ("Елордада ЖЭО-3 құрылысы жалғасуда, деп хабарлайды ҚазАқпарат ХАА.", "kk", ["ЖЭО-3", "ХАА"]),
    ("Harbin Electric will supply the turbines for GRES-2 in Ekibastuz.", "en", ["GRES-2"]),
])
def test_a_facility_abbreviation_and_an_agency_are_no_firm(text, language, not_firms):
    found = find_companies(text)
    for word in not_firms:
        assert not any(word in name for name in found), (word, found)


@pytest.mark.parametrize("text, language", [
    ("The Ekibastuz GRES-1 project is currently 41.8% ready and will be finished in 2023.", "en"),
    ("Проект ТЭЦ-3 в Семее будет реализован к 2029 году.", "ru"),
    ("Астанада ЖЭО-2 жобасы 2027 жылы іске қосылады.", "kk"),
])
def test_the_numeral_of_a_facility_name_counts_nothing(text, language):
    """"GRES-1 project" is one project named GRES-1, not a pool of one (Russian puts the name after
    the noun, "проект ТЭЦ-3": its case is the guard)."""
    records = _records(text, language)
    assert records and all(r["project_count"] is None for r in records), records
