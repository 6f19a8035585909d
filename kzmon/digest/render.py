"""Digest data -> subject, HTML and plain text.

Everything taken from the web (titles, evidence, company names, even URLs) is untrusted:
the HTML environment autoescapes, and a URL becomes a link only if it is http(s).
"""
from __future__ import annotations

from collections import defaultdict
from datetime import date
from functools import lru_cache
from urllib.parse import urlsplit

import jinja2

from . import labels

TEMPLATES = jinja2.PackageLoader("kzmon.digest", "templates")
EVIDENCE_CHARS = 320


def safe_url(url: str | None) -> str | None:
    """Only absolute http(s) URLs become links; 'javascript:' and the like stay text."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    if parts.scheme.lower() in ("http", "https") and parts.netloc and not any(c in url for c in "\"'<> \n\r\t"):
        return url.strip()
    return None


def clip(text: str | None, limit: int = EVIDENCE_CHARS) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def grouped(entries: list[dict]) -> list[tuple[str, list[tuple[str, list[dict]]]]]:
    """Entries by region, then sector; the catch-all groups last, biggest investment first."""
    tree: dict[str, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
    for entry in entries:
        tree[labels.region_group(entry)][labels.sector_label(entry.get("sector"))].append(entry)
    catch_all = (labels.labels()["regions"]["several"], labels.labels()["regions"]["none"])

    def amount(entry: dict) -> float:
        return -(entry.get("investment_usd") or 0) * 1e6 - (entry.get("investment_kzt") or 0)

    return [
        (region, [(sector, sorted(items, key=amount)) for sector, items in sorted(sectors.items())])
        for region, sectors in sorted(tree.items(), key=lambda kv: (kv[0] in catch_all, catch_all.index(kv[0])
                                                                    if kv[0] in catch_all else 0, kv[0]))
    ]


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def subject(data: dict, day: date) -> str:
    t = data["totals"]
    parts = [_plural(t["projects"], "new project")]
    if t["programs"]:
        parts.append(_plural(t["programs"], "program"))
    parts.append(_plural(t["updates"], "update"))
    return f"kzmon digest {day.isoformat()}: " + ", ".join(parts)


@lru_cache(maxsize=2)
def _environment(html: bool) -> jinja2.Environment:
    env = jinja2.Environment(loader=TEMPLATES, autoescape=html, trim_blocks=True, lstrip_blocks=True,
                             undefined=jinja2.StrictUndefined)
    env.filters.update(
        tenge=labels.tenge, dollars=labels.dollars, status=labels.status_label, sector=labels.sector_label,
        figure=labels.figure, field=labels.field_label, safe_url=safe_url, clip=clip,
    )
    return env


def _context(data: dict, day: date, recipient: str | None, filters: dict | None) -> dict:
    return {
        "data": data, "day": day, "day_long": f"{day.day} {day:%B %Y}", "subject": subject(data, day),
        "new_groups": grouped(data["new"]), "updates": data["updates"], "health": data["health"],
        "totals": data["totals"], "recipient": recipient, "filters": filters or {},
    }


def render_html(data: dict, day: date, recipient: str | None = None, filters: dict | None = None) -> str:
    return _environment(True).get_template("digest.html.j2").render(_context(data, day, recipient, filters))


def render_text(data: dict, day: date, recipient: str | None = None, filters: dict | None = None) -> str:
    return _environment(False).get_template("digest.txt.j2").render(_context(data, day, recipient, filters))
