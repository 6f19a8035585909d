"""A visit report's first sentence says where the plants it tours stand ("Во время рабочей
поездки в Карагандинскую область Президент познакомился с работой заводов ..."); the records
opened by later sentences, which name no place, are there (dev ru-caspiankhabarshys, round 3).
Invented texts in that structure."""
import pytest

from kzmon.extract.announcements import extract_announcements

TEXTS = {
    "en": ("New plants shown to the Prime Minister\n"
           "During a working trip to Pavlodar region the Prime Minister toured the Ertis Cable works and Nova Steel.\n"
           "Ertis Cable is to be put into operation by the end of the year.\n"
           "The Nova Steel plant, whose construction is to finish in two years, will make 200,000 tons of rebar a year."),
    "ru": ("Премьер-министру показали новые предприятия\n"
           "Во время рабочей поездки в Павлодарскую область Премьер познакомился с работой заводов «Ертис Кабель» и «Нова Стил».\n"
           "Кабельный завод «Ертис Кабель» намечено ввести в эксплуатацию до конца года.\n"
           "Завод «Нова Стил», строительство которого завершится через два года, будет выпускать 200 тыс. тонн арматуры в год."),
    "kk": ("Премьер-министрге жаңа кәсіпорындар таныстырылды\n"
           "Павлодар облысына жұмыс сапарымен барған Премьер «Ертіс Кабель» және «Нова Стил» зауыттарының жұмысымен танысты.\n"
           "«Ертіс Кабель» кабель зауытын жыл соңына дейін пайдалануға беру жоспарланған.\n"
           "Құрылысы екі жылда аяқталатын «Нова Стил» зауыты жылына 200 мың тонна арматура шығарады."),
}


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_the_trips_region_is_the_toured_plants(language):
    projects = [r for r in extract_announcements(TEXTS[language], None, language, None) if r["kind"] == "project"]
    assert projects and all(r["regions"] == ["KZ-55"] for r in projects)


def test_a_signing_place_in_the_first_sentence_is_no_plants_place():
    text = ("Turkish holdings sign investment deals\n"
            "On September 9 in Astana, Turkish holdings signed nine investment documents with Kazakh partners.\n"
            "A cement plant will be built in Turkistan region, and a glass works near Kyzylorda.")
    projects = [r for r in extract_announcements(text, None, "en", None) if r["kind"] == "project"]
    assert "KZ-71" not in {c for r in projects for c in r["regions"]}


def test_the_named_plant_is_a_first_mention_when_nothing_open_bears_its_name():
    text = ("Steel news\n"
            "The Nova Steel plant, whose construction is to finish in two years, will make 200,000 tons of rebar a year.")
    projects = [r for r in extract_announcements(text, None, "en", None) if r["kind"] == "project"]
    assert [r["title"] for r in projects] == ["Nova Steel plant"]


def test_the_named_plant_continues_the_open_project_that_bears_its_name():
    text = ("Nova Steel to build rebar plant in Pavlodar\n"
            "Nova Steel will build a rebar plant in Pavlodar for 40 billion tenge. "
            "The Nova Steel plant will employ 300 people.")
    projects = [r for r in extract_announcements(text, None, "en", None) if r["kind"] == "project"]
    assert len(projects) == 1 and projects[0]["jobs"] == 300
