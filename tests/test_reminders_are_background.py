"""Issue 11 and the spec's "News, not background": a sentence that opens by reminding the reader
("Напомним, в апреле 2024 года ...", "Еске салсақ, ...") and names a year retells earlier news. A
dev article of round 5 about one heat plant gave a second record, a pool of "three coal-fired
CHPs" from the agreement it recalled. The openers are data (months.yaml reminder_openers).
Tested in new words; the Russian and Kazakh cases failed before.
"""
import pytest

from kzmon.extract.announcements import extract_announcements

CASES = [
    ("Строительство ТЭЦ в Семее начнется весной\n"
     "Активная фаза строительства ТЭЦ в Семее начнется весной 2026 года, сообщили в акимате области. Напомним, "
     "в апреле 2024 года Казахстан и Россия подписали соглашение о строительстве трех угольных ТЭЦ в Кокшетау, "
     "Семее и Усть-Каменогорске.", "ru"),
    ("Семейдегі ЖЭО құрылысы көктемде басталады\n"
     "Семейдегі жылу электр орталығының белсенді құрылысы 2026 жылдың көктемінде басталады, деп хабарлады облыс "
     "әкімдігі. Еске салсақ, 2024 жылдың сәуірінде Қазақстан мен Ресей Көкшетауда, Семейде және Өскеменде үш "
     "көмір ЖЭО-сын салу туралы келісімге қол қойды.", "kk"),
]


@pytest.mark.parametrize("text, language", CASES)
def test_a_recalled_agreement_is_no_record(text, language):
    records = extract_announcements(text, None, language, None)
    assert [r["regions"] for r in records] == [["KZ-10"]], records


def test_a_recalled_agreement_is_no_record_in_english_guard():
    text = ("Semey CHP construction to start in spring\nActive construction of the combined heat and power plant in "
            "Semey will start in the spring of 2026, the regional akimat said. Recall that in April 2024 Kazakhstan "
            "and Russia signed an agreement to build three coal-fired CHPs in Kokshetau, Semey and Ust-Kamenogorsk.")
    assert [r["regions"] for r in extract_announcements(text, None, "en", None)] == [["KZ-10"]]


def test_a_reminder_without_a_year_still_gives_its_figures_guard():
    # no year: the recalled sentence may be the only place of the plant's figures
    text = ("В Семее построят ТЭЦ\nВ Семее начнется строительство ТЭЦ. Напомним, стоимость проекта составит "
            "300 млрд тенге.")
    records = extract_announcements(text, None, "ru", None)
    assert [r["investment_kzt"] for r in records] == [300_000_000_000], records
