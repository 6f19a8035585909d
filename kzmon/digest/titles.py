"""Readable titles in the digest's language, companies that are companies, capacities in words.

The extractor's title is in the article's own words and language ("медеплавильный завод",
"жоба", "projects"). The digest shows it when it is in the digest's language and says
something; otherwise a short label built from data files (data/concepts.yaml for display names,
extract/data/concepts.yaml for the en/ru/kk stems), keeping the original beside it.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from kzmon.extract.data_files import load_yaml

from . import labels

DATA = Path(__file__).with_name("data") / "concepts.yaml"

_LATIN = re.compile(r"[A-Za-z]")
_CYRILLIC = re.compile(r"[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]")


@lru_cache(maxsize=1)
def data() -> dict:
    with DATA.open(encoding="utf-8") as f:
        return load_yaml(f)


def concept_in(text: str | None) -> str | None:
    """The concept named earliest in the text that the digest has a label for (at one place,
    the more specific one: extract/data/concepts.yaml lists those first)."""
    from kzmon.extract.concepts import first_concept

    return first_concept(text, set(data()["display"]))


def concept_label(concept: str, lang: str) -> str:
    names = data()["display"][concept]
    return names.get(lang) or names["en"]


def script_language(text: str | None) -> str | None:
    """'en' for Latin-only text, 'cyr' for text with Cyrillic letters, None for neither."""
    if not text:
        return None
    if _CYRILLIC.search(text):
        return "cyr"
    return "en" if _LATIN.search(text) else None


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s-]", " ", (text or "").lower()).split())


def is_generic(title: str | None) -> bool:
    norm = _norm(title or "")
    if not norm or len(norm) < 4:
        return True
    generic = {_norm(t) for t in data()["generic_titles"]}
    return norm in generic


_DANGLING = {"of", "for", "and", "the", "with", "to", "in", "a", "an", "on", "by", "по", "и", "в", "для", "на", "с"}


def is_truncated(title: str | None) -> bool:
    """A title cut off by the extractor: ends on a preposition, a hyphen, or a word stem."""
    words = (title or "").split()
    if not words:
        return True
    last = words[-1].lower().strip(".,;:")
    if last in _DANGLING or title.rstrip().endswith(("-", "…", "...")):
        return True
    # A single lower-case word is rarely a title ("предприят", "metallurgy").
    return len(words) == 1 and words[0][:1].islower() and concept_in(title) is None


_VAGUE = re.compile(r"^(?:(?:state-of-the-art|starting|new|modern|large|major|first|big|the|a|an|this|that|"
                    r"новый|новое|новая|крупный|крупное|первый|жаңа|ірі)\s+)+", re.IGNORECASE)
_LEAD_JUNK = re.compile(r"^(?:ltd|llp|jsc|board|work|as|a|an|the|and|of)\s+", re.IGNORECASE)
_MONEY = re.compile(r"(?:\bkzt\s?\d|\d\s?(?:bn|mn|billion|million|trillion)\b|\btenge\b|\$|\bjobs\b|\bтенге\b|\bтеңге\b)",
                    re.IGNORECASE)


def tidy_title(title: str) -> str:
    """Drop a date fragment or a stray leading word the extractor took along
    ("Nov Universal Energy wind farm", "Ltd plant to make cast glass")."""
    title = _MONTH_LEAD.sub("", title.strip())
    return _LEAD_JUNK.sub("", title)


def is_noisy(title: str | None) -> bool:
    """A title that carries pieces of the sentence around it: money or job figures, a
    possessive, an unbalanced bracket, a comma, or more than ten words."""
    text = title or ""
    return bool(_MONEY.search(text) or re.search(r"['’]s\b", text) or text.count("(") != text.count(")")
                or "," in text or len(text.split()) > 10)


def usable_title(title: str | None, lang: str, record_language: str | None) -> bool:
    """The extractor's title can be shown as it is in a digest in `lang`."""
    if is_generic(title) or is_truncated(title) or is_noisy(title):
        return False
    if is_generic(_VAGUE.sub("", title or "")):
        return False
    script = script_language(title)
    if lang == "en":
        return script == "en"
    return script == "cyr" and record_language == lang


def strip_agencies(title: str) -> str:
    for name in data()["not_companies"]:
        title = re.sub(re.escape(name), "", title, flags=re.IGNORECASE)
    return " ".join(title.split())


# --- companies ------------------------------------------------------------------------------

_DEMONYMS = {"chinese", "kazakh", "kazakhstan", "russian", "turkish", "korean", "japanese", "german", "american",
             "indian", "uzbek", "investments", "investment", "group", "company", "holding", "ltd", "llp", "jsc"}


def is_company(name: str) -> bool:
    low = name.lower()
    if any(bad in low for bad in data()["not_companies"]):
        return False
    if _MONEY.search(name) or re.search(r"['’]s\b", name) or low.strip(" .") in _DEMONYMS:
        return False
    if _is_place(name):
        return False
    words = name.split()
    # A single inflected Cyrillic word ("Актогайским", "Балхашский") is a place or an adjective.
    return not (len(words) == 1 and _CYRILLIC.search(name) and re.search(r"(ский|ским|ского|ая|ой|ого|ым)$", low))


@lru_cache(maxsize=2048)
def _is_place(name: str) -> bool:
    """The whole name is a region or city of the gazetteer ("АСТАНА", "Almaty")."""
    try:
        from kzmon.extract.regions import find_regions
    except ImportError:
        return False
    text = " ".join(w[:1].upper() + w[1:].lower() if w.isupper() and len(w) > 3 else w for w in name.split())
    return any(len(m.surface) >= 0.8 * len(text) for m in find_regions(text))


_MONTH_LEAD = re.compile(r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)\.?\s+(?=[A-Z])", re.IGNORECASE)


def companies(records: list[dict], primary: dict | None, lang: str) -> list[str]:
    """Companies named for the entry: each named in at least a third of the reports that name
    any (or in the one shown), no state agencies, no places, the shorter of near-duplicates."""
    import json

    counts: dict[str, int] = {}
    naming = 0
    for rec in records:
        names = [c for c in json.loads(rec.get("companies") or "[]") if c and is_company(c)]
        naming += bool(names)
        for name in dict.fromkeys(names):
            counts[name] = counts.get(name, 0) + 1
    keep = [name for name, n in sorted(counts.items(), key=lambda kv: -kv[1])
            if naming < 3 or n * 3 >= naming]
    out: list[str] = []
    for name in keep:
        if any(other.lower() in name.lower() for other in keep if other != name):
            continue  # "Группа KAZ Minerals" when "KAZ Minerals" is there
        out.append(name)
    if lang == "en" and any(script_language(n) == "en" for n in out):
        out = [n for n in out if script_language(n) == "en"] + [n for n in out if script_language(n) != "en"][:1]
    return out[:4]


# --- capacity -------------------------------------------------------------------------------

_NUMBER = r"(?P<num>\d[\d\s\u00a0]*(?:[.,]\d+)?)"
_SCALES = [(r"тыс(?:\.|яч[аи]?)?|мың", "thousand"), (r"млн\.?|миллион\w*", "million"),
           (r"млрд\.?|миллиард\w*", "billion")]
_UNITS = [(r"мвт|мегаватт\w*", "MW"), (r"гвт|гигаватт\w*", "GW"), (r"тонн\w*|тонна|т\b", "tonnes"),
          (r"кубометр\w*|куб\.? ?м\w*|текше метр", "cubic metres"), (r"шин\w*|шина", "tyres"),
          (r"автомобил\w*|машин\w*|көлік", "vehicles"), (r"лифт\w*", "lifts"), (r"квт[·*]?ч|квт[·*]?сағ", "kWh"),
          (r"голов\w*|бас\b", "head of livestock"), (r"колесн\w* пар\w*", "wheelsets"),
          (r"комбайн\w*|трактор\w*|техник\w*", "machines"), (r"бутыл\w*", "bottles")]
_PER = [(r"в год|ежегодно|жылына|в течение года", "a year"), (r"в сутки|тәулігіне|в день", "a day"),
        (r"в час|сағатына", "an hour"), (r"в смену", "a shift")]


def capacity_in(capacity: str | None, lang: str, record_language: str | None) -> str | None:
    """The capacity in the digest's language: as stated when it already is, else the number,
    scale, unit and period in words ("300 тыс. тонн катодной меди в год" -> "300 thousand tonnes
    a year"); None when it cannot be read (the original is then shown with the original title)."""
    if not capacity:
        return None
    if lang != "en":
        return capacity if script_language(capacity) != "en" or record_language == lang else capacity
    if script_language(capacity) != "cyr":
        return capacity
    low = capacity.lower()
    number = re.search(_NUMBER, low)
    if not number:
        return None
    rest = low[number.end():].strip()
    scale = ""
    for pattern, word in _SCALES:
        m = re.match(pattern, rest)
        if m:
            scale, rest = word, rest[m.end():].strip()
            break
    unit = next((word for pattern, word in _UNITS if re.match(pattern, rest)), None)
    if unit is None:
        return None
    per = next((word for pattern, word in _PER if re.search(pattern, rest)), "")
    num = number.group("num").replace("\u00a0", " ").strip().replace(" ", ",").replace(",", "", 0)
    if "," in num and re.fullmatch(r"\d+,\d{1,2}", num):
        num = num.replace(",", ".")
    return " ".join(part for part in (num, scale, unit, per) if part)


# --- labels built from the record -----------------------------------------------------------

def _ru_projects(n: int) -> str:
    if n % 10 == 1 and n % 100 != 11:
        return "проект"
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return "проекта"
    return "проектов"


def place_phrase(region_names: list[str], lang: str) -> str:
    ui = labels.ui(lang)
    if not region_names:
        return ui["nationwide"]
    if len(region_names) > 2:
        return ui["several_regions_lower"]
    return f"{ui['in']} {' & '.join(region_names)}"


def program_description(entry: dict, lang: str, *, with_place: bool = True) -> str:
    """'186 industrial projects nationwide, 2026' / '52 metallurgy projects'."""
    count = entry.get("project_count")
    sector = entry.get("sector")
    sector_word = labels.sector_adjective(sector, lang)
    if lang == "ru":
        noun = _ru_projects(count) if count else "проекты"
        if sector_word.endswith("ых"):  # an adjective goes before the noun: "186 промышленных проектов"
            noun, sector_word = sector_word, noun
        text = " ".join(p for p in (str(count) if count else "", noun, sector_word) if p)
    else:
        noun = "project" if count == 1 else "projects"
        text = " ".join(p for p in (str(count) if count else "", sector_word, noun) if p)
    if with_place:
        text += " " + place_phrase(entry.get("region_names") or [], lang)
    if entry.get("status") == "commissioned":
        text += ", " + labels.ui(lang)["commissioned_short"]
    return text[:1].upper() + text[1:]


def project_label(entry: dict, texts: list[str | None], lang: str) -> str | None:
    """A facility label from the first text that names a concept, with a Latin company name."""
    concept = None
    for text in texts:
        concept = concept_in(text)
        if concept:
            break
    if concept is None:
        return None
    label = concept_label(concept, lang)
    company = next((c for c in entry.get("companies") or [] if script_language(c) == "en" or lang != "en"), None)
    if company and company.lower() not in label.lower():
        label = f"{company} {label}"
    return label[:1].upper() + label[1:]


def project_description(entry: dict, lang: str) -> str:
    """No concept found: sector and place ('Machinery project in Kostanay Region')."""
    ui = labels.ui(lang)
    sector = entry.get("sector")
    head = labels.sector_adjective(sector, lang) if sector else ""
    text = f"{head} {ui['project_word']}".strip() if head else ui["industrial_project"]
    return (text[:1].upper() + text[1:]) + " " + place_phrase(entry.get("region_names") or [], lang)
