"""A firm named short beside its plant and in full elsewhere in the article is named in full
(issue 11: link mentions across the document). Each case failed before the rule."""
import pytest

from kzmon.extract.announcements import extract_announcements


@pytest.mark.parametrize("text, language, full", [
    ("Solidcore Resources plc has announced a new project in Kazakhstan.\n\n"
     "Solidcore Resources will build a hydrometallurgical plant in Ekibastuz for $580 million.", "en",
     "Solidcore Resources plc"),
    ("Глава Solidcore Resources plc рассказал Президенту о новом проекте.\n\n"
     "Компания Solidcore Resources построит гидрометаллургический комбинат в Экибастузе за 580 млн долларов.",
     "ru", "Solidcore Resources plc"),
    ("Fufeng will build a corn processing plant in Zhambyl region for 175 billion tenge.\n\n"
     "The investor is Fufeng Group, one of China's largest producers of amino acids.", "en", "Fufeng Group"),
])
def test_the_articles_fullest_form_of_a_firm_name(text, language, full):
    records = [r for r in extract_announcements(text, None, language, None) if r["kind"] == "project"]
    assert records and all(full in r["companies"] for r in records), records


def test_a_name_grows_only_by_corporate_words():
    """Guard: "Qarmet" followed elsewhere by a town is not the firm "Qarmet Temirtau"."""
    text = ("Qarmet will build a pipe plant in Temirtau for 10 billion tenge.\n\n"
            "Qarmet Temirtau workers welcomed the news.")
    records = [r for r in extract_announcements(text, None, "en", None) if r["kind"] == "project"]
    assert records and "Qarmet" in records[0]["companies"]
    assert not any("Qarmet Temirtau" in c for r in records for c in r["companies"])


def test_a_short_name_that_ends_in_a_corporate_word_grows_too():
    """"EuroChem Group" ... "EuroChem Group AG": the short form ends inside the run of corporate words."""
    text = ("The fertilizer maker EuroChem Group AG signed an agreement with the government.\n\n"
            "EuroChem Group will build a mineral fertilizer plant in Zhanatas for $1 billion.")
    records = [r for r in extract_announcements(text, None, "en", None) if r["kind"] == "project"]
    assert records and "EuroChem Group AG" in records[0]["companies"], records
