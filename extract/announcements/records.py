"""From sentences to announcement records.

Reading order of the pipeline:

1. every sentence is analysed once (`Analysis`): figures, periods, places, cues;
2. an *anchor* sentence opens records:
   - project counts ("206 projects", "Of these, 14 ...") open programs;
   - "These projects include X in A and Y in B" opens one project per item under the program;
   - a facility noun with a status cue and something specific (sector, company, place,
     figure) opens projects, one per item when places or companies separate them;
   - a facility noun in the plural with a status cue ("plants ... are to be built") opens
     an uncounted program;
3. any other sentence *continues* the latest record, filling only what it lacks
   ("Approximately 2,500 jobs are expected to be created there");
4. afterwards: the headline confirms a body record, duplicates merge, places and periods
   are inherited from the program or the article, and statuses get a default.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from datetime import date

from ..regions import RegionMatch, find_regions
from .companies import find_companies, find_company_spans
from .figures import NUMBER_RE, Figure, find_figures, parse_number
from .periods import Period, find_periods
from .sentences import Sentence, split_sentences
from .vocabulary import FLAGS, _all_sectors, any_of, cue_regex, sector_of, status_of, vocabulary

CLAUSE_SEP = re.compile(r",?\s+(?:while|whereas|but|а(?! также)|но|тогда как|ал|ал енді)\s+|;\s+|,\s+and\s+(?=the\b|a\b|an\b)", FLAGS)
CONJUNCTION = re.compile(r",?\s+(?:and|as well as|а также|и|және|мен|бен|пен)\s+|,\s+", FLAGS)
TITLE_STOP_LEFT = {
    "a", "an", "the", "of", "in", "at", "to", "by", "with", "for", "from", "on", "into", "as", "its", "their", "this",
    "these", "that", "is", "are", "was", "were", "has", "have", "will", "be", "launch", "include", "includes", "including",
    "с", "в", "во", "на", "по", "для", "и", "а", "также", "о", "об", "из", "к", "у", "что", "как", "это",
    "мен", "және", "бен", "пен", "үшін", "туралы", "болатын", "құны",
}
TITLE_STOP_RIGHT = {"in", "at", "by", "with", "will", "is", "are", "was", "were", "has", "have", "в", "во", "на", "будет", "будут",
                    "which", "that", "who", "который", "которая", "которое", "которые", "able", "designed", "to",
                    "also", "too", "также", "тоже", "бар", "де", "да"}
WORD_RE = re.compile(r"[^\W\d][\w'’/-]*|\d[\d.,]*", FLAGS)
MONEY_FIELDS = {"kzt": "investment_kzt", "usd": "investment_usd"}


@dataclass
class Draft:
    kind: str
    title: str
    position: int
    status: str | None = None
    sector: str | None = None
    regions: list[str] = field(default_factory=list)
    companies: list[str] = field(default_factory=list)
    project_count: int | None = None
    investment_kzt: float | None = None
    investment_usd: float | None = None
    jobs: int | None = None
    jobs_construction: bool = False
    area_m2: float | None = None
    capacity: str | None = None
    period: str | None = None
    evidence: list[str] = field(default_factory=list)
    parent: "Draft | None" = None
    national: bool = False
    headline: bool = False
    context_period: str | None = None   # the period of the program the article named before this project

    def numbers(self) -> dict[str, float]:
        return {k: v for k, v in (("project_count", self.project_count), ("investment_kzt", self.investment_kzt),
                                  ("investment_usd", self.investment_usd), ("jobs", self.jobs), ("area_m2", self.area_m2))
                if v is not None}

    def add_evidence(self, text: str) -> None:
        if text not in self.evidence:
            self.evidence.append(text)

    def to_record(self) -> dict:
        def whole(v):
            return int(round(v)) if isinstance(v, float) and abs(v - round(v)) < 1e-6 else v
        return {
            "kind": self.kind, "title": self.title, "status": self.status, "sector": self.sector,
            "regions": list(self.regions), "companies": list(self.companies), "project_count": self.project_count,
            "investment_kzt": whole(self.investment_kzt), "investment_usd": whole(self.investment_usd), "jobs": self.jobs,
            "area_m2": whole(self.area_m2), "capacity": self.capacity, "period": self.period,
            "evidence": " ".join(self.evidence),
        }


class Analysis:
    """One sentence, read once: figures, periods and places up front, cue flags on first use."""

    def __init__(self, sentence: Sentence, regions: list[RegionMatch], language: str | None, published: date | None):
        self.sentence = sentence
        self.text = sentence.text
        self.regions = regions                      # offsets relative to the sentence
        self.figures: list[Figure] = find_figures(self.text, language)
        self.periods: list[Period] = find_periods(self.text, published)

    @cached_property
    def companies(self) -> list[tuple[str, int, int]]:
        return find_company_spans(self.text, self.region_spans())

    @cached_property
    def ranking(self) -> bool:
        return bool(vocabulary().ranking_re.search(self.text))

    @cached_property
    def social(self) -> bool:
        return bool(vocabulary().social_re.search(self.text))

    @cached_property
    def national(self) -> bool:
        return bool(vocabulary().national_re.search(self.text))

    @cached_property
    def backref(self) -> bool:
        return bool(vocabulary().backref_re.search(self.text))

    @cached_property
    def total(self) -> bool:
        return bool(vocabulary().total_re.search(self.text))

    def region_spans(self) -> list[tuple[int, int]]:
        return [(r.start, r.end) for r in self.regions]


def analyse(sentence: Sentence, doc_regions: list[RegionMatch], language: str | None, published: date | None) -> Analysis:
    text = sentence.text
    if sentence.start >= 0 and not sentence.headline:
        a, b = sentence.start, sentence.start + len(text)
        regions = [RegionMatch(r.code, r.start - a, r.end - a, r.surface, r.level) for r in doc_regions if a <= r.start < b]
    else:
        regions = find_regions(text)
    return Analysis(sentence, regions, language, published)


# ---------------------------------------------------------------- helpers on spans

def _in(span: tuple[int, int], pos: int) -> bool:
    return span[0] <= pos < span[1]


def _is_macro(text: str, fig_start: int, floor: int) -> bool:
    """A macro cue between the anchor (floor) and the figure marks an economy-wide figure;
    a figure before the anchor ("құны 3,3 млрд теңге болатын төрт нысан") is read from the start."""
    window = text[floor:fig_start] if fig_start >= floor else text[:fig_start]
    return bool(vocabulary().macro_re.search(window))


def _money_in(an: Analysis, span: tuple[int, int], floor: int, context_currency: str | None) -> list[tuple[str, float]]:
    """Money figures inside span that describe the project, currency resolved."""
    out = []
    last_currency = None
    last_macro = False
    prev_end = -10
    for f in an.figures:
        if f.kind != "money":
            continue
        # a figure in parentheses right after another restates it in a second currency
        restatement = an.text[prev_end:f.start].strip() in ("(", "(approximately", "(about", "(around", "(over", "(more than", "- (")
        macro = last_macro if restatement else _is_macro(an.text, f.start, floor)
        currency = f.currency or last_currency or context_currency
        if f.currency:
            last_currency = f.currency
        last_macro, prev_end = macro, f.end
        if _in(span, f.start) and not macro and currency:
            out.append((currency, float(f.value)))
    return out


def _apply_figures(d: Draft, an: Analysis, span: tuple[int, int], floor: int, context_currency: str | None,
                   only_missing: bool) -> bool:
    """Copy money, jobs, area, capacity of the span into d; True when something was taken."""
    took = False
    for currency, value in _money_in(an, span, floor, context_currency):
        attr = MONEY_FIELDS[currency]
        if getattr(d, attr) is None:
            setattr(d, attr, value)
            took = True
    for f in an.figures:
        if not _in(span, f.start) or _is_macro(an.text, f.start, floor):
            continue
        construction = "construction" in f.notes
        if f.kind == "jobs":
            if d.jobs is None or (d.jobs_construction and not construction):
                d.jobs, d.jobs_construction, took = f.value, construction, True
        elif f.kind == "area" and d.area_m2 is None:
            d.area_m2, took = f.value, True
        elif f.kind == "capacity" and d.capacity is None:
            d.capacity, took = f.value, True
    return took


def _period_in(an: Analysis, span: tuple[int, int]) -> str | None:
    inside = [p for p in an.periods if _in(span, p.start)]
    return inside[0].value if inside else None


def _regions_in(an: Analysis, span: tuple[int, int]) -> list[str]:
    if an.ranking:
        return []
    codes: list[str] = []
    venue = cue_regex("venue_patterns")
    for r in an.regions:
        if not _in(span, r.start) or r.code in codes:
            continue
        if re.search(r"\bfrom\s+(?:the\s+)?$|\bиз\s+$", an.text[max(0, r.start - 10):r.start], FLAGS):
            continue  # investors from a place
        if venue.search(an.text, max(0, r.start - 30), r.start) or venue.search(an.text, r.end, r.end + 40):
            continue  # the place of a meeting or forum
        codes.append(r.code)
    return codes


def _companies_in(an: Analysis, span: tuple[int, int]) -> list[str]:
    names = [name for name, s, e in an.companies if span[0] <= s and e <= span[1]]
    return list(dict.fromkeys(names))


def _has_substance(text: str) -> bool:
    voc = vocabulary()
    return bool(voc.facility_re.search(text) or sector_of(text)[0] or find_companies(text))


# ---------------------------------------------------------------- titles

def _words_before(text: str, end: int, limit: int = 5) -> int:
    """Start of the noun phrase that ends at `end` (modifiers before a facility noun)."""
    start = end
    count = 0
    for m in reversed(list(WORD_RE.finditer(text[:end]))):
        gap = text[m.end():start]
        if re.search(r"[,.;:()«»\"—–]", gap) or m.group(0).lower() in TITLE_STOP_LEFT or m.group(0)[0].isdigit() \
                or PLACE_NOUN.match(m.group(0)):
            break
        if vocabulary().kzt_re.match(m.group(0)) or vocabulary().scale_re.fullmatch(m.group(0)):
            break
        start = m.start()
        count += 1
        if count >= limit:
            break
    return start


def _words_after(text: str, start: int, limit: int = 6) -> int:
    end = start
    count = 0
    for m in WORD_RE.finditer(text, start):
        gap = text[end:m.start()]
        if re.search(r"[.;:()«»\"—–]", gap) or (count == 0 and "," in gap and not re.match(
                r",\s+(?:focused|focusing|specializ|producing|making|designed|выпускающ|производящ|который|которая|которое)", text[end:], FLAGS)):
            break
        if "," in gap and count > 0 and not re.match(r",\s+(?:который|которая|которое|which|that)", text[end:], FLAGS):
            break
        w = m.group(0).lower()
        if w in TITLE_STOP_RIGHT or w[0].isdigit():
            break
        end = m.end()
        count += 1
        if count >= limit:
            break
    return end


def _title(item: str, companies: list[str], status_hint: int | None = None) -> str:
    """A short description in the article's words: modifiers + facility noun + complement."""
    voc = vocabulary()
    facilities = list(voc.facility_re.finditer(item))
    title = ""
    if facilities:
        after = [f for f in facilities if status_hint is not None and 0 <= f.start() - status_hint <= 60]
        if after:
            fac = after[0]
        elif status_hint is not None:
            fac = min(facilities, key=lambda m: abs(m.start() - status_hint))
        else:
            fac = facilities[0]
        end = re.compile(r"\w*").match(item, fac.end()).end()
        # a run of facility nouns is one head: "production plant", "шығару өндірісі"
        while True:
            nxt = voc.facility_re.match(item, end + 1) if item[end:end + 1] == " " else None
            if not nxt:
                break
            end = re.compile(r"\w*").match(item, nxt.end()).end()
        start = _words_before(item, fac.start())
        end = _words_after(item, end)
        # a status verb is not part of the name: "возведут металлургический комбинат", "зауыты пайдалануға берілді"
        for rx in vocabulary().status_patterns.values():
            for sm in rx.finditer(item, max(0, start - 40), end):
                if sm.end() <= fac.start():
                    start = max(start, sm.end())
                elif sm.start() >= fac.end():
                    end = min(end, sm.start())
        title = item[start:end]
    if not title or len(title.split()) < 2 and not facilities:
        cleaned = re.sub(r"^[\s,;:–—-]*(?:(?:and|as well as|а также|и|және|including|include|includes|В их числе|В частности)\b[\s,–—-]*)*",
                         "", item, flags=FLAGS)
        cleaned = re.split(r"\s+(?:in|at|в|во)\s+(?:the\s+)?[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]|\s*\(", cleaned)[0]
        title = " ".join(cleaned.split()[:10])
    title = re.sub(r"[\s,;:(–—-]+$", "", " ".join(title.split()))
    for c in companies[:1]:
        if c.lower() not in title.lower():
            title = f"{c} {title}"
    return title.strip()


# ---------------------------------------------------------------- items

PLACE_NOUN = re.compile(r"(?:област|облыс|region|oblast|район|аудан|district|город|қала)", FLAGS)
PLACE_WORD = re.compile(r"(?:аудан|қала|облыс|район|город|област|в|во|на)", FLAGS)
NEW_NP = re.compile(r"^(?:an?|one more|another)\s+(?:[\w-]+\s+){0,3}?", FLAGS)


def _second_facility(left: str, right: str) -> bool:
    """"A flour mill ... and a meat processing plant": a second facility with its own sector.
    In English the new noun phrase must open with an article; Russian and Kazakh (no articles)
    need the facility noun within the first three words."""
    voc = vocabulary()
    if not (voc.facility_re.search(left) and sector_of(left)[0]):
        return False
    m = NEW_NP.match(right)
    if m:
        head = voc.facility_re.search(right, m.end(), m.end() + 60)
    elif re.search(r"[a-z]", right[:20]):
        return False
    else:
        words = list(WORD_RE.finditer(right))
        # skip a place written before the noun: "Шу ауданындағы жылыжай кешені", "в Таразе завод"
        while words and (words[0].group(0)[0].isupper() or PLACE_WORD.match(words[0].group(0))):
            words.pop(0)
        words = words[:2]
        if not words or re.search(r"(?:ть|ти|ться)$", words[0].group(0)):
            return False  # a verb ("и обслуживать площадку") continues the same project
        head = next((voc.facility_re.match(right, w.start()) for w in words if voc.facility_re.match(right, w.start())), None)
    return bool(head and sector_of(right[:head.end() + 40])[0])


def _split_items(an: Analysis, span: tuple[int, int]) -> list[tuple[int, int, list[str]]]:
    """Parts of span that each name one project: cut after each place, then at a conjunction
    when both sides carry their own company or facility noun. Returns (start, end, regions)."""
    text = an.text
    cuts = [span[0]]
    regions = [] if an.ranking else [r for r in an.regions if _in(span, r.start)]
    if len({r.start for r in regions}) >= 2:
        # cut at the first separator between two places ("X in A and Y in B", "A-дағы X мен B-дағы Y");
        # without one, right after the first place
        for r, nxt in zip(regions, regions[1:]):
            sep = CONJUNCTION.search(text, r.end, nxt.start)
            if sep:
                cuts.append(sep.start())
            else:
                m = re.match(r"[^\w,;]*\)?", text[r.end:])
                cuts.append(r.end + (m.end() if m else 0))
    cuts.append(span[1])
    pieces = []
    for a, b in zip(cuts, cuts[1:]):
        if text[a:b].strip(" ,;.–—-"):
            pieces.append((a, b))
    # merge pieces without substance into their neighbour
    merged: list[tuple[int, int]] = []
    for a, b in pieces:
        if merged and not _has_substance(text[a:b]):
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    if len(merged) > 1 and not _has_substance(text[merged[0][0]:merged[0][1]]):
        merged[1] = (merged[0][0], merged[1][1])
        merged.pop(0)
    # split further at conjunctions where both sides name a company or a facility
    final: list[tuple[int, int, list[str]]] = []
    for a, b in merged:
        own = _regions_in(an, (a, b))
        sub = [a]
        for m in CONJUNCTION.finditer(text, a, b):
            left, right = text[sub[-1]:m.start()], text[m.end():b]
            if (find_companies(left) and find_companies(right)) or _second_facility(left, right):
                sub.append(m.start())
        sub.append(b)
        for x, y in zip(sub, sub[1:]):
            final.append((x, y, own))
    return final


# ---------------------------------------------------------------- the pass over sentences

@dataclass
class State:
    records: list[Draft] = field(default_factory=list)
    current: Draft | None = None
    program: Draft | None = None
    currency: str | None = None
    language: str | None = None
    published: date | None = None
    sector_context: str | None = None     # the industry the previous sentence talked about


def _subcount_numbers(an: Analysis) -> list[tuple[int, int]]:
    m = vocabulary().cues and cue_regex("subcount_patterns").search(an.text)
    if not m:
        return []
    typed = {f.start: f for f in an.figures}
    out = []
    for n in NUMBER_RE.finditer(an.text, m.end()):
        if n.start() in typed:
            if typed[n.start()].kind == "count":
                out.append((n.start(), int(typed[n.start()].value)))
            continue
        try:
            value = parse_number(n.group(1), "en")
        except ValueError:
            continue
        if value == int(value) and 0 < value < 10000 and not (1990 <= value <= 2100):
            out.append((n.start(), int(value)))
    return out


ELLIPTIC_COUNT = re.compile(r"[–—-]\s*(\d{1,4})(?=\s*(?:[.;,]|$))")


def _coordinated_counts(an: Analysis, counts: list[Figure]) -> list[Figure]:
    """"38 and 19 projects": the first number shares the noun of the second;
    "64 проекта, в ГМК – 31": a dash stands for the noun counted before."""
    extra = []
    typed = {f.start for f in an.figures}
    for m in ELLIPTIC_COUNT.finditer(an.text, counts[-1].end):
        if m.start(1) not in typed:
            extra.append(Figure("count", int(m.group(1)), m.start(1), m.end(1)))
    for f in counts:
        m = re.search(r"(\d[\d,.]*)((?:\s*,\s*\d[\d,.]*)*)\s+(?:and|и|және)\s+$", an.text[:f.start])
        if m:
            for n in re.finditer(r"\d[\d,.]*", m.group(0)):
                extra.append(Figure("count", int(parse_number(n.group(0), "en")), m.start() + n.start(), m.start() + n.end()))
    return sorted(counts + extra, key=lambda f: f.start)


def _status_near(text: str) -> str | None:
    return status_of(text)


def _program_records(an: Analysis, st: State, counts: list[tuple[int, int]], subcount: bool) -> None:
    text = an.text
    voc = vocabulary()
    enum = voc.enumeration_re.search(text, counts[0][0])
    program_end = enum.start() if enum else len(text)
    subpart = cue_regex("subpart_patterns").search(text, counts[-1][0])
    if subpart and not subcount:
        program_end = min(program_end, subpart.start())
    respectively = cue_regex("respectively_patterns").search(text)
    sectors_after: list[str] = []
    if respectively and len(counts) > 1:
        tail = text[counts[-1][0]:respectively.start()]
        pos = 0
        while True:
            slug, where = sector_of(tail[pos:])
            if not slug:
                break
            sectors_after.append(slug)
            m = re.compile(r"\S+").match(tail, pos + where)
            pos = pos + where + (m.end() - m.start() if m else 1)
            if len(sectors_after) == len(counts):
                break
    parent = st.program if subcount else None
    made: list[Draft] = []
    for i, (pos, value) in enumerate(counts):
        nxt = counts[i + 1][0] if i + 1 < len(counts) else program_end
        clause = (0 if i == 0 else pos, nxt if not respectively else program_end)
        if respectively:
            clause = (0, program_end)
        clause_text = text[clause[0]:clause[1]]
        d = Draft("program", "", st_position(an, pos), parent=parent)
        d.project_count = value
        d.status = status_of(text[pos:nxt]) or status_of(clause_text) or (parent.status if parent and subcount else None)
        if respectively and sectors_after:
            d.sector = sectors_after[i] if i < len(sectors_after) else None
        else:
            d.sector = _sector_near(text, pos, counts[i - 1][0] if i else 0, nxt)
            d.sector = d.sector or (sector_of(clause_text)[0] if i == 0 and len(counts) == 1 else None) or \
                (st.sector_context if i == 0 and not subcount else None)
            if subcount and parent and not d.sector:
                d.sector = parent.sector
        span = clause if len(counts) == 1 or respectively else (clause[0], nxt)
        if len(counts) == 1:
            span = (0, program_end)
        _apply_figures(d, an, span, pos, st.currency, only_missing=True)
        d.period = _period_in(an, span) or _period_in(an, (0, len(text)))
        d.regions = _regions_in(an, span)
        d.national = an.national
        d.title = _program_title(text, pos, d.sector, clause_text)
        d.add_evidence(an.text)
        if parent is not None and d.period is None:
            d.period = parent.period
        made.append(d)
    st.records.extend(made)
    st.current = made[-1]
    if not subcount:
        st.program = made[0]
    if enum:
        _item_records(an, st, (enum.end(), len(text)), parent=made[0], listed=True)
    elif subpart and not subcount:
        # "45 projects ..., of which 12 will be launched by the end of the year"
        parts = [(n.start(), int(n.group(1))) for n in NUMBER_RE.finditer(text, subpart.end())
                 if n.start() not in {f.start for f in an.figures} and n.group(1).isdigit() and int(n.group(1)) < 10000
                 and not 1990 <= int(n.group(1)) <= 2100]
        if parts:
            st.program = made[0]
            _program_records(an, st, parts[:1], subcount=True)
            st.program = made[0]


def _sector_near(text: str, pos: int, lo: int, hi: int) -> str | None:
    """The sector cue closest to a count, inside the comma-delimited segment that holds it."""
    seg_start = max([lo] + [m.end() for m in re.finditer(r"[,;]", text[:pos])])
    stop = re.search(r"[,;]", text[pos:hi])
    seg_end = pos + stop.start() if stop else hi
    best = None
    for m in _all_sectors()[0].finditer(text, seg_start, seg_end):
        dist = abs(m.start() - pos)
        if best is None or dist < best[0]:
            best = (dist, m.start())
    return sector_of(text[best[1]:seg_end])[0] if best else None


def _program_title(text: str, pos: int, sector: str | None, clause_text: str) -> str:
    """What the pool is: the sector's word and the counted noun ("metallurgical projects")."""
    voc = vocabulary()
    count = voc.count_after_re.match(text, re.compile(r"\S+").match(text, pos).end()) if re.compile(r"\S+").match(text, pos) else None
    noun = count.group(0).strip() if count else None
    if not noun:
        nouns = list(voc.count_noun_re.finditer(text[:pos])) or list(voc.count_noun_re.finditer(text))
        noun = re.compile(r"[\w-]+").match(text, nouns[-1].start()).group(0) if nouns else "projects"
    sector_m = voc.sector_patterns[sector].search(clause_text) if sector else None
    sector_word = re.compile(r"[\w-]+").match(clause_text, sector_m.start()).group(0) if sector_m else ""
    if sector_word and sector_word.lower() in noun.lower():
        sector_word = ""
    return " ".join(x for x in (sector_word, noun) if x)


def st_position(an: Analysis, pos: int) -> int:
    return an.sentence.start * 10 + pos if an.sentence.start >= 0 else pos


def _without_reporting(an: Analysis, span: tuple[int, int]) -> tuple[int, int]:
    """End the span before a trailing reporting clause ("..., сообщает Kursiv.media")."""
    for m in _reporting_re().finditer(an.text, span[0], span[1]):
        comma = an.text.rfind(",", span[0], m.start())
        if comma > span[0] + 20 and m.start() - comma <= 40 and not re.search(r"\d", an.text[comma:m.start()]):
            return span[0], comma
    return span


@lru_cache(maxsize=1)
def _reporting_re() -> re.Pattern:
    return any_of(vocabulary().cues["reporting_words"])


def _item_records(an: Analysis, st: State, span: tuple[int, int], parent: Draft | None,
                  status_hint: int | None = None, listed: bool = False) -> list[Draft]:
    """Project records for the items of span; `listed` items (a program's "including ...")
    must name a company, a place or a figure, or they are kinds of plants, not projects."""
    made = []
    span = _without_reporting(an, span)
    for a, b, regions in _split_items(an, span):
        item = an.text[a:b]
        if not _has_substance(item):
            continue
        companies = _companies_in(an, (a, b))
        hint = None if status_hint is None else status_hint - a
        if hint is None or not 0 <= hint < len(item):
            cues = [m.start() for rx in vocabulary().status_patterns.values() for m in [rx.search(item)] if m]
            hint = min(cues) if cues else None
        d = Draft("project", _title(item, companies, hint), st_position(an, a), parent=parent)
        d.companies = companies
        d.regions = regions or _regions_in(an, (a, b))
        d.sector = sector_of(_title(item, [], hint))[0] or sector_of(item)[0]   # the noun phrase, not the name
        d.status = status_of(item) or (parent.status if parent else status_of(an.text))
        d.period = _period_in(an, (a, b)) or (parent.period if parent else _period_in(an, (0, len(an.text))))
        _apply_figures(d, an, (a, b), a, st.currency, only_missing=True)
        d.national = an.national
        d.add_evidence(an.text)
        if listed and not (d.companies or d.regions or d.numbers() or d.capacity or status_of(item)):
            continue  # "производство ферросплавов, кирпичные заводы": kinds of plants, not projects
        made.append(d)
    # figures outside every item (before the first) belong to a single project
    if len(made) == 1:
        _apply_figures(made[0], an, (0, len(an.text)), 0, st.currency, only_missing=True)
    st.records.extend(made)
    if made:
        st.current = made[-1]
    return made


def _definite_reference(an: Analysis, fac: re.Match, offset: int = 0, current: Draft | None = None) -> bool:
    """"the factory", "этот завод": a facility named before, unless a name follows the article
    or the sector differs from the open project's ("the KamaTyresKZ tire plant" is new)."""
    start = offset + fac.start()
    before = an.text[max(0, start - 40):start]
    m = re.search(r"\b(the|this|that|these|those|этот|эта|это|этого|данный|данная|данного|бұл|осы|аталған)\s+(?:[\w-]+\s+){0,3}$", before, FLAGS)
    if not m:
        return False
    if m.group(1).lower() != "the":
        return True
    np = before[m.end(1):] + fac.group(0)
    if re.search(r"\b(?:first|second|third|fourth|other|another|next)\b", np, FLAGS) or find_companies(np):
        return False
    sector = sector_of(np)[0]
    return sector is None or (current is not None and current.kind == "project" and current.sector == sector)


def _bare_reference(an: Analysis, clause: tuple[int, int], current: Draft | None) -> bool:
    """"Кәсіпорын жылына ...", "На предприятии ...", "Жобаның құны ...": a facility noun with no
    name, no sector word and no new place, while a project is open, is that project again."""
    if current is None or current.kind != "project":
        return False
    text = an.text[clause[0]:clause[1]]
    np = _title(text, [])
    if sector_of(np)[0] or find_companies(text):
        return False
    places = _regions_in(an, clause)
    return not places or set(places) <= set(current.regions)


def _project_anchor(an: Analysis, current: Draft | None = None) -> tuple[tuple[int, int], int | None, bool] | None:
    """The clause that states a new project (or an uncounted pool), if any."""
    voc = vocabulary()
    clauses = []
    start = 0
    for m in CLAUSE_SEP.finditer(an.text):
        clauses.append((start, m.start()))
        start = m.end()
    clauses.append((start, len(an.text)))
    for a, b in clauses:
        clause = an.text[a:b]
        facs = list(voc.facility_re.finditer(clause))
        if not facs:
            continue
        status_m = None
        for rx in voc.status_patterns.values():
            m = rx.search(clause)
            if m and (status_m is None or m.start() < status_m.start()):
                status_m = m
        own_figures = [f for f in an.figures if _in((a, b), f.start) and f.kind in ("money", "jobs")
                       and not _is_macro(an.text, f.start, a)]
        if status_m is None and not own_figures:
            continue
        hint = status_m.start() if status_m else own_figures[0].start - a
        after = [f for f in facs if 0 <= f.start() - hint <= 60]
        fac = after[0] if after else min(facs, key=lambda f: abs(f.start() - hint))
        if _definite_reference(an, fac, a, current):
            continue
        specific = (sector_of(clause)[0] or _regions_in(an, (a, b))
                    or any(_in((a, b), f.start) and f.kind in ("money", "jobs", "capacity", "area") for f in an.figures))
        if not specific or _bare_reference(an, (a, b), current):
            continue
        plural = bool(cue_regex("plural_facility_patterns").match(clause, fac.start()))
        return (a, b), a + hint, plural
    return None


def _continue(an: Analysis, st: State) -> None:
    target = st.current
    if an.total and st.records:
        programs = [r for r in st.records if r.kind == "program" and not r.headline]
        target = programs[0] if programs else target
    if target is None:
        return
    took = _apply_figures(target, an, (0, len(an.text)), 0, st.currency, only_missing=True)
    # a sentence about the economy (shares, markets, growth) says nothing of the project's time
    economy = bool(vocabulary().macro_re.search(an.text)) or "%" in an.text
    if target.period is None and not economy:
        p = _period_in(an, (0, len(an.text)))
        # an operating plant's plans for next year are not when it was put into operation
        if p and not (target.status == "commissioned" and st.published and int(p[:4]) > st.published.year):
            target.period, took = p, True
    if target.status is None and not economy:
        target.status = status_of(an.text)
    if target.kind == "project" and target.sector is None and not economy:
        target.sector = sector_of(an.text)[0]
    if not target.regions and not an.ranking:
        target.regions = _regions_in(an, (0, len(an.text)))
    if target.kind == "project":
        for c in _companies_in(an, (0, len(an.text))):
            if c not in target.companies:
                target.companies.append(c)
                took = True
    if took:
        target.add_evidence(an.text)


def build_drafts(text: str, published: date | None, language: str | None, title: str | None) -> list[Draft]:
    sentences = split_sentences(text, title)
    doc_regions = find_regions(text)
    st = State(language=language, published=published)
    analyses = [analyse(s, doc_regions, language, published) for s in sentences]
    currencies = [f.currency for an in analyses for f in an.figures if f.kind == "money" and f.currency]
    if currencies:
        st.currency = max(set(currencies), key=currencies.count)
    elif language in ("ru", "kk"):
        st.currency = "kzt"
    headline_drafts: list[Draft] = []
    prev_paragraph = None
    seen: set[str] = set()
    for an in analyses:
        if an.sentence.headline:
            continue
        if an.text in seen:
            continue  # a lead printed twice is one statement
        seen.add(an.text)
        if an.sentence.paragraph != prev_paragraph:
            st.sector_context = None
            prev_paragraph = an.sentence.paragraph
        _one_sentence(an, st)
    for an in analyses:
        if an.sentence.headline:
            sub = State(language=language, published=published, currency=st.currency)
            _one_sentence(an, sub)
            for d in sub.records:
                d.headline = True
            headline_drafts.extend(sub.records)
    return finish(st.records, headline_drafts, analyses, published)


def _one_sentence(an: Analysis, st: State) -> None:
    voc = vocabulary()
    counts = [f for f in an.figures if f.kind == "count"]
    social = an.social and not sector_of(an.text)[0]
    if social:
        st.current = st.program = None
        return
    subs = _subcount_numbers(an)
    if subs:
        if st.program is not None:
            _program_records(an, st, subs, subcount=True)
        return
    if counts:
        counts = _coordinated_counts(an, counts)
        _program_records(an, st, [(f.start, int(f.value)) for f in counts], subcount=False)
        return
    enum = voc.enumeration_re.search(an.text)
    if enum and st.current is not None and st.current.kind == "program" or (enum and st.program and an.backref and st.current is st.program):
        _item_records(an, st, (enum.end(), len(an.text)), parent=st.program, listed=True)
        return
    if an.total:
        _continue(an, st)
        return
    anchor = None if (an.backref and re.match(r"^\W*\w+", an.text) and voc.backref_re.match(an.text.lstrip("«\"“—–- "))) else _project_anchor(an, st.current)
    if anchor is not None:
        span, status_pos, plural = anchor
        if plural and st.program is not None:
            anchor = None
        elif plural:
            d = Draft("program", _title(an.text[span[0]:span[1]], []), st_position(an, span[0]))
            d.status = status_of(an.text[span[0]:span[1]])
            d.sector = sector_of(an.text[span[0]:span[1]])[0]
            d.regions = _regions_in(an, (0, len(an.text)))
            d.period = _period_in(an, (0, len(an.text)))
            d.national = an.national
            _apply_figures(d, an, (0, len(an.text)), 0, st.currency, only_missing=True)
            d.add_evidence(an.text)
            st.records.append(d)
            st.current = st.program = d
            return
    if anchor is not None:
        span, status_pos, plural = anchor
        parent = st.program if re.match(r"^\W*(?:in particular|в частности|также|соның ішінде)", an.text, FLAGS) else None
        made = _item_records(an, st, span, parent=parent, status_hint=status_pos)
        if made:
            return
    # a sentence about an industry lends its sector to a program in the next sentence
    if cue_regex("industry_patterns").search(an.text):
        st.sector_context = sector_of(an.text)[0]
    _continue(an, st)


# ---------------------------------------------------------------- after the pass

def _conflict(a: Draft, b: Draft) -> tuple[int, int]:
    na, nb = a.numbers(), b.numbers()
    agree = conflict = 0
    for k in set(na) & set(nb):
        same = na[k] == nb[k] if k in ("project_count", "jobs") else abs(na[k] - nb[k]) <= 0.015 * max(abs(na[k]), abs(nb[k]))
        agree += same
        conflict += not same
    return agree, conflict


def _fill(into: Draft, other: Draft) -> None:
    for attr in ("status", "sector", "project_count", "investment_kzt", "investment_usd", "jobs", "area_m2", "capacity", "period"):
        if getattr(into, attr) is None and getattr(other, attr) is not None:
            setattr(into, attr, getattr(other, attr))
    if not into.regions:
        into.regions = list(other.regions)
    for c in other.companies:
        if c not in into.companies:
            into.companies.append(c)


def finish(body: list[Draft], headline: list[Draft], analyses: list[Analysis], published: date | None) -> list[Draft]:
    # duplicates: the same program restated ("Биыл 55 млрд теңгелік 15 жобаны ...")
    kept: list[Draft] = []
    for d in body:
        twin = next((k for k in kept if k.kind == d.kind and _conflict(k, d)[1] == 0 and _conflict(k, d)[0] >= 2), None)
        if twin:
            _fill(twin, d)
            for e in d.evidence:
                twin.add_evidence(e)
            continue
        kept.append(d)
    # drop projects with nothing to say (no figure, company, place, sector)
    kept = [d for d in kept if d.kind == "program" or d.numbers() or d.companies or d.regions or d.sector or d.capacity]
    # the headline confirms the body
    for h in headline:
        best = max(kept, key=lambda k: (_conflict(k, h)[0] - 2 * _conflict(k, h)[1]), default=None)
        if best is not None and _conflict(best, h)[0] >= 1 and _conflict(best, h)[1] == 0:
            _fill(best, h)
            continue
        same_kind = [k for k in kept if k.kind == h.kind]
        if len(same_kind) == 1 and _conflict(same_kind[0], h)[1] == 0 and h.numbers():
            _fill(same_kind[0], h)
    # places: the article's one place is the place of its projects (and of its programs when
    # the headline or the first sentence names it), unless a record speaks of the whole country
    place_codes = {c for d in kept for c in d.regions}
    lead = [an for an in analyses if an.sentence.headline]
    first = next((an for an in analyses if not an.sentence.headline), None)
    if first is not None and any(d.kind == "program" and first.text in d.evidence for d in kept):
        lead.append(first)
    lead_codes = {r.code for an in lead for r in an.regions if not an.ranking}
    place_codes |= lead_codes
    if len(place_codes) == 1:
        code = next(iter(place_codes))
        for d in kept:
            if d.regions or d.national:
                continue
            if d.kind == "project" or code in lead_codes:
                d.regions = [code]
    # a project without a period of its own happens when the program before it does
    last_program = None
    for d in kept:
        if d.kind == "program":
            last_program = d
        elif d.period is None and d.parent is None and last_program is not None:
            d.context_period = last_program.period
    for d in kept:
        if d.status is None and d.parent is not None:
            d.status = d.parent.status
        if d.status is None:
            year = int(d.period[:4]) if d.period else None
            d.status = "commissioned" if (year and published and year < published.year) else "planned"
        if d.period is None and d.parent is not None:
            d.period = d.parent.period
        if d.period is None and d.kind == "project":
            d.period = d.context_period
        if d.period is None and d.status == "planned" and published is not None:
            d.period = str(published.year)
        if not d.title:
            d.title = "projects"
    return kept
