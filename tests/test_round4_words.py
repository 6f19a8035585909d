"""Words round 4 (dev) showed missing: Kazakh names of a combined heat and power plant ('ЖЭО',
'жылу электр орталығы'), 'construction ... is progressing', Russian 'прибавило' (an output's growth),
and an industry's stock of firms told with 'жұмыс істейтінін'."""
import pytest

from kzmon.extract.announcements import extract_announcements
from kzmon.extract.announcements.vocabulary import status_of


@pytest.mark.parametrize("text", [
    "Семейде жаңа жылу электр орталығы салынады\nСемей қаласында қуаты 360 МВт жаңа жылу электр орталығы салынады.",
    "Өскеменде жаңа ЖЭО салынады\nӨскемен қаласында 2028 жылға дейін жаңа ЖЭО салынады.",
])
def test_a_kazakh_chp_is_a_facility(text):
    projects = [r for r in extract_announcements(text, None, "kk", None) if r["kind"] == "project"]
    assert len(projects) == 1 and projects[0]["status"] == "planned"


def test_construction_progressing_is_under_way():
    assert status_of("Mamin also checked how construction of a ferroalloy factory is progressing.") == "under_construction"


@pytest.mark.parametrize("text, language", [
    ("Экономика\nЗа 5 месяцев промышленное производство прибавило 2,1% и вышло на 2,8 трлн тенге.", "ru"),
    ("Өнеркәсіп\nОблыс әкімі өңірдің өнеркәсіп саласында 1007 кәсіпорын жұмыс істейтінін айтты.", "kk"),
])
def test_the_economy_gives_no_record(text, language):
    assert extract_announcements(text, None, language, None) == []


def test_new_lines_a_firm_put_money_into_are_its_project():
    text = ("Premier visits Taraz\n\nThe premier also visited Altyn Foods, a confectioner. The firm has put 2.1 "
            "billion tenge into new lines and hired 60 people.")
    projects = [r for r in extract_announcements(text, None, "en", None) if r["kind"] == "project"]
    assert [(r["companies"], r["investment_kzt"], r["jobs"]) for r in projects] == [(["Altyn Foods"], 2_100_000_000, 60)]
