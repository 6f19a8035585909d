"""Issue 11, found on round 20's dev articles (two tailings plants at Lisakovsk, an undated report)
and tested in new words.

- Works starting now are works under way: "начинают строить два завода", "приступают к
  возведению", "are starting to build", "салуды бастап жатыр" were read as plans (only the past,
  "начали строить", was known).
- History is background (the spec: "News, not background"): a sentence whose every date lies ten
  years or more before the article's year and that states no plan tells how the site came to be
  ("the mining complex nearby was opened in 1957", "В 1970 году ... создали горно-обогатительный
  комбинат"). It made a record of its own, and in an undated article lent the open record its year.
  An undated article's latest year stands in for its own.
"""
import pytest

from kzmon.extract.announcements import extract_announcements


def _records(text: str, lang: str, published: str | None = "2025-10-31") -> list[dict]:
    return extract_announcements(text, published, lang)


@pytest.mark.parametrize("lang, text", [
    ("ru", "Новости\nВ Лисаковске начинают строить завод по переработке железосодержащих хвостов."),
    ("ru", "Новости\nВ Костанайской области приступают к возведению завода по обогащению руды."),
    ("en", "News\nKazakh and Iranian partners are starting to build an ore processing plant in Lisakovsk."),
    ("kk", "Жаңалықтар\nҚостанай облысында кен байыту зауытын салуды бастап жатыр."),
    ("ru", "Новости\nВ Лисаковске начали строить завод по переработке хвостов."),   # guard
])
def test_works_starting_now_are_under_way(lang, text):
    records = _records(text, lang)
    assert [(r["kind"], r["status"], r["regions"]) for r in records] == [("project", "under_construction", ["KZ-39"])], records


@pytest.mark.parametrize("lang, text", [
    ("en", "News\nERG will build a pellet plant in Rudny for 50 billion tenge. "
           "The Sokolov-Sarybai mining complex nearby was opened in 1957 and employs 2000 people."),
    ("kk", "Жаңалықтар\nERG Рудныйда 50 млрд теңгеге окатыш зауытын салады. "
           "Жанындағы Соколов-Сарыбай кен байыту комбинаты 1957 жылы іске қосылған."),
    ("ru", "Новости\nERG построит в Рудном фабрику окатышей за 50 млрд тенге. "
           "Соседний Соколовско-Сарбайский горно-обогатительный комбинат открыли в 1957 году."),
])
def test_a_plant_opened_decades_ago_is_background(lang, text):
    records = _records(text, lang)
    assert len(records) == 1 and records[0]["investment_kzt"] == 50_000_000_000, records
    assert records[0]["period"] != "1957", records


def test_an_undated_article_reads_its_age_from_its_latest_year():
    text = ("Новости\nВ Лисаковске Костанайской области строят завод по переработке хвостов. Инвестиции превысят "
            "110 миллионов долларов, работы завершат в 2027 году. Месторождение железных руд в Лисаковске "
            "открыли в 1949 году.")
    records = _records(text, "ru", None)
    assert len(records) == 1 and "завод по переработке хвостов" in records[0]["title"], records
    assert records[0]["period"] == "2027", records


@pytest.mark.parametrize("lang, text", [
    ("en", "News\nThe Sokolov-Sarybai mining complex, opened in 1957, will be modernized by 2027 for 300 billion tenge."),
    ("ru", "Новости\nВ Рудном в 2018 году открыли фабрику окатышей за 20 млрд тенге."),
])
def test_a_plan_or_a_recent_year_is_news(lang, text):
    """Guards: a plan for an old plant is news; so is a year less than ten years before the article's."""
    assert len(_records(text, lang, "2019-03-01" if lang == "ru" else "2025-10-31")) == 1
