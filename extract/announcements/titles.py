"""Titles: the facility's noun phrase in the article's own words, and what a program's pool is.

A title is built around the strongest facility noun of the clause (a plant before an
industrial zone before "the project"), with the modifiers written before it and the
complement after it ("завод по выпуску лифтов", "plant for the production of steel pipes",
"цемент өндіретін зауыт"). Figures, places and verbs end the phrase. The head takes its
dictionary form where that is cheap: Russian through pymorphy3 (the adjectives agree with
it), Kazakh by a small ending rule ("зауытының" -> "зауыты", "зауытта" -> "зауыт").
"""
from __future__ import annotations

import re
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache

from ..concepts import concepts_in
from .folding import compile_folded
from .vocabulary import FLAGS, any_of, cue_regex, sector_of, vocabulary

WORD_RE = re.compile(r"[^\W\d][\w'’/-]*|\d[\d.,]*", FLAGS)
WORD_TAIL = re.compile(r"[\w-]*")
PLACE_NOUN = re.compile(r"(?:област|облыс|region|oblast|район|аудан|district|город|қала)", FLAGS)
BREAK = re.compile(r"[,.;:()«»\"“”—–!?]")
CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
KAZAKH = re.compile(r"[әғқңөұүһі]", re.IGNORECASE)
# Kazakh locatives ("аймақта", "ауданындағы") are adverbials of place, never a modifier of the head.
KK_LOCATIVE = re.compile(r"(?:да|де|та|те)(?:ғы|гі)?$")
# after a Kazakh head: a possessive ending ("зауыты", "фабрикасы") survives in the dictionary form
KK_POSSESSIVE = re.compile(r"^(с?[ыі])")
RU_MODIFIER = {"ADJF", "PRTF"}
LOCATION_PREPOSITION = r"(?:in|at|within|inside|в|во|на)"   # what opens where a thing stands
LOCATIVE_BEFORE = re.compile(r"(?<!\w)" + LOCATION_PREPOSITION + r"\s+(?:the\s+)?(?:[«\"“‘']?[^\W\d][\w-]*[»\"”’']?\s+){0,5}$", FLAGS)
# the grounds of a facility, names and all before its head: where the project stands, not the project
SITE_OF = re.compile(r"(?<!\w)(?:(?:on|at)\s+the\s+(?:site|premises|territory|grounds|base)\s+of|на\s+(?:территории|базе|площадке))"
                     r"\s+(?:the\s+)?", FLAGS)
LEFT_MODIFIERS = 5   # words before a head that can be its modifiers
KK_CONJUNCTIONS = frozenset(("мен", "бен", "пен", "және"))
KK_PARTICIPLE_OBJECTS = 5   # words of a participle's objects taken before it
# a Kazakh participle ("құрайтын", "өндіретін", "салынған") whose object is a figure is not a modifier
KK_PARTICIPLE = re.compile(r"(?:атын|етін|йтын|йтін|ған|ген|қан|кен)$")
LEADING_JUNK = re.compile(
    r"^[\s,;:–—-]*(?:(?:and|as well as|а также|и|және|including|include|includes|В их числе|В частности)\b[\s,–—-]*)*", FLAGS)


@dataclass(frozen=True)
class Phrase:
    """A facility phrase: where it stands in the clause, as written, and as a title."""
    start: int
    end: int
    written: str
    title: str
    rank: int        # 1 a facility, 2 a site, 3 a generic word (project, production)
    head_start: int  # the head noun itself ("заводе" in "на шинном заводе")
    head_end: int


@lru_cache(maxsize=1)
def _lists():
    cues = vocabulary().cues
    heads = cues["title_heads"]
    return {
        "facility": any_of(heads["facility"]),
        "site": any_of(heads["site"]),
        "any": any_of(list(cues["facility_nouns"]) + heads["facility"] + heads["site"]),
        "stop_left": {w.lower() for w in cues["title_stop_left"]},
        "stop_right": {w.lower() for w in cues["title_stop_right"]},
        "drop": {w.lower() for w in cues["title_drop_modifiers"]},
        "material_acronyms": set(cues["title_material_acronyms"]),
        "kk_adverbs": {w.lower() for w in cues["title_kk_adverbs"]},
        "ing_nouns": {w.lower() for w in cues["title_ing_nouns"]},
        "works": heads.get("works_ru") or {},
        "works_before": compile_folded(r"(?<![\w-])(" + "|".join(heads.get("works_ru") or {"(?!)": ""}) + r")\w*\s+(?:[А-ЯЁ][а-яё-]+(?:ого|ой|ых)\s+){0,2}$"),
        "works_before_en": re.compile(r"\b(" + "|".join(heads.get("works_en") or ["(?!)"])
                                      + r") of (?:the |its |their )?(?:[A-Z][\w-]*\s+){0,2}$", re.IGNORECASE),
        "lead": compile_folded(r"\s*(?:" + "|".join(sorted((lead if "\\" in lead else re.escape(lead)
                                                         for lead in cues["title_complement_leads"]), key=len, reverse=True))
                           + r")\s+(?:the\s+)?(?:production of\s+|manufacture of\s+|manufacturing of\s+)?"),
    }


@lru_cache(maxsize=1)
def _morph():
    from ..stemming import _morph as shared
    return shared()


@lru_cache(maxsize=8192)
def ru_parses(word: str) -> tuple:
    """pymorphy3's readings of a lower-case Russian word, remembered (the same words recur in every article)."""
    return tuple(_morph().parse(word))


def _ru_parse(word: str):
    return ru_parses(word)[0]


@lru_cache(maxsize=1)
def _reference_classes() -> dict:
    return {name: any_of(nouns) for name, nouns in vocabulary().cues["reference_classes"].items()}


def noun_class(text: str, pos: int) -> str | None:
    """A plant (plant, завод, зауыт) or a site (cluster, zone, park) by the noun at pos (cues.yaml reference_classes)."""
    for name, rx in _reference_classes().items():
        if rx.match(text, pos):
            return name
    return None


def title_class(title: str) -> str | None:
    """The class of a title's head noun: "textile cluster in Shymkent" is a site, "spinning factory" a plant."""
    phrase = facility_phrase(title)
    return noun_class(title, phrase.head_start) if phrase is not None else None


def has_facility_head(text: str) -> bool:
    """A facility proper (plant, завод, зауыт) is named somewhere in the text: the cheap test first."""
    return bool(_lists()["facility"].search(text))


def _rank(text: str, start: int) -> int:
    lists = _lists()
    if lists["facility"].match(text, start):
        return 1
    return 2 if lists["site"].match(text, start) else 3


def _locative(text: str, start: int, end: int) -> bool:
    """The head names where something is: after "in the", "в", "на", or in a Kazakh locative case."""
    if KK_LOCATIVE.search(text[start:end].lower()) and _kazakh(text):
        return True
    if KK_PLACE_AFTER.match(text, end) and _kazakh(text):
        return True     # "Парк аумағында ... өндірістер": the park is where the productions stand
    site = SITE_OF.search(text, max(0, start - 80), start)
    if site and not _lists()["any"].search(text, site.end(), start):
        return True     # "a project to make aluminum products on the site of the Ural Transformer Plant"
    m = LOCATIVE_BEFORE.search(text, max(0, start - 60), start)
    if not m:
        return False
    # only modifiers between the preposition and the head: "in the industrial zone", "в индустриальном парке";
    # a site keeps its name too: "within the ‘Seaport Aktau’ special economic zone"
    site_head = _rank(text, start) == 2
    for w in WORD_RE.findall(text, m.start() + len(m.group(0).split()[0]), start):
        lw = w.lower()
        if lw == "the":
            continue
        if (w[0].isupper() and not site_head) or lw in _lists()["stop_left"] or lw in _lists()["stop_right"]:
            return False
        if CYRILLIC.search(lw) and not KAZAKH.search(lw) and _ru_parse(lw).tag.POS not in RU_MODIFIER:
            return False
    return True


KK_PLACE_AFTER = re.compile(r"\w*\s+(?:аумағында|аумағындағы|маңында|маңындағы|жанында|жанындағы|ішінде|базасында)\b", re.IGNORECASE)
QUOTED_SPAN = re.compile(r"«[^»]{0,60}»|\"[^\"]{0,60}\"|“[^”]{0,60}”")


# The language of the article being read ("kk", "ru", "en" or None), set by extract_announcements:
# "кен байыту фабрикасы салынады" carries no letter only Kazakh writes, and only the article
# says it is Kazakh.
DOCUMENT_LANGUAGE: ContextVar[str | None] = ContextVar("document_language", default=None)


def _kazakh(text: str) -> bool:
    """Kazakh text, not a Russian one quoting a Kazakh name («Оңтүстік», «Табиғи тас Қызылорда»)."""
    if DOCUMENT_LANGUAGE.get() == "kk":
        return True
    words = WORD_RE.findall(QUOTED_SPAN.sub(" ", text))
    heads = cue_regex("kazakh_title_heads")
    kk = sum(1 for w in words if KAZAKH.search(w) or heads.match(w))
    return kk >= 2 or (kk == 1 and len(words) <= 6)


def _is_scale(word: str) -> bool:
    return bool(vocabulary().scale_re.fullmatch(word))


# "a paper manufacturing plant", "a brick making plant": after a product word these say what the
# plant does and stay in the title; with no product before them they are a verb's
GERUND_MODIFIERS = frozenset({"making", "producing", "manufacturing"})


def _left_edge(text: str, head_start: int, russian: bool, kazakh: bool) -> int:
    """Where the modifiers before the head begin: adjectives in Russian, lower-case words otherwise."""
    lists = _lists()
    words = list(WORD_RE.finditer(text, max(0, head_start - 100), head_start))
    start = head_start
    reach = LEFT_MODIFIERS   # grows to take a Kazakh participle's objects
    participle = False
    object_of = -1           # the word right before the participle: its object
    for i in range(len(words) - 1, -1, -1):
        if i <= len(words) - 1 - reach:
            break
        m = words[i]
        w = m.group(0)
        lw = w.lower()
        # "минералды тыңайтқыш пен индустриалды өнім өндіретін химиялық зауыт": the objects of a Kazakh
        # participle before the head (coordinated ones too) say what the plant makes
        joined = kazakh and participle and lw in KK_CONJUNCTIONS
        if BREAK.search(text, m.end(), start) or w[0].isdigit() or (lw in lists["stop_left"] and not joined) or PLACE_NOUN.match(w):
            break
        prev = words[i - 1].group(0) if i > 0 else ""
        if lw in GERUND_MODIFIERS and (not prev or prev.lower() in lists["stop_left"] or prev[0].isupper()
                                       or BREAK.search(text, words[i - 1].end(), m.start())):
            break   # "began producing at the plant", not "a brick making plant" (what it makes stays in the title)
        money_before = prev and _is_scale(prev) and re.search(r"[$₸€]\s*[\d.,]+\s*$|KZT\s*[\d.,]+\s*$",
                                                               text[max(0, words[i - 1].start() - 12):words[i - 1].start()])
        if money_before:
            if w.islower():
                start = m.start()
            break   # "$245 million ferroalloy plant": the amount ends the title on the left, the word after it stays
        if _is_scale(w) or (prev and (prev[0].isdigit() or _is_scale(prev)) and m.start() - words[i - 1].end() <= 2
                            and not BREAK.search(text, words[i - 1].end(), m.start())):   # "1) гипсокартонный": a list number
            # "3 мың тонна", "100 мегаваттық": a measure, not a modifier; "1,2 млрд теңгені құрайтын": nor its verb
            lead = WORD_RE.match(text, start)
            if kazakh and lead and lead.start() < head_start and KK_PARTICIPLE.search(lead.group(0).lower()):
                start = lead.end()
            break
        if w in lists["material_acronyms"]:
            start = m.start()   # "a PVC pipe plant": a material, not a name
            continue
        if w[0].isupper() and not (m.start() == 0 and lw not in lists["drop"] and w[1:].islower()):
            if russian and not kazakh and _ru_parse(lw).tag.POS in RU_MODIFIER and (
                    i == len(words) - 1 or RU_PLACE_ADJECTIVE_END.search(lw)):
                # "Бозщакольский ГОК", "Экибастузская ГРЭС": the facility's own name; an adjective of
                # its place further left too ("Шатыркольская обогатительная фабрика")
                start = m.start()
            break   # a name or a place; a company is put back in front by the caller
        if kazakh and KK_LOCATIVE.search(lw) and lw not in lists["kk_adverbs"] and not _one_more_word(text, m) \
                and not (w.islower() and (i == len(words) - 1 and KK_POSSESSIVE_HEAD.match(text, head_start)
                                          or i == object_of)):
            break   # (right before a possessive head or a participle a word is its attribute or object:
                    # "сода зауыты", "сода өндіретін зауыт", not a locative "-да")
        if russian and not kazakh and _ru_parse(lw).tag.POS not in RU_MODIFIER:
            break
        start = m.start()
        if kazakh and not participle and KK_PARTICIPLE.search(lw) and lw not in lists["stop_left"]:
            participle, reach = True, len(words) - i + KK_PARTICIPLE_OBJECTS
            object_of = i - 1
    # generic modifiers at the left edge say nothing of the facility; nor does a conjunction that
    # joined the participle's objects to the facility before them ("кірпіш зауыты және құбыр
    # шығаратын зауыт": "және" ends the brick plant, it is no object of the pipe plant)
    for m in WORD_RE.finditer(text, start, head_start):
        if m.group(0).lower() in lists["drop"] or (kazakh and m.group(0).lower() in KK_CONJUNCTIONS):
            start = m.end()
        else:
            break
    return len(text[:start]) + len(text[start:head_start]) - len(text[start:head_start].lstrip())


WORD4 = re.compile(r"\w{4,}")
KK_POSSESSIVE_HEAD = re.compile(r"\w+[ыі]\b")   # "зауыты", "фабрикасы", "кешені": a head in the possessive


def head_stems(text: str) -> set[str]:
    """The five-letter stems of a text's words of four letters or more: what two titles, or a
    phrase and the sentences read before it, are compared by."""
    return {w[:5] for w in WORD4.findall(text.lower())}


def _one_more_word(text: str, m: re.Match) -> bool:
    """"тағы" of "тағы бір" (one more) looks like a locative ("-тағы") but is no place."""
    return bool(cue_regex("title_one_more_patterns").match(text, m.start()))


RU_PLACE_ADJECTIVE_END = re.compile(r"(?:ск|цк)(?:ий|ого|ому|им|ом|ая|ой|ую|ое|ие|их)$")
NAME_RUN = re.compile(r"\s+(?:[«\"“]?[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w-]*[»\"”]?\s+){1,3}?(?=по\s|for\s|producing\s)")
# "a plant of Ekibastuz Beton LLP in Ekibastuz producing ...": the owner and its town stand between head and complement
OWNER_RUN = re.compile(r"\s+of\s+(?:[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ«\"][\w»\"-]*\s+){1,4}(?:in\s+(?:[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w-]*\s+){1,2})?"
                       r"(?=producing\s|manufacturing\s|making\s|processing\s|for\s)")
# "producing 120,000 tons of feed additives": the quantity is a figure, the product is the complement
QUANTITY_OF = re.compile(r"\s*\d[\d,.]*(?:\s+(?:thousand|million))?\s+[a-z]+(?:\s+[a-z]+)?\s+of(?=\s)")


QUANTITY_RU = re.compile(r"\s*(?:порядка\s+|около\s+|более\s+|свыше\s+|до\s+)?\d[\d,. ]*(?:\s*(?:тысяч\w*|тыс\.|млн|миллион\w*))?"
                         r"\s+(?:тонн\w*|т\.?(?=\s)|голов\w*|кубометр\w*|штук\w*|единиц\w*)", re.IGNORECASE)


def _brand_of_product(text: str, m: re.Match, lists: dict) -> bool:
    """"manufacturing of Hyundai automobiles", "production of KAMAZ trucks": a capitalised word right
    before a lower-case noun of the complement is the product's brand, not a name beside the phrase."""
    after = WORD_RE.match(text, m.end() + 1) if text[m.end():m.end() + 1] == " " else None
    return bool(after and after.group(0).islower() and after.group(0) not in lists["stop_right"]
                and not PLACE_NOUN.match(after.group(0)) and not vocabulary().status_any_re.match(after.group(0)))


def _right_edge(text: str, head_end: int, russian: bool, kazakh: bool) -> tuple[int, int]:
    """The complement after the head: "по производству X", "for the production of X", genitives.
    Returns (from, to); a name between the head and the complement ("завод ТЭМПО по выпуску труб")
    is skipped, the caller puts the company in front."""
    lists = _lists()
    if kazakh:
        return head_end, head_end
    skip = head_end
    name = NAME_RUN.match(text, head_end) or (None if russian else OWNER_RUN.match(text, head_end))
    if name:
        skip = name.end() - 1
    lead = lists["lead"].match(text, skip)
    end = skip
    pos = lead.end() if lead else skip
    if lead and not russian:
        quantity = QUANTITY_OF.match(text, pos)
        if quantity:
            pos = quantity.end()
    taken = 0
    skip_to = 0
    previous_adjective = False
    for m in WORD_RE.finditer(text, pos):
        w = m.group(0)
        lw = w.lower()
        if m.start() < skip_to:
            continue
        if w[0].isdigit() and russian and taken and (quantity := QUANTITY_RU.match(text, m.start())):
            skip_to = quantity.end()   # "по переработке 25 тысяч тонн фруктов": past the amount to the product
            continue
        if BREAK.search(text, end if taken else pos, m.start()) or w[0].isdigit() or lw in lists["stop_right"]:
            break
        if w[0].isupper() and not (lead and not russian and _brand_of_product(text, m, lists)):
            break
        if PLACE_NOUN.match(w) or vocabulary().status_any_re.match(w):
            break
        if russian:
            coordinating = lw in ("и", "или") and taken
            # "по глубокой переработке кукурузы": the lead's noun comes after its adjectives, in its own case
            after_adjective = lead and taken and previous_adjective
            if not (coordinating or (lead and taken == 0) or after_adjective or w.endswith("-") or _ru_genitive(lw)):
                break
            previous_adjective = _ru_parse(lw).tag.POS == "ADJF"
        elif not lead:
            break      # English takes a complement only after a lead ("for", "producing")
        elif taken and re.search(r"(?:ed|ing)$", lw) and lw not in lists["ing_nouns"] and not _modifies_next(text, m.end()):
            break      # "... wires began operating", "... tractors located in"
        end = m.end()
        taken += 1
        if taken >= 6:
            break
    if not taken:
        return head_end, head_end
    # a trailing connective belongs to what follows: "power cables and", "of the"
    tail = re.search(r"(?:\s+(?:and|or|of|the|for|up|to|with|within|inside|и|или|для))+$", text[skip:end], FLAGS)
    return skip, end - (len(tail.group(0)) if tail else 0)


def _modifies_next(text: str, pos: int) -> bool:
    """"wheeled tractors": an -ed word followed by a plain lower-case word is an adjective."""
    nxt = WORD_RE.match(text, pos + 1) if text[pos:pos + 1] == " " else None
    return bool(nxt and nxt.group(0).islower() and nxt.group(0) not in _lists()["stop_right"]
                and nxt.group(0) not in _lists()["stop_left"])


@lru_cache(maxsize=8192)
def _ru_noun(word: str) -> bool:
    parses = ru_parses(word.lower())
    return bool(parses) and parses[0].tag.POS == "NOUN"


@lru_cache(maxsize=8192)
def _ru_genitive(word: str) -> bool:
    return any(p.tag.case == "gent" for p in ru_parses(word))


@lru_cache(maxsize=4096)
def _ru_dictionary_form(left: str, head: str) -> str:
    """Head noun to the nominative; its adjectives agree with it ("шинного завода" -> "шинный завод")."""
    hp = _ru_parse(head.lower())
    if hp.tag.POS != "NOUN" or hp.tag.case == "nomn":
        return " ".join(x for x in (left, head) if x)
    number = "plur" if hp.tag.number == "plur" else "sing"
    new_head = hp.inflect({"nomn", number})
    if new_head is None:
        return " ".join(x for x in (left, head) if x)
    out = []
    for w in left.split():
        p = _ru_parse(w.lower())
        grammemes = {"nomn", "plur"} if number == "plur" else {"nomn", hp.tag.gender or "masc"}
        infl = p.inflect(grammemes) if p.tag.POS in RU_MODIFIER else None
        written = infl.word if infl else w
        out.append(written[:1].upper() + written[1:] if w[:1].isupper() else written)   # "Мойнакская", a name's
    word = head if head.isupper() else new_head.word   # "ГЭС", "ТЭЦ": an abbreviation is written as it is
    if head[:1].isupper():
        word = word[:1].upper() + word[1:]
    return " ".join(out + [word])


def _kk_dictionary_form(head: str, stem_len: int) -> str:
    """"зауытының" -> "зауыты", "фабрикасында" -> "фабрикасы", "зауытта" -> "зауыт"."""
    stem, suffix = head[:stem_len], head[stem_len:].lower()
    m = KK_POSSESSIVE.match(suffix)
    return stem + (m.group(1) if m else "")


def facility_phrase(item: str, status_hint: int | None = None) -> Phrase | None:
    """The strongest facility phrase of a clause; among equals, the first after the status cue, else the nearest."""
    return _facility_phrase(item, status_hint, DOCUMENT_LANGUAGE.get())


@lru_cache(maxsize=4096)
def _facility_phrase(item: str, status_hint: int | None, language: str | None) -> Phrase | None:
    """Remembered per document language: a phrase is read as Kazakh in a Kazakh article."""
    lists = _lists()
    nouns = list(lists["any"].finditer(item))
    if not nouns:
        return None
    # a run of facility nouns is one head, the last of the run: "production plant", "тепличного комплекса"
    heads = []
    cyrillic_only = bool(CYRILLIC.search(item)) and not _kazakh(item)
    for m in nouns:
        end = WORD_TAIL.match(item, m.end()).end()
        if heads and item[heads[-1][1]:m.start()] == " ":
            if cyrillic_only and _ru_noun(item[heads[-1][2]:heads[-1][1]]) and _ru_genitive(item[m.start():end]):
                continue    # "комплекс мясокомбината": a noun and its genitive; the first is the head
                            # ("тепличного комплекса": an adjective and its noun; the last is)
            heads[-1] = (heads[-1][0], end, m.start(), m.end())
        else:
            heads.append((m.start(), end, m.start(), m.end()))
    # a facility where something else stands ("in the industrial zone", "на заводе", "аймақта") ranks after the rest
    key = {h: (len(heads) > 1 and _locative(item, h[2], h[1]), _rank(item, h[2])) for h in heads}
    best = min(key.values())
    ranked = [h for h in heads if key[h] == best]
    best_rank = best[1]
    if status_hint is not None:
        after = [h for h in ranked if 0 <= h[2] - status_hint <= 60]
        if after and EN_PASSIVE_BEFORE.search(item, max(0, status_hint - 30), status_hint):
            # "A PVC pipe plant has been put into operation to serve the cluster": a passive status
            # has its facility before it; the one after it is where it serves
            before = [h for h in ranked if h[2] < status_hint]
            after = [] if before else after
        head = after[0] if after else min(ranked, key=lambda h: abs(h[2] - status_hint))
    else:
        head = ranked[0]
    run_start, head_end, word_start, stem_end = head
    kazakh = _kazakh(item)
    russian = bool(CYRILLIC.search(item)) and not kazakh
    start = _left_edge(item, run_start, russian, kazakh)
    skip, end = _right_edge(item, head_end, russian, kazakh)
    # (a verb of the complement's lead is the lead: "a plant that will produce motor oils")
    lead = lists["lead"].match(item, skip) if end > skip else None
    lead_end = lead.end() if lead else head_end
    # a status verb is not part of the name: "возведут металлургический комбинат", "зауыты пайдалануға берілді"
    for sm in vocabulary().status_any_re.finditer(item, max(0, start - 40), end):
        if sm.end() <= run_start:
            start = max(start, WORD_TAIL.match(item, sm.end()).end())
        elif sm.start() >= lead_end:
            end = max(skip, min(end, sm.start()))
    start = len(item[:start]) + len(item[start:]) - len(item[start:].lstrip())
    left, head_word, right = item[start:word_start].strip(), item[word_start:head_end], item[skip:end]
    left = " ".join(cue_regex("title_one_more_patterns").exact.sub(" ", left).split())
    if russian:
        named = _ru_dictionary_form(left, head_word)
    elif kazakh:
        named = " ".join(x for x in (left, _kk_dictionary_form(head_word, stem_end - word_start)) if x)
    else:
        named = " ".join(x for x in (left, head_word) if x)
    title = " ".join((named + (" " if skip > head_end else "") + right).split())
    if russian:
        # "проект расширения Шымкентского НПЗ", "при расширении сухого порта": the works on the
        # facility is the project; its title keeps the object as written ("расширение сухого порта")
        works = lists["works_before"].search(item, max(0, start - 40), start)
        if works:
            noun = lists["works"][works.group(1).lower()]
            start = works.end(1) + len(WORD_TAIL.match(item, works.end(1)).group(0))
            start += len(item[start:]) - len(item[start:].lstrip())   # a place's adjective comes with it
            written = " ".join((item[start:head_end] + (" " if skip > head_end else "") + right).split())
            title = noun + " " + written
            start = works.start()
    elif not kazakh:
        # "the expansion of the Shymkent refinery", "an upgrade of the pipeline": the works on the facility
        # is the project, and its title says so
        works = lists["works_before_en"].search(item, max(0, start - 40), start)
        if works:   # written as it stands: "expansion of the Shymkent refinery" keeps its town
            start = works.start(1)
            title = " ".join((item[start:head_end] + (" " if skip > head_end else "") + right).split())
            title = title[:1].lower() + title[1:]
    words = title.split()
    before_abbreviation = len(words) > 1 and words[1].split("-")[0].isupper() and len(words[1].split("-")[0]) >= 2
    if title[:1].isupper() and title[1:2].islower() and start == 0 and not _opens_with_place(title) \
            and not before_abbreviation:
        # the sentence's capital, not the facility's ("Cement plant ..."); a word before an abbreviation
        # is the facility's name ("Мойнақ ГЭС-інің құрылысы")
        title = title[:1].lower() + title[1:]
    return Phrase(start, end, item[start:end], title, best_rank, word_start, head_end)


def _opens_with_place(title: str) -> bool:
    """"Pavlodar petrochemical plant", "Теміртау металлургия комбинаты", "Экибастузская ГРЭС-2": a
    place's name (or its adjective) that opens the phrase keeps its capital."""
    from ..regions import find_regions
    return any(m.start == 0 for m in find_regions(title))


# A name beside a facility phrase: «Баян Сулу», "Orda Glass", KORCEM, Zhanatas (the name of a
# plant, a brand, or the town a plant is named after). Latin words in Russian and Kazakh text
# are names; in English a capitalised run counts unless it opens the sentence.
QUOTED_NAME = re.compile(r"[«\"“]([^»\"”]{2,40})[»\"”]")
RUN_ARTICLE = re.compile(r"(?:The|A|An)\s+(?=\S)")
LATIN_NAME = re.compile(r"(?<![\w-])(?:[A-Z][\w&'’.-]*[\w]|[A-Z])(?:\s+(?:[A-Z][\w&'’.-]*[\w]|[A-Z]))*")
NAME_REACH = 40
HOLIDAY_NAME = re.compile(r"\bDay$")
PERSON_BEFORE = re.compile(r"(?:president|minister|akim|governor|chairman|ceo|director|head|deputy|mr|ms|dr)\.?\s+$", re.IGNORECASE)
PERSON_SURNAME = re.compile(r"(?:ov|ev|ova|eva|in|ina|uly|kyzy|enko|sky)$")


SMALL_WORDS = frozenset("a an the of in on at for to by with and or from as its new".split())
TITLE_WORD = re.compile(r"(?<![\w-])[A-Z][a-z]+(?:-[A-Za-z][a-z]*)*(?![\w-])")


def _title_case(item: str) -> bool:
    """An English headline in Title Case: most words capitalised, so capitals tell no names."""
    if CYRILLIC.search(item):
        return False
    words = [w for w in re.findall(r"[A-Za-z][\w'-]*", item) if w.lower() not in SMALL_WORDS]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _sentence_case(item: str) -> str:
    """Capitalised words to lower case, but the first word, places, ALL-CAPS and CamelCase names."""
    from ..regions import find_regions
    places = [(m.start, m.end) for m in find_regions(item)]

    def lower(m: re.Match) -> str:
        if m.start() == 0 or any(a <= m.start() < b for a, b in places):
            return m.group(0)
        return m.group(0).lower()
    return TITLE_WORD.sub(lower, item)


EN_PASSIVE_BEFORE = re.compile(r"\b(?:has|have|had|will|to)\s+(?:already\s+|now\s+|also\s+)?been\s+$|\b(?:was|were|is|are)\s+(?:already\s+|now\s+|also\s+)?(?:being\s+)?$")
WEB_ADDRESS = re.compile(r"[\w-]+\.(?:kz|ru|com|org|net|gov|info|news|media|tv|uz|kg)\b", re.IGNORECASE)


def _names_near(item: str, phrase: Phrase | None, headline_case: bool = False) -> list[str]:
    lo, hi = (phrase.start - NAME_REACH, phrase.end + NAME_REACH) if phrase else (0, len(item))
    names = []
    from .companies import AMOUNT_TOKEN_RE, _quote_patterns
    zone_before = _quote_patterns()[2]
    for m in QUOTED_NAME.finditer(item):
        if zone_before.search(item[max(0, m.start() - 30):m.start()]):
            continue    # СЭЗ «Хоргос – Восточные ворота», месторождение «Кызылтау»: a zone's own name
        if m.end() >= lo and m.start() <= hi:
            names.append(m.group(1).strip())
    english = not CYRILLIC.search(item)
    for m in LATIN_NAME.finditer(item):
        if not (m.end() >= lo and m.start() <= hi):
            continue
        first = m.start() == 0 or re.search(r"[.!?:;]\s*$", item[:m.start()])
        article = RUN_ARTICLE.match(m.group(0))
        if english and first and article and phrase and 0 <= phrase.start - m.end() <= 2:
            name = m.group(0)[article.end():]   # "The Zhanatas wind farm": the article is the first word, not the name
        elif english and first and not (headline_case and phrase and 0 <= phrase.start - m.end() <= 16):
            continue    # a sentence's first word; in a headline, a name right before the phrase counts
        else:
            name = m.group(0)
        if re.search(r"\d\s*$", item[max(0, m.start() - 3):m.start()]) or \
                (phrase and phrase.start <= m.start() and m.end() <= phrase.end):
            continue    # "100 MW Wind Power Plant": a unit and the phrase itself, not a name beside it
        name = re.sub(r"['’]s$", "", name.strip(" ."))
        if name.lower() in _common_title_words() or name.split()[0].lower() in _common_title_words():
            continue
        if AMOUNT_TOKEN_RE.match(name):
            continue    # "worth KZT2.3 trillion": an amount, not the plant's name
        if HOLIDAY_NAME.search(name):
            continue    # "on May 1, the Unity Day": a date, not the plant's name
        if web := WEB_ADDRESS.search(item, m.start(), min(len(item), m.end() + 8)):
            # "... в Хромтау Akorda.kz": a photo's or a story's source is no name of the plant
            name = item[m.start():web.start()].strip(" .")
            if not name:
                continue
        if PERSON_BEFORE.search(item[max(0, m.start() - 30):m.start()]) or \
                (len(name.split()) >= 2 and PERSON_SURNAME.search(name.split()[-1])):
            continue    # "Prime Minister Olzhas Bektenov", "Askar Mamin": people, not the plant's name
        names.append(name)
    return names


# The capitalised words (and measures) written right before a capitalised facility noun: the
# facility's proper name ("the Zhanatas 100 MW Wind Power Plant", "the Shalkar Glass Works").
PROPER_RUN = re.compile(r"((?:(?:[A-Z][\w&'’.-]*|\d[\d.,]*)\s+){1,6})$")
MEASURE_UNIT = re.compile(r"(?:[kMG]W|[kMG]Wh|kV|MVA)$")
RUN_ARTICLES = frozenset({"The", "A", "An", "This", "That", "Its", "Their"})


def _proper_name_before(item: str, head_start: int) -> str:
    """The name part of a capitalised facility name, its measures left out ("Zhanatas Wind
    Power" before "Plant"); empty when only an article, a measure or a common word stands there."""
    m = PROPER_RUN.search(item[:head_start])
    if not m:
        return ""
    words = m.group(1).split()
    kept = [w for i, w in enumerate(words)
            if not w[0].isdigit() and not (MEASURE_UNIT.fullmatch(w) and i > 0 and words[i - 1][0].isdigit())]
    while kept and kept[0] in RUN_ARTICLES:
        kept = kept[1:]
    if not kept or all(w.lower() in _common_title_words() for w in kept):
        return ""
    return " ".join(kept)


@lru_cache(maxsize=1)
def _common_title_words() -> frozenset[str]:
    return frozenset(w.lower() for w in vocabulary().cues.get("not_names", []))


# A deposit or a zone is told apart by the name written right after it ("месторождения Баян",
# "месторождение – Аксоран –", "месторождение «Кызылтау»", "зона «Кайрат-2»"): the name goes into the title.
NAME_AFTER_SITE = re.compile(r"\s*(?:[–—-]\s*)?[«\"“]?((?:[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w-]*)(?:[ -][A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w-]*)?)")


@lru_cache(maxsize=1)
def _site_head() -> re.Pattern:
    return compile_folded(r"(?<!\w)(?:" + "|".join(vocabulary().cues["named_site_heads"]) + r")$")


def _site_name(item: str, phrase: Phrase) -> str:
    if not _site_head().search(phrase.title):
        return ""
    m = NAME_AFTER_SITE.match(item, phrase.end)
    return m.group(1) if m else ""


# A quoted name touching the head noun is the facility's own name: "ветровую электростанцию
# «Хромтау»", "«Хромтау» жел электр станциясы", 'the "Silleno" polyethylene plant'.
OWN_NAME_AFTER = re.compile(r"\s*" + QUOTED_NAME.pattern)
OWN_NAME_BEFORE = re.compile(r"[«\"“]([^«»\"“”]{2,40})[»\"”]\s*$")


def _own_name(item: str, phrase: Phrase) -> tuple[str, bool]:
    """The facility's own quoted name and whether it stands before the phrase: it is what tells this
    wind farm from the company's others, so it belongs in the title even when it is also listed
    among the record's companies (the company goes in front)."""
    after = OWN_NAME_AFTER.match(item, phrase.head_end)
    if after:
        return after.group(1).strip(), False
    before = OWN_NAME_BEFORE.search(item, 0, phrase.start)
    if before and phrase.start - before.end() <= 1:
        return before.group(1).strip(), True
    return "", False


@lru_cache(maxsize=1)
def _production_at_res() -> list[re.Pattern]:
    return [re.compile(p, re.IGNORECASE) for ps in vocabulary().cues["production_at_plant"].values() for p in ps]


def _production_at(item: str, phrase: Phrase) -> str:
    """The production the sentence names outside the phrase of the plant it happens at, as a title."""
    nominative = vocabulary().cues["production_at_plant_nouns"]
    for rx in _production_at_res():
        for m in rx.finditer(item):
            if phrase.start <= m.start() < phrase.end:
                continue
            noun = m.group("noun").lower()
            noun = next((form for stem, form in nominative.items() if noun.startswith(stem)), noun)
            product = re.sub(r"[«»\"“”]", "", m.group("product")).strip()
            return f"{noun} {product}"
    return ""


def facility_title(item: str, companies: list[str], status_hint: int | None = None) -> str:
    """A short description in the article's words: modifiers + facility noun + complement, the
    company in front, and a name written beside the phrase (brand, plant name, its town) when
    the title lacks it: it is the word that tells this plant from the others."""
    headline_case = _title_case(item)
    if headline_case:
        item = _sentence_case(item)   # "Zhanatas 100 MW Wind Power Plant Enters ..." -> "... wind power plant enters ..."
    phrase = facility_phrase(item, status_hint)
    title = phrase.title if phrase else ""
    if not phrase:
        cleaned = LEADING_JUNK.sub("", item)
        cleaned = re.split(r"\s+(?:in|at|в|во)\s+(?:the\s+)?[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]|\s*\(", cleaned)[0]
        title = " ".join(cleaned.split()[:10])
    if phrase is not None and not sector_of(phrase.title)[0]:
        product = _product_clause(item, phrase.end)
        if product:
            title = f"{title} {product}"
    if phrase is not None and LOCATIVE_BEFORE.search(item, max(0, phrase.head_start - 60), phrase.head_start):
        made = _production_at(item, phrase)
        if made:
            return with_company(made, companies)
    site = _site_name(item, phrase) if phrase is not None else ""
    if site and site.lower() not in title.lower():
        title = f"{title} {site}"
    own, before = _own_name(item, phrase) if phrase is not None else ("", False)
    if own and own.lower() not in title.lower() and not (companies and companies[0].lower() == own.lower()):
        # English puts a name before its noun ("the Silleno polyethylene plant"); Russian writes it after
        title = f"{own} {title}" if before or not CYRILLIC.search(item) else f"{title} {own}"
    if phrase is not None and not headline_case and not CYRILLIC.search(item) and item[phrase.start:phrase.start + 1].isupper():
        name = _proper_name_before(item, phrase.start)
        if name:
            title = f"{name} {title}"   # "the Zhanatas 100 MW Wind Power Plant": the plant's own name
    title = with_company(title, companies)
    known = title.lower()
    from ..regions import find_regions

    places = {m.surface.lower(): m.level for m in find_regions(item)}
    for name in _names_near(item, phrase, headline_case)[:2]:
        if name.lower() in known or any(name.lower() in c.lower() or c.lower() in name.lower() for c in companies):
            continue
        level = _place_level(name, places)   # "Kostanay" is a town; "Kyzylorda Saz-M" is a brand with a town in it
        if level is not None:
            if level in ("town", "city") and not CYRILLIC.search(item):
                title = f"{title} in {name}"   # "KIA car plant in Kostanay"; a region is the record's place, not its name
        elif phrase and item.find(name) < phrase.start:
            last = name.split()[-1]
            # "the Syr Salt works": the name and the phrase share "Salt"; written once
            title = f"{name}{title[len(last):]}" if title.lower().startswith(last.lower() + " ") else f"{name} {title}"
        else:
            title = f"{title} {name}"
        known = title.lower()
    return title


def with_town(title: str, companies: list[str], sentences: list[str]) -> str:
    """A Russian or Kazakh title with the town its sentence puts the facility in ("ферросплавный
    завод в Экибастузе", "Екібастұздағы ферроқорытпа зауыты"): the word that tells one of a
    region's plants of a kind from the others, which English titles carry already ("KIA car plant
    in Kostanay"). Added once the article's records are merged: two titles of one plant, one
    with its town and one without, must still read as one."""
    if not CYRILLIC.search(title):
        return title   # English titles take their town where they take other names (facility_title)
    year = POOL_YEAR.search(title)   # a pool's year stays last: "5 производств в Шымкенте (2022)"
    title, year = (title[:year.start()], year.group(0)) if year else (title, "")
    return _with_town(title, companies, sentences) + year


POOL_YEAR = re.compile(r"\s\(\d{4}\)$")


def _with_town(title: str, companies: list[str], sentences: list[str]) -> str:
    """with_town on a title without a pool's year."""
    phrase = facility_phrase(title)
    if phrase is None:
        return title
    head = title[phrase.head_start:phrase.head_end].lower()[:4]
    from ..regions import find_regions

    for sentence in sentences:
        at = sentence.lower().find(head) if len(head) >= 3 else -1
        if at < 0:
            continue
        near = [m for m in find_regions(sentence) if m.level in ("town", "city")
                and at - TOWN_REACH <= m.end and m.start <= at + len(head) + TOWN_REACH]
        if not near:
            return title
        m = min(near, key=lambda m: abs(m.start - at))
        if any(w.startswith(m.surface[:4].lower()) for w in re.findall(r"\w+", title.lower())) or \
                any(t.level in ("town", "city") for t in find_regions(title)):
            return title   # "Рудненский цементный завод", "Semey Leather": the title names a town already
        written = _town_as_written(sentence, m)
        if not written:
            return title
        return kk_place_first(title, companies, written) if KAZAKH.search(sentence) else f"{title} {written}"
    return title


def kk_place_first(title: str, companies: list[str], place: str) -> str:
    """A Kazakh place attribute goes before the noun, after the firm that opens the title:
    "Самұрық-Энерго Семейдегі ЖЭО"."""
    lead = next((c for c in companies if title.startswith(c + " ")), "")
    return f"{lead} {place} {title[len(lead):].lstrip()}" if lead else f"{place} {title}"


TOWN_REACH = 40
# "в городе Экибастузе", "во Втором городе": the preposition and town word a Russian title keeps as written
RU_TOWN_BEFORE = re.compile(r"(?<!\w)(?:в|во)\s+(?:(?:городе|г\.|посёлке|поселке|селе|моногороде)\s+)?$", re.IGNORECASE)
KK_TOWN_WORD_AFTER = re.compile(r"\s+(?:қаласы|кенті|ауылы)(?:нда|нде)(?:ғы|гі)?\b", re.IGNORECASE)


def kk_attribute(place: str) -> str:
    """A Kazakh place in the locative as the attribute a title puts before its noun ("Семейде" ->
    "Семейдегі", "Семей қаласында" -> "Семей қаласындағы"); empty for any other case."""
    if not KK_LOCATIVE.search(place):
        return ""
    if KK_LOCATIVE_ATTRIBUTE.search(place):
        return place
    return place + ("ғы" if place[-1] == "а" else "гі")


KK_LOCATIVE_ATTRIBUTE = re.compile(r"(?:ғы|гі)$")
KK_BACK_VOWELS, KK_FRONT_VOWELS = set("аоұыуя"), set("әөүіеэиюё")
KK_VOICELESS_END = re.compile(r"[кқпстфхцчшщ]$", re.IGNORECASE)


def kk_locative(word: str) -> str:
    """A Kazakh word in the locative by the rules of harmony ("Семей" -> "Семейде", "Ақтау" ->
    "Ақтауда", "Балқаш" -> "Балқашта"): the case a coordinated word before the last one leaves off."""
    vowels = [c for c in word.lower() if c in KK_BACK_VOWELS | KK_FRONT_VOWELS]
    front = bool(vowels) and vowels[-1] in KK_FRONT_VOWELS
    voiceless = bool(KK_VOICELESS_END.search(word))
    return word + ("т" if voiceless else "д") + ("е" if front else "а")


def _town_as_written(sentence: str, m) -> str:
    """"в Экибастузе" (Russian, with its preposition); "Екібастұздағы", "Семей қаласындағы" (Kazakh,
    the locative made an attribute); empty for any other case, which a title cannot take as it is."""
    if KAZAKH.search(sentence):
        after = KK_TOWN_WORD_AFTER.match(sentence, m.end)
        return kk_attribute(sentence[m.start:after.end()] if after else m.surface)
    before = RU_TOWN_BEFORE.search(sentence, max(0, m.start - 20), m.start)
    if before is None or RU_PLACE_ADJECTIVE_END.search(m.surface.lower()):
        return ""   # "в Павлодарском регионе": an adjective of the region, no town
    written = sentence[before.start():m.end]
    return written[0].lower() + written[1:]


@lru_cache(maxsize=1)
def _product_clause_re() -> re.Pattern:
    return compile_folded(r"(?:" + "|".join(vocabulary().cues["title_product_clauses"]) + r")")


PRODUCT_REACH = 50     # the relative clause starts this close after the phrase (a name may stand between)
PRODUCT_WORDS = 5
RU_ADJECTIVE_PLURAL = re.compile(r"(?:ые|ие)$")
PRODUCT_STOP = frozenset(("for", "to", "and", "для", "на", "үшін"))   # "parts for machine building": the use, not the product


def _product_clause(item: str, end: int) -> str:
    """"комплекс ..., где производят хлебобулочные изделия": the product a relative clause right after
    a facility phrase names, up to the next punctuation or figure; empty when there is none."""
    m = _product_clause_re().search(item, end, min(len(item), end + PRODUCT_REACH + 40))
    if m is None or m.start() - end > PRODUCT_REACH:
        return ""
    return _product_words(item, m.end())


@lru_cache(maxsize=1)
def _product_sentence_res() -> tuple[re.Pattern, re.Pattern]:
    cues = vocabulary().cues
    return (compile_folded(r"(?:" + "|".join(cues["product_sentence_leads"]) + r")"),
            compile_folded(r"(?:" + "|".join(cues["product_sentence_verbs"]) + r")"))


def product_sentence(text: str) -> str:
    """"It will make cast metal parts", "Онда ... құйма металл бөлшектері шығарылады": the product a
    sentence says the facility named just before makes; empty when it says none."""
    leads, verbs = _product_sentence_res()
    m = leads.search(text)
    if m is not None:
        return _product_words(text, m.end())
    m = verbs.search(text)
    if m is not None:
        words = [w for w in m.group(1).split() if not w[0].isdigit()]
        return " ".join(words[-3:])   # the noun phrase right before the verb: its head and two modifiers
    # "Там построили завод, который будет выпускать моторные масла": the facility restated, with
    # the relative clause that says what it makes
    phrase = facility_phrase(text)
    return _product_clause(text, phrase.end) if phrase is not None else ""


def _product_words(item: str, start: int) -> str:
    """Up to five words of a product from `start`, to the next punctuation, figure or verb."""
    stop_right, status_re = _lists()["stop_right"], vocabulary().status_any_re
    words: list[re.Match] = []
    for w in WORD_RE.finditer(item, start):
        gap = item[words[-1].end() if words else start:w.start()]
        # "хлебобулочные, кондитерские и макаронные изделия": a comma after an adjective goes on to the next one
        listed = bool(words) and gap.strip() == "," and RU_ADJECTIVE_PLURAL.search(words[-1].group(0))
        if (BREAK.search(gap) and not listed) or w.group(0)[0].isdigit():
            break
        if w.group(0).lower() in stop_right or w.group(0).lower() in PRODUCT_STOP or status_re.match(w.group(0)):
            break
        if CYRILLIC.search(w.group(0)) and _ru_parse(w.group(0).lower()).tag.POS == "INFN":
            break   # "перерабатывать макулатуру и выпускать бумажные изделия": the next verb's object is another product
        words.append(w)
        if len(words) >= PRODUCT_WORDS:
            break
    while words and words[-1].group(0).lower() in ("и", "или", "and", "or", "және", "мен"):
        words.pop()   # a conjunction that led to the cut-off verb
    return " ".join(w.group(0) for w in words)


def _place_level(name: str, places: dict[str, str]) -> str | None:
    """The level of the place `name` is: part of a place's name ("Akmola" of "Akmola region"), or a
    place with only country and place words beside it ("Kazakhstan's Almaty Region"); a place word
    with a word of its own ("Kyzylorda Saz-M") is a brand, not a place."""
    low = name.lower()
    for surface, level in places.items():
        if low in surface:
            return level
        if surface in low:
            rest = re.findall(r"[\w'’-]+", low.replace(surface, " "))
            if all(re.sub(r"['’]s$", "", w) in _common_title_words() or PLACE_NOUN.match(w) for w in rest):
                return level
    return None


def with_company(title: str, companies: list[str]) -> str:
    """"Xiaomi TV manufacturing plant": the first company named for the project goes in front."""
    title = re.sub(r"[\s,;:(–—-]+$", "", " ".join(title.split()))
    for c in companies[:1]:
        if title and title.lower() in c.lower():
            title = c   # "цементный завод" of ТОО «Рудненский цементный завод»: the firm's name says it all
        elif c.lower() not in title.lower():
            title = f"{c} {title}"
    return title.strip()


def is_bare(phrase: Phrase | None) -> bool:
    """"проект", "площадка", "the plant": a head alone says nothing of what the facility makes."""
    return phrase is None or len(phrase.title.split()) == 1


def better_phrase(phrase: Phrase | None, candidates: list[Phrase]) -> Phrase | None:
    """A phrase of the headline or the lead that names the same kind of facility more fully (not the
    headline's copper smelter for the body's "дата-центр": a facility that names its kind is that kind)."""
    kinds = concepts_in(phrase.title) if phrase is not None else set()
    for c in candidates:
        if not is_bare(c) and (phrase is None or c.rank <= phrase.rank):
            if kinds and (other := concepts_in(c.title)) and not kinds & other:
                continue
            return c
    return None


SECTOR_PREPOSITION = re.compile(r"(?:in|the|в)\s+", re.IGNORECASE)


def program_title(text: str, pos: int, sector: str | None, clause_text: str) -> str:
    """What the pool is: the sector's word and the counted noun ("metallurgical projects")."""
    voc = vocabulary()
    token = re.compile(r"\S+").match(text, pos)
    after = token.end() if token else pos
    while (word := re.compile(r"\s+(\S+)").match(text, after)) and word.group(1).lower() in voc.number_words:
        after = word.end()   # "он бір жоба": the units of a number written in words
    count = voc.count_after_re.match(text, after) if token else None
    noun = count.group(0).strip() if count else None
    if not noun:
        nouns = list(voc.count_noun_re.finditer(text[:pos])) or list(voc.count_noun_re.finditer(text))
        noun = re.compile(r"[\w-]+").match(text, nouns[-1].start()).group(0) if nouns else \
            voc.cues["pool_default_noun"].get(DOCUMENT_LANGUAGE.get() or "en", "projects")
    sector_m = voc.sector_patterns[sector].search(clause_text) if sector else None
    start = sector_m.start() if sector_m else 0
    while sector_m and (lead := SECTOR_PREPOSITION.match(clause_text, start)):
        start = lead.end()   # the industry's own word, not the preposition of "five in energy", "в энергетике"
    sector_word = re.compile(r"[\w-]+").match(clause_text, start).group(0) if sector_m else ""
    if sector_word and (sector_word.lower() in noun.lower() or noun.lower() in sector_word.lower()):
        sector_word = ""    # "28 электростанций": the counted noun is the sector's word
    return " ".join(x for x in (sector_word, noun) if x)
