"""Where an article's date came from is stored with it, and a copyright line never dates one.

Pages go through the real processing stage (raw page in SQLite -> text layer -> store_article);
an old database migrates to the new column and to the undated index.
"""
from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta, timezone

import pytest
import sqlite_utils

from kzmon import storage
from kzmon.extract.dates import date_in_text, dated_page, is_copyright_line
from kzmon.extract.text import extract_page
from kzmon.processing import process_pages
from kzmon.storage.articles import compress_html
from kzmon.storage.dating import trusted_published
from kzmon.storage.migrations import MIGRATIONS
from kzmon.storage.pages import store_raw_page

KZ = timezone(timedelta(hours=5))
BODY = "<p>" + ("The Ministry of Industry said the new cement plant in the Turkistan region will start "
                "production next year and employ 400 people. ") * 3 + "</p>"
COPYRIGHT_LINES = [
    "© 2026 Kazinform", "Copyright © 2003-2026 Kazinform. All rights reserved",
    "© 2011–2026 ТОО «Тенгри». Все права защищены", "© Kazinform, 2026-01-01", "Copyright 15 January 2026",
    "<time datetime='2026-01-01'>2026</time> © Kazinform", "2026 © Барлық құқықтар қорғалған. 01.01.2026",
]


def page(head: str = "", article_extra: str = "", footer: str = "", body: str = BODY) -> str:
    return (f"<html><head><title>Cement plant</title>{head}</head><body><h1>Cement plant</h1>"
            f"<article>{body}{article_extra}</article>"
            f"<footer class='site-meta'><div class='copyright date'>{footer}</div></footer></body></html>")


@pytest.mark.parametrize("line", COPYRIGHT_LINES)
def test_a_copyright_line_never_dates_an_article(line):
    found = extract_page(page(footer=line), "https://example.kz/news/cement-plant")
    assert found is not None and found.published is None and found.published_source is None
    assert dated_page(page(footer=line), "https://example.kz/news/cement-plant") == (None, None)
    # the page's own date line still counts beside a copyright line
    dated = extract_page(page(article_extra="<p class='date'>12.03.2024</p>", footer=line),
                         "https://example.kz/news/cement-plant")
    assert dated.published.date().isoformat() == "2024-03-12" and dated.published_source == "page-text"


def test_article_lines_that_only_mention_copyright_stay_in_the_text():
    line = "The law on copyright was amended under paragraph 2(c) of the code."
    found = extract_page(page(article_extra=f"<p>{line}</p>"), "https://example.kz/news/cement-plant")
    assert line in found.text
    assert not is_copyright_line(line) and is_copyright_line("Барлық құқықтар қорғалған")


def test_a_copyright_line_is_not_a_dateline():
    text = "Cement plant\n© Kazinform, 15 January 2026\nThe plant will open next year."
    assert date_in_text(text) is None
    assert date_in_text("Cement plant\n12 апреля 2022, 10:15\nThe plant will open.").isoformat() == "2022-04-12"


@pytest.mark.parametrize(("head", "url", "source"), [
    ('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2024-05-02T10:00:00+05:00"}</script>',
     "https://example.kz/news/cement-plant", "json-ld"),
    ('<meta property="article:published_time" content="2024-05-02T10:00:00+05:00">',
     "https://example.kz/news/cement-plant", "meta"),
    ("", "https://example.kz/2024/05/02/cement-plant", "url"),
])
def test_the_text_layer_says_where_the_date_came_from(head, url, source):
    found = extract_page(page(head=head), url)
    assert found.published.date().isoformat() == "2024-05-02" and found.published_source == source


def _raw(db, url: str, body: str, hints: dict) -> None:
    store_raw_page(db, url, "example", None, url, url, compress_html(body), hints)


def test_the_processing_stage_stores_published_source(tmp_path):
    db = storage.open_db(tmp_path / "kzmon.db")
    db.execute("INSERT INTO sources (id, name) VALUES ('example', 'Example')")
    no_hints = {"hint_published": None, "hint_title": None, "hint_language": None, "api": False}
    meta = '<meta property="article:published_time" content="2024-05-02T10:00:00+05:00">'
    # four reports (one text each: the same text twice on one site is one article)
    _raw(db, "https://example.kz/news/meta", page(head=meta, body=BODY.replace("400", "410")), no_hints)
    _raw(db, "https://example.kz/news/undated", page(footer="© 2026 Example. All rights reserved",
                                                     body=BODY.replace("400", "420")), no_hints)
    _raw(db, "https://example.kz/news/feed", page(footer="© 2026", body=BODY.replace("400", "430")),
         no_hints | {"hint_published": "2024-05-03T09:00:00+05:00"})
    _raw(db, "https://www.gov.kz/memleket/entities/mps/press/news/details/1?lang=en", BODY,
         {"hint_published": "2024-05-04T09:00:00+05:00", "hint_title": "Cement plant", "hint_language": "en",
          "api": True})
    done = process_pages(db, run_id=None, window_start=None, workers=1)
    assert done.new_articles == 4
    stored = {url.split("/")[-1]: (published and published[:10], source) for url, published, source in
              db.execute("SELECT url, published, published_source FROM articles")}
    assert stored == {"meta": ("2024-05-02", "meta"), "undated": (None, None), "feed": ("2024-05-03", "feed"),
                      "1?lang=en": ("2024-05-04", "api")}
    # the story index knows which one is undated: its fetch day bounds its date only
    undated = dict(db.execute("SELECT a.url, d.undated FROM articles a JOIN dedup_articles d ON d.article_id = a.id"))
    assert undated == {"https://example.kz/news/meta": 0, "https://example.kz/news/undated": 1,
                       "https://example.kz/news/feed": 0,
                       "https://www.gov.kz/memleket/entities/mps/press/news/details/1?lang=en": 0}


def test_trusted_dates():
    assert trusted_published("2024-05-02", "meta") == "2024-05-02"
    assert trusted_published("2024-05-02", None) == "2024-05-02"  # stored before published_source existed
    assert trusted_published("2024-05-02", "fetched") is None
    assert trusted_published(None, None) is None


def test_an_old_database_migrates_and_its_undated_articles_move_to_the_undated_index(tmp_path):
    path = tmp_path / "old.db"
    old = sqlite_utils.Database(path)
    names = [m.__name__ for m in MIGRATIONS]
    before = names.index("m_published_source")
    for number, migration in enumerate(MIGRATIONS[:before], start=1):
        with old.conn:
            migration(old)
            old.execute(f"PRAGMA user_version = {number}")
    old.execute("INSERT INTO sources (id) VALUES ('s')")
    for n, published in enumerate(["2024-05-02T10:00:00+05:00", None], start=1):
        old.execute("INSERT INTO articles (id, url, canonical_url, source_id, published, text, fetched_at) "
                    "VALUES (?, ?, ?, 's', ?, 'text', '2026-11-20T10:00:00+05:00')",
                    [n, f"https://s.kz/{n}", f"https://s.kz/{n}", published])
        old.execute("INSERT INTO dedup_articles (article_id, text_hash, minhash, facts, day) VALUES (?, 'h', x'00', '{}', ?)",
                    [n, 19000 + n])
        old.execute("INSERT INTO dedup_facts (fact, day, article_id) VALUES ('co:example', ?, ?)", [19000 + n, n])
    old.conn.commit()
    old.conn.close()

    db = storage.open_db(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert "published_source" in db["articles"].columns_dict
    assert db.execute("SELECT article_id, undated FROM dedup_articles ORDER BY article_id").fetchall() == [(1, 0), (2, 1)]
    assert db.execute("SELECT article_id FROM dedup_facts").fetchall() == [(1,)]
    assert db.execute("SELECT article_id, day FROM dedup_undated_facts").fetchall() == [(2, 19002)]
    with pytest.raises(sqlite3.IntegrityError):  # the index tables keep their keys
        db.execute("INSERT INTO dedup_undated_facts (fact, day, article_id) VALUES ('co:example', 19002, 2)")
