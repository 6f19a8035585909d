"""One facility, one record: sentences that refer back continue it, numbers that count
something else are no project count, and figures of the economy make no record."""
from datetime import date

import pytest

from kzmon.extract.announcements import extract_announcements

PUBLISHED = date(2026, 6, 1)


@pytest.mark.parametrize("text", [
    # numbered sites and output counts are not pools of projects
    "В индустриальном парке №3 Караганды открылась фабрика по выпуску офисной мебели.\n"
    "Вложения в проект составили 2,4 млрд тенге. Мощность предприятия – 5 000 комплектов в год, создано 90 рабочих мест.",
    "A factory producing steel doors opened in industrial zone No. 2 of Shymkent on Monday.\n"
    "Investment in the project reached 3.1 billion tenge. The factory will make 40,000 doors a year and employ 120 people.",
    "Ақтөбедегі №5 индустриялық аймақта темір есік шығаратын зауыт ашылды.\n"
    "Жобаның құны – 2,8 млрд теңге. Зауыт жылына 30 000 есік шығарады, 110 адам жұмысқа орналасты.",
])
def test_one_plant_gives_one_record(text):
    records = extract_announcements(text, PUBLISHED)
    assert len(records) == 1, [r["title"] for r in records]
    (r,) = records
    assert r["kind"] == "project" and r["project_count"] is None
    assert r["status"] == "commissioned" and r["jobs"] in (90, 120, 110)
    assert r["investment_kzt"] in (2_400_000_000, 3_100_000_000, 2_800_000_000)


def test_a_bare_project_sentence_continues_the_plant():
    text = ("Турецкая компания построит в Таразе завод по производству стеклотары.\n"
            "Проект реализует компания Anadolu Cam, объем инвестиций – 45 млн долларов. На заводе будет создано 300 рабочих мест.")
    (r,) = extract_announcements(text, PUBLISHED)
    assert r["title"].endswith("завод по производству стеклотары в Таразе")   # (its town: test_town_in_title)
    assert r["investment_usd"] == 45_000_000 and r["jobs"] == 300 and "Anadolu Cam" in r["companies"]


def test_a_subheading_about_the_project_is_the_same_project():
    text = ("Solar plant to be built in Turkistan region\n"
            "The $90 million project will be finished in 2027\n"
            "A Spanish developer will build a 100-megawatt solar plant in the Turkistan region. The project is worth $90 million.")
    (r,) = extract_announcements(text, PUBLISHED)
    assert r["title"] == "solar plant" and r["investment_usd"] == 90_000_000 and r["regions"] == ["KZ-61"]


def test_a_town_and_its_region_are_one_place_and_a_partner_is_no_second_item():
    text = ("Construction of the cable plant in Ekibastuz, Pavlodar region, continues with the support of KAZAKH INVEST. "
            "The project is worth 12 billion tenge.")
    (r,) = extract_announcements(text, PUBLISHED)
    assert r["investment_kzt"] == 12_000_000_000 and r["regions"] == ["KZ-55"]


@pytest.mark.parametrize("text", [
    "Coal output in Karaganda region over the period reached 28 million tonnes, and exports totalled $900 million.",
    "Инвестиции в горнодобывающую промышленность области за полугодие составили 420 млрд тенге.",
    "Облыстың тау-кен өнеркәсібіне салынған инвестиция жарты жылда 420 млрд теңгеге жетті.",
    "Enterprises of the region employ 35,000 people and produced goods worth 1.2 trillion tenge.",
])
def test_economy_figures_make_no_record(text):
    assert extract_announcements(text, PUBLISHED) == []
