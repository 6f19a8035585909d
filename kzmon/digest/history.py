"""History and silence: what a first run or a backfill found, and projects that went quiet.

A first run over a new source (or a backfill) stores years of reporting. Listing it as "new"
would bury the day's news, so such an edition claims it as history and shows a summary:
counts by year, region and sector and the largest projects.

A project with no news for `digest.stalled_months` months is marked in `digest_stalled` (a
table the digest owns, storage/migrations.py) and listed once, in the first edition of a month.
"""
from __future__ import annotations

import json
from collections import Counter
from datetime import datetime, timedelta

import sqlite_utils

from kzmon.config import Config
from kzmon.storage.dating import trusted_sql

from . import labels, titles

LARGEST = 5
QUIET_LISTED = 15


def rows(db: sqlite_utils.Database, sql: str, params: list | tuple = ()) -> list[dict]:
    cursor = db.execute(sql, params)
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


# An article without a trustworthy date (kzmon/storage/dating.py) is uncertain, not new: its
# fetch day says when kzmon found it, not when it happened. Its story's dated reports date it.
DATED = trusted_sql("a")
STORY_LAST_DATED = f"(SELECT max(julianday({trusted_sql('s')})) FROM articles s WHERE s.story_id = a.story_id)"


def undigested_announcements(db: sqlite_utils.Database, columns: str, condition: str, params: list,
                             order: str = "a.published, n.article_id, n.position") -> list[dict]:
    """Announcements (n) no digest has listed yet, of the articles (a) that meet `condition`."""
    return rows(
        db,
        f"SELECT {columns} FROM announcements n JOIN articles a ON a.id = n.article_id "
        "LEFT JOIN digest_items d ON d.announcement_id = n.id "
        f"WHERE d.announcement_id IS NULL AND ({condition}) ORDER BY {order}",
        params,
    )


def old_announcements(db: sqlite_utils.Database, config: Config, as_of: datetime, columns: str) -> list[dict]:
    """Undigested announcements of articles older than the window; of undated articles whose
    story's dated reports are all older than the window (an old story found again); and of
    undated articles of a source that has never been in a digest (a new source's archive)."""
    since = (as_of - timedelta(days=config.crawl.window_days)).isoformat()
    return undigested_announcements(
        db, columns,
        f"julianday({DATED}) < julianday(?) "
        f"OR ({DATED} IS NULL AND {STORY_LAST_DATED} < julianday(?)) "
        f"OR ({DATED} IS NULL AND a.source_id NOT IN ("
        "  SELECT DISTINCT a2.source_id FROM digest_items d2 JOIN announcements n2 ON n2.id = d2.announcement_id "
        "  JOIN articles a2 ON a2.id = n2.article_id WHERE a2.source_id IS NOT NULL))",
        [since, since],
    )


def uncertain_announcements(db: sqlite_utils.Database, config: Config, as_of: datetime, columns: str) -> list[dict]:
    """Undigested announcements of undated articles whose story has no dated report in the window.

    A daily crawl finds such an article as it appears, so an ordinary edition lists it; an
    edition after a backfill (history mode) cannot tell it from the years of reporting the
    backfill fetched the same night, and summarises it with them instead of calling it new."""
    since = (as_of - timedelta(days=config.crawl.window_days)).isoformat()
    return undigested_announcements(
        db, columns, f"{DATED} IS NULL AND coalesce({STORY_LAST_DATED} < julianday(?), 1)", [since],
        order="n.article_id, n.position",
    )


def _title(ann: dict, lang: str) -> str:
    if titles.usable_title(ann["title"], lang, ann["language"]):
        return ann["title"]
    entry = {"companies": [], "sector": ann["sector"], "kind": ann["kind"], "project_count": ann["project_count"],
             "status": ann["status"],
             "region_names": [labels.region_label(c, lang) for c in json.loads(ann["regions"] or "[]")]}
    if ann["kind"] == "program":
        return titles.program_description(entry, lang)
    return titles.project_label(entry, [ann["title"], ann["article_title"], ann["evidence"]], lang) \
        or titles.project_description(entry, lang)


def history_summary(db: sqlite_utils.Database, old: list[dict], names: dict[str, str], lang: str,
                    window_days: int) -> dict:
    from .query import usd_equivalent

    by_year: Counter = Counter()
    by_region: Counter = Counter()
    by_sector: Counter = Counter()
    projects: dict[object, dict] = {}
    for ann in old:
        year = (ann["published"] or "")[:4] or "undated"
        by_year[year] += 1
        regions = json.loads(ann["regions"] or "[]")
        by_region[labels.region_label(regions[0], lang) if len(regions) == 1 else
                  labels.region_group({"region_names": regions, "kind": ann["kind"]}, lang)] += 1
        by_sector[labels.sector_label(ann["sector"], lang)] += 1
        if ann["kind"] == "program":
            continue
        usd, converted = usd_equivalent(ann["investment_usd"], ann["investment_kzt"],
                                        int(year) if year.isdigit() else None)
        key = ann["project_id"] or ("a", ann["id"])
        if usd and (key not in projects or usd > projects[key]["usd"]):
            title = _title(ann, lang)
            projects[key] = {"title": title[:1].upper() + title[1:], "usd": usd, "usd_converted": converted,
                             "investment_kzt": ann["investment_kzt"], "investment_usd": ann["investment_usd"],
                             "year": year, "url": ann["url"], "source": names.get(ann["source_id"], ann["source_id"])}
    years = [y for y in by_year if y.isdigit()]
    return {
        "announcements": len(old),
        "projects": len({ann["project_id"] or ("a", ann["id"]) for ann in old if ann["kind"] != "program"}),
        "span": f"{min(years)}–{max(years)}" if years else "",
        "by_year": sorted(by_year.items(), key=lambda kv: kv[0]),
        "by_region": by_region.most_common(8),
        "by_sector": by_sector.most_common(8),
        "largest": sorted(projects.values(), key=lambda p: -p["usd"])[:LARGEST],
        "window_days": window_days,
    }


# --- gone quiet -----------------------------------------------------------------------------

def _cutoff(as_of: datetime, months: int) -> str:
    return (as_of - timedelta(days=round(months * 30.44))).isoformat()


def first_edition_of_month(db: sqlite_utils.Database, day: str) -> bool:
    return db.execute("SELECT count(*) FROM digest_editions WHERE substr(day, 1, 7) = ?",
                      [day[:7]]).fetchone()[0] == 0


def _stalled_projects(db: sqlite_utils.Database, as_of: datetime, months: int) -> list[dict]:
    return rows(db, "SELECT p.id, p.kind, p.title, p.status, p.sector, p.regions, p.companies, p.first_seen, "
                     "p.last_seen, p.announcement_count FROM projects p "
                     "WHERE julianday(p.last_seen) < julianday(?) ORDER BY p.last_seen", [_cutoff(as_of, months)])


def mark_stalled(db: sqlite_utils.Database, as_of: datetime, months: int) -> int:
    """Record every project silent for `months` (once); forget those with news again."""
    day = as_of.date().isoformat()
    stalled = _stalled_projects(db, as_of, months)
    with db.atomic():
        db.execute("DELETE FROM digest_stalled WHERE project_id IN (SELECT id FROM projects "
                   "WHERE julianday(last_seen) >= julianday(?))", [_cutoff(as_of, months)])
        for p in stalled:
            db.execute("INSERT OR IGNORE INTO digest_stalled (project_id, last_news, marked_on) VALUES (?, ?, ?)",
                       [p["id"], p["last_seen"], day])
    return len(stalled)


def gone_quiet(db: sqlite_utils.Database, config: Config, as_of: datetime, lang: str, *,
               history_mode: bool = False) -> dict | None:
    """The month's "gone quiet" section: stalled projects not listed before, in the first
    edition of a month; None on other days."""
    day = as_of.date().isoformat()
    if not first_edition_of_month(db, day):
        return None
    months = config.digest.stalled_months
    listed = {r[0] for r in db.execute("SELECT project_id FROM digest_stalled WHERE listed_edition IS NOT NULL")}
    projects = [p for p in _stalled_projects(db, as_of, months) if p["id"] not in listed]
    if not projects:
        return None
    items = []
    for p in sorted(projects, key=lambda p: p["last_seen"] or "", reverse=True):
        regions = json.loads(p["regions"] or "[]")
        entry = {"companies": [c for c in json.loads(p["companies"] or "[]") if titles.is_company(c)][:2],
                 "sector": p["sector"], "kind": p["kind"], "project_count": None, "status": p["status"],
                 "region_names": [labels.region_label(c, lang) for c in regions]}
        title = p["title"] if titles.usable_title(p["title"], lang, None) else (
            titles.project_label(entry, [p["title"]], lang) or titles.project_description(entry, lang))
        items.append({"project_id": p["id"], "title": title[:1].upper() + title[1:], "status": p["status"],
                      "region": labels.region_group(entry, lang), "last_news": (p["last_seen"] or "")[:10],
                      "reports": p["announcement_count"]})
    return {"months": months, "project_ids": [i["project_id"] for i in items], "count": len(items),
            "items": [] if history_mode else items[:QUIET_LISTED],
            "more": len(items) if history_mode else max(0, len(items) - QUIET_LISTED)}


def mark_listed(db: sqlite_utils.Database, edition_id: int, project_ids: list[int], day: str) -> None:
    with db.atomic():
        for pid in project_ids:
            db.execute("INSERT OR IGNORE INTO digest_stalled (project_id, marked_on) VALUES (?, ?)", [pid, day])
            db.execute("UPDATE digest_stalled SET listed_edition = ? WHERE project_id = ? AND listed_edition IS NULL",
                       [edition_id, pid])
