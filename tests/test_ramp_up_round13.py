"""A visited plant told by its own CamelCase name and its ramp-up (dev round 3, Saran):
"Already turning out tires for cars and trucks, the KamaTyresKZ plant is due to reach full
operation by the yearend" is a working plant (reaching full capacity or operation is a launch,
'выйдет на проектную мощность', 'толық қуатына шығады'), and "the KamaTyresKZ plant" is named,
not a reference back to the plant the sentence before mentioned."""
import pytest

from kzmon.extract.announcements import extract_announcements
from kzmon.extract.announcements.vocabulary import status_of


@pytest.mark.parametrize("sentence, language", [
    ("The plant is due to reach full operation by the yearend.", "en"),
    ("The wind farm entered full operation on June 20.", "en"),
    ("До конца года завод выйдет на проектную мощность.", "ru"),
    ("Зауыт жыл соңына дейін толық қуатына шығады.", "kk"),
])
def test_reaching_full_capacity_is_a_working_plant(sentence, language):
    assert status_of(sentence) == "commissioned"


def test_the_camelcase_named_plant_is_a_first_mention():
    text = ("President tours new plants in Temirtau\n"
            "On a trip to Karaganda region, the President toured a cable plant and a tire plant.\n"
            "Already turning out cables for power lines, the KazCableTech plant is due to reach full operation "
            "by the yearend.")
    projects = [r for r in extract_announcements(text, None, "en", None) if r["kind"] == "project"]
    assert any("KazCableTech" in r["title"] and r["status"] == "commissioned" for r in projects)
