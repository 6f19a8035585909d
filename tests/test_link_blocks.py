"""The bulleted headlines of other articles under a "Лента новостей" or "Related news" heading are
page furniture, not article text (issue 11, real reporting keeps such blocks: a link to a story about
a waste firm in another region gave a heat plant a second record with that firm and region). Read on
a dev article of round 11, tested in new words; each case failed before the rule."""
import pytest

from kzmon.extract.announcements import extract_announcements
from kzmon.extract.text import clean_text

CASES = [
    ("На столичной ТЭЦ-3 ввели в работу третий котел.\nЧитайте также:\nЛента новостей\n"
     "- В Костанае запустили завод по выпуску шин компании Kama\n- В Алматы прошел концерт", "ru", "Kama"),
    ("Астанадағы ЖЭО-3 үшінші қазандығы іске қосылды.\nСоңғы жаңалықтар\n"
     "- Қостанайда Kama компаниясының шина зауыты ашылды\n- Алматыда концерт өтті", "kk", "Kama"),
    ("The third boiler of Astana's CHP-3 was put into operation.\nRelated news\n"
     "- Kama tyre plant opened in Kostanay\n- A concert was held in Almaty", "en", "Kama"),
]


@pytest.mark.parametrize("text, language, other", CASES)
def test_the_headlines_under_a_link_heading_are_dropped(text, language, other):
    cleaned = clean_text(text)
    assert other not in cleaned and cleaned.splitlines()[0] == text.splitlines()[0]


@pytest.mark.parametrize("text, language, other", CASES)
def test_the_other_articles_plants_make_no_record(text, language, other):
    records = extract_announcements(clean_text(text), None, language, None)
    assert not any(other in r["title"] or other in " ".join(r["companies"]) for r in records), records


def test_a_bulleted_list_of_the_article_itself_stays():
    """Guard: bullets under the article's own words (no link heading) are its text."""
    text = "В области запустят два завода:\n- завод по выпуску шин;\n- цементный завод."
    assert clean_text(text) == text
