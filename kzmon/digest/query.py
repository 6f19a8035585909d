"""What goes into a digest: new projects, updates to known ones, source health, totals.

The result is plain JSON-able data (an edition), stored with the edition so that a retry,
a per-recipient filter or a resend all render from the same facts the day's digest had.
"""
from __future__ import annotations

import json
from collections import defaultdict
from datetime import datetime, timedelta

import sqlite_utils

from kzmon.config import Config

from .labels import region_label

# A source with no article for this many days is reported as quiet.
QUIET_AFTER_DAYS = 3
# Extraction is reported as failing when at least this share of a source's recent articles
# (and at least MIN_ARTICLES of them) came out with no usable text.
EXTRACTION_FAIL_SHARE = 0.5
MIN_ARTICLES = 3
MIN_TEXT_CHARS = 200

FIGURES = ("status", "investment_kzt", "investment_usd", "jobs", "period", "capacity", "project_count")

_ANNOUNCEMENT_COLUMNS = (
    "n.id, n.article_id, n.position, n.kind, n.title, n.status, n.sector, n.regions, n.companies, "
    "n.project_count, n.investment_kzt, n.investment_usd, n.jobs, n.area_m2, n.capacity, n.period, "
    "n.evidence, n.project_id, a.story_id, a.url, a.title AS article_title, a.published, a.language, "
    "a.source_id, a.fetched_at"
)


def _rows(db: sqlite_utils.Database, sql: str, params: list | tuple = ()) -> list[dict]:
    cursor = db.execute(sql, params)
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def _source_names(db: sqlite_utils.Database, config: Config) -> dict[str, str]:
    names = {s.id: s.name for s in config.sources}
    for row in _rows(db, "SELECT id, name FROM sources"):
        if row["name"]:
            names.setdefault(row["id"], row["name"])
    return names


def _julian(moment: datetime) -> float:
    """Julian day number of an aware datetime, to compare with SQLite's julianday()."""
    return moment.timestamp() / 86400.0 + 2440587.5


def candidate_announcements(db: sqlite_utils.Database, config: Config, as_of: datetime) -> list[dict]:
    """Undigested announcements of articles from the crawl window.

    The window keeps a backfill from turning tomorrow's digest into years of history: older
    announcements stay searchable in the database but are not news.
    """
    since = (as_of - timedelta(days=config.crawl.window_days)).isoformat()
    return _rows(
        db,
        f"SELECT {_ANNOUNCEMENT_COLUMNS} FROM announcements n JOIN articles a ON a.id = n.article_id "
        "LEFT JOIN digest_items d ON d.announcement_id = n.id "
        "WHERE d.announcement_id IS NULL AND julianday(coalesce(a.published, a.fetched_at)) >= julianday(?) "
        "ORDER BY a.published, n.article_id, n.position",
        [since],
    )


def _same_story_project(a: dict, b: dict) -> bool:
    """Two announcements of one story describe the same project when a figure or the title agrees."""
    if a["kind"] != b["kind"]:
        return False
    for field in ("investment_kzt", "investment_usd", "jobs", "project_count"):
        if a[field] is not None and a[field] == b[field]:
            return True
    return bool(a["title"]) and (a["title"] or "").strip().lower() == (b["title"] or "").strip().lower()


def group_entries(announcements: list[dict]) -> list[list[dict]]:
    """One group per project: by project_id when dedup set it, else matched inside a story."""
    groups: list[list[dict]] = []
    by_project: dict[int, list[dict]] = {}
    by_story: dict[int, list[list[dict]]] = defaultdict(list)
    for ann in announcements:
        if ann["project_id"] is not None:
            if ann["project_id"] not in by_project:
                by_project[ann["project_id"]] = []
                groups.append(by_project[ann["project_id"]])
            by_project[ann["project_id"]].append(ann)
            continue
        if ann["story_id"] is not None:
            for group in by_story[ann["story_id"]]:
                if any(_same_story_project(ann, other) for other in group) and \
                        all(other["article_id"] != ann["article_id"] for other in group):
                    group.append(ann)
                    break
            else:
                group = [ann]
                by_story[ann["story_id"]].append(group)
                groups.append(group)
            continue
        groups.append([ann])
    return groups


AMOUNT_TOLERANCE = 0.1


def _values(group: list[dict], field: str) -> set:
    return {ann[field] for ann in group if ann[field] is not None}


def _compatible(a: list[dict], b: list[dict]) -> bool:
    """Two groups of one story can be one project: nothing they state contradicts.

    Fragments of one story (a record with only the jobs, another with only the period) are
    usually the same project seen twice; a different amount, sector or region means not.
    """
    if _values(a, "kind") != _values(b, "kind"):
        return False
    for field in ("investment_kzt", "investment_usd"):
        for x in _values(a, field):
            for y in _values(b, field):
                if abs(x - y) > AMOUNT_TOLERANCE * max(x, y):
                    return False
    sectors_a, sectors_b = _values(a, "sector"), _values(b, "sector")
    if sectors_a and sectors_b and not sectors_a & sectors_b:
        return False
    regions_a = {code for ann in a for code in json.loads(ann["regions"] or "[]")}
    regions_b = {code for ann in b for code in json.loads(ann["regions"] or "[]")}
    return not (regions_a and regions_b and not regions_a & regions_b)


def merge_story_fragments(groups: list[list[dict]]) -> list[list[dict]]:
    """Within each story, fold compatible project groups into the richest one."""
    out: list[list[dict]] = []
    by_story: dict[int, list[list[dict]]] = defaultdict(list)
    ordered = sorted(groups, key=lambda g: -sum(_filled(ann) for ann in g))
    placed: dict[int, list[dict]] = {}
    for group in ordered:
        stories = {ann["story_id"] for ann in group if ann["story_id"] is not None}
        target = None
        if len(stories) == 1 and all(ann["kind"] == "project" for ann in group):
            target = next((g for g in by_story[next(iter(stories))] if _compatible(g, group)), None)
        if target is not None:
            target.extend(group)
            continue
        for story in stories:
            by_story[story].append(group)
        placed[id(group)] = group
    for group in groups:  # keep the original order of first appearance
        if id(group) in placed:
            out.append(group)
    return out


def _filled(ann: dict) -> int:
    return sum(ann[f] not in (None, "", "[]") for f in (*FIGURES, "sector", "regions", "companies"))


def _richest(group: list[dict]) -> dict:
    """The report that states most, for the entry's headline figures."""
    return max(group, key=_filled)


def _merged(group: list[dict], field: str):
    best = _richest(group)[field]
    if best is not None:
        return best
    return next((ann[field] for ann in group if ann[field] is not None), None)


def _sources(db: sqlite_utils.Database, group: list[dict], names: dict[str, str]) -> list[dict]:
    """Every article reporting it: the group's own, then the rest of their stories."""
    article_ids = list(dict.fromkeys(ann["article_id"] for ann in group))
    story_ids = sorted({ann["story_id"] for ann in group if ann["story_id"] is not None})
    rows = _rows(db, f"SELECT id, url, title, published, language, source_id FROM articles WHERE id IN "
                     f"({','.join('?' * len(article_ids))})", article_ids)
    if story_ids:
        rows += _rows(db, f"SELECT id, url, title, published, language, source_id FROM articles WHERE story_id IN "
                          f"({','.join('?' * len(story_ids))}) ORDER BY published, id", story_ids)
    seen: set[int] = set()
    out = []
    for row in sorted(rows, key=lambda r: (r["id"] not in article_ids, r["published"] or "", r["id"])):
        if row["id"] in seen:
            continue
        seen.add(row["id"])
        out.append({"url": row["url"], "title": row["title"], "published": (row["published"] or "")[:10],
                    "language": row["language"], "source_id": row["source_id"],
                    "source": names.get(row["source_id"], row["source_id"])})
    return out


def _entry(db: sqlite_utils.Database, group: list[dict], names: dict[str, str]) -> dict:
    best = _richest(group)
    regions: list[str] = []
    companies: list[str] = []
    for ann in group:
        for code in json.loads(ann["regions"] or "[]"):
            if code not in regions:
                regions.append(code)
        for company in json.loads(ann["companies"] or "[]"):
            if company not in companies:
                companies.append(company)
    entry = {field: _merged(group, field) for field in (*FIGURES, "sector", "area_m2")}
    entry.update({
        "kind": best["kind"], "title": best["title"], "evidence": best["evidence"],
        "regions": regions, "region_names": [region_label(code) for code in regions],
        "companies": companies, "project_id": best["project_id"],
        "announcement_ids": [ann["id"] for ann in group],
        "languages": sorted({ann["language"] for ann in group if ann["language"]}),
        "sources": _sources(db, group, names),
    })
    return entry


def _previous_report(db: sqlite_utils.Database, project_id: int, exclude: list[int]) -> dict | None:
    rows = _rows(
        db,
        f"SELECT {_ANNOUNCEMENT_COLUMNS} FROM announcements n JOIN articles a ON a.id = n.article_id "
        f"WHERE n.project_id = ? AND n.id NOT IN ({','.join('?' * len(exclude))}) "
        "ORDER BY coalesce(a.published, a.fetched_at) DESC, n.id DESC",
        [project_id, *exclude],
    )
    return rows[0] if rows else None


def _changes(previous: dict, entry: dict) -> list[dict]:
    return [{"field": field, "old": previous[field], "new": entry[field]}
            for field in FIGURES
            if entry[field] is not None and entry[field] != previous[field]]


def source_health(db: sqlite_utils.Database, config: Config, as_of: datetime) -> dict:
    names = _source_names(db, config)
    failing = []
    last_run = db.execute("SELECT max(id) FROM runs").fetchone()[0]
    if last_run is not None:
        for row in _rows(db, "SELECT source_id, errors, last_error FROM run_sources "
                             "WHERE run_id = ? AND errors > 0 ORDER BY source_id", [last_run]):
            failing.append({"source": names.get(row["source_id"], row["source_id"]),
                            "errors": row["errors"], "last_error": row["last_error"]})
    quiet = []
    bad_extraction = []
    window_start = (as_of - timedelta(days=config.crawl.window_days)).isoformat()
    for source in config.enabled_sources():
        last = db.execute("SELECT max(julianday(coalesce(published, fetched_at))) FROM articles "
                          "WHERE source_id = ?", [source.id]).fetchone()[0]
        if last is None:
            quiet.append({"source": source.name, "days": None})
        else:
            days = int(_julian(as_of) - last)
            if days >= QUIET_AFTER_DAYS:
                quiet.append({"source": source.name, "days": days})
        total, empty = db.execute(
            "SELECT count(*), sum(length(coalesce(text, '')) < ? OR title IS NULL OR title = '') "
            "FROM articles WHERE source_id = ? AND julianday(coalesce(published, fetched_at)) >= julianday(?)",
            [MIN_TEXT_CHARS, source.id, window_start]).fetchone()
        if total >= MIN_ARTICLES and (empty or 0) / total >= EXTRACTION_FAIL_SHARE:
            bad_extraction.append({"source": source.name, "articles": total, "empty": empty})
    return {"failing": failing, "quiet": quiet, "extraction": bad_extraction, "quiet_after_days": QUIET_AFTER_DAYS}


def totals(new: list[dict], updates: list[dict]) -> dict:
    entries = new + updates
    return {
        "projects": sum(e["kind"] != "program" for e in new),
        "programs": sum(e["kind"] == "program" for e in new),
        "updates": len(updates),
        "investment_kzt": sum(e["investment_kzt"] or 0 for e in new),
        "investment_usd": sum(e["investment_usd"] or 0 for e in new),
        "jobs": sum(e["jobs"] or 0 for e in new),
        "articles": len({s["url"] for e in entries for s in e["sources"]}),
        "sources": len({s["source_id"] for e in entries for s in e["sources"]}),
    }


def build_digest_data(db: sqlite_utils.Database, config: Config, as_of: datetime) -> tuple[dict, list[int]]:
    """The edition's facts and the announcement ids it claims."""
    names = _source_names(db, config)
    announcements = candidate_announcements(db, config, as_of)
    new, updates = [], []
    for group in merge_story_fragments(group_entries(announcements)):
        entry = _entry(db, group, names)
        previous = (_previous_report(db, entry["project_id"], entry["announcement_ids"])
                    if entry["project_id"] is not None else None)
        if previous is None:
            new.append(entry)
            continue
        entry["changes"] = _changes(previous, entry)
        entry["previous_published"] = (previous["published"] or "")[:10]
        if entry["changes"]:
            updates.append(entry)
    claimed = [ann["id"] for ann in announcements]
    data = {
        "as_of": as_of.isoformat(timespec="seconds"),
        "new": new,
        "updates": updates,
        "health": source_health(db, config, as_of),
    }
    data["totals"] = totals(new, updates)
    return data, claimed
