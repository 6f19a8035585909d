"""`kzmon serve` (real Datasette over HTTP on 127.0.0.1, every canned query answering) and
`kzmon export` (CSV, and an xlsx read back with openpyxl), on the database the demo fills."""
from __future__ import annotations

import csv
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from openpyxl import load_workbook

from kzmon.serve import QUERIES


def _env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in ("KZMON_CONFIG", "KZMON_DEBUG")}


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Path:
    workdir = tmp_path_factory.mktemp("demo")
    result = subprocess.run([sys.executable, "-m", "kzmon.cli", "demo", "--workdir", str(workdir)], cwd=workdir,
                            env=_env(), capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    return workdir / "kzmon.db"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get_json(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.loads(response.read().decode("utf-8"))


@pytest.fixture(scope="module")
def served(demo_db):
    port = _free_port()
    child = subprocess.Popen([sys.executable, "-m", "kzmon.cli", "serve", "--db", str(demo_db), "--port", str(port)],
                             env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            _get_json(f"{base}/-/versions.json")
            break
        except (urllib.error.URLError, ConnectionError, OSError):
            if child.poll() is not None or time.monotonic() > deadline:
                child.kill()
                raise AssertionError(f"datasette did not start: {child.communicate()[1][-2000:]}") from None
            time.sleep(0.2)
    yield base, port
    os.killpg(child.pid, 15)
    child.communicate(timeout=30)


def test_every_canned_query_answers(served, demo_db):
    base, _ = served
    db = demo_db.stem
    company = _get_json(f"{base}/{db}/company.json?company=KAZ+Minerals&_shape=objects")
    assert company["rows"] and all("KAZ Minerals" in (r["companies"] or "") or r["project"] for r in company["rows"])
    project_id = company["rows"][0]["project_id"]
    timeline = _get_json(f"{base}/{db}/project_timeline.json?project_id={project_id}&_shape=objects")
    assert timeline["rows"] and [r["published"] for r in timeline["rows"]] == sorted(r["published"] for r in timeline["rows"])
    # The demo's news is older than a week and its run failed nowhere: make one project new and
    # one source fail, as a later day would, and the two other queries show them.
    import sqlite3
    from datetime import datetime, timezone
    now = datetime.now(timezone.utc).isoformat()
    with sqlite3.connect(demo_db) as conn:
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("UPDATE projects SET first_seen = ? WHERE id = ?", [now, project_id])
        run = conn.execute("INSERT INTO runs (started_at, status) VALUES (?, 'partial')", [now]).lastrowid
        conn.execute("INSERT INTO run_sources (run_id, source_id, errors, last_error) VALUES (?, 'kapital', 3, "
                     "'connection refused: https://kapital.kz/economic/')", [run])
    weekly = _get_json(f"{base}/{db}/new_projects_by_region_and_sector.json?_shape=objects")
    assert weekly["columns"][:3] == ["region", "sector", "projects"]
    assert sum(r["projects"] for r in weekly["rows"]) >= 1 and all(r["region"] and r["sector"] for r in weekly["rows"])
    failing = _get_json(f"{base}/{db}/failing_sources.json?_shape=objects")
    assert [(r["source_id"], r["last_error"]) for r in failing["rows"]] == [
        ("kapital", "connection refused: https://kapital.kz/economic/")]
    assert set(QUERIES) == {"new_projects_by_region_and_sector", "company", "project_timeline", "failing_sources"}


def test_metadata_views_and_hidden_tables(served, demo_db):
    base, _ = served
    db = demo_db.stem
    info = _get_json(f"{base}/{db}.json")
    tables = {t["name"]: t for t in info["tables"]}
    for internal in ("dedup_articles", "dedup_bands", "digest_outbox", "digest_items", "fetch_state"):
        assert tables[internal]["hidden"], internal
    assert not tables["projects"]["hidden"] and not tables["regions"]["hidden"]
    assert {"project_overview", "new_this_week"} <= {v["name"] for v in info["views"]}
    overview = _get_json(f"{base}/{db}/project_overview.json?_shape=objects&_sort_desc=max_investment_usd&_size=3")
    top = overview["rows"][0]
    assert isinstance(top["max_investment_usd"], int) and top["outlets"] >= 1
    metadata = _get_json(f"{base}/-/metadata.json")
    assert metadata["title"].startswith("kzmon")
    assert metadata["databases"][db]["tables"]["project_overview"]["description"]
    assert metadata["databases"][db]["tables"]["announcements"]["columns"]["investment_usd"]


def test_serve_listens_on_loopback_only(served):
    _, port = served
    addresses = {info[4][0] for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)} - {"127.0.0.1"}
    addresses |= {a for a in _own_addresses() if not a.startswith("127.")}
    for address in addresses:
        with socket.socket() as sock:
            sock.settimeout(2)
            assert sock.connect_ex((address, port)) != 0, f"reachable on {address}"


def _own_addresses() -> set[str]:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        try:
            sock.connect(("192.0.2.1", 9))  # no packet is sent: only picks the outgoing interface
            return {sock.getsockname()[0]}
        except OSError:
            return set()


def test_serve_without_datasette_is_one_line(demo_db):
    """As if Datasette were not installed (the import system finds no `datasette`): one line, exit 2."""
    code = ("import importlib.util as u, sys; real = u.find_spec; "
            "u.find_spec = lambda name, *a: None if name == 'datasette' else real(name, *a); "
            "from kzmon.cli import main; sys.exit(main(sys.argv[1:]))")
    result = subprocess.run([sys.executable, "-c", code, "serve", "--db", str(demo_db)], env=_env(),
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and result.stderr.count("\n") == 1, result.stderr
    assert "pip install 'kzmon[web]'" in result.stderr


def test_export_xlsx_one_row_per_project(demo_db, tmp_path):
    out = tmp_path / "projects.xlsx"
    result = subprocess.run([sys.executable, "-m", "kzmon.cli", "export", "--db", str(demo_db), "--format", "xlsx",
                             "-o", str(out)], env=_env(), capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    import sqlite3
    with sqlite3.connect(demo_db) as db:
        projects = db.execute("SELECT count(*) FROM projects").fetchone()[0]
    sheet = load_workbook(out).active
    rows = list(sheet.iter_rows(values_only=True))
    header, body = rows[0], rows[1:]
    assert len(body) == projects > 0
    assert {"title", "companies", "regions", "sector", "max_investment_usd", "outlets", "languages"} <= set(header)
    by_name = [dict(zip(header, row)) for row in body]
    with sqlite3.connect(demo_db) as db:
        several = {title: json.loads(firms) for title, firms in db.execute("SELECT title, companies FROM projects")
                   if firms and len(json.loads(firms)) > 1}
    assert several, "the demo has projects of several firms"
    listed = [r for r in by_name if r["title"] in several]
    assert listed and all(r["companies"] == "; ".join(several[r["title"]]) for r in listed), "lists as readable text"
    smelter = next(r for r in by_name if "KAZ Minerals" in (r["companies"] or ""))
    assert smelter["regions"] == "Abai Region"
    assert isinstance(smelter["max_investment_usd"], int)


def test_export_csv_per_announcement(demo_db, tmp_path):
    out = tmp_path / "a.csv"
    result = subprocess.run([sys.executable, "-m", "kzmon.cli", "export", "--db", str(demo_db), "--format", "csv",
                             "--per", "announcement", "-o", str(out)], env=_env(), capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    import sqlite3
    with sqlite3.connect(demo_db) as db:
        count = db.execute("SELECT count(*) FROM announcements").fetchone()[0]
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == count
    assert all(r["url"].startswith("http") for r in rows)
    assert not any(r["regions"].startswith("[") or r["companies"].startswith("[") for r in rows)


def test_a_terminated_serve_stops_datasette_and_leaves_nothing_in_tmp(demo_db, tmp_path):
    """SIGTERM to `kzmon serve` alone (a service manager's stop, `kill PID`) must not leave
    Datasette listening as an orphan, nor its metadata file in the temporary directory."""
    port = _free_port()
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    log = tmp_path / "serve.log"
    child = subprocess.Popen([sys.executable, "-m", "kzmon.cli", "serve", "--db", str(demo_db), "--port", str(port)],
                             env={**_env(), "TMPDIR": str(tmp)}, stdout=log.open("w"), stderr=subprocess.STDOUT,
                             start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                _get_json(f"http://127.0.0.1:{port}/-/versions.json")
                break
            except (urllib.error.URLError, ConnectionError, OSError):
                assert child.poll() is None and time.monotonic() < deadline, log.read_text()[-2000:]
                time.sleep(0.2)
        assert any(tmp.iterdir()), "the metadata file is written to TMPDIR while serving"
        os.kill(child.pid, 15)
        child.wait(timeout=30)
        with pytest.raises(OSError):
            socket.create_connection(("127.0.0.1", port), timeout=5).close()
        assert list(tmp.iterdir()) == []
    finally:
        try:
            os.killpg(child.pid, 9)
        except ProcessLookupError:
            pass
