"""Issue 11, lists and enumerations: "a pool of 102 projects ... up to 31 projects in the
manufacturing industry, with 48 in the agro-industrial complex, seven in tourism, five in energy" gave
one pool of 31, read as agro-industrial: a number with "in <an industry>" stood for nothing. It now
counts the noun counted before, one pool per industry the number is of ("АПК", "АӨК", "в энергетике",
"энергетикада" are industries now, and a Kazakh pool with no noun of its own is "жоба", not
"projects"); and a pool "in the region" takes the article's one region when that is named only
further on. Tested in new words.
"""
import pytest

from kzmon.extract.announcements import extract_announcements


def _pools(text: str, lang: str) -> list[dict]:
    return [r for r in extract_announcements(text, "2025-11-03", lang) if r["kind"] == "program"]


@pytest.mark.parametrize("lang, text", [
    ("en", "A pool of 64 projects worth 2.1 trillion tenge is being carried out in the region. Most of them are in "
           "industry, 20 projects, with 27 in the agro-industrial complex, four in tourism and eight in energy."),
    ("ru", "В регионе реализуется пул из 64 проектов на 2,1 трлн тенге. Больше всего их в промышленности – 20 "
           "проектов, в АПК – 27, в туризме – 4, в энергетике – 8."),   # the dash stood for the noun, "АПК" and
    ("kk", "Өңірде құны 2,1 трлн теңге болатын 64 жоба жүзеге асырылуда. Олардың 20-сы өнеркәсіпте, 27-сі АӨК-те, "
           "8-і энергетикада."),                                        # "в энергетике" were no industry
])
def test_a_number_and_its_industry_is_a_pool_of_the_noun_counted_before(lang, text):
    pools = _pools(text, lang)
    counts = {r["project_count"]: r["sector"] for r in pools}
    assert counts.get(27) == "agro_food" and counts.get(8) == "energy", counts
    assert not any("projects" in r["title"] for r in pools if lang != "en"), pools


def test_a_number_in_a_trade_that_is_no_industry_is_no_pool_guard():
    text = ("A pool of 64 projects worth 2.1 trillion tenge is being carried out in the region. Most of them are "
            "in industry, 20 projects, with four in tourism and six in trade and services.")
    assert {r["project_count"] for r in _pools(text, "en")} <= {64, 20}, _pools(text, "en")


def test_a_pool_in_the_region_named_further_on_is_in_that_region():
    text = ("A pool of 64 projects worth 2.1 trillion tenge is being carried out in the region.\n"
            "The governor said Kostanay region keeps turning from a grain region into a manufacturing one.")
    pools = _pools(text, "en")
    assert pools and pools[0]["regions"] == ["KZ-39"], pools
