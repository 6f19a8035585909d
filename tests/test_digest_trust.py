"""A digest an analyst trusts (issue 14): one block per event and programme, quotes under their
own outlet, English titles, totals a reader can recompute, the at-a-glance chart, corroboration,
stalled projects, watch lists, failing sources in the subject, the size limit, and history
summarised instead of listed on a first run over a new source.

Real SQLite, real rendering, the real demo (replay server and mail sink) and a real SMTP server
(aiosmtpd) where mail is involved; nothing local is mocked.
"""
from __future__ import annotations

import email
import json
import re
from datetime import timedelta
from email import policy
from pathlib import Path

import pytest
from test_digest_send import SmtpServer, write_config
from test_digest_support import AS_OF, add_article, make_config, make_db, sample_news

from kzmon.config import load_config
from kzmon.digest import deliver, write_digest
from kzmon.digest.query import build_digest_data, flatten
from kzmon.digest.render import html_size, render_html
from kzmon.digest.titles import is_generic, is_truncated
from kzmon.mailsink import free_port

LIMIT = 100_000
GENERIC = re.compile(r"<b>(projects?|проект\w*|жоба\w*|plant|zavod|завод|зауыт)</b>", re.IGNORECASE)


def _entries(data: dict) -> list[dict]:
    return flatten(data["new"]) + data["updates"]


def _check_readable_titles(data: dict) -> None:
    for e in _entries(data):
        title = e["display_title"]
        assert not is_generic(title) and not is_truncated(title), title
        assert not re.search(r"[А-Яа-яӘәҚқҢңӨөҰұҮүІі]", title), f"a Cyrillic title in the English digest: {title}"
        if e.get("capacity_display"):
            assert not re.search(r"[А-Яа-я]", e["capacity_display"]), e["capacity_display"]


def _check_quotes_under_their_outlet(db, data: dict) -> None:
    for e in _entries(data):
        if not e.get("evidence"):
            continue
        named = e["sources"][0]
        quoted = {r[0] for r in db.execute("SELECT evidence FROM announcements WHERE article_id = ?",
                                           [named["article_id"]])}
        assert e["evidence"] in quoted, f"{e['display_title']}: the quote is not from {named['url']}"


def _check_totals(data: dict) -> None:
    t = data["totals"]
    projects = [e for e in flatten(data["new"]) if e["kind"] != "program"]
    assert t["projects"] == len(projects)
    assert t["usd"] == pytest.approx(sum(e["usd"] or 0 for e in projects))
    assert t["investment_kzt"] == sum(e["investment_kzt"] or 0 for e in projects)
    heads = [e for e in data["new"] if e["kind"] == "program"]
    assert t["programs"] == len(heads) and t["program_usd"] == pytest.approx(sum(e["usd"] or 0 for e in heads))


# --- the real demo -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from kzmon.demo import run_demo
    from kzmon.storage import open_db
    from kzmon.storage import outbox

    workdir = tmp_path_factory.mktemp("demo")
    assert run_demo(workdir) in (0, 1)
    db = open_db(workdir / "kzmon.db")
    edition_id = db.execute("SELECT max(id) FROM digest_editions").fetchone()[0]
    data = outbox.edition(db, edition_id)["data"]
    page = next(workdir.glob("digest-*.html")).read_text(encoding="utf-8")
    return {"db": db, "data": data, "page": page, "workdir": workdir}


def test_demo_digest_is_readable_and_under_the_size_limit(demo):
    data, page = demo["data"], demo["page"]
    assert len(page.encode("utf-8")) < LIMIT
    _check_readable_titles(data)
    assert not GENERIC.search(page)
    assert "At a glance" in page and "Largest new projects" in page and "New investment by region" in page
    assert len(data["glance"]["top3"]) == 3
    assert "<script" not in page and " src=" not in page, "no external assets, no scripts"


def test_demo_national_programme_is_one_block_never_summed_with_its_parts(demo):
    data = demo["data"]
    programmes = [e for e in data["new"] if e["kind"] == "program"]
    national = [e for e in programmes if e.get("project_count") == 186]
    assert len(national) == 1, [e["display_title"] for e in programmes]
    block = national[0]
    assert block["regions"] == [], "a national programme is not filed under a city"
    assert {c.get("project_count") for c in block["children"]} >= {52, 94}, "its sub-figures sit beneath it"
    assert len([e for e in flatten(data["new"]) if e.get("project_count") == 186]) == 1
    _check_totals(data)
    projects = [e for e in flatten(data["new"]) if e["kind"] != "program"]
    assert all(e["investment_kzt"] != 2.1e12 for e in projects), "the 2.1 trn programme is no project"
    assert data["totals"]["program_kzt"] == 2.1e12


def test_demo_quotes_sit_under_their_own_outlet_with_corroboration(demo):
    data = demo["data"]
    _check_quotes_under_their_outlet(demo["db"], data)
    copper = next(e for e in data["new"] if "copper smelter" in e["display_title"].lower())
    assert copper["outlets"] >= 5 and copper["official"]
    assert "independent outlets" in demo["page"] and "official source" in demo["page"]


def test_demo_mail_has_the_same_digest(demo):
    maildir = demo["workdir"] / "mail" / "new"
    messages = [email.message_from_bytes(p.read_bytes(), policy=policy.default) for p in maildir.iterdir()]
    assert messages
    for message in messages:
        part = message.get_body(("html",))
        html = part.get_content()
        assert len(html.encode("utf-8")) < LIMIT and "At a glance" in html
        assert len(part.get_payload(decode=False)) < LIMIT, "the HTML part as mailed (quoted-printable)"


# --- invented worlds -----------------------------------------------------------------------

def test_programme_and_projects_of_one_story_are_one_block(tmp_path):
    config = make_config(tmp_path)
    db = make_db(config)
    story = 9100
    add_article(db, source="minprom", title="186 projects in 2026", language="en", story_id=story,
                announcements=[{"kind": "program", "title": "projects", "project_count": 186,
                                "investment_kzt": 2_100_000_000_000, "evidence": "186 projects worth 2.1 trillion."},
                               {"kind": "program", "title": "Metallurgy projects", "sector": "metallurgy",
                                "project_count": 52, "evidence": "52 are in metallurgy."},
                               {"title": "steel pipe plant", "sector": "metal_products", "regions": ["KZ-35"],
                                "investment_kzt": 40_000_000_000, "evidence": "Among them a 40 bn pipe plant."}])
    add_article(db, source="vestnik", title="186 проектов", language="ru", story_id=story,
                announcements=[{"kind": "program", "title": "проект", "project_count": 186,
                                "investment_kzt": 2_100_000_000_000, "regions": ["KZ-79"],
                                "evidence": "186 проектов на 2,1 трлн тенге."}])
    add_article(db, source="wire", title="Cement plant opens", announcements=[
        {"title": "cement plant", "sector": "building_materials", "regions": ["KZ-61"], "status": "commissioned",
         "investment_usd": 100_000_000, "evidence": "The US$100 million cement plant opened."}])
    data, _ = build_digest_data(db, config, AS_OF)
    heads = [e for e in data["new"] if e["kind"] == "program"]
    assert len(heads) == 1 and heads[0]["project_count"] == 186 and heads[0]["regions"] == []
    assert heads[0]["display_title"].startswith("186 industrial projects nationwide")
    assert sorted(c["display_title"] for c in heads[0]["children"]) == ["52 metallurgy projects nationwide",
                                                                         "steel pipe plant"]
    t = data["totals"]
    assert (t["projects"], t["programs"]) == (2, 1)
    assert t["investment_kzt"] == 40_000_000_000 and t["investment_usd"] == 100_000_000
    assert t["program_kzt"] == 2_100_000_000_000
    _check_totals(data)
    page = write_digest(db, config, tmp_path / "out", as_of=AS_OF).html_path.read_text()
    assert "Inside this programme" in page and "not added to projects" in page


def test_quote_and_link_come_from_the_same_article(tmp_path):
    config = make_config(tmp_path)
    db = make_db(config)
    story = 9200
    a = add_article(db, source="wire", title="Fertiliser plant planned", story_id=story, announcements=[
        {"title": "fertiliser complex", "sector": "chemicals", "regions": ["KZ-31"], "investment_kzt": 560e9,
         "evidence": "The complex will cost 560 billion tenge."}])
    add_article(db, source="vestnik", title="Завод фосфорных удобрений открыт", language="ru", story_id=story,
                announcements=[{"title": "завод фосфорных удобрений", "sector": "chemicals", "regions": ["KZ-31"],
                                "status": "commissioned", "investment_kzt": 88e9,
                                "evidence": "Завод обошёлся в 88 млрд тенге."}])
    data, _ = build_digest_data(db, config, AS_OF)
    assert len(data["new"]) == 2
    complex_ = next(e for e in data["new"] if e["investment_kzt"] == 560e9)
    assert complex_["sources"][0]["article_id"] == a and len(complex_["sources"]) == 1, \
        "an article of the story about another plant is not a source of this one"
    phosphate = next(e for e in data["new"] if e["investment_kzt"] == 88e9)
    assert phosphate["display_title"] == "Fertiliser plant" and phosphate["original_title"] == "завод фосфорных удобрений"
    _check_quotes_under_their_outlet(db, data)
    page = render_html(data, AS_OF.date())
    quote = page.index("Завод обошёлся")
    assert page.index("Vestnik Oblasti", quote) < page.find("Steppe Wire", quote) or page.find("Steppe Wire", quote) == -1


def test_generic_and_foreign_titles_get_an_english_label(tmp_path):
    config = make_config(tmp_path)
    db = make_db(config)
    add_article(db, source="vestnik", title="Медеплавильный завод", language="ru", announcements=[
        {"title": "KAZ Minerals медеплавильный завод", "sector": "metallurgy", "regions": ["KZ-10"],
         "companies": ["KAZ Minerals", "KAZAKH INVEST", "Актогайским"], "capacity": "300 тыс. тонн катодной меди в год",
         "investment_usd": 1.8e9, "evidence": "Стоимость проекта 1,8 млрд долларов."}])
    add_article(db, source="minprom", title="Жаңа жоба", language="kk", announcements=[
        {"title": "жоба", "sector": "machinery", "regions": ["KZ-39"], "investment_kzt": 12e9, "evidence": "Жоба."}])
    data, _ = build_digest_data(db, config, AS_OF)
    titles = {e["display_title"]: e for e in data["new"]}
    copper = titles["KAZ Minerals copper smelter"]
    assert copper["original_title"] == "KAZ Minerals медеплавильный завод"
    assert copper["capacity_display"] == "300 thousand tonnes a year"
    assert copper["companies"] == ["KAZ Minerals"], "no state agency or place shown as owner"
    assert "Machinery project in Kostanay Region" in titles
    _check_readable_titles(data)


def test_russian_digest_is_a_setting(tmp_path):
    config = make_config(tmp_path)
    config = config.model_copy(update={"digest": config.digest.model_copy(update={"language": "ru"})})
    db = make_db(config)
    sample_news(db)
    result = write_digest(db, config, tmp_path / "out", as_of=AS_OF)
    page = result.html_path.read_text()
    assert "Новые проекты" in page and "Коротко" in page and "Металлургия" in page
    assert "Карагандинская" in page or "Караганд" in page


def test_a_huge_day_stays_under_the_size_limit(tmp_path):
    config = make_config(tmp_path)
    db = make_db(config)
    regions = ["KZ-10", "KZ-11", "KZ-15", "KZ-19", "KZ-23", "KZ-27", "KZ-31", "KZ-33", "KZ-35", "KZ-39"]
    for n in range(260):
        story = 20000 + n
        for source, language in (("wire", "en"), ("vestnik", "ru"), ("minprom", "kk")):
            add_article(db, source=source, language=language, story_id=story,
                        title=f"Большой завод номер {n} " + "очень длинный заголовок " * 6,
                        announcements=[{"title": f"cement plant {n}", "sector": "building_materials",
                                        "regions": [regions[n % 10]], "investment_kzt": (n + 1) * 1e9,
                                        "jobs": 100 + n, "evidence": "Длинная цитата о заводе. " * 20}])
    result = write_digest(db, config, tmp_path / "out", as_of=AS_OF)
    page = result.html_path.read_text()
    assert html_size(page) < LIMIT, "as mailed, quoted-printable"
    assert "smaller entries are not shown" in page or "more" in page
    assert "At a glance" in page and "Largest new projects" in page


def test_first_run_over_a_new_source_summarises_history(tmp_path):
    config = make_config(tmp_path)
    db = make_db(config)
    sample_news(db)
    write_digest(db, config, tmp_path / "out", as_of=AS_OF - timedelta(days=1))  # an earlier day: not the first edition
    for n in range(150):
        year = 2011 + n % 15
        add_article(db, source="minprom", language="ru", title=f"Архив {n}",
                    published=AS_OF.replace(year=year, month=1 + n % 12, day=1),
                    announcements=[{"title": "проект", "sector": "energy", "regions": ["KZ-55"],
                                    "investment_kzt": (n + 1) * 1e9, "evidence": f"Архивная запись {n}."}])
    add_article(db, source="minprom", language="en", title="Fresh one", announcements=[
        {"title": "wind farm", "sector": "energy", "regions": ["KZ-55"], "investment_usd": 50e6,
         "evidence": "A 50 million wind farm."}])
    result = write_digest(db, config, tmp_path / "out", as_of=AS_OF)
    from kzmon.storage import outbox
    data = outbox.edition(db, result.edition_id)["data"]
    assert [e["display_title"] for e in data["new"]] == ["wind farm"], "history is not listed as new"
    history = data["history"]
    assert history["announcements"] == 150 and history["span"] == "2011–2025"
    assert dict(history["by_year"])["2011"] == 10 and len(history["largest"]) == 5
    assert "history of 150 older reports summarised" in result.subject
    page = result.html_path.read_text()
    assert len(page.encode("utf-8")) < LIMIT and "History found in this run" in page
    assert all(not is_generic(p["title"]) for p in history["largest"])
    _check_readable_titles(data)
    _check_totals(data)
    again = build_digest_data(db, config, AS_OF + timedelta(days=1))[0]
    assert again["history"] is None and again["new"] == [], "history is claimed once"


def test_stalled_project_is_marked_and_listed_once(tmp_path):
    config = make_config(tmp_path)
    db = make_db(config)
    old = AS_OF - timedelta(days=800)
    add_article(db, source="wire", title="Sugar plant planned", published=old, announcements=[
        {"title": "sugar plant", "sector": "agro_food", "regions": ["KZ-63"], "project_id": 77}])
    db["projects"].insert({"id": 77, "kind": "project", "title": "sugar plant", "status": "planned",
                           "sector": "agro_food", "regions": json.dumps(["KZ-63"]), "companies": "[]",
                           "first_seen": old.isoformat(), "last_seen": old.isoformat(), "announcement_count": 1},
                          replace=True)  # add_article made a bare row for the announcement's project_id
    back_then = write_digest(db, config, tmp_path / "out", as_of=old + timedelta(hours=6))
    assert back_then.new_projects == 1, "it was news when it was announced"
    first = write_digest(db, config, tmp_path / "out", as_of=AS_OF.replace(day=1) - timedelta(days=20))
    text = first.text_path.read_text()
    assert "GONE QUIET" in text and "Sugar plant" in text
    row = db.execute("SELECT listed_edition FROM digest_stalled WHERE project_id = 77").fetchone()
    assert row == (first.edition_id,)
    add_article(db, source="wire", title="Other news", announcements=[{"title": "brick plant", "regions": ["KZ-19"]}])
    later = write_digest(db, config, tmp_path / "out", as_of=AS_OF.replace(day=1))  # first edition of the next month
    assert "GONE QUIET" not in later.text_path.read_text(), "listed once"


def test_update_says_what_changed_since_when(tmp_path):
    config = make_config(tmp_path)
    db = make_db(config)
    add_article(db, source="wire", title="Glass plant planned", published=AS_OF - timedelta(days=4),
                announcements=[{"title": "float glass plant", "status": "planned", "regions": ["KZ-19"],
                                "investment_kzt": 90e9, "project_id": 42}])
    write_digest(db, config, tmp_path / "out", as_of=AS_OF - timedelta(days=4))
    add_article(db, source="vestnik", title="Стекольный завод запущен", language="ru", announcements=[
        {"title": "завод флоат-стекла", "status": "commissioned", "regions": ["KZ-19"], "investment_kzt": 90e9,
         "project_id": 42}])
    text = write_digest(db, config, tmp_path / "out", as_of=AS_OF).text_path.read_text()
    day = (AS_OF - timedelta(days=4)).date().isoformat()
    assert "status: planned -> commissioned" in text and f"previously reported {day} (Steppe Wire)" in text


def _world_with_runs(db, failing: list[str], ok: list[str]) -> None:
    run = db["runs"].insert({"started_at": AS_OF.isoformat(), "status": "partial"}).last_pk
    for source in failing:
        db["run_sources"].insert({"run_id": run, "source_id": source, "errors": 2, "last_error": "HTTP 503"})
    for source in ok:
        db["run_sources"].insert({"run_id": run, "source_id": source, "errors": 0, "new_articles": 1})


def test_subject_flags_failing_sources_and_all_failing_is_unmistakable(tmp_path):
    smtp = SmtpServer(free_port())
    smtp.start()
    try:
        config = load_config(write_config(tmp_path, smtp.port, [{"address": "analyst@example.kz"}]))
        db = make_db(config)
        sample_news(db)
        _world_with_runs(db, ["vestnik", "minprom"], ["wire"])
        write_digest(db, config, Path(config.workdir), as_of=AS_OF)
        deliver(db, config)
        subject = smtp.inbox.messages[-1]["Subject"]
        assert "2 sources failing" in subject
        _world_with_runs(db, ["vestnik", "minprom", "wire"], [])
        result = write_digest(db, config, Path(config.workdir), as_of=AS_OF + timedelta(days=1))
        deliver(db, config)
        message = smtp.inbox.messages[-1]
        assert "ALL 3 SOURCES FAILING" in message["Subject"]
        html = message.get_body(("html",)).get_content()
        assert html.index("ALL 3 SOURCES FAILED") < html.index("Digest for")
        text = result.text_path.read_text()
        assert text.count("Vestnik Oblasti") == 1, "each failing source listed once"
        assert "HTTP 503" in text
    finally:
        smtp.stop()


def test_watched_companies_come_first(tmp_path):
    smtp = SmtpServer(free_port())
    smtp.start()
    try:
        config = load_config(write_config(tmp_path, smtp.port, [
            {"address": "analyst@example.kz"}, {"address": "copper@example.kz", "watch": ["Qazmys"]}]))
        db = make_db(config)
        sample_news(db)
        write_digest(db, config, Path(config.workdir), as_of=AS_OF)
        deliver(db, config)
        watcher = smtp.inbox.to("copper@example.kz")[0].get_body(("html",)).get_content()
        assert "Watched for you" in watcher
        assert watcher.index("Watched for you") < watcher.index("At a glance")
        assert watcher.index("copper wire rod plant") < watcher.index("At a glance")
        plain = smtp.inbox.to("analyst@example.kz")[0].get_body(("html",)).get_content()
        assert "Watched for you" not in plain
    finally:
        smtp.stop()


def _bench_quality():
    """bench/quality.py: the dev split of the real-reporting corpus and the extractor as
    `kzmon extract` runs it (the blind split is never read here)."""
    import importlib.util
    import sys

    path = Path(__file__).resolve().parent.parent / "bench" / "quality.py"
    spec = importlib.util.spec_from_file_location("kzmon_bench_quality", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["kzmon_bench_quality"] = module
    spec.loader.exec_module(module)
    return module


def test_first_run_over_a_new_real_source_is_history_not_news(tmp_path):
    """116 real articles (2011-2026, 40 % undated) fetched today from a source never seen before,
    through the real extractor and the real storage path (stories, projects)."""
    from kzmon.extract.language import detect_language
    from kzmon.extract.stemming import stem_text
    from kzmon.storage.articles import ArticleRecord, store_article

    quality = _bench_quality()
    docs = quality.load_split("dev")
    predictions = quality.predict(docs)
    config = make_config(tmp_path)
    db = make_db(config)
    sample_news(db)
    write_digest(db, config, tmp_path / "out", as_of=AS_OF - timedelta(days=1))
    db.execute("INSERT INTO sources (id, name) VALUES ('archive', 'Archive Outlet')")
    for doc in docs:
        lines = doc.text.strip().splitlines()
        title, body = lines[0].strip(), "\n".join(lines[1:]).strip()
        language = detect_language(doc.text) or doc.lang
        published = doc.gold.get("published")
        url = doc.gold.get("url") or f"https://corpus.invalid/{doc.id}"
        store_article(db, ArticleRecord(
            source_id="archive", url=url, canonical_url=url, text=body, title=title, language=language,
            published=f"{published}T12:00:00+05:00" if published and len(published) == 10 else None,
            stem=stem_text(f"{title}\n{body}", language), announcements=predictions[doc.id],
            fetched_at=AS_OF.isoformat()))
    add_article(db, source="wire", title="Fresh: a cement plant", announcements=[
        {"title": "cement plant", "sector": "building_materials", "regions": ["KZ-61"], "investment_usd": 80e6,
         "evidence": "The US$80 million cement plant will open in 2027."}])
    stored = db.execute("SELECT count(*) FROM announcements n JOIN articles a ON a.id = n.article_id "
                        "WHERE a.source_id = 'archive'").fetchone()[0]
    assert stored > 100
    result = write_digest(db, config, tmp_path / "out", as_of=AS_OF)
    from kzmon.storage import outbox
    data = outbox.edition(db, result.edition_id)["data"]
    assert [e["display_title"] for e in data["new"]] == ["cement plant"], "no archive entry is listed as new"
    assert data["history"]["announcements"] == stored and data["history"]["span"].startswith("20")
    assert f"history of {stored} older reports summarised" in result.subject
    for p in data["history"]["largest"]:
        assert not is_generic(p["title"]) and not is_truncated(p["title"]), p["title"]
    _check_readable_titles(data)
    _check_totals(data)
    page = result.html_path.read_text()
    assert len(page.encode("utf-8")) < LIMIT and "History found in this run" in page and "At a glance" in page
    assert not GENERIC.search(page)
