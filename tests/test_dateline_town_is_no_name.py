"""A dateline's town in capitals ("ASTANA. KAZINFORM –", "AKTOBE –") is where the outlet writes
from, not a name of the event: two reports of one agency on one day share it whatever they report.

Round 12 of the real-reporting corpus: a coal-output briefing joined the story of a government
meeting on projects, dated the same day, through the shared "NUR-SULTAN" of their datelines. The
texts here are new words. Guards, asserting what already held: the Russian and Kazakh datelines
(Cyrillic capitals were never read as names) and "SEMEY, October 3." (too short a key).
"""
from __future__ import annotations

import pytest

from kzmon.storage.dedup.fingerprints import article_facts, name_facts
from kzmon.storage.dedup.stories import event_score


def keys(text: str, language: str) -> set[str]:
    return {f.key for f in name_facts(text, language)}


FIRM = "The ministry said on Tuesday that Bogatyr Komir mined more coal."


@pytest.mark.parametrize("dateline", ["NUR-SULTAN. KAZINFORM – ", "PAVLODAR – ", "SEMEY, October 3. "])
def test_an_english_dateline_town_is_no_name(dateline):
    found = keys(dateline + FIRM, "en")
    assert not {"nm:nrsltn", "nm:pvldr", "nm:smy"} & found
    assert keys(FIRM, "en") <= found   # the firm stays a name


def test_capitals_inside_a_sentence_stay_a_name():
    # a guard: "KIA", "ERG" mid-sentence are firms; only a line-opening word before a dateline stop is a town
    found = keys("The governor said KIA and ERG would sign the deal in Kostanay on Friday.", "en")
    assert {"nm:kia", "nm:erg"} <= found


@pytest.mark.parametrize("text,language", [
    ("АСТАНА. КАЗИНФОРМ – Министерство сообщило, что компания Богатырь Комир увеличила добычу угля.", "ru"),
    ("АҚТӨБЕ. ҚазАқпарат – Богатырь Комир компаниясы көмір өндіруді арттырды.", "kk"),
])
def test_a_cyrillic_dateline_town_is_no_name_guard(text, language):
    found = keys(text, language)
    assert not any(k.startswith(("nm:ст", "nm:kt", "nm:ҚТ", "nm:aqt", "nm:akt")) for k in found), found


def test_two_reports_of_one_agency_on_one_day_are_not_one_event_by_their_dateline():
    briefing = ("Kazakhstan mined more coal this year\n"
                "NUR-SULTAN. KAZINFORM – Coal output rose 3% in eight months, an official of the Industry and "
                "Infrastructure Development Ministry told a briefing. Mining grew in Karaganda region.")
    meeting = ("Twelve plants to open in Karaganda region this year\n"
               "NUR-SULTAN. KAZINFORM – Twelve plants worth 230 billion tenge are to be put into service in "
               "Karaganda region this year, the Minister of Industry and Infrastructure Development told the "
               "government session.")
    plants = [{"kind": "program", "title": "plants", "status": "planned", "regions": ["KZ-35"],
               "investment_kzt": 230e9, "project_count": 12}]
    a = {f.key: f.weight for f in article_facts(briefing, "en")}
    b = {f.key: f.weight for f in article_facts(meeting, "en", plants)}
    assert event_score(a, b, [], plants, days_apart=0) == 0.0
