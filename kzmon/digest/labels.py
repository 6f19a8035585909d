"""Human words for codes and numbers in the digest (names live in data/labels.yaml)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

LABELS_PATH = Path(__file__).with_name("data") / "labels.yaml"


@lru_cache(maxsize=1)
def labels() -> dict[str, Any]:
    with LABELS_PATH.open(encoding="utf-8") as f:
        return yaml.safe_load(f)


def region_label(code: str, lang: str = "en") -> str:
    """The region's name from the gazetteer when it is available, else its ISO code."""
    try:
        from extract.regions import region_name
    except ImportError:
        return code
    try:
        return region_name(code, lang) or code
    except (KeyError, ValueError):
        return code


def sector_label(slug: str | None) -> str:
    return labels()["sectors"].get(slug, slug or labels()["sectors"][None])


def status_label(status: str | None) -> str:
    return labels()["statuses"].get(status, status or labels()["statuses"][None])


def field_label(field: str) -> str:
    return labels()["fields"].get(field, field)


def region_group(entry: dict) -> str:
    names = entry.get("region_names") or []
    if not names:
        return labels()["regions"]["none"]
    if len(names) > 1:
        return labels()["regions"]["several"]
    return names[0]


def short_amount(value: float | None) -> str:
    """1_300_000_000_000 -> '1.3 trn'; keeps three significant figures, drops trailing zeros."""
    if value is None:
        return ""
    for divisor, suffix in labels()["scales"]:
        if abs(value) >= divisor:
            scaled = value / divisor
            text = f"{scaled:,.2f}" if scaled < 10 else f"{scaled:,.1f}" if scaled < 100 else f"{scaled:,.0f}"
            if "." in text:
                text = text.rstrip("0").rstrip(".")
            return f"{text} {suffix}"
    return f"{value:,.0f}"


def tenge(value: float | None) -> str:
    return f"{short_amount(value)} tenge" if value is not None else ""


def dollars(value: float | None) -> str:
    return f"US${short_amount(value)}" if value is not None else ""


def figure(field: str, value: Any) -> str:
    """A changed figure as the reader should see it."""
    if value is None:
        return "not stated"
    if field == "status":
        return status_label(value)
    if field == "investment_kzt":
        return tenge(value)
    if field == "investment_usd":
        return dollars(value)
    if field in ("jobs", "project_count"):
        return f"{int(value):,}"
    return str(value)
