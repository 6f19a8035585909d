"""Per-recipient filters: each recipient sees only the regions, sectors, sizes and languages asked for."""
from __future__ import annotations

import re

from kzmon.config import RecipientFilter

from .query import flatten, glance, kzt_rate, totals


def usd_equivalent(entry: dict) -> float | None:
    if entry.get("usd") is not None:
        return entry["usd"]
    if entry.get("investment_usd") is not None:
        return entry["investment_usd"]
    if entry.get("investment_kzt") is None:
        return None
    published = next((s["published"] for s in entry.get("sources", []) if s.get("published")), "")
    year = int(published[:4]) if published[:4].isdigit() else None
    rate = kzt_rate(year)
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


def watched(entry: dict, watch: list[str] | tuple[str, ...]) -> list[str]:
    """The watch words (companies or keywords) an entry or anything inside it mentions."""
    if not watch:
        return []
    parts = [entry.get("display_title"), entry.get("original_title"), entry.get("title"), entry.get("evidence"),
             *(entry.get("companies") or []), *(s.get("title") for s in entry.get("sources") or [])]
    for child in entry.get("children") or []:
        parts += [child.get("display_title"), child.get("original_title"), *(child.get("companies") or [])]
    haystack = " ".join(p for p in parts if p).lower()
    return [w for w in watch if w.strip() and re.search(rf"(?<!\w){re.escape(w.strip().lower())}", haystack)]


def _matches_block(block: dict, rules: RecipientFilter) -> dict | None:
    """A block passes when its head or one of its children does; children are filtered too."""
    children = [c for c in block.get("children") or [] if matches(c, rules)]
    if matches(block, rules) or children:
        return {**block, "children": children if not matches(block, rules) else block.get("children") or []}
    return None


def filter_data(data: dict, rules: RecipientFilter, watch: list[str] | tuple[str, ...] = ()) -> dict:
    """The edition as this recipient should see it, with its totals recounted, and the entries
    that mention a watched company or keyword first (in `watched`)."""
    if is_unfiltered(rules):
        new = list(data["new"])
        updates = list(data["updates"])
    else:
        new = [b for b in (_matches_block(b, rules) for b in data["new"]) if b is not None]
        updates = [e for e in data["updates"] if matches(e, rules)]
    out = {**data, "new": new, "updates": updates}
    if not is_unfiltered(rules):
        out["totals"] = totals(new, updates)
        out["glance"] = glance(new, data.get("settings", {}).get("language", "en"))
    if watch:
        hits = []
        for block in new + updates:
            words = watched(block, watch)
            if words:
                hits.append({**block, "watch_hits": words})
        out["watched"] = hits
        hit_ids = {id(b) for b in new + updates if watched(b, watch)}
        out["new"] = [b for b in new if id(b) not in hit_ids]
        out["updates"] = [e for e in updates if id(e) not in hit_ids]
    return out


__all__ = ["describe", "filter_data", "flatten", "is_unfiltered", "matches", "usd_equivalent", "watched"]
