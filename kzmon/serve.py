"""`kzmon serve`: the database in Datasette, with descriptions and the analyst's canned queries.

Datasette is an optional extra (`pip install 'kzmon[web]'`): a server is not something every
installation wants. It listens on 127.0.0.1 unless --host says otherwise; the database is
opened by Datasette read-only in the sense that no canned query writes.
"""
from __future__ import annotations

import importlib.util
import json
import signal
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from .config import ConfigError

INTERNAL_PREFIXES = ("dedup_", "digest_")
INTERNAL_TABLES = ("fetch_state", "pages")  # pages: fetched HTML waiting for the processing stage

TABLES: dict[str, dict[str, Any]] = {
    "project_overview": {
        "description": "One row per project (a plant or programme over time): who, where, what sector, how much, "
                       "how many jobs, when first and last reported, by how many outlets. Money in whole tenge and US$.",
        "columns": {
            "companies": "companies named in its announcements, separated by '; '",
            "regions": "regions by name (ISO 3166-2:KZ codes in region_codes)",
            "sector_name": "sector (NACE Rev. 2 group, see the sectors table)",
            "status": "of the latest announcement: planned, under_construction, commissioned",
            "latest_investment_kzt": "the figure of the newest article that states one, tenge",
            "max_investment_kzt": "the largest figure any article stated, tenge",
            "latest_investment_usd": "the figure of the newest article that states one, US$",
            "max_investment_usd": "the largest figure any article stated, US$",
            "jobs": "the largest number of jobs stated",
            "outlets": "how many sources reported it",
            "languages": "languages it was reported in",
        },
    },
    "new_this_week": {"description": "Projects first seen in the last seven days (rows of project_overview)."},
    "projects": {"description": "A plant or programme over time; its announcements form the timeline. "
                                "regions and companies are JSON lists."},
    "announcements": {
        "description": "One announcement record per article and project (docs/announcements.md), with the evidence sentence.",
        "columns": {"investment_kzt": "tenge, whole units", "investment_usd": "US$, whole units",
                    "area_m2": "square metres", "project_id": "the project it belongs to (projects.id)",
                    "regions": "JSON list of ISO 3166-2:KZ codes", "companies": "JSON list"},
    },
    "articles": {"description": "Stored articles: url, source, title, publication time (ISO 8601), language, text; "
                                "story_id groups reprints and translations of one event.",
                 "columns": {"html_gz": "the page as fetched, gzip-compressed", "stem": "stemmed text for search"}},
    "stories": {"description": "One event reported by one or more articles (outlets and languages as JSON lists)."},
    "sources": {"description": "The configured sites."},
    "runs": {"description": "Each daily run: when, its status (ok, partial, failed, stopped, interrupted), counters."},
    "run_sources": {"description": "Per run and source: pages fetched, new articles, errors and the last error in words."},
    "regions": {"description": "Kazakhstan's regions: ISO 3166-2:KZ code and names in English, Russian and Kazakh."},
    "sectors": {"description": "Sector slugs with their NACE Rev. 2 divisions and names."},
    "article_urls": {"description": "Every URL an article is known by (canonical, og:url, as fetched)."},
    "article_links": {"description": "Language editions of an article (hreflang)."},
}

QUERIES: dict[str, dict[str, Any]] = {
    "new_projects_by_region_and_sector": {
        "title": "New projects this week by region and sector",
        "description": "Projects first seen in the last seven days, counted by region and sector, "
                       "with their largest stated investment summed.",
        "sql": """SELECT coalesce(r.name_en, 'region not stated') AS region,
       coalesce(s.name_en, 'sector not stated') AS sector,
       count(DISTINCT p.id) AS projects,
       sum(o.max_investment_usd) AS investment_usd,
       sum(o.max_investment_kzt) AS investment_kzt,
       group_concat(p.title, '; ') AS titles
FROM projects p
JOIN project_overview o ON o.id = p.id
LEFT JOIN json_each(CASE WHEN json_array_length(coalesce(p.regions, '[]')) THEN p.regions ELSE '[null]' END) j
LEFT JOIN regions r ON r.code = j.value
LEFT JOIN sectors s ON s.slug = p.sector
WHERE substr(p.first_seen, 1, 10) >= date('now', '-7 days')
GROUP BY 1, 2
ORDER BY projects DESC, investment_usd DESC""",
    },
    "company": {
        "title": "Everything about a company",
        "description": "Every announcement naming the company (any part of its name), with its project and article.",
        "sql": """SELECT a.published, a.source_id, n.project_id, p.title AS project, n.status,
       n.investment_kzt, n.investment_usd, n.jobs, n.companies, n.evidence, a.title AS article, a.url
FROM announcements n
JOIN articles a ON a.id = n.article_id
LEFT JOIN projects p ON p.id = n.project_id
WHERE n.companies LIKE '%' || :company || '%' OR p.companies LIKE '%' || :company || '%'
ORDER BY a.published DESC""",
    },
    "project_timeline": {
        "title": "A project's timeline",
        "description": "A project's announcements in the order they were published: status, figures, outlet, evidence.",
        "sql": """SELECT a.published, a.source_id, a.language, n.status, n.investment_kzt, n.investment_usd,
       n.jobs, n.capacity, n.period, n.evidence, a.title AS article, a.url
FROM announcements n
JOIN articles a ON a.id = n.article_id
WHERE n.project_id = :project_id
ORDER BY a.published, n.id""",
    },
    "failing_sources": {
        "title": "Failing sources",
        "description": "Sources whose latest run recorded errors, with the reason in plain words.",
        "sql": """SELECT rs.source_id, s.name, r.started_at, rs.errors, rs.pages_fetched, rs.new_articles, rs.last_error
FROM run_sources rs
JOIN runs r ON r.id = rs.run_id
LEFT JOIN sources s ON s.id = rs.source_id
WHERE rs.errors > 0
  AND rs.run_id = (SELECT max(run_id) FROM run_sources x WHERE x.source_id = rs.source_id)
ORDER BY r.started_at DESC, rs.source_id""",
    },
}


def internal_tables(table_names: list[str]) -> list[str]:
    return [t for t in table_names if t.startswith(INTERNAL_PREFIXES) or t in INTERNAL_TABLES]


def datasette_metadata(database: Path) -> dict[str, Any]:
    """Datasette metadata: title, descriptions of tables, views and columns, internal tables
    hidden, and the canned queries."""
    import sqlite3
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as conn:
        names = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")]
    tables = {name: dict(meta) for name, meta in TABLES.items() if name in names}
    for name in internal_tables(names):
        tables[name] = {"hidden": True}
    return {
        "title": "kzmon: industrial projects in Kazakhstan",
        "description": "Announcements of industrial and investment projects from Kazakh government and news sites. "
                       "Start with project_overview, or a query below.",
        "databases": {database.stem: {"tables": tables, "queries": QUERIES}},
    }


def run_serve(database: Path, host: str = "127.0.0.1", port: int = 8001) -> int:
    if importlib.util.find_spec("datasette") is None:
        raise ConfigError("kzmon serve needs Datasette, an optional extra: pip install 'kzmon[web]'")
    from kzmon.storage import open_db
    open_db(database).close()  # the newest schema: the views and lookup tables the queries use
    with tempfile.TemporaryDirectory(prefix="kzmon-serve-") as tmp:
        metadata = Path(tmp) / "metadata.json"
        metadata.write_text(json.dumps(datasette_metadata(database), ensure_ascii=False, indent=1), encoding="utf-8")
        print(f"kzmon serve: http://{host if ':' not in host else f'[{host}]'}:{port}/ (Ctrl-C stops)", flush=True)
        child = subprocess.Popen([sys.executable, "-m", "datasette", "serve", str(database), "--metadata", str(metadata),
                                  "--host", host, "--port", str(port), "--setting", "sql_time_limit_ms", "5000"])
        # A service manager or `kill` stops us with SIGTERM, which would end this process at once:
        # Datasette, a child of its own, would go on listening and the metadata stay in /tmp.
        previous = signal.signal(signal.SIGTERM, _interrupt)
        try:
            return child.wait()
        except KeyboardInterrupt:
            child.terminate()
            try:
                child.wait(timeout=10)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()
            return 0
        finally:
            signal.signal(signal.SIGTERM, previous)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt
