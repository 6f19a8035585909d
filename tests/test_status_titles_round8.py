"""Round 8: future "starts working" status cues (with guards) and titles of works on a facility."""
from kzmon.extract.announcements import extract_announcements
from kzmon.extract.announcements.titles import facility_title
from kzmon.extract.announcements.vocabulary import status_of


def test_future_start_of_work_is_planned_ru():
    assert status_of("В ноябре в Костанае заработает крупный мельничный комплекс мощностью 700 т муки в сутки.") == "planned"
    assert status_of("Предприятие начнёт работу уже в 2026 году, сообщает пресс-служба.") == "planned"
    assert status_of("Фабрику введут в эксплуатацию в четвёртом квартале.") == "planned"


def test_future_start_of_work_is_planned_kk():
    assert status_of("Қызылордада шыны зауыты биыл шілдеде жұмысын бастайды.") == "planned"
    assert status_of("Кәсіпорын 2031 жылдың 1 қаңтарынан бастап жұмыс істей бастайды.") == "planned"


def test_future_start_of_work_guards():
    # the new cues hold; their guarded uses say nothing of the plant's status
    assert status_of("В Шымкенте заработает завод по выпуску кабеля.") == "planned"
    assert status_of("Когда комплекс заработает, в районе станет больше рабочих мест.") is None
    assert status_of("Как только завод введут в эксплуатацию, налоги пойдут в местный бюджет.") is None
    assert status_of("Когда все объекты заработают, Казахстан выйдет на второе место.") is None
    assert status_of("Зимой комбинат заработает на полную мощность.") is None
    assert status_of("В городе заработает новый механизм поддержки бизнеса.") is None


def test_works_title_keeps_its_object_ru():
    assert facility_title("Казахстан и Китай взялись за проект расширения Шымкентского НПЗ до 12 млн тонн", []) \
        == "расширение Шымкентского НПЗ"
    assert facility_title("При расширении сухого порта модернизировали 2 железнодорожных пути.", []) \
        == "расширение сухого порта"
    assert facility_title("Началась реконструкция Павлодарского нефтехимического завода.", []).startswith("реконструкция ")


def test_headline_names_the_facility_of_a_works():
    headline = "Казахстан и Китай взялись за проект расширения Шымкентского НПЗ до 12 млн тонн"
    body = ("Стороны обсудили подготовку технико-экономического обоснования проекта. "
            "Главным итогом переговоров стало подтверждение конфигурации расширения завода по схеме \"6+6\": "
            "будут построены две технологические нитки мощностью по 6 млн тонн каждая.")
    records = extract_announcements(body, title=headline)
    assert any("Шымкентского НПЗ" in r["title"] for r in records)
