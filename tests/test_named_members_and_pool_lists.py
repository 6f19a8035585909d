"""Issue 11, lists (read on dev articles of rounds 11 and 12 about Astana's heat stations and a
biscuit shop; tested in new words, each case failed before the change unless marked as a guard):

- a plural facility noun beside quoted names joined by "and" is one facility per name
  ("газовые тепловые станции «Туран» и «Юго-Восток»", "«Тұран» және «Оңтүстік-Шығыс» газ жылу
  станциялары");
- "ТЭЦ-3 и газовых тепловых станций": adjectives before the second noun do not hide it;
- a list that opens a sentence ("Бұлар – ...", "Олар ...") after a sentence announcing several
  facilities belongs to them, also when a project named in the headline is open; Kazakh counts
  "several" in the singular ("бірнеше маңызды нысан");
- "возводят", "тұрғызып жатыр": being built;
- "Цехты" (the shop, accusative) after a shop was named is that shop again, not a new one.
"""
import pytest

from kzmon.extract.announcements import extract_announcements


def titles(text: str, language: str) -> list[str]:
    return [r["title"] for r in extract_announcements(text, None, language, None) if r["kind"] == "project"]


@pytest.mark.parametrize("text, language, names", [
    ("В Караганде возводят солнечные электростанции «Север» и «Майкудук».", "ru", ["Север", "Майкудук"]),
    ("Қарағандыда «Солтүстік» және «Майқұдық» күн электр станциялары салынып жатыр.", "kk", ["Солтүстік", "Майқұдық"]),
])
def test_a_plural_facility_with_named_members_is_one_record_per_name(text, language, names):
    found = titles(text, language)
    assert len(found) == 2 and all(any(n in t for t in found) for n in names), found


def test_one_plant_of_two_named_firms_stays_one_guard():
    found = titles("В Караганде строится завод компаний «Север» и «Майкудук» стоимостью 5 млрд тенге.", "ru")
    assert len(found) == 1, found


def test_a_second_facility_after_adjectives_is_its_own_record():
    found = titles("Аким рассказал, как продвигается строительство ТЭЦ-2 и солнечных электростанций «Север» и «Майкудук».", "ru")
    assert len(found) == 3 and any("ТЭЦ-2" in t for t in found), found


def test_a_list_after_several_facilities_belongs_to_them_while_a_headline_project_is_open():
    text = ("Қарағандыда кезекті күн электр станциясы бой көтереді\n"
            "Қала үшін бірнеше маңызды нысан тұрғызып жатырмыз. "
            "Бұлар – «Солтүстік» және «Майқұдық» күн электр станциялары.")
    found = titles(text, "kk")
    assert any("Солтүстік" in t for t in found) and any("Майқұдық" in t for t in found), found


@pytest.mark.parametrize("text, language", [
    ("В Караганде возводят новый цементный завод.", "ru"),
    ("Қарағандыда жаңа цемент зауытын тұрғызып жатыр.", "kk"),
])
def test_present_tense_erecting_is_under_construction(text, language):
    records = extract_announcements(text, None, language, None)
    assert [r["status"] for r in records] == ["under_construction"], records


def test_a_short_head_said_again_in_another_case_is_the_facility_named_before():
    text = ("Жаңа кондитер цехы іске қосылды\n"
            "Облыс әкімі «Береке» фабрикасында жақында ашылған кондитер цехының жұмысын көрді. "
            "– Цехты ашуға 2,4 млрд теңге жұмсалды, – деді кәсіпорын басшысы.")
    records = extract_announcements(text, None, "kk", None)
    assert len(records) == 1 and records[0]["investment_kzt"] == 2.4e9, records
