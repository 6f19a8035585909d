"""Issue 11, titles: a Kazakh title is read as Kazakh because the article is Kazakh, not because
the phrase happens to carry a letter only Kazakh writes. "Облыста кен байыту фабрикасы салынады"
(an ore-dressing mill will be built) has none, was parsed as Russian, and its title was cut to
"фабрикасы". The extractor now tells the title reader the document's language (a context
variable, remembered with each phrase). Tested in new words; each case failed before.
"""
import pytest

from kzmon.extract.announcements import extract_announcements
from kzmon.extract.announcements.titles import facility_phrase


@pytest.mark.parametrize("text, title", [
    ("Облыста кен байыту фабрикасы салынады.", "кен байыту фабрикасы"),
    ("Облыста макарон фабрикасы салынады.", "макарон фабрикасы"),
    ("Облыста мыс байыту фабрикасы салынады.", "мыс байыту фабрикасы"),
])
def test_a_kazakh_title_without_kazakh_letters_keeps_its_modifiers(text, title):
    records = extract_announcements(text, None, "kk", None)
    assert [r["title"] for r in records] == [title], records


def test_the_same_words_outside_a_kazakh_article_are_read_as_before_guard():
    # no document language: the phrase alone decides, as it did (and the cache keeps the two apart)
    extract_announcements("Облыста кен байыту фабрикасы салынады.", None, "kk", None)
    assert facility_phrase("Облыста кен байыту фабрикасы салынады.").title == "фабрикасы"
