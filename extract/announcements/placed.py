"""Products each made in its own place: "projects to produce home appliances in Karaganda region and
infusion solutions in Shymkent, along with Chevrolet cars in Kostanay" is three projects, one per
place, not one pool of three places. The spec's list of products without figures gives one record
each; the places are what tell the items apart, so the list is read place by place."""
from __future__ import annotations

import re

from .analysis import Analysis, period_in
from .companies import find_companies
from .draft import Draft
from .state import State, st_position
from .vocabulary import FLAGS, sector_of, status_of

# a production head and its lead: "projects to produce", "the manufacture of", "проекты по выпуску"
HEAD = re.compile(
    r"\b(?:(?P<plural>projects|plants|factories|facilities|проекты|проектов|заводы|заводов|предприятия)\s+"
    r"(?P<lead>to produce|to make|to manufacture|producing|making|for the production of|по выпуску|по производству|по переработке)"
    r"|(?:the\s+)?(?P<noun>manufacture|production|assembly)\s+of|(?P<ru>производство|выпуск))\s+", FLAGS)
SINGULAR = {"projects": "project", "plants": "plant", "factories": "factory", "facilities": "facility",
            "проекты": "проект", "проектов": "проект", "заводы": "завод", "заводов": "завод", "предприятия": "предприятие"}
PLACE_BEFORE = re.compile(r"\s+(?:in|at|near|в|во)\s+(?:the\s+)?$", FLAGS)
AFTER_PLACE = re.compile(r"(?:\s+(?:city|region|oblast|province|town))?", FLAGS)
ITEM_SEP = re.compile(r"\s*,\s*(?:and\s+|as well as\s+|along with\s+|и\s+|а также\s+)?|\s+(?:and|as well as|along with|и|а также)\s+", FLAGS)
MAX_PRODUCT_WORDS = 5


# Kazakh writes the place first and the production head last: "Қарағанды облысында тұрмыстық техника,
# Шымкентте инфузиялық ерітінділер және Қостанайда Chevrolet көліктерін шығару жобалары"
KK_HEAD = re.compile(r"\s+(шығару|өндіру|өңдеу|құрастыру)\s+(жоба\w*|зауыт\w*|кәсіпорн\w*)", FLAGS)
KK_HEAD_NOMINATIVE = {"жоб": "жобасы", "зау": "зауыты", "кәс": "кәсіпорны"}   # the title in its dictionary form
KK_SEP = re.compile(r"\s*,\s*|\s+(?:және|мен|бен|пен)\s+", FLAGS)


def _kazakh_placed(an: Analysis) -> list[tuple[str, str, int]]:
    """The Kazakh order: each place (in the locative) before its product, the production head once
    after the last item; every place before the head opens one item."""
    head = KK_HEAD.search(an.text)
    if head is None:
        return []
    regions = sorted((r for r in an.regions if r.end <= head.start()), key=lambda r: r.start)
    items: list[tuple[str, str, int]] = []
    for r, nxt in zip(regions, regions[1:] + [None]):
        stop = nxt.start if nxt is not None else head.start()
        chunk = an.text[r.end:stop]
        chunk = re.sub(r"^\w*\s+", "", chunk, count=1) if re.match(r"\w", chunk) else chunk  # the place's case ending
        product = re.sub(r"\s+(?:және|мен|бен|пен)$", "", KK_SEP.split(chunk.strip())[0].strip(" ,"))
        if not product or len(product.split()) > MAX_PRODUCT_WORDS:
            return []
        items.append((f"{product} {head.group(1)} {KK_HEAD_NOMINATIVE.get(head.group(2)[:3].lower(), head.group(2))}",
                      r.code, r.start))
    return items if len({code for _, code, _ in items}) >= 2 else []


def placed_products(an: Analysis) -> list[tuple[str, str, int]]:
    """(title, region code, position) of each product of a production head followed by its own
    place (or, in Kazakh, preceded by it), when two or more places differ; none otherwise."""
    m = HEAD.search(an.text)
    if m is None:
        return _kazakh_placed(an)
    if m.group("plural"):
        head = f"{SINGULAR[m.group('plural').lower()]} {m.group('lead')} "
    else:
        head = (m.group("noun") or m.group("ru")).lower() + (" of " if m.group("noun") else " ")
    items: list[tuple[str, str, int]] = []
    pos = m.end()
    for r in sorted(an.regions, key=lambda r: r.start):
        if r.start < pos:
            continue
        before = PLACE_BEFORE.search(an.text, pos, r.start)
        product = re.sub(r"[“”\"«»]", "", an.text[pos:before.start()]).strip() if before else ""
        if not product or len(product.split()) > MAX_PRODUCT_WORDS or re.search(r"[,;:.()]", product):
            break
        items.append((head + product, r.code, pos))
        sep = ITEM_SEP.match(an.text, AFTER_PLACE.match(an.text, r.end).end())
        if sep is None:
            break
        pos = sep.end()
    return items if len({code for _, code, _ in items}) >= 2 else []


def placed_records(an: Analysis, st: State, items: list[tuple[str, str, int]]) -> list[Draft]:
    """One project per placed product, in the open pool if there is one."""
    made = []
    for title, code, pos in items:
        d = Draft("project", title, st_position(an, pos), parent=st.program)
        d.status = status_of(an.text) or (st.program.status if st.program is not None else None)
        d.regions = [code]
        d.sector = sector_of(title)[0]
        d.period, d.national = period_in(an, (0, len(an.text))), an.national
        d.companies = find_companies(title)
        d.listed = True
        d.add_evidence(an.text)
        made.append(d)
    st.records.extend(made)
    st.current = st.program if st.program is not None else made[-1]
    return made
