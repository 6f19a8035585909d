"""Issue 11, found on dev articles and tested in new words: a sentence after one that opened several
projects speaks of the one whose kind it names, not of the last one named.

"Three joint projects: plants for cast iron in Kostanay and tyre production in Saran. ... The joint
ventures will make 40,000 castings" gave the castings to the tyre plant, the last record opened.
Now a sentence that names what one of the projects opened together is (its concept: wind, brick,
cast iron) continues that one; the last one stays the default. Also:
- "the foundation of the desalination plant was laid": the works began (en status cue);
- "on May 1, the Unity Day": a holiday is no name of the plant in its title;
- Kazakh words for wind turbines and solar panels name the wind and the solar concept.
"""
import pytest

from kzmon.extract.announcements import extract_announcements


def _records(text: str, lang: str) -> list[dict]:
    return extract_announcements(text, "2025-11-03", lang)


TWO_OPENED = {
    "en": "Two plants opened in Zhambyl region\nA wind farm was launched in Zhanatas, and a brick plant was "
          "opened in Taraz. Its wind turbines will generate 300 million kWh a year.",
    "ru": "В Жамбылской области открыли два предприятия\nВ Жанатасе запустили ветровую электростанцию, а в "
          "Таразе открыли кирпичный завод. Ветряки дадут 40 рабочих мест.",
    "kk": "Жамбыл облысында екі кәсіпорын ашылды\nЖаңатаста жел электр станциясы іске қосылды, ал Таразда "
          "кірпіш зауыты ашылды. Жел генераторлары 40 адамды жұмыспен қамтиды.",
}


def _figure(record: dict) -> object:
    return record.get("capacity") or record.get("jobs")


@pytest.mark.parametrize("lang", ["en", "ru", "kk"])
def test_the_figure_goes_to_the_project_whose_kind_the_sentence_names(lang):
    records = _records(TWO_OPENED[lang], lang)
    assert [r["sector"] for r in records] == ["energy", "building_materials"], records
    wind, brick = records
    assert _figure(wind) is not None and _figure(brick) is None, records


@pytest.mark.parametrize("lang, text", [
    ("en", "Two plants opened in Zhambyl region\nA wind farm was launched in Zhanatas, and a brick plant was "
           "opened in Taraz. It will produce 30 million bricks per year."),
    ("ru", "В Жамбылской области открыли два предприятия\nВ Жанатасе запустили ветровую электростанцию, а в "
           "Таразе открыли кирпичный завод. Там будут выпускать 30 млн штук кирпича в год."),
])
def test_the_last_project_stays_the_default(lang, text):
    wind, brick = _records(text, lang)
    assert brick.get("capacity") and not wind.get("capacity"), (wind, brick)


def test_a_foundation_laid_means_works_began():
    records = _records("Aktau news\nThe foundation of a desalination plant was laid in Aktau on Friday.", "en")
    assert [r["status"] for r in records] == ["under_construction"], records


def test_a_holiday_is_no_name_of_the_plant():
    records = _records("Mangistau news\nA solar power plant was opened in Mangystau region on May 1, the Unity Day, "
                       "the governor's press service said.", "en")
    assert len(records) == 1 and "Unity" not in records[0]["title"], records
