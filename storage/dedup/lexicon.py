"""The deduplicator's world knowledge (data/lexicon.yaml), loaded once."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from kzmon.extract.data_files import load_yaml

LEXICON_PATH = Path(__file__).with_name("data") / "lexicon.yaml"


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    with LEXICON_PATH.open(encoding="utf-8") as f:
        return load_yaml(f)


@lru_cache(maxsize=1)
def scale_prefixes() -> list[tuple[str, int]]:
    """(prefix, multiplier), longest prefix first so 'миллиард' is not read as 'миллион'."""
    pairs = [(word.lower(), int(mult)) for mult, words in lexicon()["scales"].items() for word in words]
    return sorted(pairs, key=lambda p: -len(p[0]))


def kzt_per_usd(year: int | None) -> float:
    rates = {int(k): float(v) for k, v in lexicon()["kzt_per_usd"].items()}
    if year is None:
        year = max(rates)
    year = min(max(year, min(rates)), max(rates))
    return rates[year]
