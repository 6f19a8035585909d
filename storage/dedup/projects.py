"""One project, many announcements: level 5 of issue 5.

The same plant is announced, then built, then opened, by outlets that state its cost in
tenge or in dollars. Announcements are linked into a project when their records agree on
enough of: company, figures (across currencies at that year's rate), capacity, jobs, region,
sector and title words. Stories are never merged here: each announcement keeps its article,
its story and its own figures; the project only groups them into a timeline.
"""
from __future__ import annotations

import json
import math

from .fingerprints import amounts_agree, company_key, concept_facts, numeric_facts
from .lexicon import kzt_per_usd
from .normalise import normalise_text
from .records import ANNOUNCEMENT_FIELDS, decode_announcement, load_article

PROJECT_MIN_SCORE = 3.0      # across stories
SAME_STORY_MIN_SCORE = 1.5   # within one story the articles already agree on the event
AMOUNT_BUCKET_BASE = 1.35    # width of the log-scale buckets that block candidate projects
MAX_CANDIDATES_PER_KEY = 4   # newest first; keeps the cost flat as the database grows
MAX_ANNOUNCEMENTS_PER_PROJECT = 20
STOP_TITLE_CHARS = 4         # title words shorter than this carry no meaning across outlets
TITLE_STEM = 5               # compare words by their first letters (crude, language-free stemming)


def link_projects(db, article_id: int) -> None:
    """Give each announcement of an article a project (an existing one or a new one)."""
    article = load_article(db, article_id)
    year = article.year
    taken: set[int] = set()  # two announcements of one article are two projects
    same_story = _story_projects(db, article.story_id, article_id)
    for rec in article.announcements:
        if rec.get("project_id") is not None:
            taken.add(rec["project_id"])
            continue
        rec["_year"] = year
        candidates = (same_story | _keyed_projects(db, rec)) - taken
        history = _project_announcements(db, candidates)
        best, best_score = None, 0.0
        for project_id in sorted(candidates):
            threshold = SAME_STORY_MIN_SCORE if project_id in same_story else PROJECT_MIN_SCORE
            score = max((pair_score(rec, other) for other in history.get(project_id, [])), default=float("-inf"))
            if score >= threshold and score > best_score:
                best, best_score = project_id, score
        project_id = best or db.execute("INSERT INTO projects (announcement_count) VALUES (0)").lastrowid
        taken.add(project_id)
        db.execute("UPDATE announcements SET project_id = ? WHERE id = ?", [project_id, rec["id"]])
        db.conn.executemany("INSERT OR IGNORE INTO dedup_project_keys (key, project_id) VALUES (?, ?)",
                            [(key, project_id) for key in project_keys(rec)])
        refresh_project(db, project_id)


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
    marks = ", ".join("?" for _ in project_ids)
    rows = db.execute(
        f"SELECT {cols}, coalesce(ar.published, ar.fetched_at) FROM announcements an "
        f"JOIN articles ar ON ar.id = an.article_id WHERE an.project_id IN ({marks}) ORDER BY an.id DESC",
        sorted(project_ids)).fetchall()
    out: dict[int, list[dict]] = {}
    for row in rows:
        rec = decode_announcement(dict(zip(ANNOUNCEMENT_FIELDS, row[:-1])))
        group = out.setdefault(rec["project_id"], [])
        if len(group) >= MAX_ANNOUNCEMENTS_PER_PROJECT:
            continue
        when = row[-1]
        rec["_year"] = int(when[:4]) if when and when[:4].isdigit() else None
        group.append(rec)
    return out


def kzt_equivalent(rec: dict) -> float | None:
    """The record's investment in tenge, converting dollars at the year's average rate."""
    if rec.get("investment_kzt"):
        return float(rec["investment_kzt"])
    if rec.get("investment_usd"):
        return float(rec["investment_usd"]) * kzt_per_usd(rec.get("_year"))
    return None


def _cached(rec: dict, field: str, compute):
    """Per-record memo: a record is scored against many candidates, its derived keys are
    computed once. Keyed by the field's value, so a copied or edited record is never stale."""
    memo = rec.setdefault("_memo", {})
    key = (field, repr(rec.get(field)))
    if key not in memo:
        memo[key] = compute(rec)
    return memo[key]


def _capacity_values(rec: dict) -> set[str]:
    def compute(r):
        capacity = r.get("capacity")
        return {f.key for f in numeric_facts(capacity, keep_small=True)} if capacity else set()
    return _cached(rec, "capacity", compute)


def _company_keys(rec: dict) -> set[str]:
    return _cached(rec, "companies", lambda r: {k for k in (company_key(c) for c in r.get("companies") or []) if k})


def project_keys(rec: dict, probe: bool = False) -> list[str]:
    """Blocking keys: a project is only scored against projects sharing one. With probe=True,
    the neighbouring amount bucket nearer the figure is included too, so two figures within
    one bucket width of each other always meet."""
    keys = [f"co:{k}" for k in _company_keys(rec)]
    regions = rec.get("regions") or ["-"]
    sector = rec.get("sector") or "-"
    kind = rec.get("kind") or "-"
    amount = kzt_equivalent(rec)
    if amount and amount > 0:
        position = math.log(amount) / math.log(AMOUNT_BUCKET_BASE)
        bucket = math.floor(position)
        nearest_neighbour = bucket + 1 if position - bucket >= 0.5 else bucket - 1
        for b in ((bucket, nearest_neighbour) if probe else (bucket,)):
            keys += [f"am:{kind}:{region}:{sector}:{b}" for region in regions]
    for value in _capacity_values(rec):
        keys.append(f"cap:{value}")
    if rec.get("jobs"):
        keys += [f"jr:{kind}:{region}:{int(rec['jobs'])}" for region in regions]
    return keys


def _title_stems(rec: dict) -> set[str]:
    def compute(r):
        words = normalise_text(r.get("title") or "").split()
        return {w[:TITLE_STEM] for w in words if len(w) >= STOP_TITLE_CHARS and not w.isdigit()}
    return _cached(rec, "title", compute)


def _concepts(rec: dict) -> set[str]:
    """What the facility is (a sugar plant, a wind farm), from its title, else its evidence."""
    memo = rec.setdefault("_memo", {})
    key = ("concepts", repr(rec.get("title")), repr(rec.get("evidence")))
    if key not in memo:
        found = {f.key for f in concept_facts(rec.get("title") or "")}
        memo[key] = found or {f.key for f in concept_facts((rec.get("evidence") or "")[:300])}
    return memo[key]


def _companies_meet(a: set[str], b: set[str]) -> bool:
    return any(x == y or (min(len(x), len(y)) >= 4 and (x.startswith(y) or y.startswith(x))) for x in a for y in b)


def pair_score(a: dict, b: dict) -> float:
    """How strongly two announcement records speak of one project; -inf when they cannot."""
    if a.get("kind") and b.get("kind") and a["kind"] != b["kind"]:
        return float("-inf")
    score = 0.0
    regions_a, regions_b = set(a.get("regions") or []), set(b.get("regions") or [])
    if regions_a and regions_b:
        # Not a veto: extracted regions include incidental mentions (where the ore comes from).
        score += 0.5 if regions_a & regions_b else -2.5
    companies_a, companies_b = _company_keys(a), _company_keys(b)
    if companies_a and companies_b:
        # A small penalty only: outlets name different partners, extractors cut names short.
        score += 3.0 if _companies_meet(companies_a, companies_b) else -1.0
    score += _money_score(a, b)
    if a.get("jobs") and b.get("jobs"):
        score += 1.0 if amounts_agree(a["jobs"], b["jobs"], 0.1) else 0.0
    caps_a, caps_b = _capacity_values(a), _capacity_values(b)
    if caps_a and caps_b:
        score += 1.5 if caps_a & caps_b else -0.5
    if a.get("area_m2") and b.get("area_m2") and amounts_agree(a["area_m2"], b["area_m2"], 0.05):
        score += 1.0
    if a.get("project_count") and b.get("project_count"):
        score += 1.5 if a["project_count"] == b["project_count"] else -1.5
    if a.get("sector") and b.get("sector"):
        score += 0.5 if a["sector"] == b["sector"] else -0.5
    concepts_a, concepts_b = _concepts(a), _concepts(b)
    if concepts_a and concepts_b:
        # one company's copper smelter is not its wind farm
        score += 1.0 if concepts_a & concepts_b else -3.0
    stems_a, stems_b = _title_stems(a), _title_stems(b)
    if stems_a and stems_b:
        title_j = len(stems_a & stems_b) / len(stems_a | stems_b)
        score += 1.5 if title_j >= 0.5 else 0.75 if title_j >= 0.3 else 0.0
    return score


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


def refresh_project(db, project_id: int) -> None:
    """Recompute a project's display fields from its announcements."""
    cols = ", ".join(f"an.{c}" for c in ANNOUNCEMENT_FIELDS)
    rows = db.execute(
        f"SELECT {cols}, coalesce(ar.published, ar.fetched_at) AS seen, ar.source_id, ar.story_id "
        f"FROM announcements an JOIN articles ar ON ar.id = an.article_id WHERE an.project_id = ? "
        f"ORDER BY seen, an.id", [project_id]).fetchall()
    if not rows:
        return
    n = len(ANNOUNCEMENT_FIELDS)
    recs = [decode_announcement(dict(zip(ANNOUNCEMENT_FIELDS, r[:n]))) for r in rows]
    first, latest = recs[0], recs[-1]
    regions = list(dict.fromkeys(x for rec in recs for x in rec["regions"]))
    companies = list(dict.fromkeys(x for rec in recs for x in rec["companies"]))
    sectors = [rec["sector"] for rec in recs if rec.get("sector")]
    db.execute(
        "UPDATE projects SET kind = ?, title = ?, status = ?, sector = ?, regions = ?, companies = ?, "
        "first_seen = ?, last_seen = ?, announcement_count = ?, story_count = ?, sources = ? WHERE id = ?",
        [first.get("kind"), first.get("title"),
         next((rec["status"] for rec in reversed(recs) if rec.get("status")), None),
         max(set(sectors), key=sectors.count) if sectors else None,
         json.dumps(regions), json.dumps(companies, ensure_ascii=False), rows[0][n], rows[-1][n], len(rows),
         len({r[n + 2] for r in rows}), json.dumps(list(dict.fromkeys(r[n + 1] for r in rows))), project_id])


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
