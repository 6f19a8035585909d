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

from kzmon.extract.data_files import load_yaml

DATA = Path(__file__).with_name("data") / "concepts.yaml"


@lru_cache(maxsize=1)
def concept_patterns() -> tuple[tuple[str, re.Pattern], ...]:
    """(concept, pattern over lower-cased text), the specific concepts first."""
    data = load_yaml(DATA.read_text(encoding="utf-8"))
    return tuple((name, re.compile("|".join(rf"(?<!\w){stem}" for stem in stems))) for name, stems in data.items())


WORD_START = r"(?<!\w)"


@lru_cache(maxsize=1)
def _all_concepts() -> tuple[re.Pattern, tuple[str, ...], tuple[int, ...]]:
    """One pattern for all concepts, compiled once: it matches (empty) at every place where some
    concept starts, and there a lookahead group per concept (c0, c1, ... in the data's order)
    says which of them start there. The names, and each one's group number."""
    names = tuple(name for name, _ in concept_patterns())
    bodies = [pattern.pattern.replace(WORD_START, "") for _, pattern in concept_patterns()]
    groups = "".join(f"(?:(?=(?P<c{i}>{body}))|)" for i, body in enumerate(bodies))
    pattern = re.compile(rf"(?<!\w)(?=(?:{'|'.join(bodies)})){groups}")
    return pattern, names, tuple(pattern.groupindex[f"c{i}"] for i in range(len(names)))


def _places(lower: str):
    """At each place where a concept starts, in text order: the indices of the concepts starting there."""
    pattern, _, numbers = _all_concepts()
    for match in pattern.finditer(lower):
        spans = match.regs
        yield [i for i, number in enumerate(numbers) if spans[number][0] != -1]


def concepts_in(text: str | None) -> set[str]:
    """Every concept the text names.

    One scan of one pattern compiled once (_all_concepts): every place where any concept starts,
    and there every concept that does. Exactly the set that searching each concept's pattern
    gives (checked on the benchmark, reporting and snapshot texts)."""
    names = _all_concepts()[1]
    found: set[str] = set()
    for at in _places((text or "").lower()):
        found.update(names[i] for i in at)
        if len(found) == len(names):
            break
    return found


def first_concept(text: str | None, among: set[str] | None = None) -> str | None:
    """The concept named earliest (at one place, the one listed first: the more specific)."""
    return _first_concept(text or "", None if among is None else frozenset(among))


@lru_cache(maxsize=4096)
def _first_concept(text: str, among: frozenset[str] | None) -> str | None:
    """The first place where a concept (of `among`) starts, and there the one listed first: the
    earliest concept and, on ties, the most specific, as searching each concept would give.
    Remembered: the records of a long article compare their titles pairwise, the same titles
    again and again."""
    if among is not None and not among:
        return None
    names = _all_concepts()[1]
    for at in _places(text.lower()):
        for i in at:
            if among is None or names[i] in among:
                return names[i]
    return None
