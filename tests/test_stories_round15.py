"""Two reports of one governor's briefings are not one event (dev round 5 merged with rounds 1 and
4): the place every briefing is held in is no name they share, and reports of two different kinds
of facility from one day's briefing are two stories."""
from __future__ import annotations

from kzmon.storage.dedup.fingerprints import name_facts
from kzmon.storage.dedup.stories import event_score


def test_the_briefing_venue_is_no_name():
    for text, language in [
        ("Аким сообщил об этом на брифинге в Службе центральных коммуникаций.", "ru"),
        ("Әкім Орталық коммуникациялар қызметінде өткен брифингте айтты.", "kk"),
        ("The governor said so at a briefing at the Central Communications Service.", "en"),
    ]:
        assert name_facts(text, language) == set(), text


def test_two_kinds_of_facility_on_one_day_are_two_stories():
    grain = {"nm:hmtzhnv": 2.0, "nm:mrt": 2.0, "rg:KZ-11": 1.0, "cn:grain": 1.5}
    chp = {"nm:hmtzhnv": 2.0, "nm:mrt": 2.0, "rg:KZ-11": 1.0, "cn:power_plant": 1.5}
    assert event_score(grain, chp, [], [], 0) == 0.0
    assert event_score(grain, dict(grain), [], [], 0) > 0     # the same facility, the same day: one event
    unnamed = {"nm:hmtzhnv": 2.0, "nm:mrt": 2.0, "rg:KZ-11": 1.0}
    assert event_score(grain, unnamed, [], [], 0) > 0        # one side names no kind: names and place decide


def test_a_telling_figure_outweighs_two_kinds_of_facility():
    """One report calls the plant a grain plant, another a starch plant: the same 163 billion says one event."""
    a = {"v:163000000000": 1.5, "rg:KZ-11": 1.0, "cn:grain": 1.5}
    b = {"v:163000000000": 1.5, "rg:KZ-11": 1.0, "cn:starch": 1.5}
    assert event_score(a, b, [], [], 0) > 0
