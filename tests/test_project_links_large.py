"""A project that grows large (one plant reported for years, or a degenerate pool) must still
cost what a young one costs to compare with and refresh (only its newest announcements are
read), while its counts, dates and outlets stay those of all its announcements."""
import json
from datetime import date, timedelta

import pytest

from kzmon import storage
from dedup_support import add_article
from kzmon.storage.dedup.projects import MAX_ANNOUNCEMENTS_PER_PROJECT, SUMMARY_WINDOW, _project_announcements

REPORTS = SUMMARY_WINDOW + 15


@pytest.fixture
def grown(tmp_path):
    db = storage.open_db(tmp_path / "kzmon.db")
    start = date(2024, 1, 1)
    for n in range(REPORTS):
        status = "planned" if n < REPORTS - 1 else "commissioned"
        record = {"kind": "project", "title": "EuroChem fertilizer plant", "companies": ["EuroChem"],
                  "regions": ["KZ-31"], "sector": "chemicals", "status": status,
                  "investment_kzt": 500_000_000_000, "jobs": 900}
        add_article(db, n, record["title"], (start + timedelta(days=9 * n)).isoformat(), [record],
                    source=f"outlet{n % 7}", title=f"EuroChem plant in Zhambyl region, report {n}")
    return db


def test_counts_dates_and_outlets_cover_every_announcement(grown):
    (project,) = grown.execute("SELECT id, announcement_count, first_seen, last_seen, sources, status FROM projects "
                               "WHERE announcement_count > 1").fetchall()
    pid, count, first, last, sources, status = project
    assert count == REPORTS > SUMMARY_WINDOW
    assert first.startswith("2024-01-01") and last.startswith((date(2024, 1, 1) + timedelta(days=9 * (REPORTS - 1))).isoformat())
    assert sorted(json.loads(sources)) == sorted(f"outlet{k}" for k in range(7))
    assert json.loads(sources)[0] == "outlet0"  # in the order the outlets first reported it
    assert status == "commissioned"


def test_comparison_reads_only_the_newest_announcements(grown):
    (pid,) = grown.execute("SELECT id FROM projects WHERE announcement_count > 1").fetchone()
    newest = _project_announcements(grown, {pid})[pid]
    ids = [r[0] for r in grown.execute("SELECT id FROM announcements WHERE project_id = ? ORDER BY id DESC", [pid])]
    assert [r["id"] for r in newest] == ids[:MAX_ANNOUNCEMENTS_PER_PROJECT]
