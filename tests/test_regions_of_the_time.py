"""Issue 11: a record carries the region of the article's day. A report written in 2019 from
Khorgos says Almaty region: Zhetysu did not exist until June 2022. The gazetteer knows places by
today's map, so every pre-2022 plant in Abai, Zhetysu or Ulytau (and every pre-2018 plant in
Shymkent) came out in a region its own article could not name, and a gold record of that article
did not match. The dates are data (extract/data/regions.yaml `formed_on`); tested in new words.
"""
from datetime import date

import pytest

from kzmon.extract.announcements import extract_announcements
from kzmon.extract.regions import regions_of_the_time

# (language, text, today's region, the region before the split)
PLANTS = [
    ("ru", "В Жаркенте открыли завод по переработке семян подсолнечника стоимостью 3,4 млрд тенге.",
     "KZ-33", "KZ-19"),
    ("en", "A brick plant worth KZT 1.2 billion was commissioned in Zharma district.",
     "KZ-10", "KZ-63"),
    ("kk", "Сәтбаев қаласында құны 5 млрд теңге болатын мыс өңдейтін зауыт іске қосылды.",
     "KZ-62", "KZ-35"),
    ("ru", "В Шымкенте запустили фабрику по выпуску ковров стоимостью 7 млрд тенге.",
     "KZ-79", "KZ-61"),
]


def _regions(text: str, lang: str, published: str | None) -> list[str]:
    records = extract_announcements(text, published, lang)
    assert len(records) == 1, records
    return records[0]["regions"]


@pytest.mark.parametrize("lang, text, now, then", PLANTS)
def test_an_article_before_the_split_names_the_old_region(lang, text, now, then):
    assert _regions(text, lang, "2016-05-20") == [then]


@pytest.mark.parametrize("lang, text, now, then", PLANTS)
def test_an_article_after_the_split_names_todays_region_guard(lang, text, now, then):
    assert _regions(text, lang, "2024-03-11") == [now]


def test_a_dateline_dates_the_map():
    text = ("Бизнес\n12 апреля 2017, 10:15\n"
            "В Жаркенте открыли завод по переработке семян подсолнечника стоимостью 3,4 млрд тенге.")
    assert _regions(text, "ru", None) == ["KZ-19"]


def test_an_undated_article_keeps_todays_map_guard():
    # the latest year a text names is a guess, not a date: it does not move a plant's region
    text = "В Жаркенте открыли завод по переработке семян подсолнечника стоимостью 3,4 млрд тенге (2017)."
    assert _regions(text, "ru", None) == ["KZ-33"]


def test_the_day_the_region_took_effect():
    assert regions_of_the_time(["KZ-33"], date(2022, 6, 7)) == ["KZ-19"]
    assert regions_of_the_time(["KZ-33"], date(2022, 6, 8)) == ["KZ-33"]
    # a record naming both the new region and its parent keeps one of each
    assert regions_of_the_time(["KZ-33", "KZ-19", "KZ-55"], date(2020, 1, 1)) == ["KZ-19", "KZ-55"]
