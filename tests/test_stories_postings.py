"""A busy window costs no more than a quiet one: the story probe reads each anchor's postings up
to MAX_POSTINGS_PER_ANCHOR, and a report still finds its story through the rarer anchors it
shares. Real SQLite through storage.store_article."""
from __future__ import annotations

import random

from kzmon import storage
from kzmon.storage.articles import ArticleRecord, store_article
from kzmon.storage.dedup.stories import MAX_POSTINGS_PER_ANCHOR

REPORT = ("ASTANA – Qazaq Glass will build a float glass plant in the Kyzylorda Region worth 78.2 billion tenge "
          "(US$163.7 million), President Tokayev was told. The plant will produce 600 tonnes of glass per day "
          "and create 480 jobs; construction begins next spring near the city, the regional akimat said.")
REWRITE = ("Kyzylorda region will get a float glass factory: Qazaq Glass is investing 78.2 billion tenge, or "
           "$163.7 million, in the project, Tokayev heard at a meeting. Up to 480 people will work at the "
           "factory, which is designed for 600 tonnes of glass a day. Builders will start work in spring.")
WORDS = ("road school hospital bridge park museum theatre stadium library airport station market farm "
         "garden river lake forest village district street square tower hall").split()


def test_a_report_finds_its_story_in_a_window_crowded_with_a_common_name(tmp_path):
    db = storage.open_db(tmp_path / "kzmon.db")
    db.execute("INSERT INTO sources (id) VALUES ('busy'), ('a'), ('b')")
    rng = random.Random(7)

    def add(source: str, url: str, text: str) -> int:
        article_id = store_article(db, ArticleRecord(
            source_id=source, url=url, canonical_url=url, text=text, title=text[:60], language="en",
            published="2025-03-10T10:00:00+05:00", published_source="meta", fetched_at="2025-03-10T12:00:00+05:00"))
        return db.execute("SELECT story_id FROM articles WHERE id = ?", [article_id]).fetchone()[0]

    for n in range(MAX_POSTINGS_PER_ANCHOR * 2):   # the day's other news, all naming the president
        items = " ".join(rng.sample(WORDS, 12))
        add("busy", f"https://busy.kz/{n}", f"President Tokayev spoke about the {items} in meeting number {n} "
                                            f"with residents of the capital about {rng.choice(WORDS)} plans.")
    busy = db.execute("SELECT count(*) FROM dedup_facts WHERE fact = 'nm:tkv'").fetchone()[0]
    assert busy > MAX_POSTINGS_PER_ANCHOR, "the common name is not common enough to test the cap"
    story = add("a", "https://a.kz/glass", REPORT)
    assert add("b", "https://b.kz/glass", REWRITE) == story
    assert db.execute("SELECT count(*) FROM stories").fetchone()[0] == MAX_POSTINGS_PER_ANCHOR * 2 + 1


def test_the_dedup_lookups_are_index_searches_not_table_scans(tmp_path):
    """What keeps the cost per article flat: every lookup by anchor, band, text, story or
    project is a SEARCH in SQLite's plan (a SCAN reads the whole table, and grows with it)."""
    db = storage.open_db(tmp_path / "kzmon.db")
    lookups = [
        "SELECT article_id FROM dedup_facts WHERE fact = 'nm:x' AND day BETWEEN 1 AND 30 LIMIT 40",
        "SELECT article_id FROM dedup_undated_facts WHERE fact = 'v:5' AND day BETWEEN 1 AND 700 LIMIT 40",
        "SELECT article_id FROM dedup_bands WHERE band = 1 AND hash = 2",
        "SELECT article_id FROM dedup_articles WHERE text_hash = 'h'",
        "SELECT id FROM articles WHERE content_hash = 'h'",
        "SELECT id FROM articles WHERE story_id = 1",
        "SELECT project_id FROM dedup_project_keys WHERE key = 'k' ORDER BY project_id DESC LIMIT 6",
        "SELECT key FROM dedup_project_keys WHERE project_id = 1",       # joining two projects
        "DELETE FROM dedup_project_keys WHERE project_id = 1",
    ]
    for sql in lookups:
        plan = " ".join(row[-1] for row in db.execute(f"EXPLAIN QUERY PLAN {sql}"))
        assert "SEARCH" in plan and "SCAN" not in plan, f"{sql}: {plan}"
