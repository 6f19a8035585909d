"""Issue 11, found on round 18's dev articles (a gas plant followed over five years) and tested in new
words.

- An oil and gas field is a place of its region ("at the Kashagan field", "на месторождении Кашаган",
  "Қашаған кен орнында" are Atyrau region; regions.yaml, as towns are).
- "one more gas processing plant, with a capacity of ...": the new facility's title keeps its
  modifiers ("gas processing plant", not "plant"), so it is told from the first plant by what it is.
- Gas is measured by volume: "2 bcm", "2 млрд м3" are capacities.
- "соның ішінде қуаты 1 млрд м3 газ өңдеу зауыты": a number before a scale word ("1 млрд") measures
  something; it is no count of the projects "including" opens.
- "on the site of the Zhanazhol gas processing plant in Aktobe region": a town and its region in one
  clause with no conjunction between are one place, not the places of two items.
- "Kazakhstan will rank second in the world in ferroalloy production", "по объему производства
  ферросплавов": production inside a statement of the economy is the country's output, no facility.
"""
import pytest

from kzmon.extract.announcements import extract_announcements


def _records(text: str, lang: str) -> list[dict]:
    return extract_announcements(text, "2025-11-03", lang)


@pytest.mark.parametrize("lang, text", [
    ("en", "QazaqGaz is building a gas processing plant at the Kashagan field."),
    ("ru", "На месторождении Кашаган строят газоперерабатывающий завод."),
    ("kk", "Қашаған кен орнында газ өңдеу зауыты салынып жатыр."),
    ("en", "Tengizchevroil will build a power plant at the Tengiz field."),
])
def test_a_field_is_a_place_of_its_region(lang, text):
    assert [r["regions"] for r in _records(text, lang)] == [["KZ-23"]], _records(text, lang)


@pytest.mark.parametrize("lang, text, words", [
    ("en", "QazaqGaz is building a gas processing plant at the Kashagan field.\nThe construction of one more gas "
           "processing plant, with a capacity of 4 bcm, is also under consideration.", "gas processing"),
    ("ru", "На месторождении Кашаган строят газоперерабатывающий завод.\nКроме того, рассматривается строительство "
           "ещё одного крупного газоперерабатывающего завода мощностью 4 млрд м3.", "газоперерабатыва"),
    ("kk", "Қашаған кен орнында газ өңдеу зауыты салынып жатыр.\nСондай-ақ қуаты 4 млрд м3 тағы бір ірі газ өңдеу "
           "зауытын салу мәселесі қаралуда.", "газ өңдеу"),
])
def test_one_more_plant_keeps_what_it_is_and_its_volume(lang, text, words):
    records = _records(text, lang)
    assert len(records) == 2, records
    second = next((r for r in records if r["capacity"]), None)
    assert second is not None and "4" in second["capacity"], records
    assert words in second["title"], records


@pytest.mark.parametrize("lang, text", [
    ("kk", "Атырауда жылына 5 млрд м3 газ өңдейтін зауыт салынады."),
    # guards: "capacity of" and "в год" made these capacities before
    ("en", "A gas processing plant with a capacity of 5 bcm a year will be built in Atyrau."),
    ("ru", "В Атырау построят газоперерабатывающий завод мощностью 5 млрд м3 в год."),
])
def test_gas_volume_is_a_capacity(lang, text):
    assert [r["capacity"][:1] for r in _records(text, lang)] == ["5"], _records(text, lang)


@pytest.mark.parametrize("lang, text", [
    ("kk", "Кеңеске қатысушылар Қашаған кен орнындағы жаңа жобаларды, соның ішінде қуаты 1 млрд м3 газ өңдеу зауытының "
           "құрылысын жүзеге асыру мәселелерін қарады."),
    ("ru", "Участники совещания обсудили новые проекты на месторождении Тенгиз, в том числе строительство "
           "газоперерабатывающего завода мощностью 1 млрд м3."),
    ("en", "The meeting discussed new projects at the Tengiz field, including the building of a gas processing plant "
           "with a capacity of 1 billion cubic meters."),
])
def test_a_measure_after_including_is_no_count(lang, text):
    records = _records(text, lang)
    assert [(r["kind"], r["regions"], r["capacity"][:1]) for r in records] == [("project", ["KZ-23"], "1")], records


def test_a_town_naming_the_site_and_its_region_are_one_place():
    """A guard: it passed before, when "Zhanazhol" was no place (it was read as a firm); with the
    fields in the gazetteer it split the sentence into two items."""
    text = ("KazMunayGas and CNPC are going to start methanol production on the site of the Zhanazhol gas processing "
            "plant in Aktobe region.")
    records = _records(text, "en")
    assert len(records) == 1 and "methanol" in records[0]["title"], records


@pytest.mark.parametrize("lang, text", [
    ("en", "Three ferroalloy plants will be built in Ekibastuz. When they are launched, Kazakhstan will rank second in "
           "the world in ferroalloy production."),
    ("ru", "В Экибастузе построят три ферросплавных завода. Когда они будут запущены, Казахстан выйдет на второе место "
           "в мире по объему производства ферросплавов."),
    # a guard: this passed before
    ("kk", "Екібастұзда үш ферроқорытпа зауыты салынады. Олар іске қосылғанда Қазақстан ферроқорытпа өндірісінің көлемі "
           "бойынша әлемде екінші орынға шығады."),
])
def test_the_countrys_output_is_no_facility(lang, text):
    records = _records(text, lang)
    assert [(r["kind"], r["project_count"]) for r in records] == [("program", 3)], records
