"""A ground-breaking told in a headline ("Work begins in Zhambyl region on Central Asia's biggest
corn processing plant", dev round 3, the Fufeng chain) is the record the body's "The plant ...",
"Total investment ..." continue; its jobs "while it is being built" are construction jobs and the
ones "once it is operating" the record's."""
import pytest

from kzmon.extract.announcements import extract_announcements
from kzmon.extract.announcements.figures import find_figures

TEXTS = {
    "en": ("Work begins in Kostanay region on the country's biggest soybean crushing plant\n"
           "The foundation-laying ceremony was attended by the governor.\n"
           "The plant is designed to process 600,000 tons of soybeans a year. Total investment is put at 150 billion tenge.\n"
           "In all, the project will create 2,000 jobs while it is being built and 700 jobs once it is operating."),
    "ru": ("В Костанайской области начали строить крупнейший в стране завод по переработке сои\n"
           "На церемонии закладки капсулы присутствовал аким области.\n"
           "Завод рассчитан на переработку 600 тыс. тонн сои в год. Общие инвестиции составят 150 млрд тенге.\n"
           "Всего на время строительства будет создано 2 тыс. рабочих мест, после запуска – 700."),
    "kk": ("Қостанай облысында елдегі ең ірі соя өңдеу зауытының құрылысы басталды\n"
           "Іргетас қалау рәсіміне облыс әкімі қатысты.\n"
           "Зауыт жылына 600 мың тонна соя өңдеуге арналған. Жалпы инвестиция көлемі 150 млрд теңге.\n"
           "Құрылыс кезінде 2 мың жұмыс орны, іске қосылғаннан кейін 700 тұрақты жұмыс орны ашылады."),
}


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_a_headline_ground_breaking_is_the_record_the_body_fills(language):
    projects = [r for r in extract_announcements(TEXTS[language], None, language, None) if r["kind"] == "project"]
    assert len(projects) == 1
    assert projects[0]["status"] == "under_construction"
    assert projects[0]["investment_kzt"] == 150_000_000_000 and projects[0]["jobs"] == 700


def test_jobs_while_it_is_being_built_are_construction_jobs():
    figures = find_figures("The project will create 6,000 jobs while it is being built and 1,500 jobs once it is "
                           "operating.", "en")
    assert [(f.value, "construction" in f.notes) for f in figures if f.kind == "jobs"] == [(6000, True), (1500, False)]
