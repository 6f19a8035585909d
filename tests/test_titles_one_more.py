"""Titles say what a facility is (issue 11, item 4): "one more" says only that it is another, and a
"Read also" line of the page is no part of the article. Rules written on dev articles of corpus
round 10, tested in new words; each test failed before its rule unless its docstring calls it a guard."""
import pytest

from kzmon.extract.announcements import extract_announcements
from kzmon.extract_cli import extract_document


def _titles(text: str, language: str) -> list[str]:
    return [r["title"] for r in extract_announcements(text, None, language, None) if r["kind"] == "project"]


@pytest.mark.parametrize("text, language, kept, dropped", [
    ("Инвесторлар Петропавлда сабаннан қағаз өнімдерін шығаратын тағы бір зауыт салуды көздеп отыр.", "kk",
     "сабаннан қағаз", "бір"),
    ("Инвесторы намерены возвести в Петропавловске ещё один завод по выпуску бумаги из соломы.", "ru",
     "бумаги", "один"),
])
def test_one_more_is_no_part_of_the_title(text, language, kept, dropped):
    """"тағы бір" read as a place ("-тағы") had cut the title to "бір зауыт"; "ещё один завод" kept "один"."""
    titles = _titles(text, language)
    assert len(titles) == 1 and kept in titles[0] and dropped not in titles[0].split(), titles


def test_one_more_in_english():
    """"one more plant for the production of tyres" had kept "one more" in front."""
    titles = _titles("The company will build one more plant for the production of tyres in Saran.", "en")
    assert len(titles) == 1 and "tyres" in titles[0] and "one" not in titles[0].split()


@pytest.mark.parametrize("noise", [
    "Тағы да оқыңыздар: ЖКО 29 жастағы қала тұрғыны қаза тапты",
    "Тағы оқыңыз: ОКҚ облысында жол апаты болды",
])
def test_a_read_also_line_of_a_copied_page_is_not_article_text(noise):
    """`kzmon extract` on a text keeps the page's "read also" line out, as the fetched-page path does:
    its capitalised words had become the title's name ("ЖКО бір зауыт")."""
    text = ("Петропавлда қағаз фабрикасы салынуда\n\n"
            "Инвесторлар өңірде сабаннан қағаз өнімдерін шығаратын зауыт салуды көздеп отыр.\n\n" + noise + "\n")
    _, records = extract_document({"text": text, "language": "kk"}, None)
    assert records and not any(word in r["title"] for r in records for word in ("ЖКО", "ОКҚ")), records


@pytest.mark.parametrize("text, language, word", [
    ("A PVC pipe plant has already been put into operation in Turkistan region.", "en", "PVC"),
    ("A new LNG terminal will be built in Aktau.", "en", "LNG"),
    ("В Шымкенте запущен новый ПВХ завод за 2 млрд тенге.", "ru", "ПВХ"),
])
def test_a_materials_acronym_stays_in_the_title(text, language, word):
    """"PVC", "LNG", "ПВХ" say what a plant makes; read as names, they had been cut from titles."""
    assert any(word in t for t in _titles(text, language)), _titles(text, language)


def test_a_passive_status_has_its_facility_before_it():
    """"A PVC pipe plant has been put into operation to serve the cluster": the plant is the news; the
    cluster after the verb is what it serves (it had continued the cluster's record)."""
    text = ("Xinjiang Lihua will build a cotton-textile cluster in Turkistan region worth 200 billion tenge.\n\n"
            "A PVC pipe plant has already been put into operation to serve the cluster.")
    titles = _titles(text, "en")
    assert len(titles) == 2 and any("PVC" in t for t in titles), titles
