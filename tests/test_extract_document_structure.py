"""Reading the whole article: which clause, line or list item a figure and a facility belong to.

Short invented articles (made-up companies and brands, real regions), each checking one rule of
the document-level pass in en/ru/kk where the rule is language-bound:

- a list announced by a colon gives one project per line, under the pool counted before it;
- items closed by brackets with their own figures ("X (145 bn tenge, 381 jobs), Y (...)") are cut there;
- a list of facility nouns without a known sector still gives one record per item;
- a facility phrase that says what kind it is ("домостроительный комбинат") is not the open project again,
  while "this enterprise" / "на новом заводе" / "бұл зауыт" point back to it;
- a sentence that opens with a facility noun and its complement names a facility, not a reference;
- one facility named twice in other words ("жел электр станциясы" ... "электр станциясы") is one record;
- jobs while building are not the record's jobs; revenues and taxes are not investment;
- a plural pool as the subject of a sentence with money takes that money, not the plant named before;
- "the fertilizer maker X" describes a company, not an item of its own.
"""
from __future__ import annotations

import math
import re
from datetime import date

import pytest

from kzmon.extract.announcements import extract_announcements

PUB = date(2024, 5, 15)


def run(text: str) -> list[dict]:
    return extract_announcements(text, PUB, None, text.strip().splitlines()[0])


def titled(records: list[dict], stem: str) -> list[dict]:
    return [r for r in records if any(w.startswith(stem.lower()) for w in re.findall(r"\w+", r["title"].lower()))]


def money(value, want) -> bool:
    return value is not None and math.isclose(value, want, rel_tol=0.015)


def test_colon_list_lines_are_projects_of_the_pool_ru():
    records = run(
        "Китайская компания построит две электростанции\n\n"
        "Компания Shen Hua Power намерена реализовать два проекта в секторе ВИЭ на 900 млн долларов.\n"
        "Компания сосредоточится на строительстве:\n"
        "Солнечной электростанции мощностью 300 МВт в Туркестанской области;\n"
        "Ветровой электростанции мощностью 400 МВт в Карагандинской области.\n")
    programs = [r for r in records if r["kind"] == "program"]
    assert any(r["project_count"] == 2 for r in programs)
    solar, wind = titled(records, "солнечн"), titled(records, "ветров")
    assert len(solar) == 1 and solar[0]["regions"] == ["KZ-61"] and solar[0]["kind"] == "project"
    assert len(wind) == 1 and wind[0]["regions"] == ["KZ-35"] and wind[0]["status"] == "planned"


def test_a_speaker_line_with_a_colon_is_no_list():
    records = run(
        "Цемент зауыты іске қосылды\n\n"
        "Жамбыл облысында «Тараз Цемент» ЖШС салған цемент зауыты іске қосылды.\n"
        "Ерлан Сапаров, облыс әкімінің орынбасары:\n"
        "- Дәл осындай зауыт қазір Мойынқұм ауданында бізде жұмыс істеп тұр.\n")
    assert len([r for r in records if r["kind"] == "project"]) == 1


def test_bracketed_items_each_give_a_project_with_their_figures_en():
    records = run(
        "Industrialization map: 90 projects this year\n\n"
        "This year's largest projects include modernizing the Kokzhal GOK and building a flotation plant "
        "(commissioned, 120 billion tenge, 350 jobs), expanding the smelter of Orken Metals (210 billion tenge, "
        "600 jobs), building the Temir ferroalloy plant (40 billion tenge, 420 jobs), and a cable plant in "
        "Shymkent (8 billion tenge, 150 jobs).")
    projects = [r for r in records if r["kind"] == "project"]
    assert len(projects) == 4
    assert {r["jobs"] for r in projects} == {350, 600, 420, 150}
    ferro = titled(records, "ferroalloy")
    assert len(ferro) == 1 and money(ferro[0]["investment_kzt"], 40e9) and ferro[0]["jobs"] == 420


def test_a_list_of_facility_nouns_without_a_known_sector_gives_one_record_each_ru():
    records = run(
        "Президент запустил новые производства\n\n"
        "Глава государства в режиме телемоста запустил в Павлодаре домостроительный комбинат, производство "
        "лакокрасочной продукции и автоматизированный производственный комплекс «Ертіс Текс».")
    assert titled(records, "домостроительн") and titled(records, "лакокрас")
    assert len([r for r in records if r["kind"] == "project"]) == 3


def test_a_facility_of_another_kind_opens_a_record_while_the_new_plant_points_back_ru():
    records = run(
        "В Шымкенте заработали новые производства\n\n"
        "В Шымкенте открыли завод алюминиевых банок за 20 млрд тенге. На предприятии создано 140 рабочих мест. "
        "На новом заводе будет работать 30 роботов. "
        "Кроме того, заработал домостроительный комбинат за 3 млрд тенге, работу там получили 55 человек.")
    projects = [r for r in records if r["kind"] == "project"]
    assert len(projects) == 2
    kombinat = titled(records, "домостроительн")
    assert len(kombinat) == 1 and money(kombinat[0]["investment_kzt"], 3e9)
    assert money(titled(records, "банок")[0]["investment_kzt"], 20e9)


def test_this_enterprise_points_back_to_the_plant_en():
    records = run(
        "Carmaker starts work on Kostanay plant\n\n"
        "Work has begun on Altyn Motors' new full-cycle car plant in Kostanay worth $250 million. "
        "The launch of this modern high-tech enterprise will considerably raise production volumes in the "
        "automotive industry, the minister said.")
    assert len(records) == 1 and money(records[0]["investment_usd"], 250e6)


def test_a_sentence_opening_with_a_facility_and_its_complement_names_it_ru():
    records = run(
        "Итоги недели в Костанайской области\n\n"
        "Фабрика картонной тары ТОО «Тобыл Карton» заработала в Рудном. Вложения составили 4,1 млрд тенге.")
    assert len(records) == 1
    assert records[0]["status"] == "commissioned" and money(records[0]["investment_kzt"], 4.1e9)


def test_one_facility_named_twice_in_other_words_is_one_record_kk():
    records = run(
        "Жаңатаста жел электр станциясы салынып жатыр\n\n"
        "Жамбыл облысында «Жел Қуат» ЖШС жел электр станциясын салуды бастады. "
        "Электр станциясының құны 130 млн АҚШ долларын құрайды, онда 40 адам тұрақты жұмыс істейді.")
    projects = [r for r in records if r["kind"] == "project"]
    assert len(projects) == 1 and money(projects[0]["investment_usd"], 130e6)


def test_construction_jobs_are_not_the_record_jobs():
    records = run(
        "Wind farm planned in Zhambyl\n\n"
        "Aral Wind will build a wind farm in the Zhambyl region worth $300 million. "
        "1,000 temporary jobs will be created during construction.")
    assert len(records) == 1 and records[0]["jobs"] is None


def test_budget_revenues_are_not_investment_en():
    records = run(
        "Kostanay foundry opens\n\n"
        "A new iron foundry worth 60 billion tenge opened in Kostanay. Once all planned projects are "
        "carried out, they could lift annual budget revenues by 75 billion tenge.")
    assert not any(money(r["investment_kzt"], 75e9) for r in records)


def test_a_plural_pool_subject_takes_its_money_kk():
    records = run(
        "Ақмола облысында ұн зауытының құрылысы басталды\n\n"
        "Ақмола облысында «Дән Өнім» ЖШС ұн зауытының құрылысын бастады. "
        "Мұнда жалпы құны 800 млрд теңгеден асатын жобалар шоғырланған.")
    mill = titled(records, "ұн")
    assert len(mill) == 1 and mill[0]["investment_kzt"] is None
    assert any(r["kind"] == "program" and money(r["investment_kzt"], 800e9) for r in records)


def test_a_company_described_by_its_product_is_a_partner_not_an_item_en():
    records = run(
        "Fertilizer maker to build chemical complex in Kazakhstan\n\n"
        "On May 14, Karatau Agro, a subsidiary of the fertilizer maker Karatau Agro Group, and Sino Chem "
        "Engineering signed a contract to build a chemical complex in Zhanatas, the Zhambyl region. "
        "The facility, with a total investment of $1 billion, is expected to bring 2,400 new jobs.")
    projects = [r for r in records if r["kind"] == "project"]
    assert len(projects) == 1 and projects[0]["jobs"] == 2400


def test_a_first_mention_with_the_opens_a_record_a_later_one_refers_back():
    from datetime import date

    from kzmon.extract.announcements import extract_announcements
    # nothing named before: "the new facility" (no word of an industry) is the first mention of one
    first = ("Khorgos gets a new investor\n\nThe new facility will be built near Khorgos in Zhetysu region by "
             "Dostyk Logistics. It is due to open in 2026.")
    assert [r["kind"] for r in extract_announcements(first, date(2025, 3, 1))] == ["project"]
    # named before (a sports facility, no industrial project): "The facility" refers back and opens nothing
    social = ("Stadium for Turkestan\n\nHe said the sports facility will measure 22,286 sq m. "
              "The facility will be commissioned in December 2020, and about 100 workplaces will be created then.")
    assert extract_announcements(social, date(2019, 5, 1)) == []


def test_the_items_of_a_pool_announced_in_the_sentence_before():
    from datetime import date

    from kzmon.extract.announcements import extract_announcements
    text = ("Новые производства\n\nВ этом году в стране откроются новые производства. Среди них – производство "
            "оконного профиля (Актобе), а также медной катанки (Балхаш).")
    found = {(r["regions"][0], r["status"]) for r in extract_announcements(text, date(2024, 5, 15)) if r["kind"] == "project"}
    assert found == {("KZ-15", "planned"), ("KZ-35", "planned")}


@pytest.mark.parametrize("text", [
    "Plants for copper wire, roofing sheets and PVC windows, among others, are due to start up in Kostanay region this year.",
    "В Костанайской области в этом году откроются заводы по производству медной проволоки, кровли и окон ПВХ.",
])
def test_a_plural_head_over_products_is_a_plant_per_product(text):
    from datetime import date

    from kzmon.extract.announcements import extract_announcements
    records = extract_announcements(text, date(2024, 5, 15))
    projects = [r for r in records if r["kind"] == "project"]
    assert len(projects) == 3 and all(r["regions"] == ["KZ-39"] and r["status"] == "planned" for r in projects)
    assert not any(r["companies"] for r in records)   # "PVC" / "ПВХ" is a material, no firm


def test_russian_compound_facility_nouns():
    from datetime import date

    from kzmon.extract.announcements import extract_announcements
    day = date(2024, 5, 15)
    titles = [r["title"] for r in extract_announcements(
        "В этом году в области откроют мясокомбинат, а также построят тепличный комплекс и молочную ферму.", day)]
    assert titles == ["мясокомбинат", "тепличный комплекс", "молочная ферма"]
    pools = extract_announcements("Четыре новых фармзавода построят в Казахстане.", day)
    assert [(r["kind"], r["project_count"]) for r in pools] == [("program", 4)]
    assert [r["investment_kzt"] for r in extract_announcements("В Шымкенте открылся хлебозавод стоимостью 2 млрд тенге.", day)] == [2e9]


def test_russian_visits_and_project_lists():
    from datetime import date

    from kzmon.extract.announcements import extract_announcements
    day = date(2024, 5, 15)
    visit = ("В рамках визита глава государства осмотрел завод «Казцинк», где выпускают цинк, и посетил "
             "строительство фабрики «Алтын» в Усть-Каменогорске.")
    assert [r["status"] for r in extract_announcements(visit, day)] == ["commissioned", "under_construction"]
    progress = "Аким осмотрел ход строительства сахарного завода и птицефабрики в Жамбылской области."
    assert {r["status"] for r in extract_announcements(progress, day)} == {"under_construction"}
    listed = "Среди новых проектов — завод по производству шин в Сарани и комплекс по переработке зерна в Кокшетау."
    assert [r["regions"] for r in extract_announcements(listed, day)] == [["KZ-35"], ["KZ-11"]]


def test_kazakh_project_lists_and_agricultural_produce():
    from datetime import date

    from kzmon.extract.announcements import extract_announcements
    day = date(2024, 5, 15)
    listed = "Жаңа жобалардың ішінде – Ақтөбедегі ферроқорытпа зауыты және Атыраудағы полипропилен өндірісі."
    assert [r["regions"] for r in extract_announcements(listed, day)] == [["KZ-15"], ["KZ-23"]]
    # "ауыл шаруашылығы" is agriculture, not the rural social word "ауыл"
    produce = "Ауыл шаруашылығы өнімдерін өңдейтін кәсіпорын биыл пайдалануға беріледі, онда 200 адам жұмыс істейді."
    assert [(r["sector"], r["jobs"]) for r in extract_announcements(produce, day)] == [("agro_food", 200)]
