"""Issue 11, found on dev articles (an oil refinery's expansion, round 19's snack plant) and tested in
new words.

- Works on a working facility are the project, and its title says so: "the expansion of the
  Shymkent refinery" was titled "refinery in Shymkent" (Russian "расширение Шымкентского НПЗ"
  already kept the works); Kazakh "зауытын кеңейту жұмыстары ... басталады" (works will begin) is
  a plan.
- "один из крупнейших заводов", "ең ірі зауыттардың бірі": one of the largest plants is one plant,
  not a pool of plants (Russian "один" and the Kazakh "бірі" after the head were not read).
"""
import pytest

from kzmon.extract.announcements import extract_announcements


def _records(text: str, lang: str) -> list[dict]:
    return extract_announcements(text, "2025-11-03", lang)


@pytest.mark.parametrize("lang, text, title", [
    ("en", "News of the day\nThe expansion of the Pavlodar refinery will start in 2026.",
     "expansion of the Pavlodar refinery"),
    ("en", "News of the day\nKazMunayGas will carry out the modernization of the Atyrau refinery.",
     "modernization of the Atyrau refinery"),
    ("ru", "Новости\nРасширение Павлодарского НПЗ начнется в 2026 году.", "расширение Павлодарского НПЗ"),   # guard
])
def test_works_on_a_facility_are_named_in_the_title(lang, text, title):
    records = _records(text, lang)
    assert len(records) == 1 and title in records[0]["title"], records
    assert records[0]["status"] == "planned", records


def test_kazakh_works_that_will_begin_are_planned():
    records = _records("Жаңалықтар\nПавлодар мұнай өңдеу зауытын кеңейту жұмыстары 2026 жылы басталады.", "kk")
    assert [(r["kind"], r["status"], r["regions"]) for r in records] == [("project", "planned", ["KZ-55"])], records


@pytest.mark.parametrize("lang, text", [
    ("ru", "Новости\nВ следующем году в Алматинской области откроется один из крупнейших заводов по "
           "производству снеков в стране."),
    ("kk", "Жаңалықтар\nКелесі жылы Алматы облысында елдегі снек өндіретін ең ірі зауыттардың бірі ашылады."),
    ("en", "News of the day\nOne of the largest snack plants in the country will open in Almaty region next year."),   # guard
])
def test_one_of_the_largest_plants_is_one_plant(lang, text):
    records = _records(text, lang)
    assert [(r["kind"], r["sector"]) for r in records] == [("project", "agro_food")], records
