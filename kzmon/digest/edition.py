"""write_digest: render what is new since the last digest and claim it for this edition."""
from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import sqlite_utils

from kzmon.config import Config
from kzmon.storage import outbox

from .history import mark_listed, mark_stalled
from .query import build_digest_data
from .render import render_html, render_text, subject


@dataclass(frozen=True)
class DigestResult:
    day: date
    html_path: Path
    text_path: Path
    subject: str
    edition_id: int | None          # None: dry run, or nothing new on a day that already has a digest
    new_projects: int
    new_programs: int
    updates: int
    announcements: int              # announcements claimed by this edition

    @property
    def paths(self) -> list[Path]:
        return [self.html_path, self.text_path]


def local_moment(config: Config, moment: datetime | None) -> datetime:
    """as_of in the schedule's zone; a naive value is read as that zone's wall clock."""
    zone = ZoneInfo(config.schedule.timezone)
    if moment is None:
        return datetime.now(zone)
    return moment.replace(tzinfo=zone) if moment.tzinfo is None else moment.astimezone(zone)


def _write(path: Path, text: str) -> None:
    """Write-then-rename, so a reader (or a crash) never sees half a digest."""
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def _stem(db: sqlite_utils.Database, day: str, dry_run: bool) -> str:
    existing = outbox.editions_on_day_count(db, day)
    if not existing:
        return f"digest-{day}"
    return f"digest-{day}-preview" if dry_run else f"digest-{day}-{existing + 1}"


def write_digest(db: sqlite_utils.Database, config: Config, out_dir: Path, *, as_of: datetime | None = None,
                 dry_run: bool = False) -> DigestResult:
    as_of = local_moment(config, as_of)
    day = as_of.date()
    if not dry_run:
        mark_stalled(db, as_of, config.digest.stalled_months)
    data, claimed = build_digest_data(db, config, as_of)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    stem = _stem(db, day.isoformat(), dry_run)
    html_path, text_path = out_dir / f"{stem}.html", out_dir / f"{stem}.txt"
    _write(html_path, render_html(data, day))
    _write(text_path, render_text(data, day))
    edition_id = None
    nothing_new_again = not claimed and outbox.editions_on_day_count(db, day.isoformat()) > 0
    if not dry_run and not nothing_new_again:
        edition_id = outbox.create_edition(db, day.isoformat(), data, claimed, str(html_path), str(text_path))
        if data.get("gone_quiet"):
            mark_listed(db, edition_id, data["gone_quiet"]["project_ids"], day.isoformat())
    totals = data["totals"]
    return DigestResult(day=day, html_path=html_path, text_path=text_path, subject=subject(data, day),
                        edition_id=edition_id, new_projects=totals["projects"], new_programs=totals["programs"],
                        updates=totals["updates"], announcements=len(claimed))
