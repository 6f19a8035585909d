"""Periods resolved against the publication date."""
from datetime import date

import pytest

from kzmon.extract.announcements.periods import find_periods

PUB = date(2023, 6, 14)


def first(text, published=PUB):
    found = find_periods(text, published)
    return found[0].value if found else None


@pytest.mark.parametrize("text,expected", [
    ("to be completed this year", "2023"),
    ("construction will start next spring", "2024"),
    ("it opened last year", "2022"),
    ("in the second quarter", "2023-Q2"),
    ("in the fourth quarter of the year", "2023-Q4"),
    ("by 2030", "2030"),
    ("in October of this year", "2023-10"),
    ("in November of last year", "2022-11"),
    ("Last November the line started", "2022-11"),
    ("in March 2025", "2025-03"),
    ("Q1 2024", "2024-Q1"),
    ("в II квартале", "2023-Q2"),
    ("в 4 квартале 2024 года", "2024-Q4"),
    ("в текущем году", "2023"),
    ("до конца 2029 года", "2029"),
    ("в следующем году", "2024"),
    ("биылғы жылы", "2023"),
    ("келесі жылы", "2024"),
    ("2027 жылы", "2027"),
    ("маусымда", "2023-06"),
])
def test_period(text, expected):
    assert first(text) == expected


def test_relative_periods_need_a_publication_date():
    assert first("this year", None) is None
    assert first("by 2028", None) == "2028"


@pytest.mark.parametrize("text", [
    "the ministry said on Feb. 3",
    "announced today, on April 21, at a meeting",
    "the plant may open soon",
    "production decreased",
    "10.05.2023",
])
def test_news_dates_and_false_friends_are_not_periods(text):
    assert first(text) is None
