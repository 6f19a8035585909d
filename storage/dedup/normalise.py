"""Text normalisation shared by the exact-hash and near-duplicate levels.

Reprints differ in ё/е, quotes, dashes, paragraphing and case; none of that should make two
copies of one text look different.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata

_WORD = re.compile(r"\w+", re.UNICODE)


def normalise_text(text: str) -> str:
    """Lower case, NFKC, ё->е, punctuation dropped, whitespace collapsed."""
    text = unicodedata.normalize("NFKC", text or "").lower().replace("ё", "е")
    return " ".join(_WORD.findall(text))


def text_hash(text: str) -> str:
    """Hash of the normalised text: level 2 (same text, other markup or outlet)."""
    return hashlib.sha1(normalise_text(text).encode("utf-8")).hexdigest()


def word_set(text: str) -> set[str]:
    """Words of the normalised text, as a set (the shingles of the MinHash level)."""
    return set(normalise_text(text).split())
