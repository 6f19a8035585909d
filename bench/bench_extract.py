#!/usr/bin/env python3
"""Speed of extract_announcements (issue 11): per 3,000 characters on real reporting, and linearity.

    python3 bench/bench_extract.py [ROUNDS] [--no-1mb]

Prints, in one run and beside the budgets:

- ms per 3,000 characters, mean over the real-reporting corpus (tests/data/reporting, dev and
  blind texts: only timed, never printed), best of ROUNDS cold runs per text (budget 15 ms),
  and one pass in wall time beside it;
- seconds for one-line texts of 10 KB, 100 KB and 1 MB (the dev texts joined with their
  newlines replaced by spaces; beyond 139 KB repeated with digits shifted), and the ratio per
  10x of length: linear work gives about 10, quadratic work about 100 (budget: 100 KB under
  2 s, 1 MB about ten times the 100 KB time).

CPU time, not wall time: the machine is shared, so wall time measures the neighbours too.
The first call pays for loading and compiling the vocabulary; it is reported apart.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kzmon.extract import concepts  # noqa: E402
from kzmon.extract.announcements import extract_announcements  # noqa: E402
from kzmon.extract.announcements import companies, titles, vocabulary  # noqa: E402

# caches keyed by a sentence, clause or title: emptied before each timed run. The compiled
# patterns and the per-word caches (pymorphy3 readings) stay: in the daily job they are warm.
PER_TEXT_CACHES = [f for f in (getattr(vocabulary, "sector_of", None), getattr(vocabulary, "status_of", None),
                               getattr(companies, "_find_companies", None), getattr(titles, "facility_phrase", None),
                               getattr(concepts, "_first_concept", None)) if hasattr(f, "cache_clear")]

REPORTING = ROOT / "tests" / "data" / "reporting"
SPLITS = ("dev", "blind")
BUDGET_MS_PER_3000 = 15.0
BUDGET_100KB_S = 2.0
ONE_LINE_SIZES = (10_000, 100_000, 1_000_000)


def cold(text: str) -> None:
    """One article with the per-text caches emptied, so that repeated rounds measure real work
    (the per-word caches stay warm: in the daily job the same words recur in every article)."""
    for cache in PER_TEXT_CACHES:
        cache.cache_clear()
    extract_announcements(text)


def corpus(split: str) -> list[str]:
    """The split's article texts. Blind texts are only timed here: nothing about them is printed
    but the sums of their lengths and times."""
    return [p.read_text(encoding="utf-8") for p in sorted((REPORTING / split / "texts").glob("*.txt"))]


def one_line(size: int) -> str:
    """A text of `size` characters without a newline: the dev texts joined (139 KB). A page whose
    extraction lost its line breaks looks like this, and it is the worst case for anything that
    scans the whole text once per sentence. Beyond 139 KB the join repeats with its digits
    shifted (0->1, 1->2, ... in the first repeat, and so on), so that repeated sentences, which
    the extractor reads once, do not flatter the figure: 4,348 of the 1 MB text's 7,161
    sentences are distinct."""
    joined = " ".join(t.replace("\n", " ") for t in corpus("dev"))
    parts: list[str] = []
    while sum(map(len, parts)) + len(parts) < size:
        k = len(parts)
        parts.append(joined.translate(str.maketrans("0123456789", "".join(str((d + k) % 10) for d in range(10)))))
    return " ".join(parts)[:size]


def cpu_seconds(text: str) -> float:
    t0 = time.process_time()
    cold(text)
    return time.process_time() - t0


def best_ms(text: str, rounds: int) -> float:
    """Best of `rounds` cold runs: the minimum CPU time is the stable figure on a shared machine."""
    return min(cpu_seconds(text) for _ in range(rounds)) * 1000


def main(rounds: int = 5, with_1mb: bool = True) -> None:
    t0 = time.perf_counter()
    extract_announcements("Astana, 5 March 2024. KazAvtoProm will build a $50 million car plant in Kostanay.")
    print(f"first call (loads and compiles the vocabulary): {(time.perf_counter() - t0) * 1000:.0f} ms")

    print(f"real-reporting corpus, best of {rounds} cold runs per text (budget {BUDGET_MS_PER_3000:.0f} ms per 3,000 characters):")
    all_chars = all_ms = 0.0
    for split in SPLITS:
        texts = corpus(split)
        if not texts:
            continue
        times = [best_ms(t, rounds) for t in texts]
        chars, ms = sum(map(len, texts)), sum(times)
        all_chars, all_ms = all_chars + chars, all_ms + ms
        print(f"  {split:5} {len(texts):4} texts, mean {chars / len(texts):6,.0f} chars: {ms / len(texts):6.2f} ms/text, "
              f"{ms / chars * 3000:6.2f} ms per 3,000 chars")
    verdict = "ok" if all_ms / all_chars * 3000 <= BUDGET_MS_PER_3000 else "OVER BUDGET"
    print(f"  all                                         {all_ms / all_chars * 3000:6.2f} ms per 3,000 chars  [{verdict}]")
    everything = [t for split in SPLITS for t in corpus(split)]
    t0 = time.perf_counter()
    for text in everything:
        cold(text)
    wall = (time.perf_counter() - t0) * 1000
    print(f"  one pass in wall time (what a loaded machine gives) {wall / sum(map(len, everything)) * 3000:6.2f} ms per 3,000 chars")

    print("one-line texts (no newline), one cold run each (budget: 100 KB < 2 s, ratio per 10x about 10):")
    previous: tuple[int, float] | None = None
    for size in ONE_LINE_SIZES:
        if size >= 1_000_000 and not with_1mb:
            continue
        seconds = cpu_seconds(one_line(size))
        line = f"  {size // 1000:5,} KB: {seconds:7.3f} s"
        if previous is not None:
            ratio = seconds / previous[1] if previous[1] else float("inf")
            per_10x = ratio ** (1 / (len(str(size)) - len(str(previous[0]))))
            line += f"   x{per_10x:5.1f} per 10x of length"
        if size == 100_000:
            line += f"   [{'ok' if seconds < BUDGET_100KB_S else 'OVER BUDGET'}]"
        print(line)
        previous = (size, seconds)


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    main(int(args[0]) if args else 5, "--no-1mb" not in sys.argv)
