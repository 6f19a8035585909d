"""Issue 11, titles a reader can use: a facility named after its town keeps the town's capital
when the sentence opens with it. The capital of a sentence's first word was lowered for every
title ("cement plant" from "Cement plant will open ..."), and "Pavlodar petrochemical plant"
became "pavlodar petrochemical plant", "Теміртау металлургия комбинаты" "теміртау ...". A first
word the gazetteer knows as a place keeps it. Tested in new words; each place case failed before.
"""
import pytest

from kzmon.extract.announcements import extract_announcements


@pytest.mark.parametrize("text, language, title", [
    ("Pavlodar petrochemical plant will launch a new unit in 2026.", "en", "Pavlodar petrochemical plant"),
    ("Экибастузская ГРЭС-2 начнет строительство нового блока.", "ru", "Экибастузская ГРЭС-2"),
    ("Теміртау металлургия комбинатын жаңғырту жоспарланып отыр.", "kk", "Теміртау металлургия комбинаты"),
])
def test_a_town_that_opens_the_sentence_keeps_its_capital(text, language, title):
    assert [r["title"] for r in extract_announcements(text, None, language, None)] == [title]


@pytest.mark.parametrize("text, language, title", [
    ("Cement plant will open in Shymkent next year.", "en", "cement plant in Shymkent"),
    ("Цементный завод откроют в Шымкенте.", "ru", "цементный завод в Шымкенте"),
])
def test_a_common_word_that_opens_the_sentence_is_lowered_guard(text, language, title):
    assert [r["title"] for r in extract_announcements(text, None, language, None)] == [title]
