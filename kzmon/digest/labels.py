"""Human words for codes and numbers in the digest (names live in data/labels.yaml)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from kzmon.extract.data_files import load_yaml

LABELS_PATH = Path(__file__).with_name("data") / "labels.yaml"


@lru_cache(maxsize=1)
def labels() -> dict[str, Any]:
    with LABELS_PATH.open(encoding="utf-8") as f:
        return load_yaml(f)


def region_label(code: str, lang: str = "en") -> str:
    """The region's name from the gazetteer when it is available, else its ISO code."""
    try:
        from kzmon.extract.regions import region_name
    except ImportError:
        return code
    try:
        return region_name(code, lang) or code
    except (KeyError, ValueError):
        return code


def _table(name: str, lang: str) -> dict:
    if lang != "en" and name in labels().get(lang, {}):
        return {**labels()[name], **labels()[lang][name]}
    return labels()[name]


def ui(lang: str = "en") -> dict[str, str]:
    return {**labels()["ui"]["en"], **labels()["ui"].get(lang, {})}


def sector_label(slug: str | None, lang: str = "en") -> str:
    table = _table("sectors", lang)
    return table.get(slug, slug or table[None])


def sector_adjective(slug: str | None, lang: str = "en") -> str:
    table = labels()["sector_adjectives"].get(lang) or labels()["sector_adjectives"]["en"]
    return table.get(slug, table[None])


def status_label(status: str | None, lang: str = "en") -> str:
    table = _table("statuses", lang)
    return table.get(status, status or table[None])


def field_label(field: str, lang: str = "en") -> str:
    return _table("fields", lang).get(field, field)


def nationwide(lang: str = "en") -> str:
    return {"en": "Kazakhstan (nationwide)"}.get(lang) or _table("regions", lang).get("nationwide", "Kazakhstan")


def region_group(entry: dict, lang: str = "en") -> str:
    names = entry.get("region_names") or []
    if not names:
        if entry.get("kind") == "program":
            return nationwide(lang)
        return _table("regions", lang)["none"]
    if len(names) > 1:
        return _table("regions", lang)["several"]
    return names[0]


def short_amount(value: float | None, lang: str = "en") -> str:
    """1_300_000_000_000 -> '1.3 trn'; keeps three significant figures, drops trailing zeros."""
    if value is None:
        return ""
    scales = labels()[lang]["scales"] if lang != "en" and "scales" in labels().get(lang, {}) else labels()["scales"]
    for divisor, suffix in scales:
        if abs(value) >= divisor:
            scaled = value / divisor
            text = f"{scaled:,.2f}" if scaled < 10 else f"{scaled:,.1f}" if scaled < 100 else f"{scaled:,.0f}"
            if "." in text:
                text = text.rstrip("0").rstrip(".")
            return f"{text} {suffix}"
    return f"{value:,.0f}"


def tenge(value: float | None, lang: str = "en") -> str:
    if value is None:
        return ""
    return f"{short_amount(value, lang)} " + ("тенге" if lang == "ru" else "tenge")


def dollars(value: float | None, lang: str = "en") -> str:
    return f"US${short_amount(value, lang)}" if value is not None else ""


def figure(field: str, value: Any, lang: str = "en") -> str:
    """A changed figure as the reader should see it."""
    if value is None:
        return "не указано" if lang == "ru" else "not stated"
    if field == "status":
        return status_label(value, lang)
    if field == "investment_kzt":
        return tenge(value, lang)
    if field == "investment_usd":
        return dollars(value, lang)
    if field in ("jobs", "project_count"):
        return f"{int(value):,}"
    return str(value)
