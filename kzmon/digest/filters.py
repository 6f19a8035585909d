"""Per-recipient filters: each recipient sees only the regions, sectors, sizes and languages asked for."""
from __future__ import annotations

from kzmon.config import RecipientFilter

from .query import totals


def _kzt_per_usd(year: int | None) -> float | None:
    """The deduplicator's yearly rate table, so a tenge-only project can meet a dollar threshold."""
    try:
        from storage.dedup.lexicon import kzt_per_usd
    except ImportError:
        return None
    try:
        return kzt_per_usd(year)
    except (KeyError, ValueError, OSError):
        return None


def usd_equivalent(entry: dict) -> float | None:
    if entry.get("investment_usd") is not None:
        return entry["investment_usd"]
    if entry.get("investment_kzt") is None:
        return None
    published = next((s["published"] for s in entry.get("sources", []) if s.get("published")), "")
    year = int(published[:4]) if published[:4].isdigit() else None
    rate = _kzt_per_usd(year)
    return entry["investment_kzt"] / rate if rate else None


def matches(entry: dict, rules: RecipientFilter) -> bool:
    if rules.regions and not set(rules.regions) & set(entry.get("regions") or []):
        return False
    if rules.sectors and entry.get("sector") not in rules.sectors:
        return False
    if rules.languages:
        languages = set(entry.get("languages") or []) | {s.get("language") for s in entry.get("sources", [])}
        if not set(rules.languages) & languages:
            return False
    if rules.min_investment_usd is not None:
        usd = usd_equivalent(entry)
        if usd is None or usd < rules.min_investment_usd:
            return False
    return True


def is_unfiltered(rules: RecipientFilter) -> bool:
    return not (rules.regions or rules.sectors or rules.languages or rules.min_investment_usd is not None)


def describe(rules: RecipientFilter) -> dict:
    """The filters as shown in the digest's footer."""
    return {k: v for k, v in rules.model_dump().items() if v not in ([], None)}


def filter_data(data: dict, rules: RecipientFilter) -> dict:
    """The edition as this recipient should see it, with its totals recounted."""
    if is_unfiltered(rules):
        return data
    new = [e for e in data["new"] if matches(e, rules)]
    updates = [e for e in data["updates"] if matches(e, rules)]
    return {**data, "new": new, "updates": updates, "totals": totals(new, updates)}
