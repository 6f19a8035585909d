"""How the extractor does on the replay snapshot's articles, which its author never saw.

    python bench/bench_snapshot_extraction.py [DEMO_DB]

Each snapshot article is labelled `industrial: true/false` by whoever wrote it. An industrial
article should yield at least one announcement and an ordinary one none. Reads a database
filled by `kzmon demo` (default ./kzmon-demo/kzmon.db).
"""
from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kzmon.crawler.urls import canonical_url  # noqa: E402
from kzmon.replay.server import load_sites  # noqa: E402


def main(db_path: str) -> None:
    db = sqlite3.connect(db_path)
    counts = dict(db.execute("SELECT u.url, COUNT(n.id) FROM article_urls u LEFT JOIN announcements n ON n.article_id = u.article_id GROUP BY u.url"))
    tp = fn = fp = tn = 0
    misses, false_alarms = [], []
    for site in load_sites().values():
        for article in site.articles:
            n = counts.get(canonical_url(article["url"]))
            if n is None:
                continue
            if article.get("industrial"):
                tp += n > 0
                fn += n == 0
                if n == 0:
                    misses.append(article["url"])
            else:
                fp += n > 0
                tn += n == 0
                if n > 0:
                    false_alarms.append(article["url"])
    print(f"industrial articles with >= 1 announcement: {tp}/{tp + fn}; ordinary articles with none: {tn}/{tn + fp}")
    for url in misses:
        print("  missed:", url)
    for url in false_alarms:
        print("  false alarm:", url)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "kzmon-demo/kzmon.db")
