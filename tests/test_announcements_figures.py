"""Figures in one sentence: money, jobs, counts, areas, capacities (en, ru, kk)."""
import pytest

from kzmon.extract.announcements.figures import find_figures, parse_number


def kinds(text, lang, kind):
    return [f.value for f in find_figures(text, lang) if f.kind == kind]


def money(text, lang="en"):
    return [(f.currency, f.value) for f in find_figures(text, lang) if f.kind == "money"]


@pytest.mark.parametrize("text,lang,expected", [
    ("about 1.25 trillion tenge (US$2.8 billion) will be spent", "en", [("kzt", 1.25e12), ("usd", 2.8e9)]),
    ("the investor put in KZT 2.4 tn", "en", [("kzt", 2.4e12)]),
    ("a 77.3 bn tenge programme", "en", [("kzt", 77.3e9)]),
    ("worth over 113 billion tenge (approximately $245 million)", "en", [("kzt", 113e9), ("usd", 245e6)]),
    ("about $4.5 million in investments", "en", [("usd", 4.5e6)]),
    ("2.7 billion US dollars", "en", [("usd", 2.7e9)]),
    ("KZT 14.7 bln", "en", [("kzt", 14.7e9)]),
    ("стоимостью 1,5 трлн тенге", "ru", [("kzt", 1.5e12)]),
    ("обойдется в 4 миллиарда тенге", "ru", [("kzt", 4e9)]),
    ("218,4 млрд тенге ($0,5 млрд)", "ru", [("kzt", 218.4e9), ("usd", 0.5e9)]),
    ("инвестиции – 27 млн долларов", "ru", [("usd", 27e6)]),
    ("$350 млн", "ru", [("usd", 350e6)]),
    ("құны 98,6 млрд теңге болатын", "kk", [("kzt", 98.6e9)]),
    ("740 млрд теңгеге", "kk", [("kzt", 740e9)]),
    ("жалпы құны триллион теңгеден асады", "kk", [("kzt", 1e12)]),
])
def test_money(text, lang, expected):
    assert money(text, lang) == [(c, pytest.approx(v)) for c, v in expected]


def test_a_range_is_not_one_amount():
    assert money("The plant will cost $300-350 million.") == []
    assert money("от 40 до 45 млрд тенге", "ru") == []


def test_bare_amount_takes_no_currency_itself():
    (fig,) = [f for f in find_figures("из которых 122,8 млрд", "ru") if f.kind == "money"]
    assert fig.currency is None and fig.value == pytest.approx(122.8e9)


def test_tonnes_in_millions_are_not_money():
    assert money("выпущено 1,3 миллиона тонн стали", "ru") == []


@pytest.mark.parametrize("text,lang,expected", [
    ("which will create 9,500 new permanent jobs", "en", [9500]),
    ("over 3,200 jobs", "en", [3200]),
    ("will employ more than 640 people", "en", [640]),
    ("create approximately 1,700 job opportunities", "en", [1700]),
    ("some 850 jobs", "en", [850]),
    ("более 12 тыс. рабочих мест", "ru", [12000]),
    ("4,3 тыс. рабочих мест", "ru", [4300]),
    ("трудоустроят более 700 человек", "ru", [700]),
    ("обеспечит работой 1,1 тыс. человек", "ru", [1100]),
    ("а число новых рабочих мест – свыше 2 300.", "ru", [2300]),
    ("312 жұмыс орны ашылады", "kk", [312]),
    ("2 мыңға жуық жұмыс орны", "kk", [2000]),
    ("600-ден астам жаңа жұмыс орны", "kk", [600]),
    ("95 адам жұмысқа тұрды", "kk", [95]),
])
def test_jobs(text, lang, expected):
    assert kinds(text, lang, "jobs") == expected


def test_construction_jobs_are_marked():
    figs = [f for f in find_figures("about 3,000 construction jobs and 400 permanent jobs", "en") if f.kind == "jobs"]
    assert [("construction" in f.notes) for f in figs] == [True, False]


def test_people_at_a_forum_are_not_jobs():
    assert kinds("форумға 300-ден астам адам қатысты", "kk", "jobs") == []


@pytest.mark.parametrize("text,lang,expected", [
    ("a total of 312 projects", "en", [312]),
    ("Some 95 projects were launched", "en", [95]),
    ("27 chemical industry projects", "en", [27]),
    ("eleven new plants", "en", [11]),
    ("Most of the projects (88) will be launched", "en", [88]),
    ("ввести 240 проектов", "ru", [240]),
    ("будут реализованы три проекта", "ru", [3]),
    ("12 жоба", "kk", [12]),
    ("23 жобаның", "kk", [23]),
    ("бес зауыт", "kk", [5]),
])
def test_project_counts(text, lang, expected):
    assert kinds(text, lang, "count") == expected


def test_cars_and_regions_are_not_project_counts():
    assert kinds("More than 52,000 cars were produced in seven regions", "en", "count") == []
    assert kinds("one of the projects", "en", "count") == []


@pytest.mark.parametrize("text,expected", [
    ("a workshop of 14,500 square meters", 14500),
    ("a 40 hectare site", 400000),
    ("площадью 3 гектара", 30000),
    ("5 мың шаршы метр", 5000),
])
def test_areas(text, expected):
    lang = "en" if text.isascii() else "ru"
    assert kinds(text, lang, "area") == [pytest.approx(expected)]


@pytest.mark.parametrize("text,lang,fragment", [
    ("designed to make 2 million tires a year", "en", "2 million tires a year"),
    ("60,000 tons of soda ash per year", "en", "60,000 tons of soda ash per year"),
    ("up to 80 mainline electric locomotives per year", "en", "up to 80 mainline electric locomotives per year"),
    ("мощностью 300 тыс. тонн в год", "ru", "300 тыс. тонн в год"),
])
def test_capacity(text, lang, fragment):
    assert kinds(text, lang, "capacity") == [fragment]


def test_output_per_year_in_square_metres_is_capacity_not_area():
    figs = find_figures("with a capacity of 15 million square meters of fabric per year", "en")
    assert [f.kind for f in figs] == ["capacity"]


@pytest.mark.parametrize("token,lang,value", [
    ("18,000", "en", 18000), ("1,5", "ru", 1.5), ("464.2", "en", 464.2), ("4 700", "ru", 4700), ("1,000,000", "ru", 1e6),
])
def test_parse_number(token, lang, value):
    assert parse_number(token, lang) == value


@pytest.mark.parametrize("text, language, count", [
    # tens and units written apart are one number; a Kazakh collective numeral counts too
    ("Облыста он бір жоба іске асырылады.", "kk", 11),
    ("В регионе реализуют двадцать пять проектов.", "ru", 25),
    ("Twenty-five projects are on the list.", "en", 25),
])
def test_numbers_written_in_words(text, language, count):
    assert [f.value for f in find_figures(text, language) if f.kind == "count"] == [count]


@pytest.mark.parametrize("text", [
    "Eleven projects in Akmola region costing 88 billion tenge are on the list, and work has begun on five of them.",
    "В Акмолинской области одиннадцать проектов на 88 млрд тенге, из них пять уже строятся.",
    "Ақмола облысында 88 млрд теңгеге он бір жоба бар, олардың бесеуі салынып жатыр.",
])
def test_a_pool_and_its_part_in_one_sentence(text):
    from kzmon.extract.announcements import extract_announcements
    pools = [(r["project_count"], r["investment_kzt"], r["status"]) for r in extract_announcements(text, None)]
    assert pools == [(11, 88e9, pools[0][2]), (5, None, "under_construction")]


@pytest.mark.parametrize("text, language, count", [
    # a count told as a change: the number now, not the number before
    ("The number of projects in the pipeline of Pavlodar region rose from 31 to 64 this year.", "en", 64),
    ("Количество инвестиционных проектов в области выросло с 31 до 64.", "ru", 64),
    ("Түркістан облысындағы индустриялық жобалардың саны 15-тен 40-қа жетті.", "kk", 40),
])
def test_a_count_told_as_a_change(text, language, count):
    assert [f.value for f in find_figures(text, language) if f.kind == "count"] == [count]


@pytest.mark.parametrize("text, count", [
    ("Kazakhstan will build three new oil refineries by 2030.", 3),
    ("Two wind farms with a combined capacity of 600 MW will be built in Zhambyl region.", 2),
])
def test_whole_facilities_counted_in_the_plural(text, count):
    assert [f.value for f in find_figures(text, "en") if f.kind == "count"] == [count]
