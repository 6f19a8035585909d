"""Story recall: two rules that join reports of one event the earlier rules left apart.

- A status conflict splits two reports only when the later one is further along (planned ->
  under construction -> commissioned): that is news of the next stage. A later report at an
  earlier stage is the same news read differently, and does not split.
- The same company and the same kind of facility identify an event among reports of the same
  days even when only one of them names the region.

event_score directly, and through storage.store_article on real SQLite.
"""
from __future__ import annotations

import pytest

from kzmon import storage
from kzmon.storage.articles import ArticleRecord, store_article
from kzmon.storage.dedup.stories import event_score

SHARED = {"v:43700000000": 1.5, "v:197100": 1.5, "cn:glass": 1.5, "rg:KZ-43": 1.0, "co:rdgls": 1.5}


def rec(status: str) -> list[dict]:
    return [{"status": status}]


@pytest.mark.parametrize(("earlier", "later", "joined"), [
    ("commissioned", "under_construction", True),    # went back: one event, read differently
    ("under_construction", "planned", True),
    ("planned", "commissioned", False),              # the next stage: news of its own
    ("under_construction", "commissioned", False),
])
def test_a_status_conflict_splits_only_when_the_later_report_is_further_along(earlier, later, joined):
    a, b = dict(SHARED), dict(SHARED)
    assert (event_score(a, b, rec(earlier), rec(later), 10, b_later=True) > 0) is joined
    assert (event_score(b, a, rec(later), rec(earlier), 10, b_later=False) > 0) is joined   # either way round
    assert event_score(a, b, rec(earlier), rec(later), 10, b_later=None) == 0.0   # order unknown: split as before
    assert event_score(a, b, rec(earlier), rec(later), 2, b_later=True) > 0       # same days: never split


def test_the_same_company_and_facility_identify_an_event_of_the_same_days():
    a = {"co:kngkhrm": 1.5, "cn:glass": 1.5, "nm:rdgls": 2.0, "rg:KZ-43": 1.0, "v:226": 1.5}
    b = {"co:kngkhrm": 1.5, "cn:glass": 1.5, "nm:rdgls": 2.0, "v:226": 1.5}          # no region named
    assert event_score(a, b, [], [], 1) > 0
    assert event_score(a, {k: v for k, v in b.items() if k != "cn:glass"}, [], [], 1) == 0.0  # company alone
    assert event_score(a, {k: v for k, v in b.items() if k != "co:kngkhrm"}, [], [], 1) == 0.0  # facility alone
    assert event_score(a, b, [], [], 10) == 0.0   # days apart: only a telling figure identifies an event


REPORT_KK = ("Қызылорда облысында Orda Glass Ltd компаниясының шыны зауыты іске қосылды. Зауыт жылына "
             "197,1 мың тонна шыны шығарады, жобаның құны 43,7 млрд теңге, 226 жұмыс орны ашылды, деп "
             "хабарлады облыс әкімдігі. Кәсіпорын Қызылорда қаласының индустриялық аймағында орналасқан.")
REPORT_RU = ("В Кызылорде на заводе Orda Glass Ltd запустили плавильную печь. Стоимость проекта 43,7 млрд "
             "тенге, мощность завода 197,1 тысячи тонн листового стекла в год, на предприятии работают 226 "
             "человек. Строительство завода в индустриальной зоне Кызылорды продолжается.")


def test_a_later_report_at_an_earlier_stage_joins_the_story(tmp_path):
    db = storage.open_db(tmp_path / "kzmon.db")
    db.execute("INSERT INTO sources (id) VALUES ('kk'), ('ru')")
    stories = []
    for source, text, day, status, language in (("kk", REPORT_KK, "2021-12-08", "commissioned", "kk"),
                                                ("ru", REPORT_RU, "2021-12-20", "under_construction", "ru")):
        record = {"kind": "project", "title": "Orda Glass", "status": status, "regions": ["KZ-43"],
                  "companies": ["Orda Glass Ltd"], "investment_kzt": 43_700_000_000, "jobs": 226,
                  "capacity": "197 100 t"}
        article_id = store_article(db, ArticleRecord(
            source_id=source, url=f"https://{source}.kz/1", canonical_url=f"https://{source}.kz/1", text=text,
            title=text[:50], language=language, published=f"{day}T10:00:00+05:00", published_source="meta",
            fetched_at=f"{day}T12:00:00+05:00", announcements=[record]))
        stories.append(db.execute("SELECT story_id FROM articles WHERE id = ?", [article_id]).fetchone()[0])
    assert stories[0] == stories[1]
