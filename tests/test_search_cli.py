"""`kzmon search`: AND/OR/NOT and "phrases" translated to FTS5 safely, filters, URLs shown,
--db, one-line errors, and no empty database created for a path that does not exist."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from kzmon.extract.stemming import stem_text
from kzmon.storage import open_db
from kzmon.storage.articles import ArticleRecord, store_article
from kzmon.storage.runs import sync_sources
from kzmon.storage.search import SearchSyntaxError, fts_query, search_articles

ARTICLES = [
    # source, language, published, title, text
    ("wire", "en", "2026-11-10", "Copper smelter", "KAZ Minerals starts building a copper smelter in Abai region."),
    ("wire", "en", "2026-11-18", "Cement plant", "A cement plant opens in Turkistan region with 500 jobs."),
    ("vestnik", "ru", "2026-11-15", "Цементный завод", "В Туркестанской области открыт цементный завод на 500 рабочих мест."),
    ("vestnik", "ru", "2026-11-19", "Погода", "Синоптики обещают снег, а завод по прогнозу погоды не строят."),
    ("wire", "en", "2026-11-19", "Smelter of copper", "Copper prices rose; the smelter is closed for repairs."),
]


@pytest.fixture()
def database(tmp_path):
    db = open_db(tmp_path / "k.db")
    sync_sources(db, [{"id": s, "name": s, "kind": "news", "languages": ["en"], "home": f"https://{s}.kz/"}
                      for s in ("wire", "vestnik")])
    for n, (source, lang, day, title, text) in enumerate(ARTICLES):
        store_article(db, ArticleRecord(source_id=source, url=f"https://{source}.kz/{n}", canonical_url=f"https://{source}.kz/{n}",
                                        title=title, text=text, language=lang, published=f"{day}T10:00:00+05:00",
                                        stem=stem_text(f"{title}\n{text}", lang)))
    with db.conn:
        db.execute("INSERT INTO projects (id, title) VALUES (3, 'cement plant')")
        db.execute("INSERT INTO announcements (article_id, position, kind, title, project_id) "
                   "SELECT id, 99, 'project', 'cement plant', 3 FROM articles WHERE title IN ('Cement plant', 'Цементный завод')")
    db.close()
    return tmp_path / "k.db"


def _titles(path, query, **filters):
    db = open_db(path)
    try:
        return sorted(hit["title"] for hit in search_articles(db, query, 50, **filters))
    finally:
        db.close()


def test_operators_and_phrases(database):
    assert _titles(database, "copper smelter") == ["Copper smelter", "Smelter of copper"]
    assert _titles(database, '"copper smelter"') == ["Copper smelter"], "a phrase keeps its word order"
    assert _titles(database, "smelter OR цементный") == ["Copper smelter", "Smelter of copper", "Цементный завод"]
    assert _titles(database, "завод NOT погоды") == ["Цементный завод"]
    assert _titles(database, "cement AND jobs") == ["Cement plant"]
    assert _titles(database, "заводы") == ["Погода", "Цементный завод"], "word forms still found"


@pytest.mark.parametrize("query", ['"copper', 'copper"', 'a"b', "OR copper", "copper NOT", "AND", "copper OR OR smelter"])
def test_malformed_queries_raise_one_clear_error(query):
    with pytest.raises(SearchSyntaxError):
        fts_query(query)


def test_fts_syntax_in_words_is_only_text(database):
    """Characters FTS5 would read as syntax (column filters, NEAR, *, ^, parentheses) are words here."""
    fts_query("NEAR(copper smelter, 2)")  # words, never an error
    for query in ("smelter:copper", "{copper}", "copper*", "^copper", "(copper)", "copper : smelter", "-copper"):
        assert "Copper smelter" in _titles(database, query), query


def test_filters(database):
    assert _titles(database, "cement OR цементный", source="vestnik") == ["Цементный завод"]
    assert _titles(database, "cement OR цементный", language="en") == ["Cement plant"]
    assert _titles(database, "copper", since="2026-11-11") == ["Smelter of copper"]
    assert _titles(database, "copper", until="2026-11-10") == ["Copper smelter"]
    assert _titles(database, "", project=3) == ["Cement plant", "Цементный завод"]
    assert _titles(database, "завод", project=3) == ["Цементный завод"]


def _cli(*args, cwd):
    env = {k: v for k, v in os.environ.items() if k != "KZMON_CONFIG"}
    return subprocess.run([sys.executable, "-m", "kzmon.cli", "search", *args], capture_output=True, text=True,
                          timeout=60, cwd=cwd, env={**env, "COLUMNS": "80"})


def test_cli_db_filters_and_urls(database, tmp_path):
    result = _cli("--db", str(database), "--source", "wire", "--since", "2026-11-15", "cement OR copper", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "https://wire.kz/1" in result.stdout and "https://wire.kz/4" in result.stdout, "URLs shown in full"
    assert "https://wire.kz/0" not in result.stdout and "…" not in result.stdout.split("\n")[1]
    assert "┃" not in result.stdout and "│" not in result.stdout, "plain lines when stdout is not a terminal"
    hits = [json.loads(line) for line in _cli("--db", str(database), "--json", "--project", "3", cwd=tmp_path).stdout.splitlines()]
    assert sorted(h["url"] for h in hits) == ["https://vestnik.kz/2", "https://wire.kz/1"]


def test_cli_errors_are_one_line(database, tmp_path):
    result = _cli("--db", str(database), '"copper', cwd=tmp_path)
    assert result.returncode == 2 and result.stderr.count("\n") == 1 and "quote" in result.stderr
    assert "Traceback" not in result.stderr

    missing = tmp_path / "nowhere" / "kzmon.db"
    result = _cli("--db", str(missing), "copper", cwd=tmp_path)
    assert result.returncode == 2 and result.stderr.count("\n") == 1 and "no such database" in result.stderr
    assert not missing.exists() and not missing.parent.exists(), "no empty database created"
