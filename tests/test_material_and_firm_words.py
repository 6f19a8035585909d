"""Issue 11, found on round 20's dev articles (FST Engineering's two tailings plants at Lisakovsk)
and tested in new words.

- A deposit named as where a material comes from is no project: "будут обогащать вторсырье, в том
  числе хвосты Лисаковского месторождения" listed the deposit as an item of the open pool, titled
  "Лисаковского месторождения"; "tailings of the Lisakovsk deposit" likewise.
- A firm's name says nothing of a pool's industry: "FST Engineering ... two processing plants"
  made a machinery pool titled "2 Engineering processing plants".
"""
import pytest

from kzmon.extract.announcements import extract_announcements


def _records(text: str, lang: str) -> list[dict]:
    return extract_announcements(text, "2025-12-12", lang)


@pytest.mark.parametrize("lang, text", [
    ("ru", "Новости\nFST Engineering построит два перерабатывающих завода. На новых площадках будут обогащать "
           "железосодержащее вторсырье, в том числе хвосты Лисаковского месторождения."),
    ("en", "News\nTwo processing plants will be built in Lisakovsk. They will process secondary raw materials, "
           "including tailings of the Lisakovsk deposit."),
    ("kk", "Жаңалықтар\n«Qarmet Recycling» Лисаковскіде 50 млрд теңгеге қайта өңдеу зауытын салады. Онда "
           "қайталама шикізат, соның ішінде Лисаков кен орнының қалдықтары өңделеді."),   # guard
])
def test_a_deposit_that_supplies_the_material_is_no_project(lang, text):
    records = _records(text, lang)
    assert len(records) == 1, records
    assert not any("месторожд" in r["title"] or "deposit" in r["title"] or "кен орн" in r["title"] for r in records), records


@pytest.mark.parametrize("lang, text", [
    ("en", "News\nQazaq Engineering LLP will implement three projects worth 5 billion tenge in Kostanay region."),
    ("ru", "Новости\nТОО «Qazaq Engineering» реализует в Костанайской области три проекта стоимостью 5 млрд тенге."),
    ("kk", "Жаңалықтар\n«Qazaq Engineering» ЖШС Қостанай облысында жалпы құны 5 млрд теңге болатын үш жобаны іске асырады."),
])
def test_a_firms_name_gives_its_pool_no_industry(lang, text):
    records = _records(text, lang)
    assert [(r["kind"], r["project_count"], r["investment_kzt"]) for r in records] == [("program", 3, 5_000_000_000)], records
    assert records[0]["sector"] is None and "Engineering" not in records[0]["title"], records
    assert any("Qazaq Engineering" in c for c in records[0]["companies"]), records
