"""Sector words found missing on dev records (sectors.yaml): a refinery written as an
abbreviation or in Kazakh, food products, thermal (insulating) blocks."""
import pytest

from kzmon.extract.announcements.vocabulary import sector_of


@pytest.mark.parametrize("title, sector", [
    ("расширение Шымкентского НПЗ", "oil_gas"),
    ("Павлодар мұнай өңдеу зауыты", "oil_gas"),
    ("two new refineries", "oil_gas"),
    ("производство продуктов быстрого питания", "agro_food"),
    ("a plant for frozen food products", "agro_food"),
    ("plant making thermal blocks", "building_materials"),
    ("цех по выпуску термоблоков", "building_materials"),
    # coating steel with zinc is a metal product (NACE C25.61); making zinc is metallurgy
    ("завод горячего цинкования", "metal_products"),
    ("facility for galvanized metal products", "metal_products"),
    ("ыстық мырыштайтын зауыт", "metal_products"),
    ("zinc smelter", "metallurgy"),
    ("facility for silicon alloys", "metallurgy"),
])
def test_sector_words(title, sector):
    assert sector_of(title)[0] == sector


def test_a_refinerys_abbreviation_needs_the_whole_word():
    assert sector_of("НПЗшник")[0] is None
