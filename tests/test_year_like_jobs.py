"""A number between 1990 and 2100 that counts jobs is jobs, not a year (issue 11: figures decided
per figure; "Появится более 2000 рабочих мест" gave no jobs and the period, and for an undated
article the year, "2000"). Read on dev articles of round 9, tested in new words; each case
failed before the rule unless its docstring calls it a guard."""
import pytest

from kzmon.extract.announcements import extract_announcements
from kzmon.extract.announcements.periods import year_in_text

CASES = [
    ("В Туркестанской области построят текстильную фабрику. Появится более 2000 рабочих мест.", "ru"),
    ("Түркістан облысында тоқыма фабрикасы салынады. Өндіріс басталған соң 2000-нан астам жаңа жұмыс орны пайда болады.", "kk"),
    ("A textile factory will be built in Turkistan region. It will create 2000 jobs.", "en"),
]


@pytest.mark.parametrize("text, language", CASES)
def test_a_year_like_number_of_jobs_is_jobs(text, language):
    projects = [r for r in extract_announcements(text, None, language, None) if r["kind"] == "project"]
    assert [p["jobs"] for p in projects] == [2000], projects
    assert all(p["period"] != "2000" for p in projects)


@pytest.mark.parametrize("text, language", CASES)
def test_it_is_not_the_year_of_an_undated_article(text, language):
    assert year_in_text(text) is None


@pytest.mark.parametrize("text, language", [
    ("The plant will open by 2030, jobs will follow.", "en"),
    ("A cement plant will be built in Shymkent by 2030 jobs are to follow.", "en"),
])
def test_a_year_after_by_stays_a_year(text, language):
    """Guard: "by 2030" is a time even when "jobs" follows it."""
    records = extract_announcements(text, None, language, None)
    assert all(r["jobs"] != 2030 for r in records)
