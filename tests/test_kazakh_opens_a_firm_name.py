"""Issue 11 (companies), seen writing round 20's list tests ("Kazakh Glass LLP makes glass in
Kyzylorda" gave the firm "Glass LLP") and tested in new words: English drops "Kazakh" at the start
of a capitalised run, as it should before "President" or "Prime Minister", but "Kazakh Invest" (the
national investment company, named in five corpus articles) became "Invest", and a firm whose
legal name opens with the word lost it. Russian and Kazakh texts, where the Latin name stands
among Cyrillic words, already kept it.
"""
import pytest

from kzmon.extract.announcements import extract_announcements


def _companies(text: str, lang: str) -> list[str]:
    return [c for r in extract_announcements(text, "2025-06-01", lang) for c in r["companies"]]


@pytest.mark.parametrize("lang, text, firm", [
    ("en", "News\nKazakh Glass LLP will build a glass container plant in Kyzylorda for 12 billion tenge.", "Kazakh Glass LLP"),
    ("en", "News\nAray LLP will build a brick plant in Taraz for 5 billion tenge with the support of Kazakh Invest.",
     "Kazakh Invest"),
    ("ru", "Новости\nТОО «Арай» при поддержке Kazakh Invest построит в Таразе кирпичный завод стоимостью 5 млрд тенге.",
     "Kazakh Invest"),   # guard
    ("kk", "Жаңалықтар\n«Арай» ЖШС Kazakh Invest қолдауымен Таразда құны 5 млрд теңге болатын кірпіш зауытын салады.",
     "Kazakh Invest"),   # guard
])
def test_kazakh_opens_the_firms_own_name(lang, text, firm):
    assert firm in _companies(text, lang)


@pytest.mark.parametrize("text", [
    "News\nKazakh President Kassym-Jomart Tokayev launched a 5 billion tenge brick plant in Taraz.",
    "News\nKazakh Energy Minister Almasadam Satkaliyev said a 50 billion tenge power plant will be built in Taraz.",
])
def test_an_official_is_no_firm(text):
    """Guards: "Kazakh" before an office opens no firm's name."""
    assert not any("Kazakh" in c for c in _companies(text, "en"))
