"""A visit to a working mine or plant reports it working (status `commissioned`), in the words
officials' visits are reported in. Rules written on dev articles; each case failed before its cue."""
import pytest

from kzmon.extract.announcements import extract_announcements


@pytest.mark.parametrize("text, language", [
    ("Tokayev toured the Bolashak mine in Aktobe region, whose design capacity is 7.5 million tons of chrome ore a year.",
     "en"),
    ("Премьер-министр посетил рудник «Болашак» в Актюбинской области, рассчитанный на 7,5 млн тонн хромовой руды в год.",
     "ru"),
    ("Олжас Бектенов ознакомился с работой рудника «Болашак» в Актюбинской области.", "ru"),
    ("Мемлекет басшысы Ақтөбе облысындағы Болашақ кенішінің жұмысымен танысты.", "kk"),
])
def test_a_visit_to_a_working_mine_or_plant_is_a_working_facility(text, language):
    projects = [r for r in extract_announcements(text, None, language, None) if r["kind"] == "project"]
    assert [p["status"] for p in projects] == ["commissioned"], projects


def test_a_source_credit_is_no_name_of_the_plant():
    """A caption line with its source ("... в Хромтау Akorda.kz") had given the mine the title
    "Болашак шахта Akorda.kz"."""
    from kzmon.extract.announcements.titles import facility_title
    assert "Akorda" not in facility_title("Токаев осмотрел шахту «Болашак» в Хромтау Akorda.kz", [])
    assert "Inform" not in facility_title("Tokayev toured the Bolashak mine in Khromtau Inform.kz", [])


def test_two_records_of_one_named_mine_in_cyrillic_are_one():
    """"Токаев осмотрел шахту «Болашак»" and later "запуск шахты «Болашак»": one mine, named alike in
    Cyrillic (names in Latin letters were already compared)."""
    text = ("Токаев осмотрел шахту «Болашак» в Хромтау\n\n"
            "Глава государства начал рабочую поездку в Актюбинскую область с шахты «Болашак».\n\n"
            "Президенту доложили, что на объекте появится 1800 рабочих мест.\n\n"
            "Как сказал руководитель компании, запуск шахты «Болашак» – историческое событие для отрасли.")
    projects = [r for r in extract_announcements(text, None, "ru", None) if r["kind"] == "project"]
    assert len(projects) == 1, [p["title"] for p in projects]
