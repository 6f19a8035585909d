"""Benchmark of the deduplicator (issue 5).

Prints:
  * pairwise precision/recall of stories and projects on the labelled set(s) in tests/data/dedup/
  * the dev duplicate groups (tests/data/dev/duplicates.json) with the gold records
  * merges among the 181 distinct benchmark articles (must be 0), all stored on one day
  * near-duplicate recall against synthetic reprints with 5-20% of words replaced
  * per-article dedup time with 1,000 and with 100,000 stored articles (30% of them undated),
    stories and projects side by side, and their ratios

    python bench/bench_dedup.py [--sizes 1000 100000] [--probe 100] [--rounds 5] [--skip-scale]

Last measured (2026-11-22, shared machine, two full runs):
  labelled.json (42 articles, 24 stories, 15 projects), hand-written records:
      story pairs P 1.000 R 1.000 (31 pairs); project pairs P 1.000 R 1.000 (68 pairs)
  labelled_heldout.json (15 articles written after the thresholds were set): all 1.000
  with records from extract.announcements instead: story pairs P 1.000 R 1.000 on both sets;
      article pairs sharing a project P 1.000, R 0.88 / 0.77 (misses: articles the extractor
      gives no record, or an incidental region)
  dev duplicates.json: story pairs P 1.000 R 1.000; 181 benchmark articles on one day: 0 merges
  synthetic reprints found: 100% at 10% of words replaced, 94% at 15%, 38% at 20%
  per-article dedup, median of 600: 2.35 / 3.37 ms (ratio 1.43), 2.98 / 4.00 ms (ratio 1.34)
      at 1,000 / 100,000 stored articles
2026-12-06 (story rules with undated articles and the posting cap; 30% of generated articles
undated; median of 500, means in brackets; shared, busy machine):
  stories 3.22 / 3.70 ms (ratio 1.15, means 1.24); projects 0.36 / 1.07 ms (2.94, means 2.76);
  both 3.64 / 4.73 ms (ratio 1.30, means 1.37). Before the index by project on
  dedup_project_keys, projects were 0.24 / 0.89 ms with means 0.27 / 7.07 (ratio 25.8: joining
  two projects scanned the key table), both 1.54 (means 3.11)
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kzmon import storage  # noqa: E402
from kzmon.storage.dedup import assign_story, link_projects  # noqa: E402
from kzmon.storage.dedup.evaluation import (article_project_pairs, load_labelled, run_labelled, score_labelled,  # noqa: E402
                                      store_article)
from kzmon.storage.dedup.fingerprints import article_facts  # noqa: E402
from kzmon.storage.dedup.minhash import estimate_jaccard, signature  # noqa: E402
from kzmon.storage.dedup.normalise import text_hash  # noqa: E402
from kzmon.storage.dedup.projects import project_keys  # noqa: E402
from kzmon.storage.dedup.records import day_number  # noqa: E402
from kzmon.storage.dedup.stories import _index  # noqa: E402

DATA = ROOT / "tests" / "data"


def fresh_db(directory: str, name: str):
    return storage.open_db(Path(directory) / name)


def with_extracted_records(docs: list[dict]) -> list[dict]:
    """The labelled documents with records made by the real extractor instead of by hand."""
    from kzmon.extract.announcements import extract_announcements

    out = []
    for doc in docs:
        published = date.fromisoformat(doc["published"]) if doc.get("published") else None
        records = extract_announcements(doc["text"], published, doc.get("language"), doc.get("title"))
        out.append(doc | {"gold_records": doc["records"], "records": [r | {"project": "?"} for r in records]})
    return out


def labelled_sets(tmp: str) -> None:
    for path in sorted((DATA / "dedup").glob("labelled*.json")):
        docs = load_labelled(path)
        try:
            extracted = with_extracted_records(docs)
        except Exception as error:  # the extractor is another package, possibly mid-change
            print(f"{path.name}: extractor unavailable ({type(error).__name__}: {error})")
            extracted = None
        if extracted is not None:
            db = fresh_db(tmp, path.stem + "-extracted.db")
            ids = run_labelled(db, extracted)
            stories, _, _ = score_labelled(db, extracted, ids)
            projects = article_project_pairs(db, extracted, ids)
            print(f"{path.name} with records from extract.announcements:")
            print(f"  story pairs:   precision {stories.precision:.3f}  recall {stories.recall:.3f}  "
                  f"(tp {stories.true_pos}, fp {stories.false_pos}, fn {stories.false_neg})")
            print(f"  article pairs sharing a project: precision {projects.precision:.3f}  recall "
                  f"{projects.recall:.3f}  (tp {projects.true_pos}, fp {projects.false_pos}, fn {projects.false_neg})")
        db = fresh_db(tmp, path.stem + ".db")
        ids = run_labelled(db, docs)
        stories, projects, errors = score_labelled(db, docs, ids)
        print(f"{path.name}: {len(docs)} articles, {len({d['story'] for d in docs})} stories, "
              f"{len({r['project'] for d in docs for r in d['records']})} projects")
        print(f"  story pairs:   precision {stories.precision:.3f}  recall {stories.recall:.3f}  "
              f"(tp {stories.true_pos}, fp {stories.false_pos}, fn {stories.false_neg})")
        articles = article_project_pairs(db, docs, ids)
        print(f"  article pairs sharing a project: precision {articles.precision:.3f}  recall {articles.recall:.3f}")
        print(f"  project pairs: precision {projects.precision:.3f}  recall {projects.recall:.3f}  "
              f"(tp {projects.true_pos}, fp {projects.false_pos}, fn {projects.false_neg})")
        for line in errors:
            print("   ", line)


def first(field: str, value):
    """Gold records may list several acceptable values of a field; the first is stored."""
    if field in ("sector", "status", "period") and isinstance(value, list):
        return value[0] if value else None
    return value


def dev_groups(tmp: str) -> None:
    groups = json.loads((DATA / "dev" / "duplicates.json").read_text(encoding="utf-8"))
    docs = []
    for gold_path in sorted((DATA / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = (DATA / gold["text_file"]).read_text(encoding="utf-8") if (DATA / gold["text_file"]).exists() \
            else (DATA / "seeds" / Path(gold["text_file"]).name).read_text(encoding="utf-8")
        story = next((g for g, members in groups["same_story"].items() if gold["id"] in members), gold["id"])
        records = [{k: first(k, v) for k, v in rec.items()} | {"project": f"{gold['id']}#{i}"}
                   for i, rec in enumerate(gold.get("announcements", []))]
        docs.append({"id": gold["id"], "source": gold["id"].split("-")[1] if "-" in gold["id"] else "seed",
                     "language": gold.get("lang"), "published": gold.get("published"), "title": text.split("\n")[0],
                     "text": text, "story": story, "records": records})
    db = fresh_db(tmp, "dev.db")
    ids = run_labelled(db, docs)
    stories, _, errors = score_labelled(db, docs, ids)
    print(f"dev duplicates.json ({len(docs)} gold articles): story pairs precision {stories.precision:.3f} "
          f"recall {stories.recall:.3f} (tp {stories.true_pos}, fp {stories.false_pos}, fn {stories.false_neg})")
    for line in errors:
        if line.startswith("story"):
            print("   ", line)


def benchmark_no_merge(tmp: str) -> None:
    arts = json.loads((DATA / "dedup" / "benchmark_bodies.json").read_text(encoding="utf-8"))["articles"]
    db = fresh_db(tmp, "benchmark.db")
    docs = [{"id": a["id"], "source": "benchmark", "language": "en", "published": "2026-11-20",
             "title": a["text"].split("\n")[0][:120], "text": a["text"], "story": a["id"], "records": []}
            for a in arts]
    run_labelled(db, docs)
    merged = db.execute("SELECT count(*), coalesce(sum(article_count), 0) FROM stories WHERE article_count > 1").fetchone()
    print(f"181 benchmark articles, one day: {db.execute('SELECT count(*) FROM stories').fetchone()[0]} stories, "
          f"{merged[0]} merged stories ({merged[1]} articles in them)")


def synthetic_reprints() -> None:
    arts = json.loads((DATA / "dedup" / "benchmark_bodies.json").read_text(encoding="utf-8"))["articles"]
    rng = random.Random(7)
    vocab = [w for a in arts for w in a["text"].split()]
    for fraction in (0.05, 0.10, 0.15, 0.20):
        hits, values = 0, []
        for a in arts:
            words = a["text"].split()
            for i in rng.sample(range(len(words)), int(fraction * len(words))):
                words[i] = rng.choice(vocab)
            j = estimate_jaccard(signature(a["text"]), signature(" ".join(words)))
            values.append(j)
            hits += j >= 0.5
        values.sort()
        print(f"  reprint with {fraction:.0%} words replaced: bigram MinHash J median {values[len(values) // 2]:.2f}, "
              f"found {hits / len(arts):.1%}")


# ---- scale -------------------------------------------------------------------------------

SECTORS = ["metallurgy", "agro_food", "energy", "chemicals", "building_materials", "automotive", "machinery", "mining"]
REGIONS = ["KZ-10", "KZ-11", "KZ-15", "KZ-19", "KZ-23", "KZ-27", "KZ-31", "KZ-33", "KZ-35", "KZ-39", "KZ-43",
           "KZ-47", "KZ-55", "KZ-59", "KZ-61", "KZ-62", "KZ-63", "KZ-71", "KZ-75", "KZ-79"]


TIME_ORIGIN = date(2023, 1, 1)


class Generator:
    """Articles in the shape of the real ones: sentences of real articles, a third of their
    words swapped for others (the pool holds ~5,000 sentences, and 100,000 articles reusing
    them verbatim would share far more text than distinct real articles do: the 181 benchmark
    articles share 0.9% of their word bigrams on average), plus an investment sentence with
    random figures; a record for most of them; ARTICLES_PER_DAY per day, UNDATED_SHARE of them
    without a date (fetched that day: their facts go to the undated index, probed over
    stories.UNDATED_WINDOW_DAYS)."""

    ARTICLES_PER_DAY = 150
    UNDATED_SHARE = 0.3   # the real-reporting dev split: 51 of 116 articles carry no date

    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        pool = json.loads((DATA / "dedup" / "benchmark_bodies.json").read_text(encoding="utf-8"))["articles"]
        pool += load_labelled(DATA / "dedup" / "labelled.json")
        self.sentences = [s.strip() for a in pool for s in a["text"].replace("\n", " ").split(". ") if len(s) > 40]
        self.vocabulary = sorted({w for s in self.sentences for w in s.split()})

    def sentence(self) -> str:
        words = self.rng.choice(self.sentences).split()
        for i in self.rng.sample(range(len(words)), len(words) // 3):
            words[i] = self.rng.choice(self.vocabulary)
        return " ".join(words)

    def company(self) -> str:
        syllables = ["kaz", "tal", "er", "mun", "ai", "sar", "ka", "bek", "tau", "zhol", "nur", "ast", "ser", "ik"]
        return "".join(self.rng.choice(syllables) for _ in range(3)).capitalize() + " LLP"

    def article(self, number: int, day: int) -> dict:
        rng = self.rng
        kzt = round(rng.uniform(1, 900), 1) * 1e9
        jobs = rng.randrange(20, 3000)
        company = self.company()
        sentence = (f"{company} will invest {kzt / 1e9:.1f} billion tenge in a new plant that will create "
                    f"{jobs:,} jobs and produce {rng.randrange(10, 900) * 1000:,} tonnes a year")
        text = ". ".join([self.sentence() for _ in range(6)] + [sentence]) + "."
        records = []
        if rng.random() < 0.7:
            records.append({"project": f"x{number}", "kind": "project", "title": "new plant", "status": "planned",
                            "sector": rng.choice(SECTORS), "regions": [rng.choice(REGIONS)], "companies": [company],
                            "investment_kzt": kzt, "jobs": jobs})
        published = (TIME_ORIGIN + timedelta(days=day)).isoformat()
        undated = rng.random() < self.UNDATED_SHARE
        return {"id": f"g{number}", "source": "generated", "language": "en",
                "published": None if undated else published, "fetched": published,
                "title": sentence[:80], "text": text, "story": f"g{number}", "records": records}



def fill(db, generator: Generator, count: int) -> int:
    """Store `count` articles and their index rows directly (the index rows assign_story and
    link_projects would write), without matching them: filling 100,000 with full matching
    would measure the fill, not the per-article cost. Returns the last day used."""
    day = 0
    with db.conn:
        for number in range(count):
            day = number // Generator.ARTICLES_PER_DAY
            doc = generator.article(number, day)
            article_id = store_article(db, doc, number)
            story_id = db.execute("INSERT INTO stories (article_count, title) VALUES (1, ?)", [doc["title"]]).lastrowid
            db.execute("UPDATE articles SET story_id = ? WHERE id = ?", [story_id, article_id])
            facts = {f.key: f.weight for f in article_facts(doc["text"], "en", doc["records"])}
            _index(db, article_id, text_hash(doc["text"]), signature(doc["text"]), facts,
                   day_number(doc["fetched"]), undated=doc["published"] is None)
            for rec in doc["records"]:
                project_id = db.execute("INSERT INTO projects (announcement_count) VALUES (1)").lastrowid
                db.execute("UPDATE announcements SET project_id = ? WHERE article_id = ?", [project_id, article_id])
                db.conn.executemany("INSERT OR IGNORE INTO dedup_project_keys (key, project_id) VALUES (?, ?)",
                                    [(k, project_id) for k in project_keys(rec)])
    return day


def dedup_seconds(db, docs: list[dict], first_number: int) -> list[tuple[float, float]]:
    """Time of assign_story and of link_projects for each document (storing it is the
    pipeline's cost, not the deduplicator's, and is not timed)."""
    times = []
    for number, doc in enumerate(docs):
        with db.conn:
            article_id = store_article(db, doc, first_number + number)
            start = time.perf_counter()
            assign_story(db, article_id)
            middle = time.perf_counter()
            link_projects(db, article_id)
            times.append((middle - start, time.perf_counter() - middle))
    return times


def scale(sizes: list[int], probe: int, rounds: int, tmp: str, cache_mb: int = 0) -> None:
    """Per-article cost at each database size, side by side: stories (assign_story), projects
    (link_projects) and both. The sizes are measured in alternating rounds and compared by their
    medians, so load from other processes on the machine falls on both."""
    dbs, generators, last_days = {}, {}, {}
    for size in sizes:
        start = time.perf_counter()
        dbs[size] = fresh_db(tmp, f"scale-{size}.db")
        if cache_mb:
            dbs[size].execute(f"PRAGMA cache_size = -{cache_mb * 1024}")
        generators[size] = Generator(seed=size)
        last_days[size] = fill(dbs[size], generators[size], size)
        print(f"  filled {size:,} articles in {time.perf_counter() - start:.0f} s")
    samples: dict[int, list[tuple[float, float]]] = {size: [] for size in sizes}
    for round_number in range(rounds):
        for size in sizes:
            docs = [generators[size].article(size + round_number * probe + i, last_days[size]) for i in range(probe)]
            samples[size] += dedup_seconds(dbs[size], docs, size + round_number * probe)
    small, large = sizes
    print(f"per-article dedup cost, {rounds * probe} articles each, {Generator.UNDATED_SHARE:.0%} undated "
          f"(median ms; means in brackets):")
    print(f"  {'':22} {f'{small:,} stored':>18} {f'{large:,} stored':>18} {'ratio':>12}")
    parts = {"stories (assign_story)": lambda t: t[0], "projects (link_projects)": lambda t: t[1],
             "both": lambda t: t[0] + t[1]}
    for name, part in parts.items():
        values = {size: [part(t) for t in samples[size]] for size in sizes}
        med = {size: statistics.median(v) * 1000 for size, v in values.items()}
        mean = {size: statistics.mean(v) * 1000 for size, v in values.items()}
        print(f"  {name:22} {med[small]:8.2f} ({mean[small]:6.2f}) {med[large]:8.2f} ({mean[large]:6.2f}) "
              f"{med[large] / med[small]:5.2f} ({mean[large] / mean[small]:4.2f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs=2, default=[1000, 100000])
    parser.add_argument("--probe", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--skip-scale", action="store_true")
    parser.add_argument("--cache-mb", type=int, default=0, help="SQLite page cache for the scale runs (default: as open_db)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        labelled_sets(tmp)
        dev_groups(tmp)
        benchmark_no_merge(tmp)
        print("near-duplicate level, synthetic reprints of the 181 benchmark articles:")
        synthetic_reprints()
        if not args.skip_scale:
            scale(args.sizes, args.probe, args.rounds, tmp, args.cache_mb)


if __name__ == "__main__":
    main()
