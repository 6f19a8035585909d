"""Issue 11, found on dev articles and tested in new words: a facility of another kind than the one
the article opened with is a record of its own.

- "Инвесторы намерены возвести ещё один завод, который ...": "ещё один" (masculine) marks one more
  facility as "ещё одна", "another" and "тағы бір" did; the plant was read as the open one again.
- A data centre is a facility ("data centre", "дата-центр", "центр обработки данных", "деректер
  орталығы"), of infrastructure.
- A body's "дата-центр" while the headline's copper smelter is open is not the smelter: a one-word
  facility that names its kind neither points back to the open plant nor borrows its title, and the
  headline's smelter, whose figures the data centre's contradict, stays a record of its own.
- "He said that the methanol plant, built at ..., is under construction": the determiner nearest the
  facility is "the", not the "that" of what was said; a plant of its own sector after a pool is new.
"""
import pytest

from kzmon.extract.announcements import extract_announcements


def _records(text: str, lang: str) -> list[dict]:
    return extract_announcements(text, "2025-11-03", lang)


@pytest.mark.parametrize("lang, text, word", [
    ("ru", "В Костанае запустили завод по выпуску сельхозтехники.\nИнвестор также собирается построить ещё один завод, "
           "который будет делать шины.", "шин"),
    ("ru", "В Костанае запустили завод по выпуску сельхозтехники.\nКомпания намерена возвести еще один завод, который "
           "будет выпускать кабельную продукцию.", "кабел"),
    # guards: these passed before
    ("en", "A farm machinery plant was launched in Kostanay.\nThe investor also plans to build another plant that will "
           "make tyres.", "tyre"),
])
def test_one_more_plant_is_a_record_of_its_own(lang, text, word):
    projects = [r for r in _records(text, lang) if r["kind"] == "project"]
    assert len(projects) == 2, projects
    assert any(word in r["title"] for r in projects), projects


@pytest.mark.parametrize("lang, text", [
    ("en", "A data centre worth 12 billion tenge will be built in Kostanay."),
    ("ru", "В Костанае построят центр обработки данных стоимостью 12 млрд тенге."),
    ("ru", "В Костанае за 12 млрд тенге построят дата-центр."),
    ("kk", "Қостанайда құны 12 млрд теңге болатын деректер орталығы салынады."),
])
def test_a_data_centre_is_a_facility(lang, text):
    records = _records(text, lang)
    assert [(r["kind"], r["investment_kzt"], r["regions"], r["sector"]) for r in records] == \
        [("project", 12_000_000_000, ["KZ-39"], "infrastructure")], records


@pytest.mark.parametrize("lang, text, smelter, centre", [
    ("en", "Pavlodar region to build copper smelter\nThe governor spoke about how industry is developing in the region. "
           "Some 80 billion tenge will be invested in it, and 400 people will work there.\nIn addition, a data centre "
           "worth 6 billion tenge will be built in the region.", "copper", "data"),
    ("ru", "В Павлодарской области построят медеплавильный завод\nАким рассказал о развитии промышленности региона. В "
           "проект вложат 80 млрд тенге, там будут работать 400 человек.\nКроме того, в области построят дата-центр "
           "стоимостью 6 млрд тенге.", "медеплав", "дата"),
    ("kk", "Павлодар облысында мыс балқыту зауыты салынады\nӘкім өңірдің өнеркәсібі туралы айтты. Жобаға 80 млрд теңге "
           "салынады, онда 400 адам жұмыс істейді.\nСондай-ақ облыста құны 6 млрд теңге болатын деректер орталығы салынады.",
     "мыс", "деректер"),
])
def test_the_headline_plant_and_a_facility_of_another_kind(lang, text, smelter, centre):
    by_title = {r["title"]: r for r in _records(text, lang)}
    plant = next((r for t, r in by_title.items() if smelter in t.lower()), None)
    other = next((r for t, r in by_title.items() if centre in t.lower()), None)
    assert plant is not None and other is not None, list(by_title)
    assert (plant["investment_kzt"], plant["jobs"], plant["sector"]) == (80_000_000_000, 400, "metallurgy"), plant
    assert (other["investment_kzt"], other["jobs"], other["sector"]) == (6_000_000_000, None, "infrastructure"), other


def test_said_that_the_plant_is_no_reference_to_the_pool():
    text = ("Aktobe region has a pool of 40 investment projects worth 900 billion tenge.\n"
            "The governor said that the methanol plant, built by a Chinese company for 52 billion tenge, is under "
            "construction. 310 new jobs will be created there.")
    records = _records(text, "en")
    plant = [r for r in records if r["kind"] == "project"]
    assert [(r["investment_kzt"], r["jobs"], r["status"]) for r in plant] == [(52_000_000_000, 310, "under_construction")], records
    pool = [r for r in records if r["kind"] == "program"]
    assert [(r["project_count"], r["investment_kzt"], r["jobs"]) for r in pool] == [(40, 900_000_000_000, None)], records
