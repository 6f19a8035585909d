"""Issue 11, found on a dev article (Karaganda's twelve projects: "Индустриальная зона в Сарани
расширяется") and tested in new words: works on a working site said in the present, with a verb
of its own, are under way. "расширяется", "модернизируется", "is expanding", "кеңейтілуде" were no
status cue, so a sentence that says only this made no record.
"""
import pytest

from kzmon.extract.announcements import extract_announcements


def _records(text: str, lang: str) -> list[dict]:
    return extract_announcements(text, "2025-03-01", lang)


@pytest.mark.parametrize("lang, text, region", [
    ("ru", "Новости\nИндустриальная зона в Сарани расширяется. Там появятся новые заводы.", "KZ-35"),
    ("ru", "Новости\nПавлодарский нефтехимический завод модернизируется.", "KZ-55"),
    ("en", "News\nThe Saran industrial zone is expanding.", "KZ-35"),
    ("kk", "Жаңалықтар\nСарандағы индустриялық аймақ кеңейтілуде.", "KZ-35"),
])
def test_works_on_a_site_said_in_the_present_are_under_way(lang, text, region):
    records = _records(text, lang)
    assert [(r["kind"], r["status"], r["regions"]) for r in records] == [("project", "under_construction", [region])], records


def test_a_firm_expanding_its_output_stays_its_expansion():
    """Guard: "is expanding its bottling output" is the firm's expansion project (expansion_patterns)."""
    records = _records("News\nAral Beverages is expanding its bottling output in Aralsk with an investment of 30 billion tenge.", "en")
    assert [(r["title"], r["status"]) for r in records] == [("Aral Beverages bottling output expansion", "under_construction")], records
