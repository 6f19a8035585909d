"""Issue 11, status: who launched it. Russian writes a partnership's or a company's deed in the
neuter ("ТОО «Актобе Стил» запустило цех", "АО ввело в эксплуатацию"), and the status cues knew
only the masculine, feminine and plural; such a sentence gave no record. A visit that was the
launch ("принял участие в запуске комплекса", "took part in the launch of") read as a plan.
English and Kazakh verbs have no gender: the neuter is a Russian case only. Tested in new words.
"""
import pytest

from kzmon.extract.announcements import extract_announcements


def _records(text: str, lang: str) -> list[dict]:
    return [r for r in extract_announcements(text, "2023-10-05", lang) if r["kind"] == "project"]


@pytest.mark.parametrize("text", [
    "В Костанае ТОО «Тобол Агро» запустило мельничный комплекс мощностью 200 тонн зерна в сутки.",
    "АО «Шымкент Химия» открыло цех по выпуску лакокрасочных материалов.",
    "ТОО «Павлодар Трубы» ввело в эксплуатацию трубный цех стоимостью 2 млрд тенге.",
])
def test_a_partnership_launched_it(text):
    records = _records(text, "ru")
    assert [r["status"] for r in records] == ["commissioned"], records


@pytest.mark.parametrize("lang, text", [
    ("ru", "Аким области принял участие в запуске кирпичного завода ТОО «Кокше Кирпич»."),
    ("en", "The governor took part in the launch of a brick plant of Kokshe Kirpich LLP."),
])
def test_taking_part_in_the_launch_is_a_launch(lang, text):
    assert [r["status"] for r in _records(text, lang)] == ["commissioned"]


def test_a_firm_that_will_launch_plans_guard():
    assert [r["status"] for r in _records("ТОО «Тобол Агро» запустит мельничный комплекс в 2025 году.", "ru")] == ["planned"]


# Building under way, in the words the cues did not know: a present "finishes building" and
# "осуществляются" beside "реализуются" in Russian; in Kazakh "салынып келе жатқан" (being built for
# years), "құрылыс жұмыстарымен танысты" (saw the building works), "алғашқы қада қағылды" (the first
# stake driven). English had these already ("is finishing construction" is checked as a guard).
@pytest.mark.parametrize("lang, text", [
    ("ru", "В этом году ТОО «Актобе Газ» заканчивает строительство газоперерабатывающего завода."),
    ("ru", "В индустриальной зоне Шымкента сейчас осуществляются четыре проекта на 20 млрд тенге."),
    ("kk", "Әкім Таразда салынып келе жатқан шыны зауытын аралады."),
    ("kk", "Әкім шыны зауытының құрылыс жұмыстарымен танысты."),
    ("kk", "Таразда цемент зауытының құрылысына алғашқы қада қағылды."),
    ("en", "This year Aktobe Gas is finishing construction of a gas processing plant."),
])
def test_building_under_way(lang, text):
    records = extract_announcements(text, "2023-05-05", lang)
    assert records and {r["status"] for r in records} == {"under_construction"}, records
