"""Issue 11, link mentions: Russian names a plant again by a compound of its kind and its noun
("Фармзавод будет производить ..." after "фармацевтический завод"), and such a sentence opened a
second record of the same plant. The compound refers back when its kind agrees with the open
project, and opens a record of its own when it names another ("Мясокомбинат" after a sugar
plant). English and Kazakh write no such compounds: a Russian case. Tested in new words.
"""
from kzmon.extract.announcements import extract_announcements


def _projects(text: str) -> list[dict]:
    return [r for r in extract_announcements(text, "2021-05-06", "ru") if r["kind"] == "project"]


def test_the_compound_is_the_plant_named_before():
    records = _projects("ТОО «Биомед» построит фармацевтический завод в Семее. Фармзавод будет выпускать инсулин. "
                        "Инвестиции составят 12 млрд тенге.")
    assert len(records) == 1, records
    assert records[0]["investment_kzt"] == 12e9


def test_a_compound_of_another_kind_is_another_plant_guard():
    records = _projects("ТОО «Агро Тараз» построит сахарный завод в Таразе. Мясокомбинат компании будет выпускать колбасы.")
    assert len(records) == 2, records
