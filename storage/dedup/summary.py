"""What a project shows: its best title, company set, regions, sector and latest status.

A project gathers announcements from outlets that title the plant "проект", "Work KIA
full-cycle plant" or "KIA Qazaqstan car plant", list its partners, ministers and the odd
stray word as companies, and mention where the ore comes from as a region. The project's own
fields keep what its announcements agree on, so the analyst views and the digest read one
clean line per facility; every announcement's own fields stay in the timeline.
Pure functions of the records, oldest first.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from .fingerprints import company_key
from .identity import name_keys, title_concepts

MAX_TITLE_WORDS = 14  # a longer "title" is a sentence the extractor failed to cut


def best_title(records: Sequence[dict]) -> str | None:
    """The title that says most about the facility: one naming what it is (a concept) and who
    runs it (a name other announcements share), of a readable length; the earliest on a tie."""
    recurring = recurring_names(records)

    def quality(rec: dict) -> int:
        words = (rec.get("title") or "").split()
        return (2 * bool(title_concepts(rec)) + bool(name_keys(rec) & recurring)
                + (2 <= len(words) <= MAX_TITLE_WORDS) + bool(words))

    titled = [r for r in records if r.get("title")]
    return max(titled, key=quality).get("title") if titled else None


def recurring_names(records: Sequence[dict]) -> frozenset[str]:
    """Name keys that two or more announcements share (the project's own names)."""
    counts = Counter(k for rec in records for k in name_keys(rec))
    return frozenset(k for k, n in counts.items() if n >= 2)


def company_set(records: Sequence[dict]) -> list[str]:
    """The companies the announcements agree on, each once. Spellings that share a name
    ("Al Khaleej Sugar", "Al Khaleej Sugar Jamal Al Ghurair"; "EuroChem", "ЕвроХим") are one
    company, shown in its most used spelling (the earliest on a tie). A company is kept when
    two announcements name it: a minister, a stray word or a one-off partner is dropped. With
    one announcement, its own list."""
    if len(records) == 1:
        return list(dict.fromkeys(records[0].get("companies") or []))
    groups: list[dict] = []  # {"keys": set, "spellings": Counter, "records": set}
    for index, rec in enumerate(records):
        for name in rec.get("companies") or []:
            keys = set(name_keys({"companies": [name]})) or {company_key(name) or name.lower()}
            group = next((g for g in groups if g["keys"] & keys), None)
            if group is None:
                group = {"keys": set(), "spellings": Counter(), "records": set()}
                groups.append(group)
            group["keys"] |= keys
            group["spellings"][name] += 1
            group["records"].add(index)
    kept = [g for g in groups if len(g["records"]) >= 2] or groups
    return [max(g["spellings"], key=g["spellings"].get) for g in kept]  # the first seen on a tie


def region_set(records: Sequence[dict]) -> list[str]:
    """Regions at least half of the announcements that name a region agree on, most named first."""
    stating = [rec.get("regions") or [] for rec in records if rec.get("regions")]
    counts = Counter(code for regions in stating for code in dict.fromkeys(regions))
    order = list(dict.fromkeys(code for regions in stating for code in regions))
    kept = [code for code in order if 2 * counts[code] >= len(stating)]
    return sorted(kept, key=lambda code: (-counts[code], order.index(code)))


def most_common(values: Sequence[str | None]) -> str | None:
    """The most frequent value, the first seen on a tie (never set order)."""
    present = [v for v in values if v]
    if not present:
        return None
    counts = Counter(present)
    return max(dict.fromkeys(present), key=lambda v: counts[v])


def latest_status(records: Sequence[dict]) -> str | None:
    """The status of the newest announcement that states one: the project's state today."""
    return next((rec["status"] for rec in reversed(records) if rec.get("status")), None)
