"""Issue 11, titles: a firm whose name already says what the facility is ("ТОО «Рудненский
цементный завод»" of a "цементный завод") was put in front of the title once more: "Рудненский
цементный завод цементный завод". The firm's name is then the title. Tested in new words.
"""
import pytest

from kzmon.extract.announcements.titles import with_company


@pytest.mark.parametrize("title, firm", [
    ("цементный завод", "Житикаринский цементный завод"),
    ("machine-building plant", "Kaskor machine-building plant"),
    ("цемент зауыты", "Шығыс цемент зауыты"),
])
def test_the_firms_name_holds_the_title(title, firm):
    assert with_company(title, [firm]) == firm


def test_another_firm_goes_in_front_guard():
    assert with_company("цементный завод", ["Kazakhcement"]) == "Kazakhcement цементный завод"
