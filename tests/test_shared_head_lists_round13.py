"""Plants named by one plural head over a list of what each makes (dev round 3, Saran and
Karaganda reports): "new production facilities for cathode copper, silicon alloys, wind power
towers, galvanized metal products, etc. are to be opened" (after "Among other things", which
compares nothing), "строятся заводы – шинный, бытовой техники Artel, горячего цинкования ..."
(adjectives and genitives after a dash), "Олар – шина жасайтын, ... құбырларын және мырышталған
болат өндіретін зауыттардың құрылысы" (participles before the head; an object shares the last
participle). One record per item; a firm written inside one item is that item's alone."""
import pytest

from kzmon.extract.announcements import extract_announcements

TEXTS = {
    "en": ("Pavlodar region to open new plants\n"
           "Among other things, new production facilities for ferrochrome, aluminium wire, railway sleepers, "
           "paint products, etc. are to be opened."),
    "ru": ("В Экибастузе строят новые заводы\n"
           "В промзоне Экибастуза строятся заводы – кабельный, бытовой химии Tazalyk, горячего цинкования и "
           "железнодорожных шпал."),
    "kk": ("Екібастұзда жаңа зауыттар салынуда\n"
           "Екібастұз өнеркәсіп аймағында төрт жоба іске асырылуда. Олар – кабель шығаратын, Tazalyk тұрмыстық "
           "химиясын өндіретін, ыстық мырыштайтын және темір жол шпалдарын жасайтын зауыттардың құрылысы."),
}
EXPECTED = {"en": ["ferrochrome", "aluminium", "sleeper", "paint"],
            "ru": ["кабельн", "химии", "цинкован", "шпал"],
            "kk": ["кабель", "химия", "мырыш", "шпал"]}


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_one_record_per_item_of_a_shared_head(language):
    projects = [r for r in extract_announcements(TEXTS[language], None, language, None) if r["kind"] == "project"]
    assert len(projects) == 4
    for project, stem in zip(projects, EXPECTED[language]):
        assert stem in project["title"].lower()
    assert all(r["regions"] == ["KZ-55"] for r in projects)


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_a_firm_inside_one_item_is_that_items_alone(language):
    projects = [r for r in extract_announcements(TEXTS[language], None, language, None) if r["kind"] == "project"]
    assert [bool(r["companies"]) for r in projects] == [False, True, False, False]


def test_a_comparison_still_names_one_facility():
    text = ("Car plant opened\nThe new plant ranks among the most automated car plants in the region, "
            "the Kostanay akimat said after its launch.")
    records = extract_announcements(text, None, "en", None)
    assert not [r for r in records if r["kind"] == "program"]
