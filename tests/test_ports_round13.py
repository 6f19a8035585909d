"""A port is a facility (dev ru-vlast: "проект расширения Актауского морского международного
торгового порта" was titled "проект расширения", the port left out)."""
import pytest

from kzmon.extract.announcements import extract_announcements

TEXTS = [
    ("Президент запустил проекты\nГлава государства запустил проект расширения Курыкского морского международного "
     "торгового порта в Мангистауской области.", "ru", "порт"),
    ("Президент жобаларды іске қосты\nМемлекет басшысы Құрық халықаралық теңіз сауда портын кеңейту жобасын іске қосты.",
     "kk", "порт"),
]


@pytest.mark.parametrize("text, language, word", TEXTS)
def test_a_ports_expansion_keeps_the_port_in_its_title(text, language, word):
    projects = [r for r in extract_announcements(text, None, language, None) if r["kind"] == "project"]
    assert projects and word in projects[0]["title"].lower()
