"""Issue 11, lists and enumerations: "plants producing cement, glass and ceramic tiles" is a plant
per product (the spec: a list of products without figures gives one record each). Three things
stood in the way. Three or more products whose last one has two words were read as modifiers of
one product ("non-ferrous and ferrous metal scrap"), so only the pool was made, titled by the first
product. That pool, with no count or figure, was a record the gold never has. And the Kazakh plural
"зауыттар" has no letter only Kazakh writes, so the Russian test of number read it as singular and the
list became one plant of two products. Kazakh also puts the case on the last of joined words only:
"Семей мен Көкшетауда жаңа ЖЭО" is a plant in Semey and one in Kokshetau. And English "factories"
was no facility noun at all (only "factory" was, and "plants" through "plant"), nor "breweries".
Tested in new words.
"""
import pytest

from kzmon.extract.announcements import extract_announcements


def _records(text: str, lang: str) -> list[dict]:
    return extract_announcements(text, "2025-11-03", lang)


@pytest.mark.parametrize("lang, text, products", [
    ("en", "Plants producing cement, glass and ceramic tiles will be built in Kyzylorda region.",
     ("cement", "glass", "ceramic tiles")),
    ("en", "In Zhambyl region the investor will put up factories making flour, pasta and "
           "vegetable oil.", ("flour", "pasta", "vegetable oil")),
    ("ru", "В Кызылординской области построят заводы по выпуску цемента, стекла и керамической плитки.",
     ("цемента", "стекла", "керамической плитки")),
    ("kk", "Қызылорда облысында цемент, шыны және керамикалық плитка шығаратын зауыттар салынады.",
     ("цемент", "шыны", "керамикалық плитка")),
])
def test_a_plural_head_over_three_products_is_a_plant_each_and_no_pool(lang, text, products):
    records = _records(text, lang)
    assert [r["kind"] for r in records] == ["project"] * 3, records
    for record, product in zip(records, products):
        assert product in record["title"] and record["status"] == "planned", records
        assert record["regions"], records


def test_a_counted_list_keeps_its_pool():
    records = _records("Four plants producing cement, glass and ceramic tiles will be built in Kyzylorda region.", "en")
    assert any(r["kind"] == "program" and r["project_count"] == 4 for r in records), records


@pytest.mark.parametrize("lang, text", [
    ("en", "Plants for non-ferrous and ferrous metal scrap will be built in Pavlodar region."),
    ("en", "Plants producing steel and aluminium structures will be built in Pavlodar region."),
    ("ru", "В Павлодарской области построят заводы по переработке лома черных и цветных металлов."),
])
def test_modifiers_of_one_product_are_no_list_guard(lang, text):
    assert len([r for r in _records(text, lang) if r["kind"] == "project"]) <= 1, _records(text, lang)


@pytest.mark.parametrize("text, towns", [
    ("Семей мен Көкшетауда жаңа ЖЭО салынады.", ("Семейдегі", "Көкшетаудағы")),
    ("Балқаш пен Ақтауда жаңа тұзсыздандыру зауыты салынады.", ("Балқаштағы", "Ақтаудағы")),
])
def test_kazakh_towns_joined_share_the_case_of_the_last(text, towns):
    records = [r for r in _records(text, "kk") if r["kind"] == "project"]
    assert len(records) == 2, records
    assert {r["regions"][0] for r in records} and len({r["regions"][0] for r in records}) == 2, records
    for record, town in zip(records, towns):
        assert record["title"].startswith(town), records


# Power stations counted: "28 шағын электр стансысы салынбақ", "построят 28 малых электростанций" gave
# no pool (neither the Kazakh spelling "станса"/"стансы" nor Russian "электростанций" was a noun a
# number counts), while English "power stations" was. Those working today are the stock, not a pool.
@pytest.mark.parametrize("lang, text, count", [
    ("kk", "Түркістан облысында алдағы 3 жылда 12 шағын су электр стансысы салынбақ.", 12),
    ("kk", "Облыста 5 күн электр стансасы салынады.", 5),
    ("ru", "В Туркестанской области за три года построят 12 малых электростанций.", 12),
    ("en", "Twelve small power stations will be built in Turkistan region over three years.", 12),
])
def test_power_stations_counted_are_a_pool(lang, text, count):
    pools = [r for r in _records(text, lang) if r["kind"] == "program"]
    assert [r["project_count"] for r in pools] == [count], _records(text, lang)
    assert pools[0]["sector"] == "energy", pools


@pytest.mark.parametrize("lang, text", [
    ("ru", "Сейчас в Туркестанской области действуют три ветряные электростанции общей мощностью 40 МВт."),
    ("kk", "Қазір облыста 5 күн электр стансасы жұмыс істеп тұр."),
    ("en", "There are 12 power plants operating in the region today."),
])
def test_power_stations_working_today_are_no_pool(lang, text):
    assert _records(text, lang) == [], _records(text, lang)
