"""Kazakh in the Latin alphabet of 2018 (round 5: an akimat's visit report published so by its
outlet) is read like Kazakh in Cyrillic, and its records come back in the article's own script."""
from kzmon.extract.announcements import extract_announcements
from kzmon.extract.kazakh_latin import is_kazakh_latin, to_cyrillic, to_latin
from kzmon.extract.language import detect_language

VISIT = ("Óńir basshysy Túpqaraǵandaǵy nysandardy aralady\n"
         "Saparynda aımaq basshysy Mańǵystaý oblysynda salynyp jatqan «Qus fabrıkasynda» boldy. Jobaǵa salynatyn "
         "ınvestıtsııa – 6 mlrd teńge. Kásiporyn iske qosylǵannan keıin 150 adam turaqty jumysqa alynady.")


def test_a_latin_kazakh_text_is_kazakh_and_english_or_turkish_is_not():
    assert is_kazakh_latin(VISIT) and detect_language(VISIT) == "kk"
    assert not is_kazakh_latin("Kazakhstan will build a plant in Almaty region, the akimat said.")
    assert not is_kazakh_latin("Türkiye'de yeni bir fabrika açıldı ve yatırım yapıldı.")
    assert detect_language("Kazakhstan will build a plant in Almaty region.") == "en"


def test_spelling_goes_to_cyrillic_and_back_unchanged():
    cyrillic = to_cyrillic(VISIT)
    assert "Маңғыстау облысында" in cyrillic and "инвестиция" in cyrillic and "аймақ" in cyrillic
    assert to_latin(cyrillic) == VISIT


def test_names_outside_the_alphabet_stay_as_written():
    assert to_cyrillic("KIA men Coca-Cola zaýyty") == "KIA мен Coca-Cola зауыты"


def test_a_latin_kazakh_article_gives_its_record_in_latin():
    title, body = VISIT.split("\n", 1)
    records = extract_announcements(body, None, None, title)
    projects = [r for r in records if r["kind"] == "project"]
    assert len(projects) == 1
    plant = projects[0]
    assert (plant["investment_kzt"], plant["jobs"], plant["regions"]) == (6_000_000_000, 150, ["KZ-47"])
    assert "fabrıka" in plant["title"].lower() and not any("\u0400" <= c <= "\u04ff" for c in plant["title"] + plant["evidence"])
