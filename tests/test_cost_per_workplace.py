"""Issue 11, what money counts (the spec): the cost of one workplace is no investment. "One job
costs 40.1 million tenge" after a plant's figures became the plant's investment_kzt (a leak).
Tested in new words.
"""
import pytest

from kzmon.extract.announcements import extract_announcements


@pytest.mark.parametrize("lang, text", [
    ("en", "A brick plant will be built in Taraz and employ 150 people. One job costs 12.5 million tenge."),
    ("ru", "В Таразе построят кирпичный завод на 150 рабочих мест. Стоимость одного рабочего места – 12,5 млн тенге."),
    ("kk", "Таразда 150 жұмыс орны бар кірпіш зауыты салынады. Бір жұмыс орнының құны 12,5 млн теңге."),
])
def test_the_cost_of_a_workplace_is_no_investment(lang, text):
    records = [r for r in extract_announcements(text, "2024-03-12", lang) if r["kind"] == "project"]
    assert len(records) == 1 and records[0]["jobs"] == 150, records
    assert records[0]["investment_kzt"] is None, records


def test_the_plants_own_sum_stays_guard():
    text = "A brick plant worth 2 billion tenge will be built in Taraz. One job costs 12.5 million tenge."
    (record,) = extract_announcements(text, "2024-03-12", "en")
    assert record["investment_kzt"] == 2_000_000_000, record
