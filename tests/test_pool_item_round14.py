"""An item of a counted pool is a project though it names no firm, place or figure of its own
("42 investment projects ... Among them is the construction of an enrichment complex to produce
potassium salts at the Satimola field", dev round 4): it stands in the pool's place."""
import pytest

from kzmon.extract.announcements import extract_announcements

TEXTS = {
    "en": ("Region to carry out 42 projects\nWest Kazakhstan region will carry out 42 investment projects worth 1.2 trillion "
           "tenge by 2028. Among them is the construction of an enrichment complex to produce potassium salts "
           "at the Satimola field."),
    "ru": ("В области реализуют 42 проекта\nВ Западно-Казахстанской области до 2028 года реализуют 42 инвестиционных проекта на "
           "1,2 трлн тенге. Среди них – строительство обогатительного комплекса по выпуску калийных солей на "
           "месторождении Сатимола."),
    "kk": ("Облыста 42 жоба жүзеге асырылады\nБатыс Қазақстан облысында 2028 жылға дейін 1,2 трлн теңгеге 42 инвестициялық жоба "
           "жүзеге асырылады. Олардың ішінде – Сатимола кен орнында калий тұздарын шығаратын байыту кешенінің құрылысы."),
}


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_a_pools_item_with_nothing_of_its_own_is_a_project(language):
    records = extract_announcements(TEXTS[language], None, language, None)
    projects = [r for r in records if r["kind"] == "project"]
    assert [r["kind"] for r in records].count("program") == 1
    assert len(projects) == 1 and projects[0]["regions"] == ["KZ-27"]
