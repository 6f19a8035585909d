"""Programs: pools of projects opened by a count ("206 projects", "Of these, 14 ...")."""
from __future__ import annotations

import re

from .analysis import Analysis, apply_figures, blank_spans, companies_in, period_in, regions_in
from .draft import Draft
from .figures import NUMBER_RE, Figure, parse_number
from .items import item_records
from .state import State, st_position
from .titles import program_title
from .vocabulary import _all_sectors, cue_regex, sector_of, status_near, vocabulary


NUMBER_WORD_BEFORE = re.compile(r"\b([^\W\d]+)\s+$")


def subcount_numbers(an: Analysis) -> list[tuple[int, int]]:
    m = vocabulary().cues and cue_regex("subcount_patterns").search(an.text)
    if not m:
        return []
    typed = {f.start: f for f in an.figures}
    out = []
    if not m.group(0)[:1].isdigit():
        # a number word right before the cue ("work has begun on five of them") or right after
        # it ("из них пять уже строятся", "олардың бесеуі") is the count
        number_words = vocabulary().number_words
        word = NUMBER_WORD_BEFORE.search(an.text, max(0, m.start() - 20), m.start())
        if word and number_words.get(word.group(1).lower()):
            return [(word.start(1), int(number_words[word.group(1).lower()]))]
        after = vocabulary().number_word_re.search(an.text, m.end(), m.end() + 20)
        if after and not an.text[m.end():after.start()].strip(" ,"):
            return [(after.start(), int(number_words[after.group(0).lower()]))]
    # "11 of them ...": the count comes first; elsewhere ("Of these, 14 ...") it follows the cue
    for n in NUMBER_RE.finditer(an.text, m.start() if m.group(0)[:1].isdigit() else m.end()):
        if n.start() in typed:
            if typed[n.start()].kind == "count":
                out.append((n.start(), int(typed[n.start()].value)))
            continue
        try:
            value = parse_number(n.group(1), "en")
        except ValueError:
            continue
        if vocabulary().scale_re.match(an.text, n.end() + 1) and an.text[n.end():n.end() + 1].isspace():
            continue    # "соның ішінде қуаты 1 млрд м3 газ өңдеу зауыты": a measure of a billion, no count
        if value == int(value) and 0 < value < 10000 and not (1990 <= value <= 2100):
            out.append((n.start(), int(value)))
    # "Most of them are in industry, 20 projects, with 27 in agriculture and eight in energy": written out too
    seen = {pos for pos, _ in out}
    out += [(pos, value) for pos, _, value in elliptic_industry_counts(an.text, m.end()) if pos not in seen]
    return sorted(out)


ELLIPTIC_COUNT = re.compile(r"[–—-]\s*(\d{1,4})(?=\s*(?:[.;,]|$))")


ELLIPTIC_IN = re.compile(r"(?:[,;]\s*|\s(?:with|and|while)\s+)(\d{1,4}|[a-z]+)\s+(?:are\s+|were\s+)?in\s+(?:the\s+)?(?=[^\W\d])",
                         re.IGNORECASE)


def elliptic_industry_counts(text: str, start: int) -> list[tuple[int, int, int]]:
    """"up to 31 projects, with 48 in the agro-industrial complex, seven in tourism, five in energy": a
    number and "in <an industry>" stands for the noun counted before; (start, end, value) of each."""
    number_words = vocabulary().number_words
    out = []
    for m in ELLIPTIC_IN.finditer(text, start):
        word = m.group(1)
        value = int(word) if word.isdigit() else number_words.get(word.lower())
        own = re.split(r"[,;]|\s(?:and|while)\s", text[m.end(1):m.end() + 40])[0]   # its industry, not the next one's
        if value and sector_of(own)[0]:
            out.append((m.start(1), m.end(1), int(value)))
    return out


def coordinated_counts(an: Analysis, counts: list[Figure]) -> list[Figure]:
    """"38 and 19 projects": the first number shares the noun of the second;
    "64 проекта, в ГМК – 31": a dash stands for the noun counted before."""
    extra = []
    typed = {f.start for f in an.figures}
    for m in ELLIPTIC_COUNT.finditer(an.text, counts[-1].end):
        if m.start(1) not in typed:
            extra.append(Figure("count", int(m.group(1)), m.start(1), m.end(1)))
    extra += [Figure("count", value, pos, end) for pos, end, value in elliptic_industry_counts(an.text, counts[-1].end)
              if pos not in typed]
    for f in counts:
        m = re.search(r"(\d[\d,.]*)((?:\s*,\s*\d[\d,.]*)*)\s+(?:and|и|және)\s+$", an.text[:f.start])
        if m:
            for n in re.finditer(r"\d[\d,.]*", m.group(0)):
                extra.append(Figure("count", int(parse_number(n.group(0), "en")), m.start() + n.start(), m.start() + n.end()))
    return sorted(counts + extra, key=lambda f: f.start)


LIST_AFTER_COUNT = re.compile(r"[^\W\d]*\d*\s+(?:[^\W\d][\w-]*\s+){0,3}?[^\W\d][\w-]*(?P<sep>\s+[–—-]\s+|:\s+)")
# a colon ends what the count says however long it is ("two more investment projects are planned in
# Bayanaul district: a camel farm and an irrigated agricultural plot"); a dash only close to the count
LIST_AFTER_COUNT_COLON = re.compile(r"[^\W\d]*\d*\s+[^.:;!?«»\"()]{0,120}?(?P<sep>:\s+)")


def program_records(an: Analysis, st: State, counts: list[tuple[int, int]], subcount: bool,
                    bounds: tuple[int, int] | None = None) -> None:
    """Pools for the counts of a sentence; `bounds` keeps them to a part of it (a pool and, in a
    later clause, its part: "Eleven projects ... are on the list, and work has begun on five of them")."""
    # a firm's name says nothing of the pool's industry or kind: "FST Engineering ... двух
    # перерабатывающих заводов" are no machinery pool (the name blanked out, offsets kept)
    text = blank_spans(an.text, [(a, b) for _, a, b in an.companies])
    voc = vocabulary()
    lo, hi = bounds or (0, len(text))
    enum = voc.enumeration_re.search(text, counts[0][0], hi)
    program_end = enum.start() if enum else hi
    if enum is None and len(counts) == 1 and not subcount:
        # "екі нысан – кірпіш зауыты мен жылыжай кешені салынып жатыр", "three facilities: a X, a Y and a
        # Z": the counted noun, then a dash or a colon and the list of what it counts
        listed = LIST_AFTER_COUNT.match(text, counts[0][0]) or LIST_AFTER_COUNT_COLON.match(text, counts[0][0])
        if listed is not None and voc.facility_re.search(text, listed.end(), hi):
            # "4 жоба іске асты: ...": the pool's own clause runs to the colon or the dash, and says
            # what became of it
            enum, program_end = listed, listed.start("sep")
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
        clause = (lo if i == 0 else pos, nxt if not respectively else program_end)
        if respectively:
            clause = (lo, program_end)
        clause_text = text[clause[0]:clause[1]]
        d = Draft("program", "", st_position(an, pos), parent=parent)
        d.project_count = value
        d.status = status_near(clause_text, pos - clause[0]) or (parent.status if parent and subcount else None)
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
            span = (lo, program_end)
        apply_figures(d, an, span, pos, st.currency, only_missing=True)
        d.period = period_in(an, span) or period_in(an, (0, len(text)))
        d.regions = regions_in(an, span)
        d.national = an.national
        d.title = program_title(text, pos, d.sector, clause_text)
        if len(counts) == 1 and not subcount:
            # "«Камлит кз» серіктестігі Қостанайда үш ірі жобаны іске асырып жатыр", "компания China Energy
            # намерена реализовать два проекта": the firm named before the count carries out the pool
            d.companies = companies_in(an, (lo, pos))
        d.add_evidence(an.text)
        if parent is not None and d.period is None:
            d.period = parent.period
        made.append(d)
    st.records.extend(made)
    st.current = made[-1]
    if not subcount:
        st.program = made[0]
    if enum:
        # "12 projects were put into operation; 5 more are to be launched in 2019, among them solar
        # power plants ...": the items belong to the pool counted just before the list
        owner = next((d for (pos, _), d in reversed(list(zip(counts, made))) if pos < enum.start()), made[0])
        item_records(an, st, (enum.end(), len(text)), parent=owner, listed=True)
    elif subpart and not subcount:
        # "45 projects ..., of which 12 will be launched by the end of the year"
        parts = [(n.start(), int(n.group(1))) for n in NUMBER_RE.finditer(text, subpart.end())
                 if n.start() not in {f.start for f in an.figures} and n.group(1).isdigit() and int(n.group(1)) < 10000
                 and not 1990 <= int(n.group(1)) <= 2100]
        if parts:
            st.program = made[0]
            program_records(an, st, parts[:1], subcount=True)
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
