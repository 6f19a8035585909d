"""Issue 12: a region carved out of another (Abai, Zhetysu and Ulytau in 2022, Shymkent city in
2018) names the same place as the old one in reports written before the split. A dev chain of round
12 follows a gold complex in Zharma district, "East Kazakhstan region" in 2015 and Abai region on the
map today: the other region was a penalty of 4 and the reports could not be one project. The
lineage is data (extract/data/regions.yaml `formed_from`); tested in new words.
"""
import pytest

from kzmon.extract.regions import formed_from
from kzmon.storage.dedup.identity import regions_meet
from kzmon.storage.dedup.projects import PROJECT_MIN_SCORE, contradict, pair_score


@pytest.mark.parametrize("new, old", [("KZ-10", "KZ-63"), ("KZ-33", "KZ-19"), ("KZ-62", "KZ-35"), ("KZ-79", "KZ-61")])
def test_a_new_region_meets_the_one_it_was_carved_from(new, old):
    assert formed_from()[new] == old
    assert regions_meet({new}, {old}) and regions_meet({old}, {new})


def test_neighbours_that_were_never_one_region_do_not_meet():
    # a guard: the lineage joins only what was one region, not every neighbour
    assert not regions_meet({"KZ-10"}, {"KZ-55"})      # Abai and Pavlodar
    assert not regions_meet({"KZ-33"}, {"KZ-75"})      # Zhetysu and Almaty city
    assert not regions_meet({"KZ-62"}, {"KZ-63"})      # Ulytau and East Kazakhstan


def _record(regions: list[str], year: int) -> dict:
    return {"kind": "project", "title": "Kyzyltas gold processing plant", "companies": ["Kyzyltas Gold"],
            "regions": regions, "sector": "mining", "status": "under_construction", "_year": year}


def test_one_plant_reported_before_and_after_the_split_is_one_project():
    before, after = _record(["KZ-63"], 2016), _record(["KZ-10"], 2024)
    assert not contradict(before, after)
    assert pair_score(before, after) >= PROJECT_MIN_SCORE


def test_one_firms_plant_in_another_region_stays_apart_guard():
    assert contradict(_record(["KZ-55"], 2016), _record(["KZ-10"], 2024))
    assert pair_score(_record(["KZ-55"], 2016), _record(["KZ-10"], 2024)) < PROJECT_MIN_SCORE


def test_two_reports_of_one_day_that_name_the_old_and_the_new_region_are_one_event():
    from kzmon.storage.dedup.stories import event_score

    a = {"co:kzltsgld": 2.0, "cn:gold": 1.5, "rg:KZ-63": 1.0}
    b = {"co:kzltsgld": 2.0, "cn:gold": 1.5, "rg:KZ-10": 1.0}
    assert event_score(a, b, [{"status": "commissioned"}], [{"status": "commissioned"}], days_apart=1) > 0
