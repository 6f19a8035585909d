"""Full-text search finds other word forms: "трубы" finds "труб", Kazakh case forms too."""
from __future__ import annotations

import os
import re
import subprocess
import sys

import yaml

from kzmon.extract.stemming import stem_text
from kzmon.storage import open_db
from kzmon.storage.articles import ArticleRecord, store_article
from kzmon.storage.runs import sync_sources
from kzmon.storage.search import search_articles

TEXTS = [
    ("ru", "Завод труб", "В Экибастузе запущено производство труб большого диаметра мощностью 100 тыс. тонн в год."),
    ("kk", "Цемент зауыты", "Түркістан облысында жаңа цемент зауыты салынып жатыр, 500 жұмыс орны ашылады."),
    ("en", "Wagons", "A plant producing freight wagons opened in Ekibastuz, creating 400 jobs."),
    ("ru", "Погода", "Синоптики обещают снег и гололед в северных регионах страны."),
]


def _db(tmp_path):
    db = open_db(tmp_path / "k.db")
    sync_sources(db, [{"id": "t", "name": "T", "kind": "news", "languages": ["ru"], "home": "https://t.kz/"}])
    for n, (lang, title, text) in enumerate(TEXTS):
        store_article(db, ArticleRecord(source_id="t", url=f"https://t.kz/{n}", canonical_url=f"https://t.kz/{n}",
                                        title=title, text=text, language=lang, stem=stem_text(f"{title}\n{text}", lang)))
    return db


def test_russian_word_forms(tmp_path):
    db = _db(tmp_path)
    for query in ("трубы", "трубами", "труба"):
        titles = [hit["title"] for hit in search_articles(db, query)]
        assert titles == ["Завод труб"], query


def test_kazakh_word_forms(tmp_path):
    db = _db(tmp_path)
    assert [h["title"] for h in search_articles(db, "зауыттың")] == ["Цемент зауыты"]


def test_english_and_all_words_required(tmp_path):
    db = _db(tmp_path)
    assert [h["title"] for h in search_articles(db, "wagon Ekibastuz")] == ["Wagons"]
    assert search_articles(db, "wagon снег") == []


def test_cli_and_sql(tmp_path):
    db = _db(tmp_path)
    path = tmp_path / "config.yaml"
    path.write_text(yaml.safe_dump({"database": "k.db", "sources": [{"id": "t", "name": "T", "feeds": ["https://t.kz/rss"]}]}))
    result = subprocess.run([sys.executable, "-m", "kzmon.cli", "search", "--config", str(path), "--json", "трубы"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "Завод труб" in result.stdout and "Погода" not in result.stdout
    # in SQL, the stemmed column is queried with the query's stem
    stem = stem_text("трубы", "ru")
    rows = db.execute("SELECT a.title FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid WHERE articles_fts MATCH ?",
                      [f'stem : "{stem}"']).fetchall()
    assert [r[0] for r in rows] == ["Завод труб"]


def test_one_hit_per_story_with_the_other_outlets(tmp_path):
    db = open_db(tmp_path / "k.db")
    sync_sources(db, [{"id": s, "name": s, "kind": "news", "languages": ["ru"], "home": f"https://{s}.kz/"} for s in ("a", "b", "c")])
    text = ("В Экибастузе запущен вагоностроительный завод стоимостью 45 млрд тенге. "
            "Предприятие будет выпускать 1 500 вагонов в год, создано 600 рабочих мест.")
    for n, source in enumerate(("a", "b")):
        store_article(db, ArticleRecord(source_id=source, url=f"https://{source}.kz/{n}", canonical_url=f"https://{source}.kz/{n}",
                                        title="Вагоны", text=text + (" Сообщает агентство." if n else ""), language="ru",
                                        stem=stem_text(text, "ru"), published="2026-11-18T10:00:00+05:00"))
    store_article(db, ArticleRecord(source_id="c", url="https://c.kz/9", canonical_url="https://c.kz/9", title="Другое",
                                    text="В Павлодаре открыли новый вагоноремонтный цех на 40 рабочих мест.", language="ru",
                                    stem=stem_text("В Павлодаре открыли новый вагоноремонтный цех на 40 рабочих мест.", "ru"),
                                    published="2026-11-18T10:00:00+05:00"))
    stories = {row[0] for row in db.execute("SELECT story_id FROM articles WHERE source_id IN ('a', 'b')")}
    assert len(stories) == 1, "a near-verbatim reprint must join the story"
    hits = search_articles(db, "вагонов")
    assert len(hits) == 1 and hits[0]["source_id"] == "a" and hits[0]["also_reported_by"] == ["b"]


def test_cli_prints_titles_as_text_never_as_markup(tmp_path):
    """A stored title is shown as its characters: no rich markup (a clickable link, styles), no
    terminal escape sequence reaches the terminal, and the snippet keeps its [matched] words."""
    db = open_db(tmp_path / "k.db")
    sync_sources(db, [{"id": "t", "name": "T", "kind": "news", "languages": ["en"], "home": "https://t.kz/"}])
    title = "[link=https://evil.example]x[/link] [bold red]loud \x1b]8;;https://evil.example\x1b\\y"
    text = "A plant producing freight wagons opened in Ekibastuz, creating 400 jobs."
    store_article(db, ArticleRecord(source_id="t", url="https://t.kz/1", canonical_url="https://t.kz/1", title=title,
                                    text=text, language="en", stem=stem_text(f"{title}\n{text}", "en")))
    path = tmp_path / "config.yaml"
    path.write_text(yaml.safe_dump({"database": "k.db", "sources": [{"id": "t", "name": "T", "feeds": ["https://t.kz/rss"]}]}))
    env = {**os.environ, "FORCE_COLOR": "1", "TTY_COMPATIBLE": "1", "COLUMNS": "400"}
    result = subprocess.run([sys.executable, "-m", "kzmon.cli", "search", "--config", str(path), "wagons"],
                            capture_output=True, text=True, timeout=60, env=env)
    assert result.returncode == 0, result.stderr
    assert "\x1b]8;" not in result.stdout  # no OSC 8 hyperlink, from markup or from the title itself
    plain = re.sub(r"\x1b\[[0-9;]*m", "", result.stdout)  # drop the table's own colours
    assert "[link=https://evil.example]x[/link] [bold red]loud \\x1b]8;;https://evil.example\\x1b\\y" in plain
    assert "[wagons]" in plain
