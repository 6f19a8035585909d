"""A facility's own name, joined country names, and what a plant saves (invented sentences in
the structure of a real report, dev en-chinadaily-2021-06-23): "the Zhanatas 100 MW Wind Power
Plant" was titled "Plant", "China-Kazakhstan production capacity cooperation" gave a firm
"China-Kazakhstan", and "equal to cutting about 109,500 tons of standard coal each year" was
the plant's capacity."""
import pytest

from kzmon.extract.announcements import extract_announcements
from kzmon.extract.announcements.companies import find_company_spans
from kzmon.extract.announcements.figures import find_figures
from kzmon.extract.announcements.titles import facility_title


@pytest.mark.parametrize("sentence, title", [
    ("The Karatau 60 MW Solar Power Plant in Kazakhstan entered full operation on May 12.", "Karatau Solar Power Plant"),
    ("Construction of the Shalkar Glass Works, valued at 38 billion tenge, is nearly complete.", "Shalkar Glass Works"),
    ("The governor toured the Irgiz Leather Factory, which processes 90,000 hides a year.", "Irgiz Leather Factory"),
])
def test_a_capitalised_facility_is_titled_by_its_own_name(sentence, title):
    assert facility_title(sentence, []) == title


def test_a_lower_case_facility_keeps_its_words():
    assert facility_title("A 45 MW wind power plant was launched in Akmola region.", []) == "wind power plant"


def test_a_headline_record_named_in_title_case_words_gets_its_name():
    text = ("Biggest solar project in the region set for full operation\n"
            "The Karatau 60 MW Solar Power Plant in Kazakhstan entered full operation on May 12, the day its last "
            "panel block was linked to the grid. Li Wei, general manager of the Karatau Solar Power Corporation, "
            "said the plant will supply 90 million kilowatt-hours a year.")
    records = extract_announcements(text, None, "en", None)
    assert [r["title"] for r in records if r["kind"] == "project"] == ["Karatau Solar Power Plant"]
    assert "Karatau Solar Power Corporation" in records[0]["companies"]


@pytest.mark.parametrize("sentence", [
    "The project was chosen as part of China-Kazakhstan production capacity cooperation.",
    "The Kazakh-Turkish business council met in Almaty.",
])
def test_country_names_joined_by_a_hyphen_are_no_firm(sentence):
    assert find_company_spans(sentence) == []


@pytest.mark.parametrize("sentence, language", [
    ("The electricity it produces will be equal to cutting about 109,500 tons of standard coal each year.", "en"),
    ("Станция позволит сэкономить около 120 тыс. тонн угля в год.", "ru"),
    ("Станция жылына 120 мың тонна көмірді үнемдеуге мүмкіндік береді.", "kk"),
])
def test_what_a_plant_saves_is_not_its_capacity(sentence, language):
    assert not [f for f in find_figures(sentence, language) if f.kind == "capacity"]


@pytest.mark.parametrize("sentence, language", [
    ("The plant will make 2 million tyres a year.", "en"),
    ("Завод будет выпускать 120 тыс. тонн цемента в год.", "ru"),
    ("Зауыт жылына 120 мың тонна цемент шығарады.", "kk"),
])
def test_what_a_plant_makes_stays_its_capacity(sentence, language):
    assert [f for f in find_figures(sentence, language) if f.kind == "capacity"]
