"""Measuring the deduplicator on a labelled set: load it into a database the way the pipeline
would (article, its announcements, then assign_story and link_projects, in publication
order) and count pairwise agreement with the labels. Used by bench/bench_dedup.py and the tests."""
from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from .projects import link_projects
from .stories import assign_story

RECORD_FIELDS = ("kind", "title", "status", "sector", "regions", "companies", "project_count", "investment_kzt",
                 "investment_usd", "jobs", "area_m2", "capacity", "period", "evidence")


@dataclass
class PairScore:
    true_pos: int = 0
    false_pos: int = 0
    false_neg: int = 0

    @property
    def precision(self) -> float:
        return self.true_pos / (self.true_pos + self.false_pos) if self.true_pos + self.false_pos else 1.0

    @property
    def recall(self) -> float:
        return self.true_pos / (self.true_pos + self.false_neg) if self.true_pos + self.false_neg else 1.0

    def add(self, same_gold: bool, same_pred: bool) -> None:
        """Count one pair: labelled together or not, grouped together or not."""
        self.true_pos += same_gold and same_pred
        self.false_pos += same_pred and not same_gold
        self.false_neg += same_gold and not same_pred


def load_labelled(path: str | Path) -> list[dict]:
    return json.loads(Path(path).read_text(encoding="utf-8"))["articles"]


def store_article(db, doc: dict, number: int) -> int:
    """Insert one labelled document as the pipeline would store it; returns the article id.
    `fetched` (optional): the day it was fetched, for an undated document."""
    db.execute("INSERT OR IGNORE INTO sources (id, name) VALUES (?, ?)", [doc["source"], doc["source"]])
    url = doc.get("url") or f"https://example.test/{doc['source']}/{doc['id']}/{number}"
    published = doc.get("published")
    article_id = db.execute(
        "INSERT INTO articles (url, canonical_url, source_id, title, published, language, text, fetched_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [url, url, doc["source"], doc.get("title"), published, doc.get("language"), doc["text"],
         published or doc.get("fetched") or "2026-01-01T00:00:00+05:00"]).lastrowid
    for position, rec in enumerate(doc.get("records") or []):
        values = [rec.get(f) for f in RECORD_FIELDS]
        values = [json.dumps(v, ensure_ascii=False) if f in ("regions", "companies") else v
                  for f, v in zip(RECORD_FIELDS, values)]
        db.execute(f"INSERT INTO announcements (article_id, position, {', '.join(RECORD_FIELDS)}) "
                   f"VALUES (?, ?, {', '.join('?' for _ in RECORD_FIELDS)})", [article_id, position] + values)
    return article_id


def run_labelled(db, docs: Iterable[dict]) -> dict[str, int]:
    """Store and deduplicate documents in publication order; returns {doc id: article id}."""
    docs = sorted(docs, key=lambda d: (d.get("published") or "", d["id"]))
    ids = {}
    for number, doc in enumerate(docs):
        with db.atomic():
            article_id = store_article(db, doc, number)
            assign_story(db, article_id)
            link_projects(db, article_id)
        ids[doc["id"]] = article_id
    return ids


def pairwise(gold: dict[str, str], predicted: dict[str, object]) -> PairScore:
    """Pairwise agreement of two clusterings of the same items."""
    tp = fp = fn = 0
    for a, b in combinations(sorted(gold), 2):
        same_gold, same_pred = gold[a] == gold[b], predicted[a] == predicted[b]
        tp += same_gold and same_pred
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    return PairScore(tp, fp, fn)


def score_labelled(db, docs: list[dict], ids: dict[str, int]) -> tuple[PairScore, PairScore, list[str]]:
    """(story pairs, project pairs, readable list of wrong pairs)."""
    story_gold = {d["id"]: d["story"] for d in docs}
    story_pred = {d["id"]: db.execute("SELECT story_id FROM articles WHERE id = ?", [ids[d["id"]]]).fetchone()[0]
                  for d in docs}
    project_gold, project_pred = {}, {}
    for d in docs:
        rows = db.execute("SELECT position, project_id FROM announcements WHERE article_id = ? ORDER BY position",
                          [ids[d["id"]]]).fetchall()
        for (position, project_id), rec in zip(rows, d.get("records") or []):
            key = f"{d['id']}#{position}"
            project_gold[key], project_pred[key] = rec["project"], project_id
    errors = []
    for name, gold, pred in (("story", story_gold, story_pred), ("project", project_gold, project_pred)):
        for a, b in combinations(sorted(gold), 2):
            if (gold[a] == gold[b]) != (pred[a] == pred[b]):
                errors.append(f"{name} {'missed' if gold[a] == gold[b] else 'false'}: {a} ~ {b}")
    return pairwise(story_gold, story_pred), pairwise(project_gold, project_pred), errors


def article_project_pairs(db, docs: list[dict], ids: dict[str, int]) -> PairScore:
    """Project linking judged per pair of articles (do they share a project?), which needs no
    mapping between gold records and extracted ones: used when the real extractor made the records."""
    gold = {d["id"]: {r["project"] for r in d.get("gold_records", d.get("records")) or []} for d in docs}
    pred = {d["id"]: {r[0] for r in db.execute("SELECT project_id FROM announcements WHERE article_id = ? AND "
                                                  "project_id IS NOT NULL", [ids[d["id"]]])} for d in docs}
    tp = fp = fn = 0
    for a, b in combinations(sorted(gold), 2):
        same_gold, same_pred = bool(gold[a] & gold[b]), bool(pred[a] & pred[b])
        tp += same_gold and same_pred
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    return PairScore(tp, fp, fn)
