"""One broken source never stops the others: a 500 and a server that never answers."""
from __future__ import annotations

import sqlite3

from kzmon.job import run_daily

from replay_support import expected_articles, make_config


def test_failing_and_hanging_sources_do_not_stop_the_others(tmp_path, project_config, replay_server, as_of):
    healthy, broken, hanging = "astanatimes", "primeminister", "kursiv"
    base = project_config.model_copy(update={"sources": [project_config.source(i) for i in (healthy, broken, hanging)]})
    config = make_config(base, tmp_path, timeout_seconds=2.0)
    replay_server.fail("primeminister.kz", 500)
    replay_server.fail("kz.kursiv.media", "hang")

    summary = run_daily(config, as_of=as_of, replay_address=f"127.0.0.1:{replay_server.port}", progress=None)

    db = sqlite3.connect(config.database)
    counts = dict(db.execute("SELECT source_id, COUNT(*) FROM articles GROUP BY source_id").fetchall())
    assert counts.get(healthy) == len(expected_articles(project_config.source(healthy)))
    assert broken not in counts and hanging not in counts
    rows = {r[0]: r[1:] for r in db.execute("SELECT source_id, errors, last_error FROM run_sources WHERE run_id = ?", [summary.run_id])}
    assert rows[healthy][0] == 0
    assert rows[broken][0] > 0 and "500" in rows[broken][1]
    assert rows[hanging][0] > 0 and "timeout" in rows[hanging][1].lower()
    assert summary.status == "partial"
    assert set(summary.failing) == {broken, hanging}
    status = db.execute("SELECT status FROM runs WHERE id = ?", [summary.run_id]).fetchone()[0]
    assert status == "partial"
