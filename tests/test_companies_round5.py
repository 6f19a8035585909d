"""Companies, round 5: the causes of wrong companies found on the dev corpus, each with invented
sentences in the style of real reporting (made-up firms, real towns)."""
from datetime import date

import pytest

from kzmon.extract.announcements import extract_announcements
from kzmon.extract.announcements.companies import find_companies
from kzmon.extract.regions import find_regions

PUB = date(2025, 6, 1)


def companies(text):
    return find_companies(text, [(m.start, m.end) for m in find_regions(text)])


def records(text):
    return extract_announcements(text, published=PUB)


def all_companies(text):
    return [c for r in records(text) for c in r["companies"]]


# apposition: "X, a joint venture of ...", "X, a world leader in ...", "the wealth fund, X"
@pytest.mark.parametrize("text,name", [
    ("Central Steppe Power, a joint venture set up by two local firms, intends to put up a wind farm in Zhambyl region.",
     "Central Steppe Power"),
    ("Brenner Kazakhstan, a world leader in making cranes, was set up this year in Astana.", "Brenner Kazakhstan"),
    ("The firm agreed the plan with the ministry and the country's sovereign wealth fund, Baiterek-Invest.", "Baiterek-Invest"),
])
def test_appositive_names(text, name):
    assert name in companies(text)


# an officer's title around the name: "General Director of X", "X Chairman Y", "X's Director"
@pytest.mark.parametrize("text,name", [
    ("At a meeting with Jean Dupont, General Director of Total Vent, the sides discussed a wind farm.", "Total Vent"),
    ("Qalqan-Energy Chairman Daulet Sadykov held a meeting on building a solar plant in Kyzylorda.", "Qalqan-Energy"),
    ("The akim met Arman Nurlanov, Sunkar's Director of Development, on the plant.", "Sunkar"),
])
def test_title_holder_names_the_firm(text, name):
    assert name in companies(text)


@pytest.mark.parametrize("text,junk", [
    ("The meeting was led by Aidos Serikov, Director of the Oil Transportation and Refining Department.", "Oil Transportation"),
    ("During the trip President of Kazakhstan Kassym-Jomart Tokayev launched a wind farm.", "Kazakhstan Kassym-Jomart"),
    ("The Head of State Kassym-Jomart Tokayev noted the importance of the project.", "State Kassym-Jomart"),
])
def test_no_state_bodies_or_people_from_titles(text, junk):
    assert not any(junk in c for c in companies(text))


# partner lists: "companies: A, B, C and D", "between the Ministry and X"
def test_list_after_companies_colon():
    text = ("The government approved agreements with three chemical companies: Qazaq Polymer, Ertis Chem, "
            "and Nura Fertilizer Factory.")
    found = companies(text)
    assert {"Qazaq Polymer", "Ertis Chem", "Nura Fertilizer Factory"} <= set(found)


def test_other_side_of_a_ministry_agreement():
    assert "Saryarka Petfood Kazakhstan" in companies(
        "An agreement to build the plant was concluded between the Agriculture Ministry and Saryarka Petfood Kazakhstan.")


# legal forms and letters: "Co. Ltd", Turkish letters, a word of origin before a full name
@pytest.mark.parametrize("text,name", [
    ("Taraz Chemicals and China's Hubei Sunrise Co. Ltd set up a joint venture to carry out the project.",
     "Hubei Sunrise Co. Ltd"),
    ("The plant will turn out 40 medicines; Deva İlaç is the strategic partner.", "Deva İlaç"),
    ("The company was set up under an agreement with the Swiss Alpen Rail AG.", "Alpen Rail AG"),
])
def test_legal_forms_and_letters(text, name):
    assert name in companies(text)


def test_origin_word_is_not_part_of_the_name():
    assert "Swiss Alpen Rail AG" not in companies("The company was set up under an agreement with the Swiss Alpen Rail AG.")


# Latin names in Cyrillic text keep their country word and drop a Cyrillic word glued after them
@pytest.mark.parametrize("text,name,junk", [
    ("Партнером в проекте выступает North China Glass — одна из крупнейших компаний отрасли.", "North China Glass", None),
    ("Рәсімге ERG Директорлар кеңесінің төрағасы Шухрат Ибрагимов келді.", "ERG", "ERG Директорлар"),
])
def test_latin_names_in_cyrillic_text(text, name, junk):
    found = companies(text)
    assert name in found
    assert junk is None or junk not in found


# quoted names: a fund is a company, a basin is not
def test_quoted_fund_and_basin_kk():
    text = "Бұл жоба \"Жетісу Инвест\" әл-ауқат қоры мен Orda Wind компаниясы арасындағы серіктестіктің жемісі."
    assert "Жетісу Инвест" in companies(text)
    basin = "Облыста «Ақсу Химия» ЖШС «Бурылтау» фосфорит бассейнінің кен орындарын игеру жобасын жүзеге асыруда."
    assert "Бурылтау" not in companies(basin)
    assert "Ақсу Химия" in companies(basin)


def test_quoted_fund_ru():
    assert "Береке" in companies("Проект профинансирует фонд «Береке» совместно с банком.")


# bylines are no firms
def test_byline_label_is_no_company():
    assert "АВТОР" not in companies("АВТОР\nВ Актобе построят цементный завод ТОО «Актобе Цемент».")


# a firm named in another sentence than the record's
def test_firm_referred_to_with_an_adjective_en():
    text = ("Industrial development of Kyzylorda region discussed in Beijing\n"
            "The governor held talks with Wang Lei, Head of Hubei Sunrise Cement Co., Ltd., the correspondent reports.\n"
            "The sides talked over the Chinese company's construction of a cement plant in Kyzylorda region.\n"
            "Wang Lei told the agency that the talks went well.")
    recs = [r for r in records(text) if "cement" in r["title"].lower()]
    assert recs and any("Hubei Sunrise" in c for c in recs[0]["companies"])
    assert not any("Wang Lei" in c for c in recs[0]["companies"])


def test_the_one_firm_of_the_article_en():
    text = ("Pet food plant to be built in Almaty region\n"
            "An agreement to build the facility in Konaev city was concluded between the Agriculture Ministry "
            "and Saryarka Petfood Kazakhstan.\n"
            "The plant is designed to turn out 100,000 tons of products per year.\n"
            "The plant will create 200 jobs.")
    recs = [r for r in records(text) if r["kind"] == "project"]
    assert recs and all(any("Saryarka Petfood" in c for c in r["companies"]) for r in recs)


def test_the_one_firm_of_the_article_kk():
    text = ("Қызылордада шыны зауыты 197 мың тонна өнім шығарады\n"
            "Қызылордада шыны зауыты биыл шілдеде жұмысын бастайды.\n"
            "Мұны облыс әкімінің орынбасары хабарлады.\n"
            "«Шыны зауытындағы жұмыстар айрықша бақылауда тұр.\n"
            "Мердігер «Сыр Құрылыс Групп» компаниясы құрылыс жұмыстарын мамырда бітіреді.\n"
            "Зауытта 260 адам жұмыс істейді.")
    recs = [r for r in records(text) if r["kind"] == "project"]
    assert recs and any("Сыр Құрылыс Групп" in c for c in recs[0]["companies"])


def test_pool_keeps_the_firm_that_carries_it_out_ru():
    text = ("Китай инвестирует $1 млрд в Казахстан\n"
            "Компания Huaxia Power подтвердила, что намерена реализовать два крупных проекта в секторе ВИЭ.\n"
            "Общий объем инвестиций превышает $1 млрд.")
    pools = [r for r in records(text) if r["kind"] == "program"]
    assert pools and "Huaxia Power" in pools[0]["companies"]


def test_company_then_company_continues_en():
    text = ("Industrial park hosts new firms\n"
            "Brenner Kazakhstan, a world leader in making cranes, was set up this year under an investment agreement "
            "with the Austrian Brenner Lift AG.\n"
            "The company plans to launch production of passenger wagons in Kazakhstan.")
    recs = [r for r in records(text) if "wagon" in r["title"].lower()]
    assert recs
    assert any("Brenner Kazakhstan" in c for c in recs[0]["companies"])
    assert any("Brenner Lift AG" in c for c in recs[0]["companies"])


def test_foreign_city_after_preposition_is_no_company():
    text = ("Dry port opens container terminal\n"
            "We have been cooperating with DP World, a company that runs a large zone of Dubai.\n"
            "The container terminal of the dry port will start operating in July.\n"
            "The project has been presented in Dubai with success.")
    assert not any(c == "Dubai" for c in all_companies(text))


def test_a_round_up_does_not_lend_one_projects_firm_to_the_others():
    """Three projects of a day's news, one firm named for one of them: the others have none."""
    text = ("A steel pipe plant worth 45 billion tenge will be built in Karaganda region by 2028, creating 600 "
            "permanent jobs, the Ministry of Industry and Construction said. Separately, a 50 MW solar power plant "
            "worth $45 million was commissioned in Turkistan region on Monday. In Pavlodar region, Silk Road Ferro "
            "will build a ferroalloy plant worth 131.5 billion tenge with 650 jobs.")
    records = extract_announcements(text, None, "en", "Industry news of the day")
    firms = {next(k for k in ("steel pipe", "solar", "ferroalloy") if k in r["title"]): r.get("companies") or []
             for r in records}
    assert firms == {"steel pipe": [], "solar": [], "ferroalloy": ["Silk Road Ferro"]}
