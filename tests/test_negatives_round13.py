"""Negatives of round 3 that gave records (dev): an industry's output ("өнеркәсіп кәсіпорындары
... 353103,5 млн. теңгенің өнімін шығарды"), an industry's stock of working firms ("в мукомольной
отрасли работают порядка 270 предприятий"), playgrounds ("детские и воркаут-площадки").
Invented sentences in those shapes; an industrial zone's firms stay a pool."""
import pytest

from kzmon.extract.announcements import extract_announcements

NOTHING = [
    ("Облыс экономикасы\nПавлодар облысының өнеркәсіп кәсіпорындары қаңтар-мамырда 512 400,2 млн теңгенің өнімін шығарды.", "kk"),
    ("Экономика региона\nПредприятия области за пять месяцев произвели продукции на 512,4 млрд тенге.", "ru"),
    ("Мука\nСегодня в мукомольной отрасли работают порядка 180 предприятий общей мощностью 6,1 млн тонн зерна в год.", "ru"),
    ("Flour\nToday across the milling industry there are some 180 enterprises with a capacity of 6.1 million tons a year.", "en"),
    ("Ұн\nҰн тарту саласында 180 кәсіпорын жұмыс істейді, олардың қуаты жылына 6,1 млн тонна.", "kk"),
    ("Бюджет\n80 млн тенге выделят на детские и воркаут-площадки в микрорайонах.", "ru"),
    ("Budget\n80 million tenge will go to new playgrounds in the city's districts.", "en"),
    ("Бюджет\nШағын аудандардағы балалар алаңдарына 80 млн теңге бөлінеді.", "kk"),
]


@pytest.mark.parametrize("text, language", NOTHING)
def test_the_economy_and_playgrounds_are_no_records(text, language):
    assert extract_announcements(text, None, language, None) == []


def test_an_industrial_zones_firms_stay_a_pool():
    text = "Индустриальная зона\nВ индустриальной зоне Экибастуза действуют 14 предприятий, созданы 1200 рабочих мест."
    records = extract_announcements(text, None, "ru", None)
    assert [r["project_count"] for r in records if r["kind"] == "program"] == [14]
