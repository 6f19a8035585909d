"""The firms an industry counts today are no pool, whether the count is written in digits or in
words: "На сегодня работают три предприятия мощностью 510 тысяч тонн в год" (a dev article of
round 12) made a pool of three, because the stock patterns read digits only. Tested in new words;
each case failed before the change unless marked as a guard.
"""
import pytest

from kzmon.extract.announcements import extract_announcements


@pytest.mark.parametrize("text, language", [
    ("Сегодня в области работают четыре мукомольных предприятия мощностью 300 тысяч тонн.", "ru"),
    ("Қазір өңірде төрт кәсіпорын жұмыс істеп тұр, олар жылына 300 мың тонна ұн шығарады.", "kk"),
    ("Four milling enterprises operate in the region today.", "en"),
])
def test_working_firms_counted_in_words_are_no_pool(text, language):
    assert extract_announcements(text, None, language, None) == []


@pytest.mark.parametrize("text, language", [
    ("В области построят четыре новых мукомольных предприятия стоимостью 12 млрд тенге.", "ru"),
    ("Four new milling enterprises worth 12 billion tenge will be built in the region.", "en"),
])
def test_new_firms_counted_in_words_stay_a_pool_guard(text, language):
    records = extract_announcements(text, None, language, None)
    assert [r["project_count"] for r in records if r["kind"] == "program"] == [4], records
