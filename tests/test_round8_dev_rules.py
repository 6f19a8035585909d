"""Rules written on the dev articles of corpus rounds 8 and 9 (after their first measurement), tested
in new words and in all three languages. Each test failed before its rule, unless its docstring or
the commit that added it calls it a guard."""
import pytest

from kzmon.extract.announcements import extract_announcements


def _records(text: str, language: str) -> list[dict]:
    return extract_announcements(text, None, language, None)


@pytest.mark.parametrize("text, language, words", [
    ("Besides the gold mine, two more investment projects are planned in Bayanaul district: a camel farm and "
     "a dairy plant.", "en", ["camel", "dairy"]),
    ("Three projects will be launched in Kostanay region this year: a feed mill, a brick factory and a dairy "
     "farm.", "en", ["feed", "brick", "dairy"]),
    ("Кроме золотого рудника, в Баянаульском районе намечены ещё два инвестиционных проекта, "
     "о которых рассказал аким: верблюжья ферма и молочный завод.", "ru", ["верблюж", "молочн"]),
    ("Алтын кенішінен бөлек, Баянауыл ауданында тағы екі инвестициялық жоба "
     "жоспарланып отыр деп хабарлады аудан әкімі: түйе фермасы және сүт зауыты.", "kk", ["түйе", "сүт"]),
])
def test_a_colon_after_a_count_however_far_lists_what_it_counts(text, language, words):
    """The count's clause runs on ("are planned in Bayanaul district") before its colon: each listed
    facility is a project of its own."""
    titles = [r["title"] for r in _records(text, language) if r["kind"] == "project"]
    for word in words:
        assert any(word in t.lower() for t in titles), (word, titles)


@pytest.mark.parametrize("text, language, amount, name", [
    ("Освоение вольфрамового месторождения Баян обойдется в 42 млрд тенге и обеспечит до тысячи рабочих мест.",
     "ru", 42e9, "Баян"),
    ("На второе месторождение — Аксоран — рассчитывают привлечь более 90 млрд тенге инвестиций.", "ru", 90e9,
     "Аксоран"),
    ("The company will invest $500 million to bring its Syrymbet tin deposit into production in 2029.", "en", 5e8,
     "Syrymbet"),
    ("Сырымбет қалайы кен орнын игеруге 100 млрд теңге жұмсалады.", "kk", 1e11, None),
])
def test_a_deposit_developed_is_a_mining_project_named_by_its_deposit(text, language, amount, name):
    """A deposit named with its cost is a mine in the making; the deposit's name tells it apart."""
    projects = [r for r in _records(text, language) if r["kind"] == "project"]
    assert len(projects) == 1
    project = projects[0]
    assert amount in (project["investment_kzt"], project["investment_usd"]) and project["sector"] == "mining"
    if name:
        assert name in project["title"]


@pytest.mark.parametrize("text, language, status", [
    ("Кроме того, в Шымкенте наладили выпуск нижнего белья за 334 млн тенге.", "ru", "commissioned"),
    ("Стартовало и производство нетканого материала (синтепона) за 100 млн тенге.", "ru", "commissioned"),
    ("В Таразе стартовало строительство стекольного завода за 40 млрд тенге.", "ru", "under_construction"),
    ("Astana Motors had commenced construction of a 30 billion tenge Hyundai car factory in Almaty.", "en",
     "under_construction"),
    ("Жамбыл облысындағы зауытта 5 млрд теңгеге тыңайтқыш өндіру басталды.", "kk", "commissioned"),
])
def test_production_set_up_is_a_launch_and_construction_commenced_is_building(text, language, status):
    """"наладили выпуск", "стартовало производство", "өндіру басталды": production runs; "стартовало
    строительство", "had commenced construction": it is being built."""
    projects = [r for r in _records(text, language) if r["kind"] == "project"]
    assert projects and projects[0]["status"] == status


@pytest.mark.parametrize("text, language, company", [
    ("Xinjiang Lihua (Group) Co., Ltd. will build a cotton-textile cluster worth $600 million in Turkistan.", "en",
     "Xinjiang Lihua (Group) Co., Ltd."),
    ("Компания Xinjiang Lihua (Group) Co., Ltd. построит хлопково-текстильный кластер за 200 млрд тенге.", "ru",
     "Xinjiang Lihua (Group) Co., Ltd."),
])
def test_a_bracketed_word_before_the_legal_form_is_part_of_the_name(text, language, company):
    """It had split into "Xinjiang Lihua", "Group" and "Co., Ltd."."""
    projects = [r for r in _records(text, language) if r["kind"] == "project"]
    assert projects and projects[0]["companies"] == [company]


@pytest.mark.parametrize("text, language, not_company", [
    ("ҚАРАҒАНДЫ. ҚазАқпарат – Қарағанды облысында 10 млрд теңгеге автомобиль шиналары зауыты салынады.", "kk",
     "ҚазАқпарат"),
    ("Solidcore Resources will invest $500 million in its Syrymbet tin deposit, S&P Global Energy reported.", "en",
     "S&P Global"),
])
def test_an_agency_is_no_firm(text, language, not_company):
    """"ҚазАқпарат" and "S&P Global Energy" are the agencies that report the project."""
    records = _records(text, language)
    assert records and not any(not_company in c for r in records for c in r["companies"])


@pytest.mark.parametrize("text, language", [
    ("Xinjiang Lihua will build a cotton-textile cluster worth $600 million in Turkistan. The cluster is to include "
     "up to 10 production facilities.", "en"),
    ("В Туркестане построят хлопково-текстильный кластер за 200 млрд тенге. Кластер будет включать 10 заводов.", "ru"),
    ("Түркістанда 200 млрд теңгеге мақта-тоқыма кластері салынады. Кластер 10 зауытты қамтиды.", "kk"),
])
def test_the_facilities_a_project_includes_are_its_parts_not_a_pool(text, language):
    """A cluster that "is to include up to 10 production facilities" is one project of ten parts."""
    records = _records(text, language)
    assert records and all(r["kind"] == "project" and r["project_count"] is None for r in records)


@pytest.mark.parametrize("text, language", [
    ("The industrial park includes 12 projects worth 40 billion tenge.", "en"),
    ("Индустриальная зона включает 12 проектов на 40 млрд тенге.", "ru"),
])
def test_the_projects_a_park_includes_are_a_pool(text, language):
    records = _records(text, language)
    assert any(r["kind"] == "program" and r["project_count"] == 12 for r in records)


@pytest.mark.parametrize("text, language, word, region", [
    ("Trucks will begin to be produced in Saran.", "en", "trucks", "KZ-35"),
    ("Electric buses will be assembled in Almaty from next year.", "en", "buses", "KZ-75"),
    ("В Караганде будут выпускать телевизоры и стиральные машины Samsung.", "ru", "Samsung", "KZ-35"),
    ("В Костанае начнут производить компоненты для КАМАЗа.", "ru", "компоненты", "KZ-39"),
    ("Түркістан облысында бейнекамера, медициналық жиһаз және тұрмыстық химия бұйымдары шығарылады.", "kk",
     "бейнекамера", "KZ-61"),
])
def test_production_said_with_a_verb_is_a_project(text, language, word, region):
    """No facility noun: the product and its place are the project ("production of trucks")."""
    projects = [r for r in _records(text, language) if r["kind"] == "project"]
    assert len(projects) == 1 and word in projects[0]["title"] and projects[0]["regions"] == [region]
    assert projects[0]["status"] == "planned"


@pytest.mark.parametrize("text, language", [
    ("Облыста жылына 500 мың тонна астық өндіріледі.", "kk"),
    ("In Kazakhstan, 1.2 million tons of steel will be produced this year.", "en"),
    ("В Казахстане в этом году будут производить 20 млн тонн зерна.", "ru"),
])
def test_an_output_said_with_a_verb_is_no_project(text, language):
    assert _records(text, language) == []


@pytest.mark.parametrize("text, language, company", [
    ("Forever Flourishing (Middle Asia) Pty Ltd will build a steel plant worth $100 million in Karaganda.", "en",
     "Forever Flourishing (Middle Asia) Pty Ltd"),
    ("Сейсенбі күні KamaTyres компаниясы Қарағанды облысында 50 млрд теңгеге шина зауытын ашатынын айтты.", "kk", "KamaTyres"),
])
def test_a_weekday_and_a_lone_legal_form_name_no_firm(text, language, company):
    """"Tuesday" opened a sentence and became a firm; "Pty Ltd" after a bracketed part stood alone."""
    projects = [r for r in _records(text, language) if r["kind"] == "project"]
    assert projects and projects[0]["companies"] == [company]


def test_a_weekday_is_no_firm():
    """"... Karashukeyev said Tuesday, Kazinform correspondent reports": "Tuesday" had become the firm of
    every pool and project of the article."""
    text = ("Meat and dairy projects in 13 regions\n"
            "NUR-SULTAN. KAZINFORM – Investment projects producing meat and dairy products are to be carried out in "
            "13 regions of the country, Minister of Agriculture Yerbol Karashukeyev said Tuesday, Kazinform "
            "correspondent reports.\n"
            "Speaking at the Government's traditional Tuesday meeting, the minister said 33 investment projects are "
            "to be carried out in 2022, among them 7 meat processing plants and 10 projects to build poultry farms.")
    records = _records(text, "en")
    assert records and not any("Tuesday" in c for r in records for c in r["companies"])
