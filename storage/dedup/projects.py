"""One project, many announcements: level 5 of issue 5.

The same plant is announced, then built, then opened, by outlets that name it differently and
state its cost in tenge or in dollars, revised from year to year. An announcement joins a
project when its identity (storage/dedup/identity.py: names folded across scripts, what the
facility makes, where it is, its figures) agrees with one of the project's announcements
strongly enough; one company's copper smelter and its wind farm, or two glass plants in two
regions, stay apart. When a new announcement agrees with two projects that were kept apart
only for want of evidence (an early announcement named no company, a later one no figure), it
joins them into one, unless they contradict each other.

Stories are never merged here: each announcement keeps its article, its story and its own
figures; the project only groups them into a timeline.
"""
from __future__ import annotations

import json
import math

from kzmon.extract.announcements.titles import title_class

from .fingerprints import amounts_agree, company_key
from .identity import (capacities_agree, capacity_values, company_names, concepts, concepts_agree, evidence_name_keys, kzt_equivalent,
                       name_keys, regions_meet, specific_stems, strong_name_keys, title_concepts, title_stems, towns)
from .records import ANNOUNCEMENT_FIELDS, decode_announcement, load_article
from .summary import best_title, company_set, latest_status, most_common, region_set

__all__ = ["link_projects", "pair_score", "project_keys", "refresh_project", "project_timeline", "kzt_equivalent"]

PROJECT_MIN_SCORE = 3.0      # across stories
SAME_STORY_MIN_SCORE = 2.0   # within one story the articles already agree on the event
JOIN_MIN_CROSS = 1.0         # two projects joined by a new record must agree on something themselves
AMOUNT_BUCKET_BASE = 1.35    # width of the log-scale buckets that block candidate projects
MAX_CANDIDATES_PER_KEY = 6   # newest first; keeps the cost flat as the database grows
MAX_ANNOUNCEMENTS_PER_PROJECT = 20
OTHER_REGION_PENALTY = 4.0   # another place is another plant (not a veto: an ore's origin is a region too)
WEAK_NAME_SCORE = 1.5        # one word of a longer company name shared
UNANCHORED_MAX = 2.0         # kind of facility alone: may link within a story, never across
EVIDENCE_NAME_SCORE = 1.5    # one record's firm named in the other's evidence, not in its company list
TOWN_SCORE = 1.5             # one kind of facility in one town (below the region): see identity.towns
MAX_INDEXED_CONCEPTS = 2     # an evidence sentence naming more is a list, not one facility


def link_projects(db, article_id: int) -> None:
    """Give each announcement of an article a project (an existing one or a new one).

    Two announcements of one article are two projects, so the article's records are matched to
    projects as a whole, the strongest agreement first: a road to a plant that also names the
    plant's firm must not take the plant's project before the plant's own record, which then
    could only start a project of its own (records in article order did that)."""
    article = load_article(db, article_id)
    year = article.year
    taken: set[int] = set()  # two announcements of one article are two projects
    same_story = _story_projects(db, article.story_id, article_id)
    for rec in article.announcements:
        if rec.get("project_id") is not None:
            taken.add(rec["project_id"])
    pending = [rec for rec in article.announcements if rec.get("project_id") is None]
    candidates: dict[int, set[int]] = {}
    for i, rec in enumerate(pending):
        rec["_year"] = year
        candidates[i] = (same_story | _keyed_projects(db, rec)) - taken
    history = _project_announcements(db, set().union(*candidates.values()) if candidates else set())
    passing: dict[int, dict[int, float]] = {}
    for i, rec in enumerate(pending):
        passing[i] = {}
        for project_id in sorted(candidates[i]):
            threshold = SAME_STORY_MIN_SCORE if project_id in same_story else PROJECT_MIN_SCORE
            score = project_score(rec, history.get(project_id, []))
            if score >= threshold:
                passing[i][project_id] = score
    chosen: dict[int, int] = {}
    for score, i, project_id in sorted((-score, i, p) for i in passing for p, score in passing[i].items()):
        if i not in chosen and project_id not in taken:
            chosen[i] = project_id
            taken.add(project_id)
    gone: set[int] = set()   # projects folded into another by a join
    for i, rec in enumerate(pending):
        if i in chosen:
            project_id = chosen[i]
            for other in sorted(passing[i], key=lambda p: (-passing[i][p], p)):
                if other == project_id or other in taken or other in gone:
                    continue
                if _can_join(history[project_id], history[other]):
                    kept = _join_projects(db, project_id, other, history)
                    gone.add(project_id if kept == other else other)
                    taken.add(kept)
                    project_id = kept
        else:
            project_id = db.execute("INSERT INTO projects (announcement_count) VALUES (0)").lastrowid
        taken.add(project_id)
        db.execute("UPDATE announcements SET project_id = ? WHERE id = ?", [project_id, rec["id"]])
        db.conn.executemany("INSERT OR IGNORE INTO dedup_project_keys (key, project_id) VALUES (?, ?)",
                            [(key, project_id) for key in project_keys(rec)])
        refresh_project(db, project_id)


def project_score(rec: dict, members: list[dict]) -> float:
    """How strongly a record speaks of a project: its best agreement with one of the project's
    announcements (the latest ones). Figures revised over the years are not held against it:
    an early estimate can be a tenth of the final cost."""
    return max((pair_score(rec, other) for other in members), default=float("-inf"))


def _can_join(a: list[dict], b: list[dict]) -> bool:
    """Two projects a new announcement agrees with are one facility unless they contradict:
    an article that reports both as two records, another kind, place or product."""
    # An article that reports both as two records has usually told two facilities apart (two
    # furnaces at two prices); it has not when its two records agree as strongly as
    # announcements of one project do and state no figure apart (the extractor split one
    # facility: its passenger and its cargo terminal under one price).
    if any(x["article_id"] == y["article_id"] and not _split_records(x, y) for x in a for y in b):
        return False
    if any(contradict(x, y) for x in a for y in b):
        return False
    return max(pair_score(x, y) for x in a for y in b) >= JOIN_MIN_CROSS


def _split_records(a: dict, b: dict) -> bool:
    """Two records of one article that read as one facility: they agree as a project's
    announcements do, and no figure both state differs."""
    for field, tolerance in (("investment_kzt", 0.01), ("investment_usd", 0.01), ("jobs", 0.01), ("area_m2", 0.01)):
        if a.get(field) and b.get(field) and not amounts_agree(a[field], b[field], tolerance):
            return False
    caps_a, caps_b = capacity_values(a), capacity_values(b)
    if caps_a and caps_b and not capacities_agree(caps_a, caps_b):
        return False
    return pair_score(a, b) >= PROJECT_MIN_SCORE


def contradict(a: dict, b: dict) -> bool:
    """Records that cannot be one facility whatever else they share."""
    if a.get("kind") and b.get("kind") and a["kind"] != b["kind"]:
        return True
    regions_a, regions_b = set(a.get("regions") or []), set(b.get("regions") or [])
    if regions_a and regions_b and not regions_meet(regions_a, regions_b):
        return True
    concepts_a, concepts_b = title_concepts(a), title_concepts(b)
    return bool(concepts_a and concepts_b and not concepts_agree(concepts_a, concepts_b))


def _join_projects(db, a: int, b: int, history: dict[int, list[dict]]) -> int:
    """Fold the newer project into the older one (its id is the one users may have seen first)."""
    keep, gone = min(a, b), max(a, b)
    db.execute("UPDATE announcements SET project_id = ? WHERE project_id = ?", [keep, gone])
    db.execute("INSERT OR IGNORE INTO dedup_project_keys (key, project_id) "
               "SELECT key, ? FROM dedup_project_keys WHERE project_id = ?", [keep, gone])
    db.execute("DELETE FROM dedup_project_keys WHERE project_id = ?", [gone])
    if db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'digest_stalled'").fetchone():
        db.execute("UPDATE OR IGNORE digest_stalled SET project_id = ? WHERE project_id = ?", [keep, gone])
        db.execute("DELETE FROM digest_stalled WHERE project_id = ?", [gone])
    db.execute("DELETE FROM projects WHERE id = ?", [gone])
    merged = history.get(keep, []) + history.get(gone, [])
    for rec in merged:
        rec["project_id"] = keep
    history[keep] = merged
    history.pop(gone, None)
    return keep


def _story_projects(db, story_id: int | None, article_id: int) -> set[int]:
    if story_id is None:
        return set()
    rows = db.execute(
        "SELECT DISTINCT an.project_id FROM articles ar JOIN announcements an ON an.article_id = ar.id "
        "WHERE ar.story_id = ? AND ar.id != ? AND an.project_id IS NOT NULL", [story_id, article_id]).fetchall()
    return {r[0] for r in rows}


def _keyed_projects(db, rec: dict) -> set[int]:
    found: set[int] = set()
    for key in project_keys(rec, probe=True):
        rows = db.execute("SELECT project_id FROM dedup_project_keys WHERE key = ? ORDER BY project_id DESC "
                          f"LIMIT {MAX_CANDIDATES_PER_KEY}", [key]).fetchall()
        found.update(r[0] for r in rows)
    return found


def _project_announcements(db, project_ids: set[int]) -> dict[int, list[dict]]:
    """The latest announcements of each candidate project, in one query."""
    if not project_ids:
        return {}
    cols = ", ".join(f"an.{c}" for c in ANNOUNCEMENT_FIELDS)
    # Only the newest few of each project leave SQLite: a project that grew to hundreds of
    # announcements costs no more to compare with than a young one.
    newest = " UNION ALL ".join(f"SELECT * FROM (SELECT id FROM announcements WHERE project_id = ? "
                                f"ORDER BY id DESC LIMIT {MAX_ANNOUNCEMENTS_PER_PROJECT})" for _ in project_ids)
    rows = db.execute(
        f"SELECT {cols}, coalesce(ar.published, ar.fetched_at) FROM announcements an "
        f"JOIN articles ar ON ar.id = an.article_id WHERE an.id IN ({newest}) ORDER BY an.id DESC",
        sorted(project_ids)).fetchall()
    out: dict[int, list[dict]] = {}
    for row in rows:
        rec = decode_announcement(dict(zip(ANNOUNCEMENT_FIELDS, row[:-1])))
        group = out.setdefault(rec["project_id"], [])
        when = row[-1]
        rec["_year"] = int(when[:4]) if when and when[:4].isdigit() else None
        group.append(rec)
    return out


def _company_keys(rec: dict) -> set[str]:
    return {k for k in (company_key(c) for c in company_names(rec)) if k}


def project_keys(rec: dict, probe: bool = False) -> list[str]:
    """Blocking keys: a project is only scored against projects sharing one: a company, what the
    facility makes in one region, or a figure. With probe=True, the neighbouring amount bucket
    nearer the figure is included too, so two figures within one bucket width always meet."""
    keys = [f"co:{k}" for k in _company_keys(rec)]
    regions = rec.get("regions") or ["-"]
    sector = rec.get("sector") or "-"
    kind = rec.get("kind") or "-"
    facility = concepts(rec)
    if len(facility) <= MAX_INDEXED_CONCEPTS:
        keys += [f"cr:{kind}:{concept}:{region}" for concept in sorted(facility) for region in regions]
    amount = kzt_equivalent(rec)
    if amount and amount > 0:
        position = math.log(amount) / math.log(AMOUNT_BUCKET_BASE)
        bucket = math.floor(position)
        nearest_neighbour = bucket + 1 if position - bucket >= 0.5 else bucket - 1
        for b in ((bucket, nearest_neighbour) if probe else (bucket,)):
            keys += [f"am:{kind}:{region}:{sector}:{b}" for region in regions]
    for value in capacity_values(rec):
        keys.append(f"cap:{value}")
    if rec.get("jobs"):
        keys += [f"jr:{kind}:{region}:{int(rec['jobs'])}" for region in regions]
    return keys


def pair_score(a: dict, b: dict) -> float:
    """How strongly two announcement records speak of one project; -inf when they cannot."""
    if a.get("kind") and b.get("kind") and a["kind"] != b["kind"]:
        return float("-inf")
    if _site_and_plant(a, b):
        return float("-inf")   # a cluster or a zone and a plant in it are two projects, one firm's or not
    score = 0.0
    anchored = False  # a name or a figure shared: what tells one plant from its kind
    regions_a, regions_b = set(a.get("regions") or []), set(b.get("regions") or [])
    same_place = bool(regions_a and regions_b) and regions_meet(regions_a, regions_b)
    if regions_a and regions_b:
        # Weighs against a shared name: one company's plant in another region is another plant.
        # Not a veto: extracted regions include incidental mentions (where the ore comes from).
        score += 0.5 if same_place else -OTHER_REGION_PENALTY
        # A place shared anchors nothing: a report that names no firm ("жел электр станциясы",
        # Zhambyl region) fits every wind farm of the region, and through it Masdar's and China
        # Power's became one project. Dev pairs: precision 0.761 -> 0.839, recall 0.392 -> 0.362.
    names_a, names_b = name_keys(a), name_keys(b)
    names_apart = bool(names_a and names_b) and not names_a & names_b   # two firms named, none shared
    if names_a and names_b:
        # A small penalty only: outlets name different partners, extractors cut names short.
        if strong_name_keys(a) & strong_name_keys(b):
            score += 3.0
        elif names_a & names_b:
            score += WEAK_NAME_SCORE  # one word of a longer name: a holding or a person may share it
        elif _evidence_names_other(a, b):
            score += EVIDENCE_NAME_SCORE
            anchored = True
        else:
            score -= 1.0
        anchored |= bool(names_a & names_b)
    elif (names_a or names_b) and _evidence_names_other(a, b):
        score += EVIDENCE_NAME_SCORE  # a report that lists no firm names it in its evidence
        anchored = True
    money = _money_score(a, b)
    score += money
    anchored |= money > 0
    if a.get("jobs") and b.get("jobs") and amounts_agree(a["jobs"], b["jobs"], 0.1):
        score += 1.0
        anchored = True
    caps_a, caps_b = capacity_values(a), capacity_values(b)
    if caps_a and caps_b:
        same_capacity = capacities_agree(caps_a, caps_b)
        score += 1.5 if same_capacity else -0.5
        anchored |= same_capacity
    if a.get("area_m2") and b.get("area_m2") and amounts_agree(a["area_m2"], b["area_m2"], 0.05):
        score += 1.0
        anchored = True
    if a.get("project_count") and b.get("project_count"):
        score += 1.5 if a["project_count"] == b["project_count"] else -1.5
        anchored |= a["project_count"] == b["project_count"]
    if a.get("sector") and b.get("sector"):
        score += 0.5 if a["sector"] == b["sector"] else -0.5
    concepts_a, concepts_b = concepts(a), concepts(b)
    other_kind = False
    if concepts_a and concepts_b:
        # one company's copper smelter is not its wind farm
        same_facility = concepts_agree(concepts_a, concepts_b)
        other_kind = not same_facility
        score += 1.0 if same_facility else -3.0
        # Two firms' plants of one kind can stand in one town (two ferroalloy plants in Ekibastuz).
        if same_facility and towns(a) & towns(b) and not names_apart:
            score += TOWN_SCORE  # a wind farm in Zhanatas, not one of the region's wind farms
            anchored = True
    stems_a, stems_b = title_stems(a), title_stems(b)
    if stems_a and stems_b:
        title_j = len(stems_a & stems_b) / len(stems_a | stems_b)
        score += 1.5 if title_j >= 0.5 else 0.75 if title_j >= 0.3 else 0.0
        # "завод горячего цинкования" in Karaganda region twice, no firm named: what the plant makes,
        # in words beyond its kind ("hot-dip galvanizing", not "wind" or "plant"), in one place,
        # tells it from the region's other plants as a name would. Dev project links P 0.749 ->
        # 0.755, R 0.431 -> 0.467; blind unchanged.
        if title_j >= 0.5 and same_place and not other_kind and not names_apart and specific_stems(a) & specific_stems(b):
            anchored = True
    # What a facility is (concept, sector, title words) says the same thing three times and
    # fits every plant of its kind: without a shared name or figure it links nothing.
    return score if anchored else min(score, UNANCHORED_MAX)


def _site_and_plant(a: dict, b: dict) -> bool:
    """One title names a site (a cluster, a zone, a park) and the other a plant (extract's reference
    classes): "cotton-textile cluster" and "cotton ginning plant" of one firm in one zone."""
    classes = {title_class(a.get("title") or ""), title_class(b.get("title") or "")}
    return classes == {"site", "plant"}


def _evidence_names_other(a: dict, b: dict) -> bool:
    """One record's firm (a name that identifies it) named in the head of the other's evidence."""
    return bool(strong_name_keys(a) & evidence_name_keys(b) or strong_name_keys(b) & evidence_name_keys(a))


def _money_score(a: dict, b: dict) -> float:
    for field in ("investment_kzt", "investment_usd"):
        if a.get(field) and b.get(field):
            if amounts_agree(a[field], b[field], 0.01):
                return 2.0
            if amounts_agree(a[field], b[field], 0.3):
                return 1.0  # a revised estimate
            return -1.5 if not amounts_agree(a[field], b[field], 1.0) else 0.0
    kzt_a, kzt_b = kzt_equivalent(a), kzt_equivalent(b)
    if kzt_a and kzt_b:
        if amounts_agree(kzt_a, kzt_b, 0.2):
            return 1.5
        return -1.5 if not amounts_agree(kzt_a, kzt_b, 1.0) else 0.0
    return 0.0


SUMMARY_WINDOW = 50  # the newest announcements a project's title, companies, region and sector are read from


def refresh_project(db, project_id: int) -> None:
    """Recompute a project's display fields from its announcements.

    Counts, dates and sources come from SQL over all of them; the fields read from the records
    themselves from the newest SUMMARY_WINDOW, so adding an announcement to a project that has
    hundreds costs what it costs for a young one (the daily job stores thousands in a row)."""
    seen = "coalesce(ar.published, ar.fetched_at)"
    joined = "FROM announcements an JOIN articles ar ON ar.id = an.article_id WHERE an.project_id = ?"
    first, last, count, stories = db.execute(
        f"SELECT min({seen}), max({seen}), count(*), count(DISTINCT ar.story_id) {joined}", [project_id]).fetchone()
    if not count:
        return
    sources = [r[0] for r in db.execute(f"SELECT ar.source_id, min({seen}) AS s {joined} GROUP BY ar.source_id "
                                        "ORDER BY s, min(an.id)", [project_id]).fetchall()]
    cols = ", ".join(f"an.{c}" for c in ANNOUNCEMENT_FIELDS)
    rows = db.execute(f"SELECT {cols}, {seen} AS seen {joined} ORDER BY seen DESC, an.id DESC LIMIT {SUMMARY_WINDOW}",
                      [project_id]).fetchall()
    n = len(ANNOUNCEMENT_FIELDS)
    recs = [decode_announcement(dict(zip(ANNOUNCEMENT_FIELDS, r[:n]))) for r in reversed(rows)]
    db.execute(
        "UPDATE projects SET kind = ?, title = ?, status = ?, sector = ?, regions = ?, companies = ?, "
        "first_seen = ?, last_seen = ?, announcement_count = ?, story_count = ?, sources = ? WHERE id = ?",
        [most_common([rec.get("kind") for rec in recs]), best_title(recs), latest_status(recs),
         most_common([rec.get("sector") for rec in recs]), json.dumps(region_set(recs)),
         json.dumps(company_set(recs), ensure_ascii=False), first, last, count, stories, json.dumps(sources),
         project_id])


def project_timeline(db, project_id: int) -> list[dict]:
    """Every announcement of a project, oldest first, each with its own source's figures."""
    rows = db.execute(
        "SELECT an.id, an.article_id, ar.story_id, coalesce(ar.published, ar.fetched_at) AS seen, ar.source_id, "
        "ar.url, ar.language, ar.title, an.kind, an.title, an.status, an.investment_kzt, an.investment_usd, "
        "an.jobs, an.capacity, an.area_m2, an.period, an.evidence FROM announcements an "
        "JOIN articles ar ON ar.id = an.article_id WHERE an.project_id = ? ORDER BY seen, an.id",
        [project_id]).fetchall()
    keys = ("announcement_id", "article_id", "story_id", "published", "source_id", "url", "language",
            "article_title", "kind", "title", "status", "investment_kzt", "investment_usd", "jobs", "capacity",
            "area_m2", "period", "evidence")
    return [dict(zip(keys, row)) for row in rows]
