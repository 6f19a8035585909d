"""The real-reporting corpus itself: every gold file follows the record contract, the splits
keep their proportions, and story groups and project chains are what the quality gates need.

Problems in the blind split are reported as categories only (no ids, no text), so that the
people who write extraction and grouping rules never read its content through a failure.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

CORPUS = Path(__file__).parent / "data" / "reporting"
ROOT = Path(__file__).resolve().parent.parent
REGIONS = set(yaml.safe_load((ROOT / "extract" / "data" / "regions.yaml").read_text(encoding="utf-8"))["regions"])
SECTORS = {"agro_food", "light_industry", "wood_paper", "oil_gas", "chemicals", "pharma", "rubber_plastics",
           "building_materials", "metallurgy", "metal_products", "electrical_electronics", "machinery", "automotive",
           "transport_equipment", "mining", "energy", "infrastructure", "other"}
STATUSES = {"planned", "under_construction", "commissioned", None}
NUMERIC = ("project_count", "investment_kzt", "investment_usd", "jobs", "area_m2")
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
PERIOD = re.compile(r"^\d{4}(-Q[1-4]|-\d{2}(-\d{2})?)?$")


def load(split: str) -> list[tuple[dict, str]]:
    docs = []
    for path in sorted((CORPUS / split / "gold").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        text_path = CORPUS / split / gold["text_file"]
        docs.append((gold, text_path.read_text(encoding="utf-8") if text_path.exists() else ""))
    return docs


def _values(value):
    return value if isinstance(value, list) else [value]


def problems_of(gold: dict, text: str) -> list[str]:
    """Categories of what is wrong with one gold document (empty when it is sound)."""
    out = []
    if not text.strip() or not text.splitlines()[0].strip():
        out.append("text missing or without a headline")
    if gold.get("lang") not in ("en", "ru", "kk"):
        out.append("lang not en/ru/kk")
    for key in ("published", "event_date"):
        if gold.get(key) is not None and not DATE.match(str(gold[key])):
            out.append(f"{key} not a date")
    if gold.get("published") is not None and not re.match(r"^\d{4}-\d{2}-\d{2}$", gold["published"]):
        out.append("published not YYYY-MM-DD")
    if not gold.get("url", "").startswith("http"):
        out.append("no original URL")
    if gold.get("negative") and gold["announcements"]:
        out.append("negative with records")
    for record in gold["announcements"]:
        if record.get("kind") not in ("project", "program"):
            out.append("kind not project/program")
        if not record.get("keywords") or not all(isinstance(k, str) and k for k in record["keywords"]):
            out.append("record without keywords")
        elif not all(re.fullmatch(r"\w+", k) for k in record["keywords"]):
            # the scorer matches each keyword against single title words: "dry port" never matches
            out.append("keyword of several words (the scorer can never match it)")
        if not all(v in SECTORS or v is None for v in _values(record.get("sector"))):
            out.append("unknown sector")
        if not all(v in STATUSES for v in _values(record.get("status"))):
            out.append("unknown status")
        if not set(record.get("regions") or []) <= REGIONS:
            out.append("unknown region code")
        if not all(v is None or PERIOD.match(str(v)) for v in _values(record.get("period"))):
            out.append("period not YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD")
        for name in NUMERIC:
            value = record.get(name)
            if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float))):
                out.append(f"{name} not a single number")
        if record.get("kind") == "program" and record.get("project_key"):
            out.append("a pool with a project_key")
        if not isinstance(record.get("companies", []), list):
            out.append("companies not a list")
    keys = {r["project_key"] for r in gold["announcements"] if r.get("project_key")}
    if set(gold.get("same_project") or []) != keys:
        out.append("same_project differs from the records' project keys")
    for bad in gold.get("not_announcements", []):
        if bad.get("field") in NUMERIC and (isinstance(bad.get("value"), bool) or not isinstance(bad.get("value"), (int, float))):
            out.append("not_announcements value not a number")
    return out


@pytest.mark.parametrize("split", ["dev", "blind"])
def test_gold_follows_the_record_contract(split):
    categories: Counter[str] = Counter()
    named = []
    for gold, text in load(split):
        for problem in problems_of(gold, text):
            categories[problem] += 1
            named.append(f"{gold['id']}: {problem}")
    shown = named if split == "dev" else [f"{n} x {c}" for c, n in categories.items()]
    assert not categories, f"{split}: " + "; ".join(shown)


def test_ids_and_urls_are_unique_across_splits():
    ids, urls = Counter(), Counter()
    for split in ("dev", "blind"):
        for gold, _ in load(split):
            ids[gold["id"]] += 1
            urls[gold["url"]] += 1
    assert max(ids.values()) == 1
    assert max(urls.values()) == 1, "one original rewritten twice"


def test_story_groups_stay_inside_one_split():
    splits = {}
    for split in ("dev", "blind"):
        for gold, _ in load(split):
            if gold.get("duplicate_group"):
                splits.setdefault(gold["duplicate_group"], set()).add(split)
    assert splits and all(len(s) == 1 for s in splits.values())


def test_the_corpus_has_the_shape_the_issue_asks_for():
    docs = [d for split in ("dev", "blind") for d in load(split)]
    golds = [g for g, _ in docs]
    assert len(golds) >= 160
    langs = Counter(g["lang"] for g in golds)
    # English was 44% of round 1; later rounds gave Kazakh, the weakest language, more articles (26%
    # after round 20), so English fell to 37.5%: still the largest of the three.
    assert 0.35 <= langs["en"] / len(golds) <= 0.52 and 0.3 <= langs["ru"] / len(golds) <= 0.48
    assert langs["en"] >= max(langs["ru"], langs["kk"])
    assert langs["kk"] / len(golds) >= 0.1
    assert 0.15 <= sum(bool(g.get("negative")) for g in golds) / len(golds) <= 0.25
    assert len({g["outlet"].split("(")[0].strip().lower() for g in golds}) >= 30
    years = {int(g["event_date"][:4]) for g in golds if g.get("event_date")}
    assert min(years) <= 2012 and max(years) >= 2025
    assert 0.3 <= sum(g.get("published") is None for g in golds) / len(golds) <= 0.5
    assert sum(bool(g.get("partial")) for g in golds) / len(golds) >= 0.4
    groups: dict[str, list[dict]] = {}
    for g in golds:
        if g.get("duplicate_group"):
            groups.setdefault(g["duplicate_group"], []).append(g)
    real_groups = {k: v for k, v in groups.items() if len(v) >= 2}
    assert len(real_groups) >= 30
    assert sum(len({g["lang"] for g in v}) > 1 for v in real_groups.values()) >= 12
    chains: dict[str, set[str]] = {}
    for g in golds:
        for key in g.get("same_project") or []:
            chains.setdefault(key, set()).add(g.get("event_date") or g["id"])
    assert sum(len(dates) >= 3 for dates in chains.values()) >= 12
    # Rounds 2-5 were written for dev only, rounds 6 and 7 for both (tests/data/reporting/README.md):
    # the blind split stays a quarter or more of the corpus.
    blind = sum(1 for _ in (CORPUS / "blind" / "gold").glob("*.json"))
    assert blind >= 70 and 0.25 <= blind / len(golds) <= 0.45
