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


WORD_START = r"(?<!\w)"


@lru_cache(maxsize=512)
def _any_concept_but(found: frozenset[str]) -> tuple[re.Pattern | None, tuple[str, ...]]:
    """One pattern for every concept not in `found` (a named group each), and the names."""
    names = tuple(name for name, _ in concept_patterns() if name not in found)
    if not names:
        return None, names
    kept = [pattern.pattern.replace(WORD_START, "") for name, pattern in concept_patterns() if name not in found]
    groups = "|".join(f"(?P<c{i}>{body})" for i, body in enumerate(kept))
    return re.compile(rf"(?<!\w)(?:{groups})"), names


def concepts_in(text: str | None) -> set[str]:
    """Every concept the text names.

    One scan per concept found (plus one), not one per concept: the leftmost match of any
    concept not yet found is a new concept, and when none is left to find the scan finds
    nothing. Exactly the set that searching each concept's pattern gives (checked on the
    benchmark, reporting and snapshot texts), about ten times faster."""
    lower = (text or "").lower()
    found: set[str] = set()
    while True:
        pattern, names = _any_concept_but(frozenset(found))
        match = pattern.search(lower) if pattern is not None else None
        if match is None:
            return found
        found.add(names[int(match.lastgroup[1:])])


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
