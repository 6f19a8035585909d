"""Round 3: behaviours the round-3 articles exposed, each on wording of its own."""
from datetime import date

from kzmon.extract.announcements import extract_announcements
from kzmon.extract.announcements.companies import find_companies
from kzmon.extract.announcements.figures import find_figures


def _kinds(text, language):
    return [(f.kind, f.value) for f in find_figures(text, language)]


def test_a_unit_after_a_number_is_no_company():
    assert find_companies("A 1 GW wind farm will be built by the investor.") == []
    assert find_companies("Турбины общей мощностью 300 MW поставит Goldwind.") == ["Goldwind"]


def test_workers_counted_after_a_verb_of_working():
    assert ("jobs", 450) in _kinds("На заводе работают 450 человек.", "ru")
    assert ("jobs", 40) in _kinds("Станцияда 40 адам тұрақты жұмыс істейді.", "kk")
    assert ("jobs", 500) in _kinds("Кәсіпорында 500-ден астам адам жұмыспен қамтылады.", "kk")
    assert ("jobs", 90) in _kinds("Цехта 90 адам, оның ішінде жастар, жұмысқа алынды.", "kk")


def test_a_hyphenated_english_unit_is_read():
    assert ("area", 30000.0) in _kinds("The factory will stand on a 3-hectare site.", "en")


def test_suppliers_fields_are_not_the_site():
    assert _kinds("Milk will come from farms with 4,000 hectares of pasture.", "en") == []
    assert _kinds("Шикізатты 20 мың гектар егістігі бар фермерлер береді.", "kk") == []
    assert ("area", 120000.0) in _kinds("The plant will occupy 12 hectares.", "en")


def test_a_place_inside_a_registered_name_stays_in_it():
    assert any(c.startswith("Pavlodar Metal Works") for c in find_companies("The plant was built by Pavlodar Metal Works LLP."))


def test_both_plants_share_a_later_period():
    text = ("Two factories for Shymkent\n\nA textile factory will be built in Shymkent for 5 billion tenge, creating 200 jobs. "
            "A brick plant worth 3 billion tenge will follow, with 90 jobs. Both plants will be launched next year.")
    records = extract_announcements(text, date(2025, 3, 1))
    assert len(records) == 2 and {r["period"] for r in records} == {"2026"}


def test_the_project_named_before_takes_its_operator_in_kazakh():
    text = ("Ақтөбеде мыс зауыты салынады\n\nАқтөбе облысында мыс балқыту зауытын салу жобасы басталды. "
            "Жобаны «Aktobe Copper» АҚ жүзеге асырады, оның құны 90 млрд теңге.")
    (record,) = extract_announcements(text, date(2026, 5, 1))
    assert record["investment_kzt"] == 90_000_000_000 and record["regions"] == ["KZ-15"]
    assert record["status"] == "under_construction" and "Aktobe Copper" in " ".join(record["companies"])
