"""Issue 11, found on dev articles (a regional investment centre's report, a governor's interview)
and tested in new words: money that is the economy's, said in words the macro cues did not know.

- What a region drew in is the region's tally: "в регион привлекли 590 млрд тенге инвестиций",
  "the region has attracted 410 billion tenge", "өңірге тартылған инвестиция көлемі 660 млрд" went
  into the open project's investment.
- What a plant or an industry makes is output, never investment: "made products worth 1.9 trillion
  tenge", "выпустит продукции на сумму 20 млрд тенге", "20 млрд теңгенің өнімін шығарады".
The project's own cost in the sentence after stays its money.
"""
import pytest

from kzmon.extract.announcements import extract_announcements


def _records(text: str, lang: str) -> list[dict]:
    return extract_announcements(text, "2025-09-06", lang)


@pytest.mark.parametrize("lang, text", [
    ("ru", "Новости\nВ Актобе ТОО «Масло Агро» построит хранилище для масличных культур. "
           "За январь – июль в регион привлекли 590 млрд тенге инвестиций."),
    ("en", "News\nKazphosphate will build a fertilizer plant in Taraz. "
           "Since January the region has attracted 410 billion tenge of investment."),
    ("kk", "Жаңалықтар\nТаразда «Қазфосфат» тыңайтқыш зауытын салады. "
           "Биыл өңірге тартылған инвестиция көлемі 660 млрд теңгені құрады."),
])
def test_what_a_region_attracted_is_not_the_projects_money(lang, text):
    records = _records(text, lang)
    assert len(records) == 1 and records[0]["kind"] == "project", records
    assert records[0]["investment_kzt"] is None, records


@pytest.mark.parametrize("lang, text", [
    ("ru", "Новости\nВ Таразе построят стекольный завод. Он выпустит продукции на сумму 20 млрд тенге в год. "
           "Стоимость проекта 5 млрд тенге."),
    ("en", "News\nA glass plant will be built in Taraz. It will make goods worth 20 billion tenge a year. "
           "The project costs 5 billion tenge."),
    ("kk", "Жаңалықтар\nТаразда шыны зауыты салынады. Зауыт жылына 20 млрд теңгенің өнімін шығарады. "
           "Жобаның құны 5 млрд теңге."),
])
def test_what_a_plant_will_make_is_not_its_investment(lang, text):
    records = _records(text, lang)
    assert len(records) == 1, records
    assert records[0]["investment_kzt"] == 5_000_000_000, records


@pytest.mark.parametrize("lang, text", [
    ("en", "News\nIndustrial enterprises of Aktobe region made products worth a record 1.9 trillion tenge last year."),
    ("ru", "Новости\nПредприятия Актюбинской области выпустили продукции на сумму 1,9 трлн тенге."),   # guard
])
def test_an_industrys_output_is_no_record(lang, text):
    assert _records(text, lang) == []


def test_a_pool_the_region_attracted_keeps_its_money():
    """Guard: "привлекли 12 проектов на 200 млрд" is a pool's money (the count stands between)."""
    records = _records("Новости\nВ этом году в Актюбинскую область привлекли 12 инвестиционных проектов на 200 млрд тенге.", "ru")
    assert [(r["kind"], r["project_count"], r["investment_kzt"]) for r in records] == [("program", 12, 200_000_000_000)], records
