"""Issue 11, found on dev articles (round 19's snack plant, a car plant's launch) and tested in new words.

- Construction begun, said with the builder as subject or the plant as subject: "began building",
  "начал возводить" (singular: only the plural "начали" was known), "салына бастады".
- "launched manufacturing of Hyundai automobiles": manufacturing of a product is a production as
  "production of" is, and the product's brand stays in the title ("manufacturing Hyundai" before).
- Snacks are food: "snack plant", "завод по выпуску снеков", "снэк өндіретін зауыт".
- "Cement plant opened in Kostanay region": a headline's capital on a word of an industry before
  "plant" is no firm (English only: the evidence "<Name> plant" is read in Latin script).
"""
import pytest

from kzmon.extract.announcements import extract_announcements


def _records(text: str, lang: str) -> list[dict]:
    return extract_announcements(text, "2025-11-03", lang)


@pytest.mark.parametrize("lang, text", [
    ("en", "News of the region\nA Turkish company began building a glass plant in Kyzylorda region."),
    ("ru", "Новости региона\nТурецкая компания начала возводить стекольный завод в Кызылординской области."),
    ("kk", "Өңір жаңалықтары\nҚызылорда облысында шыны зауыты салына бастады."),
])
def test_construction_begun(lang, text):
    assert [r["status"] for r in _records(text, lang)] == ["under_construction"]


@pytest.mark.parametrize("text, title", [
    ("News of the day\nThe prime minister launched manufacturing of Hyundai automobiles in Almaty.",
     "manufacturing of Hyundai automobiles"),
    ("News of the day\nThe governor launched production of KAMAZ trucks in Kostanay.", "production of KAMAZ trucks"),
])
def test_manufacturing_of_a_branded_product(text, title):
    records = _records(text, "en")
    assert [(r["status"], r["sector"]) for r in records] == [("commissioned", "automotive")], records
    assert title in records[0]["title"], records


@pytest.mark.parametrize("lang, text", [
    ("en", "News of the day\nPepsiCo will open a snacks production plant in Almaty region."),
    ("ru", "Новости\nВ Алматинской области построят завод по выпуску снеков."),
    ("kk", "Жаңалықтар\nАлматы облысында снэк өндіретін зауыт салынады."),
])
def test_snacks_are_food(lang, text):
    assert [r["sector"] for r in _records(text, lang)] == ["agro_food"]


@pytest.mark.parametrize("headline, firm", [
    ("Cement plant opened in Kostanay region", None),
    ("Truck plant to be built in Kostanay region", None),
    ("Hyundai plant opened in Almaty", "Hyundai"),    # a brand before its plant stays a firm
])
def test_an_industry_word_opening_a_headline_is_no_firm(headline, firm):
    records = _records(headline + "\nThe governor attended the ceremony.", "en")
    assert len(records) == 1, records
    assert records[0]["companies"] == ([firm] if firm else []), records
