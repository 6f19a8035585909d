"""A photo's credit line ("Стоковые изображения от Depositphotos", "Суретті түсірген ...") is page
furniture: a dev article of round 12 gave the stock agency as the firm of three plants. Tested in new
words; each case failed before the rule.
"""
import pytest

from kzmon.extract.announcements import extract_announcements
from kzmon.extract.text import clean_text


@pytest.mark.parametrize("text, language, credit", [
    ("В Сарани построят завод по выпуску труб.\nСтоковые изображения от Shutterfoto\n"
     "Завод построит ТОО «Трубный завод Сарань» за 5 млрд тенге.", "ru", "Shutterfoto"),
    ("Сарыағашта құбыр зауыты салынады.\nЗауытты «Оңтүстік Құбыр» ЖШС 5 млрд теңгеге салады.\n"
     "Суретті түсірген Ерлан Омаров", "kk", "Ерлан"),
])
def test_a_photo_credit_line_is_page_furniture(text, language, credit):
    cleaned = clean_text(text)
    assert credit not in cleaned and cleaned.splitlines()[0] == text.splitlines()[0]
    records = extract_announcements(cleaned, None, language, None)
    assert records and not any(credit in " ".join(r["companies"]) + r["title"] for r in records), records
