"""Issue 11: regions by the names reporting gives them. Kazinform's headlines shorten "North
Kazakhstan" to "N Kazakhstan"; Turkistan region was South Kazakhstan region (ЮКО, ОҚО) until 2018,
and older reports say so. Neither was a place to the gazetteer, so the record of "N Kazakhstan to
start paper manufacturing" had no region. And when nothing up front names a place, the one region
the whole article names is the place of its projects. Names are data (extract/data/regions.yaml);
tested in new words.
"""
import pytest

from kzmon.extract.announcements import extract_announcements
from kzmon.extract.regions import find_regions


@pytest.mark.parametrize("text, code", [
    ("N Kazakhstan to open flax processing plant", "KZ-59"),
    ("E Kazakhstan launches battery assembly line", "KZ-63"),
    ("W. Kazakhstan farmers get new grain dryer plant", "KZ-27"),
    ("A tile factory opened in South Kazakhstan region in 2016", "KZ-61"),
    ("В Южно-Казахстанской области построят фабрику по выпуску обуви", "KZ-61"),
    ("В ЮКО запустили кирпичный завод", "KZ-61"),
    ("Оңтүстік Қазақстан облысында жаңа зауыт ашылды", "KZ-61"),
    ("ОҚО-да мақта өңдейтін зауыт салынады", "KZ-61"),
])
def test_short_and_former_region_names(text, code):
    assert [r.code for r in find_regions(text)] == [code]


def test_north_kazakhstan_is_not_every_capital_n_guard():
    assert find_regions("Plan N Kazakh delegation") == []


@pytest.mark.parametrize("lang, text, code", [
    ("en", "Oblast news\n\nIn North Kazakhstan the small business share grew to 31%.\n\n"
           "The akim spoke of promising projects.\n\n"
           "Plans are to launch a cardboard plant of Ertis Pack LLP, able to make 400 tons a month.", "KZ-59"),
    ("ru", "Новости региона\n\nВ Костанайской области растёт доля малого бизнеса.\n\n"
           "Аким рассказал о перспективных проектах.\n\n"
           "Планируется запустить картонный завод ТОО «Тобыл Пак» мощностью 400 тонн в месяц.", "KZ-39"),
    ("kk", "Өңір жаңалықтары\n\nАқмола облысында шағын бизнестің үлесі өсті.\n\n"
           "Әкім болашағы зор жобалар туралы айтты.\n\n"
           "«Есіл Пак» ЖШС картон зауытын іске қосу жоспарлануда.", "KZ-11"),
])
def test_the_articles_one_region_is_the_place_of_its_project(lang, text, code):
    records = [r for r in extract_announcements(text, "2021-03-04", lang) if r["kind"] == "project"]
    assert records and records[0]["regions"] == [code], records


def test_two_regions_named_leave_the_project_unplaced_guard():
    text = ("Oblast news\n\nIn North Kazakhstan and Kostanay region the small business share grew.\n\n"
            "The akims spoke of promising projects.\n\n"
            "Plans are to launch a cardboard plant of Ertis Pack LLP, able to make 400 tons a month.")
    records = [r for r in extract_announcements(text, "2021-03-04", "en") if r["kind"] == "project"]
    assert records and records[0]["regions"] == [], records
