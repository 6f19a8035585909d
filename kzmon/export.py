"""`kzmon export`: projects (or announcements) as CSV or an Excel workbook, for a spreadsheet.

One row per project from the `project_overview` view, or one per announcement with its
article and project; lists (companies, regions) as readable text, money as whole numbers.
"""
from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Any

from .output import quiet

PROJECT_SQL = """SELECT id AS project_id, title, companies, regions, region_codes, sector_name AS sector, status,
       latest_investment_kzt, max_investment_kzt, latest_investment_usd, max_investment_usd, jobs,
       first_seen, last_seen, outlets, languages, announcements
FROM project_overview ORDER BY max_investment_usd IS NULL, max_investment_usd DESC, id"""

ANNOUNCEMENT_SQL = """SELECT n.id AS announcement_id, n.project_id, p.title AS project, n.title, n.kind, n.status,
       s.name_en AS sector, n.regions, n.companies, n.investment_kzt, n.investment_usd, n.jobs, n.area_m2,
       n.capacity, n.period, a.published, a.source_id AS source, a.language, a.title AS article, a.url, n.evidence
FROM announcements n
JOIN articles a ON a.id = n.article_id
LEFT JOIN projects p ON p.id = n.project_id
LEFT JOIN sectors s ON s.slug = n.sector
ORDER BY a.published, n.id"""


def _readable(value: Any, region_names: dict[str, str]) -> Any:
    """JSON lists as 'a; b'; region codes by name."""
    if isinstance(value, str) and value.startswith("["):
        try:
            items = json.loads(value)
        except ValueError:
            return value
        if isinstance(items, list):
            return "; ".join(region_names.get(str(i), str(i)) for i in items if i is not None)
    return value


def export_rows(database: Path, per: str = "project") -> tuple[list[str], list[list[Any]]]:
    from kzmon.storage import open_db
    db = open_db(database)
    try:
        region_names = {code: name for code, name in db.execute("SELECT code, name_en FROM regions")}
        cursor = db.execute(PROJECT_SQL if per == "project" else ANNOUNCEMENT_SQL)
        header = [d[0] for d in cursor.description]
        rows = [[_readable(v, region_names if header[i] == "regions" else {}) for i, v in enumerate(row)] for row in cursor]
    finally:
        db.close()
    return header, rows


def run_export(database: Path, fmt: str, per: str = "project", output: Path | None = None) -> int:
    header, rows = export_rows(database, per)
    if output is None:
        output = Path(f"kzmon-{per}s.{fmt}")
    if str(output) == "-":
        if fmt != "csv":
            from .config import ConfigError
            raise ConfigError("kzmon export: an xlsx workbook cannot go to stdout; give -o FILE")
        writer = csv.writer(sys.stdout)
        writer.writerow(header)
        writer.writerows(rows)
        return 0
    output.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "csv":
        with output.open("w", encoding="utf-8-sig", newline="") as handle:  # the BOM lets Excel read UTF-8
            writer = csv.writer(handle)
            writer.writerow(header)
            writer.writerows(rows)
    else:
        write_xlsx(output, header, rows, "projects" if per == "project" else "announcements")
    if not quiet():
        print(f"wrote {len(rows)} {per}s to {output}")
    return 0


def write_xlsx(path: Path, header: list[str], rows: list[list[Any]], title: str) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = title
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([_cell(v) for v in row])
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    for index, name in enumerate(header, start=1):
        width = max([len(name)] + [len(str(r[index - 1])) for r in rows[:200] if r[index - 1] is not None])
        sheet.column_dimensions[get_column_letter(index)].width = min(60, max(8, width + 2))
        if "investment" in name:
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                cell.number_format = "#,##0"
    book.save(path)


def _cell(value: Any) -> Any:
    """openpyxl refuses control characters in strings; page text may carry them."""
    if isinstance(value, str):
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
        return ILLEGAL_CHARACTERS_RE.sub("", value)
    return value
