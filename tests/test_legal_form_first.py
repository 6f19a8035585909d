"""Issue 11, found on a dev article ("LLP Baystone and LLP Oral Agro are to build two vegetable
warehouses") and tested in new words: English texts rewritten from Russian originals write the legal
form before the name; "LLP X" and "JSC X" are firms wherever they stand (only the one before a
verb of building was found, so the first of two coordinated firms was lost). Russian and Kazakh
write the form before quotes or after the name, which was read already (guards).
"""
import pytest

from kzmon.extract.announcements import extract_announcements
from kzmon.extract.announcements.companies import find_companies


@pytest.mark.parametrize("text, firms", [
    ("LLP Qaz Store and LLP Oral Agro are to build two vegetable warehouses in the region.", ["Qaz Store", "Oral Agro"]),
    ("The largest project is a cement plant of LLP Kokshe-Cement in Akmola region.", ["Kokshe-Cement"]),
    ("JSC Kazakhtelecom and LLP Qaz Store signed a memorandum.", ["Kazakhtelecom", "Qaz Store"]),
    ("ТОО Qaz Store и ТОО Oral Agro построят два овощехранилища.", ["Qaz Store", "Oral Agro"]),             # guard
    ("Qaz Store ЖШС мен Oral Agro ЖШС екі көкөніс қоймасын салады.", ["Qaz Store ЖШС", "Oral Agro ЖШС"]),   # guard
])
def test_a_legal_form_before_the_name(text, firms):
    assert find_companies(text) == firms


def test_both_coordinated_firms_build_the_warehouses():
    records = extract_announcements("West Kazakhstan news\nLLP Qaz Store and LLP Oral Agro are to build two vegetable "
                                    "warehouses with a capacity of 15,000 tons in the region.", "2025-11-03", "en")
    assert len(records) == 1 and set(records[0]["companies"]) == {"Qaz Store", "Oral Agro"}, records
