"""An article is stored whole or not at all (storage/articles.py store_article in one
transaction: db.atomic()). sqlite-utils 4 commits each write of `db.execute` made outside
an open transaction, so `with db.conn:` no longer held one: a failure half way left the
article's row and URLs without its announcements, and the next run, finding the URL known,
never stored them. Real SQLite file."""
from __future__ import annotations

import pytest

from kzmon import storage
from kzmon.storage.articles import ArticleRecord, store_article

URL = "https://kapital.kz/news/1"
TEXT = ("В Павлодарской области построят завод по выпуску труб стоимостью 12 млрд тенге. "
        "На предприятии будет создано 300 рабочих мест, сообщил аким области.")


def _counts(db) -> tuple[int, int, int]:
    return tuple(db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("articles", "article_urls", "announcements"))


def test_a_store_that_fails_half_way_leaves_nothing_and_can_be_done_again(tmp_path):
    db = storage.open_db(tmp_path / "kzmon.db")
    db.execute("INSERT INTO sources (id) VALUES ('kapital')")
    good = {"kind": "project", "title": "pipe plant", "regions": ["KZ-55"], "investment_kzt": 12e9, "jobs": 300}
    broken = {**good, "companies": [object()]}   # cannot be written: fails after the article's row

    with pytest.raises(TypeError):
        store_article(db, ArticleRecord(source_id="kapital", url=URL, canonical_url=URL, text=TEXT, title="Трубы",
                                        language="ru", announcements=[broken]))
    assert _counts(db) == (0, 0, 0)

    stored = store_article(db, ArticleRecord(source_id="kapital", url=URL, canonical_url=URL, text=TEXT,
                                             title="Трубы", language="ru", announcements=[good]))
    assert stored is not None
    assert _counts(db) == (1, 1, 1)
