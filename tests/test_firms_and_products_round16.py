"""Rules of the sixth session, each from a dev article the extractor read wrongly (a West
Kazakhstan round-up of seven new plants; written in new words here). Each test failed before its rule."""
import pytest

from kzmon.extract.announcements import extract_announcements
from kzmon.extract.regions import find_regions


def _projects(text: str, language: str) -> list[dict]:
    return [r for r in extract_announcements(text, None, language, None) if r["kind"] == "project"]


@pytest.mark.parametrize("text, language", [
    ("АО «Уральский завод Зенит» строит в Уральске новый цех для выпуска барж. "
     "Также завершено строительство завода компании «Родник», выпускающей бутилированную воду.", "ru"),
    ("Орал қаласында «Зенит» зауыты баржа шығаратын жаңа цех салып жатыр. "
     "Сондай-ақ «Родник» компаниясының ауыз су зауытының құрылысы аяқталды.", "kk"),
])
def test_a_plant_of_another_firm_is_a_project_of_its_own(text, language):
    """"the plant of the company «Родник»" after the Zenit shop: the plant named no sector or place
    of its own, so it was taken for the shop again and its firm given to the shop."""
    projects = _projects(text, language)
    assert len(projects) == 2
    assert projects[1]["companies"] == ["Родник"] and "Родник" not in projects[0]["companies"]


def test_the_product_of_a_participle_after_the_firm_names_the_plant():
    text = "В Уральске завершено строительство завода компании «Родник», выпускающей бутилированную воду."
    assert "воду" in _projects(text, "ru")[0]["title"]


def test_a_restated_plant_with_a_relative_clause_names_what_it_makes():
    """"Первый завод откроется в Аксае. Там построили завод, который будет выпускать моторные масла":
    the record kept the bare "завод"."""
    text = ("Первый завод откроется в июле этого года в городе Аксай. "
            "Там построили завод, который будет выпускать моторные масла.")
    titles = [p["title"] for p in _projects(text, "ru")]
    assert len(titles) == 1 and "масла" in titles[0]


def test_the_verb_of_a_complements_lead_is_no_status_that_ends_the_title():
    """"a plant that will produce motor oils": "will" ended the title at "plant that"."""
    text = "In Aksai a plant that will produce motor oils has been built."
    assert "motor oils" in _projects(text, "en")[0]["title"]


@pytest.mark.parametrize("text, language", [
    ("Как рассказал руководитель управления предпринимательства Миржан САТКАНОВ, в Аксае открыт завод "
     "по выпуску моторных масел.", "ru"),
    ("Кәсіпкерлік басқармасының басшысы Ержан САТЫБАЛДИЕВ айтқандай, Ақсайда моторлы май шығаратын зауыт ашылды.", "kk"),
])
def test_a_given_name_and_a_surname_in_capitals_is_a_person(text, language):
    """Russian and Kazakh papers print who spoke as "Миржан САТКАНОВ": he became the plant's firm."""
    assert _projects(text, language)[0]["companies"] == []


def test_a_town_ending_in_ai_is_found_in_its_cases():
    """"в Аксае", "из Аксая": the gazetteer knew only "Аксай" with endings after the "й"."""
    assert [m.code for m in find_regions("В Аксае построили завод")] == ["KZ-27"]
    assert [m.code for m in find_regions("продукция из Аксая")] == ["KZ-27"]


def test_bare_plural_facilities_listed_with_their_kind_after_the_head_are_one_record_each():
    """"greenhouse complexes, deep processing plants for wheat and beans, and vegetable storage
    facilities": the second item's kind stood after its head, the third's head was "facilities"."""
    text = ("Turkish businesses want to develop projects in Kazakhstan. Among them are the construction of "
            "greenhouse complexes, deep processing plants for wheat and beans, and vegetable storage facilities.")
    titles = [r["title"] for r in _projects(text, "en")]
    assert len(titles) == 3 and any("wheat" in t for t in titles) and any("vegetable" in t for t in titles)


@pytest.mark.parametrize("text, language", [
    ("A plant to process wheat will be built in Kostanay.", "en"),
    ("В Костанае построят завод по переработке пшеницы.", "ru"),
    ("Қостанайда бидай өңдейтін зауыт салынады.", "kk"),
])
def test_wheat_is_agro_food(text, language):
    assert [p["sector"] for p in _projects(text, language)] == ["agro_food"]


def test_an_agency_dateline_with_an_abbreviated_month_names_no_firm():
    """"BAKU, Azerbaijan, Jan.2": the city became EuroChem's partner."""
    text = ("Kazakhstan, EuroChem ink investment deal on fertilizer plant\n\nBAKU, Azerbaijan, Jan.2\n\n"
            "EuroChem will build a mineral fertilizer plant in Zhambyl region for $1 billion.")
    lines = text.split("\n", 1)
    records = extract_announcements(lines[1], None, "en", lines[0])
    assert records and all("BAKU" not in r["companies"] for r in records)
