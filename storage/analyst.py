"""An analyst's database: foreign keys, lookup tables, whole-unit money and two views.

Registered as migrations at the end of storage/migrations.py. SQLite cannot add a foreign key
with ALTER TABLE, so the tables that refer to other rows are rebuilt with sqlite-utils'
`table.transform()`, which copies every row (ids kept) into a new table and renames it into
place; indexes come back by themselves, triggers (the FTS index's) are recreated here.
"""
from __future__ import annotations

from pathlib import Path

import sqlite_utils

from kzmon.extract.data_files import load_yaml

DATA = Path(__file__).resolve().parent / "data"
REGIONS_YAML = Path(__file__).resolve().parent.parent / "extract" / "data" / "regions.yaml"

# (table, column, other table): the references an analyst joins on.
FOREIGN_KEYS = (
    ("announcements", "project_id", "projects"),
    ("articles", "story_id", "stories"),
    ("run_sources", "run_id", "runs"),
    ("run_sources", "source_id", "sources"),
)
MONEY = ("investment_kzt", "investment_usd", "area_m2")


def _has_fk(db: sqlite_utils.Database, table: str, column: str) -> bool:
    return any(fk.column == column for fk in db[table].foreign_keys)


def m_foreign_keys_and_whole_money(db: sqlite_utils.Database) -> None:
    """Foreign keys where rows refer to rows, and money and areas as INTEGER (whole tenge, US$, m²).

    References to rows that are gone are cleared first (a source known only from an old run
    gets its `sources` row), so the rebuild keeps every row. The transaction that migrate()
    opened is committed before each rebuild: with no transaction open, transform() switches
    foreign keys off while it drops the old table, so ON DELETE CASCADE (article_urls,
    digest_items ...) never fires. Each step is idempotent, so a rebuild interrupted half way
    is finished by the next start.
    """
    with db.atomic():
        db.execute("UPDATE announcements SET project_id = NULL "
                   "WHERE project_id IS NOT NULL AND project_id NOT IN (SELECT id FROM projects)")
        db.execute("UPDATE articles SET story_id = NULL "
                   "WHERE story_id IS NOT NULL AND story_id NOT IN (SELECT id FROM stories)")
        db.execute("DELETE FROM run_sources WHERE run_id NOT IN (SELECT id FROM runs)")
        db.execute("INSERT OR IGNORE INTO sources (id, name) "
                   "SELECT DISTINCT source_id, source_id FROM run_sources WHERE source_id NOT IN (SELECT id FROM sources)")
    for table in ("announcements", "articles", "run_sources"):
        wanted = [(column, other, "id") for t, column, other in FOREIGN_KEYS if t == table and not _has_fk(db, t, column)]
        types = {c: int for c in MONEY} if table == "announcements" else None
        if table == "announcements" and all(db[table].columns_dict.get(c) is int for c in MONEY):
            types = None
        if not wanted and not types:
            continue
        triggers = [sql for (sql,) in db.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?", [table])]
        db[table].transform(add_foreign_keys=wanted or None, types=types)
        with db.atomic():
            for sql in triggers:
                db.execute(sql)
    with db.atomic():
        for column in MONEY:
            db.execute(f"UPDATE announcements SET {column} = CAST(ROUND({column}) AS INTEGER) "
                       f"WHERE typeof({column}) = 'real'")


def m_regions_and_sectors(db: sqlite_utils.Database) -> None:
    """Lookup tables: `regions` (ISO 3166-2:KZ code, names in en/ru/kk, from the gazetteer
    extract/data/regions.yaml) and `sectors` (slug, NACE Rev. 2 divisions, names, from
    storage/data/sectors.yaml)."""
    regions = load_yaml(REGIONS_YAML)["regions"]
    db["regions"].create({"code": str, "name_en": str, "name_ru": str, "name_kk": str}, pk="code")
    db["regions"].insert_all(
        ({"code": code, "name_en": entry["name"]["en"], "name_ru": entry["name"]["ru"], "name_kk": entry["name"]["kk"]}
         for code, entry in sorted(regions.items())))
    sectors = load_yaml(DATA / "sectors.yaml")
    db["sectors"].create({"slug": str, "nace": str, "name_en": str, "name_ru": str, "name_kk": str}, pk="slug")
    db["sectors"].insert_all(sectors)


# One row per project, lists as readable text. "latest" is the figure of the newest article
# that states one; "max" the largest any article stated.
PROJECT_OVERVIEW = """
CREATE VIEW project_overview AS
SELECT
  p.id,
  p.title,
  (SELECT group_concat(c.value, '; ') FROM json_each(coalesce(p.companies, '[]')) c) AS companies,
  (SELECT group_concat(coalesce(r.name_en, j.value), '; ') FROM json_each(coalesce(p.regions, '[]')) j
     LEFT JOIN regions r ON r.code = j.value) AS regions,
  (SELECT group_concat(j.value, ' ') FROM json_each(coalesce(p.regions, '[]')) j) AS region_codes,
  p.sector,
  s.name_en AS sector_name,
  p.status,
  (SELECT n.investment_kzt FROM announcements n JOIN articles a ON a.id = n.article_id
     WHERE n.project_id = p.id AND n.investment_kzt IS NOT NULL ORDER BY a.published DESC, n.id DESC LIMIT 1)
    AS latest_investment_kzt,
  (SELECT max(n.investment_kzt) FROM announcements n WHERE n.project_id = p.id) AS max_investment_kzt,
  (SELECT n.investment_usd FROM announcements n JOIN articles a ON a.id = n.article_id
     WHERE n.project_id = p.id AND n.investment_usd IS NOT NULL ORDER BY a.published DESC, n.id DESC LIMIT 1)
    AS latest_investment_usd,
  (SELECT max(n.investment_usd) FROM announcements n WHERE n.project_id = p.id) AS max_investment_usd,
  (SELECT max(n.jobs) FROM announcements n WHERE n.project_id = p.id) AS jobs,
  p.first_seen,
  p.last_seen,
  (SELECT count(DISTINCT a.source_id) FROM announcements n JOIN articles a ON a.id = n.article_id
     WHERE n.project_id = p.id) AS outlets,
  (SELECT group_concat(language, ' ') FROM (SELECT DISTINCT a.language FROM announcements n
     JOIN articles a ON a.id = n.article_id WHERE n.project_id = p.id AND a.language IS NOT NULL ORDER BY 1))
    AS languages,
  p.announcement_count AS announcements
FROM projects p LEFT JOIN sectors s ON s.slug = p.sector
"""

NEW_THIS_WEEK = """
CREATE VIEW new_this_week AS
SELECT * FROM project_overview
WHERE substr(first_seen, 1, 10) >= date('now', '-7 days')
ORDER BY first_seen DESC
"""


def m_analyst_views(db: sqlite_utils.Database) -> None:
    """Views `project_overview` (one row per project, everything an analyst asks first) and
    `new_this_week` (projects first seen in the last seven days)."""
    db.execute(PROJECT_OVERVIEW)
    db.execute(NEW_THIS_WEEK)
