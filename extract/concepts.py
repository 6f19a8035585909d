"""What a facility is or makes, as language-free concepts (data/concepts.yaml).

"Sugar plant", "сахарный завод" and "қант зауыты" are one concept. The extractor uses them to
tell one facility from another within an article, story matching to recognise one event across
languages, project linking to keep one company's smelter apart from its wind farm, and the
digest to label a title in its reader's language. One data file for all four, so a new spelling
is one edit.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

DATA = Path(__file__).with_name("data") / "concepts.yaml"


@lru_cache(maxsize=1)
def concept_patterns() -> tuple[tuple[str, re.Pattern], ...]:
    """(concept, pattern over lower-cased text), the specific concepts first."""
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    return tuple((name, re.compile("|".join(rf"(?<!\w){stem}" for stem in stems))) for name, stems in data.items())


def concepts_in(text: str | None) -> set[str]:
    """Every concept the text names."""
    lower = (text or "").lower()
    return {name for name, pattern in concept_patterns() if pattern.search(lower)}


def first_concept(text: str | None, among: set[str] | None = None) -> str | None:
    """The concept named earliest (at one place, the one listed first: the more specific)."""
    lower = (text or "").lower()
    best: tuple[int, int, str] | None = None
    for rank, (name, pattern) in enumerate(concept_patterns()):
        if among is not None and name not in among:
            continue
        match = pattern.search(lower)
        if match and (best is None or (match.start(), rank) < best[:2]):
            best = (match.start(), rank, name)
    return best[2] if best else None
