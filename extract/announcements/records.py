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
from functools import lru_cache
from typing import Callable

from ..regions import find_regions
from .analysis import Analysis, analyse, has_substance, regions_in, period_in, apply_figures
from .anchors import ANOTHER_MARKER, COMPANY_OPENING, facility_after, opens_with_reference, project_anchor
from .companies import SURNAME_ENDINGS, WEB_DOMAIN_AFTER, find_companies
from .continuation import continue_record
from .draft import Draft
from .figures import Figure
from .finish import finish
from .folding import compile_folded
from .items import item_records, items_with_own_amounts, named_members, split_items
from .periods import told_as_background
from .placed import placed_products, placed_records
from .production import production_record
from .programs import coordinated_counts, program_records, subcount_numbers
from .sentences import split_sentences
from .state import State, st_position
from .titles import facility_phrase, facility_title, head_stems, with_company
from .vocabulary import FLAGS, cue_regex, sector_of, status_of, vocabulary


def build_drafts(text: str, published: date | None, language: str | None, title: str | None) -> list[Draft]:
    sentences = split_sentences(text, title)
    doc_regions = find_regions(text)
    st = State(language=language, published=published)
    analyses = [analyse(s, doc_regions, language, published) for s in sentences]
    facility_re, seen_facility = vocabulary().facility_re, False
    for an in analyses:   # whether "the plant" of a sentence can refer to a facility named before it
        an.facility_before = seen_facility
        seen_facility = seen_facility or bool(facility_re.search(an.text))
    _names_known_anywhere(analyses)
    st.reference_year = published.year if published else max(
        (int(p.value[:4]) for an in analyses for p in an.periods), default=None)
    currencies = [f.currency for an in analyses for f in an.figures if f.kind == "money" and f.currency]
    if currencies:
        # the article's usual currency; on a tie the one it writes first (a set's order would
        # make the choice, and the records, depend on the interpreter's hash seed)
        st.currency = max(dict.fromkeys(currencies), key=currencies.count)
    elif language in ("ru", "kk"):
        st.currency = "kzt"
    lead = [an for an in analyses if an.sentence.headline][:1] + [an for an in analyses if not an.sentence.headline][:1]
    st.lead_texts = [an.text for an in lead if not an.economy]
    headline_drafts: list[Draft] = []
    for an in analyses:
        if an.sentence.headline:
            sub = State(language=language, published=published, currency=st.currency)
            _one_sentence(an, sub)
            if not sub.records and (new := _new_facility(an)) is not None:
                sub.records.append(new)
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
        st.prev_companies = [name for name, _, _ in an.companies]
        st.prev_text = an.text
        st.seen_stems.update(head_stems(an.text))
    return finish(st.records, headline_drafts, analyses, published)


LONG_PAST_YEARS = 10


def _long_past(an: Analysis, st: State) -> bool:
    """"В 1970 году на его основе создали горно-обогатительный комбинат": a sentence whose every date
    lies ten years or more before the article's year and that states no plan or works under way tells
    history (the spec: background), even in an undated article (its latest year stands in)."""
    if st.reference_year is None or not an.periods:
        return False
    if any(st.reference_year - int(p.value[:4]) < LONG_PAST_YEARS for p in an.periods):
        return False
    return status_of(an.text) not in ("planned", "under_construction")


NEW_FACILITY = compile_folded(r"(?<!\w)(?:new|новая|новый|новое|новую|новой|жаңа)\s+(?:[\w-]+\s+){0,2}?")


def _new_facility(an: Analysis) -> Draft | None:
    """"Новая ТЭЦ в Кокшетау: к 2029 году весь город получит тепло", "Көкшетаудағы жаңа ЖЭО жайлы":
    a headline that names a new facility and its place states a project even with no verb of
    status (the body tells how far it is: "Құрылыс жұмысы келесі жылы басталады")."""
    places = regions_in(an, (0, len(an.text)))
    if not places or an.economy or an.social:
        return None
    for m in NEW_FACILITY.finditer(an.text):
        phrase = facility_phrase(an.text[m.end():m.end() + 60])
        if phrase is None or phrase.start > 0 or phrase.rank == 3:
            continue    # "new projects", "жаңа жоба": no facility said
        d = Draft("project", facility_title(an.text[m.start():], []), st_position(an, m.start()))
        d.regions, d.sector = places, sector_of(an.text)[0]
        d.named_new = True
        d.add_evidence(an.text)
        return d
    return None


def _one_sentence(an: Analysis, st: State) -> None:
    voc = vocabulary()
    # "тағы бір өндіріс", "ещё один завод", "one more plant": a facility, not a pool of one
    counts = [f for f in an.figures if f.kind == "count"
              and not (f.value == 1 and ONE_MORE.search(an.text, max(0, f.start - 12), f.start + 1))
              and not _counts_parts(an.text, f)]
    social = an.social and not sector_of(an.text)[0]
    if social:
        st.current = st.program = st.list_intro = None
        return
    # (abroad is asked only of a sentence that could state or continue a project: its many place
    # names are the costliest test of a sentence)
    if not an.sentence.headline and (an.figures or voc.facility_re.search(an.text)) and an.abroad:
        # "three solar projects in Uzbekistan": a project abroad; the sentences after it that
        # refer back to it ("That project will involve $10bn") fill a record no one keeps
        st.current = Draft("project", "", st_position(an, 0))
        st.program = st.list_intro = None
        return
    if not an.sentence.headline and (told_as_background(an.text) or _long_past(an, st)):
        return    # a plan or a milestone before the news: neither a record nor the open one's figures
    if not an.sentence.headline and not any(f.kind in ("money", "jobs") for f in an.figures) \
            and cue_regex("raw_source_patterns").search(an.text):
        return    # where the raw material comes from: the deposits and pits it names are no projects
    intro, prev = st.list_intro, st.list_prev
    st.list_intro, st.list_prev = (an, None) if _announces_list(an) else (None, None)
    if intro is not None and _list_line(an, intro, prev, st):
        return
    if intro is not None and BULLET.match(an.text) and st.list_intro is None:
        st.list_intro, st.list_prev = intro, an.text   # a bullet that is no item does not end the list
    if an.economy:
        # "Oil production over the period reached ...": figures of the economy, not of a project;
        # decided per figure: a figure whose own clause carries no economy word is the open project's
        own = _project_figures(an)
        subject = _subject_firm(an.text) if own and not own.companies else ""
        if own and st.current is not None and st.current.kind == "project":
            continue_record(own, st)
        elif own and (own.companies or subject) and not an.national:
            # "ТОО «Жайык Мет» увеличит выпуск продукции до 80 тыс. тонн, вложив в модернизацию цеха
            # 9 млрд тенге": a firm's output is the economy, what it invests in its plant a project,
            # named by the facility of the figure's own clause
            clause = _clause_around(an.text, own.figures[0].start)
            if voc.facility_re.search(an.text, *clause):
                made = item_records(own, st, clause, parent=None, whole_sentence=False)
                for d in made:
                    d.companies = d.companies or [name for name, _, _ in own.companies][:1]
                    d.regions = d.regions or regions_in(an, (0, len(an.text)))
                    d.title = with_company(d.title, d.companies)
            elif (works := cue_regex("expansion_patterns").search(an.text)) is not None:
                # "Aral Beverages is expanding its bottling output ... with an investment of 30 billion
                # tenge": what a firm invests to expand its own output is a project, its expansion
                firm = [name for name, _, _ in own.companies][:1] or [subject]
                d = Draft("project", with_company(_expansion_title(an.text, works), firm), st_position(an, works.start()))
                d.companies = firm
                d.regions = regions_in(an, (0, len(an.text)))
                d.status = status_of(an.text) or ("under_construction" if re.search(r"\b(?:is|are) expanding\b", an.text)
                                                  else "planned")
                d.sector = sector_of(an.text[works.start():works.end() + 40])[0]
                d.period, d.national = period_in(an, (0, len(an.text))), an.national
                apply_figures(d, own, (0, len(an.text)), clause[0], st.currency, only_missing=True)
                d.add_evidence(an.text)
                st.records.append(d)
                st.current = d
        return
    if not counts and (placed := placed_products(an)):
        placed_records(an, st, placed)   # "projects to produce X in A, Y in B and Z in C": one per place
        return
    if counts and cue_regex("industry_stock_patterns").search(_with_digits(an.text)):
        return    # "в мукомольной отрасли работают порядка 270 предприятий": the industry today (and its parts)
    subs = subcount_numbers(an)
    if subs:
        first_sub = min(start for start, _ in subs)
        own = [f for f in counts if f.start < first_sub]
        split = first_sub
        if own:   # "Eleven projects ... are on the list, and work has begun on five of them": the pool, then its part
            cut = list(re.finditer(r"[,;]\s+(?:and\s+|и\s+|а\s+|ал\s+)?|\s+(?:and|и|а)\s+", an.text[own[-1].end:first_sub]))
            split = own[-1].end + cut[-1].start() if cut else first_sub
            program_records(an, st, [(f.start, int(f.value)) for f in coordinated_counts(an, own)], subcount=False,
                            bounds=(0, split))
        if st.program is not None:
            program_records(an, st, subs, subcount=True, bounds=(split, len(an.text)) if own else None)
        return
    if counts and (listed := voc.enumeration_re.search(an.text, 0, counts[0].start)) is not None \
            and cue_regex("plural_facility_patterns").search(an.text, 0, listed.start()) \
            and not any(f.kind == "count" and f.start < listed.start() for f in an.figures):
        # "A number of facilities are already running, among them two cotton ginning plants and a PVC
        # pipe plant": the number counts one item of the list, it is no pool of its own
        for d in item_records(an, st, (listed.end(), len(an.text)), parent=st.program, listed=True):
            d.status = d.status or status_of(an.text[:listed.start()])
        return
    if counts:
        counts = coordinated_counts(an, counts)
        program_records(an, st, [(f.start, int(f.value)) for f in counts], subcount=False)
        return
    if st.current is not None and st.current.kind == "project" and cue_regex("component_patterns").search(an.text):
        continue_record(an, st)    # "Проектом предусмотрены пассажирский терминал, ...": parts of the open project
        return
    enum = voc.enumeration_re.search(an.text)
    if enum is None and st.current is not None and st.current.kind == "program":
        # "They are a plant ...", "Это завод ...": the pool's items, if a facility noun follows the opener
        openers = cue_regex("enumeration_openers_bare")
        bare = openers.match(an.text)
        enum = bare if bare is not None and facility_after(an.text[:bare.end() + 60], openers) else None
    if enum and cue_regex("resource_patterns").search(an.text, 0, enum.start()):
        enum = None     # "the region has large natural resources, including barytes, coal, ...": no projects
    if enum and cue_regex("material_item_openers").match(an.text, enum.end()):
        enum = None     # "будут обогащать вторсырье, в том числе хвосты ... месторождения": a material, no projects
    if enum and st.current is not None and st.current.kind == "program" or (enum and st.program and an.backref and st.current is st.program):
        shared = shared_head_items(an.text, (enum.start(), len(an.text)))
        if shared:   # "Олар – шина жасайтын, ... және мырышталған болат өндіретін зауыттардың құрылысы"
            _product_records(an, st, (enum.end(), len(an.text)), shared, parent=st.program)
            st.current = st.program
            return
        item_records(an, st, (enum.end(), len(an.text)), parent=st.program, listed=True)
        return
    pool_status = status_of(st.prev_text) if enum and st.prev_text and cue_regex("plural_facility_patterns").search(st.prev_text) else None
    if enum and pool_status and enum.start() <= 15:
        # "В этом году откроются новые производства. Среди них – производство оконного профиля (Актобе),
        # а также медной катанки (Балхаш)": the items of a pool the sentence before announced, listed
        # by a sentence that opens with the list ("Среди них", "Among them", not "..., including ...")
        for d in item_records(an, st, (enum.end(), len(an.text)), parent=None, listed=True):
            d.status = d.status or pool_status
        return
    if an.total:
        continue_record(an, st)
        return
    # a reference with nothing before it to refer to ("The project, worth $1.1 billion, ...") may open a record
    referring = opens_with_reference(an, st.current, st.seen_stems) and (
        st.current is not None or not any(f.kind in ("money", "jobs") for f in an.figures))
    if referring and facility_after(an.text, ANOTHER_MARKER):
        referring = False   # "Зауыт аумағында тағы бір өндіріс – бояу цехы ашылмақ": one more facility, a new one
    # "Stadler Kazakhstan was set up this year ... The company plans to launch production of
    # passenger cars": with no project open, "the company" is the one named just before, and
    # what it plans is a project of its own
    borrowed: list[str] = []
    if (referring and st.prev_companies and COMPANY_OPENING.match(an.text) and not an.companies
            and (st.current is None or st.current.kind != "project")):
        referring, borrowed = False, list(dict.fromkeys(st.prev_companies))
    anchor = None if referring else project_anchor(an, st.current)
    if anchor is not None:
        span, status_pos, plural = anchor
        if plural and items_with_own_amounts(an, span):
            # "запустят производства чулочно-носочных изделий за 1,04 млрд тенге, ковров ... за 2,5 млрд
            # тенге": a plural head over items that each state their own amount is one record per item
            item_records(an, st, span, parent=st.program, status_hint=status_pos, listed=True)
            return
        if plural and st.program is not None:
            # "Investors intend to build ferroalloy and cement plants, put up solar power plants and a
            # food factory": the things the open pool consists of, one record each
            if len(split_items(an, span)) >= 2:
                item_records(an, st, span, parent=st.program, status_hint=status_pos, listed=True)
                st.current = st.program
                return
            products = _product_list(an.text, span)
            if products:
                _product_records(an, st, span, products, parent=st.program)
                st.current = st.program
                return
            anchor = None
        elif plural and _named_members_of(an.text, span, status_pos):
            # "заводов «Туран» и «Восток»", "the Zhanatas and Shokpar wind farms": a plural head over
            # names is one facility per name, not a pool
            item_records(an, st, span, parent=None, status_hint=status_pos)
            return
        elif plural:
            d = Draft("program", facility_title(an.text[span[0]:span[1]], []), st_position(an, span[0]))
            d.status = status_of(an.text[span[0]:span[1]])
            d.sector = sector_of(an.text[span[0]:span[1]])[0]
            d.regions = regions_in(an, (0, len(an.text)))
            d.period = period_in(an, (0, len(an.text)))
            d.national = an.national
            apply_figures(d, an, (0, len(an.text)), 0, st.currency, only_missing=True)
            d.add_evidence(an.text)
            # "Plants for copper wire, roofing sheets and PVC windows ... are due to start up": a plural
            # head over a list of products is one plant per product; the plural head is a pool of its
            # own only when the sentence counts or prices it (the spec: a list of products without
            # figures gives one record each)
            products = _product_list(an.text, span)
            if products and not d.numbers():
                d = None
            else:
                st.records.append(d)
                st.current = st.program = d
            _product_records(an, st, span, products, parent=d)
            if d is None:
                st.current = st.records[-1]
            return
    if anchor is not None and SHARED_HEAD_KK.search(an.text, anchor[0][0], anchor[0][1]) \
            and len(products := shared_head_items(an.text, anchor[0])) >= 2:
        # "цемент, шыны және керамикалық плитка шығаратын зауыттар": a Kazakh plural head (a form
        # the plural test of the anchor does not read) over a list of products is a plant each
        _product_records(an, st, anchor[0], products, parent=None)
        st.current = st.records[-1]
        return
    if anchor is not None:
        span, status_pos, plural = anchor
        parent = st.program if re.match(r"^\W*(?:in particular|в частности|также|соның ішінде)", an.text, FLAGS) else None
        beside = st.current if st.current is not None and st.current.kind == "project" and \
            ANOTHER_MARKER.search(an.text, max(0, span[0] - 25), span[0] + 1) else None
        # "A flour mill opened in Arkalyk in May, and a pasta factory was launched in Zhitikara in
        # June": a later clause that states a facility of its own opens its own record
        later = project_anchor(an, None, after=span[1])
        later = later if later is not None and not later[2] else None
        made = item_records(an, st, span, parent=parent, status_hint=status_pos, whole_sentence=later is None)
        while made and later is not None:
            more = item_records(an, st, later[0], parent=parent, status_hint=later[1], whole_sentence=False)
            if not more:
                break
            for d in more:   # "В Алматинской области компания X ..., «Y» ...": the place the sentence opens with
                d.regions = d.regions or [r.code for r in an.regions if r.start <= 3][:1]
            made = made + more
            later = project_anchor(an, None, after=later[0][1])
            later = later if later is not None and not later[2] else None
        if made:
            if beside is not None:
                for d in made:
                    d.regions = d.regions or list(beside.regions)   # one more facility beside the plant: its place
            if borrowed and len(made) == 1 and not made[0].companies:
                made[0].companies = list(borrowed)
                made[0].title = with_company(made[0].title, borrowed)
                if not made[0].regions and st.program is not None:
                    made[0].regions = list(st.program.regions)   # a company of the park the article tours
            return
    # a sentence about an industry lends its sector to a program in the next sentence
    if cue_regex("industry_patterns").search(an.text):
        st.sector_context = sector_of(an.text)[0]
    # "The line will cost ...", "Этот завод ...", and in Russian and Kazakh, which have no article, a
    # subject that is the noun itself ("Зауыт Шардара қаласындағы индустриалды аймақта салынбақ")
    opening = DETERMINER_OPENING.match(an.text)
    if opening is None and cue_regex("bare_subject_nouns").match(an.text):
        opening = re.match(r"\W*", an.text)   # the noun itself opens the sentence
    if st.current is None and st.pending is not None and opening and (
            vocabulary().facility_re.match(an.text, opening.end()) or LINE_NOUN.match(an.text, opening.end())) and (
            status_of(an.text) or any(f.kind in ("money", "jobs") for f in an.figures)):
        # "A 150-km rail spur to the Sarybel deposit ... was on the agenda. The line will cost 80 billion
        # tenge and is to be built by 2027": the facility named before, with nothing told of it then,
        # is what "The line" says something of now
        _open_pending(an, st)
        return
    if anchor is None and not referring and (st.current is None or st.current.kind == "program") \
            and production_record(an, st) is not None:
        return    # "Trucks will begin to be produced in Saran": production said with a verb
    if st.current is None and anchor is None and not referring and not an.economy and not an.text.isupper() \
            and _names_specific_facility(an):
        st.pending = an
    elif st.current is not None:
        st.pending = None
    continue_record(an, st)


def _named_members_of(text: str, span: tuple[int, int], status_pos: int | None) -> list[str]:
    item = text[span[0]:span[1]]
    hint = status_pos - span[0] if status_pos is not None and 0 <= status_pos - span[0] < len(item) else None
    return named_members(item, facility_phrase(item, hint))


def _with_digits(text: str) -> str:
    """The text with its number words written as digits ("работают три предприятия" -> "работают 3
    предприятия"): the stock patterns, written for digits, read both."""
    voc = vocabulary()
    out, last = [], 0
    for m in voc.number_word_re.finditer(text):
        out += [text[last:m.start()], str(voc.number_words[m.group(0).lower()])]
        last = m.end()
    return "".join(out) + text[last:]


def _counts_parts(text: str, f: Figure) -> bool:
    """"a plant consisting of 16 buildings", "16 ғимараттан тұратын кәсіпорын", "the cluster is to
    include up to 10 production facilities": the count of one facility's parts, not a pool of projects."""
    number_end = f.start + len(re.match(r"\S*", text[f.start:]).group(0))   # (a count's span runs on to its noun)
    before, after = text[max(0, f.start - 40):f.start], text[number_end:number_end + 60]
    if cue_regex("parts_count_before").search(before) or cue_regex("parts_count_after").search(after):
        return True
    return bool((cue_regex("parts_include_before").search(before) or cue_regex("parts_include_after").search(after))
                and not cue_regex("parts_include_not").search(after))


DETERMINER_OPENING = re.compile(r"^\W*(?:the|this|its|этот|эта|это|данн\w+|бұл|осы)\s+(?:(?:new|first|\w+-\w+)\s+)?", re.IGNORECASE)
LINE_NOUN = re.compile(r"(?:line|spur|railway|road|pipeline|линия|ветка|дорога|трубопровод|желі|жол)\w*\b", re.IGNORECASE)


def _names_specific_facility(an: Analysis) -> bool:
    """A facility noun with a place or a sector in the sentence: a facility someone could report on."""
    voc = vocabulary()
    return bool(voc.facility_re.search(an.text)) and bool(regions_in(an, (0, len(an.text))) or sector_of(an.text)[0])


def _open_pending(an: Analysis, st: State) -> None:
    named = st.pending
    st.pending = None
    made = item_records(named, st, (0, len(named.text)), parent=None)
    if not made:
        return
    d = made[-1]
    st.current = d
    continue_record(an, st)
    d.status = status_of(an.text) or d.status


BULLET = re.compile(r"^\s*(?:[•·▪◦*–—-]|\d{1,2}[.)])\s*")


SHORT_INTRO = 40   # "Среди них", "Among them are": an enumeration alone on its line is short


def _announces_list(an: Analysis) -> bool:
    """A line ending in a colon that speaks of facilities, their building or a pool ("Жобаны жүзеге
    асыру екі кезеңге бөлінген:"), not a speaker's name before a quote ("Н. Нұржігітов, облыс әкімі:");
    or an enumeration alone on its line ("Среди них"), the items on the lines below it."""
    voc = vocabulary()
    enum = voc.enumeration_re.search(an.text) if len(an.text) <= SHORT_INTRO else None
    if enum is not None and not an.text[enum.end():].strip(" :–—-"):
        return True     # "Среди них" alone on its line, the items on the lines below
    return an.text.rstrip().endswith(":") and bool(
        voc.facility_re.search(an.text) or voc.event_noun_re.search(an.text) or voc.status_any_re.search(an.text))


def _product_records(an: Analysis, st: State, span: tuple[int, int], products: list[str], parent: Draft | None) -> None:
    """"Projects to produce polyethylene and butadiene are due to be commissioned soon": one project
    per product, a part of the pool the article counted (parent), if it counted one."""
    for product in products:
        p = Draft("project", product, st_position(an, span[0]), parent=parent)
        p.status = status_of(an.text[span[0]:span[1]]) or (parent.status if parent is not None else None)
        p.regions = regions_in(an, (0, len(an.text)))
        p.period, p.national = period_in(an, (0, len(an.text))), an.national
        p.sector, p.listed = sector_of(product)[0], True
        p.companies = find_companies(product)   # "завод бытовой техники Artel": the item's own firm
        p.add_evidence(an.text)
        st.records.append(p)


def _list_line(an: Analysis, intro: Analysis, prev: str | None, st: State) -> bool:
    """A line of a list announced by a colon ("China Energy сосредоточится на строительстве:" /
    "Солнечной электростанции мощностью 300 МВт в Туркестанской области;"): a facility it names is
    one project of the pool the article counted before, with the status the announcing line gives.
    The list goes on while its lines name a facility and stay short, or carry a bullet."""
    text = an.text
    bulleted = bool(BULLET.match(text)) and not re.match(r"^\s*\d{1,2}[.)]\d", text)
    # unmarked lines: the first after the colon, or the next after one that ends in a semicolon
    unmarked = prev is None or prev.rstrip().endswith((";", ","))   # "кожевенный завод," / "завод по выпуску желатина,"
    if not (bulleted or unmarked and len(text) <= 220):
        return False
    start = BULLET.match(text).end() if bulleted else 0
    # a bullet names its item by a facility noun, or by an activity or product alone
    # ("- deep processing of wool in Aktobe region,", "- textile production in Zhetysu region")
    if not (vocabulary().facility_re.search(text) or bulleted and len(text) <= 220 and has_substance(text[start:])):
        return False
    if an.economy or any(f.kind == "count" for f in an.figures):
        return False
    parent = st.program if st.current is not None and st.current is st.program else None
    made = item_records(an, st, (start, len(text)), parent=parent)
    if not made:
        return False
    # the one firm the announcing line or the counted pool names builds the items that name none
    lender = [name for name, _, _ in intro.companies] or (parent.companies if parent is not None else [])
    for d in made:
        d.status = status_of(text) or status_of(intro.text) or d.status
        if not d.regions and parent is None:
            d.regions = regions_in(intro, (0, len(intro.text)))
        if not d.companies and len(lender) == 1:
            d.companies = list(lender)
    st.list_intro, st.list_prev = intro, text      # the next line may be the next item
    if parent is not None:
        st.current = st.program = parent
    return True


CLAUSE_PUNCT = re.compile(r"[,;:()]|\s(?:and|while|but|и|а|но|ал|және)\s|\s(?=with (?:an |total )?investments? of\b)")


EXPANDED_OUTPUT = re.compile(r"\b(?:its|their)\s+((?:[\w-]+\s+){0,2}?)(?:output|production|capacity|capacities)\b", re.IGNORECASE)


SUBJECT_FIRM = re.compile(r"^\W*((?:[A-Z][\w&'’-]*\s+){0,3}[A-Z][\w&'’-]*)\s+(?:is|are|will|has|have|plans|expands|expanded)\b")


def _subject_firm(text: str) -> str:
    """A capitalised name that opens the sentence as its subject ("Aral Beverages is expanding
    ..."), when it is no stop word or place: a firm the sentence is about."""
    from .companies import _lists
    m = SUBJECT_FIRM.match(text)
    if m is None:
        return ""
    name = m.group(1)
    stop = _lists()[2]
    places = find_regions(name)
    if name.split()[0] in stop or len(name) < 3 or any(p.start == 0 and p.end >= len(name) for p in places):
        return ""
    return name


def _expansion_title(text: str, works: re.Match) -> str:
    """"expanding its bottling output" -> "bottling output expansion"."""
    m = EXPANDED_OUTPUT.search(text, works.start(), works.end() + 60)
    what = " ".join((m.group(1) + "output").split()) if m else "output"
    return f"{what} expansion"


def _clause_around(text: str, pos: int) -> tuple[int, int]:
    """The stretch of the sentence between punctuation (or a coordinator) that holds pos."""
    cuts = [0] + [m.end() for m in CLAUSE_PUNCT.finditer(text)] + [len(text)]
    return max(c for c in cuts if c <= pos), min((c for c in cuts if c > pos), default=len(text))


def _project_figures(an: Analysis) -> Analysis | None:
    """The sentence with only the money and jobs figures whose clause (between punctuation) has no
    macro or economy cue, or None when there are none."""
    voc = vocabulary()
    keep = []
    for f in an.figures:
        if f.kind not in ("money", "jobs"):
            continue
        a, b = _clause_around(an.text, f.start)
        clause = an.text[a:b]
        if voc.macro_re.search(clause) or cue_regex("economy_patterns").search(clause) or "%" in clause:
            continue
        keep.append(f)
    if not keep:
        return None
    import copy
    other = copy.copy(an)
    other.figures = keep
    return other


@lru_cache(maxsize=1)
def _product_list_head() -> tuple[re.Pattern, dict[str, str]]:
    """cues.yaml product_list_heads / product_list_leads as one pattern, and the singular of each head."""
    cues = vocabulary().cues
    heads = {k.lower(): v for k, v in cues["product_list_heads"].items()}
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, heads)) + r")\s+(" + "|".join(cues["product_list_leads"]) + r")\s+",
                         re.IGNORECASE)
    return pattern, heads


MODIFIER_END = re.compile(r"(?:ых|их|ой|ого|ый|ий|ая|яя|ое|ее|ous|al|ic|ive|ed)$", re.IGNORECASE)
LIST_SEP = re.compile(r"\s*,\s*(?:and\s+|и\s+)?|\s+(?:and|и|және|мен)\s+", re.IGNORECASE)
LIST_END = re.compile(r",\s*(?:among others|and others|и другие|в том числе|etc)\b|\s+(?:are|is|will|were|was|будут|будет|в|in|at)\b"
                      r"|[.;:(]", re.IGNORECASE)


def _product_list(text: str, span: tuple[int, int]) -> list[str]:
    """The products of a plural facility head, one title each ("copper wire plant"), when two or more
    are coordinated after it; none otherwise."""
    head_re, singular = _product_list_head()
    m = head_re.search(text, span[0], span[1])
    if m is None:
        return shared_head_items(text, span)
    end = LIST_END.search(text, m.end())
    products = [p.strip() for p in LIST_SEP.split(text[m.end():end.start() if end else len(text)]) if p.strip()]
    if len(products) < 2 or any(len(p.split()) > 4 for p in products):
        return []
    if len(products) == 2 and len(products[0].split()) == 1 and len(products[1].split()) > 1 or \
            any(MODIFIER_END.search(p.split()[-1]) for p in products[:-1]):
        # "non-ferrous and ferrous metal scrap", "лома черных и цветных металлов", "steel and aluminium
        # structures": modifiers of one product. Three or more items are a list of products ("cement,
        # glass and ceramic tiles"), whatever the last one's length.
        return []
    return [f"{singular[m.group(1).lower()]} {m.group(2)} {p}" for p in products]


SHARED_HEAD_RU = re.compile(r"\b(заводы|фабрики|цеха|предприятия|комбинаты|plants|factories|facilities|works)\s*[–—-]\s*", re.IGNORECASE)
SHARED_HEAD_KK = re.compile(r"\s(зауыттар|кәсіпорындар|цехтар|фабрикалар|өндірістер)\w*", re.IGNORECASE)
KK_PAIR_BEFORE = re.compile(r"(?<![\w,])\s?([а-яәғқңөұүһі]+)\s+(?:мен|бен|пен|және)\s+([а-яәғқңөұүһі]+)\s+"
                            r"([а-яәғқңөұүһі]+(?:тын|тін|йтын|йтін|атын|етін))\s*$", re.IGNORECASE)
KK_LOCATIVE_WORD = re.compile(r"\w+(?:да|де|та|те|нда|нде)(?=\s)", re.IGNORECASE)
KK_PARTICIPLE_END = re.compile(r"(?:тын|тін|йтын|йтін|атын|етін|ған|ген|қан|кен)$", re.IGNORECASE)
KK_ACCUSATIVE_END = re.compile(r"(?:ын|ін|ны|ні|ды|ді|ты|ті)$", re.IGNORECASE)
RU_ADJECTIVE_END = re.compile(r"(?:ый|ий|ой|ая|яя|ое|ее)$", re.IGNORECASE)
HEAD_SINGULAR = {"заводы": "завод", "фабрики": "фабрика", "цеха": "цех", "предприятия": "предприятие",
                 "комбинаты": "комбинат", "plants": "plant", "factories": "factory", "facilities": "facility",
                 "works": "works", "зауыттар": "зауыт", "кәсіпорындар": "кәсіпорын", "цехтар": "цех",
                 "фабрикалар": "фабрика", "өндірістер": "өндіріс"}


def shared_head_items(text: str, span: tuple[int, int]) -> list[str]:
    """Plants named by one plural head shared by a list of what each makes: "строятся заводы – шинный,
    бытовой техники Artel, горячего цинкования и оцинкованной рулонной стали" (the head first, then
    adjectives or genitives), "шина жасайтын, Artel тұрмыстық техникасын шығаратын және мырышталған
    болат өндіретін зауыттардың құрылысы" (participles, then the head). One title per item."""
    m = SHARED_HEAD_RU.search(text, span[0], span[1])
    if m is not None:
        end = LIST_END.search(text, m.end())
        items = [p.strip() for p in LIST_SEP.split(text[m.end():end.start() if end else len(text)]) if p.strip()]
        if len(items) >= 2 and all(len(p.split()) <= 6 for p in items):
            head = HEAD_SINGULAR[m.group(1).lower()]
            return [f"{p} {head}" if len(p.split()) == 1 and RU_ADJECTIVE_END.search(p) or head in ("plant", "factory", "facility", "works")
                    else f"{head} {p}" for p in items]
    m = SHARED_HEAD_KK.search(text, span[0], len(text))
    if m is not None and (pair := KK_PAIR_BEFORE.search(text, 0, m.start())):
        # "бөтелке мен айна шығаратын цехтар": two products joined by "мен" share one participle and
        # the plural head: a workshop each
        head, verb = HEAD_SINGULAR[m.group(1).lower()], pair.group(3)
        return [f"{pair.group(1)} {verb} {head}", f"{pair.group(2)} {verb} {head}"]
    if m is not None:
        start = max(text.rfind("–", 0, m.start()), text.rfind("—", 0, m.start()), text.rfind(":", 0, m.start()))
        bare_nouns = start < 0
        if bare_nouns:
            # "Парк аумағында жиһаз, сусын, мұздатқыш және құрылыс заттарын шығаратын өндірістер": with no
            # dash, the list opens after the place the sentence starts with
            first_comma = text.find(",", 0, m.start())
            places = list(KK_LOCATIVE_WORD.finditer(text, 0, first_comma if first_comma > 0 else m.start()))
            if first_comma < 0 or not places:
                return []
            start = places[-1].end()
        items = [p.strip() for p in LIST_SEP.split(text[start + 1:m.start()]) if p.strip()]
        if len(items) >= 2 and KK_PARTICIPLE_END.search(items[-1]):
            # "... құбырларын және мырышталған болат өндіретін": an object shares the last item's participle;
            # so do bare nouns listed before the one that takes the case ending ("жиһаз, сусын және ... заттарын")
            verb = items[-1].split()[-1]
            items = [p if KK_PARTICIPLE_END.search(p) or not (bare_nouns or KK_ACCUSATIVE_END.search(p)) else f"{p} {verb}"
                     for p in items]
        if len(items) >= 2 and all(len(p.split()) <= 8 and KK_PARTICIPLE_END.search(p) for p in items):
            head = HEAD_SINGULAR[m.group(1).lower()]
            return [f"{p} {head}" for p in items]
    return []


ONE_MORE = re.compile(r"(?:тағы|ещ[её]|one more|another)\s+\S*$|(?:тағы|ещ[её])\s+(?:бір|один|одн)", re.IGNORECASE)
PERSON_TITLE = re.compile(r"(?:president|minister|akim|governor|chairman|ceo|director|head|deputy|mr|ms|mrs|dr|"
                          r"премьер|министр|аким|глава|председател|директор|президент|вице|әкім|төраға)\w*[\s,.]*"
                          r"(?:[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w'-]+\s+)?$", FLAGS)   # "Prime Minister Askar Mamin": his given name between
SURNAME = re.compile(r"(?:ov|ev|ova|eva|in|ina|uly|kyzy|ұлы|қызы|ов|ев|ова|ева|ин|ина|ский|ская)$", re.IGNORECASE)
PLACE_PREPOSITION = re.compile(r"\b(?:in|to|from|of|at|near|via|across)\s+$")
# "Li Ming, Head of Gezhouba Group": a name with an office after it is a person
PERSON_TITLE_AFTER = re.compile(r",\s+(?:the\s+)?(?:(?:first\s+)?(?:deputy\s+|vice[\s-])?(?:head|director|general director|ceo|chairman|"
                                r"chairwoman|president|general manager|founder|minister|akim|governor|mayor|manager)\b|"
                                r"(?:глав|директор|председател|министр|аким|президент|руководител)\w*)", re.IGNORECASE)
REPEATED_NAME = re.compile(r"(?<![\w-])(?:[A-Z][A-Za-z0-9&'-]*[A-Za-z0-9])(?:\s+[A-Z][A-Za-z0-9&'-]*[A-Za-z0-9]){0,3}")


def _repeated_names(analyses: list[Analysis]) -> list[str]:
    """Latin-script names an article writes twice or more, mid-sentence at least once, that are
    neither a person (a title before it, a patronymic or Russian surname ending) nor a place
    nor a common word: in news about a project these are its companies and brands."""
    from .companies import COUNTRY_TAILS, POSSESSIVE_RE, _lists, no_firm_around
    stop = _lists()[2]
    seen: dict[str, list[bool]] = {}
    not_firms: set[str] = set()     # people, parties, ministries: the name is no firm wherever it stands
    named_free: set[str] = set()
    for an in analyses:
        region_spans = an.region_spans()
        for m in REPEATED_NAME.finditer(an.text):
            name = m.group(0)
            if any(a <= m.start() < b for a, b in region_spans) or name in stop or name.split()[0] in stop:
                continue
            base = POSSESSIVE_RE.sub("", name)
            if base in stop or base in COUNTRY_TAILS:
                continue    # "affirmed Kazakhstan's rating ... raised Kazakhstan's": the country's, no firm's
            if re.search(r"\d[\s\u00a0]*$", an.text[max(0, m.start() - 3):m.start()]):
                continue    # "Zhanatas 100 MW Wind Power Plant": a unit after a number opens no name
            if WEB_DOMAIN_AFTER.match(an.text, m.end()):
                continue    # "деп жазады Zakon.kz", "Zakon.kz жаңалығы": an outlet's site, no firm
            if no_firm_around(an.text, m.start(), m.end()):
                not_firms.add(name)   # "«AMANAT» партиясы", "the Ministry of Energy": a party's or a ministry's
            before = an.text[max(0, m.start() - 30):m.start()]
            if PERSON_TITLE.search(before) or SURNAME.search(name.split()[-1]) and len(name.split()) >= 2 or \
                    PERSON_TITLE_AFTER.match(an.text, m.end()):
                not_firms.add(name)
            if not PLACE_PREPOSITION.search(before) or len(name.split()) > 1:
                named_free.add(name)
            seen.setdefault(name, []).append(bool(re.search(r"[.!?:;]\s*$", before)) or m.start() == 0)
    # "presented in Dubai", "the largest SEZ of Dubai": a word written only after a preposition is a place
    return [name for name, starts in seen.items()
            if len(starts) >= 2 and not all(starts) and name not in not_firms and len(name) >= 3 and name in named_free]


@lru_cache(maxsize=4096)
def _whole_name_re(name: str) -> re.Pattern:
    """The name as a whole word; kept per name because `re`'s own cache (512) is outrun by an
    article's many names, which were compiled again for every sentence."""
    return re.compile(r"(?<!\w)" + re.escape(name) + r"(?!\w)")


CAPITALISED = r"[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][a-zа-яёәғқңөұүһі'’-]+"
# An office and the given name and surname after it: "Deputy Prime Minister Serik Zhumangarin",
# "президентом АО «ССГПО» Береке Мухаметкалиевым", "облыс әкімі Ерлан Бекішев"
PERSON_BY_OFFICE = re.compile(
    r"(?i:minister|president|premier|akim|governor|chairman|chairwoman|director|ceo|mayor|"
    r"министр|президент|премьер|аким|глав[аеуы]|председател|директор|әкім|төраға|басшы)\w*"
    r"(?:\s+(?:of|for|the|и|[A-ZА-Я][\w-]*|[«\"][^»\"]{1,40}[»\"])){0,3}?"
    rf"\s+({CAPITALISED})\s+({CAPITALISED})")
CASE_TAIL = 3    # "Мухаметкалиев" is written "Мухаметкалиевым", "Мухаметкалиеву" ...
SURNAME_END = re.compile(rf"(?:{SURNAME_ENDINGS})$")


# "travelled to Omsk region": a name the article writes with a region word after it is a place,
# in Kazakhstan or abroad, also where it stands alone ("... travels to Omsk over pharmaceutical factory")
NAME_BEFORE_REGION_WORD = re.compile(r"(?<![\w-])([A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w-]+)\s+(?:region|oblast|province|krai)\b")


def _people(analyses: list[Analysis]) -> set[str]:
    """The surnames of the people the article names by office: the surname alone ("Mamin said",
    "Taraz Kirpich LLP, Zhumangarin said") is a person further on, not a firm."""
    return {m.group(2).lower() for an in analyses for m in PERSON_BY_OFFICE.finditer(an.text) if SURNAME_END.search(m.group(2))}


def _a_person(name: str, people: set[str]) -> bool:
    """A name of one or two words whose last word is one of the surnames, or a case form of it
    ("Мухаметкалиевым" of "Мухаметкалиев"): a short surname must match whole, "Ли" is no prefix."""
    words = name.lower().split()
    if not words or len(words) > 2:
        return False
    last = words[-1]
    return any(last == p or (last.startswith(p[:-1]) and 0 <= len(last) - len(p) <= CASE_TAIL and len(p) >= 5)
               for p in people)


def drop_no_firms(analyses: list[Analysis]) -> Callable[[str], bool]:
    """Drop from every sentence's companies the names the article shows to be no firm (a person by
    office, a place with a region word after it); returns the test, for the names found later."""
    people = _people(analyses)
    places = {m.group(1) for an in analyses for m in NAME_BEFORE_REGION_WORD.finditer(an.text)}

    def no_firm(name: str) -> bool:
        return name in places or bool(people) and _a_person(name, people)

    if people or places:
        for an in analyses:
            if any(no_firm(name) for name, _, _ in an.companies):
                an.companies[:] = [c for c in an.companies if not no_firm(c[0])]
    return no_firm


def _names_known_anywhere(analyses: list[Analysis]) -> None:
    """A name the article once shows to be a company ("Masdar will build ...") is that company
    wherever it stands, also where the sentence gives no evidence of its own; a name it shows to be
    a person by office, or a place with a region word after it, is no company anywhere."""
    no_firm = drop_no_firms(analyses)
    known = list(dict.fromkeys([name for an in analyses for name, _, _ in an.companies if len(name) >= 3]
                               + [n for n in _repeated_names(analyses) if not no_firm(n)]))
    # A name can stand only where its first word stands as a whole word of the sentence, so each
    # sentence looks up its own words instead of searching every known name: linear in length
    # (a long text has more names and more sentences), same names in the same order.
    by_word: dict[str, list[int]] = {}
    for i, name in enumerate(known):
        word = re.search(r"\w+", name)
        by_word.setdefault(word.group(0) if word else "", []).append(i)
    for an in analyses:
        have = {name for name, _, _ in an.companies}
        words = set(re.findall(r"\w+", an.text)) | {""}
        for name in [known[i] for i in sorted(i for w in words & by_word.keys() for i in by_word[w])]:
            if name in have:
                continue
            for m in _whole_name_re(name).finditer(an.text):
                inside = [c for c in an.companies if m.start() <= c[1] and c[2] <= m.end() and c[2] - c[1] < m.end() - m.start()]
                if inside and all(c[0] in name for c in inside):
                    # "Nobel" found where "Nobel Almaty Pharmaceutical Factory" is written: the whole name
                    for c in inside:
                        an.companies.remove(c)
                if not any(s <= m.start() < e for _, s, e in an.companies):
                    an.companies.append((name, m.start(), m.end()))
