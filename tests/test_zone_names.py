"""Issue 11, titles: a zone is told apart by its own name. "индустриальную зону «Кайрат-2»" (a dev
article of round 1) was titled "индустриальная зона", like every zone of every region; the name
written right after a zone, a park or a deposit goes into the title (cues.yaml named_site_heads).
In Kazakh "индустриялық аймақ" was no facility at all ("аймақ" alone is also a region), and its
quoted name was read as a firm. Tested in new words; the Russian and Kazakh cases failed before.
"""
import pytest

from kzmon.extract.announcements import extract_announcements


@pytest.mark.parametrize("text, language, name", [
    ("В Туркестанской области до конца года построят индустриальную зону «Сайрам-3» площадью 120 гектаров.",
     "ru", "Сайрам-3"),
    ("Түркістан облысында жыл соңына дейін аумағы 120 гектар «Сайрам-3» индустриялық аймағы салынады.",
     "kk", "Сайрам-3"),
    ("By the end of the year the region will build the industrial zone Sairam-3 covering 120 hectares.",
     "en", "Sairam-3"),
])
def test_a_zone_is_titled_with_its_own_name(text, language, name):
    records = extract_announcements(text, None, language, None)
    assert len(records) == 1 and records[0]["sector"] == "infrastructure", records
    assert name in records[0]["title"] and records[0]["companies"] == [], records
