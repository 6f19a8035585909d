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


def _split_top(group: str) -> list[str]:
    """Top-level alternatives of a regex body."""
    parts, depth, cur, i = [], 0, "", 0
    while i < len(group):
        c = group[i]
        if c == "\\":
            cur += group[i:i + 2]
            i += 2
            continue
        if c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
        if c == "|" and depth == 0:
            parts.append(cur)
            cur = ""
        else:
            cur += c
        i += 1
    parts.append(cur)
    return parts


def _starts(fragment: str) -> set[str] | None:
    """The characters a regex fragment can start with, or None when that is not simple to tell."""
    f = fragment
    while True:
        if f.startswith("\\b") or f.startswith("^"):
            f = f[2:] if f.startswith("\\b") else f[1:]
        elif f.startswith("(?<![\\w])") or f.startswith("(?<!\\w)"):
            f = f[f.index(")") + 1:]
        else:
            break
    if not f:
        return None
    if f.startswith("(?:") or (f.startswith("(") and not f.startswith("(?")):
        depth, i = 0, 0
        for i, c in enumerate(f):
            if c == "\\":
                continue
            if c == "(":
                depth += 1
            elif c == ")":
                depth -= 1
                if depth == 0:
                    break
        if i + 1 < len(f) and f[i + 1] in "?*{":
            return None
        body = f[3:i] if f.startswith("(?:") else f[1:i]
        out: set[str] = set()
        for alt in _split_top(body):
            sub = _starts(alt)
            if sub is None:
                return None
            out |= sub
        return out
    if f.startswith("\\") and len(f) > 1 and not f[1].isalnum():
        c = f[1]
    elif f[0].isalnum() or f[0] in "$₸«\"'/":
        c = f[0]
    else:
        return None
    if len(f) > 1 and f[1] in "?*{":
        return None
    return {c.lower(), c.upper()}


def _first_chars(fragments: list[str]) -> str | None:
    """A character class of what the fragments can start with, or None when unsure.
    Put in a lookahead before a long alternation it lets the engine skip most positions."""
    chars: set[str] = set()
    for f in fragments:
        sub = _starts(f)
        if sub is None:
            return None
        chars |= sub
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"


def fast(fragments: list[str], prefix: str = "") -> Pattern[str]:
    """An alternation of regex fragments behind a first-character lookahead."""
    first = _first_chars(fragments)
    body = "(?:" + "|".join("(?:" + f + ")" for f in fragments) + ")"
    return re.compile((f"(?={first})" if first else "") + prefix + body, FLAGS)


class CueSet:
    """Regex cues where some are anchored at the sentence start ("^this", "^бұл"): those are
    tried once at position 0 instead of being scanned for across the whole sentence."""

    def __init__(self, fragments: list[str]):
        anchored = [f[1:] for f in fragments if f.startswith("^")]
        floating = [f for f in fragments if not f.startswith("^")]
        self.start_re = re.compile("|".join(f"(?:{f})" for f in anchored), FLAGS) if anchored else None
        self.any_re = fast(floating) if floating else None

    def match(self, text: str):
        return self.start_re.match(text) if self.start_re else None

    def search(self, text: str):
        return self.match(text) or (self.any_re.search(text) if self.any_re else None)


def any_of(fragments: list[str], word_start: bool = True) -> Pattern[str]:
    prefix = WORD_START if word_start else ""
    first = _first_chars(fragments)
    if first:
        prefix = f"(?={first})" + prefix
    return re.compile(prefix + "(?:" + _alternation(fragments) + ")", FLAGS)


def _lookahead(words) -> str:
    first = _first_chars([re.escape(w) for w in words])
    return f"(?={first})" if first else ""


@dataclass(frozen=True)
class Vocabulary:
    cues: dict
    sector_patterns: dict[str, Pattern[str]]
    status_patterns: dict[str, Pattern[str]]
    status_any_re: Pattern[str]      # every status cue in one scan: where the first one starts
    number_words: dict[str, int]
    number_word_re: Pattern[str]
    scale_re: Pattern[str]
    scales: dict[str, float]
    kzt_re: Pattern[str]
    usd_re: Pattern[str]
    count_noun_re: Pattern[str]
    count_after_re: Pattern[str]
    facility_re: Pattern[str]
    backref_re: CueSet
    enumeration_re: Pattern[str]
    subcount_re: Pattern[str]
    total_re: CueSet
    national_re: Pattern[str]
    ranking_re: Pattern[str]
    macro_re: Pattern[str]
    social_re: Pattern[str]
    jobs_after_re: Pattern[str]
    jobs_before_re: Pattern[str]
    jobs_construction_re: Pattern[str]
    people_re: Pattern[str]
    area_re: Pattern[str]
    area_factors: dict[str, float]
    capacity_unit_re: Pattern[str]
    per_year_re: Pattern[str]
    capacity_lead_re: Pattern[str]
    approximator_re: Pattern[str]
    title_stop_words: frozenset[str]

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
        status_any_re=any_of([frag for by_lang in status.values() for lang in ("en", "ru", "kk") for frag in by_lang.get(lang, [])]),
        number_words=number_words,
        number_word_re=re.compile(_lookahead(number_words) + WORD_START + "(" + _alternation([re.escape(w) for w in number_words]) + r")(?!\w)", FLAGS),
        scale_re=re.compile(_lookahead(scales) + "(" + _alternation([re.escape(s) for s in scales]) + r")\w*\.?", FLAGS),
        scales=scales,
        kzt_re=any_of(cues["currency_kzt"]),
        usd_re=any_of(cues["currency_usd"]),
        count_noun_re=any_of(cues["count_nouns"]),
        # up to three words between the number and the noun: "21 metallurgy projects", "37 small industrial zones"
        count_after_re=re.compile(r"\s+(?:[^\W\d][\w-]*\s+){0,3}?(?:" + _alternation(cues["count_nouns"]) + ")", FLAGS),
        facility_re=any_of(cues["facility_nouns"]),
        backref_re=CueSet(cues["backref_patterns"]),
        enumeration_re=fast(cues["enumeration_patterns"]),
        subcount_re=fast(cues["subcount_patterns"]),
        total_re=CueSet(cues["total_patterns"]),
        national_re=fast(cues["national_patterns"]),
        ranking_re=fast(cues["ranking_patterns"]),
        macro_re=fast(cues["macro_patterns"]),
        social_re=fast(cues["social_patterns"]),
        jobs_after_re=re.compile(r"\s*(?:(?:астам|жуық|артық|шамасында)\s+)?(?:" + "|".join(cues["jobs_after_number"]) + ")", FLAGS),
        jobs_before_re=re.compile("(?:" + "|".join(cues["jobs_before_number"]) + ")", FLAGS),
        jobs_construction_re=any_of(cues["jobs_construction"]),
        people_re=re.compile(r"\s*(?:" + _alternation(cues["jobs_people_nouns"]) + ")", FLAGS),
        # one alternation, the group's name gives the factor to square metres
        area_re=re.compile(r"\s*(?:" + "|".join(f"(?P<u{i}>{unit})" for i, unit in enumerate(cues["area_units"])) + ")", FLAGS),
        area_factors={f"u{i}": float(f) for i, f in enumerate(cues["area_units"].values())},
        capacity_unit_re=re.compile(r"\s*(?:[^\W\d][\w-]*\s+){0,3}?(?:" + _alternation(cues["capacity_units"]) + r")(?!\w)", FLAGS),
        per_year_re=any_of(cues["capacity_per_year"]),
        capacity_lead_re=any_of(cues["capacity_lead"]),
        approximator_re=re.compile(
            "(?:" + _alternation([re.escape(a) for a in cues["approximators"]]) + r")\s*$", FLAGS),
        title_stop_words=frozenset(w.lower() for w in cues["title_stop_left"] + cues["title_stop_right"]),
    )


@lru_cache(maxsize=None)
def cue_regex(name: str) -> Pattern[str]:
    """Any list of regex fragments in cues.yaml, compiled as one alternation."""
    return fast(vocabulary().cues[name])


@lru_cache(maxsize=4096)
def status_of(text: str) -> str | None:
    """The first status class (in status.yaml order) whose cue occurs in `text`."""
    for name, rx in vocabulary().status_patterns.items():
        if rx.search(text):
            return name
    return None


def _is_literal(fragment: str) -> bool:
    return all(c.isalnum() or c in " -/'" for c in fragment)


def trie_regex(words: list[str]) -> str:
    """A regex equivalent to the alternation of literal `words`, factored as a trie so the
    engine tests each first letter once (the longest word wins, as in an ordered alternation)."""
    root: dict = {}
    for w in words:
        node = root
        for c in w.lower():
            node = node.setdefault(c, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [re.escape(c) + emit(child) for c, child in sorted(node.items()) if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root)


@lru_cache(maxsize=1)
def _all_sectors() -> tuple[Pattern[str], dict[str, str]]:
    """One scan for every sector cue: literal stems as a trie, other fragments after it."""
    literal: dict[str, str] = {}
    other: list[str] = []
    for slug, fragments in _load("sectors.yaml").items():
        for f in fragments or []:
            if _is_literal(f):
                literal.setdefault(f.lower(), slug)
            else:
                other.append(f)
    first = _first_chars(list(literal) + other)
    body = trie_regex(list(literal)) + ("|" + "|".join(f"(?:{f})" for f in other) if other else "")
    return re.compile((f"(?={first})" if first else "") + WORD_START + "(?:" + body + ")", FLAGS), literal


@lru_cache(maxsize=4096)
def sector_of(text: str) -> tuple[str | None, int]:
    """The sector whose cue starts earliest in `text` (longest cue on ties), and where."""
    rx, literal = _all_sectors()
    m = rx.search(text)
    if not m:
        return None, -1
    slug = literal.get(m.group(0).lower())
    if slug is None:
        best = None
        for name, srx in vocabulary().sector_patterns.items():
            sm = srx.match(text, m.start())
            if sm and (best is None or len(sm.group(0)) > best[0]):
                best = (len(sm.group(0)), name)
        slug = best[1] if best else None
    return slug, m.start()
