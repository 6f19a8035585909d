"""Issue 11, deciding per figure: a power rating is a plant's capacity on its own. "A 150 MW wind farm",
"электростанцию на 50 МВт", "50 МВт күн электр станциясы" gave no capacity, because a capacity needed
a "per year" cue or "capacity of" beside it; a capacity shared is what links two reports of one wind
farm across outlets and languages. One turbine's rating ("5 MW each") and what a town consumes are no
plant's capacity; and a coal power plant is of energy, not of the mine its fuel comes from. Tested in new words.
"""
import pytest

from kzmon.extract.announcements import extract_announcements


def _projects(text: str, lang: str) -> list[dict]:
    return [r for r in extract_announcements(text, "2024-05-20", lang) if r["kind"] == "project"]


@pytest.mark.parametrize("lang, text, rating", [
    ("en", "Kazakh Wind LLP will build a 150 MW wind farm near Ereymentau.", "150 MW"),
    ("ru", "ТОО «Кокше Энерго» построит солнечную электростанцию на 50 МВт в Акмолинской области.", "50 МВт"),
    ("kk", "Ақмола облысында «Көкше Энерго» ЖШС 50 МВт күн электр станциясын салады.", "50 МВт"),
])
def test_a_power_rating_is_the_plants_capacity(lang, text, rating):
    records = _projects(text, lang)
    assert len(records) == 1 and records[0]["capacity"] == rating, records


@pytest.mark.parametrize("text", [
    "Arman Energy will build a wind farm in Zhambyl region. It will have 20 turbines of 4.5 MW each.",
    "A new gas power plant will be built in Semey, which now consumes 130 MW of power.",
])
def test_one_units_rating_or_a_towns_consumption_is_no_capacity_guard(text):
    records = _projects(text, "en")
    assert len(records) == 1 and records[0]["capacity"] is None, records


@pytest.mark.parametrize("lang, text", [
    ("en", "A coal thermal power plant will be built in Ekibastuz."),
    ("kk", "Екібастұзда көмір электр станциясы салынады."),
    ("ru", "В Экибастузе построят угольную ТЭЦ."),    # read before
])
def test_a_coal_power_plant_is_energy_not_mining(lang, text):
    records = _projects(text, lang)
    assert len(records) == 1 and records[0]["sector"] == "energy", records
