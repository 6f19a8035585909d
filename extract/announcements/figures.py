"""Figures in one sentence: money (tenge, US$), jobs, project counts, areas, capacities.

Every figure starts from a number token ("18,000", "1,5", "4 700", "300-ге", "five")
and is typed by what stands right after it (a scale, a currency, "jobs", "projects",
"square meters", "tons ... per year") or right before it ("US$", "employ").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .folding import compile_folded
from .vocabulary import FLAGS, Vocabulary, _load, cue_regex, vocabulary

# Thousands grouped by spaces ("4 700"), by commas ("18,000") or a decimal ("1,5", "464.2");
# a Kazakh case suffix may be hyphenated on ("300-ге", "64-і").
# The same as "(?<![\w.,])(\d{1,3}(?:[ ]\d{3})+(?![\d,.]\d)|\d+(?:[.,]\d+)*)(-[^\W\d]+)?", written to open
# with a digit (the engine then skips to digits) and to test what stands before it after the first one.
NUMBER_RE = re.compile(
    r"(\d(?:(?<![\w.,]\d)|(?<=KZT\d)|(?<=USD\d))(?:\d{0,2}(?:[ \u00a0\u202f]\d{3})+(?![\d,.]\d)|\d*(?:[.,]\d+)*))(-[^\W\d]+)?")
CURRENCY_BEFORE_RE = re.compile(r"(US\s?\$|\$|USD\s?|KZT\s?|₸\s?)$", FLAGS)
RANGE_AFTER_RE = re.compile(r"\s*(?:-|–|—|to|до)\s*\$?\d", FLAGS)
RANGE_BEFORE_RE = re.compile(r"\d\s*(?:-|–|—|to|до)\s*\$?$")
PERCENT_AFTER_RE = re.compile(r"\s*(?:%|percent|per cent|процент|пайыз|-fold|times|раз)", FLAGS)
YEAR_AFTER_RE = re.compile(r"^\s*(?:год|году|года|г\.|жыл|ж\.)", FLAGS)
NOUN_DASH_COUNT_RE = compile_folded(r"(?:проект\w*|projects|жоба\w*)\s*[–—]\s*(\d{1,4})(?=\s*(?:[–—,.;]|$))")
PAREN_COUNT_RE = re.compile(r"\(\s*(\d+)\s*\)")
INVESTMENT_WORD_RE = re.compile(r"\s*(?:инвест|investment|of investment|worth|теңгелік|те\w{0,3}\b|қаржы)", FLAGS)
CLAUSE_BREAK_RE = re.compile(r"\d|[,;]|\band\b|\bwhile\b|\bthen\b|\bи\b|\bа\b|\bзатем\b", FLAGS)
SPACES_RE = re.compile(r"\s*")
WORD_TAIL_RE = re.compile(r"\w*")
GROUPED_RE = re.compile(r"\d{1,3}[ ,]\d{3}")
GAP_BREAK_RE = re.compile(r"[.;:!?]|\d")
WORK_WORD_RE = re.compile(r"работой|трудоустро", FLAGS)
COMMA_RE = re.compile(r"[,;]")
OF_RE = re.compile(r"\s+(?:of|из)\b", FLAGS)
DIGIT_BEFORE_RE = re.compile(r"\d[\s\u00a0]*$")
LEAD_APPROX_RE = re.compile(r"(up to|about|approximately|around|до|порядка|около|over|more than)\s*$", FLAGS)
SENTENCE_CUT_RE = re.compile(r"[.;!?](?:\s+[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]|\s*$)")
WORD_AFTER_RE = re.compile(r"\s*([^\W\d]+)", FLAGS)
LATIN_WORD_RE = re.compile(r"[A-Za-z]+\b")


@dataclass
class Figure:
    kind: str               # money | jobs | count | area | capacity
    value: float | int | str
    start: int
    end: int
    currency: str | None = None   # money: 'kzt' | 'usd' | None (bare, resolved from context)
    notes: set[str] = field(default_factory=set)  # 'construction' for construction-phase jobs


_NO_SPACES = {ord(c): None for c in " \t\n\r\f\v\u00a0\u202f"}


def parse_number(token: str, language: str | None) -> float:
    """A dot is a decimal point; a comma is a decimal comma in ru/kk, a thousands mark in en."""
    token = token.translate(_NO_SPACES)
    if "," in token and "." in token:
        return float(token.replace(",", ""))
    if "," in token:
        groups = token.split(",")
        thousands = all(len(g) == 3 for g in groups[1:])
        if thousands and (language == "en" or len(groups) > 2):
            return float(token.replace(",", ""))
        return float(token.replace(",", "."))
    if token.count(".") > 1:
        return float(token.replace(".", ""))
    return float(token)


JOBS_NOUNS = r"(?:jobs|job places|workplaces|working places|work places|рабочих мест|рабочие места|рабочих места|жұмыс орн\w*)"


@lru_cache(maxsize=1)
def _extra() -> dict:
    """The job wordings of figures.yaml: praise words before "jobs", hires told as people,
    construction-phase words, the permanent figure after "после запуска", coordinated pairs."""
    data = _load("figures.yaml")
    adjectives = "|".join(data["jobs_after_adjectives"])
    nouns = JOBS_NOUNS
    permanent, temporary = "|".join(data["jobs_permanent_words"]), "|".join(data["jobs_temporary_words"])
    return {
        "after": compile_folded(r"\s*(?:(?:new |permanent |новых |постоянных |жаңа |тұрақты )?(?:(?:" + adjectives + r")[\s,]+(?:and\s+)?){1,2}"
                                r"(?:new |permanent |новых |постоянных |жаңа |тұрақты )?" + nouns
                                + r"|адам(?:ды|ға)?\s+тұрақты\s+жұмыс(?:пен|қа|ты|ы)\w*)"),   # "40 адамды тұрақты жұмыспен"
        "pair": compile_folded(r"\s+(?:" + permanent + r")\s+(?:and|и|және|,)\s+[\d\s.,]+(?:thousand|тыс\.?|мың)?\s*(?:"
                               + temporary + r")\s+" + nouns),
        "before": compile_folded("(?:" + "|".join(data["jobs_before_number"]) + ")"),
        "construction": compile_folded("(?:" + "|".join(data["jobs_construction"]) + ")"),
        "after_launch": compile_folded("(?:" + "|".join(data["jobs_after_launch"]) + ")"),
        "approximators": compile_folded("(?:" + "|".join(data["amount_approximators_after"]) + ")"),
        "measure_unit": compile_folded(r"[\s\u00a0-]*(?:" + "|".join(data["measure_units"]) + r")(?!\w)"),
    }


def _number_tokens(text: str, language: str | None, voc: Vocabulary):
    """(value, start, end) for digit numbers and small number words, in text order."""
    out = []
    for m in NUMBER_RE.finditer(text):
        try:
            out.append((parse_number(m.group(1), language), m.start(), m.end(1), m.end()))
        except ValueError:
            continue
    words = [(voc.number_words[m.group(0).lower()], m.start(), m.end()) for m in voc.number_word_re.finditer(text)]
    i = 0
    while i < len(words):
        value, start, end = words[i]
        # tens and units written apart are one number: "он бір" 11, "двадцать пять" 25, "twenty-five"
        if i + 1 < len(words) and value % 10 == 0 and 10 <= value <= 90 and 1 <= words[i + 1][0] <= 9 \
                and TENS_UNITS_GAP.fullmatch(text, end, words[i + 1][1]):
            value, end = value + words[i + 1][0], words[i + 1][2]
            i += 1
        out.append((float(value), start, end, end))
        i += 1
    out.sort(key=_by_start)
    return out


def _by_start(token: tuple) -> int:
    return token[1]


TENS_UNITS_GAP = re.compile(r"[ -]")
GLUED_THOUSANDS_RE = re.compile(r"[kK](?![^\W\d_])")   # "2k jobs", "$300K": thousands written on the number


def _scale_after(text: str, pos: int, voc: Vocabulary) -> tuple[float, int]:
    glued = GLUED_THOUSANDS_RE.match(text, pos)
    if glued:
        return 1e3, glued.end()
    sm = voc.scale_re.match(text, SPACES_RE.match(text, pos).end())
    if sm:
        return voc.scale_of(sm.group(0)), sm.end()
    return 1.0, pos


def _currency_after(text: str, pos: int, voc: Vocabulary) -> tuple[str | None, int]:
    m = voc.currency_re.match(text, SPACES_RE.match(text, pos).end())
    if m:
        return m.lastgroup, WORD_TAIL_RE.match(text, m.end()).end()
    return None, pos


YEAR_PREPOSITION_RE = re.compile(r"\b(?:by|in|until|till|since|from|before|after|through|до|к|в|с|по|после|от)\s+$", re.IGNORECASE)


def year_counts_jobs(text: str, start: int, end: int) -> bool:
    """A year-like number that counts jobs ("более 2000 рабочих мест", "2000 жұмыс орны", "create
    2000 jobs"), not a time ("by 2030 jobs will grow")."""
    if YEAR_PREPOSITION_RE.search(text, max(0, start - 10), start):
        return False
    return bool(vocabulary().jobs_after_re.match(text, end) or _extra()["after"].match(text, end))


def find_figures(text: str, language: str | None = None) -> list[Figure]:
    """All typed figures of a sentence; untyped numbers (years, percentages, dates) are dropped."""
    voc = vocabulary()
    figures: list[Figure] = []
    # capacities need a per-year cue or a capacity word somewhere in the sentence (looked up on first need)
    may_have_capacity = None
    consumed = -1
    for value, start, num_end, token_end in _number_tokens(text, language, voc):
        if token_end > num_end + 1 and LATIN_WORD_RE.match(text, num_end + 1):
            token_end = num_end + 1     # "a 5-hectare site", "100-megawatt": the unit after a hyphen
        before = text[max(0, start - 60):start]
        if PERCENT_AFTER_RE.match(text, token_end):
            continue
        if start < consumed:
            continue    # the second part of "2 трлн 300 млрд", read with the first
        scale, pos = _scale_after(text, token_end, voc)
        amount = value * scale
        # "2 трлн 300 млрд тенге", "6 млрд 200 млн теңге", "1trln 200bln tenge": one amount
        while scale >= 1e6:
            nm = NUMBER_RE.match(text, SPACES_RE.match(text, pos).end())
            if nm is None:
                break
            smaller, after = _scale_after(text, nm.end(), voc)
            if not 1e3 <= smaller < scale:
                break
            try:
                amount += parse_number(nm.group(1), language) * smaller
            except ValueError:
                break
            scale, pos, consumed = smaller, after, nm.end()
        is_year = scale == 1.0 and value == int(value) and 1990 <= value <= 2100 and not GROUPED_RE.match(text, start, num_end)
        # Money: currency before ("US$2.3 billion", "KZT 1.9 tn") or after ("995 billion tenge").
        cur_before = CURRENCY_BEFORE_RE.search(before[-6:]) if before else None
        currency, cur_end = _currency_after(text, pos, voc)
        if RANGE_AFTER_RE.match(text, pos) or RANGE_BEFORE_RE.search(before[-8:]):
            if cur_before or currency or scale >= 1e6:
                continue
        if cur_before and not is_year:
            cb = cur_before.group(1).upper()
            # "$15 billion tenge": a stray dollar sign on a tenge amount; the word after decides
            kzt = "KZT" in cb or "₸" in cb or currency == "kzt"
            figures.append(Figure("money", amount, start - len(cur_before.group(1)), cur_end if currency else pos,
                                  currency="kzt" if kzt else "usd"))
            continue
        if currency:
            figures.append(Figure("money", amount, start, cur_end, currency=currency))
            continue
        if is_year and not year_counts_jobs(text, start, pos):
            continue    # "2000 рабочих мест", "create 2000 jobs": a year's number that counts jobs is jobs
        # Jobs: "18,000 new permanent jobs", "214 адам жұмысқа", "employ 1,000 people".
        jm = voc.jobs_after_re.match(text, pos) or _extra()["after"].match(text, pos)
        pair = _extra()["pair"].match(text, pos)
        if pair:   # "300 permanent and 1,000 temporary jobs": this number is the permanent one
            figures.append(Figure("jobs", int(round(amount)), start, pair.end()))
            continue
        if jm:
            f = Figure("jobs", int(round(amount)), start, jm.end())
            prior = text[max(0, start - 40):start]
            prior = CLAUSE_BREAK_RE.split(prior)[-1]   # only the words of this clause
            # "1,000 jobs during construction and 300 permanent jobs": the phase may follow the noun
            tail = JOBS_TAIL_END_RE.split(text[jm.end():jm.end() + 40], 1)[0]
            if voc.jobs_construction_re.search(text, start, jm.end()) or voc.jobs_construction_re.search(prior) or \
                    _extra()["construction"].search(prior) or (tail and (
                        voc.jobs_construction_re.search(tail) or _extra()["construction"].search(tail))):
                f.notes.add("construction")
            figures.append(f)
            continue
        lead = before[-60:]
        bm = None
        for bm in voc.jobs_before_re.finditer(lead):
            pass
        if bm is None:
            for bm in _extra()["before"].finditer(lead):
                pass
        am = _extra()["after_launch"].search(lead)
        if am and not GAP_BREAK_RE.search(lead[am.end():].strip(" –—-:,")) and any(
                f.kind == "jobs" and "construction" in f.notes for f in figures):
            # "на этапе стройки – 2 тыс. рабочих мест, после запуска – 500": the permanent figure
            figures.append(Figure("jobs", int(round(amount)), start, pos))
            continue
        if bm is not None:
            gap = lead[bm.end():]
            if len(gap) <= 28 and not GAP_BREAK_RE.search(gap):
                pm = voc.people_re.match(text, pos)
                if pm or "мест" in bm.group(0).lower() or WORK_WORD_RE.search(bm.group(0)) or \
                        re.search(r"workforce|staff|headcount", bm.group(0), FLAGS):
                    f = Figure("jobs", int(round(amount)), start, pm.end() if pm else pos)
                    clause = CLAUSE_BREAK_RE.split(text[max(0, start - 60):start])[-1]
                    if voc.jobs_construction_re.search(clause) or _extra()["construction"].search(clause):
                        f.notes.add("construction")   # "на пике строительства будут заняты до 3 тыс. человек"
                    figures.append(f)
                    continue
        if may_have_capacity is None:
            may_have_capacity = bool(voc.per_year_re.search(text) or voc.capacity_lead_re.search(text))
        capacity_lead = may_have_capacity and voc.capacity_lead_re.search(before[-40:]) is not None
        # Area.
        area = None
        am = voc.area_re.match(text, pos)
        if am:
            area = Figure("area", amount * voc.area_factors[am.lastgroup], start, am.end())
        if area and voc.area_not_site_re.search(text, max(0, start - 80), min(len(text), area.end + 60)):
            continue    # the suppliers' fields, not the plant's site
        if area:
            # "20 million square meters of fabric per year" is an output, not a floor area
            rest = text[area.end: area.end + 60]
            ym = voc.per_year_re.search(rest)
            cut = SENTENCE_CUT_RE.search(rest)
            if (ym and (not cut or ym.start() < cut.start()) and not COMMA_RE.search(rest, 0, ym.start())) \
                    or capacity_lead:
                end = area.end + ym.end() if ym else area.end
                figures.append(Figure("capacity", _capacity_text(text, start, end, voc), start, end))
            else:
                figures.append(area)
            continue
        # Capacity: a unit and a per-year cue ("3.5 million tires a year") or a capacity lead word;
        # not what the plant saves or replaces ("equal to cutting 109,500 tons of coal a year").
        um = voc.capacity_unit_re.match(text, pos) if may_have_capacity else None
        if (um or capacity_lead) and not voc.capacity_not_re.search(before):
            rest = text[pos: pos + 120]
            ym = voc.per_year_re.search(rest)
            cut = SENTENCE_CUT_RE.search(rest)
            if ym and (not cut or ym.start() < cut.start()):
                figures.append(Figure("capacity", _capacity_text(text, start, pos + ym.end(), voc), start, pos + ym.end()))
                continue
            if capacity_lead and um:
                figures.append(Figure("capacity", _capacity_text(text, start, um.end(), voc), start, um.end()))
                continue
            # the per-year word before the quantity, in Kazakh word order ("жылына 120 мың тонна цемент"),
            # unless a saving verb follows ("жылына 120 мың тонна көмірді үнемдеуге")
            if um and voc.per_year_re.search(before[-14:]) and not voc.capacity_not_after_re.match(text, um.end()):
                figures.append(Figure("capacity", _capacity_text(text, start, um.end(), voc), start, um.end()))
                continue
        # a power rating ("a 500 MW power plant", "ВЭС на 100 МВт"), not what is saved or replaced
        pw = voc.power_unit_re.match(text, pos)
        if pw and not voc.capacity_not_re.search(before) and not cue_regex("power_not_before").search(before[-30:]) \
                and not cue_regex("power_not_after").match(text, pw.end()):
            figures.append(Figure("capacity", _capacity_text(text, start, pw.end(), voc), start, pw.end()))
            continue
        # Project counts: "206 projects", "21 metallurgy projects", "15 инвестициялық жобаны", "five plants".
        if scale == 1.0 and value == int(value) and not OF_RE.match(text, token_end):
            nm = voc.count_after_re.match(text, pos)
            if nm and not _extra()["measure_unit"].match(text, pos) and _counts_the_noun(text, start, pos, nm.end(), voc):
                figures.append(Figure("count", int(value), start, nm.end()))
                continue
        # Bare money: "122,8 млрд" with the currency elsewhere in the sentence or article.
        approx = _extra()["approximators"].match(text, pos) if scale >= 1e6 else None
        after = approx.end() if approx else pos   # "4 млн-ға жуық қағаз қап": the noun after "about"
        if scale >= 1e6 and (not WORD_AFTER_RE.match(text, after) or INVESTMENT_WORD_RE.match(text, after)):
            figures.append(Figure("money", amount, start, pos, currency=None))
    # "триллион теңгеден асады": a scale word with a currency and no number.
    for m in voc.scale_re.finditer(text):
        if m.start() and (text[m.start() - 1].isalnum() or DIGIT_BEFORE_RE.search(text[max(0, m.start() - 4):m.start()])):
            continue
        currency, cur_end = _currency_after(text, m.end(), voc)
        if currency and voc.scale_of(m.group(0)) >= 1e6 and not any(f.start <= m.start() < f.end for f in figures):
            figures.append(Figure("money", voc.scale_of(m.group(0)), m.start(), cur_end, currency=currency))
    figures.extend(_changed_counts(text, figures))
    figures.extend(_labelled_jobs(text, figures, language, voc))
    # "Больше всего проектов – 52 – относится к металлургии": the noun before a dash and the number
    for m in (NOUN_DASH_COUNT_RE.finditer(text) if "–" in text or "—" in text else ()):
        if not any(f.start == m.start(1) for f in figures):
            figures.append(Figure("count", int(m.group(1)), m.start(1), m.end(1)))
    # "Most of the projects (164)".
    for m in (PAREN_COUNT_RE.finditer(text) if "(" in text else ()):
        if voc.count_noun_re.search(text[max(0, m.start() - 25):m.start()]) and not any(f.start == m.start(1) for f in figures):
            figures.append(Figure("count", int(m.group(1)), m.start(1), m.end(1)))
    figures.sort(key=lambda f: f.start)
    _jobs_before_launch(text, figures)
    return figures


def _jobs_before_launch(text: str, figures: list[Figure]) -> None:
    """"Carrying them out will create above 1,700 jobs, and 510 new workplaces once the plants are put
    into operation": a jobs figure the launch follows is the plant's; the one before it, its building's."""
    launch = _extra()["after_launch"]
    jobs = [f for f in figures if f.kind == "jobs"]
    for earlier, later in zip(jobs, jobs[1:]):
        tail = text[later.end:later.end + 60]
        # the launch right after the figure, or after its noun's words ("510 new workplaces once ...")
        if launch.match(tail.lstrip(" ,")) or launch.match(LEADING_WORDS.sub("", tail, count=1)):
            earlier.notes.add("construction")


LEADING_WORDS = re.compile(r"^\s*(?:[\w-]+\s+){0,2}")


# the words right after a jobs noun up to the next clause or coordinated figure
JOBS_TAIL_END_RE = re.compile(r"[,;.()]|\s(?:and|и|және|а)\s|\d", FLAGS)   # "6,000 jobs while it is being built": the phase goes on past "while"
NUMBER_SIGN_RE = re.compile(r"(?:№|#|\bNo\.?|\bnumber|\bномер)\s*$", FLAGS)
COUNT_GAP_WORD_RE = re.compile(r"[^\W\d][\w-]*", FLAGS)
# Kazakh finite verbs and participles end so; an adjective between a number and its noun never does
KK_VERB_END_RE = re.compile(r"(?:ды|ді|ты|ті|ған|ген|қан|кен|ады|еді|йды|йді|уда|уде)$")


NAME_NUMERAL_RE = re.compile(r"[^\W\d]-$")
# (the accusative "-ды/-ді/-ты/-ті" is in KK_VERB_END_RE, checked beside it)
KK_CASE_END_RE = re.compile(r"(?:да|де|та|те|дан|ден|тан|тен|нан|нен|ға|ге|қа|ке|ны|ні)$")


def _counts_the_noun(text: str, start: int, number_end: int, noun_end: int, voc: Vocabulary) -> bool:
    """"21 metallurgy projects", "15 инвестиционных проектов": only modifiers stand between the number
    and the noun. "парке №2 столицы открылся завод": a number sign, a noun or a verb between says it is not a count."""
    if NUMBER_SIGN_RE.search(text, max(0, start - 8), start):
        return False
    if NAME_NUMERAL_RE.search(text, max(0, start - 2), start):
        return False    # "the Ekibastuz GRES-1 project", "ЖЭО-2 жобасы": the numeral of a facility's name
    words = COUNT_GAP_WORD_RE.findall(text, number_end, noun_end)
    gap = words[:-1]
    if not gap:
        return True
    stop = voc.title_stop_words
    # "14 металлургия жобасы", "5 машина жасау жобасы": before a Kazakh noun the modifiers are Kazakh
    # nouns, whatever letters they are written with, not Russian words to parse
    kazakh_noun = bool(words and cue_regex("kazakh_count_nouns").match(words[-1]))
    for w in gap:
        lw = w.lower()
        if lw in stop or KK_VERB_END_RE.search(lw) or (kazakh_noun and KK_CASE_END_RE.search(lw)):
            return False    # ("5 айында металл өндірісі": a modifier of a Kazakh noun is not in a case)
        if re.search(r"[а-яё]", lw) and not re.search(r"[әғқңөұүһі]", lw) and not kazakh_noun:
            from .titles import ru_parses
            if not any(p.tag.POS in ("ADJF", "PRTF", "NUMR") for p in ru_parses(lw)):
                return False
    return True


def _capacity_text(text: str, start: int, end: int, voc: Vocabulary) -> str:
    """The capacity as stated, with a leading "up to"/"about" kept."""
    lead = text[max(0, start - 20):start]
    m = LEAD_APPROX_RE.search(lead)
    if m:
        start = start - (len(lead) - m.start())
    return " ".join(text[start:end].split())


@lru_cache(maxsize=1)
def _change_patterns() -> tuple[re.Pattern, re.Pattern]:
    data = _load("figures.yaml")
    nouns = "|".join(vocabulary().cues["count_nouns"])
    # "the number of projects", "количество проектов", "жобалардың саны" (the noun before "саны")
    subject = compile_folded(r"(?:(?:" + "|".join(data["count_change_before"][:-1]) + r")\s+(?:[^\W\d]+\s+){0,2}?(?:"
                             + nouns + r")|(?:" + nouns + r")\w*\s+" + data["count_change_before"][-1] + r")")
    # "from 31 to 64", "с 31 до 64", "15-тен 40-қа"
    to = compile_folded(r"(?:\b(?:" + "|".join(data["count_change_to"]) + r")\s+(\d{1,5})(?![\d.,]\d)"
                        r"|\d{1,5}-?(?:ден|дан|тен|тан|нен|нан)\s+(\d{1,5})-?(?:ге|ға|ке|қа|не|на)\b)")
    return subject, to


def _changed_counts(text: str, figures: list[Figure]) -> list[Figure]:
    """The count now of a count told as a change (figures.yaml count_change_*): one figure, at
    the number after "to" / "до" / the dative, in the clause that names what is counted."""
    subject_re, to_re = _change_patterns()
    subject = subject_re.search(text)
    if subject is None:
        return []
    m = to_re.search(text, subject.end(), subject.end() + 120)
    if m is None or COMMA_RE.search(text, subject.end(), m.start()):
        return []
    group = 1 if m.group(1) else 2
    start, end = m.start(group), m.end(group)
    if any(f.start <= start < f.end for f in figures):
        return []
    return [Figure("count", int(m.group(group)), start, end)]


JOBS_LABEL_RE = compile_folded(JOBS_NOUNS + r"\s*[:–—]\s*")


def _labelled_jobs(text: str, figures: list[Figure], language: str | None, voc: Vocabulary) -> list[Figure]:
    """"Рабочих мест: на этапе стройки – 2 тыс., после запуска – 500": numbers under a jobs label
    are jobs, construction-phase ones where a construction word stands before them."""
    label = JOBS_LABEL_RE.search(text)
    if label is None:
        return []
    out = []
    for value, start, token_end, end in _number_tokens(text, language, voc):
        if start < label.end() or any(f.start <= start < f.end for f in figures):
            continue
        scale, pos = _scale_after(text, end, voc)
        if scale > 1e3 or _currency_after(text, pos, voc)[0] or PERCENT_AFTER_RE.match(text, pos):
            continue
        f = Figure("jobs", int(round(value * scale)), start, pos)
        prior = CLAUSE_BREAK_RE.split(text[max(label.end(), start - 40):start])[-1]
        if voc.jobs_construction_re.search(prior) or _extra()["construction"].search(prior):
            f.notes.add("construction")
        out.append(f)
    return out

