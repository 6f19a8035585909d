"""Production said with a verb, not a facility noun: "Trucks will begin to be produced in Saran",
"В Караганде будут выпускать телевизоры и стиральные машины Samsung", "Түркістан облысында
бейнекамера, медициналық жиһаз және тұрмыстық химия бұйымдары шығарылады". The product and its
place (or firm) are the project, titled by the production of it."""
from __future__ import annotations

import re
from functools import lru_cache

from .analysis import Analysis, period_in, regions_in
from .draft import Draft
from .state import State, st_position
from .vocabulary import FLAGS, sector_of, status_of, vocabulary

MAX_PRODUCT_WORDS = 10


@lru_cache(maxsize=1)
def _clause_res() -> list[tuple[re.Pattern, str]]:
    """(pattern with a `product` group, how the title names the production) per language."""
    cues = vocabulary().cues
    return [(re.compile(p, FLAGS), cues["production_clause_titles"][lang])
            for lang, patterns in cues["production_clause_patterns"].items() for p in patterns]


def production_clause(text: str) -> tuple[str, int] | None:
    """(title, where the product starts) of the production a verb of this sentence states: one
    record for what one clause says is made, however many products it lists (one plant may make
    televisions and washing machines)."""
    for rx, title in _clause_res():
        m = rx.search(text)
        if m is None:
            continue
        product = m.group("product").strip(" ,;:–—-")
        if not product or re.search(r"\d", product) or len(product.split()) > MAX_PRODUCT_WORDS:
            continue    # "500 мың тонна астық өндіріледі": an output, not a project
        opens_sentence = not text[:m.start("product")].strip(" «\"")
        if opens_sentence and product.split()[0][1:].islower():
            product = product[0].lower() + product[1:]   # "Trucks will be produced": the sentence's capital
        return title.format(product=product), m.start("product")
    return None


def production_record(an: Analysis, st: State) -> Draft | None:
    """A record for a sentence that states the production of a product with a place or a firm of
    its own, when no facility noun did."""
    if an.economy or not (an.regions or an.companies):
        return None
    clause = production_clause(an.text)
    if clause is None:
        return None
    title, start = clause
    d = Draft("project", title, st_position(an, start))
    d.status = status_of(an.text) or "planned"
    d.regions = regions_in(an, (0, len(an.text)))
    d.period, d.national = period_in(an, (0, len(an.text))), an.national
    d.sector = sector_of(title)[0]
    d.companies = [name for name, _, _ in an.companies]
    d.add_evidence(an.text)
    st.records.append(d)
    st.current = d
    return d
