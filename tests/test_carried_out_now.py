"""Issue 11, found on dev articles and tested in new words: what a region or a firm "is carrying out"
is under way, and the firm that does it is the project's.

- "Akmola region carries out 12 industrial projects", "is implementing", "is carrying out": under
  construction (Russian "реализуется", "осуществляются" and Kazakh "іске асырылуда" already were).
- "Samruk-Energy is implementing a project to build ...", "TBEA Company Limited is carrying out a
  large energy project": the subject of these verbs is a firm, as the subject of "will build" is.
- A plan to carry one out stays a plan.
"""
import pytest

from kzmon.extract.announcements import extract_announcements


def _records(text: str, lang: str = "en") -> list[dict]:
    return extract_announcements(text, "2025-11-03", lang)


@pytest.mark.parametrize("text", [
    "Akmola region carries out 12 industrial projects worth 80 billion tenge.",
    "The region is carrying out 12 industrial projects worth 80 billion tenge.",
    "Kostanay region is now implementing 12 industrial projects worth 80 billion tenge.",
])
def test_projects_carried_out_now_are_under_way(text):
    assert [(r["kind"], r["project_count"], r["status"]) for r in _records(text)] == [("program", 12, "under_construction")]


@pytest.mark.parametrize("text", [
    "Samruk-Energy is implementing a project to build a wind farm in Zhambyl region.",
    "Samruk-Energy intends to carry out a project to build a wind farm in Zhambyl region.",
    "Samruk-Energy is carrying out a large wind farm project in Zhambyl region.",
])
def test_the_firm_that_carries_it_out(text):
    assert [r["companies"] for r in _records(text)] == [["Samruk-Energy"]], _records(text)


@pytest.mark.parametrize("text", [
    "Akmola region plans to implement 12 industrial projects worth 80 billion tenge.",
    "Akmola region intends to carry out 12 industrial projects worth 80 billion tenge.",
])
def test_a_plan_to_carry_them_out_is_a_plan_guard(text):
    assert [r["status"] for r in _records(text)] == ["planned"], _records(text)
