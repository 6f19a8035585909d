#!/usr/bin/env python3
"""The quality table: extraction and grouping measured on the real-reporting corpus.

    python bench/quality.py [--split dev|blind|all] [--details] [--json]

For each split of tests/data/reporting (dev: free to read; blind: its texts are never read by
the people who write extraction or grouping rules) it prints:

* extraction per language: record precision / recall / F1 (the matching rules of
  tests/data/score_extraction.py, the scorer the shared gold uses), leaks (figures the gold
  says are not announcements, found in a record), field accuracy and company accuracy on
  matched records, negatives that produced a record;
* grouping: every article of the split goes through the real storage path (extractor records,
  `storage.store_article`, story assignment and project linking) in the order the outlets
  published them; then story pairs precision / recall (and recall on pairs in two
  languages), and project-link pairs: pairs of gold records of one facility (one
  `project_key`) in two articles whose matched predictions landed in the same project
  (pools, and pairs of two unnamed facilities, carry no label and are left out).

The blind split prints aggregates and failure categories only; `--details` (per-document
misses) is refused for it, so that nobody tunes on its texts by accident.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from itertools import combinations
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

try:
    from kzmon.extract.language import detect_language  # noqa: E402
    from kzmon.extract_cli import extract_document  # noqa: E402
    from kzmon.storage.dedup.evaluation import PairScore  # noqa: E402
except ModuleNotFoundError as missing:   # run with a Python that lacks kzmon's dependencies
    sys.exit(f"bench/quality.py: {missing.name} is not installed here: run it in kzmon's environment "
             "(pip install -e '.[test]')")

CORPUS = ROOT / "tests" / "data" / "reporting"
LANGUAGES = ("en", "ru", "kk")


def _scorer():
    spec = importlib.util.spec_from_file_location("score_extraction", ROOT / "tests" / "data" / "score_extraction.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SCORER = _scorer()


@dataclass
class Document:
    gold: dict[str, Any]
    text: str

    @property
    def id(self) -> str:
        return self.gold["id"]

    @property
    def lang(self) -> str:
        return self.gold.get("lang") or "?"


def load_split(split: str, corpus: Path = CORPUS) -> list[Document]:
    """The gold documents of one split with their texts (text_file is relative to the split)."""
    folder = corpus / split
    docs = []
    for path in sorted((folder / "gold").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        docs.append(Document(gold, (folder / gold["text_file"]).read_text(encoding="utf-8")))
    return docs


def predict(docs: list[Document]) -> dict[str, list[dict[str, Any]]]:
    """Records as `kzmon extract` makes them: the CLI's own document function, in process."""
    out = {}
    for doc in docs:
        _, records = extract_document({"text": doc.text, "published": doc.gold.get("published")}, None)
        out[doc.id] = records
    return out


@dataclass
class ExtractionScore:
    gold: int = 0
    pred: int = 0
    matched: int = 0
    leaks: int = 0
    negatives: int = 0
    noisy_negatives: int = 0
    fields: dict[str, list[int]] = field(default_factory=lambda: {f: [0, 0] for f in SCORER.SCORED_FIELDS})
    categories: Counter = field(default_factory=Counter)

    @property
    def precision(self) -> float:
        return self.matched / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def field_accuracy(self) -> float:
        right = sum(c for c, _ in self.fields.values())
        asked = sum(t for _, t in self.fields.values())
        return right / asked if asked else 0.0

    def field(self, name: str) -> float | None:
        right, asked = self.fields[name]
        return right / asked if asked else None


def _has_figures(record: dict[str, Any]) -> bool:
    return any(record.get(f) is not None for f in SCORER.NUMERIC)


def score_extraction(docs: list[Document], predictions: dict[str, list[dict[str, Any]]]) -> ExtractionScore:
    """One score over these documents, with failure categories that name no text."""
    score = ExtractionScore()
    for doc in docs:
        gold, pred = doc.gold["announcements"], predictions.get(doc.id, [])
        pairs = SCORER.match(gold, pred)
        score.gold += len(gold)
        score.pred += len(pred)
        score.matched += len(pairs)
        score.leaks += len(SCORER.violations(doc.gold.get("not_announcements", []), pred))
        if not gold:
            score.negatives += 1
            score.noisy_negatives += bool(pred)
        matched_gold, matched_pred = {i for i, _ in pairs}, {j for _, j in pairs}
        for i, g in enumerate(gold):
            if i not in matched_gold:
                shape = "with figures" if _has_figures(g) else "without figures"
                score.categories[f"missed {g.get('kind', 'project')} {shape}"] += 1
        for j, p in enumerate(pred):
            if j not in matched_pred:
                where = "in a negative article" if not gold else "beside gold"
                score.categories[f"spurious {p.get('kind', 'project')} {where}"] += 1
        for i, j in pairs:
            for name in SCORER.SCORED_FIELDS:
                if name in gold[i]:
                    right = SCORER.field_correct(name, gold[i], pred[j])
                    score.fields[name][1] += 1
                    score.fields[name][0] += right
                    if not right:
                        score.categories[f"wrong {name}"] += 1
    return score


@dataclass
class GroupingScore:
    stories: PairScore
    cross_language: PairScore
    projects: PairScore
    articles: int
    gold_story_groups: int
    gold_projects: int
    story_categories: Counter = field(default_factory=Counter)
    project_categories: Counter = field(default_factory=Counter)


def _outlet_id(gold: dict[str, Any]) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in (gold.get("outlet") or "unknown").lower())[:40]


def _full_day(value: str | None) -> str | None:
    """A gold date as a day: '2011-12' -> '2011-12-15', '2019' -> '2019-07-01'."""
    if not value:
        return None
    return value if len(value) == 10 else f"{value}-15" if len(value) == 7 else f"{value[:4]}-07-01"


def _stored_days(docs: list[Document]) -> dict[str, str]:
    """When each article reached the crawler: its outlet's date; without one, the earliest
    date of its story group (outlets report an event within days), else a late fixed day.
    A date its writer knew only to the month or year ("2025-12") is the group's earliest day
    within that month or year when the group has one: the middle of the month is a guess of
    the harness, and a report of the event was published on a day near its group's."""
    dates = {d.id: d.gold.get("event_date") or d.gold.get("published") for d in docs}
    by_group: dict[str, list[str]] = defaultdict(list)
    for d in docs:
        if d.gold.get("duplicate_group") and dates[d.id]:
            by_group[d.gold["duplicate_group"]].append(_full_day(dates[d.id]))
    days = {}
    for d in docs:
        group = by_group.get(d.gold.get("duplicate_group"), [])
        value = dates[d.id]
        if value and len(value) < 10:
            within = [day for day in group if day.startswith(value) and day != _full_day(value)]
            days[d.id] = min(within) if within else _full_day(value)
        else:
            days[d.id] = _full_day(value) or min(group, default="2026-06-01")
    return days


def load_through_pipeline(docs: list[Document], predictions: dict[str, list[dict[str, Any]]], db_path: Path):
    """Store every document the way the crawl pipeline does, oldest first; {doc id: article id}.

    An article the extractor saw without a date is stored without one, fetched on the day the
    outlet published it (a daily crawl fetches what is new)."""
    from kzmon import storage
    from kzmon.extract.stemming import stem_text
    from kzmon.storage.articles import ArticleRecord, store_article

    db = storage.open_db(db_path)
    ids: dict[str, int] = {}
    days = _stored_days(docs)
    for doc in sorted(docs, key=lambda d: (days[d.id], d.id)):
        lines = doc.text.strip().splitlines()
        title, body = lines[0].strip(), "\n".join(lines[1:]).strip()
        language = detect_language(doc.text) or doc.lang
        url = doc.gold.get("url") or f"https://corpus.invalid/{doc.id}"
        source = _outlet_id(doc.gold)
        db.execute("INSERT OR IGNORE INTO sources (id, name) VALUES (?, ?)", [source, doc.gold.get("outlet") or source])
        published = doc.gold.get("published")
        article_id = store_article(db, ArticleRecord(
            source_id=source, url=url, canonical_url=url, text=body, title=title,
            published=f"{published}T12:00:00+05:00" if published else None, language=language,
            stem=stem_text(f"{title}\n{body}", language), announcements=predictions[doc.id],
            fetched_at=f"{days[doc.id]}T12:00:00+05:00"))
        if article_id is None:  # the same URL twice in the corpus: a gold error, not a merge
            raise ValueError(f"{doc.id}: its URL is stored already")
        ids[doc.id] = article_id
    return db, ids


def _pair_shape(a: tuple[dict, int], b: tuple[dict, int], status_a: set, status_b: set) -> str:
    """What two articles share, in words that name no text: the failure category of a pair."""
    (fa, day_a), (fb, day_b) = a, b
    shared = fa.keys() & fb.keys()
    kinds = sorted({{"v:": "figure", "nm": "name", "co": "company", "cn": "facility", "rg": "place",
                     "p:": "percent"}.get(k[:2], "other") for k in shared})
    money_a = {k for k in fa if k.startswith("v:") and float(k[2:]) >= 1e6}
    money_b = {k for k in fb if k.startswith("v:") and float(k[2:]) >= 1e6}
    notes = []
    if day_a is not None and day_b is not None and abs(day_a - day_b) > 3:
        notes.append("dated more than 3 days apart")
    if money_a and money_b and not money_a & money_b:
        notes.append("different figures")
    regions_a, regions_b = {k for k in fa if k[:3] == "rg:"}, {k for k in fb if k[:3] == "rg:"}
    if regions_a and regions_b and not regions_a & regions_b:
        notes.append("different places")
    if status_a and status_b and not status_a & status_b:
        notes.append("different status")
    return f"shares {'+'.join(kinds) or 'nothing'}" + (f" ({', '.join(notes)})" if notes else "")


def _record_shape(a: dict | None, b: dict | None) -> str:
    """What two records of different facilities that were linked have in common (no text)."""
    if a is None or b is None:
        return "unknown"
    from kzmon.storage.dedup.fingerprints import company_key, concept_facts
    same = []
    if {company_key(c) for c in a.get("companies") or []} & {company_key(c) for c in b.get("companies") or []} - {None}:
        same.append("company")
    if {f.key for f in concept_facts(a.get("title") or "")} & {f.key for f in concept_facts(b.get("title") or "")}:
        same.append("facility")
    if set(a.get("regions") or []) & set(b.get("regions") or []):
        same.append("place")
    if any(a.get(f) and a.get(f) == b.get(f) for f in ("investment_kzt", "investment_usd", "jobs", "capacity")):
        same.append("figure")
    return "same " + "+".join(same) if same else "nothing shared"


def score_grouping(docs: list[Document], predictions: dict[str, list[dict[str, Any]]]) -> GroupingScore:
    with tempfile.TemporaryDirectory() as tmp:
        db, ids = load_through_pipeline(docs, predictions, Path(tmp) / "quality.db")
        story_of = {doc_id: db.execute("SELECT story_id FROM articles WHERE id = ?", [aid]).fetchone()[0]
                    for doc_id, aid in ids.items()}
        announcement_ids: dict[str, list[int]] = {
            doc_id: [r[0] for r in db.execute("SELECT id FROM announcements WHERE article_id = ? ORDER BY position", [aid])]
            for doc_id, aid in ids.items()}
        project_of = dict(db.execute("SELECT id, project_id FROM announcements").fetchall())
        facts_of = {doc_id: (json.loads(r[0]), r[1]) for doc_id, aid in ids.items()
                    for r in [db.execute("SELECT facts, day FROM dedup_articles WHERE article_id = ?", [aid]).fetchone()]}
        status_of = {doc_id: {r[0] for r in db.execute("SELECT status FROM announcements WHERE article_id = ? "
                                                         "AND status IS NOT NULL", [aid])} for doc_id, aid in ids.items()}
        db.conn.close()
    stories, cross = PairScore(), PairScore()
    story_categories: Counter = Counter()
    by_id = {d.id: d for d in docs}
    for a, b in combinations(sorted(ids), 2):
        ga, gb = by_id[a].gold.get("duplicate_group"), by_id[b].gold.get("duplicate_group")
        same_gold = ga is not None and ga == gb
        same_pred = story_of[a] is not None and story_of[a] == story_of[b]
        stories.add(same_gold, same_pred)
        if same_gold != same_pred:
            story_categories[("missed: " if same_gold else "merged: ") + _pair_shape(facts_of[a], facts_of[b],
                                                                                      status_of[a], status_of[b])] += 1
        if by_id[a].lang != by_id[b].lang:
            cross.add(same_gold, same_pred)
    # Project links, record by record: which stored announcement stands for which gold record.
    linked: list[tuple[str, str, int | None]] = []   # (doc id, gold project_key or "", stored project id)
    record_of: dict[tuple[str, str, int | None], dict] = {}
    keys = set()
    for doc in docs:
        gold, pred = doc.gold["announcements"], predictions[doc.id]
        stored = announcement_ids[doc.id]
        matched = dict(SCORER.match(gold, pred))
        for i, record in enumerate(gold):
            if record.get("kind") == "program":
                continue   # pools are grouped too, but the labels follow facilities only
            key = record.get("project_key") or ""
            keys.add(key)
            j = matched.get(i)
            entry = (doc.id, key, project_of.get(stored[j]) if j is not None and j < len(stored) else None)
            linked.append(entry)
            if j is not None:
                record_of[entry] = pred[j]
    projects = PairScore()
    project_categories: Counter = Counter()
    for (doc_a, key_a, proj_a), (doc_b, key_b, proj_b) in combinations(linked, 2):
        if doc_a == doc_b:
            continue
        same_gold = bool(key_a) and key_a == key_b
        same_pred = proj_a is not None and proj_a == proj_b
        if not key_a and not key_b:
            continue   # two unnamed facilities: the labels do not say whether they are one
        if same_gold or same_pred:
            projects.add(same_gold, same_pred)
            shape = _record_shape(record_of.get((doc_a, key_a, proj_a)), record_of.get((doc_b, key_b, proj_b)))
            if same_pred and not same_gold:
                project_categories["wrongly linked: " + shape] += 1
            elif same_gold and not same_pred:   # a missed pair: extraction (no record) or linking
                absent = (proj_a is None) + (proj_b is None)
                project_categories[f"missed: no record on {'both sides' if absent == 2 else 'one side'}" if absent
                                   else "missed: not linked: " + shape] += 1
    groups = {d.gold.get("duplicate_group") for d in docs} - {None}
    return GroupingScore(stories, cross, projects, len(docs), len(groups), len(keys - {""}), story_categories,
                         project_categories)


def measure(split: str, corpus: Path = CORPUS) -> dict[str, Any]:
    docs = load_split(split, corpus)
    if not docs:
        return {"split": split, "documents": 0}
    predictions = predict(docs)
    per_language = {lang: score_extraction([d for d in docs if d.lang == lang], predictions) for lang in LANGUAGES}
    overall = score_extraction(docs, predictions)
    grouping = score_grouping(docs, predictions)
    return {"split": split, "documents": len(docs), "docs": docs, "predictions": predictions,
            "languages": per_language, "all": overall, "grouping": grouping}


def _row(name: str, s: ExtractionScore) -> str:
    companies = s.field("companies")
    return (f"{name:5} {s.gold:5} {s.pred:5} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.leaks:5} "
            f"{s.field_accuracy:6.3f} {'   -  ' if companies is None else f'{companies:6.3f}'} "
            f"{s.noisy_negatives:3}/{s.negatives:<3}")


def print_table(result: dict[str, Any], details: bool) -> None:
    split = result["split"]
    print(f"== {split}: {result['documents']} articles")
    if not result["documents"]:
        return
    print("extraction   gold  pred   prec    rec     f1 leaks fields  compan negatives-with-output")
    for lang in LANGUAGES:
        print("  " + _row(lang, result["languages"][lang]))
    print("  " + _row("all", result["all"]))
    categories = result["all"].categories.most_common(12)
    print("  failure categories: " + ", ".join(f"{name} {n}" for name, n in categories))
    g: GroupingScore = result["grouping"]
    print(f"grouping     {g.articles} articles, {g.gold_story_groups} story groups, {g.gold_projects} labelled facilities")
    print(f"  story pairs       precision {g.stories.precision:.3f} recall {g.stories.recall:.3f} "
          f"(tp {g.stories.true_pos}, fp {g.stories.false_pos}, fn {g.stories.false_neg})")
    print(f"  cross-language    recall {g.cross_language.recall:.3f} "
          f"(tp {g.cross_language.true_pos}, fn {g.cross_language.false_neg}; fp {g.cross_language.false_pos})")
    if g.story_categories:
        print("  story failures: " + ", ".join(f"{name} {n}" for name, n in g.story_categories.most_common(8)))
    if g.project_categories:
        print("  project failures: " + ", ".join(f"{name} {n}" for name, n in g.project_categories.most_common(8)))
    print(f"  project links     precision {g.projects.precision:.3f} recall {g.projects.recall:.3f} "
          f"(tp {g.projects.true_pos}, fp {g.projects.false_pos}, fn {g.projects.false_neg})")
    if details:
        for doc in result["docs"]:
            gold, pred = doc.gold["announcements"], result["predictions"][doc.id]
            pairs = SCORER.match(gold, pred)
            found = {i for i, _ in pairs}
            print(f"  {doc.id}: {len(pairs)}/{len(gold)} found, {len(pred)} predicted")
            for i, g_rec in enumerate(gold):
                if i not in found:
                    print(f"      missed: {g_rec.get('title')}")
            for j, p_rec in enumerate(pred):
                if j not in {b for _, b in pairs}:
                    print(f"      spurious: {p_rec.get('title')}")


def as_json(result: dict[str, Any]) -> dict[str, Any]:
    if not result["documents"]:
        return {"split": result["split"], "documents": 0}

    def ext(s: ExtractionScore) -> dict[str, Any]:
        return {"precision": round(s.precision, 3), "recall": round(s.recall, 3), "f1": round(s.f1, 3),
                "leaks": s.leaks, "field_accuracy": round(s.field_accuracy, 3), "companies": s.field("companies"),
                "negatives_with_output": s.noisy_negatives, "gold": s.gold, "pred": s.pred}
    g = result["grouping"]
    return {"split": result["split"], "documents": result["documents"],
            "extraction": {lang: ext(s) for lang, s in result["languages"].items()} | {"all": ext(result["all"])},
            "stories": {"precision": g.stories.precision, "recall": g.stories.recall,
                        "cross_language_recall": g.cross_language.recall},
            "projects": {"precision": g.projects.precision, "recall": g.projects.recall}}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=["dev", "blind", "all"], default="all")
    parser.add_argument("--details", action="store_true", help="per-document misses (dev only)")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="a folder with dev/ and blind/ (default: %(default)s)")
    args = parser.parse_args(argv)
    splits = ["dev", "blind"] if args.split == "all" else [args.split]
    if args.details and "blind" in splits:
        parser.error("--details reads the texts' records: it is for --split dev only")
    results = [measure(split, args.corpus) for split in splits]
    if args.json:
        print(json.dumps([as_json(r) for r in results], indent=1))
    else:
        for result in results:
            print_table(result, args.details)
    return 0


if __name__ == "__main__":
    sys.exit(main())
