"""Projects named in a span: one record per item when places, companies or facilities separate them."""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from .analysis import Analysis, apply_figures, blank_spans, companies_in, has_substance, in_span, period_in, regions_in
from .companies import find_companies
from .draft import Draft
from .folding import compile_folded
from .state import State, st_position
from .titles import (CYRILLIC, KAZAKH, LOCATION_PREPOSITION, LOCATIVE_BEFORE, RU_MODIFIER, RU_PLACE_ADJECTIVE_END, WORD_RE, Phrase, _ru_parse, better_phrase,
                     facility_phrase, facility_title, is_bare, kk_attribute, kk_locative, kk_place_first, ru_parses, with_company)
from .vocabulary import FLAGS, any_of, cue_regex, sector_of, status_near, status_of, vocabulary

CONJUNCTION_WORDS = r"(?:and|as well as|а также|и|және|мен|бен|пен)"
CONJUNCTION = compile_folded(r",?\s+" + CONJUNCTION_WORDS + r"\s+|,\s+")
PLACE_WORD = re.compile(r"(?:аудан|қала|облыс|район|город|област|в|во|на)", FLAGS)
RELATIVE = re.compile(r"(?:where|which|who|whose)\b", FLAGS)
EN_BARE_NP = re.compile(r"(?:[a-z][\w-]*\s+){0,3}?(?:plants|factories|farms|stations|mills|complexes|facilities|warehouses|"
                        r"terminals|cent(?:er|re)s)\b")
EN_BARE_SINGULAR = re.compile(r"(?:[a-z][\w-]*\s+){1,3}?(?:plant|factory|farm|station|mill|complex|facility|warehouse|"
                              r"terminal|cent(?:er|re))\b")
EN_VERB_OPENING = re.compile(r"[a-z]+ed\b|(?:will|is|are|was|were|has|have|had|to)\b")   # "... and commissioned the mining complex"
LIST_GOES_ON = re.compile(r",?\s+and\s+(?:an?|one more|another)\s+", re.IGNORECASE)   # "..., a Y and a Z": a list
# "первый пусковой комплекс", "второй энергоблок": an ordinal before the item's own noun phrase
ORDINAL = re.compile(r"(?:перв|втор|трет|четв[её]рт|пят|нов|бірінші|екінші|үшінші|жаңа)\w*$", re.IGNORECASE)
NEW_NP = re.compile(r"^(?:an?|the|one more|another)\s+(?:[\w-]+\s+){0,3}?", FLAGS)


def _adjective(word: str) -> bool:
    w = word.lower()
    return bool(re.fullmatch(r"[а-яё-]+", w)) and _ru_parse(w).tag.POS in RU_MODIFIER


KK_POSSESSIVE = re.compile(r"[а-яәғқңөұүһі](?:сы|сі)$")


def _another_industry(left: str, right: str) -> bool:
    """Both sides name an industry, and not the same one."""
    own, before = sector_of(right)[0], sector_of(left)[0]
    return bool(own and before and own != before)


def _second_facility(left: str, right: str, comma: bool = False) -> bool:
    """"A flour mill ... and a meat processing plant": a second facility with its own sector.
    In English the new noun phrase must open with an article; Russian and Kazakh (no articles)
    need the facility noun within the first three words."""
    voc = vocabulary()
    if not voc.facility_re.search(left):
        return False
    m = NEW_NP.match(right)
    if m:
        if not sector_of(left)[0] and not (comma and LIST_GOES_ON.search(right, m.end())):
            # "a plant ... and a ...": English joins a second noun phrase to the first one often;
            # a comma before "a" in a run that goes on with "and a" ("a waste complex, a greenhouse
            # complex and a solar power station") lists the next one, not an apposition ("the plant, a
            # joint venture of ...")
            return False
        head = voc.facility_re.search(right, m.end(), m.end() + 60)
    elif re.search(r"[a-z]", right[:20]):
        # "solar power plants, hydroelectric power plants and ...": a bare plural noun phrase of its own kind
        # ("deep processing plants for wheat and beans": the kind may follow the head)
        head = EN_BARE_NP.match(right)
        if head is None and (single := EN_BARE_SINGULAR.match(right)) and not EN_VERB_OPENING.match(right):
            # "a ferroalloy factory and coal concentrating mill": a singular noun phrase without its
            # article is a facility of its own when it is of another industry than the one before
            # ("a steel plant and rolling mill" stays one)
            return _another_industry(left, right[:single.end()])
        return bool(head and sector_of(left)[0] and sector_of(right[:head.end() + 40])[0])
    else:
        words = list(WORD_RE.finditer(right))
        # skip a place written before the noun: "Шу ауданындағы жылыжай кешені", "в Таразе завод"
        while words and (words[0].group(0)[0].isupper() or PLACE_WORD.match(words[0].group(0))):
            words.pop(0)
        reach = 3 if ORDINAL.match(words[0].group(0) if words else "") else 2
        # "ТЭЦ-3 и газовых тепловых станций": adjectives before the noun do not end the reach
        while reach < 4 and len(words) > reach and all(_adjective(w.group(0)) for w in words[:reach]):
            reach += 1
        # "... мен тротуар плиткасы зауыты": a Kazakh noun and its possessive before the facility noun
        if reach == 2 and len(words) > 2 and KK_POSSESSIVE.search(words[1].group(0)):
            reach = 3
        # "цех пен пайдаланылған майды қайта өңдейтін кәсіпорын": a Kazakh noun comes after the
        # participle that says what it does; the facility noun right after it opens the item
        # (only after a facility noun: "жиһаз, сусын және құрылыс заттарын шығаратын өндірістер" is one
        # noun shared by a list of products)
        participle = next((i for i, w in enumerate(words[:KK_CLAUSE_WORDS]) if KK_PARTICIPLE.search(w.group(0))), None)
        last_left = WORD_RE.findall(left)[-1:] or [""]
        if participle is not None and len(words) > participle + 1 and voc.facility_re.match(last_left[0]):
            reach = max(reach, participle + 2)
        words = words[:reach]
        if not words or re.search(r"(?:ть|ти|ться)$", words[0].group(0)):
            return False  # a verb ("и обслуживать площадку") continues the same project
        head = next((voc.facility_re.match(right, w.start()) for w in words if voc.facility_re.match(right, w.start())), None)
        if head:
            # "..., производство лакокрасочной продукции, домостроительный комбинат": a facility noun
            # opening the next item of a list is a facility of its own, a known sector or not
            return head.end() - head.start() >= 3
        if words and voc.status_any_re.match(right, words[0].start()):
            # "открыли молочный завод и заложили фундамент кирпичного завода": a verb of status of its
            # own opens a clause about a facility of another industry
            head = voc.facility_re.search(right, words[0].end(), words[0].end() + 50)
            return head is not None and _another_industry(left, right[:head.end() + 40])
    return bool(head and sector_of(right[:head.end() + 40])[0])


def _both_priced(an: Analysis, left: tuple[int, int], right: tuple[int, int]) -> bool:
    """"a ferroalloy plant worth KZT 32 bln and an industrial gas plant worth KZT 30 bln": two facility
    nouns, each with its own sum, are two facilities whatever their industries (a second facility of
    no known sector was taken for the first one, and the first one's sum with it)."""
    facility = vocabulary().facility_re
    text = an.text
    if not (facility.search(text, *left) and facility.search(text, *right)):
        return False
    money = [f.start for f in an.figures if f.kind == "money"]
    return any(left[0] <= x < left[1] for x in money) and any(right[0] <= x < right[1] for x in money)


ITEM_OPENS = re.compile(r",\s+(?![иа]\s|and\s|из них|в том числе|of which|including|оның)[a-zа-яёәғқңөұүһі]", re.IGNORECASE)


def items_with_own_amounts(an: Analysis, span: tuple[int, int]) -> list[int]:
    """"запустят производства чулочно-носочных изделий за 1,04 млрд тенге, ковров и ковровых изделий
    (четвертый этап) за 2,5 млрд тенге": after a plural head, a comma between two pieces that each
    state their own amount of money opens the next item (the head is shared)."""
    head = cue_regex("plural_item_heads").search(an.text, span[0], span[1])
    if head is None:
        return []
    money = [f.start for f in an.figures if f.kind == "money" and head.end() <= f.start < span[1]]
    if len(money) < 2:
        return []
    cuts = []
    for m in ITEM_OPENS.finditer(an.text, head.end(), span[1]):
        before = [x for x in money if x < m.start()]
        after = [x for x in money if x > m.start()]
        if before and after and not any(c > before[-1] for c in cuts):
            cuts.append(m.start())
    return cuts


SHARED_HEAD = re.compile(r"\b([A-Za-z][\w-]*)(\s*\([^)]*\))?(\s+and\s+)([A-Za-z][\w-]*)(\s*\([^)]*\))?\s+"
                         r"((?:[a-z][\w-]*\s+){0,2}?(?:plants|factories|farms|stations|mills|complexes|refineries|smelters))\b")


def _shared_heads(text: str, span: tuple[int, int]) -> dict[int, str]:
    """"the Zhanatas (400MW) and Shokpar (200 MW) wind farms", "ferroalloy and cement plants": two
    facilities that share one plural head. Returns {position of the "and": the head the left one takes}.
    Two names each with its own figure, or two words of different sectors; "solar and wind power
    plants" (one sector) stays one item."""
    out = {}
    for m in SHARED_HEAD.finditer(text, span[0], span[1]):
        left, right = m.group(1), m.group(4)
        if m.group(2) and m.group(5) and left[0].isupper() and right[0].isupper():
            out[m.start(3)] = m.group(6)
            continue
        kinds = sector_of(left)[0], sector_of(right)[0]
        if kinds[0] and kinds[1] and kinds[0] != kinds[1]:
            out[m.start(3)] = m.group(6).split()[-1]
    return out


CYRILLIC_WORD = re.compile(r"[а-яё]", re.IGNORECASE)
EN_MODIFIER_END = re.compile(r"(?:ous|al|ic|ive|ed|ing)$")
LEADING_HEAD = re.compile(
    r"(?<!for )(?<!for the )\b(производство|выпуск|production of|manufacture of)\s+"
    r"((?:[^\W\d][\w-]*\s+){0,2}?([^\W\d][\w-]*))(\s+(?:и|and)\s+)([^\W\d][\w-]*)", re.IGNORECASE)


def _leading_heads(an: Analysis, span: tuple[int, int]) -> dict[int, str]:
    """"производство оконного профиля и стеклопакетов", "production of window profiles and glass
    units": one head before two products in the genitive, each a product of its own (the spec's list
    of products without figures). Returns {position of the "и": the head the right one takes}.
    Not "производству сетки и открытию линии" (another noun's case), nor "черных и цветных металлов"
    (two adjectives of one product), nor a sentence with money or jobs (one plant making both, with
    one figure), nor a plant's complement ("завод по производству X и Y", "plant for the production
    of cables and wires": the head is the production itself, in the nominative)."""
    text = an.text
    if any(in_span(span, f.start) and f.kind in ("money", "jobs") for f in an.figures):
        return {}
    out = {}
    for m in LEADING_HEAD.finditer(text, span[0], span[1]):
        last, right = m.group(3).lower(), m.group(5).lower()
        if CYRILLIC_WORD.search(last):
            parses = ru_parses(last)
            right_parses = ru_parses(right)
            if not parses or parses[0].tag.POS != "NOUN" or parses[0].tag.case != "gent" or \
                    not any(p.tag.POS in ("NOUN", "ADJF") and p.tag.case == "gent" for p in right_parses):
                continue
        elif not (last.endswith("s") and not EN_MODIFIER_END.search(last)) or right in ("other", "others", "the"):
            continue
        out[m.start(4)] = m.group(1)
    return out


@lru_cache(maxsize=1)
def _infrastructure_to_res() -> tuple[re.Pattern, re.Pattern]:
    """cues.yaml: the infrastructure before the plant it leads to ("roads ... to the KIA plant"), and
    the Kazakh order, after the plant ("... зауытына дейін жол")."""
    cues = vocabulary().cues
    nouns = cues["infrastructure_to_nouns"] + cues["infrastructure_to_nouns_kk"]
    before = re.compile(r"(?<![\w-])((?:[^\W\d][\w-]*\s+)?(?:" + "|".join(nouns) + r"))"
                        r"(?![\w-])[^.;:()]{0,80}?\s(?:" + "|".join(cues["infrastructure_to_leads"]) + r")\s+"
                        r"(?-i:(?:[A-ZА-ЯЁ«\"][\w»\"-]*\s+){0,3})$", re.IGNORECASE)   # a name may stand before the plant
    after_kk = re.compile(r"\S*\s+(?:" + "|".join(cues["infrastructure_to_leads_kk"]) + r")\s+"
                          r"((?:[^\W\d][\w-]*\s+){0,2}?(?:" + "|".join(cues["infrastructure_to_nouns_kk"]) + r"))")
    return before, after_kk


KK_DATIVE = re.compile(r"(?:на|не|ға|ге|қа|ке)$")
INFRA_MODIFIER = re.compile(r"(?:ых|их|ые|ие|ой|ый|ий|ая|access|approach|service)$", re.IGNORECASE)


def _infrastructure_to(item: str, phrase) -> str | None:
    """"access roads and railway tracks to the KIA plant", "подъездных автодорог ... к заводу KIA",
    "KIA зауытына дейін жол": the title of the infrastructure that leads up to the facility phrase,
    or None when the phrase is not the goal of one."""
    if phrase is None:
        return None
    before_re, after_kk_re = _infrastructure_to_res()
    m = before_re.search(item, max(0, phrase.start - 140), phrase.start)
    if m is not None:
        start = m.start(1)
        first = WORD_RE.match(item, start)
        if first is not None and first.end() < m.end(1) and not INFRA_MODIFIER.search(first.group(0)):
            second = WORD_RE.match(item, first.end() + 1)   # a word before the noun stays if it modifies it ("access roads")
            start = second.start() if second else start
        return " ".join(item[start:phrase.end].split())
    # Kazakh: the plant in the dative before "дейін", the road after it
    after = KK_DATIVE.search(item[phrase.start:phrase.end])
    tail = item[phrase.end:phrase.end + 30]
    kk = after_kk_re.match(tail)
    if kk is not None and after is not None:
        return " ".join((item[phrase.start:phrase.end] + " " + tail[:kk.end()]).split())
    return None


def _names_a_product(text: str) -> bool:
    """"..., Orda Glass, выпускающая стекло": the other company's item says what it makes or builds;
    "..., continues with the support of KAZAKH INVEST" names a partner of the same project."""
    return bool(vocabulary().facility_re.search(text) or sector_of(text)[0] or cue_regex("product_verbs").search(text))


BRACKET_SEP = compile_folded(r"\)\s*(?:[,;]\s*(?:and\s+|и\s+|а также\s+|және\s+)?|\s+(?:and|и|а также|және)\s+)")


def _bracket_ends(an: Analysis, span: tuple[int, int]) -> list[int]:
    """Ends of brackets that hold an item's own facts (a figure, a place or a status) and are
    followed by the next item: where a list written "X (...), Y (...) and Z (...)" is cut."""
    ends = []
    for m in BRACKET_SEP.finditer(an.text, span[0], span[1]):
        opened = an.text.rfind("(", span[0], m.start())
        if opened < 0 or an.text.rfind(")", opened, m.start()) >= 0:
            continue
        inside = (opened, m.start())
        if (any(in_span(inside, f.start) for f in an.figures) or any(in_span(inside, r.start) for r in an.regions)
                or status_of(an.text[opened:m.start()])):
            ends.append(m.start() + 1)
    return ends


LIST_SEPARATOR = compile_folded(r"\s*[,;]\s*(?:and\s+|и\s+|а также\s+|және\s+)?|\s+" + CONJUNCTION_WORDS + r"\s+")
CLAUSE_OPENING = re.compile(r"(?:\w+(?:ющ|ящ|ащ|вш|емы|имы)\w*|\w+ing|which|that|where|who|whose|где|котор\w*|куда|оның|ол)$", re.IGNORECASE)
ARTICLE_OPENING = re.compile(r"(?:an?|one more|another)\s+", re.IGNORECASE)
# "Among them are the expansion of ...": the verb that opens a list is not its first item
SHARED_WORKS = re.compile(r"of\s+", re.IGNORECASE)   # "the expansion of X and of Y": Y's works is X's
COPULA_OPENING = re.compile(r"^(?:are|is|were|was|include|includes|included)\s+", re.IGNORECASE)
WORKS_OPENING = re.compile(r"(?:an?\s+|the\s+)?(?:further\s+|new\s+)?(?:expansion|construction|production|development|"
                           r"moderni[sz]ation|reconstruction|creation|building|manufacture|manufacturing|assembly)\s+of\s+",
                           re.IGNORECASE)
LATIN_LOWER = re.compile(r"[a-z]")


def _list_cuts(an: Analysis, a: int, b: int) -> list[int]:
    """The items of a list that enumerates a pool ("They are - a plant making thermal blocks, a copper
    leaching plant and a plant for ...", "Олар — полиэтилен шығару жобасы, газсепарациялық қондырғы және
    газ өңдеу зауыты"): a cut at every separator outside brackets and names whose right side opens an
    item of its own: a facility noun or product word in its first words (or, in English, a new noun
    phrase), not a verb continuing the item before ("... waste paper and producing cellulose")."""
    voc = vocabulary()
    text = an.text
    seps = []
    opened = closed = 0     # brackets between a and the separator, counted once along the span
    counted = a
    for m in LIST_SEPARATOR.finditer(text, a, b):
        opened += text.count("(", counted, m.start())
        closed += text.count(")", counted, m.start())
        counted = m.start()
        if opened <= closed and not any(s <= m.start() < e for _, s, e in an.companies):
            seps.append(m)
    if not seps:
        return []
    cuts: list[int] = []
    shared: set[int] = set()
    bounds = [m.start() for m in seps] + [b]
    for m, nxt in zip(seps, bounds[1:]):
        left, right = text[(cuts[-1] if cuts else a):m.start()], text[m.end():nxt]
        if SHARED_WORKS.match(right) and m.group(0).strip() == "and" and WORKS_OPENING.search(left):
            cuts.append(m.start())   # "the expansion of electrolysis production and of Aksu GRES": two works
            shared.add(m.start())
            continue
        if not (has_substance(left) or cuts and cuts[-1] in shared) or not has_substance(right):
            continue
        opening = ARTICLE_OPENING.match(right)
        words = WORD_RE.findall(right[opening.end() if opening else 0:])
        if not words or CLAUSE_OPENING.match(words[0]):
            continue    # "фабрика, выпускающая шерстяные изделия", "a plant, producing ...": the same item
        first = " ".join(words[:4])
        if LATIN_LOWER.search(first[:12]):
            # English writes each item as a noun phrase of its own: "a X, a Y and a Z"; or as works
            # on things: "the expansion of X, the construction of Y and the production of Z"
            head = COPULA_OPENING.sub("", text[a:b].lstrip(" -–—:,"))
            if (opening or WORKS_OPENING.match(right)) and (ARTICLE_OPENING.match(head) or WORKS_OPENING.match(head)):
                cuts.append(m.start())
            continue
        if voc.facility_re.search(first) or m.group(0).strip(" ,;") == "" and (sector_of(first)[0] or find_companies(first)):
            cuts.append(m.start())
    return cuts


def _item_closes(bracket_ends: list[int]) -> set[int]:
    """The bracket ends that close items: only where two or more brackets make the list a list of
    "X (...), Y (...)" items; one bracket is an aside."""
    return set(bracket_ends) if len(bracket_ends) >= 2 else set()


LETTERS4 = re.compile(r"[^\W\d]{4,}")


def _bracketed_item(text: str, a: int, b: int, closes: set[int]) -> bool:
    """An item of a list written "X (place or figures), Y (...)" that closes with its own bracket and
    says something before it ("and processing rare metals (Zhambyl region)"): an item, whatever its words."""
    opened = text.rfind("(", a, b)
    if opened <= a or not LETTERS4.search(text, a, opened):
        return False
    if b in closes:
        return True
    closed = text.rfind(")", opened, b)
    rest = text[closed + 1:b] if closed >= 0 else ""
    # the last item: nothing after its bracket but the sentence's verb ("... have been commissioned")
    return closed >= 0 and bool(closes) and (not rest.strip(" ,;.") or bool(vocabulary().status_any_re.search(rest)))


def split_items(an: Analysis, span: tuple[int, int], listed: bool = False) -> list[tuple[int, int, list[str]]]:
    """Parts of span that each name one project: cut after each place, then at a conjunction
    when both sides carry their own company or facility noun. Returns (start, end, regions).
    A `listed` span (the items of a pool) is cut at every separator that opens an item of its own."""
    text = an.text
    cuts = [span[0]]
    bracketed = _bracket_ends(an, span)
    regions = [] if an.ranking else [r for r in an.regions if in_span(span, r.start)]
    if len(bracketed) >= 2:
        # "X (145 billion tenge, 381 jobs), Y (396 billion tenge), Z in Shymkent (...)": each bracket closes
        # one item, whatever places the items name
        cuts.extend(bracketed)
        regions = []
    # "in Saran, Karaganda region": a town and its region written side by side are one place; so are
    # two places of one region with no conjunction between ("on the site of the Zhanazhol gas
    # processing plant in the Aktobe region": the town names the site, the region says where it is)
    regions = [r for i, r in enumerate(regions)
               if i == 0 or r.code != regions[i - 1].code
               or (r.start - regions[i - 1].end > 20 and CONJUNCTION.search(text, regions[i - 1].end, r.start))]
    if len({r.start for r in regions}) >= 2:
        # cut at the first separator between two places ("X in A and Y in B", "A-дағы X мен B-дағы Y"),
        # not inside brackets ("(62 billion tenge, 320 jobs)" belongs to the item before);
        # without one, right after the first place
        for r, nxt in zip(regions, regions[1:]):
            sep = next((m for m in CONJUNCTION.finditer(text, r.end, nxt.start)
                        if text.count("(", r.end, m.start()) <= text.count(")", r.end, m.start())), None)
            if sep:
                cuts.append(sep.start())
            else:
                m = re.match(r"[^\w,;]*\)?", text[r.end:])
                cuts.append(r.end + (m.end() if m else 0))
    cuts.append(span[1])
    pieces = []
    for a, b in zip(cuts, cuts[1:]):
        if text[a:b].strip(" ,;.–—-"):
            pieces.append((a, b))
    # merge pieces without substance into their neighbour
    merged: list[tuple[int, int]] = []
    closes = _item_closes(bracketed)
    for a, b in pieces:
        if merged and not has_substance(text[a:b]) and not _bracketed_item(text, a, b, closes):
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    if len(merged) > 1 and not has_substance(text[merged[0][0]:merged[0][1]]):
        merged[1] = (merged[0][0], merged[1][1])
        merged.pop(0)
    # split further at conjunctions where both sides name a company or a facility
    final: list[tuple[int, int, list[str]]] = []
    for a, b in merged:
        own = regions_in(an, (a, b))
        sub = [a]
        for m in CONJUNCTION.finditer(text, a, b):
            if any(s <= m.start() < e for _, s, e in an.companies):
                continue    # the comma of "Co., Ltd.", inside one name
            if RELATIVE.match(text, m.end()):
                continue    # "a localization center in Kostanai, where auto components will be made": the same item
            left, right = text[sub[-1]:m.start()], text[m.end():b]
            if (find_companies(left) and find_companies(right) and _names_a_product(right)) \
                    or _second_facility(left, right, comma=m.group(0).strip() == ",") \
                    or _both_priced(an, (sub[-1], m.start()), (m.end(), b)) \
                    or ((cue_regex("item_verb_leads").match(text, m.end()) or cue_regex("item_verb_trails").search(left))
                        and has_substance(left) and has_substance(right)):
                sub.append(m.start())
        sub.extend(pos for pos in items_with_own_amounts(an, (a, b)) if sub[0] < pos < b)
        sub.extend(pos for pos in _shared_heads(text, (a, b)) if sub[0] < pos < b)
        sub.extend(pos for pos in _leading_heads(an, (a, b)) if sub[0] < pos < b)
        if listed and len(merged) == 1:   # (not a list already cut at its places or brackets)
            sub.extend(pos for pos in _list_cuts(an, a, b) if sub[0] < pos < b)
        sub = sorted(set(sub))
        sub.append(b)
        pairs = list(zip(sub, sub[1:]))
        for i, (x, y) in enumerate(pairs):
            final.append((x, y, _item_places(an, own, pairs, i)))
    return final


KK_PARTICIPLE = re.compile(r"\w{2}(?:[аеы]тын|[еі]тін|йтын|йтін|атұғын)$")   # "өңдейтін", "шығаратын"
KK_CLAUSE_WORDS = 6
KK_LOCATIVE_END = re.compile(r"(?:да|де|та|те)$")   # "... мен кірпіш зауыты Шиелі ауданында"
WORD_CHARS = re.compile(r"\w*")
PREPOSITION_BEFORE_PLACE = compile_folded(r"(?:\b(?:in|near|at|around|outside|в|во|под|близ)\s+(?:the\s+)?)$")


def _item_places(an: Analysis, own: list[str], pairs: list[tuple[int, int]], i: int) -> list[str]:
    """The places of item i of a run split at conjunctions: a place written inside one item's
    noun phrase ("..., домостроительный комбинат, проект расширения Актауского порта") is that item's
    alone; a place the run ends with after "in"/"в" ("plants for wire and PVC windows in Aktobe"), or
    in front of it, is everyone's."""
    if len(pairs) < 2 or not own:
        return own
    last = len(pairs) - 1
    private: dict[str, int] = {}
    for r in an.regions:
        for j, (x, y) in enumerate(pairs):
            if not (x <= r.start < y) or r.code not in own:
                continue
            word_end = WORD_CHARS.match(an.text, r.end).end()
            shared = j == last and bool(PREPOSITION_BEFORE_PLACE.search(an.text, max(x, r.start - 12), r.start)
                                        or KK_LOCATIVE_END.search(an.text, r.start, word_end))
            if j == 0 and r.start - x <= 3:
                shared = True   # "Актобеде X мен Y": a place in front of the run
            if not shared:
                private.setdefault(r.code, j)
    if not private:
        return own
    return [c for c in own if private.get(c, i) == i]


def _without_reporting(an: Analysis, span: tuple[int, int]) -> tuple[int, int]:
    """End the span before a trailing reporting clause ("..., сообщает Kursiv.media")."""
    for m in _reporting_re().finditer(an.text, span[0], span[1]):
        comma = an.text.rfind(",", span[0], m.start())
        if comma > span[0] + 20 and m.start() - comma <= 40 and not re.search(r"\d", an.text[comma:m.start()]):
            if has_substance(an.text[span[0]:comma]):
                return span[0], comma
            # "The Ministry, for example, says a Korean investor will open ...": the reporting
            # clause comes first and the content after it
            return m.end(), span[1]
    return span


@lru_cache(maxsize=1)
def _reporting_re() -> re.Pattern:
    return any_of(vocabulary().cues["reporting_words"])


def _partner_items(an: Analysis, items: list[tuple[int, int, list[str]]]) -> dict:
    """"The akimat, Samruk-Kazyna Invest and Qinhuangdao Glass signed a memorandum on a glass plant":
    an item that names only companies (no facility noun, no figure, no place of its own) is a partner
    of the item with the facility, not a project. Returns {partner span: True, facility span: [partner spans]}."""
    if len(items) < 2:
        return {}
    voc = vocabulary()
    def bare(a: int, b: int, regions: list[str]) -> bool:
        text = an.text[a:b]
        # a sector word names the item's product ("компонентов для грузовиков KamLitKZ"), unless it
        # only describes the company ("EuroChem, a subsidiary of the fertilizer maker EuroChem Group AG")
        # or stands in its name ("Karatau Agro")
        described = [(m.start(), m.end()) for m in cue_regex("maker_nouns").finditer(text)]
        named = [(s - a, e - a) for _, s, e in an.companies if a <= s and e <= b]
        if sector_of(blank_spans(text, described + named))[0]:
            return False
        return (not voc.facility_re.search(text) and bool(companies_in(an, (a, b)))
                and not any(a <= f.start < b and f.kind in ("money", "jobs", "count") for f in an.figures))
    facility = [(a, b) for a, b, r in items if voc.facility_re.search(an.text[a:b])]
    if not facility:
        return {}
    out: dict = {}
    for a, b, regions in items:
        if (a, b) in facility or not bare(a, b, regions):
            continue
        target = next((f for f in facility if f[0] >= b), facility[-1])
        out[(a, b)] = True
        out.setdefault(target, []).append((a, b))
    return out


CLAUSE_BREAK = compile_folded(r";\s+|,?\s+(?:while|whereas|but|а(?! также)|но|тогда как|ал)\s+")


def _clause_of(an: Analysis, span: tuple[int, int]) -> tuple[int, int]:
    """The clause around span: the sentence between the clause breaks (";", "while", "а") that enclose it."""
    start, end = 0, len(an.text)
    for m in CLAUSE_BREAK.finditer(an.text):
        if m.end() <= span[0]:
            start = m.end()
        elif m.start() >= span[1]:
            end = min(end, m.start())
    return start, end


LEADING_AND = re.compile(r"^\s*(?:и|and)\s+", re.IGNORECASE)
ONE_OF = compile_folded(r"(?:^|[^\w])(?:one of|одн(?:им|ой|ого|а|у|ом)? из|один из)\s|[\w-]+(?:лар|лер|дар|дер|тар|тер)\w*\s+бірі\b")


def _shared_works(text: str, items: list[tuple[int, int, list[str]]]) -> dict[int, str]:
    """"the expansion of electrolysis production and of Aksu GRES": an item that opens with "of" takes
    the works of the item before it. Returns {item start: "expansion"}."""
    out = {}
    for (a0, b0, _), (a, b, _) in zip(items, items[1:]):
        if SHARED_WORKS.match(LEADING_AND.sub("", text[a:b])):
            works = WORKS_OPENING.search(text, a0, b0)
            if works is not None:
                out[a] = re.sub(r"^(?:an?|the)\s+|\s+of\s+$", "", works.group(0).strip() + " ", flags=re.IGNORECASE).strip()
    return out


# "газовые тепловые станции «Туран» и «Юго-Восток»", "«Тұран» және «Оңтүстік-Шығыс» газ жылу
# станциялары": a plural facility noun beside names in «» joined by "and" is one facility per name
QUOTED_NAMES = re.compile(r"«[^«»]{2,40}»(?:\s*(?:,|и|және|мен|бен|пен|and|&)\s*«[^«»]{2,40}»)+")
KK_PLURAL = re.compile(r"(?:лар|лер|дар|дер|тар|тер)(?:ы|і|ын|ін|ының|інің|ына|іне|ында|інде)?$")


def _plural_word(word: str) -> bool:
    w = word.lower()
    if re.search(r"[a-z]", w):
        return w.endswith("s")
    if KK_PLURAL.search(w):
        return True
    return any("plur" in p.tag for p in ru_parses(w))


def named_members(item: str, phrase: Phrase | None) -> list[str]:
    """The names a plural facility noun lists ("станции «Туран» и «Юго-Восток»"), else []."""
    if phrase is None:
        return []
    head_end = phrase.head_end + len(re.match(r"\w*", item[phrase.head_end:]).group(0))
    # "станции «Туран» и «Юго-Восток»"; "«HONGQI» және «SKODA» автомобильдерін шығару", "производство
    # автомобилей «HONGQI» и «SKODA»": the plural may be the product the production makes
    if not _plural_word(item[phrase.head_start:head_end]) and not (
            phrase.rank == 3 and any(_plural_word(w) for w in re.findall(r"\w+", item[phrase.start:phrase.end]))):
        return []
    for m in QUOTED_NAMES.finditer(item):
        before = m.end() <= phrase.head_start and len(item[m.end():phrase.head_start].split()) <= 4
        after = m.start() >= head_end and (not item[head_end:m.start()].strip() or
                                           m.start() >= phrase.end and not item[phrase.end:m.start()].strip())
        if before or after:
            return re.findall(r"«([^«»]{2,40})»", m.group(0))
    # "the Zhanatas and Shokpar wind farms", "the Turan and Vostok cement plants": English names
    # joined by "and" before the kinds' words
    m = LATIN_NAMES_BEFORE.search(item[:phrase.head_start])
    if m is not None and not re.search(r"[а-яё]", item, re.IGNORECASE):
        return [n for n in re.split(r",\s*|\s+and\s+", m.group("names")) if n]
    return []


EN_PLURAL_HEAD = re.compile(r"\b(plant|farm|station|mill|complex|facilit|warehouse|terminal|cent(?:er|re)|factor|park|mine)"
                            r"(s|es|ies)$")


def english_singular(title: str) -> str:
    """The title's plural facility head in the singular: "wind farms" -> "wind farm", "factories" -> "factory"."""
    return EN_PLURAL_HEAD.sub(lambda h: h.group(1) + ("y" if h.group(2) == "ies" else ""), title)


LATIN_NAMES_BEFORE = re.compile(r"(?:^|\b[Tt]he\s+)(?P<names>[A-Z][\w-]+(?:,\s*[A-Z][\w-]+)*\s+and\s+[A-Z][\w-]+)\s+"
                                r"(?:[a-z][\w-]*\s+){0,3}$")


# "Семей мен Өскемен қалаларында ЖЭО", "ТЭЦ в Семее и Усть-Каменогорске", "plants in Semey and Ust-Kamenogorsk":
# a plant stands in one town, so one facility named with two towns joined by "and" is one plant in each
TOWNS_JOINED = re.compile(r"\s*(?:,|and|и|және|мен|бен|пен)\s*", re.IGNORECASE)
KK_TOWNS_WORD = re.compile(r"\s+(?:қалалар|аудандар|кенттер)\w*", re.IGNORECASE)


def town_members(item: str, phrase: Phrase | None) -> list[tuple[str, str]]:
    """The towns a facility phrase is placed in when the item names two or more joined by "and"
    (region code, the town as a title writes it), else []."""
    if phrase is None or phrase.rank == 3:
        return []   # "проекты в Семее и Усть-Каменогорске": a pool, not a plant
    from ..regions import find_regions

    towns = [m for m in find_regions(item) if m.level in ("town", "city")]
    for i in range(len(towns) - 1):
        run = [towns[i]]
        for m in towns[i + 1:]:
            if not TOWNS_JOINED.fullmatch(item[run[-1].end:m.start]):
                break
            run.append(m)
        if len(run) < 2 or len({m.surface.lower() for m in run}) < len(run):
            continue    # one town named twice
        written = [_town_written(item, m, run) for m in run]
        # "поставлять швейным фабрикам Шымкента и Алматы": towns in a case no title can take are
        # not where the facility stands (customers, origins); split only where each can be written
        return [(m.code, w) for m, w in zip(run, written)] if all(written) else []
    return []


def _town_written(item: str, m, run: list) -> str:
    """"в Семее" (Russian, after "в"), "Семей қаласындағы" (Kazakh, "A мен B қалаларында"),
    "Семейдегі" (Kazakh, each town in the locative), "in Semey" (English); empty when the case
    the text writes the town in cannot stand in a title."""
    if not CYRILLIC.search(item):
        return "in " + re.sub(r"['’]s$", "", m.surface)
    if KAZAKH.search(item):
        if KK_TOWNS_WORD.match(item, run[-1].end):   # "A мен B қалаларында": each is "A қаласындағы"
            return KK_LOCATIVE_END.sub("", m.surface) + " қаласындағы"
        if m is not run[-1] and kk_attribute(run[-1].surface) and not kk_attribute(m.surface):
            # "Семей мен Көкшетауда": Kazakh puts the case on the last of joined words only
            return kk_attribute(kk_locative(m.surface))
        return kk_attribute(m.surface)
    before = re.search(r"(?<!\w)(?:в|во)\s+$", item[max(0, run[0].start - 4):run[0].start], re.IGNORECASE)
    return "в " + m.surface if before and not RU_PLACE_ADJECTIVE_END.search(m.surface.lower()) else ""


JOINED_BY_AND = re.compile(r"\s*(?:and|и|а также|және|мен|бен|пен)\s", re.IGNORECASE)
SIZE_KINDS = ("money", "jobs", "capacity", "area")


def _joint_figure(an: Analysis, items: list[tuple[int, int, list[str]]]) -> bool:
    """"открыли второй этап швейной фабрики ... и цех по производству прикладных материалов за 550
    млн тенге": two facilities joined by "and", the first with no figure of size and the second
    with one sum, are one record with the joint figure (the spec's "one facility, one record"),
    not a second facility that owns it and a first that owns nothing."""
    (a0, b0, _), (a1, b1, _) = items
    if not JOINED_BY_AND.match(an.text, a1):
        return False
    if any(a0 <= f.start < b0 and f.kind in SIZE_KINDS for f in an.figures):
        return False
    return sum(1 for f in an.figures if a1 <= f.start < b1 and f.kind == "money") == 1


LOCATION_OPENING = re.compile(r"\W*" + LOCATION_PREPOSITION + r"\s+(?:the\s+)?", re.IGNORECASE)
LOCATION_WORD = re.compile(r"(?<!\w)" + LOCATION_PREPOSITION + r"\s", re.IGNORECASE)


def _where_the_item_before_stands(text: str, a: int, b: int) -> bool:
    """An item named by a site noun (a zone, a park) that "in the" opens, before the zone's own name
    or in the item, is a place."""
    if not LOCATION_WORD.search(text, max(0, a - 40), b):
        return False    # the cheap test first: no place preposition near the item
    phrase = facility_phrase(text[a:b])
    if phrase is None or phrase.rank != 2:
        return False
    return bool(LOCATION_OPENING.match(text, a) or LOCATIVE_BEFORE.search(text[max(0, a - 40):a + phrase.start]))


VISITED_AT = re.compile(r"\w(?:да|де|та|те)\s+бол(?:ып|ды|ған)\W*$", re.IGNORECASE)


def item_records(an: Analysis, st: State, span: tuple[int, int], parent: Draft | None,
                  status_hint: int | None = None, listed: bool = False, whole_sentence: bool = True) -> list[Draft]:
    """Project records for the items of span; `listed` items (a program's "including ...")
    must name a company, a place or a figure, or they are kinds of plants, not projects."""
    made = []
    if len(_bracket_ends(an, (span[0], len(an.text)))) >= 2:
        span = (span[0], len(an.text))  # "..., building X (...), and a cable plant (...)": the list runs on past ", and a"
    span = _without_reporting(an, span)
    shared = _shared_heads(an.text, span)
    leading = _leading_heads(an, span)
    def item_text(a: int, b: int) -> str:
        if a in leading:    # "и стеклопакетов" + the head before it: "производство стеклопакетов"
            return leading[a] + " " + LEADING_AND.sub("", an.text[a:b])
        if a in works:      # "and of Aksu GRES" + the works before it: "expansion of Aksu GRES"
            return works[a] + " " + LEADING_AND.sub("", an.text[a:b])
        return an.text[a:b] + (" " + shared[b] if b in shared else "")   # "build ferroalloy" + " plants"
    closes = _item_closes(_bracket_ends(an, span))
    pieces = split_items(an, span, listed)
    works = _shared_works(an.text, pieces)
    items = [(a, b, regions) for a, b, regions in pieces
             if has_substance(item_text(a, b)) or _bracketed_item(an.text, a, b, closes)]
    if len(items) > 1:
        # "«Тараз химиялық паркі» арнайы экономикалық аймағында болып, қант зауытының құрылысын көрді":
        # where the visitor was is no item beside what he saw
        items = [(a, b, r) for a, b, r in items if not VISITED_AT.search(an.text, a, b)] or items
        # "a cotton-textile cluster in the TURAN special economic zone": the zone the item before stands in
        items = [(a, b, r) for a, b, r in items if not _where_the_item_before_stands(an.text, a, b)] or items
    if len(items) > 1:
        # "Одним из самых масштабных проектов области стало строительство цементного завода", "ірі
        # жобаларының бірі — жел электр станциясы": the class the facility is one of is no item
        named = [(a, b, r) for a, b, r in items if not ONE_OF.search(an.text[a:b])]
        if named and len(named) < len(items) and any(vocabulary().facility_re.search(an.text[a:b]) for a, b, _ in named):
            items = named
    if len(items) == 2 and _joint_figure(an, items):
        items = [(items[0][0], items[1][1], list(dict.fromkeys(items[0][2] + items[1][2])))]
    partners = _partner_items(an, items)
    for a, b, regions in items:
        item = item_text(a, b)
        if partners.get((a, b)) is True:
            continue
        companies = companies_in(an, (a, b))
        if isinstance(partners.get((a, b)), list):
            companies += [c for x, y in partners[(a, b)] for c in companies_in(an, (x, y)) if c not in companies]
        hint = None if status_hint is None else status_hint - a
        if hint is None or not 0 <= hint < len(item):
            cue = vocabulary().status_any_re.search(item)
            hint = cue.start() if cue else None
        d = Draft("project", facility_title(item, companies, hint), st_position(an, a), parent=parent)
        phrase = facility_phrase(item, hint)
        if is_bare(phrase) and not any(r.kind == "project" for r in st.records + made) \
                and not (phrase is None and sector_of(item)[0]):   # "- deep processing of wool": named by its product
            # "Общая стоимость проекта – 46 млрд тенге": the headline says which facility the project is
            lead = better_phrase(phrase, st.lead_phrases())
            if lead is not None:
                d.title, d.borrowed_title = with_company(lead.title, companies), True
        road = _infrastructure_to(item, phrase)
        if road is not None:
            # "подъездные автодороги ... к заводу KIA": the road is the record; the plant's name stays in
            # its title, the plant's firm is not the road's
            d.title = road
            plant = (road + " " + item[phrase.end:phrase.end + 40]).lower()   # "... к заводу ... KIA в Костанае"
            companies = [c for c in companies if c.lower() not in plant]
        d.companies = companies
        d.regions = regions or regions_in(an, (a, b))
        d.sector = sector_of(facility_title(item, [], hint))[0] or sector_of(item)[0]   # the noun phrase, not the name
        if road is not None:
            d.sector = "infrastructure"
        d.status = (status_near(item, phrase.head_start if phrase else hint or 0)
                    # "plants processing X (A), making Y (B) ... have been commissioned": the sentence's
                    # own verb, after the list, before the pool's status
                    or (status_near(an.text, status_hint) if parent and status_hint is not None and status_hint >= b else None)
                    or (parent.status if parent else status_near(an.text, a + (phrase.head_start if phrase else 0))))
        # the clause's own time, not that of another clause ("... back in 2021; this week a factory opened")
        d.period = period_in(an, (a, b)) or (parent.period if parent else period_in(an, _clause_of(an, span)))
        apply_figures(d, an, (a, b), a, st.currency, only_missing=True)
        d.national = an.national
        d.add_evidence(an.text)
        # a list of plants without figures gives one record each (the spec): "the President launched
        # a pharmaceutical plant, a meat processing complex, a poultry farm ..." are projects
        # (a figure of the item is the members' joint figure: one record carries it, the spec)
        members = [] if d.investment_kzt or d.investment_usd or d.jobs else named_members(item, phrase)
        towns = [] if members or d.investment_kzt or d.investment_usd or d.jobs else town_members(item, phrase)
        if towns:
            base = d.title
            for _, written in towns:   # "CHP plant in Semey in Ust-Kamenogorsk": the towns go one to each
                base = base.replace(" " + written, "")
            kazakh_order = bool(KAZAKH.search(item))
            if not CYRILLIC.search(item):   # "power plants in Semey and Kokshetau": a power plant in each
                base = english_singular(base)
            for code, written in towns:
                title = kk_place_first(base, d.companies, written) if kazakh_order else f"{base} {written}"
                made.append(replace(d, title=title, companies=list(d.companies), regions=[code], evidence=list(d.evidence)))
            continue
        if members:
            base = facility_title(QUOTED_NAMES.sub(" ", phrase.written).strip(), [], None)
            kazakh_order = bool(KAZAKH.search(item))
            companies = [c for c in d.companies if not any(c in other or other in c for other in members)]
            english = not CYRILLIC.search(item)
            if english:
                base = english_singular(base)
            for name in members:
                title = f"{name} {base}" if english else f"«{name}» {base}" if kazakh_order else f"{base} «{name}»"
                made.append(replace(d, title=title,
                                    companies=list(companies), regions=list(d.regions), evidence=list(d.evidence)))
            continue
        made.append(d)
    for d in made:
        d.listed = len(made) > 1
    if len(made) == len(items):
        # "производство профиля и стеклопакетов (Актобе)": both in Aktobe
        for (a, _, _), left, right in zip(items[1:], made, made[1:]):
            if a in leading and not left.regions:
                left.regions = list(right.regions)
    # figures outside every item (before the first) belong to a single project
    if len(made) == 1 and whole_sentence:   # (not when another clause of the sentence opens a record of its own)
        apply_figures(made[0], an, (0, len(an.text)), 0, st.currency, only_missing=True)
        if not made[0].regions:
            made[0].regions = regions_in(an, (0, len(an.text)))   # and so does the sentence's place
    st.records.extend(made)
    if made:
        st.current = made[-1]
    return made
