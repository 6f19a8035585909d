"""What goes into a digest: new projects, updates to known ones, source health, totals.

The result is plain JSON-able data (an edition), stored with the edition so that a retry,
a per-recipient filter or a resend all render from the same facts the day's digest had.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from datetime import datetime, timedelta
from urllib.parse import urlsplit

import sqlite_utils

from kzmon.config import Config

from . import labels, titles
from .history import DATED, STORY_LAST_DATED, uncertain_announcements, undigested_announcements
from .history import gone_quiet as _gone_quiet
from .history import history_summary
from .history import rows as _rows
from .history import old_announcements as _old_announcements
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
    # An undated article (no trustworthy date) counts by its fetch day only while its story has
    # no dated report older than the window: an old story found again is not news.
    return undigested_announcements(
        db, _ANNOUNCEMENT_COLUMNS,
        f"julianday({DATED}) >= julianday(?) OR ({DATED} IS NULL "
        f"AND julianday(a.fetched_at) >= julianday(?) AND coalesce({STORY_LAST_DATED} >= julianday(?), 1))",
        [since, since, since],
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


def old_announcements(db: sqlite_utils.Database, config: Config, as_of: datetime) -> list[dict]:
    return _old_announcements(db, config, as_of, _ANNOUNCEMENT_COLUMNS)


OFFICIAL_SOURCES = ("primeminister", "investgovkz")
OFFICIAL_PREFIXES = ("govkz-",)
OFFICIAL_HOSTS = ("gov.kz", "primeminister.kz")


def is_official(source_id: str | None, url: str | None) -> bool:
    """A government site: the Prime Minister's, gov.kz bodies, KAZAKH INVEST."""
    sid = source_id or ""
    if sid in OFFICIAL_SOURCES or sid.startswith(OFFICIAL_PREFIXES):
        return True
    host = (urlsplit(url or "").hostname or "").lower()
    return any(host == h or host.endswith("." + h) for h in OFFICIAL_HOSTS)


def outlet_key(source_id: str | None, url: str | None) -> str:
    """One outlet across its language editions (inform-en, inform-ru, inform-kk are Kazinform)."""
    sid = source_id or (urlsplit(url or "").hostname or "")
    return re.sub(r"-(en|ru|kk)$", "", sid)


def _article_rows(db: sqlite_utils.Database, where: str, params: list) -> list[dict]:
    return _rows(db, "SELECT id, url, title, published, language, source_id, story_id, "
                     "(SELECT count(*) FROM announcements x WHERE x.article_id = articles.id) AS announcements "
                     f"FROM articles WHERE {where}", params)


def _sources(db: sqlite_utils.Database, group: list[dict], names: dict[str, str],
             primary: dict) -> list[dict]:
    """Every article reporting this entry: those with one of its records, and the articles of
    its stories that carry no record at all (the extractor missed it there). An article of the
    story whose records are about something else is not a source of this entry."""
    article_ids = list(dict.fromkeys(ann["article_id"] for ann in group))
    story_ids = sorted({ann["story_id"] for ann in group if ann["story_id"] is not None})
    rows = _article_rows(db, f"id IN ({','.join('?' * len(article_ids))})", article_ids)
    if story_ids:
        rows += [r for r in _article_rows(db, f"story_id IN ({','.join('?' * len(story_ids))})", story_ids)
                 if r["announcements"] == 0]
    seen: set[int] = set()
    out = []
    order = lambda r: (r["id"] != primary["article_id"], r["published"] or "", r["id"])  # noqa: E731
    for row in sorted(rows, key=order):
        if row["id"] in seen:
            continue
        seen.add(row["id"])
        evidence = next((ann["evidence"] for ann in group if ann["article_id"] == row["id"]
                         and ann is primary), None)
        out.append({"url": row["url"], "title": row["title"], "published": (row["published"] or "")[:10],
                    "language": row["language"], "source_id": row["source_id"],
                    "source": names.get(row["source_id"], row["source_id"]),
                    "outlet": outlet_key(row["source_id"], row["url"]),
                    "official": is_official(row["source_id"], row["url"]),
                    "evidence": evidence, "article_id": row["id"]})
    return out


def _primary(group: list[dict], lang: str) -> dict:
    """The report the entry quotes: in the digest's language when there is one, else the one
    that states most; its evidence is shown under its own outlet and link."""
    return max(group, key=lambda ann: (ann["language"] == lang, bool(ann["evidence"]), _filled(ann),
                                       -(ann["article_id"] or 0)))


def _regions(group: list[dict], best: dict) -> list[str]:
    """The regions most of its reports state (at least half of them): one regional article in a
    story about a national programme does not file the programme under that city."""
    stated = [json.loads(ann["regions"] or "[]") for ann in group]
    counts: dict[str, int] = defaultdict(int)
    for regions in stated:
        for code in dict.fromkeys(regions):
            counts[code] += 1
    if best["kind"] == "program" and len(group) > 1:
        return [code for code, n in counts.items() if n * 2 > len(group)]
    return [code for code, n in counts.items() if n * 2 >= len(group)]


def usd_equivalent(investment_usd: float | None, investment_kzt: float | None, year: int | None) -> tuple[float | None, bool]:
    """(US$ amount, converted?): the stated dollar figure, else tenge at the year's rate."""
    if investment_usd:
        return float(investment_usd), False
    if not investment_kzt:
        return None, False
    rate = kzt_rate(year)
    return (investment_kzt / rate, True) if rate else (None, False)


def kzt_rate(year: int | None) -> float | None:
    """The deduplicator's yearly rate table, so a tenge-only project can be told in dollars."""
    from kzmon.storage.dedup.lexicon import kzt_per_usd
    try:
        return kzt_per_usd(year)
    except (KeyError, ValueError, OSError):
        return None


def _entry(db: sqlite_utils.Database, group: list[dict], names: dict[str, str], lang: str) -> dict:
    best = _richest(group)
    primary = _primary(group, lang)
    regions = _regions(group, best)
    entry = {field: _merged(group, field) for field in (*FIGURES, "sector", "area_m2")}
    kind = best["kind"]
    if kind == "program" and len(group) > 1:
        sectors = [ann["sector"] for ann in group if ann["sector"]]
        top = max(set(sectors), key=sectors.count) if sectors else None
        entry["sector"] = top if top and sectors.count(top) * 2 > len(group) else None
    entry.update({
        "kind": kind, "title": best["title"], "evidence": primary["evidence"],
        "regions": regions, "region_names": [region_label(code, lang) for code in regions],
        "project_id": best["project_id"],
        "announcement_ids": [ann["id"] for ann in group],
        "story_ids": sorted({ann["story_id"] for ann in group if ann["story_id"] is not None}),
        "languages": sorted({ann["language"] for ann in group if ann["language"]}),
    })
    entry["companies"] = titles.companies(group, primary, lang)
    sources = _sources(db, group, names, primary)
    entry["sources"] = sources
    entry["outlets"] = len({s["outlet"] for s in sources})
    entry["official"] = any(s["official"] for s in sources)
    published = next((s["published"] for s in sources if s["published"]), "")
    year = int(published[:4]) if published[:4].isdigit() else None
    entry["published"] = published
    entry["usd"], entry["usd_converted"] = usd_equivalent(entry["investment_usd"], entry["investment_kzt"], year)
    _name(entry, group, primary, lang)
    return entry


def _name(entry: dict, group: list[dict], primary: dict, lang: str) -> None:
    """display_title in the digest's language; original_title kept when it differs."""
    capacity_record = next((ann for ann in sorted(group, key=lambda a: a is not primary)
                            if ann["capacity"] and titles.capacity_in(ann["capacity"], lang, ann["language"])), None)
    entry["capacity_display"] = (titles.capacity_in(capacity_record["capacity"], lang, capacity_record["language"])
                                 if capacity_record else None)
    originals = [ann["title"] for ann in [primary, *group] if ann["title"] and not titles.is_generic(ann["title"])
                 and not titles.is_truncated(ann["title"]) and not titles.is_noisy(ann["title"])]
    original = originals[0] if originals else None
    entry["original_title"] = None
    if entry["kind"] == "program":
        entry["display_title"] = titles.program_description(entry, lang)
        return  # a programme's own words ("projects", "new projects") add nothing to the description
    usable = [ann for ann in [primary, *group]
              if titles.usable_title(titles.strip_agencies(ann["title"] or ""), lang, ann["language"])]
    if usable:
        entry["display_title"] = titles.tidy_title(titles.strip_agencies(usable[0]["title"]))  # the extractor's own
        return
    texts = [ann["title"] for ann in [primary, *group]] + [s["title"] for s in entry["sources"]] + \
            [ann["evidence"] for ann in group]
    label = titles.project_label(entry, texts, lang)
    entry["display_title"] = label or titles.project_description(entry, lang)
    entry["original_title"] = original
    if entry["capacity"] and not entry["capacity_display"]:
        entry["original_capacity"] = entry["capacity"]


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


# --- blocks: a programme and what its story reports inside it ------------------------------

def _weight(entry: dict) -> tuple:
    return (entry.get("usd") or 0, entry.get("project_count") or 0, len(entry["sources"]))


def build_blocks(entries: list[dict]) -> list[dict]:
    """Top-level entries. Entries of one story that hold a programme become one block: the
    programme's figures at the head, its sub-figures and projects beneath ("children"), never
    summed twice. When a project outweighs the programmes of its story (a smelter article that
    mentions the country's two other smelters), those programmes are only context lines."""
    parent = list(range(len(entries)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_story: dict[int, int] = {}
    for i, entry in enumerate(entries):
        for story in entry["story_ids"]:
            if story in by_story:
                parent[find(i)] = find(by_story[story])
            else:
                by_story[story] = i
    components: dict[int, list[dict]] = defaultdict(list)
    for i, entry in enumerate(entries):
        components[find(i)].append(entry)
    out: list[dict] = []
    for i in sorted(components):
        members = components[i]
        for entry in members:
            entry.setdefault("children", [])
            entry.setdefault("context", [])
        members = _fold_mentions(members)
        programs = [e for e in members if e["kind"] == "program"]
        projects = [e for e in members if e["kind"] != "program"]
        if not programs or len(members) == 1:
            out.extend(members)
            continue
        head = max(programs, key=lambda e: ((e.get("project_count") or 0) >= 3, _weight(e)))
        for other in [e for e in programs if e is not head and _same_programme(head, e)]:
            _absorb(head, other)
            members.remove(other)
            programs.remove(other)
        biggest = max(projects, key=_weight, default=None)
        if biggest is not None and (biggest.get("usd") or 0) > (head.get("usd") or 0) \
                and (head.get("project_count") or 0) < 3:
            biggest["context"] = sorted(programs, key=_weight, reverse=True)
            out.extend(projects)
            continue
        head["children"] = sorted((e for e in members if e is not head),
                                  key=lambda e: (e["kind"] != "program", [-x for x in _weight(e)]))
        out.append(head)
    return out


def _has_figures(entry: dict) -> bool:
    return any(entry.get(f) is not None for f in ("investment_kzt", "investment_usd", "jobs", "project_count",
                                                    "capacity", "area_m2"))


def _fold_mentions(members: list[dict]) -> list[dict]:
    """A project record with no figure of its own, in a story whose other entries have them
    and in no other region, is a mention ("the tyres will go to domestic car plants"), not a
    second event: it joins the story's largest entry as one more report of it."""
    with_figures = [e for e in members if _has_figures(e)]
    if not with_figures or len(members) == 1:
        return members
    target = max(with_figures, key=_weight)
    out = []
    for entry in members:
        if entry is not target and entry["kind"] != "program" and not _has_figures(entry) \
                and set(entry["regions"]) <= set(target["regions"]):
            _absorb(target, entry, figures=False)
            continue
        out.append(entry)
    return out


def _same_programme(a: dict, b: dict) -> bool:
    """The same pool reported twice (dedup kept two project ids): same count, amounts agreeing."""
    if not a.get("project_count") or a.get("project_count") != b.get("project_count"):
        return False
    for field in ("investment_kzt", "investment_usd"):
        x, y = a.get(field), b.get(field)
        if x and y and abs(x - y) > AMOUNT_TOLERANCE * max(x, y):
            return False
    return True


def _absorb(head: dict, other: dict, figures: bool = True) -> None:
    head["announcement_ids"] += other["announcement_ids"]
    known = {s["article_id"] for s in head["sources"]}
    head["sources"] += [s for s in other["sources"] if s["article_id"] not in known]
    head["outlets"] = len({s["outlet"] for s in head["sources"]})
    head["official"] = any(s["official"] for s in head["sources"])
    head["languages"] = sorted(set(head["languages"]) | set(other["languages"]))
    for field in (*FIGURES, "sector") if figures else ():
        if head.get(field) is None and other.get(field) is not None:
            head[field] = other[field]


def flatten(blocks: list[dict]) -> list[dict]:
    """Every entry once: heads, then their children."""
    out = []
    for block in blocks:
        out.append(block)
        out.extend(block.get("children") or [])
    return out


def source_health(db: sqlite_utils.Database, config: Config, as_of: datetime) -> dict:
    """Each source at most once: failing (with its reason) first; quiet or empty only if not failing."""
    names = _source_names(db, config)
    failing = []
    last_run = db.execute("SELECT max(id) FROM runs").fetchone()[0]
    ran: list[str] = []
    if last_run is not None:
        ran = [r[0] for r in db.execute("SELECT DISTINCT source_id FROM run_sources WHERE run_id = ?", [last_run])]
        for row in _rows(db, "SELECT source_id, sum(errors) AS errors, max(last_error) AS last_error FROM run_sources "
                             "WHERE run_id = ? AND errors > 0 GROUP BY source_id ORDER BY source_id", [last_run]):
            failing.append({"source_id": row["source_id"], "source": names.get(row["source_id"], row["source_id"]),
                            "errors": row["errors"], "last_error": row["last_error"]})
    failing_ids = {f["source_id"] for f in failing}
    quiet = []
    bad_extraction = []
    window_start = (as_of - timedelta(days=config.crawl.window_days)).isoformat()
    for source in config.enabled_sources():
        if source.id in failing_ids:
            continue
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
    ran_count = len(ran)
    enabled = {s.id for s in config.enabled_sources()}
    all_failing = bool(failing_ids) and (enabled <= failing_ids or (ran_count > 1 and set(ran) <= failing_ids))
    return {"failing": failing, "quiet": quiet, "extraction": bad_extraction, "quiet_after_days": QUIET_AFTER_DAYS,
            "sources_run": ran_count, "all_failing": all_failing}


def _sum(entries: list[dict], field: str) -> float:
    return sum(e.get(field) or 0 for e in entries)


def totals(new: list[dict], updates: list[dict]) -> dict:
    """Projects each once (heads and those inside programmes); programmes apart, heads only
    (a programme's sub-figures are parts of it). Never added together."""
    all_new = flatten(new)
    projects = [e for e in all_new if e["kind"] != "program"]
    programmes = [e for e in new if e["kind"] == "program"]
    entries = all_new + updates
    return {
        "projects": len(projects),
        "programs": len(programmes),
        "updates": len(updates),
        "investment_kzt": _sum(projects, "investment_kzt"),
        "investment_usd": _sum(projects, "investment_usd"),
        "usd": _sum(projects, "usd"),
        "jobs": int(_sum(projects, "jobs")),
        "program_usd": _sum(programmes, "usd"),
        "program_kzt": _sum(programmes, "investment_kzt"),
        "program_projects": int(_sum(programmes, "project_count")),
        "articles": len({s["url"] for e in entries for s in e["sources"]}),
        "sources": len({s["source_id"] for e in entries for s in e["sources"]}),
    }


def glance(new: list[dict], lang: str) -> dict:
    """New investment (US$ equivalent) and project counts by region and sector; the top three."""
    projects = [e for e in flatten(new) if e["kind"] != "program"]
    by_region: dict[str, list] = defaultdict(lambda: [0.0, 0])
    by_sector: dict[str, list] = defaultdict(lambda: [0.0, 0])
    for e in projects:
        by_region[labels.region_group(e, lang)][0] += e.get("usd") or 0
        by_region[labels.region_group(e, lang)][1] += 1
        by_sector[labels.sector_label(e.get("sector"), lang)][0] += e.get("usd") or 0
        by_sector[labels.sector_label(e.get("sector"), lang)][1] += 1

    def rows(table: dict) -> list[dict]:
        top = max((v[0] for v in table.values()), default=0) or 1
        return [{"label": k, "usd": v[0], "count": v[1], "pct": round(100 * v[0] / top)}
                for k, v in sorted(table.items(), key=lambda kv: (-kv[1][0], -kv[1][1], kv[0]))]

    top3 = sorted((e for e in projects if e.get("usd")), key=lambda e: -e["usd"])[:3]
    return {"regions": rows(by_region), "sectors": rows(by_sector),
            "top3": [{"title": e.get("display_title") or e.get("title"), "usd": e["usd"],
                      "usd_converted": e.get("usd_converted"),
                      "investment_kzt": e["investment_kzt"], "investment_usd": e["investment_usd"],
                      "region": labels.region_group(e, lang), "status": e["status"]} for e in top3]}


def _first_edition(db: sqlite_utils.Database) -> bool:
    return db.execute("SELECT count(*) FROM digest_editions").fetchone()[0] == 0


def build_digest_data(db: sqlite_utils.Database, config: Config, as_of: datetime) -> tuple[dict, list[int]]:
    """The edition's facts and the announcement ids it claims."""
    lang = config.digest.language
    names = _source_names(db, config)
    announcements = candidate_announcements(db, config, as_of)
    old = old_announcements(db, config, as_of)
    history_mode = bool(old) and (_first_edition(db) or len(old) > config.digest.backfill_threshold)
    if history_mode:  # undated reports fetched with the history are history too (uncertain, not new)
        known = {ann["id"] for ann in old}
        old += [ann for ann in uncertain_announcements(db, config, as_of, _ANNOUNCEMENT_COLUMNS) if ann["id"] not in known]
    history_ids = {ann["id"] for ann in old} if history_mode else set()
    announcements = [ann for ann in announcements if ann["id"] not in history_ids]
    new, updates = [], []
    for group in merge_story_fragments(group_entries(announcements)):
        entry = _entry(db, group, names, lang)
        previous = (_previous_report(db, entry["project_id"], entry["announcement_ids"])
                    if entry["project_id"] is not None else None)
        if previous is None:
            new.append(entry)
            continue
        entry["changes"] = _changes(previous, entry)
        entry["previous_published"] = (previous["published"] or "")[:10]
        entry["previous_source"] = names.get(previous["source_id"], previous["source_id"])
        if entry["changes"]:
            updates.append(entry)
    blocks = build_blocks(new)
    claimed = [ann["id"] for ann in announcements] + sorted(history_ids)
    data = {
        "as_of": as_of.isoformat(timespec="seconds"),
        "settings": {"language": lang, "max_html_bytes": config.digest.max_html_bytes,
                     "window_days": config.crawl.window_days, "stalled_months": config.digest.stalled_months},
        "new": blocks,
        "updates": updates,
        "health": source_health(db, config, as_of),
        "history": history_summary(db, old, names, lang, config.crawl.window_days) if history_mode else None,
        "gone_quiet": _gone_quiet(db, config, as_of, lang, history_mode=history_mode),
    }
    data["totals"] = totals(blocks, updates)
    data["glance"] = glance(blocks, lang)
    year = as_of.year
    data["rate"] = {"year": year, "kzt_per_usd": kzt_rate(year)}
    return data, claimed
