"""Jobs in other wordings (dev misses): "will give work to 107 people", "by next year 365 people
will work here" (beside today's 70, who are employed now), "400 тұрғын тұрақты жұмысқа
орналасады" (residents will be permanently employed), while the workers of the building site
stay construction jobs."""
import pytest

from kzmon.extract.announcements.figures import find_figures


def jobs(sentence, language):
    return [(f.value, "construction" in f.notes) for f in find_figures(sentence, language) if f.kind == "jobs"]


@pytest.mark.parametrize("sentence, language, expected", [
    ("The complex will give work to 107 people.", "en", [(107, False)]),
    ("The new line is giving jobs to 45 workers from nearby villages.", "en", [(45, False)]),
    ("Today over 70 people are employed, and by next year 365 people will work here full time.", "en", [(365, False)]),
    ("Кәсіпорын ашылған соң 400 тұрғын тұрақты жұмысқа орналасады.", "kk", [(400, False)]),
    ("Зауытқа 120 маман жұмысқа қабылданады.", "kk", [(120, False)]),
])
def test_jobs_wordings(sentence, language, expected):
    assert jobs(sentence, language) == expected


@pytest.mark.parametrize("sentence, language", [
    ("Құрылыс кезінде 900 адам жұмыс істейді.", "kk"),
    ("На пике строительства будут заняты до 3 тыс. человек.", "ru"),
])
def test_building_site_workers_stay_construction_jobs(sentence, language):
    assert all(construction for _, construction in jobs(sentence, language))
