"""Periods of real reporting (issue 11, fields): the day a launch is reported, background years,
sub-events, half-years and relative months, and the year of an undated article."""
from datetime import date

import pytest

from kzmon.extract.announcements import extract_announcements
from kzmon.extract.announcements.periods import find_periods, year_in_text

PUB = date(2021, 12, 22)


def values(text, published=PUB):
    return [p.value for p in find_periods(text, published)]


@pytest.mark.parametrize("text,expected", [
    # a launch reported as news: the day it names is the project's day
    ("Today President Nazarbayev launched a wind power plant in Akmola region.", ["2021-12-22"]),
    ("Сегодня в Экибастузе торжественно открыт ферросплавный завод.", ["2021-12-22"]),
    ("Бүгін Түркістанда мақта кешені іске қосылды.", ["2021-12-22"]),
    ("The wind farm was put into full operation on June 20.", ["2021-06-20"]),
    ("Завод открыли 20 июня 2020 года.", ["2020-06-20"]),
    # the publication's own month
    ("В начале месяца здесь разожгли плавильную печь.", ["2021-12"]),
    ("Production started earlier this month.", ["2021-12"]),
    # half a year: the year
    ("Новые проекты были реализованы в I полугодии 2022 года.", ["2022"]),
    # a quarter without a year takes the year named before it in the sentence
    ("Pilot output is due in the first quarter of 2025, with full-scale output in the second quarter.", ["2025-Q2"]),
])
def test_periods_of_real_reporting(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize("text", [
    "Today the minister said the region has 25 projects.",           # "today" with no launch in it
    "The ministry said on Feb. 3 that the talks went well.",          # the date of a statement
    "Планы построить ВЭС озвучивались еще в 2011 году.",             # a plan voiced long ago
    "The idea has been discussed since 2017.",                        # a state that still holds
    "С 2015 по 2018 годы в эксплуатацию введено 12 проектов.",        # a range of past years
    "The glass will be used ahead of EXPO-2017.",                     # a year in a name
    "Келісімге 2013 жылы қол жеткізілген еді.",                       # the pluperfect: background
    "The first test vehicle is expected to come off the line in July 2025.",   # a sub-event
])
def test_background_years_and_news_dates_are_not_periods(text):
    assert values(text) == []


def test_the_plants_own_start_beats_its_first_test_car():
    text = ("Tokayev went to the construction site of the KIA plant, where the first test vehicle is expected "
            "in July 2025. The plant, due to be launched by October 2025, will make 70,000 cars a year.")
    assert values(text, date(2024, 9, 10)) == ["2025-10"]


def test_the_year_of_an_undated_article_is_the_latest_past_year_it_names():
    today = date(2026, 1, 1)
    assert year_in_text("Planned back in 2011, the plant was finally built in 2019.", today).year == 2019
    # neither a target, nor a future year, nor a name, nor a range end
    assert year_in_text("In 2019 work began; it should be done by 2025 and serve until 2040.", date(2022, 1, 1)).year == 2019
    assert year_in_text("EXPO-2017 guests saw the 2015 plant.", today).year == 2015
    assert year_in_text("No year at all here.", today) is None


def test_a_guessed_year_resolves_this_year_but_never_a_day():
    guessed = year_in_text("Work began in 2022.", date(2026, 1, 1))
    assert values("The plant will open this year.", guessed) == ["2022"]
    assert values("Today the plant was launched.", guessed) == []
    assert values("В начале месяца завод заработал.", guessed) == []


def test_an_undated_article_takes_its_year_from_the_text():
    text = ("Завод заработал в Шымкенте\n\nНовые проекты были реализованы в I полугодии 2022 года. "
            "В Шымкенте открылся завод по производству алюминиевых банок стоимостью 23 млрд тенге.")
    records = extract_announcements(text, None)
    plant = next(r for r in records if "банок" in r["title"])
    assert plant["period"] == "2022"
    assert plant["status"] == "commissioned"
