"""From sentences to announcement records: the pass over the article.

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
from datetime import date

from ..regions import find_regions
from .analysis import Analysis, analyse, regions_in, period_in, apply_figures
from .anchors import opens_with_reference, project_anchor
from .continuation import continue_record
from .draft import Draft
from .finish import finish
from .items import item_records
from .programs import coordinated_counts, program_records, subcount_numbers
from .sentences import split_sentences
from .state import State, st_position
from .titles import facility_title
from .vocabulary import FLAGS, cue_regex, sector_of, status_of, vocabulary


def build_drafts(text: str, published: date | None, language: str | None, title: str | None) -> list[Draft]:
    sentences = split_sentences(text, title)
    doc_regions = find_regions(text)
    st = State(language=language, published=published)
    analyses = [analyse(s, doc_regions, language, published) for s in sentences]
    _names_known_anywhere(analyses)
    currencies = [f.currency for an in analyses for f in an.figures if f.kind == "money" and f.currency]
    if currencies:
        st.currency = max(set(currencies), key=currencies.count)
    elif language in ("ru", "kk"):
        st.currency = "kzt"
    lead = [an for an in analyses if an.sentence.headline][:1] + [an for an in analyses if not an.sentence.headline][:1]
    st.lead_texts = [an.text for an in lead if not an.economy]
    headline_drafts: list[Draft] = []
    for an in analyses:
        if an.sentence.headline:
            sub = State(language=language, published=published, currency=st.currency)
            _one_sentence(an, sub)
            for d in sub.records:
                d.headline = True
            headline_drafts.extend(sub.records)
    # The headline is the first mention: "The plant will employ 700 people" under "Turkish firm
    # to build tyre plant" continues the headline's record until the body opens one of its own.
    headline_projects = [d for d in headline_drafts if d.kind == "project"]
    if len(headline_projects) == 1:
        st.current = headline_projects[0]
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
    return finish(st.records, headline_drafts, analyses, published)


def _one_sentence(an: Analysis, st: State) -> None:
    voc = vocabulary()
    counts = [f for f in an.figures if f.kind == "count"]
    social = an.social and not sector_of(an.text)[0]
    if social:
        st.current = st.program = None
        return
    if an.economy:
        return    # "Oil production over the period reached ...": figures of the economy, not of a project
    subs = subcount_numbers(an)
    if subs:
        if st.program is not None:
            program_records(an, st, subs, subcount=True)
        return
    if counts:
        counts = coordinated_counts(an, counts)
        program_records(an, st, [(f.start, int(f.value)) for f in counts], subcount=False)
        return
    enum = voc.enumeration_re.search(an.text)
    if enum and st.current is not None and st.current.kind == "program" or (enum and st.program and an.backref and st.current is st.program):
        item_records(an, st, (enum.end(), len(an.text)), parent=st.program, listed=True)
        return
    if an.total:
        continue_record(an, st)
        return
    # a reference with nothing before it to refer to ("The project, worth $1.1 billion, ...") may open a record
    referring = opens_with_reference(an, st.current) and (
        st.current is not None or not any(f.kind in ("money", "jobs") for f in an.figures))
    anchor = None if referring else project_anchor(an, st.current)
    if anchor is not None:
        span, status_pos, plural = anchor
        if plural and st.program is not None:
            anchor = None
        elif plural:
            d = Draft("program", facility_title(an.text[span[0]:span[1]], []), st_position(an, span[0]))
            d.status = status_of(an.text[span[0]:span[1]])
            d.sector = sector_of(an.text[span[0]:span[1]])[0]
            d.regions = regions_in(an, (0, len(an.text)))
            d.period = period_in(an, (0, len(an.text)))
            d.national = an.national
            apply_figures(d, an, (0, len(an.text)), 0, st.currency, only_missing=True)
            d.add_evidence(an.text)
            st.records.append(d)
            st.current = st.program = d
            return
    if anchor is not None:
        span, status_pos, plural = anchor
        parent = st.program if re.match(r"^\W*(?:in particular|в частности|также|соның ішінде)", an.text, FLAGS) else None
        made = item_records(an, st, span, parent=parent, status_hint=status_pos)
        if made:
            return
    # a sentence about an industry lends its sector to a program in the next sentence
    if cue_regex("industry_patterns").search(an.text):
        st.sector_context = sector_of(an.text)[0]
    continue_record(an, st)


PERSON_TITLE = re.compile(r"(?:president|minister|akim|governor|chairman|ceo|director|head|deputy|mr|ms|mrs|dr|"
                          r"премьер|министр|аким|глава|председател|директор|президент|вице|әкім|төраға)\w*[\s,.]*$", FLAGS)
SURNAME = re.compile(r"(?:ov|ev|ova|eva|in|ina|uly|kyzy|ұлы|қызы|ов|ев|ова|ева|ин|ина|ский|ская)$", re.IGNORECASE)
REPEATED_NAME = re.compile(r"(?<![\w-])(?:[A-Z][A-Za-z0-9&'-]*[A-Za-z0-9])(?:\s+[A-Z][A-Za-z0-9&'-]*[A-Za-z0-9]){0,3}")


def _repeated_names(analyses: list[Analysis]) -> list[str]:
    """Latin-script names an article writes twice or more, mid-sentence at least once, that are
    neither a person (a title before it, a patronymic or Russian surname ending) nor a place
    nor a common word: in news about a project these are its companies and brands."""
    from .companies import _lists
    stop = _lists()[2]
    seen: dict[str, list[bool]] = {}
    person: set[str] = set()
    for an in analyses:
        region_spans = an.region_spans()
        for m in REPEATED_NAME.finditer(an.text):
            name = m.group(0)
            if any(a <= m.start() < b for a, b in region_spans) or name in stop or name.split()[0] in stop:
                continue
            before = an.text[max(0, m.start() - 30):m.start()]
            if PERSON_TITLE.search(before) or SURNAME.search(name.split()[-1]) and len(name.split()) >= 2:
                person.add(name)
            seen.setdefault(name, []).append(bool(re.search(r"[.!?:;]\s*$", before)) or m.start() == 0)
    return [name for name, starts in seen.items()
            if len(starts) >= 2 and not all(starts) and name not in person and len(name) >= 3]


def _names_known_anywhere(analyses: list[Analysis]) -> None:
    """A name the article once shows to be a company ("Masdar will build ...") is that company
    wherever it stands, also where the sentence gives no evidence of its own."""
    known = list(dict.fromkeys([name for an in analyses for name, _, _ in an.companies if len(name) >= 3]
                               + _repeated_names(analyses)))
    for an in analyses:
        have = {name for name, _, _ in an.companies}
        for name in known:
            if name in have:
                continue
            for m in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", an.text):
                if not any(s <= m.start() < e for _, s, e in an.companies):
                    an.companies.append((name, m.start(), m.end()))
