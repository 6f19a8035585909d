"""Find Kazakhstan's regions, cities and towns named in a text.

The gazetteer lives in extract/data/regions.yaml. All surfaces are compiled once into a
single regex whose top-level branches start with a literal first letter, so the regex
engine skips almost every position by a character-set test; that keeps a 3,000-character
article well under a millisecond.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from kzmon.extract.compiled_regex import compile_cached
from kzmon.extract.data_files import load_yaml

DATA_FILE = Path(__file__).parent / "data" / "regions.yaml"

# Kazakh letters folded onto their Russian look-alikes (and ё onto е, Latin i onto и),
# one character for one, so offsets in the folded text are offsets in the original.
_FOLD_FROM = "әғқңөұүһіёӘҒҚҢӨҰҮҺІЁiI"
_FOLD_TO = "агкноуухиеАГКНОУУХИЕиИ"
_FOLD_PAIRS = tuple(zip(_FOLD_FROM, _FOLD_TO))

# Separators allowed between the members of a coordinated list of regions:
# "Almaty and Zhambyl regions", "Алматинской и Жамбылской областях", "Алматы және Жамбыл облыстары".
_LIST_SEPARATOR = re.compile(r"(?:\s*(?:,|;|&|\band\b|\bи\b|\bжане\b|\bмен\b|\bбен\b|\bпен\b)\s*)+")


# A Russian place adjective ("Алматинская", "Шымкентского"): in a list that ends in a region
# word it is the region, whatever the number of that word ("области" is also singular).
_RU_ADJECTIVE = re.compile(r"ск(?:ая|ой|ую|ою|ое|ого|ому|ом|ий|ие|их|им|ими)$")


@dataclass(frozen=True)
class RegionMatch:
    code: str        # ISO 3166-2:KZ, e.g. "KZ-35"
    start: int
    end: int
    surface: str     # the text as written
    level: str       # 'region' | 'city' | 'town' | 'district'


@dataclass(frozen=True)
class _Entry:
    code: str | None  # None for a blocker
    level: str
    pattern: str      # the gazetteer surface, kept for debugging
    abbr: bool = False


def fold(text: str) -> str:
    """Fold Kazakh letters and ё so that spelling variants compare equal, keeping length."""
    # Chained str.replace is several times faster than str.translate on Cyrillic text.
    for a, b in _FOLD_PAIRS:
        if a in text:
            text = text.replace(a, b)
    return text


@lru_cache(maxsize=1)
def gazetteer_data() -> dict:
    """extract/data/regions.yaml, read once per process (read-only: the gazetteer's pattern and
    storage/dedup's towns are built from it)."""
    with DATA_FILE.open(encoding="utf-8") as fh:
        return load_yaml(fh)


_END = object()   # trie key: a surface ends here
_ENDING = "~"     # trie key: an optional case ending
_SPACE = " "      # trie key: whitespace between words


def _surface_tokens(surface: str, lang: str) -> list[str]:
    """A gazetteer surface as trie keys: folded characters, ~ (with its language), spaces."""
    tokens: list[str] = []
    for i, word in enumerate(fold(surface).split(" ")):
        if i:
            tokens.append(_SPACE)
        optional_ending = word.endswith(_ENDING)
        tokens.extend(word.rstrip(_ENDING))
        if optional_ending:
            tokens.append(_ENDING + lang)
    return tokens


def _trie_regex(node: dict, endings: dict[str, str]) -> str:
    """Regex of a trie node: continuations first (longest match), then the end marker."""
    branches = []
    # Characters and spaces before endings, so that the longer surface is tried first.
    for key, child in sorted(node.items(), key=lambda kv: kv[0] is _END or kv[0].startswith(_ENDING)):
        if key is _END:
            continue
        if key == _SPACE:
            head = r"\s+"
        elif key.startswith(_ENDING):
            head = endings[key[1:]]
        else:
            head = re.escape(key)
        branches.append(head + _trie_regex(child, endings))
    if _END in node:
        branches.append(rf"(?!\w)(?P<g{node[_END]}>)")
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"


class _Gazetteer:
    """The compiled gazetteer: one regex, and the entry behind each named group."""

    def __init__(self, data: dict) -> None:
        endings = {
            lang: "(?:" + "|".join(re.escape(fold(e)) for e in sorted(set(ends), key=lambda e: (-len(e), e))) + ")?"
            for lang, ends in data["endings"].items()
        }
        templates = data["templates"]
        self.names: dict[str, dict[str, str]] = {}
        items: list[tuple[str, str, _Entry]] = []  # (lang, surface, entry)
        list_heads: list[tuple[str, str, str]] = []  # (lang, surface, code)

        def add(lang: str, surface: str, entry: _Entry) -> None:
            items.append((lang, surface, entry))

        for code, spec in data["regions"].items():
            self.names[code] = spec["name"]
            level = spec.get("level", "region")
            for lang, stems in (spec.get("region") or {}).items():
                for stem in stems:
                    for template in templates["region"][lang]:
                        add(lang, template.replace("{}", stem), _Entry(code, "region", template))
                    # A bare stem counts only inside a list closed by a region word.
                    list_heads.append((lang, stem + ("~" if lang == "ru" else ""), code))
            for lang, surfaces in (spec.get("also") or {}).items():
                for surface in surfaces:
                    add(lang, surface, _Entry(code, level, surface))
            for abbr in spec.get("abbr") or []:
                add("kk", abbr, _Entry(code, "region", abbr, abbr=True))
            for place in spec.get("places") or []:
                for lang in ("en", "ru", "kk"):
                    for surface in place.get(lang) or []:
                        if place["level"] == "district":
                            for template in templates["district"][lang]:
                                add(lang, template.replace("{}", surface), _Entry(code, "district", surface))
                        else:
                            add(lang, surface, _Entry(code, place["level"], surface))
        for lang, surfaces in data.get("blockers", {}).items():
            for surface in surfaces:
                add(lang, surface, _Entry(None, "blocker", surface))

        self.plural = re.compile("|".join(re.escape(fold(w)) for w in data["plural_region_words"]), re.IGNORECASE)
        self.regex, self.entries = self._compile(items, endings, "gazetteer")
        self.head_regex, self.head_entries = self._compile(
            [(lang, s, _Entry(code, "region", s)) for lang, s, code in list_heads], endings, "gazetteer-heads")

    @staticmethod
    def _compile(items: list[tuple[str, str, _Entry]], endings: dict[str, str],
                 name: str) -> tuple[re.Pattern, list[_Entry]]:
        """One regex over a trie of all surfaces; the named empty group at a leaf tells the entry.

        Top-level branches start with an exact (case-sensitive) letter, which lets the regex
        engine skip positions with a character-set test; the rest of a name is matched
        case-insensitively, abbreviations exactly.
        """
        entries: list[_Entry] = []
        tries: dict[bool, dict] = {False: {}, True: {}}  # keyed by entry.abbr
        for lang, surface, entry in items:
            tokens = _surface_tokens(surface, lang)
            node = tries[entry.abbr].setdefault(tokens[0], {})
            for token in tokens[1:]:
                if not entry.abbr and len(token) == 1:
                    token = token.lower()
                node = node.setdefault(token, {})
            if _END not in node:      # the first surface listed wins a tie
                entries.append(entry)
                node[_END] = len(entries) - 1
        branches = []
        for abbr, trie in tries.items():
            for first, child in trie.items():
                rest = _trie_regex(child, endings)
                branches.append(re.escape(first) + (rest if abbr else f"(?i:{rest})"))
        return compile_cached("|".join(branches), name=name), entries


@lru_cache(maxsize=1)
def _gazetteer() -> _Gazetteer:
    return _Gazetteer(gazetteer_data())


def _scan(regex: re.Pattern, entries: list[_Entry], folded: str) -> Iterator[tuple[int, int, _Entry]]:
    """Leftmost matches that start at a word boundary, non-overlapping."""
    pos = 0
    while True:
        m = regex.search(folded, pos)
        if m is None:
            return
        start = m.start()
        if start > 0 and (folded[start - 1].isalnum() or folded[start - 1] == "-"):
            pos = start + 1
            continue
        yield start, m.end(), entries[int(m.lastgroup[1:])]
        pos = m.end()


def _is_dateline(surface: str, entry: _Entry) -> bool:
    return not entry.abbr and len(surface) > 3 and surface.isupper()


def find_regions(text: str) -> list[RegionMatch]:
    """Regions, cities, towns and districts named in `text`, in text order.

    Longest surface wins ("Almaty region" is KZ-19, "Almaty" alone KZ-75); names that only
    look like places ("Air Astana", "Lake Balkhash") are dropped; bare region names count
    when a list ends in a region word ("Almaty and Zhambyl regions").
    """
    gaz = _gazetteer()
    folded = fold(text)
    matches: list[RegionMatch] = []
    spans: list[tuple[int, int]] = []
    for start, end, entry in _scan(gaz.regex, gaz.entries, folded):
        spans.append((start, end))
        surface = text[start:end]
        if entry.code is None or _is_dateline(surface, entry):
            continue
        matches.append(RegionMatch(entry.code, start, end, surface, entry.level))
    if any(m.level == "region" for m in matches):
        matches = _resolve_lists(text, folded, matches, gaz)
    matches = [_around(text, m) for m in matches]
    zones = _zones(text, {(m.start, m.end) for m in matches})
    return sorted(matches + zones, key=lambda m: m.start) if zones else matches


@lru_cache(maxsize=1)
def _zone_patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern, dict[str, str], tuple[str, ...]]:
    data = gazetteer_data()
    code_of = {name.lower(): code for code, names in (data.get("zones") or {}).items() for name in names}
    names = re.compile(r"[«\"“]?(" + "|".join(sorted(map(re.escape, code_of), key=len, reverse=True)) + r")[»\"”]?",
                       re.IGNORECASE)
    return (names, re.compile(data["zone_words_after"], re.IGNORECASE), re.compile(data["zone_words_before"], re.IGNORECASE),
            code_of, tuple(data["zone_word_stems"]))


def _zones(text: str, taken: set[tuple[int, int]]) -> list[RegionMatch]:
    """Special economic zones named beside a zone word, as the region they stand in (regions.yaml `zones`)."""
    names, after, before, code_of, stems = _zone_patterns()
    lowered = text.lower()
    if not any(stem in lowered for stem in stems):
        return []   # the cheap test first: most texts name no zone
    out = []
    for m in names.finditer(text):
        start, end = m.span(1)
        if (start, end) in taken or not (after.match(text, m.end()) or before.search(text, max(0, m.start() - 45), m.start())):
            continue
        if (m.start() > 0 and text[m.start() - 1].isalnum()) or (m.end() < len(text) and text[m.end()].isalnum()):
            continue    # inside another word
        out.append(RegionMatch(code_of[m.group(1).lower()], start, end, m.group(1), "zone"))
    return out


@lru_cache(maxsize=1)
def _near_city() -> tuple[dict[str, str], re.Pattern, re.Pattern]:
    data = gazetteer_data()
    return (data.get("surroundings") or {}, re.compile("|".join(data["near_city_before"]), re.IGNORECASE),
            re.compile("|".join(data["near_city_after"]), re.IGNORECASE))


def _around(text: str, m: RegionMatch) -> RegionMatch:
    """"Под Алматы", "near Astana": a place beside a republic city is in the region around it."""
    around, before, after = _near_city()
    if m.code not in around or not (before.search(text, max(0, m.start - 40), m.start) or after.match(text, m.end)):
        return m
    return RegionMatch(around[m.code], m.start, m.end, m.surface, "region")


def _resolve_lists(text: str, folded: str, matches: list[RegionMatch], gaz: _Gazetteer) -> list[RegionMatch]:
    """Turn bare region names listed before a region match into region matches.

    Walks right to left so that a list's closing word ("... and Akmola regions") reaches
    every member; a plural closing word is what lets a city name become a region.
    """
    heads = {start: (end, entry) for start, end, entry in _scan(gaz.head_regex, gaz.head_entries, folded)}
    if not heads:
        return matches
    regions = {m.start: m for m in matches if m.level == "region"}
    # start -> (is plural, list continues leftwards) for every region member found so far
    plural_at: dict[int, bool] = {}
    accepted: list[RegionMatch] = []
    for start in sorted(set(regions) | set(heads), reverse=True):
        region = regions.get(start)
        end = region.end if region else heads[start][0]
        sep = _LIST_SEPARATOR.match(folded, end)
        next_start = sep.end() if sep else None
        follows_plural = next_start in plural_at and plural_at[next_start]
        if region is not None:
            plural_at[start] = bool(gaz.plural.search(folded, region.start, region.end)) or follows_plural
            continue
        if next_start not in plural_at:
            continue                      # not followed by a region in a list
        clash = [m for m in matches if m.start < end and start < m.end]
        if any(m.level == "region" or m.start != start for m in clash):
            continue                      # a longer match owns these letters
        if clash and not follows_plural and not _RU_ADJECTIVE.search(folded, start, end):
            continue                      # "Almaty, Zhambyl region": Almaty stays the city; but
            # "Алматинская и Жамбылская области": an adjective agrees with the region word
        accepted.append(RegionMatch(heads[start][1].code, start, end, text[start:end], "region"))
        plural_at[start] = follows_plural
    if not accepted:
        return matches
    kept = [m for m in matches if not any(a.start <= m.start < a.end for a in accepted)]
    return sorted(kept + accepted, key=lambda m: m.start)


def formed_from() -> dict[str, str]:
    """A region code -> the region it was carved out of (regions.yaml `formed_from`)."""
    return dict(gazetteer_data().get("formed_from") or {})


def regions_of_the_time(codes: list[str], on: date) -> list[str]:
    """The regions as an article of that day knew them: a region carved out later is still part
    of its parent (regions.yaml `formed_on`), so a 2019 report from Khorgos is in Almaty region."""
    carved = _carved_out()
    then = [carved[c][0] if c in carved and on < carved[c][1] else c for c in codes]
    return list(dict.fromkeys(then))


@lru_cache(maxsize=1)
def _carved_out() -> dict[str, tuple[str, date]]:
    """A region code -> (the region it was carved from, the day it took effect)."""
    data = gazetteer_data()
    parents = data.get("formed_from") or {}
    return {code: (parents[code], day if isinstance(day, date) else date.fromisoformat(str(day)))
            for code, day in (data.get("formed_on") or {}).items()}


def region_name(code: str, lang: str = "en") -> str:
    """Display name of a region code in en, ru or kk (the code itself when unknown)."""
    names = _gazetteer().names.get(code)
    if not names:
        return code
    return names.get(lang) or names["en"]


def _regions() -> dict[str, dict[str, str]]:
    return dict(_gazetteer().names)


def __getattr__(name: str) -> object:
    """REGIONS (code -> {lang: name}) is built on first use: building the gazetteer takes a
    second, and a crawl that only needs `fold` (extract/dates.py) should not pay it."""
    if name == "REGIONS":
        return _regions()
    raise AttributeError(name)
