"""Companies of real reporting (issue 11, fields): quoted brands beside a facility, full legal
names, a place word opening a brand, junk that is no company, and the firm named up front."""
from datetime import date

import pytest

from kzmon.extract.announcements import extract_announcements
from kzmon.extract.announcements.companies import find_companies
from kzmon.extract.regions import find_regions


def companies(text):
    return find_companies(text, [(m.start, m.end) for m in find_regions(text)])


@pytest.mark.parametrize("text,name", [
    ("В июле заработал кирпичный завод «Кызылорда Саз-М» стоимостью пять миллиардов тенге.", "Кызылорда Саз-М"),
    ("Іске қосылған жобалар қатарында «Алтын таға» бетон өнімдері зауыты бар.", "Алтын таға"),
    ('"Камлит кз" серіктестігі Қостанайда үш ірі жобаны іске асырып жатыр.', "Камлит кз"),
    ("АО «Казына Капитал Менеджмент» и британский холдинг «Юнайтед Грин» ведут совместный проект.", "Юнайтед Грин"),
    ("Сегодня в Шымкенте АО «Химфарм» открыло новый цех.", "Химфарм"),
    ("Заработал комплекс ТОО «Түркістан тоқыма» (Kazakhstan Lihua) по прядению нитей.", "Kazakhstan Lihua"),
    ("At present the construction is being finished by King Charm Development Limited.", "King Charm Development Limited"),
    ("EuroChem and China National Chemical Engineering Company signed a contract.", "China National Chemical Engineering Company"),
    ("The fully automated Kyzylorda Saz-M brick plant opened in July.", "Kyzylorda Saz-M"),
    ("A bakery run by Kyzylorda Nan has been put into operation.", "Kyzylorda Nan"),
])
def test_company_names_of_real_reporting(text, name):
    assert name in companies(text)


@pytest.mark.parametrize("text,junk", [
    ("Сегодня в Шымкенте АО «Химфарм» открыло новый цех.", "Шымкенте АО"),
    ("В СЭЗ «Хоргос – Восточные ворота» построят завод насосов.", "Хоргос – Восточные ворота"),
    ("Завод планирует выпускать 500 000 квадратных метров стекла в год.", "Завод"),
    ("«Инвестиционный проект откроет новый этап», – сказал он.", "Инвестиционный"),
    ("Президент посетил предприятие Dala Glass, передает BAQ.KZ.", "BAQ"),
    ("17:07, 11 December 2015 | GMT +6", "GMT"),
    ("ЕвроХим в рамках инвестпроекта в Казахстане возведет комплекс.", "Казахстане"),
    ("In Kostanay KIA will open a localization centre.", "Kostanay KIA"),
    # names listed whole in extract/data/companies.yaml: the President, a region of the world, a button
    ("The launch was attended by Kassym-Jomart Tokayev and Kia Corporation's chairman.", "Kassym-Jomart Tokayev"),
    ("Крупнейшая в Центральной Азии ветряная электростанция компании Visor заработала.", "Центральной Азии"),
    ("Завод Orda Glass выпустил первую продукцию. ПОДЕЛИТЬСЯ", "ПОДЕЛИТЬСЯ"),
    # a person named by office: no firm
    ("Kazakh Minister of Industry and Infrastructure Development Beibut Atamkulov announced the cluster.",
     "Beibut Atamkulov"),
    ("Samruk-Energy Chairman Kairat Maksutov held a meeting with Masdar.", "Kairat Maksutov"),
    # an amount with its currency and scale typed on ("a KZT35bn plant"): the plant's price, no name
    ("The governor spoke about the construction of a KZT35bn plant to produce technical silicon.", "KZT35bn"),
])
def test_words_that_are_no_company(text, junk):
    assert junk not in companies(text)


def test_the_firm_named_up_front_is_the_firm_of_the_plant_named_later():
    text = ("Irgiz Leather to expand in Aktobe\n\nA new tannery will be built in Aktobe region next year. "
            "Separately, a shoe factory of Kadam LLP will open in Khromtau.")
    records = {r["title"]: r for r in extract_announcements(text, date(2024, 3, 1))}
    tannery = next(r for t, r in records.items() if "tannery" in t)
    shoes = next(r for t, r in records.items() if "shoe" in t)
    assert tannery["companies"] == ["Irgiz Leather"]
    assert shoes["companies"] == ["Kadam LLP"]     # a project with a firm of its own keeps it


def test_two_firms_up_front_lend_none():
    text = ("Irgiz Leather and Kadam LLP sign deals in Aktobe\n\nA new tannery will be built in Aktobe region next year. "
            "A brick plant of Saz LLP will open in Khromtau.")
    tannery = next(r for r in extract_announcements(text, date(2024, 3, 1)) if "tannery" in r["title"])
    assert tannery["companies"] == []     # the article does not say whose tannery it is


def test_partners_listed_after_a_partner_cue_are_firms():
    found = companies("The project, carried out in partnership with Sinopharm, Sinovac, and Kangtai Biological "
                      "Technology, will create around 60 jobs.")
    assert {"Sinopharm", "Sinovac", "Kangtai Biological Technology"} <= set(found)
    # a list of countries is no list of firms
    assert companies("Kazakhstan, Russia and China signed the declaration.") == []

