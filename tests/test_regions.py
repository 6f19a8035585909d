"""The regions gazetteer on sentences written for these tests (en / ru / kk)."""

import pytest

from kzmon.extract.regions import REGIONS, RegionMatch, find_regions, region_name


def codes(text: str) -> list[str]:
    return [m.code for m in find_regions(text)]


def only(text: str) -> RegionMatch:
    found = find_regions(text)
    assert len(found) == 1, found
    return found[0]


ALL_CODES = {"KZ-10", "KZ-11", "KZ-15", "KZ-19", "KZ-23", "KZ-27", "KZ-31", "KZ-33", "KZ-35",
             "KZ-39", "KZ-43", "KZ-47", "KZ-55", "KZ-59", "KZ-61", "KZ-62", "KZ-63",
             "KZ-71", "KZ-75", "KZ-79"}


def test_gazetteer_has_the_17_regions_and_3_cities():
    assert set(REGIONS) == ALL_CODES
    assert region_name("KZ-35") == "Karaganda Region"
    assert region_name("KZ-63", "ru") == "Восточно-Казахстанская область"
    assert region_name("KZ-99") == "KZ-99"


@pytest.mark.parametrize("text, code", [
    ("A copper plant will be built in the Karagandy region next year.", "KZ-35"),
    ("Qaraghandy oblast officials signed the deal.", "KZ-35"),
    ("Farmers of the Kostanai Region expect a record.", "KZ-39"),
    ("Qostanay region exports grain.", "KZ-39"),
    ("The Aqtobe region akimat reported.", "KZ-15"),
    ("Mangistau region's oil workers.", "KZ-47"),
    ("The Turkestan region hosts the cluster.", "KZ-61"),
    ("A feedlot opened in Jambyl region.", "KZ-31"),
    ("Masdar will start building a 1 GW wind power plant in Zhambyl.", "KZ-31"),
    ("Investors came to Jetisu region.", "KZ-33"),
    ("The Abay region governor said.", "KZ-10"),
    ("Ulytau region was created in 2022.", "KZ-62"),
    ("A new dairy in Aqmola region.", "KZ-11"),
    ("The West Kazakhstan region budget.", "KZ-27"),
    ("Snow hit North Kazakhstan on Monday.", "KZ-59"),
    ("Завод построят в Карагандинской области.", "KZ-35"),
    ("Карагандинская область лидирует.", "KZ-35"),
    ("Инвесторы посетили Карагандинскую область.", "KZ-35"),
    ("Между Карагандинской областью и соседями.", "KZ-35"),
    ("Проекты в Костанайской обл. растут.", "KZ-39"),
    ("В ВКО запустили фабрику.", "KZ-63"),
    ("Аким ЗКО сообщил.", "KZ-27"),
    ("В СКО построят элеватор.", "KZ-59"),
    ("В области Абай откроют завод.", "KZ-10"),
    ("Комбинат в области Ұлытау.", "KZ-62"),
    ("Қарағанды облысы бойынша жоспар.", "KZ-35"),
    ("Қарағанды облысында зауыт салынады.", "KZ-35"),
    ("Қарағанды облысының әкімі айтты.", "KZ-35"),
    ("ШҚО-да жаңа кәсіпорын ашылды.", "KZ-63"),
    ("БҚО әкімдігі хабарлады.", "KZ-27"),
    ("СҚО-ның фермерлері.", "KZ-59"),
    ("Маңғыстау облысындағы порт.", "KZ-47"),
    ("Караганды облысында", "KZ-35"),             # typed without Kazakh letters
])
def test_region_names_in_every_language_and_case(text, code):
    match = only(text)
    assert (match.code, match.level) == (code, "region")
    assert text[match.start:match.end] == match.surface


@pytest.mark.parametrize("text, code", [
    ("Astana will host the forum.", "KZ-71"),
    ("Back then the capital was called Nur-Sultan.", "KZ-71"),
    ("В Нур-Султане открыли завод.", "KZ-71"),
    ("Форум пройдёт в Астане.", "KZ-71"),
    ("Астанада форум өтеді.", "KZ-71"),
    ("A plant opened in Almaty.", "KZ-75"),
    ("Старое название — Алма-Ата.", "KZ-75"),
    ("В Алматы открыли цех.", "KZ-75"),
    ("Алматыда цех ашылды.", "KZ-75"),
    ("Алматының әкімі.", "KZ-75"),
    ("В г. Шымкент прибыли инвесторы.", "KZ-79"),
    ("В Шымкенте построят завод.", "KZ-79"),
    ("Шымкентте зауыт ашылды.", "KZ-79"),
    ("Shymkent's industrial zone.", "KZ-79"),
])
def test_cities_of_republican_significance(text, code):
    match = only(text)
    assert (match.code, match.level) == (code, "city")


@pytest.mark.parametrize("text", [
    "The Almaty region will get a new plant.",
    "В Алматинской области построят завод.",
    "Алматы облысында зауыт салынады.",
])
def test_almaty_region_is_not_almaty_city(text):
    match = only(text)
    assert (match.code, match.level) == ("KZ-19", "region")


@pytest.mark.parametrize("text, code, level", [
    ("A steel mill in Temirtau.", "KZ-35", "town"),
    ("В Темиртау модернизируют комбинат.", "KZ-35", "town"),
    ("The smelter in Balkhash.", "KZ-35", "town"),
    ("Mines near Zhezkazgan.", "KZ-62", "town"),
    ("Жезқазғанда мыс зауыты.", "KZ-62", "town"),
    ("A sugar plant in Taraz.", "KZ-31", "town"),
    ("Тюлькубасском районе построят теплицу.", "KZ-61", "district"),
    ("Түлкібас ауданында жылыжай салынды.", "KZ-61", "district"),
    ("The Tyulkubas district farm.", "KZ-61", "district"),
    ("Coal from Ekibastuz.", "KZ-55", "town"),
    ("Экибастузе построят ГРЭС.", "KZ-55", "town"),
    ("Iron ore from Rudny.", "KZ-39", "town"),
    ("В Рудном открыли цех.", "KZ-39", "town"),
    ("Кентауда зауыт.", "KZ-61", "town"),
    ("A meat plant in Semey.", "KZ-10", "town"),
    ("Семейде ет комбинаты.", "KZ-10", "town"),
    ("Ust-Kamenogorsk titanium.", "KZ-63", "town"),
    ("В Усть-Каменогорске построят.", "KZ-63", "town"),
    ("Өскеменде зауыт.", "KZ-63", "town"),
    ("Taldykorgan hosts a plant.", "KZ-33", "town"),
    ("Қонаевта индустриялық аймақ.", "KZ-19", "town"),
    ("В Капчагае построят.", "KZ-19", "town"),
    ("The Aktau seaport.", "KZ-47", "town"),
    ("В Жанаозене открыли.", "KZ-47", "town"),
    ("В Уральске построят.", "KZ-27", "town"),
    ("Оралда зауыт ашылды.", "KZ-27", "town"),
    ("Aksai gas field town.", "KZ-27", "town"),
    ("Кокшетау получит парк.", "KZ-11", "town"),
    ("A plant in Stepnogorsk.", "KZ-11", "town"),
    ("В Петропавловске завод.", "KZ-59", "town"),
    ("Кызылорде построят.", "KZ-43", "town"),
    ("Туркестане открыли.", "KZ-61", "town"),
    ("Атырауда зауыт.", "KZ-23", "town"),
    ("A chrome plant in Khromtau.", "KZ-15", "town"),
    ("Кандыагаше построят.", "KZ-15", "town"),
    ("Zhanatas phosphate.", "KZ-31", "town"),
])
def test_towns_and_districts_map_to_their_region(text, code, level):
    match = only(text)
    assert (match.code, match.level) == (code, level)


@pytest.mark.parametrize("text", [
    "Kazakhstan will build 20 plants.",
    "Казахстан построит 20 заводов.",
    "Қазақстан 20 зауыт салады.",
    "Air Astana bought new aircraft.",
    "Fishing on Lake Balkhash.",
    "Петропавловск-Камчатский далеко.",
    "Western Kazakhstan has oil.",
    "Academician Kanysh Satpayev studied ore.",
    "Он оралды елге.",                        # "returned", not Oral
    "ASTANA. KAZINFORM – The government met.",  # a dateline, not the place of a project
])
def test_names_that_are_not_regions(text):
    assert find_regions(text) == []


def test_east_kazakhstan_is_not_also_kazakhstan():
    found = find_regions("Investors in East Kazakhstan and all of Kazakhstan.")
    assert [(m.code, m.surface) for m in found] == [("KZ-63", "East Kazakhstan")]


@pytest.mark.parametrize("text, expected", [
    ("Akmola, Karagandy and Aktobe regions lead.", ["KZ-11", "KZ-35", "KZ-15"]),
    ("Almaty and Zhambyl regions will get plants.", ["KZ-19", "KZ-31"]),
    ("в Алматинской и Жамбылской областях", ["KZ-19", "KZ-31"]),
    ("Павлодарской, Костанайской и Акмолинской областях", ["KZ-55", "KZ-39", "KZ-11"]),
    ("Алматы және Жамбыл облыстарында", ["KZ-19", "KZ-31"]),
    # "области" is plural here, and the adjective agrees with it: the region, not Almaty city
    ("Алматинская и Жамбылская области получат заводы.", ["KZ-19", "KZ-31"]),
    ("Павлодарская и Карагандинская области лидируют.", ["KZ-55", "KZ-35"]),
])
def test_coordinated_lists_of_regions(text, expected):
    found = find_regions(text)
    assert [m.code for m in found] == expected
    assert all(m.level == "region" for m in found)


def test_a_city_before_a_region_adjective_stays_the_city():
    assert [(m.code, m.level) for m in find_regions("в Алматы и Жамбылской области")] == [
        ("KZ-75", "city"), ("KZ-31", "region")]


def test_bare_region_adjective_outside_a_list_is_not_a_region():
    # "Алматинской ТЭЦ" is a plant, possibly in the city; no region word follows.
    assert find_regions("ремонт на Алматинской ТЭЦ-2") == []


def test_matches_are_ordered_and_do_not_overlap():
    text = ("В Карагандинской области и в Шымкенте, а также в ВКО. "
            "Almaty region and Almaty city. Қарағанды облысында.")
    found = find_regions(text)
    assert [m.code for m in found] == ["KZ-35", "KZ-79", "KZ-63", "KZ-19", "KZ-75", "KZ-35"]
    for a, b in zip(found, found[1:]):
        assert a.end <= b.start


def test_a_long_list_closed_by_a_plural_region_word():
    text = "Mangistau, Atyrau, West Kazakhstan, Turkestan, and Akmola regions expect fog."
    found = find_regions(text)
    assert [m.code for m in found] == ["KZ-47", "KZ-23", "KZ-27", "KZ-61", "KZ-11"]
    assert all(m.level == "region" for m in found)


@pytest.mark.parametrize("text, expected", [
    ("Plants open in Almaty, Zhambyl region and Shymkent.", [("KZ-75", "city"), ("KZ-31", "region"),
                                                           ("KZ-79", "city")]),
    ("Алматыда, Жамбыл облысында", [("KZ-75", "city"), ("KZ-31", "region")]),
])
def test_a_city_before_a_singular_region_stays_a_city(text, expected):
    assert [(m.code, m.level) for m in find_regions(text)] == expected


def test_cardinal_regions_named_without_the_word_region():
    from kzmon.extract.regions import find_regions as find
    cases = {"Шығыс Қазақстанда жаңа зауыт ашылды": "KZ-63", "в Восточном Казахстане построят завод": "KZ-63",
             "Батыс Қазақстанда": "KZ-27", "развитие Западного Казахстана": "KZ-27", "Солтүстік Қазақстанның фермерлері": "KZ-59"}
    for text, code in cases.items():
        assert [m.code for m in find(text)] == [code], text
    assert find("В Казахстане построят завод") == [] and find("Қазақстанда зауыт салынады") == []


@pytest.mark.parametrize("text, code", [
    # a facility named after its town with a Russian adjective (real headlines of the corpus)
    ("Казахстан и Китай взялись за проект расширения Шымкентского НПЗ до 12 млн тонн", "KZ-79"),
    ("расширение Актауского морского международного торгового порта", "KZ-47"),
    ("Павлодарский алюминиевый завод нарастил выпуск", "KZ-55"),
    ("Экибастузская ГРЭС-1 ввела энергоблок", "KZ-55"),
    ("Таразский металлургический завод", "KZ-31"),
])
def test_town_adjectives_name_the_town(text, code):
    assert codes(text) == [code]

