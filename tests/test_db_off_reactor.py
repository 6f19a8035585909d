"""SQLite off the reactor: another process holding the database's write lock never stalls the
downloads, and every article is stored once the lock is released.

Real components on 127.0.0.1: the replay server, the real crawl in its child process, and a
second SQLite connection (on a thread of this test process, as another program would) that
takes the write lock at the first article page and holds it while the crawl goes on. Nothing
is timed: the test asserts that requests arrived at the server inside the locked interval
(ordering), and what was stored after.
"""
from __future__ import annotations

import sqlite3
import threading
import time

from kzmon.crawler.urls import canonical_url
from kzmon.job import run_daily
from kzmon.storage import open_db

from replay_support import expected_articles, make_config

SOURCES = ("astanatimes", "kursiv", "inform-ru", "tengrinews-ru")
WANTED = 12  # requests that must reach the server while the lock is held: more than the crawl has in flight (2 per site)


def test_downloads_go_on_while_another_process_holds_the_database_lock(tmp_path, project_config, replay_server, as_of):
    base = project_config.model_copy(update={"sources": [project_config.source(i) for i in SOURCES]})
    config = make_config(base, tmp_path)
    open_db(config.database).close()
    held: dict[str, float] = {}
    taken = threading.Event()

    def hold() -> None:
        """Another writer: BEGIN IMMEDIATE, then hold until WANTED requests arrived after it, or
        8 s (under SQLite's 10 s busy timeout, so a crawl that waited on the reactor thread
        would send nothing new in the meantime and then store everything)."""
        writer = sqlite3.connect(config.database, isolation_level=None, timeout=30)
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("INSERT INTO sources (id, name) VALUES ('lock-holder', 'another program')")
        held["start"] = time.monotonic()
        taken.set()
        deadline = held["start"] + 8
        while time.monotonic() < deadline and len(replay_server.received_between(held["start"], time.monotonic())) < WANTED + 1:
            time.sleep(0.05)
        held["end"] = time.monotonic()
        writer.execute("ROLLBACK")
        writer.close()

    def lock_at_first_article(method: str, host: str, target: str) -> None:
        if held or taken.is_set() or host != "astanatimes.com" or not target.startswith("/20"):
            return
        threading.Thread(target=hold, daemon=True).start()
        taken.wait(10)  # the lock is held before this article page is answered

    replay_server.latency = 0.05  # a web slow enough that the crawl is still going when the lock is taken
    replay_server.before_answer = lock_at_first_article
    summary = run_daily(config, as_of=as_of, replay_address=f"127.0.0.1:{replay_server.port}", progress=None,
                        write_digest=False)
    replay_server.before_answer = None

    assert "end" in held, "the lock was never taken: no astanatimes article page was requested"
    during = [r for r in replay_server.received_between(held["start"], held["end"]) if r[0] == "GET"]
    # the article page whose answer waited for the lock arrived before it; the others came while it was held
    assert len(during) >= WANTED, f"only {len(during)} requests reached the server while the database was locked: {during}"

    db = sqlite3.connect(config.database)
    stored = {row[0] for row in db.execute("SELECT url FROM article_urls")}
    expected = [a["url"] for s in SOURCES for a in expected_articles(project_config.source(s))]
    lost = [url for url in expected if canonical_url(url) not in stored]
    assert not lost, f"{len(lost)} articles not stored after the lock was released: {lost[:5]}"
    assert summary.status == "ok", summary.sources
    assert db.execute("SELECT COUNT(*) FROM fetch_state WHERE kind = 'article' AND status = 'pending'").fetchone()[0] == 0
    assert db.execute("SELECT COUNT(*) FROM sources WHERE id = 'lock-holder'").fetchone()[0] == 0


def test_a_lock_held_past_the_bound_is_recorded_and_the_article_left_pending(tmp_path, project_config, replay_server, as_of):
    """The bounded wait (crawl.db_lock_wait_seconds) runs out: the article is not stored, the
    source's error says why in plain words, the run is partial, the URL stays in the frontier,
    and the next run stores it."""
    source = project_config.source("astanatimes").model_copy(update={"listings": []})
    config = make_config(project_config.model_copy(update={"sources": [source]}), tmp_path, db_lock_wait_seconds=1.0)
    open_db(config.database).close()
    release = threading.Event()
    taken = threading.Event()
    state: dict[str, object] = {}

    def hold() -> None:
        writer = sqlite3.connect(config.database, isolation_level=None)
        for _ in range(100):  # the feed's links in the frontier first: the writes refused are the articles'
            if writer.execute("SELECT COUNT(*) FROM fetch_state WHERE kind = 'article'").fetchone()[0]:
                break
            time.sleep(0.05)
        writer.execute("BEGIN IMMEDIATE")
        taken.set()
        release.wait(60)
        writer.execute("ROLLBACK")
        writer.close()

    def lock_at_first_article(method: str, host: str, target: str) -> None:
        if target.startswith("/20") and not state:
            state["first"] = target
            threading.Thread(target=hold, daemon=True).start()
            taken.wait(10)

    def release_when_refused() -> None:
        """Let go a while (longer than the 1 s bound) after the last article page was answered:
        the writes of the articles before it ran out of patience meanwhile."""
        while not release.is_set():
            answered = [t for t in replay_server.fetched("astanatimes.com") if t.startswith("/20")]
            if len(answered) >= len(expected_articles(source)):
                release.wait(3)
                release.set()
            time.sleep(0.05)

    threading.Thread(target=release_when_refused, daemon=True).start()
    replay_server.before_answer = lock_at_first_article
    summary = run_daily(config, as_of=as_of, replay_address=f"127.0.0.1:{replay_server.port}", progress=None,
                        write_digest=False)
    replay_server.before_answer = None
    release.set()

    db = sqlite3.connect(config.database)
    errors, last_error = db.execute("SELECT errors, last_error FROM run_sources WHERE run_id = ?",
                                    [summary.run_id]).fetchone()
    assert errors >= 1 and "article not stored: database is locked" in last_error, last_error
    assert summary.status == "partial"
    pending = {row[0] for row in db.execute("SELECT url FROM fetch_state WHERE kind = 'article' AND status = 'pending'")}
    assert canonical_url(last_error.rsplit(": ", 1)[1]) in pending
    db.close()

    again = run_daily(config, as_of=as_of, replay_address=f"127.0.0.1:{replay_server.port}", progress=None,
                      write_digest=False)
    assert again.status == "ok"
    db = sqlite3.connect(config.database)
    stored = {row[0] for row in db.execute("SELECT url FROM article_urls")}
    assert all(canonical_url(a["url"]) in stored for a in expected_articles(source))
