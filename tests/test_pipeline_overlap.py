"""The processing stage works while the crawl runs (kzmon/processing.py Processor.step).

A slow site (the replay server waits before each answer, one request at a time) keeps the crawl
going; its last page is answered only once an article is stored (or after a long bound), so a
processing stage that waited for the end of the crawl would be caught. Articles are stored on
the worker pool while the crawl runs: the first pages start the pool, and the parent never
stops feeding it to process a page itself. Real Scrapy against the replay server on
127.0.0.1, real SQLite, real worker processes. No timing is asserted, only the order of events.
"""
from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time
from datetime import datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

from kzmon.config import Source
from kzmon.replay.server import ReplayServer

from replay_support import make_config

HOST = "slow.example.kz"
DRIVER = """
import json, sys
from datetime import datetime
from kzmon.config import Config
from kzmon.job import run_daily
config = Config.model_validate_json(open(sys.argv[1], encoding="utf-8").read())
summary = run_daily(config, as_of=datetime.fromisoformat(sys.argv[2]), replay_address=sys.argv[3], progress=None,
                    write_digest=False)
print(json.dumps({"status": summary.status, "new_articles": summary.new_articles, **summary.stage_times,
                  "text_layer_in_parent": "kzmon.extract.text" in sys.modules}))
"""
PAGES = 24
WAIT = 150  # seconds the last page waits for a stored article (a machine under load starts workers slowly)
BODY = ("<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Plant {n}</title>"
        "<meta property='article:published_time' content='{published}'></head><body><article><h1>Plant {n}</h1>"
        "<p>The akimat of Karaganda region said on Monday that plant number {n} worth {n}0 billion tenge will be "
        "built near Temirtau, creating {n}00 jobs, according to the regional press service.</p>"
        "<p>Construction of plant {n} starts in spring; it will supply the domestic market first and later "
        "export part of its output to neighbouring countries, the akimat added.</p></article></body></html>")


def _site(as_of: datetime) -> dict[str, tuple[bytes, str]]:
    published = as_of - timedelta(hours=3)
    site = {f"/news/{n}": (BODY.format(n=n, published=published.isoformat()).encode(), "text/html; charset=utf-8")
            for n in range(1, PAGES + 1)}
    items = "".join(f"<item><title>Plant {n}</title><link>https://{HOST}/news/{n}</link>"
                    f"<pubDate>{format_datetime(published)}</pubDate></item>" for n in range(1, PAGES + 1))
    site["/rss"] = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>slow</title>{items}</channel></rss>'.encode(),
                    "application/rss+xml; charset=utf-8")
    return site


def test_articles_are_stored_while_the_crawl_is_still_fetching(tmp_path, project_config, as_of):
    source = Source(id="slow", name="Slow site", languages=["en"], feeds=[f"https://{HOST}/rss"])
    config = make_config(project_config.model_copy(update={"sources": [source]}), tmp_path / "work",
                         concurrent_per_domain=1, timeout_seconds=180)
    stored_when_asked: list[int] = []  # articles in the database when each article page was asked for

    def stored() -> int:
        try:
            with sqlite3.connect(f"file:{config.database}?mode=ro", uri=True, timeout=1) as db:
                return db.execute("SELECT count(*) FROM articles").fetchone()[0]
        except sqlite3.OperationalError:  # not created yet
            return 0

    def hold_the_last_page(method: str, host: str, target: str) -> None:
        """The last article page is answered once an article is stored (or after WAIT): if the
        processing stage only ran after the crawl, it would still be waiting."""
        if not target.startswith("/news/"):
            return
        if len(stored_when_asked) == PAGES - 1:
            deadline = time.monotonic() + WAIT
            while not stored() and time.monotonic() < deadline:
                time.sleep(0.1)
        stored_when_asked.append(stored())

    config_file = tmp_path / "config.json"
    config_file.write_text(config.model_dump_json(), encoding="utf-8")
    with ReplayServer() as server:
        server.add_site(HOST, tmp_path / "site", _site(as_of))
        server.latency = 0.2  # a slow web, one page at a time
        server.before_answer = hold_the_last_page
        job = subprocess.run([sys.executable, "-c", DRIVER, str(config_file), as_of.isoformat(),
                              f"127.0.0.1:{server.port}"], capture_output=True, text=True, timeout=600)
    assert job.returncode == 0, job.stderr[-2000:]
    result = json.loads(job.stdout.strip().splitlines()[-1])

    assert result["status"] == "ok" and result["new_articles"] == PAGES
    assert len(stored_when_asked) == PAGES
    # articles were stored while the crawl was still fetching: before its last page was answered
    assert stored_when_asked[-1] > 0, (stored_when_asked, result)
    # on the pool: the job's own process (the single writer) never ran the text layer itself
    assert result["workers_cpu_s"] > 0
    assert not result["text_layer_in_parent"]
