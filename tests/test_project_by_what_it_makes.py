"""Issue 12, project = one facility over time: two reports of "завод горячего цинкования" in
Karaganda region, neither naming a firm, were two projects. A shared place and kind anchor nothing
(every wind farm of Zhambyl region shares them), but words that say what the plant makes beyond
its kind ("hot-dip galvanizing", "бесшовных труб") in one place do, as a name would. Tested in new
words.
"""
import pytest

from kzmon.storage.dedup.projects import PROJECT_MIN_SCORE, pair_score


def _record(title: str, region: str, companies: list[str] | None = None, year: int = 2023) -> dict:
    return {"kind": "project", "title": title, "companies": companies or [], "regions": [region],
            "status": "planned", "_year": year}


@pytest.mark.parametrize("a, b", [
    (_record("seamless steel pipe plant", "KZ-23"), _record("plant producing seamless steel pipes", "KZ-23", year=2025)),
    (_record("завод горячего цинкования", "KZ-35"), _record("завод горячего цинкования металлоконструкций", "KZ-35", year=2024)),
    (_record("картон қорабы шығаратын фабрика", "KZ-39"), _record("картон қорабы фабрикасы", "KZ-39", year=2024)),
])
def test_one_plant_told_by_what_it_makes(a, b):
    assert pair_score(a, b) >= PROJECT_MIN_SCORE


def test_two_wind_farms_of_one_region_stay_apart_guard():
    assert pair_score(_record("wind farm", "KZ-31"), _record("wind power plant", "KZ-31")) < PROJECT_MIN_SCORE


def test_two_firms_plants_of_one_product_stay_apart_guard():
    a = _record("seamless steel pipe plant", "KZ-23", ["Tengri Tube"])
    b = _record("seamless steel pipe plant", "KZ-23", ["Nurly Zher"])
    assert pair_score(a, b) < PROJECT_MIN_SCORE


def test_another_place_stays_apart_guard():
    a, b = _record("seamless steel pipe plant", "KZ-23"), _record("seamless steel pipe plant", "KZ-55")
    assert pair_score(a, b) < PROJECT_MIN_SCORE
