"""Issue 11, the product as the project: "production of the Sputnik V vaccine was launched at the
Karaganda pharmaceutical complex" was titled by the complex, where the production only happens,
and the record did not match a gold record of the production ("вакцин"). A production the
sentence names beside the plant it stands at is the title. Kazakh titles the production already
("зауытта қозғалтқыш өндірісі іске қосылды"): a guard. Tested in new words.
"""
import pytest

from kzmon.extract.announcements import extract_announcements


@pytest.mark.parametrize("lang, text, words", [
    ("en", "At the Pavlodar chemical plant, production of sodium cyanide was launched.", ["production", "cyanide"]),
    ("en", "Production of tractor engines began at a plant in Kokshetau.", ["production", "engines"]),
    ("ru", "На Павлодарском химическом заводе запустили выпуск цианида натрия.", ["выпуск", "цианида"]),
    ("ru", "На заводе в Кокшетау начали производство тракторных двигателей.", ["производство", "двигател"]),
    ("kk", "Көкшетаудағы зауытта трактор қозғалтқыштарының өндірісі іске қосылды.", ["қозғалтқыш", "өндіріс"]),
])
def test_the_production_at_a_plant_is_the_title(lang, text, words):
    records = extract_announcements(text, "2024-06-03", lang)
    assert records and all(w in records[0]["title"].lower() for w in words), records


def test_a_plant_for_a_product_keeps_its_title_guard():
    # the plant itself is the project: "a plant for the production of X" is no production at a plant
    records = extract_announcements("A plant for the production of sodium cyanide was launched in Pavlodar.", "2024-06-03", "en")
    assert records and "plant" in records[0]["title"], records
