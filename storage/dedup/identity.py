"""What an announcement record says its facility *is*: the identity project linking compares.

Outlets name one plant differently ("Al Khaleej Sugar", "Al Khaleej Sugar Jamal Al Ghurair",
"KIA завод"), in three languages, and the extractor's company lists carry noise. What stays
across them is a name (a company or brand word, folded across scripts), what the facility
makes (a concept of extract/data/concepts.yaml), where it is (region codes) and its figures.
Everything here is a pure function of one record, cached by the values it reads, so a
record scored against many candidates (and read again for every new record) derives its
identity once.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .fingerprints import _scale_of, _value_key, amounts_agree, company_key, concept_facts, numeric_facts
from .lexicon import kzt_per_usd, lexicon
from .normalise import normalise_text

STOP_TITLE_CHARS = 4   # title words shorter than this carry no meaning across outlets
TITLE_STEM = 5         # compare words by their first letters (crude, language-free stemming)
SHORT_NAME = 4         # KIA, ERG, Kia, КИА: too short for a consonant skeleton, kept as spelt

_WORD = re.compile(r"[^\W_][^\W_'’&.-]*(?:[-'’&.][^\W_]+)*", re.UNICODE)
_LATIN = re.compile(r"[A-Za-z]")


# Words that sit in many company names without telling one company from another.
GENERIC_COMPANY_WORDS = frozenset("""
corporation international engineering industries industrial industry manufacturing manufacture
machine investment investments development limited global trading service services technologies
technology systems solutions partners resources energy power mining metals construction holdings
capital fund bank project projects plant factory complex new first
корпорация инжиниринг индастриз инвест инвестиции девелопмент энерджи энергия ресурсы строй
трейдинг сервис технологии проект завод фабрика комплекс
""".split())


# Countries, their people and the state's own leaders and holdings: named beside a great
# many projects (an investor's home, a ceremony's guest, a co-financier), so they tell no
# project from another. Inflected forms are caught by prefix (Казахстане, Kazakhstan's).
SHARED_NAMES = frozenset("""
qazaqstan kazakstan china chinese korea korean japan japanese russia russian turkey turkish turkiye
germany german emirates uae arab saudi qatar india indian iran uzbekistan kyrgyzstan tajikistan
azerbaijan belarus ukraine hungary poland france french italy italian britain spain usa america
american europe european asia asian
китай китая корея кореи япония россия российская турция германия оаэ эмират катар индия иран
узбекистан кыргызстан европа азия
қытай корея жапония ресей түркия германия әмірлік катар үндістан иран өзбекстан қырғызстан
tokayev токаев тоқаев kassym-jomart касым-жомарт қасым-жомарт nazarbayev назарбаев
smailov смаилов bektenov бектенов mamin мамин
samruk-kazyna самрук-казына самұрық-қазына baiterek байтерек kazakh-invest kazakhinvest
""".split())


@lru_cache(maxsize=1)
def _not_names() -> frozenset[str]:
    """Words that are capitalised or sit in company names without naming anyone."""
    lex = lexicon()
    return (frozenset(w.lower() for w in lex["common_capitalised"]) | frozenset(f.lower() for f in lex["legal_forms"])
            | GENERIC_COMPANY_WORDS | SHARED_NAMES)


@lru_cache(maxsize=1)
def _not_name_stems() -> tuple[str, ...]:
    """Long not-name words, whose inflected forms (Казахстане, Kazakhstan's) are not names either."""
    return tuple(sorted(w for w in _not_names() if len(w) >= 6))


def _is_place(word: str) -> bool:
    """A Kazakh place, also when written alone ("Zhambyl", "Жамбыл") or in capitals."""
    from kzmon.extract.regions import find_regions

    forms = {word, word.capitalize()}
    suffix = " region" if word.isascii() else " облысы"
    return any(find_regions(form) or find_regions(form + suffix) for form in forms)


# Latin spellings that Russian and Kazakh render by convention, not letter by letter:
# EuroChem is ЕвроХим (eu -> ев, ch -> х). A Latin word gets a second key spelt that way.
_CYRILLIC_CONVENTIONS = (("eu", "ev"), ("ch", "kh"))


# the country glued to a firm's name: "KamaTyresKZ", "AllurKazakhstan"
GLUED_COUNTRY = re.compile(r"(?<=[a-z])(?:KZ|Kz|Kazakhstan|Qazaqstan)$")


@lru_cache(maxsize=65536)
def word_name_keys(word: str) -> frozenset[str]:
    """Name keys for one word of a company name or title; empty when the word names no one:
    a common or legal-form word, a place, or a word that says what the facility makes
    ("Sugar" in "Al Khaleej Sugar" is the concept, not the company)."""
    from kzmon.extract.concepts import concepts_in

    word = re.sub(r"['’]s$", "", unicodedata.normalize("NFKC", word).strip("-'’&."))
    lower = word.lower().replace("ё", "е")
    if len(lower) < 3 or lower in _not_names() or any(c.isdigit() for c in lower):
        return frozenset()
    if "-" in lower and all(part in _not_names() or part.startswith(_not_name_stems())
                            for part in lower.split("-") if part):
        return frozenset()  # "China-Kazakhstan", "Kazakh-Turkish": countries joined, no one named
    if lower.startswith(_not_name_stems()) or concepts_in(lower) or _is_place(word):
        return frozenset()
    spelt = "".join(lexicon()["translit"].get(c, c) for c in lower)
    if len(word) <= SHORT_NAME:
        # a short word is a name only when written as one: KIA, Kia, КИА (not "на", "для")
        return frozenset({spelt}) if spelt.isalpha() and word[0].isupper() else frozenset()
    keys = set()
    variants = {lower}
    glued = GLUED_COUNTRY.search(word)
    if glued and glued.start() >= 3:
        variants.add(word[:glued.start()].lower())   # "KamaTyresKZ" is "KamaTyres" in another report
    if lower.isascii():
        conventional = lower
        for src, dst in _CYRILLIC_CONVENTIONS:
            conventional = conventional.replace(src, dst)
        variants.add(conventional)
    for variant in variants:
        key = company_key(variant)
        if key and len(key) >= 3:
            keys.add(key)
    if not keys and spelt.isalpha():
        keys.add(spelt)  # few consonants (Khaleej, Jamal): kept as spelt
    return frozenset(keys)


def _title_name_words(title: str) -> list[str]:
    """Words of a title that name someone: Latin words in a Cyrillic title ("KIA завод",
    "Orda Glass Ltd стекольный завод"), words written in capitals or camel case (EuroChem),
    and capitalised words inside a title that is not in title case."""
    words = _WORD.findall(unicodedata.normalize("NFKC", title or ""))
    latin = [bool(_LATIN.match(w)) for w in words]
    cyrillic_title = sum(not x for x in latin) > sum(latin)
    long_words = [w for w in words if len(w) >= STOP_TITLE_CHARS]
    title_case = len(long_words) >= 2 and sum(w[0].isupper() for w in long_words) >= 0.6 * len(long_words)
    out = []
    for i, word in enumerate(words):
        if cyrillic_title and latin[i]:
            out.append(word)
        elif not word[0].isupper():
            continue
        elif (len(word) >= 2 and word.isupper()) or any(c.isupper() for c in word[1:]):
            out.append(word)
        elif i > 0 and not title_case:
            out.append(word)
    return out


def _head(words: list[str]) -> frozenset[str]:
    """Keys of the first word that names someone: the distinctive head of a company name
    ("Khaleej" in "Al Khaleej Sugar Jamal Al Ghurair"), not a trailing "Ferro" or "Invest"
    that many companies share."""
    for word in words:
        if found := word_name_keys(word):
            return found
    return frozenset()


_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_STRAY_EDGES = re.compile(r"^([\u0400-\u04FF]{1,2})(?=[A-Za-z]{2})|(?<=[A-Za-z]{2})([\u0400-\u04FF]{1,2})$")


@lru_cache(maxsize=65536)
def clean_company(name: str) -> str:
    """A company name less the stray letters of the other script stuck to a Latin word: quotes
    mis-decoded from one code page into another turn “Khorgos Gateway” into "УKhorgos GatewayФ",
    and the transliterated Cyrillic letters then make another name of it."""
    name = unicodedata.normalize("NFKC", name or "")
    if not (_LATIN.search(name) and _CYRILLIC.search(name)):
        return name
    return " ".join(_STRAY_EDGES.sub("", word) for word in name.split())


def company_names(rec: dict) -> tuple[str, ...]:
    """The record's company names, cleaned (clean_company)."""
    return tuple(clean_company(c) for c in rec.get("companies") or ())


def _names(rec: dict) -> tuple[frozenset[str], frozenset[str]]:
    """Cached by the values it reads: a record is scored against many candidates, and a
    candidate's announcements are read again for every new record."""
    return _names_of(rec.get("title") or "", company_names(rec))


@lru_cache(maxsize=65536)
def _names_of(title: str, companies: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str]]:
    """(strong, weak) name keys. Strong: a company named by one word (KIA, EuroChem Group),
    a company's whole name, the first name word of the title, a camel-case compound
    (EkibastuzFerroAlloys). Weak: the head word of a company of several name words ("Khaleej"
    of "Al Khaleej Sugar Jamal Al Ghurair"), which a holding, a person or a country sharing
    that word may also carry."""
    strong: set[str] = set()
    weak: set[str] = set()
    for company in companies:
        words = _WORD.findall(unicodedata.normalize("NFKC", company))
        named = [keys for keys in (word_name_keys(w) for w in words) if keys]
        if len(named) == 1:
            strong.update(named[0])
        elif named:
            weak.update(named[0])
        whole = company_key(" ".join(w for w in words if w.lower() not in _not_names()))
        if whole and len(whole) >= 5 and (named or len(words) >= 2):
            strong.add(whole)  # "Ekibastuz FerroAlloys" meets "EkibastuzFerroAlloys"
    title_words = _title_name_words(title)
    strong.update(_head(title_words))
    for word in title_words:
        if (not word_name_keys(word) and word.isalpha() and not word.isupper()
                and any(c.isupper() for c in word[1:])):
            whole = company_key(word)  # a camel-case compound of a place and a product
            if whole and len(whole) >= 5:
                strong.add(whole)
    return frozenset(strong), frozenset(weak - strong)


def name_keys(rec: dict) -> frozenset[str]:
    """Every folded name of the record, strong and weak: the keys that find candidates."""
    strong, weak = _names(rec)
    return strong | weak


def strong_name_keys(rec: dict) -> frozenset[str]:
    """The names that identify a company on their own (see _names)."""
    return _names(rec)[0]


def _companies(rec: dict) -> tuple[str, ...]:
    return tuple(rec.get("companies") or ())


@lru_cache(maxsize=65536)
def _title_without_companies(title: str, companies: tuple[str, ...]) -> str:
    """The title less the record's company names: "Jambyl Cement glass plant" is a glass plant."""
    for company in sorted(companies, key=len, reverse=True):
        if len(company) < 3:
            continue
        lower, needle = title.lower(), company.lower()
        start = lower.find(needle)
        while start >= 0:
            title = title[:start] + " " + title[start + len(needle):]
            lower = title.lower()
            start = lower.find(needle)
    return title


def concepts(rec: dict) -> frozenset[str]:
    """What the facility is (a sugar plant, a wind farm), from its title, else its evidence."""
    found = title_concepts(rec)
    return found or _text_concepts((rec.get("evidence") or "")[:300])


def title_concepts(rec: dict) -> frozenset[str]:
    """Concepts the title itself names (evidence left out), read past the company names in it
    unless nothing else names one."""
    title = rec.get("title") or ""
    return _text_concepts(_title_without_companies(title, _companies(rec))) or _text_concepts(title)


@lru_cache(maxsize=65536)
def _text_concepts(text: str) -> frozenset[str]:
    found = frozenset(f.key[3:] for f in concept_facts(text))
    specific = found - _generic_concepts()
    return specific or found


@lru_cache(maxsize=1)
def _generic_concepts() -> frozenset[str]:
    return frozenset(lexicon().get("generic_concepts") or [])


def specific_stems(rec: dict) -> frozenset[str]:
    """Title stems that say what this facility makes beyond its kind: facility nouns ("завод",
    "plant"), the kinds of concepts.yaml ("wind", "цемент") and common words left out."""
    return _specific(_title_without_companies(rec.get("title") or "", _companies(rec)))


@lru_cache(maxsize=65536)
def _specific(title: str) -> frozenset[str]:
    from kzmon.extract.announcements.vocabulary import vocabulary
    from kzmon.extract.concepts import concepts_in
    facility = vocabulary().facility_re
    words = normalise_text(title).split()
    return frozenset(w[:TITLE_STEM] for w in words if len(w) >= STOP_TITLE_CHARS and not w.isdigit()
                     and not facility.search(w) and not concepts_in(w) and w not in _not_names())


def title_stems(rec: dict) -> frozenset[str]:
    """Title words (by their first letters), company names left out: they are compared as names."""
    return _stems(_title_without_companies(rec.get("title") or "", _companies(rec)))


@lru_cache(maxsize=65536)
def _stems(title: str) -> frozenset[str]:
    words = normalise_text(title).split()
    return frozenset(w[:TITLE_STEM] for w in words if len(w) >= STOP_TITLE_CHARS and not w.isdigit())


def capacity_values(rec: dict) -> frozenset[str]:
    return _capacity_values(rec.get("capacity") or "")


@lru_cache(maxsize=65536)
def _capacity_values(capacity: str) -> frozenset[str]:
    if not capacity:
        return frozenset()
    return frozenset(f.key for f in numeric_facts(_joined_compounds(capacity), keep_small=True))


_COMPOUND = re.compile(r"(\d+(?:[.,]\d+)?)\s+([^\W\d_]+\.?)\s+(\d{1,3})\s+([^\W\d_]+\.?)")


def _joined_compounds(text: str) -> str:
    """"1 млн 200 мың тонна" is one quantity (1,200,000), not a million and 200 thousand: a
    scaled number followed by a smaller scaled one is written as their sum."""
    def join(m: re.Match) -> str:
        big, small = _scale_of(m.group(2)), _scale_of(m.group(4))
        if not big or not small or small >= big:
            return m.group(0)
        return _value_key(float(m.group(1).replace(",", ".")) * big + int(m.group(3)) * small)
    return _COMPOUND.sub(join, text)


CAPACITY_TOLERANCE = 0.01   # "197 мың тонна" and "197 100 тонн": one capacity, once rounded


def capacities_agree(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two capacities state one figure: a value shared, or two within 1% (one of them rounded)."""
    if a & b:
        return True
    return any(amounts_agree(x, y, CAPACITY_TOLERANCE) for x in _values(a) for y in _values(b))


def _values(keys: frozenset[str]) -> list[float]:
    return [float(k[2:]) for k in keys if k.startswith("v:")]


def kzt_equivalent(rec: dict) -> float | None:
    """The record's investment in tenge, converting dollars at the year's average rate."""
    if rec.get("investment_kzt"):
        return float(rec["investment_kzt"])
    if rec.get("investment_usd"):
        return float(rec["investment_usd"]) * kzt_per_usd(rec.get("_year"))
    return None


# --- where exactly: a town below its region ------------------------------------------------
# A region holds many plants of one kind; a town few. "Wind farm in Zhanatas" and "жел электр
# станциясы, Жаңатас қаласында" are one facility more surely than two wind farms of Zhambyl
# region. Towns come from the regions gazetteer (extract/data/regions.yaml), one identity per
# town across its en/ru/kk spellings. A town that shares its region's name (Kostanay,
# Kyzylorda) is the region's capital, where half the region's plants stand: it tells nothing
# the region does not.

EVIDENCE_CHARS = 600  # the head of a record's evidence: its own sentence, not the article's list


@lru_cache(maxsize=1)
def _lineage() -> dict[str, frozenset[str]]:
    """A region code -> itself and the regions it was carved from or gave (regions.yaml)."""
    from kzmon.extract.regions import formed_from

    kin: dict[str, set[str]] = {}
    for new, old in formed_from().items():
        kin.setdefault(new, {new}).add(old)
        kin.setdefault(old, {old}).add(new)
    return {code: frozenset(codes) for code, codes in kin.items()}


def regions_meet(a: set[str] | frozenset[str], b: set[str] | frozenset[str]) -> bool:
    """Two region sets name one place: they share a region, or one names a region carved out of
    the other's (a 2015 report of a Zharma plant says East Kazakhstan, a 2024 one Abai)."""
    if a & b:
        return True
    kin = _lineage()
    return any(kin.get(code, frozenset()) & b for code in a)


@lru_cache(maxsize=1)
def _town_stems() -> tuple[tuple[str, str, str], ...]:
    """(region code, folded lower-case stem, town id), longest stem first."""
    from kzmon.extract.regions import fold, gazetteer_data

    data = gazetteer_data()
    out = []
    for code, spec in data["regions"].items():
        region_stems = {fold(stem).lower() for stems in (spec.get("region") or {}).values() for stem in stems}
        for number, place in enumerate(spec.get("places") or []):
            if place.get("level") != "town":
                continue
            stems = set()
            for lang in ("en", "ru", "kk"):
                for surface in place.get(lang) or []:
                    surface = surface.replace("~", "")
                    for prefix in ("г. ", "город ", "город"):
                        surface = surface.removeprefix(prefix)
                    surface = surface.split(" қала")[0].strip()
                    if surface:
                        stems.add(fold(surface).lower())
            if stems & region_stems or any(r.startswith(s) or s.startswith(r) for s in stems for r in region_stems
                                           if min(len(s), len(r)) >= 5):
                continue  # the region's namesake capital
            out += [(code, stem, f"{code}:{number}") for stem in stems]
    return tuple(sorted(out, key=lambda t: -len(t[1])))


@lru_cache(maxsize=65536)
def towns_in(text: str) -> frozenset[str]:
    """Ids of the towns (below their region) a text names."""
    from kzmon.extract.regions import find_regions, fold

    found = set()
    for match in find_regions(text):
        if match.level != "town":
            continue
        surface = fold(match.surface).lower()
        for code, stem, town in _town_stems():
            if code == match.code and surface.startswith(stem):
                found.add(town)
                break
    return frozenset(found)


def towns(rec: dict) -> frozenset[str]:
    """Towns (below their region) the record's title names; for a record that names no firm,
    also those the head of its evidence names. A record with a firm shares its evidence
    sentence with its article's other facilities ("the Zhanatas and Shokpar wind farms"): the
    town there may be the other's."""
    found = towns_in(rec.get("title") or "")
    if found or name_keys(rec):
        return found
    return towns_in((rec.get("evidence") or "")[:EVIDENCE_CHARS])


# --- names in the evidence ------------------------------------------------------------------
# An extractor that lists one partner ("Samruk Energy") may leave out the other its own
# evidence sentence names ("... with Masdar's director"): the other outlet's "Masdar wind
# farms" is the same project. A record's firm named in the other's evidence counts as a
# name shared, at the weight of one word of a longer name.

@lru_cache(maxsize=65536)
def _evidence_names(evidence: str) -> frozenset[str]:
    text = unicodedata.normalize("NFKC", evidence or "")
    words = _WORD.findall(text)
    latin = sum(bool(_LATIN.match(w)) for w in words)
    cyrillic_text = latin < len(words) - latin
    keys: set[str] = set()
    for word in words:
        if not word[0].isupper() and not (cyrillic_text and _LATIN.match(word)):
            continue
        keys |= word_name_keys(word)
    return frozenset(keys)


def evidence_name_keys(rec: dict) -> frozenset[str]:
    """Name keys of the capitalised words of the head of the record's evidence."""
    return _evidence_names((rec.get("evidence") or "")[:EVIDENCE_CHARS])


@lru_cache(maxsize=1)
def _related_concepts() -> frozenset[frozenset[str]]:
    return frozenset(frozenset(pair) for pair in lexicon().get("related_concepts") or [])


def concepts_agree(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two concept sets name one facility: a concept shared, or a part and its whole
    (data/lexicon.yaml, related_concepts: a cargo terminal and its airport)."""
    if a & b:
        return True
    related = _related_concepts()
    return any(frozenset((x, y)) in related for x in a for y in b)
