"""One sentence read once (figures, periods, places, cue flags) and the facts inside a span of it.

Records are built from spans of sentences (an item of a list, a clause); these helpers say
which money, jobs, places, companies and periods fall inside a span and describe a project
rather than the economy.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date
from functools import cached_property

from ..regions import RegionMatch, find_regions
from .companies import find_companies, find_company_spans
from .draft import Draft
from .figures import Figure, find_figures
from .periods import Period, find_periods
from .sentences import Sentence
from .vocabulary import FLAGS, cue_regex, sector_of, status_of, vocabulary

MONEY_FIELDS = {"kzt": "investment_kzt", "usd": "investment_usd"}


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
    def economy(self) -> bool:
        """The sentence reports the economy (a region's output, an industry's investment, exports),
        not a project: a macro or economy cue, no project count, and no facility with a status of its own."""
        if not self.figures or any(f.kind == "count" for f in self.figures):
            return False    # nothing to mislead a record with, or a pool of projects
        if not (vocabulary().macro_re.search(self.text) or cue_regex("economy_patterns").search(self.text)):
            return False
        if cue_regex("subcount_patterns").search(self.text):
            return False
        from .titles import facility_phrase, has_facility_head
        if not status_of(self.text) or not has_facility_head(self.text):
            return True
        phrase = facility_phrase(self.text)
        return not (phrase and phrase.rank == 1 and not self.plural_facility(phrase))

    def plural_facility(self, phrase) -> bool:
        return bool(cue_regex("plural_facility_patterns").match(self.text, phrase.head_start))

    @cached_property
    def ranking(self) -> bool:
        return bool(vocabulary().ranking_re.search(self.text))

    @cached_property
    def social(self) -> bool:
        return bool(vocabulary().social_re.search(self.text))

    @cached_property
    def abroad(self) -> bool:
        """The sentence places its subject in another country and names no place in Kazakhstan."""
        return not self.regions and bool(cue_regex("abroad_patterns").search(self.text)) and \
            not cue_regex("home_patterns").search(self.text)

    @cached_property
    def tranche(self) -> bool:
        """The sentence states a year's allocation, whose money is no project's total."""
        return bool(cue_regex("tranche_year_patterns").search(self.text)) and \
            bool(cue_regex("tranche_verb_patterns").search(self.text))

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


def _start(region: RegionMatch) -> int:
    return region.start


def analyse(sentence: Sentence, doc_regions: list[RegionMatch], language: str | None, published: date | None) -> Analysis:
    text = sentence.text
    if sentence.start >= 0 and not sentence.headline:
        a, b = sentence.start, sentence.start + len(text)
        # find_regions gives text order: the sentence's places are one slice, found by bisection
        # rather than by a pass over the whole article's places for every sentence
        first, last = bisect_left(doc_regions, a, key=_start), bisect_left(doc_regions, b, key=_start)
        regions = [RegionMatch(r.code, r.start - a, r.end - a, r.surface, r.level) for r in doc_regions[first:last]]
    else:
        regions = find_regions(text)
    return Analysis(sentence, regions, language, published)


# ---------------------------------------------------------------- helpers on spans

def in_span(span: tuple[int, int], pos: int) -> bool:
    return span[0] <= pos < span[1]


def blank_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """text with the spans blanked out (same length, so positions hold)."""
    for a, b in spans:
        text = text[:a] + " " * (b - a) + text[b:]
    return text


JOBS_CLAUSE_CUT = re.compile(r"[;,]\s+(?:and\s+|и\s+|а\s+|ал\s+|және\s+)?|\s+(?:and|и|және)\s+")


def _clause_start(text: str, floor: int, fig_start: int) -> int:
    """Where the figure's own clause begins (after the last comma, semicolon or "and" before it)."""
    cuts = [m.end() for m in JOBS_CLAUSE_CUT.finditer(text, floor, fig_start)]
    return cuts[-1] if cuts else floor


def is_macro(text: str, fig_start: int, floor: int) -> bool:
    """A macro cue between the anchor (floor) and the figure marks an economy-wide figure;
    a figure before the anchor ("құны 3,3 млрд теңге болатын төрт нысан") is read from the start."""
    window = text[floor:fig_start] if fig_start >= floor else text[:fig_start]
    return bool(vocabulary().macro_re.search(window))


# Said right after a money figure, these make it no project's total: money already spent, a loan, a
# year's output in Kazakh word order (cues.yaml)
NOT_TOTAL_AFTER = ("spent_after_patterns", "lending_after_patterns", "output_after_patterns")


def money_in(an: Analysis, span: tuple[int, int], floor: int, context_currency: str | None) -> list[tuple[str, float]]:
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
        macro = last_macro if restatement else (is_macro(an.text, f.start, floor) or an.tranche
                                                or any(cue_regex(cue).match(an.text, f.end) for cue in NOT_TOTAL_AFTER)
                                                or bool(cue_regex("spent_before_patterns").search(an.text, max(0, f.start - 40), f.start)))
        currency = f.currency or last_currency or context_currency
        if f.currency:
            last_currency = f.currency
        last_macro, prev_end = macro, f.end
        if in_span(span, f.start) and not macro and currency and not _share_of_next(an, f):
            out.append((currency, float(f.value)))
    return out


# "will put in 50 million dollars of the project's 100 million": a part of the figure after it
SHARE_OF = re.compile(r"\s*(?:of|out of|из)\s+(?:the\s+|its\s+)?(?:project'?s\s+|total\s+|overall\s+|общ\w+\s+)?"
                      r"(?:[$₸]|US\$|KZT\s?)?\d", FLAGS)


def _share_of_next(an: Analysis, f) -> bool:
    """A money figure that is a share of the money figure right after it (the investor's part
    of the total): the spec counts the project's total, never the share."""
    m = SHARE_OF.match(an.text, f.end)
    return m is not None and any(g.kind == "money" and m.end() - 1 <= g.start <= m.end() + 6 for g in an.figures)


def apply_figures(d: Draft, an: Analysis, span: tuple[int, int], floor: int, context_currency: str | None,
                   only_missing: bool) -> bool:
    """Copy money, jobs, area, capacity of the span into d; True when something was taken."""
    took = False
    for currency, value in money_in(an, span, floor, context_currency):
        attr = MONEY_FIELDS[currency]
        if getattr(d, attr) is None:
            setattr(d, attr, value)
            took = True
    for f in an.figures:
        if not in_span(span, f.start):
            continue
        # jobs are decided by their own clause: "The plant will add to the country's economic
        # output and create more than 520 permanent jobs" (money keeps the whole window: "GDP
        # grew 5% and investment reached 2 trillion tenge" is the economy's)
        if is_macro(an.text, f.start, _clause_start(an.text, floor, f.start) if f.kind == "jobs" else floor):
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


def period_in(an: Analysis, span: tuple[int, int]) -> str | None:
    inside = [p for p in an.periods if in_span(span, p.start)]
    return inside[0].value if inside else None


def at_venue(text: str, place: RegionMatch, patterns: str, before: int = 40) -> bool:
    """A place named with a venue of cues.yaml `patterns` ("at the forum in Astana", "елордадағы Орталық
    коммуникациялар қызметінде"): where people met, not where a project stands."""
    venue = cue_regex(patterns)
    return bool(venue.search(text, max(0, place.start - before), place.start) or venue.search(text, place.end, place.end + 40))


def regions_in(an: Analysis, span: tuple[int, int]) -> list[str]:
    if an.ranking:
        return []
    codes: list[str] = []
    for r in an.regions:
        if not in_span(span, r.start) or r.code in codes:
            continue
        if re.search(r"\bfrom\s+(?:the\s+)?$|\bиз\s+$", an.text[max(0, r.start - 10):r.start], FLAGS):
            continue  # investors from a place
        if at_venue(an.text, r, "venue_patterns", before=30) or at_venue(an.text, r, "briefing_venue_patterns", before=30):
            continue  # the place of a meeting or forum
        codes.append(r.code)
    # "Turkistan Textile will build a spinning mill in Taraz": a place inside a firm's name is
    # where the firm comes from; it counts only when the clause names no other place
    inside, outside = [], set()
    for r in an.regions:
        if in_span(span, r.start) and r.code in codes:
            if any(s <= r.start and r.end <= e and name != r.surface for name, s, e in an.companies):
                inside.append(r.code)
            else:
                outside.add(r.code)
    if inside and len(inside) < len(codes):
        codes = [c for c in codes if c in outside]
    return codes


def companies_in(an: Analysis, span: tuple[int, int]) -> list[str]:
    names = [name for name, s, e in an.companies if span[0] <= s and e <= span[1]]
    return list(dict.fromkeys(names))


def has_substance(text: str) -> bool:
    voc = vocabulary()
    return bool(voc.facility_re.search(text) or sector_of(text)[0] or find_companies(text))
