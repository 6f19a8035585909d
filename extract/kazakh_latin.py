"""Kazakh written in the Latin alphabet of 2018 ("Óńir basshysy ... nysandardy aralady").

The extractor's Kazakh knowledge (facility nouns, status verbs, number words, places) is written in
Cyrillic, as nearly all Kazakh reporting is; a Latin edition is read by spelling it in Cyrillic
first, and its records are spelled back so that users see the article's own script. Letters and
rules: extract/data/kazakh_latin.yaml. Words with letters the alphabet lacks (c, w, x) and
acronyms (KIA, LLP) are names and stay as written.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from kzmon.extract.data_files import load_yaml

DATA_FILE = Path(__file__).parent / "data" / "kazakh_latin.yaml"
WORD = re.compile(r"[^\W\d_]+")
LATIN_LETTER = re.compile(r"[A-Za-záǵıńóúýÁǴŃÓÚÝİ]")
FOREIGN = re.compile(r"[cwxCWX]")


@lru_cache(maxsize=1)
def _data() -> dict:
    data = load_yaml(DATA_FILE)
    back = {v: k for k, v in data["letters"].items()} | {v: k for k, v in data["digraphs"].items()}
    back["й"] = "ı"
    data["back"] = back
    data["marker_re"] = re.compile("[" + data["marker_letters"] + "]")
    return data


def is_kazakh_latin(text: str | None) -> bool:
    """Whether a text is Kazakh in the Latin alphabet: its marker letters, two kinds at least,
    make a share of its Latin letters that no English or Turkish text reaches."""
    if not text:
        return False
    data = _data()
    markers = data["marker_re"].findall(text)
    if len({m.lower() for m in markers}) < 2:
        return False
    latin = len(LATIN_LETTER.findall(text))
    return latin > 0 and len(markers) / latin >= data["marker_share"]


def _word_to_cyrillic(word: str) -> str:
    data = _data()
    if FOREIGN.search(word) or (len(word) >= 2 and word.isupper()):
        return word
    lower = word.lower().replace("i̇", "i")
    out: list[str] = []
    i = 0
    while i < len(lower):
        pair = lower[i:i + 2]
        if pair in data["digraphs"]:
            out.append(data["digraphs"][pair])
            i += 2
            continue
        ch = lower[i]
        if ch == "ı" and out and i > 0 and lower[i - 1] in data["short_i_after"]:
            out.append("й")
        else:
            out.append(data["letters"].get(ch, ch))
        i += 1
    cyr = "".join(out)
    if word[:1].isupper():
        cyr = cyr[:1].upper() + cyr[1:]
    return cyr


def to_cyrillic(text: str | None) -> str | None:
    """The text spelled in Kazakh Cyrillic, word by word (names kept; see the module's note)."""
    if text is None:
        return None
    return WORD.sub(lambda m: _word_to_cyrillic(m.group(0)), text)


def to_latin(text: str | None) -> str | None:
    """Cyrillic spelled back in the Latin alphabet (what `to_cyrillic` made; Latin left alone)."""
    if text is None:
        return None
    back = _data()["back"]
    out = []
    for ch in text:
        low = ch.lower()
        if low in back:
            lat = back[low]
            out.append(lat[:1].upper() + lat[1:] if ch != low else lat)
        else:
            out.append(ch)
    return "".join(out)
