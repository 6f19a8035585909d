"""Issue 11, titles a reader can use: the town tells one of a region's plants of a kind from the
others ("KIA car plant in Kostanay"). English titles carried it; Russian and Kazakh titles never
did, so "ферросплавный завод" built in Aksu and the one in Ekibastuz had one title, and a gold
record known by its town ("ЖЭО в Семее") found no match. The town is added once the article's
records are merged, so that a plant named with its town in one sentence and without it in the
next stays one record. Tested in new words.
"""
import pytest

from kzmon.extract.announcements import extract_announcements


def _projects(text: str, lang: str) -> list[dict]:
    return [r for r in extract_announcements(text, "2025-03-04", lang) if r["kind"] == "project"]


@pytest.mark.parametrize("lang, text, town", [
    ("ru", "В Аксу построят завод по производству ферросилиция стоимостью 40 млрд тенге.", "в аксу"),
    ("ru", "Компания «ТемирСтрой» запустила кирпичный завод в городе Сатпаеве.", "в городе сатпаеве"),
    ("kk", "Ақсу қаласында ферросилиций шығаратын зауыт салынады, құны 40 млрд теңге.", "ақсу қаласындағы"),
    ("kk", "Жезқазғанда кірпіш зауыты іске қосылды.", "жезқазғандағы"),
])
def test_the_town_is_in_the_title(lang, text, town):
    records = _projects(text, lang)
    assert len(records) == 1, records
    assert town in records[0]["title"].lower(), records[0]["title"]


@pytest.mark.parametrize("lang, text", [
    ("ru", "В Аксу построят ферросплавный завод. Ферросплавный завод обойдется в 40 млрд тенге и даст 300 рабочих мест."),
    ("kk", "Ақсу қаласында ферроқорытпа зауыты салынады. Ферроқорытпа зауыты 300 жұмыс орнын ашады."),
])
def test_one_plant_with_and_without_its_town_is_one_record_guard(lang, text):
    assert len(_projects(text, lang)) == 1


def test_a_pool_over_several_regions_takes_no_town_guard():
    records = [r for r in extract_announcements(
        "В Алматы, Шымкенте и Туркестанской области реализуют 6 проектов на 90 млрд тенге.", "2025-03-04", "ru")
        if r["kind"] == "program"]
    assert records and all("в алматы" not in r["title"].lower() for r in records), records
