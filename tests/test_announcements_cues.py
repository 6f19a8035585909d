"""Cues: status verbs, sectors, companies, sentence splitting."""
import pytest

from kzmon.extract.announcements.companies import find_companies
from kzmon.extract.announcements.sentences import split_sentences
from kzmon.extract.announcements.vocabulary import sector_of, status_of


@pytest.mark.parametrize("text,expected", [
    ("a cement plant is planned in the region", "planned"),
    ("the complex will be built by 2027", "planned"),
    ("construction began in May", "under_construction"),
    ("construction of the smelter has begun", "under_construction"),
    ("the workshop is under construction", "under_construction"),
    ("the factory was launched on Friday", "commissioned"),
    ("the line was put into operation", "commissioned"),
    ("the mill opened last week", "commissioned"),
    ("planning to launch 9 projects", "planned"),
    ("производство будет запущено", "planned"),
    ("планируется построить завод", "planned"),
    ("начато строительство комбината", "under_construction"),
    ("завод строится", "under_construction"),
    ("цех запущен в работу", "commissioned"),
    ("завод введен в эксплуатацию", "commissioned"),
    ("фабрика открыта", "commissioned"),
    ("зауыт салынуда", "under_construction"),
    ("жоба жоспарлануда", "planned"),
    ("кешен іске қосылды", "commissioned"),
    ("нысан пайдалануға берілді", "commissioned"),
])
def test_status(text, expected):
    assert status_of(text) == expected


def test_no_status_in_plain_reporting():
    assert status_of("the minister said at a government meeting") is None
    assert status_of("a new plant of the company") is None  # "plant" is not "plan"
    assert status_of("output fell due to the weather") is None


@pytest.mark.parametrize("text,expected", [
    ("a glass container plant", "building_materials"),
    ("ferroalloy smelter", "metallurgy"),
    ("poultry farm", "agro_food"),
    ("fertilizer production", "chemicals"),
    ("production of tyres", "rubber_plastics"),
    ("assembly of buses", "automotive"),
    ("freight wagon plant", "transport_equipment"),
    ("a 100 MW solar power plant", "energy"),
    ("household appliance factory", "electrical_electronics"),
    ("завод по выпуску кирпича", "building_materials"),
    ("мясокомбинат и молочный завод", "agro_food"),
    ("фармацевтический завод", "pharma"),
    ("тоқыма фабрикасы", "light_industry"),
    ("көмір кен орны", "mining"),
])
def test_sector(text, expected):
    assert sector_of(text)[0] == expected


def test_no_sector_in_words_that_only_look_like_cues():
    assert sector_of("the work was carried out")[0] is None
    assert sector_of("жобалар іске асты, болатын")[0] is None


@pytest.mark.parametrize("text,expected", [
    ("Tau-Ken Steel LLP will build a plant", ["Tau-Ken Steel LLP"]),
    ("by the Korean corporation Hyundai Motor", ["Hyundai Motor"]),
    ("China's Jiangsu Yonggang Group plans", ["Jiangsu Yonggang Group"]),
    ("the ArcelorMittal plant", ["ArcelorMittal"]),
    ("a Haier refrigerator plant in Almaty", ["Haier"]),
    ("ТОО «Алтын Дала» построит", ["Алтын Дала"]),
    ("проект компании Polymer Production", ["Polymer Production"]),
])
def test_companies(text, expected):
    assert find_companies(text) == expected


def test_people_places_and_months_are_not_companies():
    assert find_companies("Minister Kanat Sharlapayev said in Astana on Monday, December 4") == []
    assert find_companies("Prime Minister Olzhas Bektenov chaired the meeting") == []


def test_sentences_keep_abbreviations_and_flag_the_headline():
    text = "Plant opens in Taraz\n\nAccording to Mr. Smith, the plant cost 12 bln tenge. It employs 300 people.\n"
    sentences = split_sentences(text)
    assert [s.headline for s in sentences] == [True, False, False]
    assert sentences[1].text == "According to Mr. Smith, the plant cost 12 bln tenge."
    assert text[sentences[2].start:].startswith("It employs")


def test_sentences_end_after_a_scale_abbreviation():
    sentences = split_sentences("Заголовок\n\nНа это выделят 12 млрд. Работы начнутся летом.")
    assert [s.text for s in sentences][1:] == ["На это выделят 12 млрд.", "Работы начнутся летом."]
