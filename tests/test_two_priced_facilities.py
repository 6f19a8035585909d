"""Issue 11, lists: "a ferroalloy plant worth KZT 32 bln and an industrial gas plant worth KZT 30
bln" gave one record, the industrial gas plant with the ferroalloy plant's KZT 32 bln: a second
facility was told apart only by an industry of its own, and industrial gases have none in the
sector table. Two facility nouns, each with its own sum, are two facilities. Russian split them
already (its facility noun opens the item): a guard. Tested in new words.
"""
import pytest

from kzmon.extract.announcements import extract_announcements


@pytest.mark.parametrize("lang, text", [
    ("en", "In Pavlodar region a silicon plant worth KZT 41 bln and an oxygen plant worth KZT 12 bln will be built."),
    ("kk", "Павлодар облысында құны 41 млрд теңге болатын кремний зауыты мен құны 12 млрд теңге болатын оттегі зауыты салынады."),
    ("ru", "В Павлодарской области построят кремниевый завод стоимостью 41 млрд тенге и кислородный завод стоимостью 12 млрд тенге."),
])
def test_each_facility_keeps_its_own_sum(lang, text):
    records = extract_announcements(text, "2024-02-01", lang)
    assert sorted(r["investment_kzt"] for r in records) == [12e9, 41e9], records


def test_one_plant_and_its_two_sums_stay_one_guard():
    # no second facility noun: the second sum is the same plant's (its first stage)
    records = extract_announcements("A silicon plant worth KZT 41 bln will be built in Pavlodar, KZT 12 bln of it in the "
                                    "first stage.", "2024-02-01", "en")
    assert len(records) == 1, records
