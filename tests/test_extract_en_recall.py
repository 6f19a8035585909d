"""English recall of the extractor on real reporting (issue 11): projects without figures that were
missed: items of a list that each open with their own verb, two facilities sharing one plural head,
"the company" whose project follows the sentence that names it, a sentence opening with "This year",
and a kind of plant in a list that is not a company's own plant named later."""
from datetime import date

from kzmon.extract.announcements import extract_announcements


def records(text, title=None, published=date(2023, 5, 1)):
    return extract_announcements(text, published, "en", title)


def titles(text, **kw):
    return [r["title"] for r in records(text, **kw) if r["kind"] == "project"]


FORUM = ("Zhambyl Region Inks $700 Million Agreements With Foreign Investors\n\n"
         "TARAZ – The Zhambyl Region signed seven agreements worth $700 million at a forum.\n\n"
         "Investors from Germany, Hungary, India, and Singapore intend to build ferroalloy and cement plants, "
         "start making building materials, put up solar power plants and a food factory, and set up an "
         "industrial and logistics park.")


def test_list_items_opening_with_their_own_verb_are_projects():
    got = " | ".join(titles(FORUM)).lower()
    for word in ("building materials", "solar", "food factory", "logistics park"):
        assert word in got, got


def test_two_kinds_sharing_one_plural_head_are_two_projects():
    got = [t.lower() for t in titles(FORUM)]
    assert any("ferroalloy" in t and "cement" not in t for t in got), got
    assert any("cement" in t and "ferroalloy" not in t for t in got), got


def test_one_sector_sharing_a_head_stays_one_project():
    got = records("Samruk-Energy will build solar and wind power plants in the Zhambyl region.")
    assert len(got) <= 1, got


def test_two_named_facilities_with_own_figures_sharing_a_head():
    text = ("Under the document, the investor is to prepare a feasibility study and raise the money to build "
            "and start up the Zhanatas (400MW) and Shokpar (200 MW) wind farms in the Zhambyl region.")
    got = titles(text)
    assert any("Zhanatas" in t for t in got) and any("Shokpar" in t for t in got), got
    assert len(got) == 2, got


def test_the_company_of_the_sentence_before_opens_a_project():
    text = ("The Industrial Park of Astana has implemented approximately 100 projects worth 322 billion tenge.\n\n"
            "Stadler Kazakhstan was set up this year under an investment agreement with Stadler Rail AG. "
            "The company plans to launch production of passenger cars in Kazakhstan.")
    got = [r for r in records(text) if r["kind"] == "project"]
    assert got and "Stadler" in got[0]["title"], got
    assert got[0]["status"] == "planned"


def test_this_year_is_no_reference_back():
    got = records("This year a plant making profiles and translucent structures of PVC and aluminium "
                  "is planned to be put into operation.")
    assert [r for r in got if r["kind"] == "project" and r["sector"] == "rubber_plastics"], got


def test_this_plant_still_refers_back():
    text = ("A cement plant will be built in Shymkent for 20 billion tenge. "
            "This plant will employ 300 people.")
    got = [r for r in records(text) if r["kind"] == "project"]
    assert len(got) == 1 and got[0]["jobs"] == 300, got


def test_a_kind_in_a_list_is_not_a_companys_plant_named_later():
    text = FORUM + ("\n\nMonnet Group, an Indian company, has launched a project to produce high-quality "
                    "ferrosilicon manganese in the Zhambyl region.")
    got = [t for t in titles(text)]
    assert any("Monnet" in t for t in got) and any(t.lower().startswith("ferroalloy") for t in got), got


def test_natural_resources_listed_are_no_projects():
    text = FORUM + ("\n\nThe region has large natural resources, above all non-ferrous metals and non-metals, "
                    "including barytes, coal, and mineral salts.")
    assert not [t for t in titles(text) if "barytes" in t.lower()]


def test_a_pronoun_is_no_company():
    got = records("“We will build a new cement plant in Shymkent next year,” the investor said.")
    assert got and "We" not in got[0]["companies"], got
