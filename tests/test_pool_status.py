"""Issue 11, found on dev articles and tested in new words: a pool's status is what its own clause
says of it, read from the cue nearest its count.

- "Биыл ... 3 жоба іске асты: мыс өңдеу зауыты, ...": the pool's clause runs from its count to the
  colon that opens its list; "іске асты" (carried out) was cut off with the list, and the pool and its
  items were left "planned".
- "в эксплуатацию введено 14 проектов ..., в этом году ожидается запуск 6 проектов": each count
  takes the cue nearest it, before it or after ("введено" is a launch, "ожидается запуск" a plan);
  the first cue after a count, wherever it stood, decided before.
- "в моногородах воплощают два проекта", "инвесторлар ... қаржы салып отыр": carried out now, under way.
- A headline about pools of one industry ("96 agro-industrial projects") gives the body's pools with no
  sector word of their own that industry.
"""
import pytest

from kzmon.extract.announcements import extract_announcements


def _pools(text: str, lang: str) -> list[tuple[int, str]]:
    return [(r["project_count"], r["status"]) for r in extract_announcements(text, "2025-11-03", lang)
            if r["kind"] == "program"]


def _items(text: str, lang: str) -> list[str]:
    return [r["status"] for r in extract_announcements(text, "2025-11-03", lang) if r["kind"] == "project"]


@pytest.mark.parametrize("lang, text", [
    ("kk", "Биыл Ақтөбе облысында 3 жоба іске асты: мыс өңдеу зауыты, кірпіш зауыты және жылыжай кешені."),
    # guards: these passed before
    ("ru", "В этом году в Актюбинской области реализовано 3 проекта: медеплавильный завод, кирпичный завод и тепличный "
           "комплекс."),
    ("en", "This year Aktobe region completed 3 projects: a copper smelter, a brick plant and a greenhouse complex."),
])
def test_a_pool_before_its_list_keeps_its_status(lang, text):
    assert _pools(text, lang) == [(3, "commissioned")]
    assert _items(text, lang) == ["commissioned"] * 3


@pytest.mark.parametrize("lang, text, pools", [
    ("ru", "С 2019 по 2023 годы в эксплуатацию введено 14 проектов на сумму 90 млрд тенге, в этом году ожидается запуск "
           "6 проектов на 20 млрд тенге.", [(14, "commissioned"), (6, "planned")]),
    ("ru", "Строительство двух ферросплавных заводов в Аксу завершено, а в Павлодаре реализуется крупный проект.",
     [(2, "commissioned")]),
    # a guard: this passed before
    ("en", "Between 2019 and 2023, 14 projects worth 90 billion tenge were put into operation.", [(14, "commissioned")]),
])
def test_each_count_takes_the_cue_nearest_it(lang, text, pools):
    assert _pools(text, lang) == pools


@pytest.mark.parametrize("lang, text, kind", [
    ("ru", "В моногородах Жамбылской области воплощают два проекта стоимостью 40 млрд тенге.", "program"),
    ("kk", "Жамбыл облысында цемент зауыты салынады. Жобаға инвесторлар 50 млрд теңге қаржы салып отыр.", "project"),
])
def test_carried_out_now_in_russian_and_kazakh(lang, text, kind):
    """"воплощают" (are carrying out) and "салып отыр" (are investing, are building): under way now."""
    records = extract_announcements(text, "2025-11-03", lang)
    assert [(r["kind"], r["status"]) for r in records] == [(kind, "under_construction")], records


@pytest.mark.parametrize("lang, text", [
    ("en", "Kostanay region to carry out 96 agro-industrial projects\nThis year 40 investment projects worth 108 billion "
           "tenge are under way in the region."),
    ("ru", "В Костанайской области реализуют 96 агропромышленных проектов\nВ этом году в регионе реализуются 40 "
           "инвестиционных проектов на сумму 108 млрд тенге."),
    ("kk", "Қостанай облысында 96 агроөнеркәсіптік жоба іске асырылады\nБиыл өңірде құны 108 млрд теңге болатын 40 "
           "инвестициялық жоба іске асырылуда."),
])
def test_a_headline_about_pools_gives_the_body_pools_their_industry(lang, text):
    """The body's "40 investment projects" under a headline of "96 agro-industrial projects" are agro-industry,
    as a project with no sector word already took the headline's."""
    pools = [(r["project_count"], r["sector"]) for r in extract_announcements(text, "2025-11-03", lang) if r["kind"] == "program"]
    assert pools == [(40, "agro_food")]


def test_a_headline_about_one_plant_gives_no_pool_its_industry_guard():
    text = "Tokayev opens cement plant in Kostanay\nThe region is carrying out 40 investment projects worth 108 billion tenge."
    pools = [(r["project_count"], r["sector"]) for r in extract_announcements(text, "2025-11-03", "en") if r["kind"] == "program"]
    assert pools == [(40, None)]
