"""The digest's content: grouping, escaping, editions, updates, source health, filters."""
from __future__ import annotations

import html
import json
from datetime import timedelta

import pytest
from test_digest_support import AS_OF, add_article, make_config, make_db, sample_news

from kzmon.config import RecipientFilter
from kzmon.digest import write_digest
from kzmon.digest.filters import filter_data
from kzmon.digest.query import build_digest_data
from kzmon.digest.render import safe_url
from kzmon.storage import outbox


@pytest.fixture()
def world(tmp_path):
    config = make_config(tmp_path)
    db = make_db(config)
    facts = sample_news(db)
    return config, db, facts, tmp_path / "out"


def test_one_entry_per_story_with_every_source_linked(world):
    config, db, facts, out = world
    data, claimed = build_digest_data(db, config, AS_OF)
    assert len(claimed) == 7
    story_entries = [e for e in data["new"] if len(e["announcement_ids"]) > 1]
    assert len(story_entries) == 1, "the three reports of the copper plant are one entry"
    entry = story_entries[0]
    assert {s["source"] for s in entry["sources"]} == {"Steppe Wire", "Vestnik Oblasti", "Ministry of Industry"}
    result = write_digest(db, config, out, as_of=AS_OF)
    page = result.html_path.read_text()
    for source in entry["sources"]:
        assert f'href="{source["url"]}"' in page
    assert page.count("Also reported by") == 1


def test_grouped_by_region_then_sector(world):
    config, db, facts, out = world
    page = write_digest(db, config, out, as_of=AS_OF).html_path.read_text()
    page = page[page.index(">New projects<"):]  # after the at-a-glance chart
    karaganda, almaty, several = page.index("Karaganda"), page.index("Almaty"), page.index("Several regions")
    assert almaty < karaganda < several, "regions alphabetical, the multi-region group last"
    almaty_block = page[almaty:karaganda]
    assert almaty_block.index("Agriculture and food") < almaty_block.index("Building materials")
    assert "48.5 bn tenge" in page and "US$101 mn" in page and "350 jobs" in page


def test_hostile_titles_stay_inert_text(world):
    config, db, facts, out = world
    result = write_digest(db, config, out, as_of=AS_OF)
    page = result.html_path.read_text()
    assert "<script" not in page and "<img" not in page
    assert 'href="https://evil.example' not in page
    assert html.escape('<img src=x onerror=alert(1)> brick factory', quote=False) in page.replace("&#34;", '"')
    assert "&lt;script&gt;" in page


def test_only_http_urls_become_links():
    assert safe_url("https://example.kz/a?b=1") == "https://example.kz/a?b=1"
    assert safe_url("javascript:alert(1)") is None
    assert safe_url('https://example.kz/"onmouseover="x') is None
    assert safe_url("data:text/html,hi") is None


def test_dry_run_marks_nothing_and_a_real_run_claims_once(world):
    config, db, facts, out = world
    before = outbox.undigested_announcement_ids(db)
    dry = write_digest(db, config, out, as_of=AS_OF, dry_run=True)
    assert dry.edition_id is None and dry.html_path.exists() and dry.text_path.exists()
    assert outbox.undigested_announcement_ids(db) == before
    real = write_digest(db, config, out, as_of=AS_OF)
    assert real.edition_id is not None and real.announcements == len(before)
    assert outbox.undigested_announcement_ids(db) == []
    again = write_digest(db, config, out, as_of=AS_OF + timedelta(hours=1))
    assert again.announcements == 0 and again.edition_id is None, "nothing new: no second edition that day"


def test_backfilled_old_articles_are_not_news(tmp_path):
    config = make_config(tmp_path)
    db = make_db(config)
    add_article(db, source="wire", title="Old plant", published=AS_OF - timedelta(days=90),
                announcements=[{"title": "old cement plant", "sector": "building_materials"}])
    data, claimed = build_digest_data(db, config, AS_OF)
    # The first edition of a database claims history as a summary, never as news.
    assert data["new"] == [] and data["history"]["announcements"] == 1 and len(claimed) == 1
    write_digest(db, config, tmp_path / "out", as_of=AS_OF)
    # Later, a few late old articles (no more than digest.backfill_threshold) are neither news nor history.
    add_article(db, source="wire", title="Older plant", published=AS_OF - timedelta(days=60),
                announcements=[{"title": "old brick plant", "sector": "building_materials"}])
    data, claimed = build_digest_data(db, config, AS_OF + timedelta(days=1))
    assert claimed == [] and data["new"] == [] and data["history"] is None


def test_update_to_known_project_shows_what_changed(tmp_path):
    config = make_config(tmp_path)
    db = make_db(config)
    add_article(db, source="wire", title="Glass plant planned", published=AS_OF - timedelta(days=4),
                announcements=[{"title": "float glass plant", "status": "planned", "sector": "building_materials",
                                "regions": ["KZ-19"], "investment_kzt": 90_000_000_000, "project_id": 42}])
    write_digest(db, config, tmp_path / "out", as_of=AS_OF - timedelta(days=4))
    add_article(db, source="vestnik", title="Стекольный завод запущен", language="ru",
                announcements=[{"title": "завод флоат-стекла", "status": "commissioned",
                                "sector": "building_materials", "regions": ["KZ-19"],
                                "investment_kzt": 90_000_000_000, "jobs": 400, "project_id": 42}])
    result = write_digest(db, config, tmp_path / "out", as_of=AS_OF)
    assert (result.new_projects, result.updates) == (0, 1)
    data = outbox.edition(db, result.edition_id)["data"]
    changes = {c["field"]: (c["old"], c["new"]) for c in data["updates"][0]["changes"]}
    assert changes == {"status": ("planned", "commissioned"), "jobs": (None, 400)}
    text = result.text_path.read_text()
    assert "status: planned -> commissioned" in text


def test_source_health_lists_failing_quiet_and_empty_sources(tmp_path):
    config = make_config(tmp_path)
    db = make_db(config)
    run = db["runs"].insert({"started_at": AS_OF.isoformat(), "status": "ok"}).last_pk
    db["run_sources"].insert({"run_id": run, "source_id": "vestnik", "errors": 4, "last_error": "HTTP 503"})
    add_article(db, source="wire", title="Fresh", published=AS_OF - timedelta(hours=3))
    for n in range(3):
        add_article(db, source="minprom", title=f"Empty {n}", text="", published=AS_OF - timedelta(hours=n + 1))
    add_article(db, source="vestnik", title="Stale", published=AS_OF - timedelta(days=6))
    health = build_digest_data(db, config, AS_OF)[0]["health"]
    assert [(s["source"], s["last_error"]) for s in health["failing"]] == [("Vestnik Oblasti", "HTTP 503")]
    assert health["quiet"] == [], "a failing source is listed once, as failing, not also as quiet"
    assert [(s["source"], s["empty"]) for s in health["extraction"]] == [("Ministry of Industry", 3)]
    text = write_digest(db, config, tmp_path / "out", as_of=AS_OF, dry_run=True).text_path.read_text()
    assert "Vestnik Oblasti failing: 4 errors" in text and text.count("Vestnik Oblasti") == 2  # banner + health


def test_recipient_filters(world):
    config, db, facts, out = world
    data, _ = build_digest_data(db, config, AS_OF)
    titles = lambda d: sorted(e["title"] for e in d["new"])  # noqa: E731
    assert titles(filter_data(data, RecipientFilter(sectors=["energy"]))) == ["50 MW solar park"]
    assert "copper wire rod plant" in titles(filter_data(data, RecipientFilter(regions=["KZ-35"])))
    assert "тепличный комплекс" not in titles(filter_data(data, RecipientFilter(regions=["KZ-35"])))
    big = titles(filter_data(data, RecipientFilter(min_investment_usd=100_000_000)))
    assert "copper wire rod plant" in big and "50 MW solar park" not in big and "тепличный комплекс" not in big
    kazakh = filter_data(data, RecipientFilter(languages=["kk"]))
    assert titles(kazakh) == ["copper wire rod plant"], "the story has a Kazakh report"
    assert kazakh["totals"]["projects"] == 1
    assert json.dumps(data)  # an edition must be storable as JSON


def test_fragments_of_one_story_fold_into_one_entry_unless_they_conflict(tmp_path):
    config = make_config(tmp_path)
    db = make_db(config)
    story = 8100
    add_article(db, source="wire", title="Wind farm financed", story_id=story,
                announcements=[{"title": "wind farm", "sector": "energy", "regions": ["KZ-33"],
                                "investment_usd": 300_000_000, "project_id": 1},
                               {"title": "the farm", "jobs": 150, "project_id": 2}])
    add_article(db, source="vestnik", title="Ветропарк профинансирован", language="ru", story_id=story,
                announcements=[{"title": "ветропарк", "sector": "energy", "regions": ["KZ-33"],
                                "investment_usd": 310_000_000, "project_id": 3},
                               {"title": "второй ветропарк", "sector": "energy", "regions": ["KZ-33"],
                                "investment_usd": 90_000_000, "project_id": 4},
                               {"title": "подстанция", "sector": "energy", "regions": ["KZ-19"], "project_id": 5}])
    data, _ = build_digest_data(db, config, AS_OF)
    titles = sorted(sorted(e["title"] for e in data["new"]))
    merged = next(e for e in data["new"] if len(e["announcement_ids"]) > 1)
    assert len(merged["announcement_ids"]) == 3 and merged["jobs"] == 150
    assert len(data["new"]) == 3, titles  # the 90 mn farm and the Almaty-region substation stay apart
