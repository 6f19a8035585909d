"""Rules written on the dev articles of corpus round 7 (after their first measurement; written in
new words here). Each test failed before its rule."""
import pytest

from kzmon.extract.announcements import extract_announcements


def _projects(text: str, language: str) -> list[dict]:
    return [r for r in extract_announcements(text, None, language, None) if r["kind"] == "project"]


def test_bare_kazakh_nouns_share_the_participle_and_the_plural_head_of_the_last_item():
    """"жиһаз, сусын, мұздатқыш және құрылыс заттарын шығаратын өндірістер": only the last item takes
    the case ending and the participle; each product is a production of its own. The park the
    sentence opens with ("Парк аумағында") is where they stand, not their title."""
    text = "Парк аумағында жиһаз, сусын, мұздатқыш және құрылыс заттарын шығаратын өндірістер жұмысын бастады."
    titles = [p["title"] for p in _projects(text, "kk")]
    assert len(titles) == 4 and all("шығаратын" in t for t in titles)
    assert any(t.startswith("жиһаз") for t in titles) and any(t.startswith("мұздатқыш") for t in titles)


@pytest.mark.parametrize("text, language", [
    ("Қазір облыста 32 өнеркәсіп жобасы іске қосылды, — деді әкім елордадағы Орталық коммуникациялар қызметінде өткен брифингте.", "kk"),
    ("Сейчас в области запущено 32 промышленных проекта, сообщил аким на брифинге в столичной Службе центральных коммуникаций.", "ru"),
    ("Some 32 industrial projects have been launched in the region, the governor said in Astana at the Central "
     "Communications Service.", "en"),
])
def test_the_capital_where_a_briefing_is_held_is_no_place_of_the_projects(text, language):
    """"елордадағы Орталық коммуникациялар қызметінде": the capital was given to the region's pool."""
    records = extract_announcements(text, None, language, None)
    assert records and all("KZ-71" not in r["regions"] for r in records)


def test_items_of_a_plural_head_that_each_state_an_amount_are_one_record_each():
    """"запустят производства X за 1,04 млрд тенге, Y за 2,5 млрд тенге": one pool had taken the first
    amount, the second item was lost."""
    text = ("В Шымкенте запустят производства чулочно-носочных изделий за 1,04 млрд тенге, ковров и ковровых "
            "изделий (четвертый этап) за 2,5 млрд тенге.")
    got = sorted((p["investment_kzt"], p["title"]) for p in _projects(text, "ru"))
    assert [amount for amount, _ in got] == [1.04e9, 2.5e9] and "ковр" in got[1][1]


def test_a_facility_noun_before_a_relative_pronoun_is_no_new_facility():
    """"Локомотивы, выпуск которых планируется на новом заводе": "выпуск которых" became a project."""
    text = ("В Атбасаре построят локомотивный завод. Локомотивы, выпуск которых планируется на новом заводе, "
            "будут работать на сжиженном газе.")
    assert [p["title"] for p in _projects(text, "ru")] == ["локомотивный завод в Атбасаре"]


def test_a_plant_named_before_a_list_that_gives_its_firm_is_that_item():
    """"Строительство завода бытовой техники ... идёт дальше" and then "Строятся заводы – шинный, бытовой
    техники Artel, ...": the listed item with its firm and the plant named before are one plant (the
    rule that kept a listed kind apart from a firm's own plant had kept these apart too)."""
    text = ("Строительство завода бытовой техники в индустриальной зоне Сарани идёт дальше. Сейчас здесь "
            "осуществляются пять проектов. Строятся заводы – шинный, бытовой техники Artel, горячего цинкования.")
    appliances = [p for p in _projects(text, "ru") if "бытовой" in p["title"]]
    assert len(appliances) == 1 and appliances[0]["companies"] == ["Artel"]
