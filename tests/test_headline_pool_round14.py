"""A headline's pool that the body's pools all contradict is a pool of its own ("Двенадцать
проектов на 221 млрд тенге реализуют в Карагандинской области" over a body that counts "10
предприятий" of a zone, dev round 4): it was dropped because the body had pools."""
import pytest

from kzmon.extract.announcements import extract_announcements

TEXTS = {
    "ru": ("Двенадцать проектов на 221 млрд тенге реализуют в Карагандинской области\n"
           "В регионе появляются новые производства. В СЭЗ «Сарыарка» уже действуют 10 предприятий."),
    "en": ("Twelve projects worth 221 billion tenge to be carried out in Karaganda region\n"
           "New production facilities keep appearing in the region. Ten enterprises already operate in the Saryarka SEZ."),
    "kk": ("Қарағанды облысында 221 млрд теңгеге он екі жоба жүзеге асырылады\n"
           "Өңірде жаңа өндірістер ашылуда. «Сарыарқа» АЭА-да қазір 10 кәсіпорын жұмыс істейді."),
}


@pytest.mark.parametrize("language", ["ru", "en", "kk"])
def test_the_headlines_own_pool_stays(language):
    pools = [r for r in extract_announcements(TEXTS[language], None, language, None) if r["kind"] == "program"]
    assert any(r["project_count"] == 12 and r["investment_kzt"] == 221_000_000_000 for r in pools)
