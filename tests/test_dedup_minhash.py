"""Near-duplicate level: normalisation, signatures, the persisted band keys."""
import json
import random
from pathlib import Path

from kzmon.storage.dedup.minhash import BANDS, band_keys, estimate_jaccard, from_blob, signature, to_blob
from kzmon.storage.dedup.normalise import normalise_text, text_hash

DATA = Path(__file__).parent / "data" / "dedup"
BODIES = json.loads((DATA / "benchmark_bodies.json").read_text(encoding="utf-8"))["articles"]


def test_hash_ignores_case_yo_quotes_and_paragraphing():
    a = "Завод «Ферро» введён в эксплуатацию.\n\nИнвестиции – 12 млрд тенге."
    b = "завод \"Ферро\" введен в эксплуатацию. Инвестиции - 12 млрд тенге"
    assert text_hash(a) == text_hash(b)
    assert text_hash(a) != text_hash(a.replace("12", "13"))
    assert normalise_text("ЁЛКА, ёлка!") == "елка елка"


def test_signature_survives_the_database():
    sig = signature(BODIES[0]["text"])
    assert (from_blob(to_blob(sig)) == sig).all()
    assert band_keys(sig) == band_keys(signature(BODIES[0]["text"]))
    assert len(band_keys(sig)) == BANDS


def test_reprint_with_edits_is_near_and_other_articles_are_far():
    rng = random.Random(3)
    vocab = [w for a in BODIES[:20] for w in a["text"].split()]
    found = 0
    for article in BODIES[:40]:
        words = article["text"].split()
        for i in rng.sample(range(len(words)), len(words) // 10):  # 10% of words replaced
            words[i] = rng.choice(vocab)
        found += estimate_jaccard(signature(article["text"]), signature(" ".join(words))) >= 0.5
    assert found >= 38
    far = [estimate_jaccard(signature(a["text"]), signature(b["text"])) for a, b in zip(BODIES[:60], BODIES[60:120])]
    assert max(far) < 0.3


def test_signatures_keep_the_values_datasketch_stored():
    """kzmon's own MinHash (no datasketch, no scipy at start-up) gives, bit for bit, the
    signatures datasketch 2.0 MinHash(num_perm=128, seed=1, scheme='affine32') stored, so
    band keys already in a database still match; values computed with datasketch 2.0.0."""
    sig = signature("Завод «Ферро» введён в эксплуатацию. Инвестиции – 12 млрд тенге. The plant opened in Pavlodar.")
    assert sig.dtype.itemsize == 4 and len(sig) == 128
    assert [int(v) for v in sig[:8]] == [1197329338, 224471362, 106522990, 124969629,
                                         228019853, 135037022, 138663148, 254246468]
    assert [int(v) for v in sig[-4:]] == [426367775, 442995705, 59040696, 118724847]
    assert int(signature("")[0]) == 2**32 - 1
