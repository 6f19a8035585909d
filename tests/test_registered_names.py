"""Issue 11, found on dev articles and tested in new words: a firm's name as the article registers it.

- A quoted name with its legal form ("ТОО «Оспанова Девелопмент»", "«Баян Сұлу» АҚ", 'JSC
  "Altynalmas"') keeps the form and the quotes in `companies`, as a Latin name keeps its "LLP";
  the title and the dedup key use the bare name.
- A Kazakh legal form declined after the quoted name ("«Казкрахмал» ЖШС-нің зауыты") is the form of
  that name, not a second firm called "ЖШС-нің": with two "firms" the plant lost its only one.
- "консервант Е223" (dev round 19): one letter and a number are a product's code, not a firm.
"""
import pytest

from kzmon.extract.announcements import extract_announcements
from kzmon.extract.announcements.companies import find_companies, registered_designation
from kzmon.storage.dedup.fingerprints import company_key


def _records(text: str, lang: str) -> list[dict]:
    return extract_announcements(text, "2025-11-03", lang)


@pytest.mark.parametrize("lang, text, designation, bare", [
    ("ru", "ТОО «Сарыарка Агро» построит мясокомбинат в Темиртау за 8 млрд тенге.",
     "ТОО «Сарыарка Агро»", "Сарыарка Агро"),
    ("kk", "«Ертіс Құс» ЖШС Павлодар облысында 6 млрд теңгеге құс фабрикасын салады.",
     "«Ертіс Құс» ЖШС", "Ертіс Құс"),
    ("en", 'JSC "Aral Salt" will build a salt processing plant in Kyzylorda region worth 4 billion tenge.',
     'JSC "Aral Salt"', "Aral Salt"),
])
def test_the_legal_form_stays_with_the_quoted_name(lang, text, designation, bare):
    records = _records(text, lang)
    assert [r["companies"] for r in records] == [[designation]], records
    assert bare in records[0]["title"] and designation not in records[0]["title"]
    assert company_key(designation) == company_key(bare)


@pytest.mark.parametrize("text, name", [
    ("Завод в Темиртау строит «Сарыарка Агро».", "Сарыарка Агро"),   # no form written: the name as it is
    ("The Aral Salt plant opened in Aralsk.", "Aral Salt"),
])
def test_a_name_written_without_its_form_stays_bare(text, name):
    assert registered_designation(text, name) == name


@pytest.mark.parametrize("text, firm", [
    ("«Қызылжар Сүт» ЖШС-нің зауыты жылына 40 мың тонна сүт өңдейді.", "Қызылжар Сүт"),
    ("«Ақтөбе Мұнай» АҚ-ның жаңа цехы іске қосылды.", "Ақтөбе Мұнай"),
])
def test_a_declined_legal_form_is_no_firm_of_its_own(text, firm):
    assert find_companies(text) == [firm]


def test_the_plant_keeps_its_one_firm_through_the_declined_form():
    text = ("Шардарада жүгері өңдеу зауыты салынып жатыр\n"
            "Шардара ауданында жүгері өңдеу зауытының құрылысы жүріп жатыр. «Оңтүстік Крахмал» ЖШС-нің зауыты "
            "жылына 150 мың тонна жүгері өңдейді. Жобаның құны – 31 млрд теңге.")
    records = _records(text, "kk")
    assert [r["companies"] for r in records] == [["«Оңтүстік Крахмал» ЖШС"]], records


@pytest.mark.parametrize("text", [
    "В регионе будут выпускать консервант Е223 и кальцинированную соду.",
    "Облыста Е223 консервантын шығару жоспарланып отыр.",
    "The plant will also make the E211 preservative.",
])
def test_a_product_code_is_no_firm(text):
    assert find_companies(text) == []
