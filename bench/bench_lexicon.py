#!/usr/bin/env python3
"""Speed of the gazetteer (find_regions) and the search stemmer, beside a plain tokeniser.

    python bench/bench_lexicon.py

These two run on every stored article. They were timed asserts in the test suite; timing
belongs here, printed next to a baseline measured in the same run (the cheapest possible
pass over the same text: lower-casing and splitting it into words), so that a loaded machine
moves both figures together.
"""
from __future__ import annotations

import re
import sys
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kzmon.extract.regions import find_regions  # noqa: E402
from kzmon.extract.stemming import stem_text  # noqa: E402

ARTICLE = ("In the Karagandy region a plant worth 10 billion tenge was launched on Monday, "
           "the press service of the regional administration reported. The facility will produce "
           "steel structures for construction and machine-building companies across the country. "
           "В Карагандинской области открыли цех, сообщает пресс-служба акимата, "
           "мощность составит 50 тысяч тонн продукции в год, создано 120 рабочих мест. ") * 8
WORDS = ("Правительство одобрило строительство металлургических заводов в Карагандинской области, "
         "Қарағанды облысында зауыттар салынады, the plants will employ workers ").split()
LONG = " ".join(WORDS[i % len(WORDS)] + ("" if i % 7 else "ами") for i in range(5000))


def best_of(fn: Callable[[], object], rounds: int = 5, repeat: int = 20) -> float:
    """Best mean seconds per call over `rounds` batches: other processes share the machine."""
    fn()
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(repeat):
            fn()
        best = min(best, (time.perf_counter() - start) / repeat)
    return best


def baseline(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def main() -> None:
    text = ARTICLE[:3000]
    rows = [
        ("find_regions, 3,000 chars", best_of(lambda: find_regions(text)), best_of(lambda: baseline(text))),
        ("stem_text ru+kk, 5,000 words", best_of(lambda: (stem_text(LONG, "ru"), stem_text(LONG, "kk")), repeat=2) / 2,
         best_of(lambda: baseline(LONG), repeat=2)),
    ]
    print(f"{'what':32} {'kzmon ms':>9} {'tokenise ms':>12} {'ratio':>6}")
    for name, ours, base in rows:
        print(f"{name:32} {1000 * ours:9.3f} {1000 * base:12.3f} {ours / base:6.1f}")


if __name__ == "__main__":
    main()
