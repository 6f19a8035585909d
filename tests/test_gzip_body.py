"""A page the server sent gzip'd in UTF-8 is stored as the very bytes it sent (crawler/gzip_body.py).

The crawl then does not compress each article again; a page in another charset is still
stored as the gzip of its UTF-8 text, so that the processing stage reads both alike. Real
Scrapy against the replay server on 127.0.0.1 (which gzips when asked), a real SQLite file.
"""
from __future__ import annotations

import gzip
import sqlite3
from datetime import timedelta
from email.utils import format_datetime

from kzmon.config import Source
from kzmon.job import run_daily
from kzmon.replay.server import ReplayServer

from replay_support import make_config

HOST = "charsets.example.kz"
TEXT = ("<!doctype html><html lang='ru'><head><meta charset='{charset}'><title>Завод {n}</title>"
        "<meta property='article:published_time' content='{published}'></head><body><article><h1>Завод {n}</h1>"
        "<p>В Карагандинской области построят завод по выпуску труб стоимостью {n}0 млрд тенге, сообщил аким "
        "области. На предприятии будет создано {n}00 рабочих мест.</p>"
        "<p>Строительство начнётся весной, запуск запланирован на следующий год.</p></article></body></html>")


def test_gzip_from_the_server_is_stored_as_sent_and_other_charsets_as_utf8(tmp_path, project_config, as_of):
    published = as_of - timedelta(hours=3)
    utf8 = TEXT.format(n=1, charset="utf-8", published=published.isoformat()).encode("utf-8")
    cp1251 = TEXT.format(n=2, charset="windows-1251", published=published.isoformat()).encode("cp1251")
    site = {"/news/1": (utf8, "text/html; charset=utf-8"), "/news/2": (cp1251, "text/html; charset=windows-1251")}
    items = "".join(f"<item><title>{p}</title><link>https://{HOST}{p}</link><pubDate>{format_datetime(published)}"
                    f"</pubDate></item>" for p in site)
    site["/rss"] = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>c</title>{items}</channel></rss>'.encode(),
                    "application/rss+xml; charset=utf-8")
    source = Source(id="charsets", name="Charsets", languages=["ru"], feeds=[f"https://{HOST}/rss"])
    config = make_config(project_config.model_copy(update={"sources": [source]}), tmp_path / "work")
    with ReplayServer() as server:
        server.add_site(HOST, tmp_path / "site", site)
        summary = run_daily(config, as_of=as_of, replay_address=f"127.0.0.1:{server.port}", progress=None,
                            write_digest=False)
        sent = server.gzipped(utf8)
    assert summary.new_articles == 2
    with sqlite3.connect(config.database) as db:
        stored = dict(db.execute("SELECT url, html_gz FROM articles"))
    first, second = stored[f"https://{HOST}/news/1"], stored[f"https://{HOST}/news/2"]
    assert first == sent                                   # the server's bytes, not compressed again
    assert gzip.decompress(first) == utf8
    assert gzip.decompress(second).decode("utf-8") == cp1251.decode("cp1251")  # UTF-8, as every stored page
    with sqlite3.connect(config.database) as db:
        titles = {t for (t,) in db.execute("SELECT title FROM articles")}
    assert titles == {"Завод 1", "Завод 2"}
