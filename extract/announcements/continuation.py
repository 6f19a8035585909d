"""Continuing a record: a sentence that opens nothing fills what the open record still lacks."""
from __future__ import annotations

import re

from ..concepts import concepts_in
from .analysis import Analysis, apply_figures, companies_in, period_in, regions_in
from .draft import Draft
from .state import State, st_position
from .titles import facility_title, noun_class, product_sentence, title_class
from .vocabulary import cue_regex, sector_of, status_of, vocabulary


def continue_record(an: Analysis, st: State) -> None:
    target = st.current
    if an.total and st.records and not _open_project_subject(an, st):
        programs = [r for r in st.records if r.kind == "program" and not r.headline]
        target = programs[0] if programs else target
    if target is None:
        return
    if target.kind == "project" and target is st.current:
        target = st.current = _concept_referent(an, st, _referent(an, st, target))
    if target.kind == "project" and _pool_subject(an, st):
        return
    if target.kind == "project" and cue_regex("collective_patterns").search(an.text):
        # "Both plants will be commissioned next year": every project of the same pool
        for d in [r for r in st.records if r.kind == "project" and r.parent is target.parent]:
            _fill_from(d, an, st)
        return
    _fill_from(target, an, st)


def _referent(an: Analysis, st: State, current: Draft) -> Draft:
    """The record a sentence's subject points back to: "The factory will process 6 thousand tons"
    after a cluster was named speaks of the factory named before it; the last record named is
    the default (a subject of another class with no record of its class is the open one's)."""
    subject = cue_regex("reference_subject_patterns").match(an.text)
    wanted = noun_class(an.text, subject.end()) if subject is not None else None
    if wanted is None or title_class(current.title) in (None, wanted):
        return current
    for d in reversed(st.records):
        if d.kind == "project" and d is not current and title_class(d.title) == wanted:
            return d
    return current


RECENT_RECORDS = 8   # the records one sentence opened are the last ones: the scan stays short in long texts


def _concept_referent(an: Analysis, st: State, current: Draft) -> Draft:
    """"The first solar power plant was opened and the foundation of the desalination plant was laid.
    ... More than 8,000 solar panels have been installed there": after one sentence opened several
    projects, a sentence that names what one of them is (and not what the last one is) speaks of
    that one; the last one stays the default."""
    said = concepts_in(an.text)
    if not said or concepts_in(current.title) & said:
        return current
    siblings = [d for d in st.records[-RECENT_RECORDS:] if d.kind == "project" and d is not current
                and d.evidence[:1] == current.evidence[:1] and concepts_in(d.title) & said]
    return siblings[0] if len(siblings) == 1 else current


SUBJECT_DETERMINER = re.compile(r"\W*(?:(?:the|this|its|этот|данный|бұл|осы)\s+)?", re.IGNORECASE)


def _open_project_subject(an: Analysis, st: State) -> bool:
    """"Всего комплекс стоил 5,6 млрд тенге", "In total, the plant cost ...": a total whose subject is
    one facility (a singular facility noun right after the total word) is the open project's, not
    the pool's."""
    current = st.current
    if current is None or current.kind != "project":
        return False
    voc = vocabulary()
    m = voc.total_re.search(an.text)
    if m is None:
        return False
    after = an.text[m.end():m.end() + 40]
    pos = SUBJECT_DETERMINER.match(after).end()   # (all optional: always matches)
    if not voc.facility_re.match(after, pos):
        return False
    return not cue_regex("plural_facility_patterns").match(after, pos)


def _fill_from(target: Draft, an: Analysis, st: State) -> None:
    """What the sentence says that the record still lacks."""
    took = apply_figures(target, an, (0, len(an.text)), 0, st.currency, only_missing=True)
    if target.kind == "project" and len(target.title.split()) <= 2 and not sector_of(target.title)[0]:
        # "Another facility has been built. It will make cast metal parts": what it makes names it
        product = product_sentence(an.text)
        if product:
            target.title, took = f"{target.title} {product}", True
    # a sentence about the economy (shares, markets, growth) says nothing of the project's time
    economy = bool(vocabulary().macro_re.search(an.text)) or "%" in an.text
    if target.period is None and not economy:
        p = period_in(an, (0, len(an.text)))
        # an operating plant's plans for next year are not when it was put into operation
        if p and not (target.status == "commissioned" and st.published and int(p[:4]) > st.published.year):
            target.period, took = p, True
    if target.status is None and not economy:
        target.status = status_of(an.text)
    elif target.status == "planned" and target.kind == "project" and not economy \
            and status_of(an.text) == "under_construction" \
            and not vocabulary().status_patterns["planned"].search(an.text):
        # "... looked at the project to build an auto parts cluster. Construction of the localization
        # centre is already under way": a plan the next sentence says is being carried out (not one
        # whose building "would get under way in autumn": a sentence with a modal stays a plan)
        target.status = "under_construction"
    if target.kind == "project" and target.sector is None and not economy:
        target.sector = sector_of(an.text)[0]
    if not target.regions and not an.ranking and not cue_regex("market_patterns").search(an.text):
        target.regions = regions_in(an, (0, len(an.text)))
    if target.kind == "project":
        for c in companies_in(an, (0, len(an.text))):
            if c not in target.companies:
                target.companies.append(c)
                took = True
    if took:
        target.add_evidence(an.text)


def _pool_subject(an: Analysis, st: State) -> bool:
    """"Мұнда жалпы құны 1 трлн теңгеден асатын жобалар шоғырланған": figures of a pool the sentence
    names in the plural, not of the plant named before it; the pool becomes a record of its own."""
    m = cue_regex("pool_subject_patterns").search(an.text)
    if m is None or not any(f.kind in ("money", "jobs") for f in an.figures):
        return False
    d = Draft("program", facility_title(an.text[m.start():m.end() + 40], []) or m.group(0), st_position(an, m.start()))
    apply_figures(d, an, (0, len(an.text)), 0, st.currency, only_missing=True)
    if not d.numbers():
        return False
    d.status = status_of(an.text)
    d.sector = sector_of(an.text)[0]
    d.regions = regions_in(an, (0, len(an.text)))
    d.period = period_in(an, (0, len(an.text)))
    d.national = an.national
    d.add_evidence(an.text)
    st.records.append(d)
    st.current = st.program = d
    return True
