"""Titles a reader can use (issue 11 item 4): the distinguishing word kept from Title Case
headlines, after an amount, beside a town; zones and quoted Kazakh names handled."""
import pytest

from kzmon.extract.announcements.titles import facility_title


@pytest.mark.parametrize("item,title", [
    ("Zhanatas 100 MW Wind Power Plant Enters Full Operation", "wind power plant in Zhanatas"),
    ("Kazakhstan Presents $245 Million Ferroalloy Plant in Pavlodar Region", "ferroalloy plant"),
    ("Akim Opens Tile Plant in Kyzylorda", "tile plant in Kyzylorda"),
    ("A $45 million battery plant will open in Stepnogorsk.", "battery plant in Stepnogorsk"),
    ("The fully automated Kyzylorda Saz-M brick plant opened in July.", "Kyzylorda Saz-M brick plant"),
    # a Russian sentence quoting a Kazakh name is Russian: the complement stays
    ("совместно с компанией «Табиғи тас Қызылорда» возводится завод по производству извести мощностью 30 тысяч тонн",
     "Табиғи тас Қызылорда завод по производству извести"),
])
def test_titles_keep_the_distinguishing_word(item, title):
    assert facility_title(item, []) == title


def test_a_zones_name_is_not_the_plants():
    title = facility_title("В СЭЗ «Хоргос – Восточные ворота» построят грузопассажирский аэропорт.", [])
    assert "Восточные ворота" not in title
    assert "аэропорт" in title
