"""The extractor's world knowledge, loaded once from extract/data/*.yaml and compiled.

Keeping every word list in data files lets a reader add a spelling or a cue without
touching the pipeline; compiling here keeps the per-article cost to regex scans.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Pattern

import yaml

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
FLAGS = re.IGNORECASE | re.UNICODE
# A word start: not preceded by a letter or digit (\b fails before "$" and "₸").
WORD_START = r"(?<![\w])"


def _load(name: str) -> dict:
    with open(DATA_DIR / name, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def _alternation(fragments: list[str]) -> str:
    """Longest first, so that "gas processing" is tried before "gas"."""
    return "|".join(sorted((f for f in fragments), key=len, reverse=True))


def any_of(fragments: list[str], word_start: bool = True) -> Pattern[str]:
    prefix = WORD_START if word_start else ""
    return re.compile(prefix + "(?:" + _alternation(fragments) + ")", FLAGS)


@dataclass(frozen=True)
class Vocabulary:
    cues: dict
    sector_patterns: dict[str, Pattern[str]]
    status_patterns: dict[str, Pattern[str]]
    number_words: dict[str, int]
    number_word_re: Pattern[str]
    scale_re: Pattern[str]
    scales: dict[str, float]
    kzt_re: Pattern[str]
    usd_re: Pattern[str]
    count_noun_re: Pattern[str]
    count_after_re: Pattern[str]
    facility_re: Pattern[str]
    backref_re: Pattern[str]
    enumeration_re: Pattern[str]
    subcount_re: Pattern[str]
    total_re: Pattern[str]
    national_re: Pattern[str]
    ranking_re: Pattern[str]
    macro_re: Pattern[str]
    social_re: Pattern[str]
    jobs_after_re: Pattern[str]
    jobs_before_re: Pattern[str]
    jobs_construction_re: Pattern[str]
    people_re: Pattern[str]
    area_units: list[tuple[Pattern[str], float]]
    capacity_unit_re: Pattern[str]
    per_year_re: Pattern[str]
    capacity_lead_re: Pattern[str]
    approximator_re: Pattern[str]

    def scale_of(self, word: str) -> float:
        word = word.lower().rstrip(".")
        best = ""
        for stem in self.scales:
            if word.startswith(stem) and len(stem) > len(best):
                best = stem
        return self.scales[best] if best else 1.0


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    cues = _load("cues.yaml")
    sectors = _load("sectors.yaml")
    status = _load("status.yaml")
    number_words = {k.lower(): int(v) for k, v in cues["number_words"].items()}
    scales = {k.lower(): float(v) for k, v in cues["scales"].items()}
    status_patterns = {
        name: any_of([frag for lang in ("en", "ru", "kk") for frag in by_lang.get(lang, [])])
        for name, by_lang in status.items()
    }
    return Vocabulary(
        cues=cues,
        sector_patterns={slug: any_of(stems) for slug, stems in sectors.items() if stems},
        status_patterns=status_patterns,
        number_words=number_words,
        number_word_re=re.compile(WORD_START + "(" + _alternation([re.escape(w) for w in number_words]) + r")(?!\w)", FLAGS),
        scale_re=re.compile("(" + _alternation([re.escape(s) for s in scales]) + r")\w*\.?", FLAGS),
        scales=scales,
        kzt_re=any_of(cues["currency_kzt"]),
        usd_re=any_of(cues["currency_usd"]),
        count_noun_re=any_of(cues["count_nouns"]),
        # up to three words between the number and the noun: "21 metallurgy projects", "37 small industrial zones"
        count_after_re=re.compile(r"\s+(?:[^\W\d][\w-]*\s+){0,3}?(?:" + _alternation(cues["count_nouns"]) + ")", FLAGS),
        facility_re=any_of(cues["facility_nouns"]),
        backref_re=re.compile("|".join(cues["backref_patterns"]), FLAGS),
        enumeration_re=re.compile("|".join(cues["enumeration_patterns"]), FLAGS),
        subcount_re=re.compile("|".join(cues["subcount_patterns"]), FLAGS),
        total_re=re.compile("|".join(cues["total_patterns"]), FLAGS),
        national_re=re.compile("|".join(cues["national_patterns"]), FLAGS),
        ranking_re=re.compile("|".join(cues["ranking_patterns"]), FLAGS),
        macro_re=re.compile("|".join(cues["macro_patterns"]), FLAGS),
        social_re=re.compile("|".join(cues["social_patterns"]), FLAGS),
        jobs_after_re=re.compile(r"\s*(?:(?:астам|жуық|артық|шамасында)\s+)?(?:" + "|".join(cues["jobs_after_number"]) + ")", FLAGS),
        jobs_before_re=re.compile("(?:" + "|".join(cues["jobs_before_number"]) + ")", FLAGS),
        jobs_construction_re=any_of(cues["jobs_construction"]),
        people_re=re.compile(r"\s*(?:" + _alternation(cues["jobs_people_nouns"]) + ")", FLAGS),
        area_units=[(re.compile(r"\s*(?:" + unit + ")", FLAGS), float(factor)) for unit, factor in cues["area_units"].items()],
        capacity_unit_re=re.compile(r"\s*(?:" + _alternation(cues["capacity_units"]) + r")(?!\w)", FLAGS),
        per_year_re=any_of(cues["capacity_per_year"]),
        capacity_lead_re=any_of(cues["capacity_lead"]),
        approximator_re=re.compile(
            "(?:" + _alternation([re.escape(a) for a in cues["approximators"]]) + r")\s*$", FLAGS),
    )


@lru_cache(maxsize=None)
def cue_regex(name: str) -> Pattern[str]:
    """Any list of regex fragments in cues.yaml, compiled as one alternation."""
    return re.compile("|".join("(?:" + f + ")" for f in vocabulary().cues[name]), FLAGS)


def status_of(text: str) -> str | None:
    """The first status class (in status.yaml order) whose cue occurs in `text`."""
    for name, rx in vocabulary().status_patterns.items():
        if rx.search(text):
            return name
    return None


def sector_of(text: str) -> tuple[str | None, int]:
    """The sector whose cue starts earliest in `text` (longest cue on ties), and where."""
    best: tuple[int, int, str] | None = None
    for slug, rx in vocabulary().sector_patterns.items():
        m = rx.search(text)
        if m and (best is None or (m.start(), -len(m.group(0))) < (best[0], best[1])):
            best = (m.start(), -len(m.group(0)), slug)
    return (best[2], best[0]) if best else (None, -1)
