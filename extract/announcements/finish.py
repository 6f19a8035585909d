"""After the pass: restated records merge, the headline confirms, places, periods and statuses are inherited."""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from .analysis import Analysis, at_venue
from .companies import lend_lead_companies, lend_referred_companies, lend_sole_company
from ..concepts import concepts_in, first_concept
from .draft import Draft
from .titles import facility_phrase, head_stems, is_bare, title_class, with_company, with_town
from .vocabulary import _load, cue_regex, sector_of, sectors_in, vocabulary


def _conflict(a: Draft, b: Draft) -> tuple[int, int]:
    return _agreement(a.numbers(), b.numbers())


def _trailing_zeros(v: float) -> int:
    n = int(round(abs(v)))
    if n == 0 or abs(v - round(v)) > 1e-9:
        return 0
    z = 0
    while n % 10 == 0:
        n //= 10
        z += 1
    return z


def _rounded(a: float, b: float) -> bool:
    """"1 300-ден астам жұмыс орны" ... "1 320 жаңа жұмыс орны": one figure is the other rounded to
    hundreds (or coarser) and they differ by 5% at most; the same figure told twice."""
    if a == b:
        return True
    round_one, exact = (a, b) if _trailing_zeros(a) > _trailing_zeros(b) else (b, a)
    zeros = _trailing_zeros(round_one)
    return zeros >= 2 and round(exact, -zeros) == round_one and abs(a - b) <= 0.05 * max(abs(a), abs(b))


def _same_figure(k: str, a: float, b: float) -> bool:
    if k == "project_count":
        return a == b
    if k == "jobs":
        return _rounded(a, b)
    return abs(a - b) <= 0.015 * max(abs(a), abs(b)) or _rounded(a, b)


def _agreement(na: dict[str, float], nb: dict[str, float]) -> tuple[int, int]:
    """How many figures two records share with the same value (or one rounded off the other), and
    how many with different ones."""
    agree = conflict = 0
    for k in set(na) & set(nb):
        same = _same_figure(k, na[k], nb[k])
        agree += same
        conflict += not same
    return agree, conflict


def _generic(d: Draft) -> bool:
    """"The $420 million project will be completed in 2028": a project named by a generic word only."""
    phrase = facility_phrase(d.title)
    return d.borrowed_title or is_bare(phrase) and (phrase is None or phrase.rank == 3)


def _one_generic_word(title: str) -> bool:
    words = title.split()
    if len(words) != 1:
        return not words
    phrase = facility_phrase(title)
    return phrase is None or phrase.rank == 3


def _score(agreement: tuple[int, int]) -> int:
    return agreement[0] - 2 * agreement[1]


def _twin(d: Draft, kept: list[Draft]) -> Draft | None:
    """The kept record that d restates: same kind, no figure in conflict, enough figures in common
    (one is enough when either is a project named by a generic word only)."""
    nd = d.numbers()
    if not nd:
        return None     # nothing in common with anyone
    for k in kept:
        if k.kind != d.kind:
            continue
        agree, conflict = _agreement(k.numbers(), nd)
        if conflict == 0 and agree and agree >= (1 if d.kind == "project" and (_generic(k) or _generic(d)) else 2):
            return k
        if conflict == 0 and agree and d.kind == "program" and _uncounted_part(k, d):
            return k
        if conflict == 0 and agree and d.kind == "program" and set(nd) == {"project_count"} and d.parent is None \
                and (not d.regions or not k.regions or set(d.regions) & set(k.regions)) \
                and (not d.sector or not k.sector or d.sector == k.sector):
            return k    # "Үш жобаның бәрінде жұмыс қолға алынды": the three projects counted before, again
    return None


def _uncounted_part(a: Draft, b: Draft) -> bool:
    """"$1 млрд в «зеленые» проекты" ... "два проекта в секторе ВИЭ, общий объем инвестиций $1 млрд":
    a pool the article first names without a count, every figure of it the counted pool's."""
    if (a.project_count is None) == (b.project_count is None):
        return False
    uncounted, counted = (a, b) if a.project_count is None else (b, a)
    return set(uncounted.numbers()) <= set(counted.numbers())


def _head_words(d: Draft) -> set[str]:
    return head_stems(d.title)


def _same_facility(a: Draft, b: Draft) -> bool:
    """Two records of one article about one facility: a shared sector, or a shared title word."""
    return bool((a.sector and a.sector == b.sector) or _head_words(a) & _head_words(b))


ANOTHER = re.compile(r"\b(?:second|another|one more|two|both|other|второ\w*|ещ[её] одн\w*|ещ[её] один|друг\w*|оба|обе|два|две|"
                     r"екінші|тағы бір|екі)\b", re.IGNORECASE)
NAME_WORD = re.compile(r"\b[A-Z][A-Za-z]{2,}\b|«[^»]+»")
# a name in a title in either script: titles are written in lower case but for names ("Болашак шахта")
TITLE_NAME = re.compile(r"\b[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][A-Za-zа-яёәғқңөұүһі]{2,}\b|«[^»]+»")


def _names(d: Draft) -> frozenset[str]:
    return _title_names(d.title)


@lru_cache(maxsize=4096)
def _title_names(title: str) -> frozenset[str]:
    """Remembered: records are compared pairwise, so a long article asks for the same titles again and again.
    A legal form is no name: "GreenRecycle LLP complex" and "Asia Trafo LLP plant" share none."""
    return frozenset(w.lower() for w in TITLE_NAME.findall(title)) - _legal_forms()


@lru_cache(maxsize=1)
def _legal_forms() -> frozenset[str]:
    return frozenset(w.lower() for w in vocabulary().cues["company_suffixes"])


def _kind_stems(d: Draft) -> frozenset[str]:
    """What a title says the facility is: its words but names, companies and "new", "large"."""
    return _kind_stems_of(d.title, tuple(d.companies))


@lru_cache(maxsize=4096)
def _kind_stems_of(title: str, companies: tuple[str, ...]) -> frozenset[str]:
    """Remembered: records are compared pairwise, the same titles again and again."""
    from .titles import _lists
    drop = _lists()["drop"]
    names = {w.lower() for c in companies for w in re.findall(r"\w+", c)} | _title_names(title)
    return frozenset(w[:5] for w in re.findall(r"\w{3,}", title.lower()) if w not in drop and w not in names)


def _other_facility(a: Draft, b: Draft) -> bool:
    """"N Kazakhstan to build mining complex" over a body whose one new record is "a new woodworking
    enterprise": two projects of two industries, and no common name (a "chemical complex" and its
    "mineral fertilizer plant" are one)."""
    if a.kind != "project" or b.kind != "project" or _names(a) & _names(b) or _restates(a, b):
        return False
    return bool(a.sector and b.sector and a.sector != b.sector)


def _restates(a: Draft, b: Draft) -> bool:
    """"жел электр станциясы" ... "электр станциясы", "ЕвроХим химический комплекс" ... "химический
    комплекс": one title says all the other says of the kind of facility (two words at least)."""
    sa, sb = _kind_stems(a), _kind_stems(b)
    small, large = (sa, sb) if len(sa) <= len(sb) else (sb, sa)
    return len(small) >= 2 and small <= large


def _same_plant(a: Draft, b: Draft, lead: str | None = None) -> bool:
    """Two project records of one article about one facility: the same concept (a car plant,
    a sugar plant), no figure, place or name that sets them apart, and not items split out of
    one sentence on purpose."""
    if a.kind != "project" or b.kind != "project" or a.evidence[:1] == b.evidence[:1]:
        return False
    concept, concept_b = first_concept(a.title), first_concept(b.title)
    if (concept is None or concept != concept_b) and not _restates(a, b):
        # a repeated brand ("автомобильный завод KIA Qazaqstan" ... "открытие завода KIA"): one
        # side names no kind of plant, both name the same proper name
        if not (concept is None or concept_b is None) or not (_names(a) & _names(b)):
            return False
    if _conflict(a, b)[1] or (a.regions and b.regions and not set(a.regions) & set(b.regions)):
        return False
    classes = {title_class(a.title), title_class(b.title)}
    if classes == {"plant", "site"}:
        return False    # "a weaving factory" and "a textile cluster": a plant is not the cluster or zone it may stand in
    if a.capacity and b.capacity and a.capacity != b.capacity:
        return False
    if any(x.listed and not x.companies and y.companies and not y.listed for x, y in ((a, b), (b, a))):
        return False    # "investors intend to build ferroalloy and cement plants, ..." and later "Monnet Group has
                        # launched a ferrosilicon project": a kind in a list of kinds, and a company's own plant
                        # (not "заводы – ..., бытовой техники Artel" and later "завод бытовой техники": its restatement)
    if any(ANOTHER.search(" ".join(d.evidence)[:400]) for d in (a, b)):
        return False    # "a second cement plant", "ещё один завод": the article says they are two
    if _introduced(a, lead) and _introduced(b, lead):
        return False    # "will commission a power plant ..." then "intends to build a coal power plant": two
    words_a = {w.lower() for c in a.companies for w in re.findall(r"\w{3,}", c)}
    words_b = {w.lower() for c in b.companies for w in re.findall(r"\w{3,}", c)}
    if words_a and words_b and not words_a & words_b:
        return False
    names_a, names_b = _names(a), _names(b)
    return not (names_a and names_b and not names_a & names_b)


QUOTE_OPENERS = "\"«“'"
INDEFINITE_BEFORE = re.compile(r"(?:^|\s)(?:a|an|another|one more)\s+(?:[\w$.,%-]+\s+){0,2}$", re.IGNORECASE)


def _introduced(d: Draft, lead: str | None) -> bool:
    """An English record whose own sentence brings its facility in with an indefinite article
    ("a coal thermal power plant"): a plant the article names for the first time, not one named
    again (that one is "the plant", "this plant" or its name). The lead and a quote tell the news
    afresh ("A new hydroelectric power plant is about to be launched" ... "In a few days a mini
    hydroelectric power plant will be put into operation," the manager said)."""
    if not d.evidence or d.evidence[0] == lead or d.evidence[0][:1] in QUOTE_OPENERS:
        return False
    first = d.evidence[0]
    at = first.lower().find(d.title.lower())
    return at > 0 and INDEFINITE_BEFORE.search(first, 0, at) is not None


@lru_cache(maxsize=1)
def _part_re() -> re.Pattern:
    """cues.yaml facility_part_patterns as a plain pattern (its `sub` blanks the parts out of a title)."""
    return re.compile("|".join(vocabulary().cues["facility_part_patterns"]), re.IGNORECASE)


def _part_stems(d: Draft) -> tuple[frozenset[str], bool]:
    """What d's title says of its kind once the parts of a facility are taken out of it, and whether
    it named a part ("тепличных блоков" -> {"тепли"}, True; "административно-бытовой комплекс и
    складов" -> {"компл"}, True)."""
    title = d.title or ""
    rest = _part_re().sub(" ", title)
    named_part = rest != title
    return _kind_stems_of(rest, tuple(d.companies)), named_part


def _part_of(d: Draft, p: Draft) -> bool:
    """d, a later project record, is a part or a restatement of the facility p: its title names one
    of the parts of a facility ("тепличных блоков", "wind turbines", "склады") or nothing but a word
    of p's own title ("теплицы" of "тепличный комплекс"), and no figure, place, firm, capacity or
    name sets it apart; not items split out of one sentence on purpose, nor "another"/"second" ones."""
    if d.kind != "project" or p.kind != "project" or d.evidence[:1] == p.evidence[:1] or d.listed:
        return False
    stems, named_part = _part_stems(d)
    own = _kind_stems(p)
    if not own or not stems <= own or not (named_part or len(stems) == 1):
        return False
    # (an area is the site's or the one it is to grow to: "площадь теплиц будут наращивать до 500 га")
    np_, nd = p.numbers(), d.numbers()
    np_.pop("area_m2", None)
    nd.pop("area_m2", None)
    if _agreement(np_, nd)[1] or (p.regions and d.regions and not set(p.regions) & set(d.regions)):
        return False
    if p.capacity and d.capacity and p.capacity != d.capacity:
        return False
    if d.companies and p.companies and not set(d.companies) & set(p.companies):
        return False
    if ANOTHER.search(" ".join(d.evidence)[:400]) and not named_part:
        return False
    names_p, names_d = _names(p), _names(d)
    return not (names_d and not names_d <= names_p | {w.lower() for c in p.companies for w in re.findall(r"\w+", c)})


def _has_size(d: Draft) -> bool:
    """Money or jobs of the pool, or of the pool it is a part of ("Of the remaining ones, 25 ...")."""
    return any(x is not None and (x.investment_kzt or x.investment_usd or x.jobs) for x in (d, d.parent))


def _fill(into: Draft, other: Draft) -> None:
    for attr in ("status", "sector", "project_count", "investment_kzt", "investment_usd", "jobs", "area_m2", "capacity", "period"):
        if getattr(into, attr) is None and getattr(other, attr) is not None:
            setattr(into, attr, getattr(other, attr))
    # one figure told rounded, then exactly ("1 300-ден астам" ... "1 320"): the exact one is the record's
    for attr in ("investment_kzt", "investment_usd", "jobs"):
        mine, theirs = getattr(into, attr), getattr(other, attr)
        if isinstance(mine, (int, float)) and isinstance(theirs, (int, float)) and mine != theirs \
                and _rounded(mine, theirs) and _trailing_zeros(theirs) < _trailing_zeros(mine):
            setattr(into, attr, theirs)
    if not into.regions:
        into.regions = list(other.regions)
    for c in other.companies:
        if c not in into.companies:
            into.companies.append(c)


WORKS_TITLE = re.compile(r"^(?:расширение|реконструкция|модернизация) ", re.IGNORECASE)
NAMED = re.compile(r"\s[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ«\"]")   # a name or a place after the first word


def _title_sector(d: Draft) -> str | None:
    """The sector of a record's title with its companies' names blanked ("Kazakhstan Investment Fund
    JSC", "Агро Трейд" name no product of this facility)."""
    title = d.title or ""
    for name in sorted(d.companies, key=len, reverse=True):
        title = title.replace(name, " ")
    return sector_of(title)[0]


def _sole_sector(text: str) -> str | None:
    """The industry a text names when it names exactly one (a list of three plants names none)."""
    found = sectors_in(text)
    return next(iter(found)) if len(found) == 1 else None


def finish(body: list[Draft], headline: list[Draft], analyses: list[Analysis], published: date | None) -> list[Draft]:
    # duplicates: the same program restated ("Биыл 55 млрд теңгелік 15 жобаны ...")
    kept: list[Draft] = []
    for d in body:
        twin = _twin(d, kept)
        if twin:
            if _generic(twin) and not _generic(d):
                twin.title, twin.borrowed_title = d.title, False
            _fill(twin, d)
            for e in d.evidence:
                twin.add_evidence(e)
            for item in body:
                if item.parent is d:
                    item.parent = twin   # the items of a pool said twice are the items of the one kept
            continue
        kept.append(d)
    # "PENG SHENG вложит 50 млрд тенге в возведение четырех заводов ... Компания собирается построить
    # 4 завода ... Среди них кожевенный завод, ...": the one firm of the pool builds the items that name none
    for d in kept:
        if d.kind == "project" and d.parent is not None and not d.companies and len(d.parent.companies) == 1:
            d.companies = list(d.parent.companies)
    # one facility, one record: the same plant named again in other words further on
    merged: list[Draft] = []
    lead = next((an.text for an in analyses if not an.sentence.headline), None)
    for d in kept:
        # only projects are compared (_same_plant's first test), here, without a call per pair
        same = next((k for k in merged if k.kind == "project" and _same_plant(k, d, lead)), None) if d.kind == "project" else None
        if same is None:
            merged.append(d)
            continue
        if _generic(same) and not _generic(d):
            same.title, same.borrowed_title = d.title, False
        _fill(same, d)
        for e in d.evidence:
            same.add_evidence(e)
    kept = merged
    # one facility told in several sentences: its blocks, turbines, warehouses and stages, or its kind
    # said again ("комплекс", "теплицы"), are the facility named before them, not facilities of their own
    parted: list[Draft] = []
    for d in kept:
        whole = next((k for k in reversed(parted) if _part_of(d, k)), None) if d.kind == "project" else None
        if whole is None:
            parted.append(d)
            continue
        _fill(whole, d)
        for e in d.evidence:
            whole.add_evidence(e)
    kept = parted
    # "В ходе реализации проекта создано 350 рабочих мест": a project named by a generic word
    # alone, no name and no place of its own, is the facility the article named before it
    linked: list[Draft] = []
    named = [k for k in kept if k.kind == "project" and not _generic(k)]
    for d in kept:
        before = [k for k in linked if k.kind == "project" and not _generic(k)]
        if d.kind == "project" and len(named) == 1 and before and _generic(d) and not _names(d) and not d.companies:
            k = before[-1]
            if not _conflict(k, d)[1] and (not d.regions or not k.regions or set(d.regions) & set(k.regions)) \
                    and not (d.sector and k.sector and d.sector != k.sector) and not ANOTHER.search(" ".join(d.evidence)[:400]):
                _fill(k, d)
                for e in d.evidence:
                    k.add_evidence(e)
                continue
        linked.append(d)
    kept = linked
    # drop projects with nothing to say (no figure, company, place, sector)
    # (an item of a list says what it is by standing beside the others: "..., домостроительный комбинат, ...")
    kept = [d for d in kept if d.kind == "program" or d.numbers() or d.companies or d.regions or d.sector or d.capacity
            or (d.listed or d.parent is not None) and not _generic(d)]   # an item of a counted pool too
    # and pools with nothing to say: no count, no figure, no sector ("checked how investment projects are
    # being implemented"), unless projects were named inside them
    kept = [d for d in kept if d.kind == "project" or d.numbers() or d.sector or any(k.parent is d for k in kept)]
    # the headline confirms the body, or states a record the body does not (a cut-off article,
    # a body that says only "the plant")
    for h in headline:
        best = max(kept, key=lambda k: _score(_conflict(k, h)), default=None)
        if best is not None and _conflict(best, h)[0] >= 1 and _conflict(best, h)[1] == 0:
            _fill(best, h)
            continue
        same_kind = [k for k in kept if k.kind == h.kind and not _other_facility(k, h)]
        if len(same_kind) == 1 and _conflict(same_kind[0], h)[1] == 0 and (h.numbers() or _same_facility(same_kind[0], h)):
            _fill(same_kind[0], h)
            continue
        restated = [k for k in same_kind if _same_facility(k, h) and _conflict(k, h)[1] == 0]
        if restated:
            _fill(restated[0], h)
            continue
        # a headline's pool that every pool of the body contradicts ("Двенадцать проектов на 221 млрд
        # тенге ..." over the body's "действуют 10 предприятий") is a pool of its own; so is a headline's
        # facility of another kind whose figures (the body's, read while it was the one open) every
        # record of the body contradicts ("to build mining complex" over a body's "a new data centre")
        apart = bool(same_kind) and all(_conflict(k, h)[1] > 0 and (h.kind == "program" or not _same_facility(k, h))
                                        for k in same_kind)
        if (not same_kind or apart) and (h.numbers() or h.status or h.named_new) and (
                not _generic(h) if h.kind == "project" else bool(set(h.numbers()) - {"project_count"} or not kept)):
            kept.insert(0, h)
    # "Казахстан и Китай взялись за проект расширения Шымкентского НПЗ" over a body's "расширение
    # завода по схеме 6+6": the headline names the facility of the works the body only describes
    for an in analyses:
        if an.sentence.headline:
            phrase = facility_phrase(an.text)
            if phrase is not None and WORKS_TITLE.match(phrase.title) and NAMED.search(phrase.title):
                for d in kept:
                    if d.kind == "project" and (d.title or "").split()[:1] == phrase.title.split()[:1] \
                            and not NAMED.search(d.title or ""):
                        d.title, d.borrowed_title = phrase.title, False
    # pools of "objects" in an article that never speaks of industry: schools, clinics, housing
    text = " ".join(an.text for an in analyses)
    if not cue_regex("industrial_context").search(text):
        # and pools of no sector in an article that names no facility of an industry: grants,
        # budget lines, "projects" of a programme that is not about production
        some_industry = any(d.kind == "project" and d.sector for d in kept)
        spending = bool(cue_regex("public_spending_context").search(text))
        kept = [d for d in kept if not (d.kind == "program" and (cue_regex("generic_pool_nouns").search(d.title)
                                                                  or not d.sector and not some_industry
                                                                  and (spending or not _has_size(d))))]
    # an article about one project: the companies its headline and first sentence name are the project's
    projects = [d for d in kept if d.kind == "project"]
    if len(projects) == 1:
        lead = [an for an in analyses if an.sentence.headline] + [an for an in analyses if not an.sentence.headline][:1]
        body = " ".join(an.text for an in analyses)
        for an in lead:
            for name, _, _ in an.companies:
                if name in projects[0].companies or re.search(rf"(?<!\w){re.escape(name.lower())}(?!\w)", body):
                    continue    # "Cement plant in ...": a headline's first word the text writes in lower case
                projects[0].companies.append(name)
    lend_lead_companies(kept, analyses)   # the firm named up front is the firm of "the plant" further on
    lend_referred_companies(kept, analyses)   # "The firm has put ...": the firm of the sentence before
    lend_sole_company(kept, analyses)   # the one firm an article names is the firm of its few projects
    # places: the article's one place is the place of its projects (and of its programs when
    # the headline or the first sentence names it), unless a record speaks of the whole country
    place_codes = {c for d in kept for c in d.regions}
    lead = [an for an in analyses if an.sentence.headline]
    first = next((an for an in analyses if not an.sentence.headline), None)
    if first is not None and any(d.kind == "program" and first.text in d.evidence for d in kept):
        lead.append(first)
    lead_codes = {r.code for an in lead for r in an.regions if not an.ranking
                  and not at_venue(an.text, r, "briefing_venue_patterns")}
    if first is not None and not first.ranking and cue_regex("trip_patterns").search(first.text):
        # a visit report's first sentence: "во время рабочей поездки в Карагандинскую область" is
        # where the plants it tours stand (its dateline, "ASTANA. KAZINFORM -", is not)
        lead_codes |= {r.code for r in first.regions if not r.surface.isupper()}
    place_codes |= lead_codes
    if not place_codes:
        # nothing up front and no record of its own names a place: the one region the whole
        # article names ("In North Kazakhstan ..." two sentences before "the paper plant")
        place_codes = {r.code for an in analyses if not an.ranking for r in an.regions
                       if not r.surface.isupper() and not at_venue(an.text, r, "briefing_venue_patterns")}
    if len(place_codes) == 1:
        code = next(iter(place_codes))
        for d in kept:
            if d.regions or d.national:
                continue
            if d.kind == "project" or code in lead_codes:
                d.regions = [code]
    _regions_referred_back(kept, analyses)
    # "жоба", "projects", "индустриальную": a record named by one generic word, with no figure and no
    # company, beside records that say more, is a mention of them, not a project of its own
    if len(kept) > 1:
        kept = [d for d in kept if d.numbers() or d.companies or d.parent is not None or not _one_generic_word(d.title)] or kept
    # a project without a period of its own happens when the program before it does
    last_program = None
    for d in kept:
        if d.kind == "program":
            last_program = d
        elif d.period is None and d.parent is None and last_program is not None:
            d.context_period = last_program.period
    headline_sector = _sole_sector(" ".join(an.text for an in analyses if an.sentence.headline))
    headline_pool = any(h.kind == "program" for h in headline)
    _common_words_as_firms(kept, analyses)
    for d in kept:
        if d.kind == "project" and d.sector is None:
            # "шыны зауыты", "крупяной завод" named in a title the sentence that opened the record did not
            # carry (the headline, a later restatement): the facility's own product noun gives the sector;
            # else an item of a pool is of the pool's industry ("два крупяных производства ... В частности,
            # начнет работу завод за 3,8 млрд тенге")
            # else the one industry its sentences name, else the one the headline names ("Шымкент:
            # легкая промышленность" over "наладили выпуск нижнего белья"): a project is of one industry
            d.sector = _title_sector(d) or _concept_sector(d.title) or (d.parent.sector if d.parent is not None else None) \
                or _sole_sector(" ".join(d.evidence)) or headline_sector
        elif d.kind == "program" and d.sector is None and headline_pool and not d.headline:
            # "Kostanay region to implement 96 agro projects" over the body's "the 96 investment projects
            # will generate ...": a headline about pools of one industry says the body's pools' industry
            d.sector = headline_sector
        if d.status is None and d.parent is not None:
            d.status = d.parent.status
        if d.status is None:
            year = int(d.period[:4]) if d.period else None
            d.status = "commissioned" if (year and published and year < published.year) else "planned"
        if d.period is None and d.parent is not None:
            d.period = d.parent.period
        if d.period is None and d.kind == "project":
            d.period = d.context_period
        if d.period is None and d.status in ("planned", "commissioned") and published is not None:
            d.period = str(published.year)   # this year's plan, or the launch the article reports as news
        if d.jobs_construction:
            d.jobs = None   # jobs while it is being built are not the record's jobs (the contract)
        if not d.title:
            d.title = "projects"
        if d.kind == "program":
            d.title = _pool_title(d)
        if d.kind == "project" and d.companies and not NAME_WORD.search(d.title):
            # "automobile manufacturing plant" of KIA Qazaqstan: readers (and the story matcher)
            # know a facility by its company, named in another sentence of the article
            d.title = with_company(d.title, _own_name_first(d))
    _fullest_company_names(kept, analyses)
    for d in kept:
        if d.sector is None and d.kind == "project":
            d.sector = _concept_sector(d.title)
        if d.kind == "project" or len(d.regions) <= 1:   # a pool over regions is in no one town
            d.title = with_town(d.title, d.companies, d.evidence)
    return kept


def _pool_title(d: Draft) -> str:
    """"206 regional industrialization projects (2020)": a pool is told from the region's other
    pools by its count and its year (issue 11), in the article's own words."""
    title = d.title
    if d.project_count and not re.match(r"\d", title):
        title = f"{d.project_count} {title}"
    if d.period and d.period[:4] not in title:
        title = f"{title} ({d.period[:4]})"
    return title


def _concept_sector(title: str) -> str | None:
    """The one industry the title's facility concepts belong to (data/concept_sectors.yaml)."""
    table = _concept_sectors()
    found = {table[c] for c in concepts_in(title) if c in table}
    return found.pop() if len(found) == 1 else None


@lru_cache(maxsize=1)
def _concept_sectors() -> dict[str, str]:
    return dict(_load("concept_sectors.yaml"))


def _fullest_company_names(kept: list[Draft], analyses: list[Analysis]) -> None:
    """A firm named short beside its plant and in full elsewhere ("Fufeng" ... "Fufeng Group (Shengtai
    Biotech Co., Ltd)"): the record names it in full, as the article does once. Only corporate words
    may follow the short form, so a name never grows into a sentence. One pass over the runs of
    corporate words, each looked up by the word before it: linear in the article's length."""
    by_last: dict[str, list[str]] = {}
    for name in {c for d in kept for c in d.companies if len(c) >= 3}:
        by_last.setdefault(name.split()[-1], []).append(name)
    if not by_last:
        return
    fuller: dict[str, str] = {}
    for an in analyses:
        for m in _tail_run().finditer(an.text):
            # the short name may end before the run or inside it ("EuroChem" or "EuroChem Group" of
            # "EuroChem Group AG")
            inner = [w.end() for w in NON_SPACE.finditer(an.text, m.start(), m.end())][:-1]
            for split in [m.start(), *inner]:
                before = an.text[max(0, split - 120):split]
                last = LAST_TOKEN.search(before)
                for name in by_last.get(last.group(0), ()) if last else ():
                    cut = len(before) - len(name)
                    if before.endswith(name) and (cut == 0 or not re.match(r"[\w-]", before[cut - 1])):
                        candidate = (name + an.text[split:m.end()]).rstrip(" .")
                        if len(candidate) > len(fuller.get(name, name)):
                            fuller[name] = candidate
    for d in kept:
        if any(c in fuller for c in d.companies):
            d.companies = list(dict.fromkeys(fuller.get(c, c) for c in d.companies))


NON_SPACE = re.compile(r"\S+")
LAST_TOKEN = re.compile(r"[^\s«\"“„(\[]+$")   # the word before a run, an opening quote or bracket left out


@lru_cache(maxsize=1)
def _tail_run() -> re.Pattern:
    """A run of corporate words (companies.yaml name_tail_words), the longest word tried first."""
    words = sorted(_load("companies.yaml")["name_tail_words"], key=len, reverse=True)
    return re.compile(rf"((?:[ ]+(?:{'|'.join(map(re.escape, words))})\b\.?)+)")


def _common_words_as_firms(kept: list[Draft], analyses: list[Analysis]) -> None:
    """"Meat plant under construction in Kegen" ... "a meat processing plant": a one-word "firm"
    written with a capital (as a headline or a sentence opens) that the article also writes in
    lower case is a common word.
    The article's words are gathered once: a search of the whole text per firm of every record
    made a one-megabyte page quadratic."""
    text = " ".join(an.text for an in analyses)
    words = set(WORD_OR_COMPOUND.findall(text)) | set(WORD_ONLY.findall(text))

    def written_in_lower_case(name: str) -> bool:
        low = name.lower()
        if WORD_OR_COMPOUND.fullmatch(low):
            return low in words
        return re.search(rf"(?<!\w){re.escape(low)}(?!\w)", text) is not None

    for d in kept:
        d.companies = [c for c in d.companies if " " in c or not c[:1].isupper() or c.isupper()
                       or not written_in_lower_case(c)]


WORD_OR_COMPOUND = re.compile(r"\w+(?:-\w+)*")
WORD_ONLY = re.compile(r"\w+")


def _regions_referred_back(kept: list[Draft], analyses: list[Analysis]) -> None:
    """"The region will soon commission a power plant": a project whose sentence names no place
    but points back to one ("the region", "в регионе", "облыста", "өңірде") is in the one region
    the nearest sentence before it names."""
    where = {an.text: i for i, an in enumerate(analyses)}
    back = cue_regex("region_reference_patterns")
    named = {r.code for an in analyses if not an.ranking for r in an.regions if not r.surface.isupper()}
    for d in kept:
        if d.regions or d.national or not d.evidence:
            continue
        i = where.get(d.evidence[0])
        if i is None or analyses[i].regions or not back.search(analyses[i].text):
            continue
        for an in reversed(analyses[:i]):
            codes = {r.code for r in an.regions if not r.surface.isupper()}
            if codes and not an.ranking:
                if len(codes) == 1:
                    d.regions = list(codes)
                break
        else:
            # "a pool of 102 projects ... is being implemented in the region", the region named only
            # further on ("Pavlodar region has been diversifying its economy"): the article's one region
            if len(named) == 1:
                d.regions = list(named)


def _own_name_first(d: Draft) -> list[str]:
    """The companies of a record, the facility's own name first: the one written right before its
    title in the evidence ("«Хромтау» жел электр станциясы" of ERG is the Khromtau wind station)."""
    words = d.title.split()
    if not words:
        return d.companies
    text = " ".join(d.evidence)
    head = re.escape(words[0])
    for c in d.companies:
        if re.search(re.escape(c) + r"[»\"”']?\s+" + head, text, re.IGNORECASE):
            return [c] + [x for x in d.companies if x != c]
    return d.companies
