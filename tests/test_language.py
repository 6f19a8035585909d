"""Language detection on sentences written for these tests."""
import pytest

from kzmon.extract.language import detect_language


@pytest.mark.parametrize("text, lang", [
    ("The government approved 21 metallurgy projects worth 464 billion tenge.", "en"),
    ("Правительство одобрило 21 проект в металлургии на 464 млрд тенге.", "ru"),
    ("Үкімет металлургия саласындағы 21 жобаны мақұлдады.", "kk"),
    # short texts and titles
    ("Steel plant", "en"),
    ("Новый завод", "ru"),
    ("Жаңа зауыт", "kk"),
    ("Қазақстан", "kk"),
    # Russian text naming Kazakh places keeps its language
    ("Комбинат построят в области Жетісу, рядом с рекой, на территории индустриальной зоны "
     "площадью 120 гектаров, сообщает пресс-служба акимата.", "ru"),
    # English text quoting a Russian name or a Kazakh title
    ("The plant, called «Темир», will open in Taraz next spring, the ministry said on Monday.", "en"),
    ("Zhanaozen's new polymer plant «Жаңа өнім» starts in May, according to the regional akimat.", "en"),
    # Russian text quoting an English company
    ("Компания Eurasian Resources Group построит завод в Павлодарской области.", "ru"),
    # Kazakh typed without Kazakh letters
    ("Облыста жане калада жана зауыт салынып жатыр, бул туралы акимдик хабарлады.", "kk"),
])
def test_detect_language(text, lang):
    assert detect_language(text) == lang


@pytest.mark.parametrize("text", [None, "", "2024", "— 12.05 —", "x"])
def test_no_language_without_letters(text):
    assert detect_language(text) is None
