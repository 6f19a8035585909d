"""Field rules of round 5: sector from the facility's own noun or its pool, status from the
clause and from a later sentence that says the plan is being carried out, the items of a list
counted by the pool just before it, places private to one item, districts in the gazetteer.
All sentences are invented, in the style of real reporting."""
from datetime import date

import pytest

from kzmon.extract.announcements import extract_announcements
from kzmon.extract.announcements.vocabulary import sector_of, status_of
from kzmon.extract.regions import find_regions

PUBLISHED = date(2024, 5, 14)


def _records(text, language):
    return extract_announcements(text, PUBLISHED, language=language)


def _project(records, word):
    found = [r for r in records if r["kind"] == "project" and word.lower() in r["title"].lower()]
    assert found, [r["title"] for r in records]
    return found[0]


# --- sector: an item of a pool is of the pool's industry; a metaphor is no product ----------

@pytest.mark.parametrize("text,language,word,sector", [
    ("В регионе ожидают пуска двух крупяных производств общей стоимостью 4,2 млрд тенге. "
     "В частности, начнет работу завод за 2,9 млрд тенге, на котором будут заняты 35 человек.",
     "ru", "завод", "agro_food"),
])
def test_an_item_of_a_pool_takes_the_pools_sector(text, language, word, sector):
    assert _project(_records(text, language), word)["sector"] == sector


def test_a_fruit_metaphor_names_no_product():
    assert sector_of("Бұл жоба «Алтай Энерго» мен «Шу Инвест» арасындағы серіктестіктің жемісі.")[0] is None
    assert sector_of("Қалада жеміс-жидек өңдейтін цех ашылды.")[0] == "agro_food"
    assert sector_of("Аудандағы жемістер мен көкөністер қоймасы")[0] == "agro_food"


@pytest.mark.parametrize("text", [
    "қуаты жылына 600 мың тонна күкірт қышқылы өндірісінің құрылысы",
    "калий сульфаты мен кальций хлориді шығарылады",
])
def test_kazakh_chemical_products(text):
    assert sector_of(text)[0] == "chemicals"


# --- status ---------------------------------------------------------------------------------

def test_the_items_of_a_list_belong_to_the_pool_counted_just_before_it():
    text = ("Over 2019-2022, 9 projects worth $1.2 billion were put into operation; 4 more projects "
            "worth $150 million are to be launched next year, among them a brick plant and a dairy farm.")
    records = _records(text, "en")
    assert _project(records, "brick")["status"] == "planned"
    assert _project(records, "dairy")["status"] == "planned"


@pytest.mark.parametrize("text,language,word", [
    ("The akim also looked at the project to build a tile plant next to the Taraz bypass. "
     "Construction of the plant is already under way.", "en", "tile"),
    ("Главе региона показали, где будет выпускать продукцию завод керамической плитки «Тараз Керамик». "
     "Объект начали возводить в марте прошлого года.", "ru", "плитки"),
])
def test_a_plan_the_next_sentence_says_is_being_built(text, language, word):
    assert _project(_records(text, language), word)["status"] == "under_construction"


def test_a_reported_future_stays_a_plan():
    text = ("The akim and Tau Glass LLP signed a memorandum on building a glass container plant in Taraz. "
            "The akim promised that building of the plant would get under way in autumn.")
    assert _project(_records(text, "en"), "glass")["status"] == "planned"
    assert status_of("the work would start in autumn") == "planned"


@pytest.mark.parametrize("text,language", [
    ("The President toured the Saryarka Motors construction site near Kostanay.", "en"),
    ("Премьер побывал на стройплощадке завода, который будет выпускать автобусы в Костанае.", "ru"),
    ("Әкім Қостанайдағы автобус зауытының құрылыс алаңын аралады.", "kk"),
])
def test_a_construction_site_is_under_construction(text, language):
    assert status_of(text) == "under_construction"


@pytest.mark.parametrize("text,language,word", [
    ("In the village of Kamenka the governor visited Aksu Sut LLP's new robotic dairy farm, "
     "which can produce 4,000 tons of milk a year.", "en", "dairy"),
    ("Аким посетил новую молочную ферму ТОО «Каменка Сут», которая дает 4 тыс. тонн молока в год.", "ru", "ферм"),
])
def test_a_visit_to_a_working_farm_is_commissioned(text, language, word):
    assert _project(_records(text, language), word)["status"] == "commissioned"


# --- regions ----------------------------------------------------------------------------------

def test_a_place_inside_one_items_name_is_that_items_alone():
    text = ("В пятницу премьер в Астане по видеосвязи запустил домостроительный комбинат, "
            "производство лакокрасочной продукции и проект расширения Актауского морского порта.")
    records = _records(text, "ru")
    assert "KZ-47" not in _project(records, "домостроительный")["regions"]
    assert "KZ-47" not in _project(records, "лакокрас")["regions"]
    assert "KZ-47" in _project(records, "порт")["regions"]


def test_a_place_the_list_ends_with_is_everyones():
    # a guard for the rule above: a trailing "in <place>" still goes to every item
    text = "Plants for copper wire, roofing sheets and PVC windows are due to start up in Aktobe this year."
    for r in _records(text, "en"):
        assert r["regions"] == ["KZ-15"]


@pytest.mark.parametrize("text,code", [
    ("Жылыжай кешені Шиелі ауданында салынып жатыр.", "KZ-43"),
    ("В Жетысайском районе построят хлопкоперерабатывающий завод.", "KZ-61"),
    ("A meat plant opened in the Zharma district.", "KZ-10"),
    ("Сүт фермасы Аққайың ауданында іске қосылды.", "KZ-59"),
])
def test_districts_are_places(text, code):
    assert code in {r.code for r in find_regions(text)}


# --- companies: news agencies and plant-type abbreviations are no firms -----------------

@pytest.mark.parametrize("text,junk", [
    ("Как сообщает ТАСС, ТОО «Сарыарка Энерго» построит ТЭЦ в Сатпаеве.", "ТАСС"),
    ("China Energy сосредоточится на строительстве объектов ВИЭ в Туркестанской области.", "ВИЭ"),
])
def test_names_that_are_no_firms(text, junk):
    from kzmon.extract.announcements.companies import find_companies
    assert junk not in find_companies(text, [])
