"""Issue 11 (lists and enumerations: joined clauses), found on round 20's dev article about Allur's
plans ("планируют наладить мелкоузловое производство для Шевроле, приступить к серийному выпуску
автомобилей Škoda и продолжить строительство завода Киа") and tested in new words.

A list whose items each open with their own verb is one project per item. English already split
"plans to set up X, build Y and start building Z" (item_verb_leads); the Russian infinitives and
the Kazakh verbal nouns that close each item ("... салуды және ... бастауды жоспарлап отыр") were
not read, and the items ran into one record.
"""
import pytest

from kzmon.extract.announcements import extract_announcements


def _records(text: str, lang: str) -> list[dict]:
    return extract_announcements(text, "2025-01-23", lang)


@pytest.mark.parametrize("lang, text, words", [
    ("ru", "Новости\nТОО «Kazakh Glass» выпускает стекло в Кызылорде. В следующем году компания планирует наладить "
           "выпуск зеркал, построить цех по производству бутылок и начать строительство завода энергосберегающего стекла.",
     ["зеркал", "бутылок", "энергосберегающего"]),
    ("kk", "Жаңалықтар\n«Kazakh Glass» ЖШС Қызылордада шыны шығарады. Келесі жылы компания айна өндірісін жолға қоюды, "
           "бөтелке цехын салуды және энергия үнемдейтін шыны зауытының құрылысын бастауды жоспарлап отыр.",
     ["айна", "бөтелке", "үнемдейтін"]),
    ("en", "News\nKazakh Glass LLP makes glass in Kyzylorda. Next year the company plans to set up mirror production, "
           "build a bottle workshop and start building an energy-saving glass plant.",
     ["mirror", "bottle", "energy-saving"]),   # guard
])
def test_each_clause_with_its_own_verb_is_a_project(lang, text, words):
    records = _records(text, lang)
    assert len(records) == 3, records
    for word, record in zip(words, records):
        assert word in record["title"] and record["regions"] == ["KZ-43"], records


def test_three_russian_plans_of_a_carmaker_are_three_records():
    records = _records("Новости\nAllur выпускает автомобили в Костанае. В этом году планируют наладить мелкоузловое "
                       "производство для Шевроле, приступить к серийному выпуску автомобилей Škoda и продолжить "
                       "строительство завода Киа.", "ru")
    assert len(records) == 3 and all(r["sector"] == "automotive" for r in records), records


def test_what_a_budget_is_spent_on_is_not_split_into_projects():
    """Guard: "... салуға және өзге де әлеуметтік нысандарға жұмсалады" (spent on building ...) is no plan
    of items: the dative of purpose does not split."""
    text = ("Жаңалықтар\nҚалған қаражаттың 4,9 млрд теңгесі инженерлік инфрақұрылым салуға, мектептерге спорт "
            "алаңдарын салуға және өзге де әлеуметтік нысандарға жұмсалады.")
    assert not any("әлеуметтік" in r["title"] for r in _records(text, "kk"))
