"""Tell English, Russian and Kazakh apart from the letters of a text.

Script decides Latin (English) against Cyrillic; within Cyrillic, the share of letters
only Kazakh has (ә ғ қ ң ө ұ ү һ і) decides, with frequent function words as the
tie-breaker for Kazakh typed on a Russian keyboard. Cues: extract/data/language.yaml.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from kzmon.extract.data_files import load_yaml

DATA_FILE = Path(__file__).parent / "data" / "language.yaml"

# How pages and URLs name a language (hreflang, <html lang>, "?lang=", "/kz/"): ISO 639-1 and
# 639-2 codes, and "kz"/"qaz"/"qq" that Kazakh sites use for Kazakh.
LANGUAGE_CODES = {"en": "en", "eng": "en", "ru": "ru", "rus": "ru",
                  "kk": "kk", "kaz": "kk", "kz": "kk", "qaz": "kk", "qq": "kk"}


def language_code(value: str | None) -> str | None:
    """'en', 'ru' or 'kk' for a language tag ("ru-RU", "kz", "eng"); None for any other."""
    if not value:
        return None
    return LANGUAGE_CODES.get(value.strip().lower().replace("_", "-").split("-")[0])

_LATIN = re.compile(r"[A-Za-z]+")
_CYRILLIC = re.compile(r"[\u0400-\u04FF]+")
_CYRILLIC_WORD = re.compile(r"[\u0400-\u04FF]+")
MIN_LETTERS = 2


@lru_cache(maxsize=1)
def _cues() -> tuple[re.Pattern, float, frozenset[str], frozenset[str]]:
    with DATA_FILE.open(encoding="utf-8") as fh:
        data = load_yaml(fh)
    kazakh = re.compile("[" + re.escape(data["kazakh_letters"]) + "]")
    return (kazakh, float(data["kazakh_share"]),
            frozenset(data["markers"]["kk"]), frozenset(data["markers"]["ru"]))


def detect_language(text: str | None) -> str | None:
    """'en', 'ru' or 'kk' for a text, or None when it has too few letters to say."""
    if not text:
        return None
    # letters counted by runs: far fewer matches than one per letter, same totals
    latin = sum(map(len, _LATIN.findall(text)))
    cyrillic = sum(map(len, _CYRILLIC.findall(text)))
    if latin + cyrillic < MIN_LETTERS:
        return None
    if latin > cyrillic:
        from kzmon.extract.kazakh_latin import is_kazakh_latin
        return "kk" if is_kazakh_latin(text) else "en"
    kazakh_letters, kazakh_share, kk_words, ru_words = _cues()
    kazakh = len(kazakh_letters.findall(text))
    if kazakh / cyrillic >= kazakh_share:
        return "kk"
    if kazakh == 0:
        words = [w.lower() for w in _CYRILLIC_WORD.findall(text)]
        kk_votes = sum(w in kk_words for w in words)
        ru_votes = sum(w in ru_words for w in words)
        if kk_votes > ru_votes:
            return "kk"
    return "ru"
