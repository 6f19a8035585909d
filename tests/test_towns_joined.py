"""Issue 11, lists: "X (City) and Y (City)". A plant stands in one town, so one facility named with
two towns joined by "and" ("Семей мен Өскемен қалаларында ЖЭО салынады", "ТЭЦ в Семее и
Усть-Каменогорске") is one plant in each: one record per town, each with its own region and its
town in the title. It was one record with both regions, and in Russian the second town opened a
firm's name ("Усть-Каменогорске Самрук-Энерго"). Tested in new words.
"""
import pytest

from kzmon.extract.announcements import extract_announcements


def _projects(text: str, lang: str) -> list[dict]:
    return [r for r in extract_announcements(text, "2025-06-02", lang) if r["kind"] == "project"]


@pytest.mark.parametrize("lang, text, towns", [
    ("en", "A new waste recycling plant will be built in Aktobe and Atyrau.", ["in aktobe", "in atyrau"]),
    ("ru", "В Актобе и Атырау построят мусороперерабатывающий завод.", ["в актобе", "в атырау"]),
    ("kk", "Ақтөбе мен Атырау қалаларында қоқыс өңдейтін зауыт салынады.",
     ["ақтөбе қаласындағы", "атырау қаласындағы"]),
    ("kk", "Ақтөбеде және Атырауда қоқыс өңдейтін зауыт салынады.", ["ақтөбедегі", "атыраудағы"]),
])
def test_one_plant_in_each_town(lang, text, towns):
    records = _projects(text, lang)
    assert sorted(r["regions"] for r in records) == [["KZ-15"], ["KZ-23"]], records
    titles = sorted(r["title"].lower() for r in records)
    assert all(any(t in title for title in titles) for t in towns), titles


def test_the_second_town_opens_no_firm_name():
    records = _projects("В Кокшетау и Павлодаре Эко-Ресурс построит мусороперерабатывающий завод.", "ru")
    assert records and not any("Павлодаре" in c for r in records for c in r["companies"]), records


def test_one_town_is_one_record_guard():
    assert len(_projects("В Актобе построят мусороперерабатывающий завод.", "ru")) == 1


def test_projects_in_two_towns_are_a_pool_guard():
    records = extract_announcements("В Актобе и Атырау реализуют 12 проектов на 40 млрд тенге.", "2025-06-02", "ru")
    assert [r["kind"] for r in records] == ["program"], records


@pytest.mark.parametrize("lang, text, names", [
    # English names joined by "and" before the kind's words: one plant per name, its name first
    ("en", "The Karatau and Shoktas solar plants will be built by 2028.", ["karatau solar plant", "shoktas solar plant"]),
    # a plural head over names opened a pool ("заводы ..."); it is one facility per name
    ("en", "Construction of the Arman and Berel cement plants has begun in Zhambyl region.",
     ["arman cement plant", "berel cement plant"]),
    # a guard: quoted Russian names after a plural head were one facility each already
    ("ru", "Запущены солнечные электростанции «Каратау» и «Шоктас» в Жамбылской области.", ["каратау", "шоктас"]),
])
def test_one_plant_per_name(lang, text, names):
    records = _projects(text, lang)
    titles = sorted(r["title"].lower() for r in records)
    assert len(records) == 2 and all(any(n in t for t in titles) for n in names), records


@pytest.mark.parametrize("text", [
    # "производство автомобилей «A» и «B»": the plural is the product the production makes
    "В Усть-Каменогорске запущено производство автомобилей «Jetour» и «Chery».",
    # the passive "начат выпуск" is the launch "начали выпуск" is
    "В Усть-Каменогорске начат выпуск автомобилей «Jetour» и «Chery».",
])
def test_one_production_per_brand(text):
    records = _projects(text, "ru")
    assert sorted(n for r in records for n in ("Jetour", "Chery") if n in r["title"]) == ["Chery", "Jetour"], records
    assert all(r["status"] == "commissioned" for r in records), records
