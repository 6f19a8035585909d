"""Titles name the facility in the article's own words ("завод по выпуску лифтов", "цемент зауыты"),
not a fragment of the sentence that happened to hold the figures.

Gold records that list acceptable `titles` are checked on the prediction the scorer pairs them with.
"""
import importlib.util
import json
from datetime import date
from pathlib import Path

import pytest

from kzmon.extract.announcements import extract_announcements

DATA = Path(__file__).parent / "data"
FOLDERS = [DATA / "announcements", DATA / "announcements" / "heldout", DATA / "announcements" / "round2"]

_spec = importlib.util.spec_from_file_location("score_extraction", DATA / "score_extraction.py")
scorer = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(scorer)


def normal(title: str | None) -> str:
    return " ".join((title or "").lower().split())


def titled_docs():
    for folder in FOLDERS:
        for path in sorted(folder.glob("*.json")):
            gold = json.loads(path.read_text(encoding="utf-8"))
            if any("titles" in g for g in gold["announcements"]):
                yield pytest.param(folder, gold, id=path.stem)


@pytest.mark.parametrize("folder,gold", list(titled_docs()))
def test_title_is_the_facility_phrase(folder, gold):
    text = (folder.parent / gold["text_file"]).read_text(encoding="utf-8")
    published = date.fromisoformat(gold["published"]) if gold.get("published") else None
    predicted = extract_announcements(text, published)
    pairs = dict(scorer.match(gold["announcements"], predicted))
    for i, g in enumerate(gold["announcements"]):
        if "titles" not in g:
            continue
        assert i in pairs, f"no record for {g['title']!r}"
        assert normal(predicted[pairs[i]]["title"]) in {normal(t) for t in g["titles"]}


@pytest.mark.parametrize("text,expected", [
    # an inflected head takes its dictionary form; the modifiers agree with it
    ("На шинном заводе в Костанае начато строительство второй очереди стоимостью 2 млрд тенге.", "шинный завод в костанае"),
    ("Начато строительство металлургического комбината в Павлодаре стоимостью 90 млрд тенге.", "металлургический комбинат в павлодаре"),
    ("Түркістанда жылына 2 млн тонна цемент өндіретін зауыттың құрылысы басталды, құны 80 млрд теңге.",
     "түркістандағы цемент өндіретін зауыт"),
    ("Қарағанды облысында құрылыс материалдары зауытының құрылысы басталды, құны 3 млрд теңге.",
     "құрылыс материалдары зауыты"),
    # the complement stays as written; figures and places do not belong to the name
    ("A plant for the production of aluminium wheels worth 40 billion tenge was launched in Pavlodar.",
     "plant for the production of aluminium wheels in pavlodar"),   # the town tells it from other wheel plants
    ("В Шымкенте открыт завод по производству пластиковых окон мощностью 100 тыс. штук в год стоимостью 2 млрд тенге.",
     "завод по производству пластиковых окон в шымкенте"),
])
def test_title_of_one_sentence(text, expected):
    records = extract_announcements(text, date(2026, 3, 1))
    assert [normal(r["title"]) for r in records] == [expected]
