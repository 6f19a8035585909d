"""Company names in a clause: investors, operators, brands.

News text is full of capitalised words (places, ministers, months), so a capitalised run
is taken as a company only with evidence: a legal form ("Kas-Beton LLP", "ТОО"), a cue
word before it ("company RG Gold", "corporation Daimler AG"), an appositive after it
("Kazphosphate, the biggest maker"), a product noun right after it ("Xiaomi TV plant"),
an inner capital or all capitals ("KamaTyresKZ", "TEMPO", "КазАзот"), or Latin script
inside Cyrillic text ("Orda Glass").
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..concepts import concepts_in
from .folding import compile_folded
from .vocabulary import FLAGS, _load, sector_of, vocabulary

# Latin letters of Turkish, German, French names too ("Nobel İlaç", "Çalık", "Müller")
UPPER = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІÀ-ÖØ-ÞİŞĞ"
LOWER = "a-zа-яёәғқңөұүһіß-öø-ÿışğ"
# A name token: Capitalised, CamelCase, ALLCAPS, with inner hyphens/digits ("Kas-Beton", "KamaTyresKZ").
TOKEN = rf"[{UPPER}][{UPPER}{LOWER}0-9]*(?:[-&][{UPPER}{LOWER}0-9]+)*"
RUN_RE = re.compile(rf"(?<![\w])(?:{TOKEN})(?:\s+(?:{TOKEN}))*")
QUOTED_RE = re.compile(r"[«\"“]([^»\"”]{2,40})[»\"”]")
CAMEL_RE = re.compile(rf"[{LOWER}][{UPPER}]|^[{UPPER}]{{2,}}[{LOWER}]")
LATIN_RE = re.compile(r"^[A-Za-z0-9&\- ]+$")
CYRILLIC_RE = re.compile(r"[а-яёәғқңөұүһі]", re.IGNORECASE)


@lru_cache(maxsize=1)
def _lists():
    cues = vocabulary().cues
    suffixes = set(cues["company_suffixes"])
    extra = _load("companies.yaml")["prefix_words"]
    prefix_re = compile_folded(r"(?:" + "|".join([re.escape(w) for w in cues["company_prefix_words"]] + extra) + r")\s+$")
    stop = set(cues["not_companies"]) | set(cues["company_outside_words"]) | set(_load("companies.yaml")["not_companies"])
    name_ends = frozenset(cues["company_name_ends"])
    suffix_after_re = re.compile(r"\s+(" + "|".join(re.escape(s) for s in suffixes) + r")\b")
    return suffixes, prefix_re, stop, suffix_after_re, name_ends


@lru_cache(maxsize=1)
def _full_name_words() -> tuple[frozenset[str], frozenset[str]]:
    data = _load("companies.yaml")
    return frozenset(data["full_name_ends"]), frozenset(data["leading_words"])


@lru_cache(maxsize=1)
def _quote_patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """Words around a quoted name that make it a company: a legal form or a company noun
    before or after it; words before a facility noun that make the quoted name the facility's own."""
    data = _load("companies.yaml")
    before = compile_folded(r"(?<![\w-])(?:" + "|".join(data["quote_before"]) + r")\s*$")
    after = compile_folded(r"\s*(?:" + "|".join(data["quote_after"]) + r")(?!\w)")
    not_after = compile_folded(r"(?<![\w-])(?:" + "|".join(data["quote_not_after"]) + r")\s*$")
    return before, after, not_after


@lru_cache(maxsize=1)
def _quote_not_before_re() -> re.Pattern:
    return compile_folded(r"\s*(?:" + "|".join(_load("companies.yaml")["quote_not_before"]) + r")(?!\w)")


KAZAKH_CASE_END = re.compile(r"(?:[дтн][ыі]ң|[ынс]?[ыі]ң|[дтн][аеыі]н|[ғгқк][аеы]|[нс]?[ыі]на|[дт][аеы]|[нс]?[ыі]нда|[дтн][аеы]н)$")


def _kazakh_case_base(word: str) -> str:
    """The word less a Kazakh case ending ("Қытайдың" -> "Қытай"): a country or a place in the
    genitive names no firm either."""
    return KAZAKH_CASE_END.sub("", word) if CYRILLIC_RE.match(word) and len(word) > 5 else word


def no_firm_around(text: str, start: int, end: int) -> bool:
    """The word after a name (past its closing quote) makes it a party, a deposit, a mine or a zone,
    or the word before it a party or a ministry ("«AMANAT» партиясы", "партии «AMANAT»", "Kashagan
    field", "the Ministry of Agriculture")."""
    rest = text[end:end + 60]
    return _quote_not_before_re().match(rest.lstrip("»\"”")) is not None or \
        _not_firm_before_re().search(text, max(0, start - 30), start) is not None


@lru_cache(maxsize=1)
def _not_firm_before_re() -> re.Pattern:
    return compile_folded(r"(?<!\w)(?:" + "|".join(_load("companies.yaml")["not_firm_before"]) + r")\s*[«\"“]?\s*$")


def _quoted_company(text: str, start: int, end: int, voc) -> bool:
    """«Name» as a company: a legal form or company noun beside it, or a facility noun it names
    ("кирпичный завод «Кызылорда Саз-М»", "«Алтын таға» бетон өнімдері зауыты") unless a zone,
    a deposit or a programme stands before it."""
    before_re, after_re, not_after_re = _quote_patterns()
    before = text[max(0, start - 30):start]
    if _quote_not_before_re().match(text, end):
        return False    # "«Қаратау» фосфорит бассейнінің кен орындары": a basin's own name
    if before_re.search(before) or after_re.match(text, end, min(len(text), end + 30)):
        return True
    if not_after_re.search(before):
        return False
    words = before.rstrip().split()[-2:]
    if any(voc.facility_re.match(w) for w in words):
        return True
    return _facility_follows(text[end:end + 50], voc)


@lru_cache(maxsize=1)
def _role_patterns() -> tuple[re.Pattern, re.Pattern]:
    """A name as the subject of build/invest verbs, or the organisation of its head."""
    cues = vocabulary().cues
    subject = compile_folded(r"^(?:['’]s)?\s+(?:" + "|".join(cues["company_subject_verbs"]) + r")\b")
    owner = compile_folded(r"(?:" + "|".join(cues["company_owner_words"]) + r")\s*$")
    return subject, owner


def _is_region_word(token: str, region_spans: list[tuple[int, int]], pos: int) -> bool:
    return any(s <= pos < e for s, e in region_spans)


@lru_cache(maxsize=1)
def _context_patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    """companies.yaml: an appositive after a name, an organisation noun and comma before it, a title
    holder after it, a state body's unit word after it."""
    data = _load("companies.yaml")
    nouns = "|".join(sorted(data["appositive_nouns"], key=len, reverse=True))
    appositive = re.compile(r",\s+(?:the|a|an)\s+(?:[\w'’-]+\s+){0,3}?(?:" + nouns + r")\b", FLAGS)
    before = compile_folded(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in data["appositive_before"]) + r"),\s*$")
    titles = re.compile(r"(?:['’]s)?\s+(?:" + "|".join(re.escape(w) for w in data["title_after_name"]) + r")\b")
    units = re.compile(r"\s+(?:and\s+[A-Z][\w-]*\s+)?(?:[A-Z][\w-]*\s+)?(?:" + "|".join(data["state_unit_ends"]) + r")\b")
    return appositive, before, titles, units


@lru_cache(maxsize=1)
def _not_names() -> frozenset[str]:
    """cues.yaml not_names: countries, titles, months, words of origin."""
    return frozenset(vocabulary().cues.get("not_names", []))


@lru_cache(maxsize=1)
def _firm_owner_re() -> re.Pattern:
    """"General Director of Total Eren": a title that only a firm has (not "President of", "Head of")."""
    return compile_folded(r"(?:" + "|".join(_load("companies.yaml")["firm_owner_words"]) + r")\s*$")


@lru_cache(maxsize=1)
def _origin_words() -> frozenset[str]:
    """companies.yaml origin_words: "Swiss", "Chinese" before a name describe the firm."""
    return frozenset(_load("companies.yaml")["origin_words"])


def _home_word_opens(kept: list[str], stop: set[str]) -> bool:
    """"Kazakh Glass LLP", "Kazakh Invest": the home country's adjective (companies.yaml
    home_origin_words) before a word that is no stop word may open the firm's own name."""
    return len(kept) > 1 and kept[0] in _home_origin_words() and kept[1] not in stop


@lru_cache(maxsize=1)
def _home_origin_words() -> frozenset[str]:
    return frozenset(_load("companies.yaml")["home_origin_words"])


def _common_product_word(kept: list[str]) -> bool:
    """"Cement plant opened in Kostanay", "Truck plant to be built": a headline's or a sentence's
    capital on a word of an industry is no firm's name before its plant ("KIA plant" stays one)."""
    if len(kept) != 1 or not (kept[0][:1].isupper() and kept[0][1:].islower()):
        return False
    word = kept[0].lower()
    return bool(sector_of(word)[0] or concepts_in(word))


PRODUCT_AFTER_RE = re.compile(r"\s+(?:TV|tires?|tyres?|brand|cars?|plant|factory)\b")
POSSESSIVE_RE = re.compile(r"['’]s$")
DATELINE_COUNTRY = re.compile(r",\s+[A-Z][a-z]+,\s+(?:January|February|March|April|May|June|July|August|September|"
                              r"October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s*\d")   # "Jan.2"
# "AKTOBE – ...", "ASTANA, March 3 – ...": a capitalised place opening a paragraph before a dash is a dateline
DATELINE_AFTER_RE = re.compile(r"(?:,[^–—\n]{0,20})?\s*[–—-]\s")
# "100 MW", "1 GW", "5 млн": a capitalised word right after a number is its unit
ARTICLES = {"The", "A", "An", "This", "These", "Its", "Their"}
COUNTRY_TAILS = {"Kazakhstan", "Qazaqstan", "Kazakstan", "KZ", "Asia"}   # compared with one token of a name
LEGAL_TAILS = {"Ltd", "LTD", "Limited", "LLC", "Inc", "LLP", "JSC", "Co"}
COMMA_GAP = re.compile(r"\.?,\s*")    # between two legal forms of one name: "Co., Ltd."
DOT_GAP = re.compile(r"\.\s*")        # "Co. Ltd"
RU_LEGAL = {"ТОО", "АО", "ЖШС", "АҚ", "ОАО", "ЗАО"}
LEGAL_PREFIX_FORMS = {"LLP", "JSC"}
# "Xinjiang Lihua (Group) Co., Ltd.": a word in brackets between a name and its legal form
NAME_BEFORE_BRACKET = re.compile(r"((?:[A-Z][\w&'-]*\s+){0,4}[A-Z][\w&'-]*)\s*\([A-Z][\w&-]*(?:\s+[A-Z][\w&-]*)?\)\s*$")
QUOTES = "«\"“„"
PATRONYMIC_RE = re.compile(r"(?:ұлы|қызы|улы|кызы|uly|kyzy|ович|евич|овна|евна)$", re.IGNORECASE)
AFTER_NUMBER_RE = re.compile(r"\d[\s\u00a0]*$")
LOWER_WORD_RE = re.compile(r"[a-zа-яёәғқңөұүһі][\w-]*\s+")
# a capitalised name before these is a place, not a company
NOT_AFTER_NAME_RE = re.compile(r"\s*(?:region|oblast|city|district|special economic zone|economic zone|industrial zone|"
                               r"industrial park|sez|field|deposit|област|район|облыс|аудан|месторожд|индустриальн\w* зон|"
                               r"особ\w* экономическ|арнайы экономикалық|индустриялық аймақ|кен орн)", FLAGS)


PREPOSITION_BEFORE_RE = re.compile(r"(?:^|\s)(?:in|at|near|from|to|of|в|во|на|под|из|около|у)\s+$", FLAGS)


SURNAME_ENDINGS = ("ov|ev|ova|eva|yev|yeva|in|ina|uly|kyzy|enko|ов|ев|ова|ева|ин|ина|ұлы|қызы|енко|"
                   # Russian cases: "с президентом Береке Мухаметкалиевым", "акиму Гаязову"
                   "овым|евым|иным|овой|евой|иной|ову|еву|ину|ове|еве|ине")
# "Kazinform.kz", "деп жазады Zakon.kz": a name written as a site's address is an outlet
WEB_DOMAIN_AFTER = re.compile(r"\.(?:kz|ru|com|org|net|uz|cn|info|news)\b", re.IGNORECASE)
PERSON_NAME_RE = re.compile(r"[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][a-zа-яёәғқңөұүһі]+(?:-[A-ZА-Я][a-zа-я]+)?\s+[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][a-zа-яёәғқңөұүһі]*"
                            rf"(?:{SURNAME_ENDINGS})")
PERSON_TITLE_BEFORE_RE = re.compile(r"(?:minister|president|premier|akim|governor|chairman|chairwoman|head|director|ceo|deputy|"
                                    r"министр|президент|премьер|аким|глава|председател|директор|әкім|төраға|басшы)\w*"
                                    r"(?:\s+(?:of|for|и|and|мен|[A-ZА-Я][\w-]*|the|[«\"][^»\"]{1,40}[»\"]))*\s+$", re.IGNORECASE)
COORDINATED_RE = re.compile(r"\s*(?:,\s*(?:and\s+|и\s+|және\s+)?|\s+(?:and|и|және|мен|бен|пен)\s+)\s*")
MODEL_BEFORE_RE = re.compile(r"(?:\b(?:models?|brands?|моделей|модели|модель|марки|марка|маркой|бренда?|үлгі\w*)"
                             r"(?:\s+[A-Z][\w-]*)*(?:\s*,\s*|\s+(?:and|и|мен|және)\s+)?)\s*$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _facility_abbreviation_re() -> re.Pattern:
    """cues.yaml facility_abbreviations, with a number and a case ending ("ГОКа", "ГРЭС-1")."""
    words = "|".join(map(re.escape, vocabulary().cues["facility_abbreviations"]))
    return re.compile(rf"(?:{words})(?:-\d+)?(?:а|у|ом|е|ы|і|да|де|ның)?")


CAPS_SURNAME_RE = re.compile(rf"[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]{{2,}}(?:{SURNAME_ENDINGS.upper()})")   # the same endings in capitals


def _given_and_caps_surname(words: list[str]) -> bool:
    """"Миржан САТКАНОВ": a given name and a surname in capitals, as Russian and Kazakh papers
    write who spoke; a firm in capitals does not take a given name before it."""
    return len(words) == 2 and words[0][:1].isupper() and words[0][1:].islower() and bool(CAPS_SURNAME_RE.fullmatch(words[1]))


def _given_name_and_surname(words: list[str]) -> bool:
    """"Марат Ахметжанов", "Нурлан Ногаев": a Cyrillic given name (the Russian dictionary knows it
    as one) and a word with a surname's ending after it name a person, not a firm."""
    first = words[0]
    if not (CYRILLIC_RE.match(first) and PERSON_NAME_RE.fullmatch(" ".join(words[:2]))):
        return False
    from .titles import ru_parses
    parses = ru_parses(first.lower())
    return bool(parses) and "Name" in parses[0].tag and parses[0].score >= 0.3


@lru_cache(maxsize=1024)
def _all_caps_place(name: str) -> bool:
    """An all-caps word that is a place once written as a name ("КОСТАНАЙ" -> "Костанай")."""
    from ..regions import find_regions
    found = find_regions(name.capitalize())
    return len(found) == 1 and found[0].end - found[0].start == len(name)


# an amount with its currency typed on ("KZT35bn", "USD4"): a figure, never a name
AMOUNT_TOKEN = r"(?:KZT|USD|US\$?|EUR|RUB)\d"
AMOUNT_TOKEN_RE = re.compile(AMOUNT_TOKEN)
NOT_A_NAME_RE = re.compile(AMOUNT_TOKEN + r"[\d.,]*(?:[kKmMbB]|mn|mln|bn|bln|tn|trln)?|[IVXLC]+|[IVXLC]+-\w+")
# one letter and a number: a product's code ("консервант Е223"), never a firm's name or part of one
PRODUCT_CODE_RE = re.compile(r"[A-ZА-ЯЁ]-?\d{2,}")
RU_ADJECTIVE_END = re.compile(r"(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ых|их)$")


def _common_word_opening(token: str, voc) -> bool:
    """A capitalised word that opens a sentence and is no name: "Завод планирует ...",
    "Инвестиционный проект откроет ...", "На терминале ...": a facility noun, a Russian adjective
    or a short function word, in Cyrillic script (a Latin word in Cyrillic text is a name)."""
    if not CYRILLIC_RE.search(token) or token.isupper() or CAMEL_RE.search(token):
        return False
    low = token.lower()
    return len(low) <= 3 or RU_ADJECTIVE_END.search(low) is not None or voc.facility_re.fullmatch(low) is not None


def _place_opens_name(text: str, kept: list[str], offsets: list[int], run_start: int) -> bool:
    """"Kyzylorda Saz-M", "Kyzylorda Nan": a place word that opens a two-word name whose other
    word is too weak to be a name alone (not all capitals, no inner capital) and that no
    preposition puts in a place ("in Kostanay KIA" is a place and a brand)."""
    rest = kept[1]
    if offsets[0] != run_start or text[offsets[0] + len(kept[0]):offsets[1]] != " ":
        return False
    if rest.isupper() or CAMEL_RE.search(rest):
        return False
    if PREPOSITION_BEFORE_RE.search(text, max(0, run_start - 8), run_start):
        return False
    # "в Семее и Павлодаре Самрук-Энерго": the second of two places a preposition governs
    joined = PLACE_JOINED_BEFORE.search(text, max(0, run_start - 6), run_start)
    if joined is None:
        return True
    from ..regions import find_regions
    before = text[max(0, joined.start() - 40):joined.start()]
    return not any(m.end == len(before) for m in find_regions(before))


PLACE_JOINED_BEFORE = re.compile(r"\s+(?:и|and|және|мен|бен|пен)\s+$|,\s+$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _site_head_at() -> re.Pattern:
    return compile_folded(r"(?:" + "|".join(vocabulary().cues["named_site_heads"]) + r")(?!\w)")


def _facility_follows(after: str, voc) -> bool:
    """"Haier refrigerator plant", "Xiaomi TV manufacturing plant": a name before a product and a facility."""
    if NOT_AFTER_NAME_RE.match(after):
        return False
    pos = len(after) - len(after.lstrip())
    for _ in range(3):
        if voc.facility_re.match(after, pos):
            # "its Syrymbet tin-polymetallic deposit", "the Bozshakol mine": a site's own name
            return not _site_head_at().match(after, pos)
        m = LOWER_WORD_RE.match(after, pos)
        if not m:
            return False
        pos = m.end()
    return False


@lru_cache(maxsize=1)
def _registered_forms() -> tuple[re.Pattern, re.Pattern]:
    forms = "|".join(re.escape(f) for f in _load("companies.yaml")["registered_name_forms"])
    # "«Оспанова девелопмент» ЖШС-нің": the case ending stays out
    return re.compile(rf"(?<![\w-])(?:{forms})\s+$"), re.compile(rf"\s*(?:{forms})(?!\w)")


def registered_designations(text: str, names: list[str]) -> dict[str, str]:
    """Each of `names` as the article registers it, legal form and quotes kept (ТОО «Оспанова
    Девелопмент», "Полиметалл" АҚ, JSC "Altynalmas"), where it writes one so. A reader looking the
    firm up in a registry needs the form, and Latin names already keep theirs ("Kas-Beton LLP");
    titles and dedup keys use the bare name. One scan for all the names: a long article with
    many firms costs no more per firm."""
    wanted = sorted({n for n in names if n}, key=len, reverse=True)
    if not wanted:
        return {}
    quoted = re.compile(r"[«\"“„]\s*(" + "|".join(map(re.escape, wanted)) + r")\s*[»\"”“]")
    form_before, form_after = _registered_forms()
    found: dict[str, str] = {}
    for m in quoted.finditer(text):
        if m.group(1) in found:
            continue
        before = form_before.search(text, max(0, m.start() - 8), m.start())
        after = form_after.match(text, m.end())
        if before or after:   # a form between two names is each one's ("«Бадамша-1» ТОО «ARM wind»")
            found[m.group(1)] = text[before.start() if before else m.start():after.end() if after else m.end()]
    return found


def registered_designation(text: str, name: str) -> str:
    """The name as the article registers it, or the name itself when the article never writes it so."""
    return registered_designations(text, [name]).get(name, name)


def find_companies(text: str, region_spans: list[tuple[int, int]] | None = None) -> list[str]:
    """Company names in `text`, in order, without duplicates."""
    return list(dict.fromkeys(name for name, _, _ in _find_companies(text, tuple(region_spans or ()))))


def find_company_spans(text: str, region_spans: list[tuple[int, int]] | None = None) -> list[tuple[str, int, int]]:
    """(name, start, end) of every company name in `text`."""
    return list(_find_companies(text, tuple(region_spans or ())))


CAPITALS_HEADLINE_WORDS = 5


@lru_cache(maxsize=4096)
def _find_companies(text: str, region_spans: tuple[tuple[int, int], ...]) -> tuple[tuple[str, int, int], ...]:
    suffixes, prefix_re, stop, suffix_after_re, name_ends = _lists()
    appositive_re, org_before_re, title_after_re, state_unit_re = _context_patterns()
    cyrillic_text = len(CYRILLIC_RE.findall(text)) > len(text) / 4
    voc = vocabulary()
    found: list[tuple[str, int, int]] = []
    chain_end: int | None = None
    all_capitals = text.isupper() and len(text.split()) >= CAPITALS_HEADLINE_WORDS
    for m in RUN_RE.finditer(text):
        tokens = m.group(0).split()
        pos = m.start()
        if AFTER_NUMBER_RE.search(text, max(0, pos - 3), pos):
            continue
        if m.group(0).isupper() and (pos == 0 or text[pos - 1] == "\n") and (
                DATELINE_AFTER_RE.match(text, m.end()) or DATELINE_COUNTRY.match(text, m.end())):
            continue    # "AKTOBE – ...", "BAKU, Azerbaijan, December 23.": an agency's dateline, a city
        # "Agro Taraz LLP": before a legal form a place word is part of the name, elsewhere it ends the name
        legal = tokens[-1] in suffixes or suffix_after_re.match(text, m.end()) is not None or \
            (len(tokens) > 1 and tokens[-1] in name_ends)
        if all_capitals and not legal and len(tokens) >= 2:
            continue    # a headline set in capitals: a run of capitals is its words, not a firm's name
        places = () if legal else region_spans
        full = len(tokens) > 1 and tokens[-1] in _full_name_words()[0]   # "King Charm Development Limited"
        # "LLP Baystone and LLP Oral Agro are to build ...", "the plant of JSC Kazakhtelecom": a legal form
        # written before the name (English texts from Russian originals) is evidence of a firm
        opened_by_form = len(tokens) > 1 and tokens[0] in LEGAL_PREFIX_FORMS and tokens[1] not in suffixes
        # drop leading stop words ("The", "In", months) and region words
        kept: list[str] = []
        offsets: list[int] = []
        p = pos
        for tok in tokens:
            p = text.index(tok, p)
            offsets.append(p)
            kept.append(tok)
            p += len(tok)
        # after "implemented by" a country word may open the name ("China Power")
        prefixed = prefix_re.search(text, max(0, pos - 40), pos) is not None
        latin_in_cyrillic = cyrillic_text and LATIN_RE.match(m.group(0)) is not None and len(tokens) > 1
        first_latin = next((i for i, k in enumerate(kept) if LATIN_RE.match(k)), None) if cyrillic_text else None
        if first_latin is not None and not LATIN_RE.match(kept[-1]):
            # "ERG Директорлар кеңесінің төрағасы": the Latin name ends where Cyrillic begins again
            cut = next(i for i in range(first_latin, len(kept)) if not LATIN_RE.match(kept[i]))
            kept, offsets = kept[:cut], offsets[:cut]
            latin_in_cyrillic = len(kept) - first_latin > 1
        while cyrillic_text and len(kept) > 1 and CYRILLIC_RE.search(kept[0]) and \
                all(LATIN_RE.match(k) for k in kept[1:]):
            kept.pop(0)     # "Завод Al Khaleej Sugar": a Cyrillic word before a Latin name is not part of it
            offsets.pop(0)
            latin_in_cyrillic = len(kept) > 1
        while full and len(kept) > 1 and (kept[0] in _full_name_words()[1] or kept[0] in _origin_words()) \
                and not _home_word_opens(kept, stop):
            kept.pop(0)     # "the Swiss Stadler Rail AG": the word of origin describes the firm
            offsets.pop(0)
        # "General Director of Total Eren", "Central Asian Green Power, a joint venture ...": where the
        # context says an organisation is named, a capitalised word that opens it is part of it
        appositive_after = appositive_re.match(text, m.end()) is not None
        context = prefixed or _firm_owner_re().search(text, max(0, pos - 40), pos) is not None or appositive_after
        # "Khorgos Gateway CEO Karl Gheysen": a title holder's organisation keeps its place word
        titled_after = any(title_after_re.match(text, o + len(k)) is not None for k, o in zip(kept, offsets))
        while not full and kept and (POSSESSIVE_RE.sub("", kept[0]) in stop or _is_region_word(kept[0], places, offsets[0])):
            if prefixed and len(kept) > 1 and kept[1] not in stop and kept[0] not in ARTICLES:
                break
            if context and len(kept) > 1 and kept[1] not in stop and kept[0] not in _full_name_words()[1] and \
                    kept[0] not in _origin_words() and kept[0] not in _not_names() and \
                    not _is_region_word(kept[0], places, offsets[0]) and not _is_region_word(kept[1], places, offsets[1]):
                break
            if titled_after and len(kept) > 1 and kept[1] not in stop and _is_region_word(kept[0], places, offsets[0]) \
                    and not _is_region_word(kept[1], places, offsets[1]):
                break
            if len(kept) > 1 and kept[0] not in ARTICLES and kept[1] not in stop and (
                    latin_in_cyrillic or len(kept) == 2 and kept[0] not in stop and _place_opens_name(text, kept, offsets, pos)):
                break   # "Kazakhstan Lihua" in Russian text, "Kyzylorda Saz-M": the place word opens the name
            if _home_word_opens(kept, stop) and not _is_region_word(kept[1], places, offsets[1]) and (legal or len(kept) == 2):
                break   # "Kazakh Invest": a legal form closes the run, or one word is all the name has
            kept.pop(0)
            offsets.pop(0)
        # cut at the first stop word or region word after the name, but "Stadler Kazakhstan, a world
        # leader ...": a country word that ends a name the appositive describes stays in it
        # "Nobel Almaty Pharmaceutical Factory will build": a place word inside a run that a
        # company's verb follows is part of the name
        inner_place_ok = len(kept) > 2 and _role_patterns()[0].match(text, m.end()) is not None
        for i in range(1, len(kept) if not full else 0):
            if inner_place_ok and 0 < i < len(kept) - 1 and kept[i] not in stop and kept[i + 1] not in stop:
                continue
            if kept[i] in stop or _is_region_word(kept[i], places, offsets[i]):
                if i == len(kept) - 1 and kept[i] in COUNTRY_TAILS and kept[i - 1] not in stop and (
                        appositive_after or prefixed or _role_patterns()[0].match(text, m.end())):
                    break   # "between the Agriculture Ministry and Mars Petcare Kazakhstan"
                if latin_in_cyrillic and kept[i] not in ARTICLES and LATIN_RE.match(kept[i]):
                    continue    # "West China Cement" in Russian text: a Latin name keeps its country word
                kept, offsets = kept[:i], offsets[:i]
                break
        if kept and kept[-1] in RU_LEGAL and text[offsets[-1] + len(kept[-1]):].lstrip()[:1] in QUOTES:
            kept, offsets = kept[:-1], offsets[:-1]   # "в Шымкенте АО «Химфарм»": the legal form opens the next name
            if len(kept) == 1 and _is_region_word(kept[0], region_spans, offsets[0]):
                kept = []
        while kept and PRODUCT_CODE_RE.fullmatch(kept[-1]):
            kept, offsets = kept[:-1], offsets[:-1]   # "Облыста Е223 консервантын": a product's code ends no name
        if not kept or all(POSSESSIVE_RE.sub("", k) in stop for k in kept):
            continue    # "Kazakhstan", "Board": stop words only
        if len(kept) == 1 and "-" in kept[0] and all(p in _origin_words() or p in stop for p in kept[0].split("-")):
            continue    # "joint Kazakh-Uzbek projects": two countries' adjectives, no firm
        name = " ".join(kept)
        start = offsets[0]
        end = offsets[-1] + len(kept[-1])
        before = text[max(0, start - 40):start]
        after = text[end:end + 40]
        head = before.rstrip().rstrip("«\"“„(•·*").rstrip()   # an opening quote or bullet still opens the sentence
        at_sentence_start = start == 0 or not text[:start].strip("«\"“„(•·* \n") or head[-1:] in ".!?:;–—-"
        # cheapest tests first
        sm = suffix_after_re.match(after)
        # "в Шымкенте АО «Химфарм»": a legal form before quotes opens the quoted name, not this one
        opens_quote = sm is not None and sm.group(1) in RU_LEGAL and after[sm.end():].lstrip()[:1] in QUOTES
        evidence = (
            full
            or opened_by_form
            or kept[-1] in suffixes
            or (len(kept) > 1 and kept[-1] in name_ends)
            or any(CAMEL_RE.search(t) for t in kept)
            or any(len(t) >= 3 and t.isupper() and t not in stop for t in kept)
            or (cyrillic_text and LATIN_RE.match(name) is not None)
            or (sm is not None and not opens_quote)
            or prefix_re.search(before) is not None
            or appositive_re.match(after) is not None
            or org_before_re.search(before) is not None
            or title_after_re.match(after) is not None
            or (PRODUCT_AFTER_RE.match(after) is not None and not (at_sentence_start and _common_product_word(kept)))
            or (not at_sentence_start and _facility_follows(after, voc))
            or _role_patterns()[0].match(after) is not None
            or _role_patterns()[1].search(before) is not None
        )
        if evidence and no_firm_around(text, start, end):
            continue    # "«AMANAT» партиясы", "Kashagan field": a party, a deposit, a zone, no firm
        listed = bool(chain_end is not None and COORDINATED_RE.fullmatch(text, chain_end, start))
        if not evidence and listed:
            evidence = True   # "in partnership with Sinopharm, Sinovac and Kangtai": names listed after a partner cue
        if not evidence:
            continue
        if len(name) < 2 or name.isdigit() or name.lower() in voc.number_words:
            continue
        if name in stop or (" " not in name and _kazakh_case_base(name) in stop):
            continue    # a name listed whole: "Central Asia", "Kassym-Jomart Tokayev"
        if "-" in name and " " not in name and all(part in stop for part in name.split("-")):
            continue    # "China-Kazakhstan cooperation": countries joined, no one named
        if len(kept) == 1 and name.split("-")[0] in RU_LEGAL:
            continue    # "«Казкрахмал» ЖШС-нің зауыты": the legal form of the quoted name before it, declined
        if NOT_A_NAME_RE.fullmatch(name):
            continue    # "KZT4" (an amount cut by the tokenizer), "XVIII" (a Roman numeral)
        if MODEL_BEFORE_RE.search(before):
            continue    # "будут выпускать модели Tulpar и Arlan": products, not firms
        if _facility_abbreviation_re().fullmatch(kept[-1]):
            continue    # "Бозщакольский ГОК", "Экибастузская ГРЭС-1", "ТЭЦ-3": a facility's name, not a firm
        if name.isupper() and len(kept) == 1 and _all_caps_place(name):
            continue    # "КОСТАНАЙ. Kazinform – ...": a dateline's town
        if len(kept) >= 2 and _given_name_and_surname(kept) and kept[-1] not in suffixes:
            continue    # "әкімі Марат Ахметжанов Орталық коммуникациялар ...": a person, and the word after him
        if len(kept) >= 2 and (PATRONYMIC_RE.search(kept[-1]) or _given_and_caps_surname(kept)) and kept[-1] not in suffixes:
            continue    # "Қуаныш ҚАНАТҰЛЫ", "Иван Петрович", "Миржан САТКАНОВ": a person (a byline, a quote), not a firm
        if not legal and not full and PERSON_NAME_RE.fullmatch(name) and PERSON_TITLE_BEFORE_RE.search(text[max(0, start - 90):start]):
            continue    # "Minister ... Beibut Atamkulov", "Chairman Kairat Maksutov": a person by office
        if not legal and not full and state_unit_re.match(text, end):
            continue    # "the Oil Transportation and Refining Department": a unit of a ministry
        if WEB_DOMAIN_AFTER.match(text, end):
            continue    # "BAQ.KZ", "Kazinform.kz": an outlet's site
        if start and text[start - 1] in "«\"“" and _quote_patterns()[2].search(text, max(0, start - 31), start - 1):
            continue    # "специальной экономической зоны «Qyzyljar»": the zone's own name, as for a Cyrillic one
        if len(kept) == 1 and CYRILLIC_RE.search(name) and PREPOSITION_BEFORE_RE.search(before) and \
                not (kept[-1] in suffixes or (sm is not None and not opens_quote) or prefix_re.search(before)):
            continue    # "в Казахстане", "в Шымкенте": a place after a preposition, not a name
        if len(kept) == 1 and at_sentence_start and _common_word_opening(kept[0], voc) and \
                not (kept[-1] in suffixes or (sm is not None and not opens_quote) or prefix_re.search(before)):
            continue
        # a legal form written after the name belongs to it
        if sm and not opens_quote and kept[-1] not in suffixes:
            name = f"{name} {sm.group(1)}"
        found.append((name, start, end))
        # a list of partners runs on from a name the partner cue introduced
        chain_end = end if (prefix_re.search(before) is not None or listed) else None
    # A legal form found apart belongs to the name before it: "Huaxin Building Materials Co., Ltd." (one
    # name with two legal forms, not two companies), "Middle Asia Forever Flourishing Pty Ltd"
    chained: list[tuple[str, int, int]] = []
    for name, start, end in found:
        gap = text[chained[-1][2]:start] if chained else ""
        if chained and name in LEGAL_TAILS and (COMMA_GAP.fullmatch(gap) or   # "Co., Ltd.", "Co. Ltd"
                                                DOT_GAP.fullmatch(gap) and chained[-1][0].split()[-1] in LEGAL_TAILS):
            prev = chained.pop()
            tail = re.match(r"\.", text[end:end + 1])
            stop = end + (1 if tail else 0)
            chained.append((text[prev[1]:stop], prev[1], stop))
        elif chained and not gap.strip() and _legal_only(name):
            prev = chained.pop()
            chained.append((text[prev[1]:end], prev[1], end))
        else:
            chained.append((name, start, end))
    # alone ("Group", "Pty Ltd" after a cut-off name) a legal form names no one
    found = [f for f in _with_bracketed_parts(text, chained) if not _legal_only(f[0])]
    for m in QUOTED_RE.finditer(text):
        inner = m.group(1).strip()
        if inner[:1].islower() or inner.isdigit():
            continue
        if _quoted_company(text, m.start(), m.end(), voc) and inner not in {f[0] for f in found} \
                and not no_firm_around(text, m.start(), m.end()):
            found.append((inner, m.start(1), m.end(1)))
    # Russian and Kazakh institutions named by words, not a brand: "Инвестиционный фонд Казахстана",
    # "Банк развития Казахстана", "Евразийский банк развития", "Development Bank of Kazakhstan"
    for m in _institution_re().finditer(text):
        if not any(s < m.end() and m.start() < e for _, s, e in found):
            found.append((m.group(0), m.start(), m.end()))
        elif any(s >= m.start() and e <= m.end() and (e - s) < (m.end() - m.start()) for _, s, e in found):
            found = [f for f in found if not (f[1] >= m.start() and f[2] <= m.end())] + [(m.group(0), m.start(), m.end())]
    return tuple(sorted(found, key=lambda f: f[1]))


@lru_cache(maxsize=1)
def _legal_words() -> frozenset[str]:
    """The words of legal forms ("Co", "Ltd", "Pty", "Group"): a name of these alone names no one."""
    return frozenset(LEGAL_TAILS | set(vocabulary().cues["company_suffixes"]) | set(_load("companies.yaml")["legal_words"]))


def _legal_only(name: str) -> bool:
    return all(w.strip(".,()") in _legal_words() for w in name.split())


def _with_bracketed_parts(text: str, found: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """"Xinjiang Lihua (Group) Co., Ltd." is one name, not three: a legal form right after a
    bracketed word takes the bracket and the capitalised words before it into its name."""
    out = list(found)
    for name, start, end in found:
        if name.split()[0].rstrip(".,") not in _legal_words():
            continue
        m = NAME_BEFORE_BRACKET.search(text, max(0, start - 80), start)
        if m is None:
            continue
        out = [f for f in out if not (m.start(1) <= f[1] and f[2] <= end)] + [(text[m.start(1):end], m.start(1), end)]
    return sorted(out, key=lambda f: f[1])


@lru_cache(maxsize=1)
def _institution_re() -> re.Pattern:
    """companies.yaml institution_patterns, one alternation matched case-sensitively (the capitals count)."""
    return re.compile("|".join(f"(?:{p})" for p in _load("companies.yaml")["institution_patterns"]))


@lru_cache(maxsize=1)
def _source_patterns() -> tuple[re.Pattern, re.Pattern]:
    data = _load("companies.yaml")
    before = compile_folded(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in data["source_before"]) + r")[\s:,]*$")
    after = compile_folded(r"[\s,.»\"]*(?:" + "|".join(re.escape(w) for w in data["source_after"]) + r")(?!\w)")
    return before, after


LEAD_SENTENCES = 2
LEAD_MIN_CHARS = 30


def lead_companies(analyses: list, headline_only: bool = False) -> list[str]:
    """The companies an article puts up front: named in its headline or its first two real
    sentences (datelines, photo credits and time stamps are skipped), neither the outlet that
    reports the news nor a headline word the body writes in lower case."""
    lead = [an for an in analyses if an.sentence.headline]
    if not headline_only:
        lead += [an for an in analyses if not an.sentence.headline and len(an.text) >= LEAD_MIN_CHARS][:LEAD_SENTENCES]
    body = " ".join(an.text for an in analyses)
    before_re, after_re = _source_patterns()
    names: list[str] = []
    for an in lead:
        for name, start, end in an.companies:
            if before_re.search(an.text[max(0, start - 30):start]) or after_re.match(an.text, end):
                continue
            if re.search(rf"(?<!\w){re.escape(name.lower())}(?!\w)", body):
                continue    # "Cement plant in ...": a headline's first word the text writes in lower case
            names.append(name)
    # "EuroChem" and "EuroChem Group": one company, named in full where the article does
    return [n for n in dict.fromkeys(names)
            if not any(n != o and n.lower() in o.lower() for o in names)]


def lend_lead_companies(drafts: list, analyses: list) -> None:
    """A project that names no company of its own is the project of the one company the article
    names up front ("KIA begins construction ..." ... "The plant will employ 1,500"): the firm of
    the headline is named two sentences before "the plant" is. The headline's one company wins;
    with two or more companies up front and none alone in the headline the article does not say
    whose project it is, and an item of a listed pool is left as is."""
    names = lead_companies(analyses, headline_only=True)
    if len(names) != 1:
        names = lead_companies(analyses)
    if len(names) != 1:
        return
    name = names[0]
    # the parts of a pool are the lead firm's too, when no record of the article names another firm
    others = any(c.lower() not in name.lower() and name.lower() not in c.lower() for d in drafts for c in d.companies)
    for d in drafts:
        if d.kind == "project" and not d.companies and (d.parent is None or not others):
            if d.listed and name.lower() not in d.title.lower() and any(name in e for e in d.evidence):
                continue    # "заводы – шинный, бытовой техники Artel, ...": the firm of the item it is written in
            d.companies.append(name)


FIRM_REACH = 2


@lru_cache(maxsize=1)
def _firm_reference_re() -> re.Pattern:
    data = _load("companies.yaml")
    words = [re.escape(w) for w in data["firm_references"]] + list(data["firm_reference_patterns"])
    return compile_folded(r"(?<!\w)(?:" + "|".join(words) + r")(?!\w)")


def lend_referred_companies(drafts: list, analyses: list) -> None:
    """"The premier visited Altyn Foods, a confectioner. The firm has put 2.1 billion tenge into new
    lines": a project whose sentence says "the firm" and names none is the project of the firm
    named in the sentence or two before it (the last one named there)."""
    where = {an.text: i for i, an in enumerate(analyses)}
    before_re, after_re = _source_patterns()
    for d in drafts:
        if d.kind != "project" or d.companies or not d.evidence:
            continue
        i = where.get(d.evidence[0])
        if i is None or not _firm_reference_re().search(analyses[i].text):
            continue
        for an in reversed(analyses[max(0, i - FIRM_REACH):i]):
            named = [n for n, s, e in sorted(an.companies, key=lambda c: c[1])
                     if not (before_re.search(an.text[max(0, s - 30):s]) or after_re.match(an.text, e))]
            if named:
                d.companies.append(named[-1])
                break


# An article of one project lends its one firm; a round-up of several (a steel pipe plant, a
# solar plant, Silk Road Ferro's ferroalloy plant) does not lend one firm to all of them.
SOLE_FIRM_PROJECTS = 1


def _firm_families(names: list[str]) -> list[str]:
    """Names that are one firm written shorter or longer ("Mars Petcare", "Mars Petcare Kazakhstan")
    as one: the longest of each family, in order of first mention."""
    out: list[str] = []
    for n in sorted(dict.fromkeys(names), key=len, reverse=True):
        if not any(n.lower() in o.lower() for o in out):
            out.append(n)
    return sorted(out, key=lambda n: min(i for i, m in enumerate(names) if m.lower() in n.lower()))


def lend_sole_company(drafts: list, analyses: list) -> None:
    """An article that names one firm in all (its outlet and photo credits aside) is about that
    firm's project: "An agreement to build the plant was concluded between the Ministry and Mars
    Petcare Kazakhstan. ... The plant will create 200 jobs". A project of the article that names no
    firm of its own takes it when the article has one project (a round-up or a visit report touring
    several plants names one firm for one of them); a pool takes it only where its own sentences
    name it ("компания China Energy намерена реализовать два проекта")."""
    before_re, after_re = _source_patterns()
    names = [n for an in analyses for n, s, e in an.companies
             if not (before_re.search(an.text[max(0, s - 30):s]) or after_re.match(an.text, e))]
    families = _firm_families(names)
    if len(families) != 1:
        return
    name = families[0]
    projects = [d for d in drafts if d.kind == "project"]
    if len(projects) > SOLE_FIRM_PROJECTS:
        return
    mentioned = list(dict.fromkeys(names))   # each name once, not once per mention
    for d in drafts:
        if d.companies:
            continue
        if d.kind == "project" or any(n.lower() in name.lower() for e in d.evidence for n in mentioned if n in e):
            d.companies.append(name)
