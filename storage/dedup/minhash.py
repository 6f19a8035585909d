"""MinHash signatures and LSH band keys for near-duplicate texts (level 3).

Shingles are word bigrams of the normalised text. Measured on the labelled set and on the
181 benchmark articles (bench/bench_dedup.py): word *sets* give reprints a higher Jaccard, but
unrelated articles in one language share so many function words (J about 0.15) that, with 32
bands of 4 rows, about 1% of the whole database would come back as candidates for every new
article; lookups would then grow with the database. Bigrams of unrelated articles share
almost nothing (J < 0.05), while a reprint with 10% of its words edited keeps J about 0.65.

The LSH index is persisted as rows (band, hash, article_id) in SQLite with a primary key on
(band, hash), so one lookup is BANDS index probes, whatever the size of the database, and no
stored text is ever re-shingled.
"""
from __future__ import annotations

import hashlib

import numpy as np
from datasketch import MinHash

from .normalise import normalise_text

NUM_PERM = 128
BANDS = 32
ROWS = NUM_PERM // BANDS
SEED = 1  # fixed: signatures stored in the database must stay comparable across runs
SCHEME = "affine32"  # datasketch 2 hashing scheme; stored signatures are 32-bit values

_PERMUTATIONS = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME).permutations


def shingles(text: str) -> set[bytes]:
    words = normalise_text(text).split()
    if len(words) < 2:
        return {w.encode("utf-8") for w in words}
    return {f"{a} {b}".encode("utf-8") for a, b in zip(words, words[1:])}


def signature(text: str) -> np.ndarray:
    """The MinHash signature (NUM_PERM 32-bit values) of a text's word bigrams."""
    mh = MinHash(num_perm=NUM_PERM, seed=SEED, permutations=_PERMUTATIONS, scheme=SCHEME)
    items = list(shingles(text))
    if items:
        mh.update_batch(items)
    return mh.hashvalues


def to_blob(sig: np.ndarray) -> bytes:
    return sig.astype("<u4").tobytes()


def from_blob(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype="<u4")


def estimate_jaccard(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.count_nonzero(a == b)) / len(a)


def band_keys(sig: np.ndarray) -> list[tuple[int, int]]:
    """(band, signed 64-bit hash of the band's rows): the rows the LSH table stores and probes."""
    raw = sig.astype("<u4").tobytes()
    width = ROWS * 4
    keys = []
    for band in range(BANDS):
        digest = hashlib.blake2b(raw[band * width:(band + 1) * width], digest_size=8).digest()
        keys.append((band, int.from_bytes(digest, "little", signed=True)))
    return keys
