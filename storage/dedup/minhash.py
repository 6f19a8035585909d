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

The signature is computed here, over numpy, bit for bit as datasketch 2.0's
`MinHash(num_perm=128, seed=1, scheme="affine32")` computed the signatures already stored
(tests/test_dedup_minhash.py pins known values): each shingle is hashed with the first 4
bytes of SHA-1 (little-endian), pre-mixed with the MurmurHash3 32-bit finalizer, then
permuted by h -> a*h + b mod 2^32 with 128 (odd a, b) pairs drawn from
numpy.random.RandomState(1); the signature is the per-permutation minimum. datasketch
itself is no longer imported: its package import pulls in scipy (about 1 s of every run's
start-up) for one class.
"""
from __future__ import annotations

import hashlib

import numpy as np

from .normalise import normalise_text

NUM_PERM = 128
BANDS = 32
ROWS = NUM_PERM // BANDS
SEED = 1  # fixed: signatures stored in the database must stay comparable across runs
SCHEME = "affine32"  # datasketch 2 hashing scheme; stored signatures are 32-bit values


def _permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """datasketch 2.0 MinHash._init_permutations for the affine32 scheme."""
    gen = np.random.RandomState(seed)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


_A, _B = _permutations(NUM_PERM, SEED)
_EMPTY = np.full(NUM_PERM, 0xFFFFFFFF, dtype=np.uint32)


def _fmix32(hv: np.ndarray) -> np.ndarray:
    """The MurmurHash3 32-bit finalizer (a bijection on [0, 2^32)); uint32 arithmetic wraps."""
    hv = hv ^ (hv >> np.uint32(16))
    hv = hv * np.uint32(0x85EBCA6B)
    hv = hv ^ (hv >> np.uint32(13))
    hv = hv * np.uint32(0xC2B2AE35)
    return hv ^ (hv >> np.uint32(16))


def shingles(text: str) -> set[bytes]:
    words = normalise_text(text).split()
    if len(words) < 2:
        return {w.encode("utf-8") for w in words}
    return {f"{a} {b}".encode("utf-8") for a, b in zip(words, words[1:])}


def minhash(items: list[bytes]) -> np.ndarray:
    """The affine32 MinHash signature (NUM_PERM uint32 values) of a set of byte strings."""
    if not items:
        return _EMPTY.copy()
    digests = b"".join(hashlib.sha1(item).digest()[:4] for item in items)
    hv = _fmix32(np.frombuffer(digests, dtype="<u4").astype(np.uint32)).reshape(-1, 1)
    with np.errstate(over="ignore"):
        return (hv * _A + _B).min(axis=0)


def signature(text: str) -> np.ndarray:
    """The MinHash signature (NUM_PERM 32-bit values) of a text's word bigrams."""
    return minhash(list(shingles(text)))


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
