"""Issue 11, lists and joined clauses: "X was opened and the foundation of Y was laid" tells of two
facilities (a dev article of round 13 has that shape). In Russian a clause that opens with its
own verb of status ("открыли молочный завод и заложили фундамент кирпичного завода") was read as
more words about the first plant; a facility of another industry after that verb is a second
record. Tested in new words; the Russian case failed before, English and Kazakh are guards.
"""
import pytest

from kzmon.extract.announcements import extract_announcements


@pytest.mark.parametrize("text, language", [
    ("В Кокшетау 1 мая открыли молочный завод и заложили фундамент кирпичного завода.", "ru"),
    ("Көкшетауда 1 мамырда сүт зауыты ашылып, кірпіш зауытының іргетасы қаланды.", "kk"),
    ("A dairy plant was opened and the foundation of a brick plant was laid in Kokshetau on May 1.", "en"),
])
def test_a_clause_with_its_own_verb_names_a_second_facility(text, language):
    records = extract_announcements(text, None, language, None)
    assert [r["sector"] for r in records] == ["agro_food", "building_materials"], records


def test_a_verb_about_the_same_plant_opens_nothing_guard():
    records = extract_announcements("В Кокшетау открыли молочный завод и начали выпуск сыра.", None, "ru", None)
    assert [r["sector"] for r in records] == ["agro_food"], records
