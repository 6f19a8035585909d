"""Undated articles are uncertain, not new: their fetch day bounds their date from above only.

A backfill fetches years of undated reporting in one night. Put on its fetch day, such an
article could never join the story it belongs to (stories look within days) and would look
like today's news; so the story window widens for it, and because it may then be any time away
from a candidate, only identity-level evidence joins them (two telling figures). Real SQLite,
articles stored through storage.store_article as the processing stage stores them.
"""
from __future__ import annotations

from datetime import timedelta

import pytest

from kzmon import storage
from kzmon.storage.articles import ArticleRecord, store_article
from kzmon.storage.dedup.stories import EVENT_WINDOW_DAYS, UNDATED_WINDOW_DAYS, probes

REPORT = ("ASTANA – Qazaq Glass will build a float glass plant in the Kyzylorda Region worth 78.2 billion tenge "
          "(US$163.7 million). The plant will produce 600 tonnes of glass per day and create 480 jobs. "
          "Construction is to begin next spring on a site of 30 hectares near the city, the regional akimat said.")
REWRITE = ("Kyzylorda region will get a float glass factory: Qazaq Glass is investing 78.2 billion tenge, or "
           "$163.7 million, in the project, according to the Ministry of Industry. Up to 480 people will work at "
           "the factory, which is designed for 600 tonnes of glass a day. Builders will start work in spring.")
FOLLOW_UP = ("Qazaq Glass has received a loan for its float glass plant in the Kyzylorda region. The 78.2 billion "
             "tenge project is now 40 percent complete, the company said, and the first glass is expected next "
             "year. The company expects the plant to export half of its output to Central Asian markets.")
SAME_DAY_NOTE = ("A float glass plant is coming to the Kyzylorda region, the regional akimat said on Monday. "
                 "The factory will make 600 tonnes of glass a day; the akimat did not say what it will cost or who "
                 "will build it, only that construction starts in spring near the regional centre.")

FAR_NOTE = ("In the Kyzylorda region glass makers plan a float glass line of 600 tonnes a day, local officials "
            "told reporters at a briefing about the region's industrial plans for the coming years.")


@pytest.fixture
def db(tmp_path):
    db = storage.open_db(tmp_path / "kzmon.db")
    db.execute("INSERT INTO sources (id) VALUES ('a'), ('b'), ('c'), ('d')")
    return db


def add(db, source: str, text: str, published: str | None, fetched: str) -> int:
    url = f"https://{source}.kz/news/{abs(hash(text)) % 10**8}"
    article_id = store_article(db, ArticleRecord(
        source_id=source, url=url, canonical_url=url, text=text, title=text[:60], language="en",
        published=f"{published}T10:00:00+05:00" if published else None, published_source="meta" if published else None,
        fetched_at=f"{fetched}T12:00:00+05:00"))
    assert article_id is not None
    return db.execute("SELECT story_id FROM articles WHERE id = ?", [article_id]).fetchone()[0]


def test_an_undated_rewrite_fetched_months_later_joins_its_story(db):
    story = add(db, "a", REPORT, "2025-03-10", "2025-03-10")
    assert add(db, "b", REWRITE, None, "2025-09-30") == story
    # the story keeps its own days: the rewrite's fetch day is not when it was in the news
    first, last, count = db.execute("SELECT first_seen, last_seen, article_count FROM stories WHERE id = ?",
                                    [story]).fetchone()
    assert first[:10] == last[:10] == "2025-03-10" and count == 2


def test_a_dated_report_stored_after_an_undated_one_finds_it(db):
    undated = add(db, "b", REWRITE, None, "2025-09-30")   # a backfill stores in any order
    assert add(db, "a", REPORT, "2025-03-10", "2025-10-01") == undated


def test_far_apart_one_telling_figure_marks_the_project_not_the_story(db):
    story = add(db, "a", REPORT, "2025-03-10", "2025-03-10")
    # same plant, same investment figure, months later: news of the project, another story
    assert add(db, "c", FOLLOW_UP, None, "2025-09-30") != story


def test_an_undated_article_fetched_the_same_days_keeps_the_same_day_rules(db):
    story = add(db, "a", REPORT, "2025-03-10", "2025-03-10")
    assert add(db, "d", SAME_DAY_NOTE, None, "2025-03-11") == story     # a daily crawl fetches what is new
    # other words with the same weak evidence (place, facility, a small figure), fetched far away:
    # uncertain, and not enough
    assert add(db, "c", FAR_NOTE, None, "2026-01-20") != story


def test_an_undated_article_beyond_the_wide_window_is_not_probed(db):
    story = add(db, "a", REPORT, "2022-03-10", "2022-03-10")
    assert add(db, "b", REWRITE, None, "2025-09-30") != story


def test_far_from_its_day_an_article_looks_up_figures_only():
    near = {("dedup_facts", False, 1000 - EVENT_WINDOW_DAYS, 1000 + EVENT_WINDOW_DAYS),
            ("dedup_undated_facts", False, 1000 - EVENT_WINDOW_DAYS, 1000 + EVENT_WINDOW_DAYS)}
    # a dated article: undated ones fetched long after it may be its reports
    assert set(probes(1000, undated=False)) == near | {
        ("dedup_undated_facts", True, 1001 + EVENT_WINDOW_DAYS, 1000 + UNDATED_WINDOW_DAYS)}
    # an undated one: anything up to UNDATED_WINDOW_DAYS before its fetch day, and undated ones after
    assert set(probes(1000, undated=True)) == near | {
        ("dedup_undated_facts", True, 1001 + EVENT_WINDOW_DAYS, 1000 + UNDATED_WINDOW_DAYS),
        ("dedup_facts", True, 1000 - UNDATED_WINDOW_DAYS, 999 - EVENT_WINDOW_DAYS),
        ("dedup_undated_facts", True, 1000 - UNDATED_WINDOW_DAYS, 999 - EVENT_WINDOW_DAYS)}


# --- the digest: an undated report is news only when its story is ----------------------------

def _digest_world(tmp_path):
    from test_digest_support import AS_OF, make_config, make_db
    config = make_config(tmp_path)
    db = make_db(config)
    return config, db, AS_OF


def _store(db, source: str, text: str, published: str | None, fetched: str, title: str,
           **fields: object) -> int:
    url = f"https://{source}.example.kz/news/{abs(hash(text)) % 10**8}"
    record = {"kind": "project", "companies": [], "title": title, "status": "planned",
              "sector": "building_materials", "regions": ["KZ-43"], "investment_kzt": 78_200_000_000,
              "evidence": text.split(". ")[0]} | fields
    article_id = store_article(db, ArticleRecord(
        source_id=source, url=url, canonical_url=url, text=text, title=title, language="en",
        published=published, published_source="meta" if published else None, fetched_at=fetched,
        announcements=[record]))
    assert article_id is not None
    return article_id


def test_an_old_story_found_again_undated_is_not_news(tmp_path):
    from kzmon.digest import write_digest
    from kzmon.digest.query import build_digest_data, flatten
    config, db, as_of = _digest_world(tmp_path)
    old = _store(db, "wire", REPORT, (as_of - timedelta(days=250)).isoformat(), (as_of - timedelta(days=250)).isoformat(),
                 "Float glass plant in Kyzylorda")
    write_digest(db, config, tmp_path / "out", as_of=as_of - timedelta(days=249))   # that day's edition
    # today a crawl finds an undated rewrite of the old report (its record has the jobs figure the
    # old one lacked, which would make it an update): it joins the old story ...
    rewrite = _store(db, "vestnik", REWRITE, None, as_of.isoformat(), "Glass factory for Kyzylorda", jobs=480)
    story = db.execute("SELECT story_id FROM articles WHERE id = ?", [old]).fetchone()[0]
    assert db.execute("SELECT story_id FROM articles WHERE id = ?", [rewrite]).fetchone()[0] == story
    # ... and is not today's news for having been fetched today
    data, _ = build_digest_data(db, config, as_of)
    listed = {ann_article(db, i) for e in flatten(data["new"]) + data["updates"] for i in e["announcement_ids"]}
    assert rewrite not in listed


def ann_article(db, announcement_id: int) -> int:
    return db.execute("SELECT article_id FROM announcements WHERE id = ?", [announcement_id]).fetchone()[0]


def test_an_undated_report_of_a_current_story_is_news_with_it(tmp_path):
    from kzmon.digest import write_digest
    from kzmon.digest.query import build_digest_data, flatten
    from test_digest_support import sample_news
    config, db, as_of = _digest_world(tmp_path)
    sample_news(db)
    write_digest(db, config, tmp_path / "out", as_of=as_of - timedelta(days=1))   # both sources digested before
    dated = _store(db, "wire", REPORT, (as_of - timedelta(hours=20)).isoformat(), as_of.isoformat(),
                   "Float glass plant in Kyzylorda")
    undated = _store(db, "vestnik", REWRITE, None, as_of.isoformat(), "Glass factory for Kyzylorda")
    data, claimed = build_digest_data(db, config, as_of)
    listed = {ann_article(db, i) for e in flatten(data["new"]) for i in e["announcement_ids"]}
    assert {dated, undated} <= listed


def test_after_a_backfill_undated_reports_are_history_not_news(tmp_path):
    from kzmon.digest import write_digest
    from kzmon.digest.query import build_digest_data, flatten
    from test_digest_support import sample_news
    config, db, as_of = _digest_world(tmp_path)
    sample_news(db)
    write_digest(db, config, tmp_path / "out", as_of=as_of - timedelta(days=1))   # not the first edition
    # a backfill of an already digested source: years of dated reports and undated ones, fetched tonight
    for n in range(30):
        _store(db, "vestnik", f"{REPORT} Archive item {n} about project number {n * 7 + 3}.",
               as_of.replace(year=2015 + n % 10).isoformat(), as_of.isoformat(), f"Archive {n}")
    undated = [_store(db, "vestnik", f"Undated archive page {n}: the regional akimat lists {n + 11} projects "
                      f"in its plan, among them a brick works of {n + 2} billion tenge and new roads.",
                      None, as_of.isoformat(), f"Undated {n}") for n in range(5)]
    data, claimed = build_digest_data(db, config, as_of)
    assert data["history"] is not None
    listed = {ann_article(db, i) for e in flatten(data["new"]) for i in e["announcement_ids"]}
    assert not listed & set(undated), "undated reports fetched with a backfill are not listed as new"
    assert data["history"]["announcements"] == 35
    assert dict(data["history"]["by_year"])["undated"] == 5
    history_ids = {r[0] for r in db.execute(
        f"SELECT id FROM announcements WHERE article_id IN ({','.join('?' * len(undated))})", undated)}
    assert history_ids <= set(claimed)
