"""Round 4: names without headline verbs, datelines or the generic word 'company'; pool members and remaining counts."""
from datetime import date

from kzmon.extract.announcements import extract_announcements
from kzmon.extract.announcements.companies import find_companies


def test_headline_verbs_and_generic_company_words_stay_outside_names():
    assert find_companies("Altyn Copper Starts Construction of Smelter") == ["Altyn Copper"]
    assert find_companies("Компания Orda Silicon открыла цех.") == ["Orda Silicon"]
    assert find_companies("Компания ТОО «Нур Агро» построила элеватор.") == ["Нур Агро"]
    assert find_companies("Steppe Glass компаниясы зауыт салады.") == ["Steppe Glass"]


def test_a_capitalised_dateline_is_no_company():
    assert find_companies("SEMEY – Irtysh Leather LLP will build a tannery.") == ["Irtysh Leather LLP"]


def test_remaining_projects_are_a_program_of_their_own():
    text = ("Map of projects\n\nThe regional map includes 40 projects worth 300 billion tenge. "
            "Of the remaining ones, 25 will be completed this year.")
    records = extract_announcements(text, date(2025, 5, 1))
    assert {(r["project_count"], r["status"], r["period"]) for r in records if r["project_count"] == 25} == {(25, "planned", "2025")}


def test_the_largest_member_of_a_pool_is_a_project():
    text = ("Eight plants for Kostanay\n\nEight industrial projects worth 50 billion tenge will be commissioned in Kostanay Region this year. "
            "The largest of them is a plant producing 80,000 tons of pasta a year near Rudny. "
            "Dala Foods LLP is completing its construction; the cost of the project is 20 billion tenge.")
    records = extract_announcements(text, date(2025, 5, 1))
    (plant,) = [r for r in records if r["kind"] == "project"]
    assert plant["investment_kzt"] == 20_000_000_000 and plant["status"] == "under_construction"
    assert plant["regions"] == ["KZ-39"] and any("Dala Foods" in c for c in plant["companies"])
