"""gov.kz API twins: one English item answered for lang=ru and for lang=en is one English article.

The real gov.kz API answers a language it has no edition in with another edition (an English
item listed under lang=ru). The crawler asks per language, so it receives the same item twice
under two URLs. kzmon reads the language from the text (never from the request) and stores one
article per real language edition: the second URL becomes an alias of the first.

A real crawl (Scrapy, the gov.kz adapter with its ticket session) against the replay server on
127.0.0.1, serving a copy of the www.gov.kz snapshot whose mps project lists the English item
under ru too; real SQLite; the real processing stage.
"""
from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from kzmon.crawler.urls import canonical_url
from kzmon.extract.language import detect_language
from kzmon.job import run_daily
from kzmon.replay.server import SNAPSHOT_DIR, ReplayServer

from replay_support import make_config

PROJECT = "mps"
DETAILS = "https://www.gov.kz/memleket/entities/mps/press/news/details/{id}?lang={lang}"


@pytest.fixture()
def twin_snapshot(tmp_path) -> tuple[Path, dict]:
    """The snapshot's www.gov.kz with the English mps item also listed under ru."""
    snapshot = tmp_path / "snapshot"
    snapshot.mkdir()
    shutil.copy(SNAPSHOT_DIR / "CAPTURED", snapshot / "CAPTURED")
    shutil.copytree(SNAPSHOT_DIR / "www.gov.kz", snapshot / "www.gov.kz")
    news = snapshot / "www.gov.kz" / "news" / f"{PROJECT}.json"
    editions = json.loads(news.read_text(encoding="utf-8"))
    english = editions["en"][0]
    editions["ru"].append(dict(english))
    news.write_text(json.dumps(editions, ensure_ascii=False), encoding="utf-8")
    return snapshot, english


def test_an_item_answered_in_two_languages_is_one_article_in_its_own(tmp_path, twin_snapshot, project_config, as_of):
    snapshot, english = twin_snapshot
    base = project_config.model_copy(update={"sources": [project_config.source("govkz-mps")]})
    config = make_config(base, tmp_path / "work")
    with ReplayServer(snapshot) as server:
        run_daily(config, as_of=as_of, replay_address=f"127.0.0.1:{server.port}", progress=None, write_digest=False)

    db = sqlite3.connect(Path(config.database))
    en_url, ru_url = (canonical_url(DETAILS.format(id=english["id"], lang=lang)) for lang in ("en", "ru"))
    owners = dict(db.execute("SELECT url, article_id FROM article_urls WHERE url IN (?, ?)", [en_url, ru_url]))
    # both URLs were fetched and both lead to the one article ...
    assert set(owners) == {en_url, ru_url}, "the crawler did not receive the item under both languages"
    assert len(set(owners.values())) == 1
    article_id = owners[en_url]
    # ... which is English, whatever language its first URL asked for
    assert db.execute("SELECT language FROM articles WHERE id = ?", [article_id]).fetchone()[0] == "en"
    # ... and is shown under the URL that asks for English, whichever URL arrived first
    assert db.execute("SELECT canonical_url FROM articles WHERE id = ?", [article_id]).fetchone()[0] == en_url
    title_matches = db.execute("SELECT count(*) FROM articles WHERE title = ?", [english["title"]]).fetchone()[0]
    assert title_matches == 1
    # the item's date came from the API
    assert db.execute("SELECT published_source FROM articles WHERE id = ?", [article_id]).fetchone()[0] == "api"
    # every other item is stored once, in the language its text is written in
    for url, language, title, text in db.execute("SELECT canonical_url, language, title, text FROM articles"):
        assert language == detect_language(f"{title}\n{text}"), url
    hashes = [r[0] for r in db.execute("SELECT content_hash FROM articles")]
    assert len(hashes) == len(set(hashes))


TEXT = ("The Ministry of Industry and Construction reports that the second phase of the tyre plant in Saran "
        "will add 3.5 million tyres a year and 600 jobs; the investment is 120 billion tenge and the works "
        "are to finish in 2027, the ministry said on Monday.")


def _store(db, url: str, text: str = TEXT, language: str = "en") -> int | None:
    from kzmon.storage.articles import ArticleRecord, store_article
    return store_article(db, ArticleRecord(source_id="s", url=url, canonical_url=url, text=text, title="Tyres",
                                           language=language))


def test_one_body_on_one_site_is_one_article_and_a_reprint_elsewhere_is_another(tmp_path):
    from kzmon import storage
    db = storage.open_db(tmp_path / "kzmon.db")
    db.execute("INSERT INTO sources (id) VALUES ('s')")
    first = _store(db, "https://www.gov.kz/news/1?lang=en")
    assert first is not None
    assert _store(db, "https://www.gov.kz/news/1?lang=ru", text=TEXT.upper() + "  ") is None  # same text, folded
    assert db.execute("SELECT article_id FROM article_urls WHERE url = ?",
                      ["https://www.gov.kz/news/1?lang=ru"]).fetchone()[0] == first
    assert _store(db, "https://gov.kz/news/1?lang=kk") is None            # www. or not, one site
    assert _store(db, "https://kapital.kz/economy/1") not in (None, first)  # a reprint: its own article
    # a body too short to tell pages apart ("Фото: пресс-служба") does not make pages one
    assert _store(db, "https://www.gov.kz/news/2", text="Фото: пресс-служба") is not None
    assert _store(db, "https://www.gov.kz/news/3", text="Фото: пресс-служба") is not None
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 4


def test_an_edition_first_stored_under_another_languages_url_moves_to_its_own(tmp_path):
    # gov.kz lists the English item under lang=ru first: the article keeps both URLs and is shown
    # under the one that asks for English once that one arrives
    from kzmon import storage
    from kzmon.storage.articles import url_language
    db = storage.open_db(tmp_path / "kzmon.db")
    db.execute("INSERT INTO sources (id) VALUES ('s')")
    first = _store(db, "https://www.gov.kz/news/1?lang=ru")
    assert _store(db, "https://www.gov.kz/news/1?lang=en") is None
    assert db.execute("SELECT canonical_url, url FROM articles WHERE id = ?", [first]).fetchone() == (
        "https://www.gov.kz/news/1?lang=en", "https://www.gov.kz/news/1?lang=en")
    owners = {r[0] for r in db.execute("SELECT article_id FROM article_urls WHERE url LIKE 'https://www.gov.kz/news/1%'")}
    assert owners == {first}
    # a URL that names no language, or the right one, stays
    _store(db, "https://www.gov.kz/news/1?lang=kk")
    assert db.execute("SELECT canonical_url FROM articles WHERE id = ?", [first]).fetchone()[0].endswith("lang=en")
    assert [url_language(u) for u in ("https://x.kz/kz/news/1", "https://x.kz/news/1?lang=ru-RU",
                                       "https://x.kz/en/a", "https://x.kz/news/1")] == ["kk", "ru", "en", None]

