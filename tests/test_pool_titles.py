"""Issue 11, titles: "a program title says what the pool is and when: '206 regional
industrialization projects (2020)'". A region announces a pool every year; "metallurgy projects"
alone told this year's from last year's in no digest. Tested in new words; each case failed before.
"""
import pytest

from kzmon.extract.announcements import extract_announcements


@pytest.mark.parametrize("text, language", [
    ("In 2024 the region will carry out 14 metallurgy projects worth 310 billion tenge.", "en"),
    ("В 2024 году в области реализуют 14 проектов в металлургии на 310 млрд тенге.", "ru"),
    ("2024 жылы облыста жалпы құны 310 млрд теңгені құрайтын 14 металлургия жобасы іске асырылады.", "kk"),
])
def test_a_pool_title_says_how_many_and_when(text, language):
    pools = [r for r in extract_announcements(text, None, language, None) if r["kind"] == "program"]
    assert len(pools) == 1, pools
    title = pools[0]["title"]
    assert title.startswith("14 ") and title.endswith("(2024)"), title
    assert pools[0]["project_count"] == 14


def test_a_pool_without_a_year_keeps_its_count_only():
    pools = [r for r in extract_announcements("The region will carry out 14 metallurgy projects worth 310 billion tenge.",
                                              None, "en", None) if r["kind"] == "program"]
    assert len(pools) == 1 and pools[0]["title"].startswith("14 ") and "(" not in pools[0]["title"], pools


@pytest.mark.parametrize("text, count", [
    ("Облыста жалпы құны 90 млрд теңгені құрайтын 5 машина жасау жобасы іске асырылады.", 5),
    ("Өңірде 266 млрд теңгеге 7 газ инфрақұрылымы жобасы жүзеге асырылады.", 7),
])
def test_a_kazakh_count_before_nouns_that_modify_its_noun_is_a_pool(text, count):
    # "машина жасау жобасы": the modifiers carry no letter only Kazakh writes and were parsed as
    # Russian words (not adjectives), so the count was no count and the pool a project
    pools = [r for r in extract_announcements(text, None, "kk", None) if r["kind"] == "program"]
    assert [p["project_count"] for p in pools] == [count], pools


def test_a_kazakh_word_in_a_case_before_the_noun_is_no_modifier_guard():
    # "5 айында" is "in five months": the number counts months, not the productions after it
    records = extract_announcements("Кәсіпорын 5 айында металл өндірісін екі есеге арттырды.", None, "kk", None)
    assert not any(r.get("project_count") == 5 for r in records), records
