"""The extractor's world knowledge, loaded once from extract/data/*.yaml and compiled.

Keeping every word list in data files lets a reader add a spelling or a cue without
touching the pipeline; compiling here keeps the per-article cost to regex scans.
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path


from .folding import FLAGS, FoldedPattern, compile_folded
from kzmon.extract.data_files import load_yaml

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
# A word start: not preceded by a letter or digit (\b fails before "$" and "₸").
WORD_START = r"(?<![\w])"


@lru_cache(maxsize=None)
def _load(name: str) -> dict:
    """A data file of extract/data, parsed once per process (read-only: callers build their
    patterns from it and never change it); companies.yaml alone has six readers."""
    with open(DATA_DIR / name, encoding="utf-8") as fh:
        return load_yaml(fh)


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


# ---------------------------------------------------------------- alternations grouped by first letter
# At each position the engine tries the alternatives of a cue list one after another. Written
# as one group per first character ("c(?:onstruction began|ommissioned)|з(?:апущен|авершено)"),
# it tests that character once per group instead of once per cue. A word-start test inside a
# fragment ("\\b") moves behind the first character as a two-character lookbehind (or in front
# of the whole alternation when every cue has it), and a leading group or character class is
# distributed over its alternatives. The rewrite matches the same text at the same places:
# cues keep their order within a group, and two groups never match at one place.

ANCHOR_BEHIND = {"word_start": r"(?<!\w[\s\S])", "after_word": r"(?<=\w[\s\S])"}
MAX_ALTERNATIVES = 3000
QUANTIFIERS = "?*+{"
WORD_CHAR = re.compile(r"\w")


def _closing(f: str, i: int) -> int:
    """Index of the bracket closing the group or class opened at f[i], or -1."""
    depth, j, in_class = 0, i, False
    while j < len(f):
        c = f[j]
        if c == "\\":
            j += 2
            continue
        if in_class:
            if c == "]":
                in_class = False
                if depth == 0:
                    return j
        elif c == "[":
            in_class = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return j
        j += 1
    return -1


def _class_chars(body: str) -> list[str] | None:
    """The characters of a simple class body ("«\"“—–-"); None for ranges, negation or escapes like \\w."""
    if not body or body.startswith("^"):
        return None
    out, i = [], 0
    while i < len(body):
        c = body[i]
        if c == "\\":
            nxt = body[i + 1:i + 2]
            if not nxt or nxt.isalnum():
                return None
            out.append(re.escape(nxt))
            i += 2
            continue
        if c == "-" and 0 < i < len(body) - 1:
            return None
        out.append(re.escape(c))
        i += 1
    return out


def _hoist(fragment: str, anchors: tuple[str, ...] = ()) -> list[tuple[str, str, str]] | None:
    """Alternatives equal to `anchors + fragment` as (first character, lookbehind, rest of the regex); None when unsure."""
    parts = _split_top(fragment)
    if len(parts) > 1:
        out: list[tuple[str, str, str]] = []
        for part in parts:
            sub = _hoist(part, anchors)
            if sub is None:
                return None
            out.extend(sub)
        return out
    f = fragment
    while True:
        if f.startswith("\\b"):
            anchors, f = anchors + ("boundary",), f[2:]
        elif f.startswith("(?<![\\w])") or f.startswith("(?<!\\w)"):
            anchors, f = anchors + ("word_start",), f[f.index(")") + 1:]
        else:
            break
    if not f:
        return None
    if f.startswith("(?:") or f.startswith("["):
        close = _closing(f, 0)
        if close < 0 or f[close + 1:close + 2] and f[close + 1] in QUANTIFIERS:
            return None
        rest = f[close + 1:]
        alternatives = _split_top(f[3:close]) if f.startswith("(?:") else _class_chars(f[1:close])
        if alternatives is None:
            return None
        out = []
        for alt in alternatives:
            sub = _hoist(alt + rest, anchors)
            if sub is None:
                return None
            out.extend(sub)
            if len(out) > MAX_ALTERNATIVES:
                return None
        return out
    if f[0] == "\\":
        if len(f) < 2 or f[1].isalnum():
            return None
        char, rest = f[1], f[2:]
    elif f[0] in "()|.^$*+?{}]":
        return None
    else:
        char, rest = f[0], f[1:]
    if rest[:1] and rest[0] in QUANTIFIERS:
        return None
    behind = ""
    for anchor in dict.fromkeys(anchors):
        if anchor == "boundary":
            anchor = "word_start" if WORD_CHAR.match(char) else "after_word"
        behind += ANCHOR_BEHIND[anchor]
    return [(char, behind, rest)]


def _grouped(fragments: list[str], anchors: tuple[str, ...] = ()) -> str | None:
    """The alternation of `anchors + fragment`s as one group per first character; None when unsure."""
    items: list[tuple[str, str, str]] = []
    for f in fragments:
        sub = _hoist(f, anchors)
        if sub is None:
            return None
        items.extend(sub)
        if len(items) > MAX_ALTERNATIVES:
            return None
    front = ""
    if all(behind == ANCHOR_BEHIND["word_start"] for _, behind, _ in items):
        front, items = WORD_START, [(char, "", rest) for char, _, rest in items]
    groups: dict[str, list[str]] = {}
    for char, behind, rest in items:
        groups.setdefault(char.lower(), []).append(behind + rest)
    first_chars = "".join(sorted({re.escape(c) for k in groups for c in (k, k.upper())}))
    return f"(?=[{first_chars}])" + front + "(?:" + "|".join(
        re.escape(char) + "(?:" + "|".join(rests) + ")" for char, rests in groups.items()) + ")"


def fast(fragments: list[str], prefix: str = "") -> FoldedPattern:
    """An alternation of regex fragments, grouped by first letter when it can be, else behind a first-character lookahead."""
    if prefix in ("", WORD_START):
        grouped = _grouped(fragments, ("word_start",) if prefix else ())
        if grouped is not None:
            return compile_folded(grouped)
    first = _first_chars(fragments)
    body = "(?:" + "|".join("(?:" + f + ")" for f in fragments) + ")"
    return compile_folded((f"(?={first})" if first else "") + prefix + body)


class CueSet:
    """Regex cues where some are anchored at the sentence start ("^this", "^бұл"): those are
    tried once at position 0 instead of being scanned for across the whole sentence."""

    def __init__(self, fragments: list[str]):
        anchored = [f[1:] for f in fragments if f.startswith("^")]
        floating = [f for f in fragments if not f.startswith("^")]
        self.start_re = compile_folded("|".join(f"(?:{f})" for f in anchored)) if anchored else None
        self.any_re = fast(floating) if floating else None

    def match(self, text: str):
        return self.start_re.match(text) if self.start_re else None

    def search(self, text: str):
        return self.match(text) or (self.any_re.search(text) if self.any_re else None)


def any_of(fragments: list[str], word_start: bool = True) -> FoldedPattern:
    """Longest fragment first, at a word start unless told otherwise."""
    grouped = _grouped(sorted(fragments, key=len, reverse=True), ("word_start",) if word_start else ())
    if grouped is not None:
        return compile_folded(grouped)
    prefix = WORD_START if word_start else ""
    first = _first_chars(fragments)
    if first:
        prefix = f"(?={first})" + prefix
    return compile_folded(prefix + "(?:" + _alternation(fragments) + ")")


class GuardedPattern:
    """A status cue pattern whose matches inside a guard phrase do not count: "когда завод
    заработает, появится 500 мест" states what follows the launch, not that the plant will
    start working (status.yaml's `guards`). Same interface as the pattern it wraps."""
    __slots__ = ("rx", "guard", "pattern")

    def __init__(self, rx: FoldedPattern, guard: FoldedPattern):
        self.rx, self.guard, self.pattern = rx, guard, rx.pattern

    def _spans(self, text: str) -> list[tuple[int, int]]:
        return [m.span() for m in self.guard.finditer(text)]

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize):
        spans = None
        for m in self.rx.finditer(text, pos, endpos):
            if spans is None:
                spans = self._spans(text)
            if not any(s <= m.start() < e for s, e in spans):
                yield m

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize):
        m = self.rx.search(text, pos, endpos)
        if m is None or not self.guard.search(text):
            return m
        return next(self.finditer(text, m.start(), endpos), None)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize):
        m = self.rx.match(text, pos, endpos)
        if m is None or not self.guard.search(text):
            return m
        return None if any(s <= m.start() < e for s, e in self._spans(text)) else m


def _guarded(rx: FoldedPattern, guard: FoldedPattern | None):
    return rx if guard is None else GuardedPattern(rx, guard)


@dataclass(frozen=True)
class Vocabulary:
    cues: dict
    sector_patterns: dict[str, FoldedPattern]
    status_patterns: dict[str, FoldedPattern]
    status_any_re: FoldedPattern      # every status cue in one scan: where the first one starts
    number_words: dict[str, int]
    number_word_re: FoldedPattern
    scale_re: FoldedPattern
    scales: dict[str, float]
    kzt_re: FoldedPattern
    usd_re: FoldedPattern
    currency_re: FoldedPattern      # both at one position: the group's name is the currency
    count_noun_re: FoldedPattern
    count_after_re: FoldedPattern
    facility_re: FoldedPattern
    backref_re: CueSet
    enumeration_re: FoldedPattern
    event_noun_re: FoldedPattern
    subcount_re: FoldedPattern
    total_re: CueSet
    national_re: FoldedPattern
    ranking_re: FoldedPattern
    macro_re: FoldedPattern
    social_re: FoldedPattern
    jobs_after_re: FoldedPattern
    jobs_before_re: FoldedPattern
    jobs_construction_re: FoldedPattern
    people_re: FoldedPattern
    area_re: FoldedPattern
    area_factors: dict[str, float]
    area_not_site_re: FoldedPattern
    capacity_unit_re: FoldedPattern
    per_year_re: FoldedPattern
    power_unit_re: FoldedPattern
    capacity_lead_re: FoldedPattern
    capacity_not_re: FoldedPattern
    capacity_not_after_re: FoldedPattern
    approximator_re: FoldedPattern
    title_stop_words: frozenset[str]

    def scale_of(self, word: str) -> float:
        return _scale_of(word.lower().rstrip("."))


@lru_cache(maxsize=256)
def _scale_of(word: str) -> float:
    """The factor of the longest scale stem the word starts with ("млрд", "billion", "мың")."""
    scales = vocabulary().scales
    best = ""
    for stem in scales:
        if word.startswith(stem) and len(stem) > len(best):
            best = stem
    return scales[best] if best else 1.0


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    cues = _load("cues.yaml")
    sectors = _load("sectors.yaml")
    status = _load("status.yaml")
    number_words = {k.lower(): int(v) for k, v in cues["number_words"].items()}
    scales = {k.lower(): float(v) for k, v in cues["scales"].items()}
    guards = [frag for lang in ("en", "ru", "kk") for frag in (status.get("guards") or {}).get(lang, [])]
    guard = fast(guards) if guards else None
    classes = {name: by_lang for name, by_lang in status.items() if name != "guards"}
    status_patterns = {
        name: _guarded(any_of([frag for lang in ("en", "ru", "kk") for frag in by_lang.get(lang, [])]), guard)
        for name, by_lang in classes.items()
    }
    return Vocabulary(
        cues=cues,
        sector_patterns={slug: any_of(stems) for slug, stems in sectors.items() if stems},
        status_patterns=status_patterns,
        status_any_re=_guarded(any_of([frag for by_lang in classes.values() for lang in ("en", "ru", "kk") for frag in by_lang.get(lang, [])]), guard),
        number_words=number_words,
        number_word_re=any_of([re.escape(w) + r"(?!\w)" for w in number_words]),
        scale_re=any_of([re.escape(w) + r"\w*\.?" for w in scales], word_start=False),
        scales=scales,
        kzt_re=any_of(cues["currency_kzt"]),
        usd_re=any_of(cues["currency_usd"]),
        currency_re=compile_folded(f"(?P<kzt>{any_of(cues['currency_kzt']).pattern})|(?P<usd>{any_of(cues['currency_usd']).pattern})"),
        count_noun_re=any_of(cues["count_nouns"]),
        # up to three words between the number and the noun: "21 metallurgy projects", "37 small industrial zones"
        count_after_re=compile_folded(r"\s+(?:[^\W\d][\w-]*\s+){0,3}?(?:" + _alternation(cues["count_nouns"]) + ")"),
        facility_re=any_of(cues["facility_nouns"]),
        backref_re=CueSet(cues["backref_patterns"]),
        enumeration_re=fast(cues["enumeration_patterns"]),
        event_noun_re=any_of(cues["event_nouns"]),
        subcount_re=fast(cues["subcount_patterns"]),
        total_re=CueSet(cues["total_patterns"]),
        national_re=fast(cues["national_patterns"]),
        ranking_re=fast(cues["ranking_patterns"]),
        macro_re=fast(cues["macro_patterns"]),
        social_re=fast(cues["social_patterns"]),
        jobs_after_re=compile_folded(r"\s*(?:(?:астам|жуық|артық|шамасында)\s+)?(?:" + "|".join(cues["jobs_after_number"]) + ")"),
        jobs_before_re=compile_folded("(?:" + "|".join(cues["jobs_before_number"]) + ")"),
        jobs_construction_re=any_of(cues["jobs_construction"]),
        people_re=compile_folded(r"\s*(?:" + _alternation(cues["jobs_people_nouns"]) + ")"),
        # one alternation, the group's name gives the factor to square metres
        area_re=compile_folded(r"\s*(?:" + "|".join(f"(?P<u{i}>{unit})" for i, unit in enumerate(cues["area_units"])) + ")"),
        area_factors={f"u{i}": float(f) for i, f in enumerate(cues["area_units"].values())},
        area_not_site_re=any_of(cues["area_not_site"]),
        capacity_unit_re=compile_folded(r"\s*(?:[^\W\d][\w-]*\s+){0,3}?(?:" + _alternation(cues["capacity_units"]) + r")(?!\w)"),
        per_year_re=any_of(cues["capacity_per_year"]),
        power_unit_re=compile_folded(r"[\s-]*(?:" + _alternation(cues["power_units"]) + r")(?![\w-]*\s*(?:hours?|ч\b|час|сағат))"),
        capacity_lead_re=any_of(cues["capacity_lead"]),
        capacity_not_after_re=compile_folded(r"\s*(?:\w+\s+){0,2}?(?:" + _alternation(cues["capacity_not_after"]) + ")"),
        capacity_not_re=compile_folded(r"(?<!\w)(?:" + _alternation(cues["capacity_not_before"]) + r")(?:\s+\w+){0,3}\s*$"),
        approximator_re=compile_folded(
            "(?:" + _alternation([re.escape(a) for a in cues["approximators"]]) + r")\s*$"),
        title_stop_words=frozenset(w.lower() for w in cues["title_stop_left"] + cues["title_stop_right"]),
    )


@lru_cache(maxsize=None)
def cue_regex(name: str) -> FoldedPattern:
    """Any list of regex fragments in cues.yaml, compiled as one alternation."""
    return fast(vocabulary().cues[name])


@lru_cache(maxsize=4096)
def status_of(text: str) -> str | None:
    """The first status class (in status.yaml order) whose cue occurs in `text`."""
    for name, rx in vocabulary().status_patterns.items():
        if rx.search(text):
            return name
    return None


MODAL_REACH = 30   # "will be launched", "планируется запустить": a modal this close before a verb governs it


def status_near(text: str, pos: int) -> str | None:
    """The status of the cue nearest to `pos` (the facility's head noun) in `text`, not the first
    class of status.yaml's order anywhere in it: "the plant, put into operation in May, will
    employ 300" is a working plant, "Завод, который ввели в эксплуатацию в мае, будет выпускать"
    too. A planned cue just before another cue is its modal ("will be put into operation") and
    makes the pair planned; order decides among cues that overlap. Nearness is not syntax: a
    participle before the noun ("запущенный в мае завод будет ...") is still read as planned."""
    cues: list[tuple[int, int, int, str]] = []   # start, end, class order, class
    for order, (name, rx) in enumerate(vocabulary().status_patterns.items()):
        for m in rx.finditer(text):
            cues.append((m.start(), m.end(), order, name))
    if not cues:
        return None
    cues.sort()
    groups: list[list[tuple[int, int, int, str]]] = []
    for cue in cues:
        if groups and cue[0] - groups[-1][-1][1] <= MODAL_REACH and any(c[3] == "planned" for c in groups[-1]) \
                or groups and cue[0] < max(c[1] for c in groups[-1]):
            groups[-1].append(cue)
        else:
            groups.append([cue])

    def distance(group: list[tuple[int, int, int, str]]) -> int:
        start, end = group[0][0], max(c[1] for c in group)
        return 0 if start <= pos < end else min(abs(pos - start), abs(pos - end))

    best = min(groups, key=distance)
    return min(best, key=lambda c: c[2])[3]


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
def _all_sectors() -> tuple[FoldedPattern, dict[str, str], FoldedPattern | None]:
    """One scan for every sector cue: literal stems as a trie, other fragments after it; and the
    other fragments alone, to see whether one of them is longer where a literal stem matched."""
    literal: dict[str, str] = {}
    other: list[str] = []
    for slug, fragments in _load("sectors.yaml").items():
        for f in fragments or []:
            if _is_literal(f):
                literal.setdefault(f.lower(), slug)
            else:
                other.append(f)
    other_rx = fast(other) if other else None
    grouped = _grouped([trie_regex(list(literal))] + other, ("word_start",))
    if grouped is not None:
        return compile_folded(grouped), literal, other_rx
    first = _first_chars(list(literal) + other)
    body = trie_regex(list(literal)) + ("|" + "|".join(f"(?:{f})" for f in other) if other else "")
    return compile_folded((f"(?={first})" if first else "") + WORD_START + "(?:" + body + ")"), literal, other_rx


def _slug_of(text: str, match: re.Match, literal: dict[str, str], other_rx: FoldedPattern | None) -> str | None:
    """The sector of the longest cue that starts where `match` does ("бытовой химии" is household
    chemicals, not the appliance stem "бытов")."""
    slug = literal.get(match.group(0).lower())
    if slug is not None and other_rx is not None:
        longer = other_rx.match(text, match.start())
        if longer is not None and len(longer.group(0)) > len(match.group(0)):
            slug = None
    if slug is None:
        best = None
        for name, srx in vocabulary().sector_patterns.items():
            sm = srx.match(text, match.start())
            if sm and (best is None or len(sm.group(0)) > best[0]):
                best = (len(sm.group(0)), name)
        slug = best[1] if best else None
    return slug


@lru_cache(maxsize=4096)
def sector_of(text: str) -> tuple[str | None, int]:
    """The sector whose cue starts earliest in `text` (longest cue on ties), and where."""
    rx, literal, other_rx = _all_sectors()
    m = rx.search(text)
    if not m:
        return None, -1
    return _slug_of(text, m, literal, other_rx), m.start()


def sectors_in(text: str) -> set[str]:
    """Every sector whose cue `text` holds, each cue read as sector_of reads it where it starts."""
    rx, literal, other_rx = _all_sectors()
    return {slug for m in rx.finditer(text) if (slug := _slug_of(text, m, literal, other_rx))}
