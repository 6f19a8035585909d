"""Continuing a record: a sentence that opens nothing fills what the open record still lacks."""
from __future__ import annotations

from .analysis import Analysis, apply_figures, companies_in, period_in, regions_in
from .state import State
from .vocabulary import sector_of, status_of, vocabulary


def continue_record(an: Analysis, st: State) -> None:
    target = st.current
    if an.total and st.records:
        programs = [r for r in st.records if r.kind == "program" and not r.headline]
        target = programs[0] if programs else target
    if target is None:
        return
    took = apply_figures(target, an, (0, len(an.text)), 0, st.currency, only_missing=True)
    # a sentence about the economy (shares, markets, growth) says nothing of the project's time
    economy = bool(vocabulary().macro_re.search(an.text)) or "%" in an.text
    if target.period is None and not economy:
        p = period_in(an, (0, len(an.text)))
        # an operating plant's plans for next year are not when it was put into operation
        if p and not (target.status == "commissioned" and st.published and int(p[:4]) > st.published.year):
            target.period, took = p, True
    if target.status is None and not economy:
        target.status = status_of(an.text)
    if target.kind == "project" and target.sector is None and not economy:
        target.sector = sector_of(an.text)[0]
    if not target.regions and not an.ranking:
        target.regions = regions_in(an, (0, len(an.text)))
    if target.kind == "project":
        for c in companies_in(an, (0, len(an.text))):
            if c not in target.companies:
                target.companies.append(c)
                took = True
    if took:
        target.add_evidence(an.text)
