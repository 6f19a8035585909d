"""When a project happens, as `YYYY`, `YYYY-Qn` or `YYYY-MM`, resolved against the publication date.

Day-level dates are not periods here: in news text they are almost always the date of the
meeting or the press release ("said on Jan. 10"), not of the project.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from .folding import compile_folded
from .vocabulary import FLAGS, WORD_START, _first_chars, fast, vocabulary

# "(?<!\d)(?:19|20)\d\d(?!\d)" written to open with a literal, which the engine skips to quickly
YEAR_LIKE_RE = re.compile(r"(?:19|20)(?<!\d\d\d)\d\d(?!\d)")
YEAR = r"((?:19|20)\d\d)"
ROMAN_OR_DIGIT = r"(iv|i{1,3}|і{1,3}v?|іv|[1-4])"


@dataclass
class Period:
    value: str
    start: int
    end: int
    relative: bool  # needed the publication date


@lru_cache(maxsize=1)
def _patterns():
    cues = vocabulary().cues
    month_alts = {int(n): "|".join(stems) for n, stems in cues["months"].items()}
    month_any = "|".join(f"(?P<m{n}>{alt})" for n, alt in month_alts.items())
    quarter_word = "(?:" + "|".join(cues["quarter_words"]) + r")\w*"
    quarter_ord = {}
    for n, words in cues["quarters"].items():
        for w in words:
            quarter_ord[w.lower()] = int(n)
    ord_alt = "|".join(sorted((re.escape(w) for w in quarter_ord), key=len, reverse=True))
    # one scan for every relative phrase; the group's name carries the year offset
    all_phrases = [p for ps in cues["relative_years"].values() for p in ps]
    ahead = _first_chars(all_phrases)
    groups = "|".join(f"(?P<r{i}>" + "|".join(phrases) + ")" for i, phrases in enumerate(cues["relative_years"].values()))
    rel = (compile_folded((f"(?={ahead})" if ahead else "") + WORD_START + "(?:" + groups + r")\w*"),
           {f"r{i}": int(offset) for i, offset in enumerate(cues["relative_years"])})
    month_ahead = _first_chars([stem for stems in cues["months"].values() for stem in stems] + ["last", "прошлом", "прошлого", "өткен"])
    quarter_ahead = _first_chars(list(quarter_ord) + ["q"])
    return {
        "quarter": compile_folded(
            (f"(?={quarter_ahead})" if quarter_ahead else "") + WORD_START + r"(?:(?P<ord>" + ord_alt + r")(?:-?(?:st|nd|rd|th|м|ші|шы))?\s+" + quarter_word +
            r"|q(?P<q>[1-4]))(?:\s+(?:of\s+)?(?:(?P<year>(?:19|20)\d\d)|(?P<this>this year|the year|этого года|текущего года|биылғы)))?"),
        "quarter_ord": quarter_ord,
        "month": compile_folded(
            (f"(?={month_ahead})" if month_ahead else "") + WORD_START + r"(?:(?P<last>last|прошлом|прошлого|өткен)\s+)?(?:" + month_any + r")\w*\.?"
            r"(?:\s+(?P<day>\d{1,2})\b)?(?:,?\s+(?:of\s+)?(?:(?P<year>(?:19|20)\d\d)|(?P<this>this year|этого года|текущего года|биылғы жыл\w*)|(?P<lastyear>last year|прошлого года)))?"),
        "day_before_month": re.compile(r"\b\d{1,2}\s+$"),
        "year": compile_folded(r"(?=[12])" + WORD_START + YEAR + r"(?!\d)(?!\s*[-–]\s*\d)"),
        "relative": rel,
        "quarter_hint": compile_folded(r"(?:" + "|".join(cues["quarter_words"]) + r"|\bq[1-4]\b)"),
        # words without which a sentence holds no period (a sentence with a year is always read)
        "hint": fast([stem for stems in cues["months"].values() for stem in stems] + all_phrases
                     + cues["quarter_words"] + [r"q[1-4]\b"], WORD_START),
        "month_names": month_alts,
        "month_groups": [(n, f"m{n}") for n in month_alts],
    }


def find_periods(text: str, published: date | None) -> list[Period]:
    """Every period expression in the sentence, in text order; relative ones need `published`."""
    pats = _patterns()
    if not YEAR_LIKE_RE.search(text) and not pats["hint"].search(text):
        return []
    found: list[Period] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    def add(value: str | None, m_start: int, m_end: int, relative: bool):
        taken.append((m_start, m_end))
        if value:
            found.append(Period(value, m_start, m_end, relative))

    for m in (pats["quarter"].finditer(text) if pats["quarter_hint"].search(text) else ()):
        n = int(m.group("q")) if m.group("q") else pats["quarter_ord"].get(m.group("ord").lower())
        if not n:
            continue
        year = int(m.group("year")) if m.group("year") else None
        if year is None:
            ym = re.match(r"\s*(?:of\s+)?" + YEAR, text[m.end():m.end() + 12]) or \
                re.search(YEAR + r"\D{0,12}$", text[max(0, m.start() - 20):m.start()])
            year = int(ym.group(1)) if ym else (published.year if published else None)
        add(f"{year}-Q{n}" if year else None, m.start(), m.end(), not m.group("year"))
    for m in pats["month"].finditer(text):
        if not free(m.start(), m.end()):
            continue
        month = next(n for n, name in pats["month_groups"] if m.start(name) >= 0)
        if m.group("day") or pats["day_before_month"].search(text[max(0, m.start() - 4):m.start()]):
            taken.append((m.start(), m.end()))  # a day date: the news event, not the project
            continue
        word = m.group(0).split()[0].lower()
        if len(word) <= 4 and word.rstrip(".") in {"may", "mar", "jun", "jul", "dec", "nov", "oct", "sep", "aug", "apr", "jan", "feb", "sept"} \
                and not (m.group("year") or m.group("this") or m.group("last") or m.group("lastyear")) \
                and not re.search(r"\b(?:in|by|until|since|from|last|next)\s+$", text[max(0, m.start() - 8):m.start()], FLAGS):
            continue  # "may" the verb, a bare abbreviation
        if m.group("year"):
            year = int(m.group("year"))
        elif published is None:
            add(None, m.start(), m.end(), True)
            continue
        elif m.group("last") or m.group("lastyear"):
            year = published.year - 1 if (m.group("lastyear") or month >= published.month) else published.year
        else:
            year = published.year
        add(f"{year}-{month:02d}", m.start(), m.end(), not m.group("year"))
    rel_re, offsets = pats["relative"]
    for m in rel_re.finditer(text):
        if free(m.start(), m.end()):
            offset = offsets[m.lastgroup]
            add(str(published.year + offset) if published else None, m.start(), m.end(), True)
    for m in pats["year"].finditer(text):
        if free(m.start(), m.end()) and not re.match(r"\s*(?:%|percent|projects?|проект|жоба)", text[m.end():], FLAGS):
            # a year written in a day date ("10.01.2023", "10 января 2023 года") is the news date
            if re.search(r"\d[./]\d{1,2}[./]$", text[max(0, m.start() - 6):m.start()]):
                continue
            add(m.group(1), m.start(), m.end(), False)
    found.sort(key=lambda p: p.start)
    return found
