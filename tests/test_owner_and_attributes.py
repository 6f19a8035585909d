"""Issue 11, found on dev round 19 (a soda-ash plant and a preservative) and tested in new words.

- "Новый завод ТОО «X»" right after the plant was named: the open plant's bare head again with the
  firm that owns it (after the head, or in the genitive before it), not a second plant; "X is to
  open a plant" (the firm as subject, "a") stays a plant of its own.
- "производственная мощность", "өндірістік қуаты": the adjective says how much, no facility (the
  record called "Yildirim Holding производственная" is gone).
- Kazakh titles keep the noun right before a possessive head or a participle even when it ends like
  a locative ("сода зауыты", "сода өндіретін зауыт" lost "сода" to the "-да" ending).
"""
import pytest

from kzmon.extract.announcements import extract_announcements


def _records(text: str, lang: str) -> list[dict]:
    return extract_announcements(text, "2025-11-03", lang)


@pytest.mark.parametrize("lang, text", [
    ("ru", "Содовый завод в Жамбылской области\nВ Сарысуском районе идет строительство завода кальцинированной соды. "
           "Новый завод ТОО «Арал Химия» будет работать на местном сырье и даст 900 рабочих мест."),
    ("kk", "Жамбылдағы сода зауыты\nСарысу ауданында сода зауыты салынып жатыр. «Арал Химия» ЖШС-нің жаңа зауыты "
           "жергілікті шикізатпен жұмыс істеп, 900 жұмыс орнын ашады."),
])
def test_the_new_plant_of_a_firm_is_the_plant_named_before(lang, text):
    records = _records(text, lang)
    assert len(records) == 1 and records[0]["jobs"] == 900, records
    assert "Арал Химия" in records[0]["companies"][0], records


def test_a_firm_that_opens_a_plant_opens_another_one():
    records = _records("Two plants in Ekibastuz\nThe governor spoke about a KZT40bn plant to produce silicon in Ekibastuz. "
                       "EkiAlloys LLP is to open a plant with total investment of KZT90bn that will create 1,200 jobs.", "en")
    assert [r.get("investment_kzt") for r in records] == [40e9, 90e9], records
    assert records[1]["companies"] == ["EkiAlloys LLP"], records


@pytest.mark.parametrize("lang, text", [
    ("ru", "Содовый завод\nВ Таразе построят содовый завод. Его производственная мощность составит 500 тысяч тонн в год."),
    ("kk", "Сода зауыты\nТаразда сода зауыты салынады. Оның өндірістік қуаты жылына 500 мың тонна болады."),
])
def test_production_capacity_is_no_facility(lang, text):
    records = _records(text, lang)
    assert len(records) == 1 and records[0]["capacity"], records


@pytest.mark.parametrize("text, word", [
    ("Сода зауыты\nЖамбыл облысында сода зауыты салынып жатыр.", "сода"),
    ("Сода өндірісі\nЖамбыл облысында сода өндіретін зауыт салынып жатыр.", "сода"),
])
def test_a_kazakh_noun_before_its_head_stays_in_the_title(text, word):
    records = _records(text, "kk")
    assert len(records) == 1 and word in records[0]["title"], records
