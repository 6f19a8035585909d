"""Fact fingerprints: what rewrites and translations of one story keep (level 4).

A rewrite changes every word and a translation changes the language, but both keep the
figures: "464,2 млрд тенге" and "464.2 billion tenge" are the same number. Numbers are read
with their scale word and turned into values, so the fingerprint does not depend on language
or number format. Company names are transliterated and folded so "ТЭМПО" and "TEMPO" meet.
"""
from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import lexicon, scale_prefixes

# A number as written in ru/kk/en news: 4,700 / 4 700 / 464,2 / 1.3 / 18 000 000 / 87.4
_NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:([.,])(\d+))?(?![\w])")
_AFTER = re.compile(r"\s*(%|[^\W\d_]+\.?)", re.UNICODE)


@dataclass(frozen=True)
class Fact:
    key: str        # 'v:464200000000', 'p:5.1', 'co:tempo'
    weight: float   # how much sharing it says about two articles being one story


def _value_key(value: float) -> str:
    rounded = float(f"{value:.6g}")
    return str(int(rounded)) if rounded == int(rounded) else repr(rounded)


def _significant_digits(mantissa: str) -> int:
    digits = mantissa.replace(".", "").lstrip("0").rstrip("0")
    return max(len(digits), 1)


def _scale_of(word: str) -> int | None:
    word = word.lower().rstrip(".")
    for prefix, mult in scale_prefixes():
        if word.startswith(prefix):
            return mult
    return None


def _is_percent(word: str, text_after: str) -> bool:
    tail = text_after.lower()
    return any(tail.startswith(w) for w in lexicon()["percent_words"])


def numeric_facts(text: str, language: str | None = None, keep_small: bool = False) -> set[Fact]:
    """Values stated in the text, scaled ('1.3 trillion' -> 1300000000000), years and small
    counts left out (unless keep_small) because every article of a season shares them."""
    text = unicodedata.normalize("NFKC", text or "")
    facts: set[Fact] = set()
    for m in _NUMBER.finditer(text):
        integer, sep, frac = m.group(1), m.group(2), m.group(3)
        integer = re.sub(r"[ \u00a0\u202f]", "", integer)
        if sep == "," and frac is not None and len(frac) == 3 and language not in ("ru", "kk"):
            integer, frac = integer + frac, None  # English thousands separator: 4,700
        elif sep == "." and frac is not None and len(frac) == 3 and language in ("ru", "kk") and len(integer) <= 3:
            integer, frac = integer + frac, None  # 4.700 in some Russian texts
        if frac is not None and len(frac) == 2 and 1900 <= int(integer) <= 2100:
            continue  # a date like 2018.04, not a figure
        mantissa = integer + ("." + frac if frac else "")
        after = text[m.end():m.end() + 40]
        word_match = _AFTER.match(after)
        word = word_match.group(1) if word_match else ""
        if _is_percent(word, after.lstrip()):
            facts.add(Fact(f"p:{_value_key(float(mantissa))}", 0.5))
            continue
        scale = _scale_of(word) if word else None
        value = float(mantissa) * (scale or 1)
        if scale is None and frac is None and not keep_small:
            if value < 100 or (1900 <= value <= 2100):
                continue  # days, small counts, years
        sig = _significant_digits(mantissa)
        weight = 0.5 if sig <= 1 else 1.0 if sig == 2 else 1.5
        facts.add(Fact(f"v:{_value_key(value)}", weight))
    return facts


@lru_cache(maxsize=1)
def _legal_forms() -> frozenset[str]:
    translit = lexicon()["translit"]
    return frozenset("".join(translit.get(c, c) for c in f.lower()) for f in lexicon()["legal_forms"])


def _fold_company(name: str) -> str:
    lex = lexicon()
    text = unicodedata.normalize("NFKC", name).lower().replace("ё", "е")
    text = "".join(lex["translit"].get(ch, ch) for ch in text)
    words = [w for w in re.findall(r"[a-z0-9]+", text) if w not in _legal_forms()]
    folded = "".join(words)
    for src, dst in lex["latin_folds"]:
        folded = re.sub(src, dst, folded)
    folded = re.sub(r"[aeiou]", "", folded)  # vowels are what transliterations disagree on: роуд/road
    return re.sub(r"(.)\1+", r"\1", folded)  # doubled letters: Ферро/Fero


@lru_cache(maxsize=65536)
def company_key(name: str) -> str | None:
    """A spelling-independent key (the consonant skeleton) for a company name, or None when
    nothing distinctive is left."""
    folded = _fold_company(name)
    return folded if len(folded) >= 3 else None


ANCHOR_MIN_VALUE = 1_000_000  # money-sized: the figure an investment story is about


def is_money(key: str) -> bool:
    return key.startswith("v:") and float(key[2:]) >= ANCHOR_MIN_VALUE


def is_anchor(key: str) -> bool:
    """Facts specific enough to look up candidates of one event by: a company, a name, a
    concept, a kind of facility in one town or a money-sized value. Shared small numbers (prices, counts, dates) and regions
    are common between unrelated articles; they only add to the score of a candidate found
    by an anchor."""
    return key.startswith(("co:", "nm:", "cn:", "tc:")) or is_money(key)


def record_facts(records: Iterable[dict]) -> set[Fact]:
    """Facts from extracted announcement records: figures (already in whole units) and companies."""
    facts: set[Fact] = set()
    for rec in records:
        for field in ("investment_kzt", "investment_usd", "jobs", "area_m2"):
            value = rec.get(field)
            if value:
                mantissa = f"{float(value):.6g}".split("e")[0]
                facts.add(Fact(f"v:{_value_key(float(value))}", 1.0 if _significant_digits(mantissa) <= 2 else 1.5))
        for name in _as_list(rec.get("companies")):
            key = company_key(name)
            if key:
                facts.add(Fact(f"co:{key}", 1.5))
    return facts


def record_regions(records: Iterable[dict]) -> set[str]:
    return {r for rec in records for r in _as_list(rec.get("regions"))}


def _as_list(value) -> list:
    if value is None:
        return []
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return [value]
    return list(value) if isinstance(value, (list, tuple)) else [value]


def text_facts(text: str, language: str | None) -> set[Fact]:
    """The facts of an article's text alone: figures, names, concepts and places. Pure and
    the costly part, so the processing stage computes it in its workers (kzmon/processing.py)."""
    return numeric_facts(text, language) | name_facts(text, language) | concept_facts(text) | region_facts(text)


def article_facts(text: str, language: str | None, records: Iterable[dict] = (),
                  text_part: set[Fact] | None = None) -> set[Fact]:
    """All facts of an article: figures, names, concepts and places in its text (`text_part`
    when computed already), and the figures and companies of its records. When one key comes
    with two weights (text and record), the larger is kept."""
    best: dict[str, float] = {}
    found = (text_facts(text, language) if text_part is None else text_part) | record_facts(records)
    for fact in found:
        best[fact.key] = max(best.get(fact.key, 0.0), fact.weight)
    return {Fact(k, w) for k, w in best.items()}


def amounts_agree(a: float, b: float, tolerance: float) -> bool:
    return a > 0 and b > 0 and abs(math.log(a / b)) <= math.log(1 + tolerance)


# --- what the event is about: names, concepts, places ------------------------------------
# Rewrites in another language keep few words, but they keep the names (brands, companies,
# people: "Kia" / "KIA", "Masdar" / "Масдар"), what the facility is (a sugar plant is
# "сахарный завод" and "қант зауыты") and where it is. Those become facts beside the figures.

_QUOTED = re.compile(r"[«\"“„]([^»\"”“„\n]{2,60})[»\"”]")
_LATIN_WORD = re.compile(r"(?<![\w-])[A-Za-z][A-Za-z'&-]*[A-Za-z]|(?<![\w-])[A-Z](?![\w-])")
_CYR_CAPITAL = re.compile(r"(?<![\w-])[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]+(?:-[А-ЯЁӘҒҚҢӨҰҮҺІа-яёәғқңөұүһі]+)?")
_DATELINE = re.compile(r"(?m)^[ \t]*[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][A-ZА-ЯЁӘҒҚҢӨҰҮҺІ-]+(?:[ \t]+[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][A-ZА-ЯЁӘҒҚҢӨҰҮҺІ-]+)?(?=[.,]?[ \t]*[.,–—-])")
_SENTENCE_START = re.compile(r"(?:^|[.!?…:;]\s+|\n\s*|[—–-]\s+|[«\"“(]\s*)$")


@lru_cache(maxsize=1)
def _common_names() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon()["common_capitalised"])


def concept_facts(text: str) -> set[Fact]:
    """What the facility is or makes, as language-free concepts (extract/data/concepts.yaml)."""
    from kzmon.extract.concepts import concepts_in

    return {Fact(f"cn:{name}", 1.5) for name in concepts_in(text)}


def _name_key(word: str) -> str | None:
    if word.lower() in _common_names():
        return None
    short = "".join(lexicon()["translit"].get(c, c) for c in word.lower())
    if len(word) <= 4:  # KIA, ERG, Kia, КИА: too short for a consonant skeleton
        return short if len(short) >= 2 and short.isalpha() else None
    key = company_key(word)
    return key if key and len(key) >= 3 else None


def name_facts(text: str, language: str | None) -> set[Fact]:
    """Proper names: quoted names, Latin-script words in Russian and Kazakh text, and
    capitalised words that are not at a sentence start (and, in English, that the text never
    writes in lower case: 'Development' in a ministry's name is a word, 'Masdar' a name)."""
    from kzmon.extract.regions import find_regions

    text = unicodedata.normalize("NFKC", text or "")
    # Places are facts of their own (region_facts): "Туркестанской" is no name to match on.
    for place in sorted(find_regions(text), key=lambda m: -m.start):
        text = text[:place.start] + " " * (place.end - place.start) + text[place.end:]
    # "NUR-SULTAN. KAZINFORM", "AKTOBE – ": a dateline's town in capitals is where the outlet
    # writes from, written in capitals the gazetteer does not read; no name of the event
    text = _DATELINE.sub(lambda m: " " * len(m.group(0)), text)
    keys: set[str] = set()
    for m in _QUOTED.finditer(text):
        key = company_key(m.group(1))
        if key and m.group(1).lower() not in _common_names():
            keys.add(key)
    english = language not in ("ru", "kk")
    lower_words = set(re.findall(r"(?<![\w-])[a-z][a-z'-]+", text)) if english else set()
    capitalised = [(m.group(0), bool(_SENTENCE_START.search(text[max(0, m.start() - 3):m.start()])))
                   for m in _LATIN_WORD.finditer(text) if m.group(0)[0].isupper()]
    inside = {word for word, first in capitalised if not first}
    for word, first in capitalised:
        # In English a capitalised word opening a sentence is a name only if the text also
        # capitalises it mid-sentence, or writes it in capitals or camel case (KIA, EuroChem).
        if english and (word.lower() in lower_words or (first and word not in inside and word[1:].islower())):
            continue
        if key := _name_key(word):
            keys.add(key)
    for m in _CYR_CAPITAL.finditer(text):
        if _SENTENCE_START.search(text[max(0, m.start() - 3):m.start()]):
            continue
        if key := _name_key(m.group(0)):
            keys.add(key)
    return {Fact(f"nm:{key}", 2.0) for key in keys}


def region_facts(text: str) -> set[Fact]:
    from kzmon.extract.regions import find_regions

    return {Fact(f"rg:{m.code}", 1.0) for m in find_regions(text or "")}
