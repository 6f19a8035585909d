"""Text layer on 181 real article pages: body-text token F1 against ground truth, and speed.

    python bench/bench_text.py

Prints mean precision / recall / F1 of extract_page's text against the benchmark's
hand-made article bodies, and milliseconds per page (trafilatura included).
"""
from __future__ import annotations

import gzip
import json
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kzmon.extract.text import extract_page  # noqa: E402

DATA = ROOT / "tests" / "data" / "benchmark"


def tokens(text: str) -> Counter[str]:
    return Counter(re.findall(r"\w+", text.lower()))


def token_scores(predicted: str, truth: str) -> tuple[float, float, float]:
    p, t = tokens(predicted), tokens(truth)
    overlap = sum((p & t).values())
    precision = overlap / max(sum(p.values()), 1)
    recall = overlap / max(sum(t.values()), 1)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def evaluate(limit: int | None = None) -> dict[str, float]:
    truth = json.loads((DATA / "ground-truth.json").read_text(encoding="utf-8"))
    scores, elapsed = [], 0.0
    for key in sorted(truth)[:limit]:
        html = gzip.decompress((DATA / "html" / f"{key}.html.gz").read_bytes()).decode("utf-8", "replace")
        start = time.perf_counter()
        page = extract_page(html, truth[key].get("url"))
        elapsed += time.perf_counter() - start
        scores.append(token_scores(page.text if page else "", truth[key]["articleBody"]))
    return {
        "pages": len(scores),
        "precision": statistics.mean(s[0] for s in scores),
        "recall": statistics.mean(s[1] for s in scores),
        "f1": statistics.mean(s[2] for s in scores),
        "ms_per_page": 1000 * elapsed / max(len(scores), 1),
    }


if __name__ == "__main__":
    result = evaluate()
    print(f"{result['pages']} pages: precision {result['precision']:.3f} recall {result['recall']:.3f} "
          f"F1 {result['f1']:.3f}, {result['ms_per_page']:.1f} ms/page")
