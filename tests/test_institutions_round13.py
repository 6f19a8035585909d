"""Institutions named by words, not a brand, are firms of a project's financing: "80 % денег
даст Инвестиционный фонд Казахстана" (dev ru-okna-tm) was no firm at all."""
import pytest

from kzmon.extract.announcements.companies import find_company_spans


@pytest.mark.parametrize("sentence, name", [
    ("80 % денег даст Инвестиционный фонд Казахстана, еще 20 % — американская компания «Steward Engineers».",
     "Инвестиционный фонд Казахстана"),
    ("Проект финансирует Банк развития Казахстана.", "Банк развития Казахстана"),
    ("Кредит на 40 млн долларов выделил Евразийский банк развития.", "Евразийский банк развития"),
    ("The Development Bank of Kazakhstan will finance the plant.", "Development Bank of Kazakhstan"),
    ("Жобаны Қазақстанның Даму банкі қаржыландырады.", "Қазақстанның Даму банкі"),
])
def test_institutions_named_by_words(sentence, name):
    assert name in [n for n, _, _ in find_company_spans(sentence)]


def test_a_ministry_stays_no_firm():
    assert not find_company_spans("Министерство промышленности Казахстана одобрило проект.")


def test_the_country_in_latin_kazakh_spelling_is_no_firm():
    # "Qazaqstan" (the country, and a TV channel named after it) gave "Qazaqstan цемент зауыты" (dev round 4)
    assert not find_company_spans("Бұл туралы Qazaqstan телеарнасы хабарлады, цемент зауыты салынады.")
