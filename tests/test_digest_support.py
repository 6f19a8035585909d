"""Builders shared by the digest tests: a small database of invented articles and a config.

The articles are made up for these tests (not the dev set), in the three languages and
with the shapes the extractor produces: projects, a program, a story told by several sources.
"""
from __future__ import annotations

import itertools
import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

from kzmon.config import Config, parse_config
from kzmon.storage import open_db

KZ = timezone(timedelta(hours=5))
AS_OF = datetime(2026, 11, 20, 7, 0, tzinfo=KZ)
_ids = itertools.count(1)

SOURCES = [
    {"id": "wire", "name": "Steppe Wire", "kind": "news", "languages": ["en"],
     "feeds": ["https://wire.example.kz/feed/"]},
    {"id": "vestnik", "name": "Vestnik Oblasti", "kind": "news", "languages": ["ru"],
     "feeds": ["https://vestnik.example.kz/rss"]},
    {"id": "minprom", "name": "Ministry of Industry", "kind": "government", "languages": ["kk", "ru"],
     "feeds": ["https://minprom.example.gov.kz/rss"]},
]


def make_config(tmp_path: Path, *, port: int = 2525, to: list | None = None, enabled: bool = True) -> Config:
    return parse_config({
        "database": "k.db", "workdir": "out",
        "email": {"enabled": enabled, "smtp_host": "127.0.0.1", "smtp_port": port, "security": "none",
                  "from_address": "kzmon@digest.example.kz", "user_env": None, "password_env": None,
                  "timeout_seconds": 5,
                  "to": to if to is not None else ["analyst@example.kz"]},
        "sources": SOURCES,
    }, base_dir=tmp_path)


def make_db(config: Config):
    db = open_db(config.database)
    for s in SOURCES:
        db["sources"].insert({"id": s["id"], "name": s["name"], "kind": s["kind"],
                              "languages": json.dumps(s["languages"]), "home": s["feeds"][0]}, replace=True)
    return db


def add_article(db, *, source: str, title: str, published: datetime = AS_OF - timedelta(hours=20),
                language: str = "en", story_id: int | None = None, announcements: list[dict] = (),
                text: str = "x" * 400) -> int:
    n = next(_ids)
    url = f"https://{source}.example.kz/news/{n}-item"
    # articles.story_id and announcements.project_id are foreign keys: the rows they name exist
    # (dedup creates them first in real runs; here a bare row stands in when a test names an id).
    if story_id is not None:
        db.execute("INSERT OR IGNORE INTO stories (id) VALUES (?)", [story_id])
    for ann in announcements:
        if ann.get("project_id") is not None:
            db.execute("INSERT OR IGNORE INTO projects (id) VALUES (?)", [ann["project_id"]])
    article_id = db["articles"].insert({
        "url": url, "canonical_url": url, "source_id": source, "title": title,
        "published": published.isoformat(), "language": language, "text": text,
        "fetched_at": AS_OF.isoformat(), "story_id": story_id,
    }).last_pk
    for position, ann in enumerate(announcements):
        row = {"kind": "project", "title": None, "status": None, "sector": None, "regions": [], "companies": [],
               "project_count": None, "investment_kzt": None, "investment_usd": None, "jobs": None,
               "area_m2": None, "capacity": None, "period": None, "evidence": "", "project_id": None, **ann}
        row["regions"] = json.dumps(row["regions"])
        row["companies"] = json.dumps(row["companies"])
        db["announcements"].insert({"article_id": article_id, "position": position, **row})
    return article_id


def sample_news(db) -> dict:
    """A day's news: a story told by three sources, two other projects, a program, a hostile title."""
    story = 7001
    add_article(db, source="wire", title="Copper wire plant to open near Karaganda", story_id=story,
                announcements=[{"title": "copper wire rod plant", "status": "under_construction",
                                "sector": "metallurgy", "regions": ["KZ-35"], "companies": ["Qazmys LLP"],
                                "investment_kzt": 48_500_000_000, "investment_usd": 101_000_000, "jobs": 350,
                                "period": "2027", "evidence": "The plant will cost 48.5 billion tenge."}])
    add_article(db, source="vestnik", title="В Карагандинской области строят завод катанки", language="ru",
                story_id=story,
                announcements=[{"title": "завод медной катанки", "status": "under_construction",
                                "sector": "metallurgy", "regions": ["KZ-35"], "investment_kzt": 48_500_000_000,
                                "jobs": 350}])
    add_article(db, source="minprom", title="Қарағанды облысында катанка зауыты салынуда", language="kk",
                story_id=story, announcements=[{"title": "мыс катанка зауыты", "sector": "metallurgy",
                                                 "regions": ["KZ-35"], "jobs": 350}])
    add_article(db, source="wire", title="Solar park commissioned in Turkistan region",
                announcements=[{"title": "50 MW solar park", "status": "commissioned", "sector": "energy",
                                "regions": ["KZ-61"], "investment_usd": 45_000_000, "capacity": "50 MW"}])
    add_article(db, source="vestnik", title="Тепличный комплекс в Алматинской области", language="ru",
                announcements=[{"title": "тепличный комплекс", "status": "planned", "sector": "agro_food",
                                "regions": ["KZ-19"], "investment_kzt": 3_200_000_000, "jobs": 120}])
    add_article(db, source="minprom", title="Industrial program: 40 projects in 2027", language="ru",
                announcements=[{"kind": "program", "title": "regional industrialisation projects 2027",
                                "regions": ["KZ-35", "KZ-19"], "project_count": 40,
                                "investment_kzt": 610_000_000_000, "period": "2027"}])
    add_article(db, source="wire", title='<script>alert("x")</script><a href="https://evil.example">Win</a> plant',
                announcements=[{"title": '<img src=x onerror=alert(1)> brick factory', "status": "planned",
                                "sector": "building_materials", "regions": ["KZ-19"], "jobs": 60,
                                "evidence": '<a href="https://evil.example/phish">click</a>'}])
    return {"story": story}
