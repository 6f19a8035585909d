"""Jobs wordings and permanent-versus-construction jobs, status cues and sector words of real
reporting (issue 11, fields)."""
import pytest

from kzmon.extract.announcements.figures import find_figures
from kzmon.extract.announcements.vocabulary import sector_of, status_of


def permanent_jobs(text, language):
    return [f.value for f in find_figures(text, language) if f.kind == "jobs" and "construction" not in f.notes]


@pytest.mark.parametrize("text,language,jobs", [
    ("The plant is set to provide 1,500 well-paid jobs.", "en", [1500]),
    ("The project will create 300 permanent and 1,000 temporary jobs.", "en", [300]),
    ("The plant will have a workforce of 450.", "en", [450]),
    ("Заработал комбинат за 2,9 млрд тенге, работу там получили 50 человек.", "ru", [50]),
    ("На работу приняли 20 человек.", "ru", [20]),
    ("Компания потратила на новую линию 2 млрд тенге и наняла 60 человек.", "ru", [60]),
    ("На этапе стройки – 2 тыс. рабочих мест, после запуска – 500.", "ru", [500]),
])
def test_permanent_jobs(text, language, jobs):
    assert permanent_jobs(text, language) == jobs


@pytest.mark.parametrize("text,status", [
    ("Tokayev went to the construction site of the KIA automobile plant.", "under_construction"),
    ("The PM launched the implementation of three joint car industry projects.", "under_construction"),
    ("Строительство ветряной электростанции начала китайская компания.", "under_construction"),
    ("В зоне «Кайрат» на 19 проектах идут строительно-монтажные работы.", "under_construction"),
    ("Облыста тағы бір зауыттың іргетасы қаланды.", "under_construction"),
    ("Жел электр станциясының құрылысы қолға алынды.", "under_construction"),
    ("До конца года планируют завершить строительство птицефабрики.", "under_construction"),
    ("In the past five years, Turkish investors have carried out 18 projects.", "commissioned"),
    ("Its value is put at 78.2 billion tenge, and it created 500 jobs.", "commissioned"),
    ("Один из проектов уже введен – кирпичный завод.", "commissioned"),
    ("Іске қосылған ірі жобалар қатарында логистикалық парк бар.", "commissioned"),
    ("The wind farm was put into full operation on June 20.", "commissioned"),
    ("Ірі цемент зауыты Қордай ауданында салынбақ.", "planned"),
])
def test_status_cues(text, status):
    assert status_of(text) == status


@pytest.mark.parametrize("text,sector", [
    ("фабрика по выпуску овсяных хлопьев", "agro_food"),
    ("домостроительный комбинат", "building_materials"),
    ("производство лакокрасочной продукции", "chemicals"),
    ("фабрика, выпускающая шерстяные изделия", "light_industry"),
    ("шойын құю зауыты", "metallurgy"),
    ("Dala Glass әйнек зауыты", "building_materials"),
    ("KIA автокөлік зауыты", "automotive"),
    ("aluminum cans in Shymkent", "metal_products"),
    ("производство изделий медицинского назначения", "pharma"),
    ("два крупных проекта в секторе ВИЭ", "energy"),
    ("подъездные автодороги и железнодорожные пути к заводу", "infrastructure"),
])
def test_sector_words(text, sector):
    assert sector_of(text)[0] == sector


def test_a_programmes_name_is_no_industrial_zone():
    # "индустриализации", "индустриально-инновационного": the name of a state programme
    assert sector_of("проекты Карты индустриализации")[0] is None
    assert sector_of("в индустриальной зоне города")[0] == "infrastructure"


@pytest.mark.parametrize("text, status", [
    # the cue nearest the facility is its status; a future elsewhere in the sentence is its output
    ("The plant, put into operation in May, will employ 300 people.", "commissioned"),
    ("Завод, который ввели в эксплуатацию в мае, будет выпускать 200 тысяч тонн.", "commissioned"),
    ("Зауыт биыл пайдалануға берілді, келесі жылы екінші кезеңі салынады.", "commissioned"),
    # a modal right before the verb governs it
    ("The factory will be put into operation next year.", "planned"),
    ("Завод планируется ввести в эксплуатацию в 2026 году.", "planned"),
])
def test_the_status_of_a_facility_is_the_cue_nearest_it(text, status):
    from kzmon.extract.announcements import extract_announcements
    from kzmon.extract.announcements.vocabulary import status_near

    head = min(i for i in (text.find("plant"), text.find("factory"), text.find("Завод"), text.find("Зауыт")) if i >= 0)
    assert status_near(text, head) == status
    assert [r["status"] for r in extract_announcements(text, None)][:1] in ([status], [])
