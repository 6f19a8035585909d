"""Issue 11, what is and is not a record: how many firms of an industry make their goods today is the
industry's stock, not a pool of projects. "В области муку производят 70 мукомольных предприятий" and
"70 flour enterprises produce up to 2 million tons of flour a year" gave a pool of 70 planned projects
(a negative article's only output): only "work", "operate" marked a stock. New firms that will begin to
make something stay a pool. Tested in new words.
"""
import pytest

from kzmon.extract.announcements import extract_announcements


def _records(text: str, lang: str) -> list[dict]:
    return extract_announcements(text, "2024-02-09", lang)


@pytest.mark.parametrize("lang, text", [
    ("en", "Across the region, 70 flour enterprises produce up to 2 million tons of flour a year."),
    ("ru", "В области муку производят 70 мукомольных предприятий."),
    ("kk", "Облыста 70 ұн тарту кәсіпорны жылына 2 млн тонна ұн өндіреді."),   # read before
])
def test_the_firms_that_make_an_industrys_goods_today_are_no_pool(lang, text):
    assert _records(text, lang) == []


def test_new_firms_that_will_make_goods_stay_a_pool_guard():
    records = _records("До конца года 10 новых предприятий начнут производить муку.", "ru")
    assert [r["project_count"] for r in records] == [10], records
