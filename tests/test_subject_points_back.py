"""Issue 11, linking a mention to the record it names: a sentence whose subject points back by a noun
("The factory will employ 300 people") filled whatever record was named last, even a cluster or a
zone named after the factory, so the factory lost its jobs and the cluster took them; and a factory
and a cluster of one industry merged into one record as one plant said twice. A plant-noun
subject now speaks of the last plant, a zone-noun subject of the last zone; a subject with no record
of its class keeps the open one. And two English plants of one kind, each brought in with "a", are two
records, not one said twice. Tested in new words.
"""
import pytest

from kzmon.extract.announcements import extract_announcements


def _projects(text: str, lang: str) -> list[dict]:
    return [r for r in extract_announcements(text, "2024-03-12", lang) if r["kind"] == "project"]


@pytest.mark.parametrize("lang, text, plant, site", [
    ("en", "Nur Textile LLP opened a weaving factory in Turkestan on Monday. A textile cluster worth 40 billion "
           "tenge will be built in the region by 2027. The factory will employ 300 people.", "factory", "cluster"),
    ("ru", "ТОО «Нур Текстиль» открыло ткацкую фабрику в Туркестане. В области планируется создать текстильный "
           "кластер стоимостью 40 млрд тенге. Фабрика обеспечит работой 300 человек.", "фабрика", "кластер"),
    ("kk", "«Нұр Текстиль» ЖШС Түркістанда тоқыма фабрикасын ашты. Облыста құны 40 млрд теңге болатын тоқыма "
           "кластерін құру жоспарланып отыр. Фабрикада 300 адам жұмыс істейді.", "фабрика", "кластер"),
])
def test_a_plant_subject_fills_the_plant_not_the_cluster_named_after_it(lang, text, plant, site):
    records = _projects(text, lang)
    by_head = {("plant" if plant in r["title"].lower() else "site" if site in r["title"].lower() else "other"): r
               for r in records}
    assert len(records) == 2, records    # a plant is not the cluster it may stand in
    assert by_head["plant"]["jobs"] == 300 and by_head["plant"]["investment_kzt"] is None, records
    assert by_head["site"]["jobs"] is None and by_head["site"]["investment_kzt"] == 40_000_000_000, records


def test_a_subject_with_no_record_of_its_class_keeps_the_open_one_guard():
    text = "A technopark for IT firms will be built in Aktobe. The plant will cost 2 billion tenge."
    records = _projects(text, "en")
    assert len(records) == 1 and records[0]["investment_kzt"] == 2_000_000_000, records


def test_two_plants_each_brought_in_with_a_are_two_records():
    text = ("The governor presented the region's energy plans on Tuesday. The region will soon commission a "
            "500 MW power plant and a cable plant. The region also intends to build a thermal power plant worth "
            "$1 billion.")
    records = _projects(text, "en")
    assert len(records) == 3, records
    assert [r["investment_usd"] for r in records].count(1_000_000_000) == 1, records


def test_the_lead_and_a_quote_tell_one_plant_afresh_guard():
    text = ("A new wind power plant is about to be launched in the Zhetysu region. It cost 900 million tenge.\n\n"
            "\"Next week a small wind power plant will start working,\" the project manager said.")
    records = _projects(text, "en")
    assert len(records) == 1, records
