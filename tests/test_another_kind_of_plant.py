"""Issue 11, link mentions: "the X plant" or "завод X" after another plant is a first mention
when X names another kind of facility. "... a new brick plant went into service ... The gas
concrete blocks plant and the concrete products plant are to go onstream in July" (a dev article
of round 10) gave the brick plant only: one noun ("plant") shared was read as the same facility.
The kinds are told apart by their words and the concepts (data/concepts.yaml) they name, so a
"mineral fertilizer plant" after a "chemical complex" stays a possible restatement. Tested in new
words; each case failed before.
"""
import pytest

from kzmon.extract.announcements import extract_announcements

CASES = [
    ("Akmola region opens brick plant\n"
     "The akim of Akmola region said a new brick plant opened in Kokshetau in April. It cost KZT 2.1 bln and "
     "created 95 jobs. The expanded clay plant and the paving slab plant are to be put into operation in August. "
     "Their output will go to local builders.", "en"),
    ("В Акмолинской области открыли кирпичный завод\n"
     "Аким Акмолинской области сообщил, что в апреле в Кокшетау открылся новый кирпичный завод. Он обошелся в "
     "2,1 млрд тенге, создано 95 рабочих мест. Завод керамзита и завод тротуарной плитки будут запущены в "
     "августе. Их продукция пойдет местным строителям.", "ru"),
    ("Ақмола облысында кірпіш зауыты ашылды\n"
     "Облыс әкімінің айтуынша, сәуірде Көкшетауда жаңа кірпіш зауыты ашылды. Оның құны 2,1 млрд теңге, 95 жұмыс "
     "орны ашылды. Керамзит зауыты мен тротуар плиткасы зауыты тамызда іске қосылады. Олардың өнімі жергілікті "
     "құрылысшыларға жіберіледі.", "kk"),
]


@pytest.mark.parametrize("text, language", CASES)
def test_plants_of_other_kinds_after_a_plant_are_records_of_their_own(text, language):
    records = extract_announcements(text, None, language, None)
    assert len(records) == 3, records
    brick, *others = records
    assert brick["investment_kzt"] == 2_100_000_000 and brick["status"] == "commissioned", brick
    assert all(r["investment_kzt"] is None and r["status"] == "planned" for r in others), others
    assert {r["sector"] for r in records} == {"building_materials"}


def test_the_plant_of_one_concept_stays_the_complex_named_before_guard():
    # "The mineral fertilizer plant" after "a chemical complex": no concept tells them apart
    text = ("Fertilizer maker to build chemical complex\n"
            "On June 3, Agrokhim and a Chinese contractor signed a contract to build a chemical complex in Taraz. "
            "The mineral fertilizer plant will produce 600,000 tons a year. The facility will cost $800 million.")
    records = extract_announcements(text, None, "en", None)
    assert len(records) == 1 and records[0]["investment_usd"] == 800_000_000, records
