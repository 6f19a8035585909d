"""Issue 11, found on dev articles and tested in new words.

- Kazakh names an uncounted pool in the singular after "several" or "many" ("бірнеше маңызды нысан
  салынып жатыр"): it is no project of its own, as "several important facilities" and "несколько
  важных объектов" already were not.
- "уже действуют 10 предприятий", "10 enterprises already operate": a pool working today is launched.
  (Kazakh "жұмыс істеп тұр" was tried and left out: it made a working factory of a dev negative
  article a record.)
- A geomembrane plant is of rubber and plastics.
"""
import pytest

from kzmon.extract.announcements import extract_announcements


def _records(text: str, lang: str) -> list[dict]:
    return extract_announcements(text, "2025-11-03", lang)


@pytest.mark.parametrize("lang, text", [
    ("kk", "Астанада бірнеше маңызды нысан салынып жатыр."),
    # guards: these passed before
    ("kk", "Облыс орталығында көптеген жаңа кәсіпорын салынуда."),
    ("en", "Astana is building several important facilities."),
    ("ru", "В Астане строится несколько важных объектов."),
])
def test_several_facilities_uncounted_are_no_project(lang, text):
    assert _records(text, lang) == []


@pytest.mark.parametrize("lang, text", [
    ("ru", "В индустриальной зоне Костаная уже действуют 14 предприятий."),
    ("en", "In the Kostanay industrial zone 14 enterprises already operate."),
])
def test_a_pool_already_working_is_launched(lang, text):
    assert [(r["project_count"], r["status"]) for r in _records(text, lang) if r["kind"] == "program"] == [(14, "commissioned")]


@pytest.mark.parametrize("lang, text", [
    ("ru", "Последним из запущенных проектов стал завод по выпуску геомембраны."),
    ("kk", "Сараньда геомембрана шығаратын зауыт іске қосылды."),
    ("en", "A geomembrane plant was launched in Saran."),
])
def test_a_geomembrane_plant_is_rubber_and_plastics(lang, text):
    assert [r["sector"] for r in _records(text, lang)] == ["rubber_plastics"], _records(text, lang)
