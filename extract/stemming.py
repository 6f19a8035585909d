"""Stems for the stemmed full-text column, so that "трубы" finds "труб" and "зауыттар" finds "зауыт".

Each word is stemmed by its own script: Latin by a light English plural stripper,
Cyrillic with Kazakh letters by Kazakh suffix stripping, other Cyrillic by pymorphy3
lemmas (Russian) or, in a Kazakh text, by the Kazakh rules. Rules: extract/data/stemming.yaml.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from kzmon.extract.data_files import load_yaml

DATA_FILE = Path(__file__).parent / "data" / "stemming.yaml"

_WORD = re.compile(r"[^\W_]+(?:['’][sS]\b)?")
_LATIN = re.compile(r"[a-z]")
_KAZAKH_LETTERS = re.compile(r"[әғқңөұүһі]")
_CYRILLIC = re.compile(r"[а-яё]")


@lru_cache(maxsize=1)
def _rules() -> dict:
    with DATA_FILE.open(encoding="utf-8") as fh:
        data = load_yaml(fh)
    kk = data["kk"]
    sounds = {name: set(letters) for name, letters in kk["sounds"].items()}
    # (suffix, set of sounds the stem may end in), longest suffix first
    follows = kk["follows"]

    def allowed_before(suffix: str) -> set[str] | None:
        rule = follows.get(suffix) or follows.get(suffix[0])
        return sounds[rule] if rule else None

    kk["table"] = [(suffix, allowed_before(suffix)) for suffix in sorted(set(kk["suffixes"]), key=len, reverse=True)]
    return data


@lru_cache(maxsize=1)
def _morph():
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=200_000)
def stem_ru(word: str) -> str:
    """Russian lemma of a lower-case word (трубы, труб -> труба)."""
    return _morph().parse(word)[0].normal_form.replace("ё", "е")


@lru_cache(maxsize=1_000)
def _known_ru(word: str) -> bool:
    return _morph().word_is_known(word)


@lru_cache(maxsize=200_000)
def stem_kk(word: str) -> str:
    """Kazakh stem of a lower-case word by stripping inflections (облыстарында -> облыс)."""
    rules = _rules()["kk"]
    min_stem, devoice = rules["min_stem"], rules["devoice"]
    stem = word
    for _ in range(rules["max_strips"]):
        for suffix, allowed_before in rules["table"]:
            if not stem.endswith(suffix) or len(stem) - len(suffix) < min_stem:
                continue
            rest = stem[: -len(suffix)]
            if allowed_before is None or rest[-1] in allowed_before:
                stem = rest
                break
        else:
            break
    if stem != word and stem[-1] in devoice:
        stem = stem[:-1] + devoice[stem[-1]]
    return stem


@lru_cache(maxsize=100_000)
def stem_en(word: str) -> str:
    """English word without its plural or possessive ending (plants -> plant)."""
    word = word.replace("’", "'")
    for suffix, replacement, min_length in _rules()["en"]["rules"]:
        if word.endswith(suffix):
            if len(word) >= min_length:
                return word[: len(word) - len(suffix)] + replacement
            return word
    return word


@lru_cache(maxsize=200_000)
def _stem_word(word: str, language: str | None) -> str:
    """Remembered by (word, language): the same words recur in every article, and one lookup
    is cheaper than the script tests and the stem cache behind them."""
    if _LATIN.search(word):
        return stem_en(word)
    if _KAZAKH_LETTERS.search(word):
        return stem_kk(word)
    if not _CYRILLIC.search(word):
        return word                       # numbers
    if language == "kk":
        return stem_kk(word)
    if language is None and not _known_ru(word):
        return stem_kk(word)
    return stem_ru(word)


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("ё", "е"))


def stem_text(text: str, language: str | None) -> str:
    """Space-joined stems of a text in 'en', 'ru' or 'kk' (None: guess per word)."""
    if not text:
        return ""
    return " ".join(_stem_word(w, language) for w in _words(text))


def stem_query(query: str, language: str | None = None) -> str:
    """A user's search words as the same stems stem_text writes.

    Without a language each word is judged by its script; a Cyrillic word without
    Kazakh letters is Russian when pymorphy3 knows it, else Kazakh.
    """
    return stem_text(query, language)
