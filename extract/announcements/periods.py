"""When a project happens, as `YYYY`, `YYYY-Qn`, `YYYY-MM` or `YYYY-MM-DD`, resolved against the publication date.

Day-level dates are periods only as "today"/"сегодня"/"бүгін" in a sentence that reports a
launch: elsewhere in news text a day date is almost always the date of the meeting or the
press release ("said on Jan. 10"), not of the project. Years that are background (a range of
past years, "back in 2011", "since 2017"), part of a name ("EXPO-2017") or the date of a
sub-event (the first test car, pilot output) are left out: they are not when the project
happens. Word lists: extract/data/months.yaml.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache


from .figures import year_counts_jobs
from .folding import compile_folded
from .vocabulary import DATA_DIR, FLAGS, WORD_START, _first_chars, fast, status_of, vocabulary
from kzmon.extract.data_files import load_yaml

# "(?<!\d)(?:19|20)\d\d(?!\d)" written to open with a literal, which the engine skips to quickly
YEAR_LIKE_RE = re.compile(r"(?:19|20)(?<!\d\d\d)\d\d(?!\d)")
YEAR = r"((?:19|20)\d\d)"
ROMAN_OR_DIGIT = r"(iv|i{1,3}|і{1,3}v?|іv|[1-4])"


class TextYear(date):
    """The article's year when nothing dates it: a year the text itself gives (see `year_in_text`).
    It resolves "this year" and "next year", never a day or a month ("today", "this month")."""
    year_only = True


def _year_only(published: date | None) -> bool:
    return getattr(published, "year_only", False)


# a target year ("by 2030", "до 2025 года", "2030 жылға дейін") says nothing of when the article was written
TARGET_BEFORE = re.compile(r"(?:\bby|\buntil|\btill|\bthrough|\bдо|\bк|\bпо)\s+(?:the\s+end\s+of\s+|конца\s+)?$", FLAGS)
TARGET_AFTER = re.compile(r"\s*(?:жыл\w*\s+)?(?:дейін|қарай)", FLAGS)


# "2000-нан астам", "2000-ға жуық": a Kazakh case ending and "more than"/"about" after a number
KK_AMOUNT_TAIL = re.compile(r"-?(?:нан|нен|дан|ден|тан|тен|ға|ге|қа|ке)?\s+(?:астам|артық|жуық|шамасында)\b", re.IGNORECASE)


def _after_case_ending(text: str, end: int) -> int:
    m = KK_AMOUNT_TAIL.match(text, end)
    return m.end() if m else end


def year_in_text(text: str, today: date | None = None) -> TextYear | None:
    """The latest year an undated article mentions, not in the future, not a target ("by 2030"),
    not a name ("EXPO-2017"), not inside a range: news reports its own year and looks back from it,
    so the latest past year it names is, more often than any other, the year it was written."""
    today = today or date.today()
    best = None
    for m in YEAR_LIKE_RE.finditer(text or ""):
        year = int(m.group(0))
        if year > today.year or year < 1991 or (best is not None and year <= best):
            continue
        before, after = text[max(0, m.start() - 20):m.start()], text[m.end():m.end() + 20]
        if re.search(r"[^\W\d_]-$|\d[-–]$", before) or re.match(r"\s*[-–]\s*\d", after):
            continue
        if TARGET_BEFORE.search(before) or TARGET_AFTER.match(after):
            continue
        if year_counts_jobs(text, m.start(), _after_case_ending(text, m.end())):
            continue    # "более 2000 рабочих мест", "2000-нан астам жұмыс орны": jobs, not the article's year
        best = year
    return TextYear(best, 7, 1) if best else None


@dataclass
class Period:
    value: str
    start: int
    end: int
    relative: bool  # needed the publication date


@lru_cache(maxsize=1)
def _period_words() -> dict:
    """The period word lists of months.yaml (relative days and months, background cues)."""
    with open(DATA_DIR / "months.yaml", encoding="utf-8") as fh:
        data = load_yaml(fh)

    def alt(words: list[str]) -> str:
        return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))

    days = {w: int(offset) for offset, ws in data["relative_days"].items() for w in ws}
    return {
        "day": compile_folded(WORD_START + r"(?P<w>" + alt(list(days)) + r")(?!\w)"),
        "day_offsets": {w.lower(): o for w, o in days.items()},
        "month": compile_folded(WORD_START + r"(?:" + alt(data["relative_months"]) + r")\w*"),
        "half": compile_folded(WORD_START + r"(?:" + alt(data["half_year_words"]) + r")\w*"),
        "background_before": compile_folded(WORD_START + r"(?:" + alt(data["background_before"]) + r")\s+(?:the\s+)?$"),
        "background_after": compile_folded(r"\s*(?:г\.|года|годы|году|жылы|жылдан|жыл)?\s*(?:" + alt(data["background_after"]) + r")"),
        "range": compile_folded(WORD_START + r"(?:" + alt(data["range_before"]) + r")\s+" + YEAR + r"(?:\s*(?:г\.|года|year))?\s+(?:"
                                + alt(data["range_between"]) + r")\s+" + YEAR),
        "sub_event": compile_folded(WORD_START + r"(?:" + alt(data["sub_event_words"]) + r")"),
        "pluperfect": compile_folded(r"(?:" + "|".join(data["background_clause"]) + r")"),
        "past_before": compile_folded(WORD_START + r"(?:" + alt(data["background_sentence_before"]) + r")\s+(?:the\s+)?$"),
        "past_after": compile_folded(r"\s*(?:г\.|года|году|жылы)?\s*(?:" + alt(data["background_sentence_after"]) + r")"),
        "reminder": compile_folded(r"^\W*(?:" + alt(data["reminder_openers"]) + r")\b"),
    }


def _launch_day(text: str) -> bool:
    """A sentence that reports a launch or the start of works as news: the day it names
    ("today", "on June 20") is the project's day."""
    return status_of(text) in ("commissioned", "under_construction")


def _day_date(m, day_before, month: int, published: date | None) -> str | None:
    """YYYY-MM-DD of "June 20[, 2021]" / "20 июня [2021 года]"; the year, when not written, is the
    publication's (or the one before, for a month still ahead of it)."""
    day = int(m.group("day") or day_before.group(0).strip())
    if m.group("year"):
        year = int(m.group("year"))
    elif published is not None and not _year_only(published):
        year = published.year - 1 if month > published.month else published.year
    else:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


# clauses of news: "... back in 2021; this week a full-cycle factory opened"
NEWS_CLAUSE_SEP = re.compile(r";|,\s+(?:and|while|but|а|и|но|ал|бірақ)\s", re.IGNORECASE)


def told_as_background(text: str) -> bool:
    """"Планы построить Жанатасскую ВЭС озвучивались ещё в 2011 году", "back in 2011 ... planned to":
    a sentence whose years are all told as the past (months.yaml background_sentence_*) tells of a
    plan or a milestone before the news, not a project of its own (the spec: background)."""
    words = _period_words()
    years = list(YEAR_LIKE_RE.finditer(text))
    if years and words["reminder"].match(text):
        return True     # "Напомним, в апреле 2024 года Казахстан и Россия заключили соглашение ..."
    if not years or not all(words["past_before"].search(text[max(0, m.start() - 25):m.start()])
                            or words["past_after"].match(text, m.end(), min(len(text), m.end() + 30)) for m in years):
        return False
    # "... back in 2021; this week a full-cycle factory opened": a clause without a year of the past is news
    clauses = [c for c in NEWS_CLAUSE_SEP.split(text) if c.strip()]
    return all(YEAR_LIKE_RE.search(c) for c in clauses)


def _background(text: str, start: int, end: int) -> bool:
    """A year told as background or as the date of a sub-event, not of the project itself."""
    words = _period_words()
    before = text[max(0, start - 25):start]
    if words["background_before"].search(before) or words["background_after"].match(text, end, min(len(text), end + 30)):
        return True
    if re.search(r"[^\W\d_]-$", before):
        return True   # "EXPO-2017", "Казахстан-2050": a name, not a date
    clause = re.split(r"[;:]|,\s+(?:and|while|а|и|with)\s|\.\s", text[max(0, start - 70):start])[-1]
    if words["sub_event"].search(clause):
        return True
    rest = re.split(r"[;:]|,\s+(?:and|while|but|а|и|but|ал|бірақ)\s|\.\s", text[end:])[0]
    return bool(words["pluperfect"].search(clause + text[start:end] + rest))


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
    words = _period_words()
    if not YEAR_LIKE_RE.search(text) and not pats["hint"].search(text) and not words["day"].search(text) \
            and not words["month"].search(text):
        return []
    found: list[Period] = []
    taken: list[tuple[int, int]] = []
    for m in words["range"].finditer(text):
        taken.append((m.start(), m.end()))   # "с 2015 по 2018 годы": past years, not the project's time

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
        if _background(text, m.start(), m.end()):
            taken.append((m.start(), m.end()))
            continue
        year = int(m.group("year")) if m.group("year") else None
        if year is None:
            # "first quarter of 2025, with full output to follow in the second quarter": 2025
            ym = re.match(r"\s*(?:of\s+)?" + YEAR, text[m.end():m.end() + 12]) or \
                re.search(YEAR + r"(?!.*(?:19|20)\d\d)", text[:m.start()])
            year = int(ym.group(1)) if ym else (published.year if published else None)
        add(f"{year}-Q{n}" if year else None, m.start(), m.end(), not m.group("year"))
    for m in pats["month"].finditer(text):
        if not free(m.start(), m.end()):
            continue
        month = next(n for n, name in pats["month_groups"] if m.start(name) >= 0)
        day_before = pats["day_before_month"].search(text[max(0, m.start() - 4):m.start()])
        if m.group("day") or day_before:
            # a day date is the news event ("said on Jan. 10"), unless the sentence reports the
            # launch or the start of works that happened that day ("opened on June 20")
            value = _day_date(m, day_before, month, published) if _launch_day(text) and \
                not _background(text, m.start(), m.end()) else None
            add(value, m.start(), m.end(), not m.group("year"))
            continue
        word = m.group(0).split()[0].lower()
        if len(word) <= 4 and word.rstrip(".") in {"may", "mar", "jun", "jul", "dec", "nov", "oct", "sep", "aug", "apr", "jan", "feb", "sept"} \
                and not (m.group("year") or m.group("this") or m.group("last") or m.group("lastyear")) \
                and not re.search(r"\b(?:in|by|until|since|from|last|next)\s+$", text[max(0, m.start() - 8):m.start()], FLAGS):
            continue  # "may" the verb, a bare abbreviation
        if _background(text, m.start(), m.end()):
            taken.append((m.start(), m.end()))
            continue
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
    if published is not None and not _year_only(published):
        for m in words["day"].finditer(text):
            if free(m.start(), m.end()) and _launch_day(text):
                day = date.fromordinal(published.toordinal() + words["day_offsets"].get(m.group("w").lower(), 0))
                add(day.isoformat(), m.start(), m.end(), True)
        for m in words["month"].finditer(text):
            if free(m.start(), m.end()):
                add(f"{published.year}-{published.month:02d}", m.start(), m.end(), True)
    rel_re, offsets = pats["relative"]
    for m in rel_re.finditer(text):
        if free(m.start(), m.end()):
            offset = offsets[m.lastgroup]
            add(str(published.year + offset) if published else None, m.start(), m.end(), True)
    for m in pats["year"].finditer(text):
        if free(m.start(), m.end()) and not re.match(r"\s*(?:%|percent|projects?|проект|жоба)", text[m.end():], FLAGS) \
                and not year_counts_jobs(text, m.start(1), _after_case_ending(text, m.end(1))):   # "более 2000 рабочих мест": jobs, not a year
            # a year written in a day date ("10.01.2023", "10 января 2023 года") is the news date
            if re.search(r"\d[./]\d{1,2}[./]$", text[max(0, m.start() - 6):m.start()]):
                continue
            if _background(text, m.start(), m.end()):
                taken.append((m.start(), m.end()))
                continue
            add(m.group(1), m.start(), m.end(), False)
    found.sort(key=lambda p: p.start)
    return found
