"""Issue 11, first mentions: a plant is often first named by its brand or its firm. "The Turan cement
plant was launched in Taraz" gave no record: "The <Name>" was a first mention only when the facility
noun followed the name at once, so "The <Name> cement plant" read as a reference back to a plant no
sentence had named. And with nothing open, a plant that its sentence gives a status and a firm of its
own ("Запущен завод ТОО «Береке»") was not specific enough to open a record, where a place or a sector
would have been. Tested in new words.
"""
import pytest

from kzmon.extract.announcements import extract_announcements


def _projects(text: str, lang: str) -> list[dict]:
    return [r for r in extract_announcements(text, "2024-09-17", lang) if r["kind"] == "project"]


@pytest.mark.parametrize("text", [
    "The Arman cement plant was commissioned last week.",
    "The Berel glass plant will be built by 2027.",
])
def test_the_name_and_what_the_plant_makes_is_a_first_mention(text):
    records = _projects(text, "en")
    assert len(records) == 1, records
    assert records[0]["title"].split()[0] in ("Arman", "Berel"), records


@pytest.mark.parametrize("lang, text, firm", [
    ("ru", "Запущен завод ТОО «Береке».", "Береке"),
    ("kk", "«Береке» зауыты іске қосылды.", "Береке"),
    ("en", "Bereke LLP launched a plant.", "Bereke"),
])
def test_a_plant_with_a_firm_of_its_own_is_a_first_mention(lang, text, firm):
    records = _projects(text, lang)
    assert len(records) == 1 and any(firm in c for c in records[0]["companies"]), records


def test_the_plant_named_before_stays_one_record_guard():
    text = "The Altyn Dala flour mill was commissioned last week. The Altyn Dala flour mill will employ 120 people."
    records = _projects(text, "en")
    assert len(records) == 1 and records[0]["jobs"] == 120, records
