"""Digest data -> subject, HTML and plain text.

Everything taken from the web (titles, evidence, company names, even URLs) is untrusted:
the HTML environment autoescapes, and a URL becomes a link only if it is http(s).
"""
from __future__ import annotations

import quopri
import re
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


def grouped(entries: list[dict], lang: str = "en") -> list[tuple[str, list[tuple[str, list[dict]]]]]:
    """Entries by region, then sector; the catch-all groups last, biggest investment first."""
    tree: dict[str, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
    for entry in entries:
        tree[labels.region_group(entry, lang)][labels.sector_label(entry.get("sector"), lang)].append(entry)
    catch_all = (labels.nationwide(lang), labels.region_group({"region_names": ["a", "b"]}, lang),
                 labels.region_group({"region_names": []}, lang))

    def amount(entry: dict) -> tuple:
        return (-(entry.get("usd") or 0), -(entry.get("investment_kzt") or 0))

    return [
        (region, [(sector, sorted(items, key=amount)) for sector, items in sorted(sectors.items())])
        for region, sectors in sorted(tree.items(), key=lambda kv: (kv[0] in catch_all, catch_all.index(kv[0])
                                                                    if kv[0] in catch_all else 0, kv[0]))
    ]


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def subject(data: dict, day: date) -> str:
    """The day's counts; failing sources first, unmistakably when all failed."""
    t = data["totals"]
    health = data.get("health") or {}
    failing = len(health.get("failing") or [])
    lead = ""
    if health.get("all_failing"):
        lead = f"ALL {failing} SOURCES FAILING, nothing collected — "
    elif failing:
        lead = f"{_plural(failing, 'source')} failing — "
    parts = [_plural(t["projects"], "new project")]
    if t["programs"]:
        parts.append(_plural(t["programs"], "programme"))
    parts.append(_plural(t["updates"], "update"))
    if data.get("history"):
        parts.append(f"history of {data['history']['announcements']} older reports summarised")
    return f"kzmon digest {day.isoformat()}: " + lead + ", ".join(parts)


def _lang(data: dict) -> str:
    return (data.get("settings") or {}).get("language", "en")


@lru_cache(maxsize=4)
def _environment(html: bool, lang: str = "en") -> jinja2.Environment:
    env = jinja2.Environment(loader=TEMPLATES, autoescape=html, trim_blocks=True, lstrip_blocks=True,
                             undefined=jinja2.Undefined)  # optional keys (watch_hits, children, changes) are absent, not errors
    env.filters.update(
        tenge=lambda v: labels.tenge(v, lang), dollars=lambda v: labels.dollars(v, lang),
        status=lambda v: labels.status_label(v, lang), sector=lambda v: labels.sector_label(v, lang),
        figure=lambda f, v: labels.figure(f, v, lang), field=lambda f: labels.field_label(f, lang),
        safe_url=safe_url, clip=clip, short=lambda v: labels.short_amount(v, lang),
        region_names=lambda codes: [labels.region_label(c, lang) for c in codes], by_outlet=by_outlet,
        fmt=lambda template, **kw: template.format(**kw),
    )
    return env


# Compaction levels: the HTML part must stay under data.settings.max_html_bytes (Gmail clips
# a message's HTML at 102 KB). Each level shows less per entry; the last one also drops the
# smallest entries, with a line saying how many and where they are.
LEVELS = [
    {"outlets": 6, "evidence": 320, "children": 12, "max_entries": None},
    {"outlets": 3, "evidence": 200, "children": 8, "max_entries": None},
    {"outlets": 0, "evidence": 140, "children": 5, "max_entries": None},
    {"outlets": 0, "evidence": 0, "children": 3, "max_entries": 60},
    {"outlets": 0, "evidence": 0, "children": 0, "max_entries": 25},
]


def _trim(data: dict, max_entries: int | None) -> tuple[dict, int]:
    if max_entries is None:
        return data, 0
    entries = sorted(data["new"], key=lambda e: -(e.get("usd") or 0))
    keep = {id(e) for e in entries[:max_entries]}
    kept = [e for e in data["new"] if id(e) in keep]
    return {**data, "new": kept}, len(data["new"]) - len(kept)


_RU_MONTHS = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
              "ноября", "декабря")


def _day_long(day: date, lang: str) -> str:
    if lang == "ru":
        return f"{day.day} {_RU_MONTHS[day.month - 1]} {day.year}"
    return f"{day.day} {day:%B %Y}"


def _context(data: dict, day: date, recipient: str | None, filters: dict | None, level: dict | None = None,
             hidden: int = 0) -> dict:
    lang = _lang(data)
    health = data["health"]
    return {
        "data": data, "day": day, "day_long": _day_long(day, lang), "subject": subject(data, day),
        "new_groups": grouped(data["new"], lang), "updates": data["updates"], "health": health,
        "totals": data["totals"], "recipient": recipient, "filters": filters or {},
        "t": labels.ui(lang), "lang": lang, "glance": data.get("glance") or {"regions": [], "sectors": [], "top3": []},
        "watched": data.get("watched") or [], "history": data.get("history"), "gone_quiet": data.get("gone_quiet"),
        "rate": data.get("rate") or {}, "level": level or LEVELS[0], "hidden": hidden,
    }


def by_outlet(sources: list[dict], skip_first: bool = True) -> list[dict]:
    """Other reports, one line per outlet with its languages (Kazinform [en, ru, kk])."""
    out: dict[str, dict] = {}
    for s in sources[1:] if skip_first else sources:
        key = s.get("outlet") or s.get("source_id") or s.get("source")
        if key not in out:
            name = re.sub(r"\s*\((en|ru|kk)\)$", "", s.get("source") or "")
            out[key] = {"source": name, "url": s.get("url"), "languages": [], "official": s.get("official"),
                        "published": s.get("published")}
        if s.get("language") and s["language"] not in out[key]["languages"]:
            out[key]["languages"].append(s["language"])
    return sorted(out.values(), key=lambda o: (not o["official"], o["published"] or ""))


def html_size(text: str) -> int:
    """Bytes of the HTML part as mailed: quoted-printable (message.py) makes each Cyrillic
    letter six bytes, so the encoded size is what must stay under the clipping limit."""
    raw = text.encode("utf-8")
    return max(len(raw), len(quopri.encodestring(raw)))


def render_html(data: dict, day: date, recipient: str | None = None, filters: dict | None = None) -> str:
    """The HTML part, compacted level by level until it fits the size budget."""
    budget = (data.get("settings") or {}).get("max_html_bytes", 95_000)
    template = _environment(True, _lang(data)).get_template("digest.html.j2")
    page = ""
    for level in LEVELS:
        shown, hidden = _trim(data, level["max_entries"])
        page = template.render(_context(shown, day, recipient, filters, level, hidden))
        if html_size(page) <= budget:
            return page
    return page


def render_text(data: dict, day: date, recipient: str | None = None, filters: dict | None = None) -> str:
    return _environment(False, _lang(data)).get_template("digest.txt.j2").render(
        _context(data, day, recipient, filters))
