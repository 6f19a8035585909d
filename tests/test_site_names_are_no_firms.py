"""Issue 11, companies and titles: the name of a deposit, a mine or a field is the site's, not a
firm's. "Solidcore Resources will bring its Syrymbet tin-polymetallic deposit ... into production"
(a dev article of round 11) made Syrymbet a firm and titled the record "Solidcore Resources
tin-polymetallic deposit", without the name that tells it from other deposits; "шахта «Болашак»"
made Болашак a firm. The site nouns are data (cues.yaml named_site_heads, companies.yaml). In
Kazakh the builder as the subject of "іске қосады" (will launch) was no status at all. Tested in
new words; each case failed before.
"""
import pytest

from kzmon.extract.announcements import extract_announcements


@pytest.mark.parametrize("text, language, name, firm", [
    ("Tau Resources will bring its Kyzyltas tin-tungsten deposit in the Karaganda region into production in 2027.",
     "en", "Kyzyltas", "Tau Resources"),
    ("ТОО «Тау Ресурс» в 2027 году введет в строй рудник «Кызылтас» в Карагандинской области.",
     "ru", "Кызылтас", "ТОО «Тау Ресурс»"),   # the firm as the article registers it (test_registered_names.py)
    ("«Тау Ресурс» ЖШС 2027 жылы Қарағанды облысында «Қызылтас» шахтасын іске қосады.",
     "kk", "Қызылтас", "«Тау Ресурс» ЖШС"),
])
def test_a_site_is_named_in_the_title_and_its_firm_is_the_operator(text, language, name, firm):
    records = extract_announcements(text, None, language, None)
    assert len(records) == 1 and records[0]["sector"] == "mining", records
    assert records[0]["companies"] == [firm] and name in records[0]["title"], records
    assert records[0]["status"] == "planned" and records[0]["regions"] == ["KZ-35"], records
