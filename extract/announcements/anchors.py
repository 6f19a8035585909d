"""Opening a project record: the clause of a sentence that states a new facility, not one named before."""
from __future__ import annotations

import re
from functools import lru_cache

from ..concepts import concepts_in
from .analysis import Analysis, in_span, is_macro, regions_in
from .companies import find_companies
from .draft import Draft
from .folding import compile_folded
from .titles import LOCATIVE_BEFORE, Phrase, _common_title_words, facility_phrase, head_stems, is_bare, ru_parses
from .vocabulary import FLAGS, _load, cue_regex, sector_of, vocabulary

CLAUSE_SEP = compile_folded(r",?\s+(?:while|whereas|but|а(?! также)|но|тогда как|ал|ал енді)\s+|;\s+|,\s+and\s+(?=the\b|a\b|an\b)")


def _definite_reference(an: Analysis, start: int, head: str, current: Draft | None = None) -> bool:
    """"the factory", "этот завод": a facility named before, unless a name follows the article
    or the sector differs from the open project's ("the KamaTyresKZ tire plant" is new)."""
    before = an.text[max(0, start - 40):start]
    m = re.search(r"\b(the|this|that|these|those|этот|эта|это|этого|данный|данная|данного|бұл|осы|аталған)\s+(?:(?!(?:a|an|the|this|that|week|year|month|day|неделе|году|месяце|апта\w*|жыл\w*)\s)[\w-]+\s+){0,3}$",
                  before, FLAGS)    # not "this week a full-cycle factory": "this" there is the week; the
                                    # nearest determiner counts ("said that the gas chemical plant": "the")
    if not m:
        return False
    if THAT_AT_END.search(before) and SAYING_THAT.search(before[:before.rstrip().rfind(" ") + 1]):
        return False    # "added that plants ... have been commissioned": what was said, no reference
    if m.group(1).lower() != "the":
        return True
    np = before[m.end(1):] + head
    if re.search(r"\b(?:first|second|third|fourth|other|another|next)\b", np, FLAGS) or find_companies(np):
        return False
    if re.search(r"\b[A-Z](?:[a-z]+|[\w&'’-]*[A-Z][\w&'’-]*)\s+(?:[A-Z][\w-]*\s+)*$", before[m.end(1):]):
        return False    # "opened the Syr Salt works", "the KamaTyresKZ plant": a facility called by its own name
    if current is None and not getattr(an, "facility_before", True):
        return False    # no facility named before: "the" opens the first mention ("The new terminal will ...")
    if current is not None and current.kind == "project" and before[m.end(1):].strip():
        phrase, own = facility_phrase(np), facility_phrase(current.title)
        if phrase is not None and own is not None and _other_concept(phrase, own):
            return False    # "a new brick plant ... The gas concrete blocks plant and ...": another kind of plant
                            # (not a bare "the mine": the article named it before, if not as a record)
    sector = sector_of(np)[0]
    return sector is None or (current is not None and current.kind == "project" and current.sector == sector)


# "The President added that plants ... have been commissioned": "that" after a verb of saying opens
# what was said, it points back to nothing
SAYING_THAT = re.compile(r"\b(?:said|says|say|added|adds|noted|notes|stated|states|announced|announces|reported|reports|"
                         r"explained|stressed|emphasi[sz]ed|informed|told\s+\w+|believes|expects|hopes|recalled|"
                         r"pointed out|made it clear|confirmed)\s+(?:that\s+)?$", re.IGNORECASE)

THAT_AT_END = re.compile(r"\bthat\s+$")

DEMONSTRATIVE = re.compile(r"\b(?:this|(?<!said )(?<!added )(?<!noted )(?<!stated )(?<!announced )that|these|those|этот|эта|это|этого|этому|этом|этой|эти|этих|данн\w+|"
                           r"бұл|осы|аталған)\s+", FLAGS)
NEXT_WORD = re.compile(r"(?!(?:a|an|the|week|year|month|day|time|неделе|недели|году|месяце|апта\w*|жыл\w*)\b)[\w-]+\s+", FLAGS)


WORDS_BEFORE_FACILITY = 3   # "this modern high-tech enterprise": modifiers between a marker and its noun


def _facility_start(text: str, pos: int, word_re: re.Pattern = NEXT_WORD) -> int | None:
    """Where a facility noun starts at `pos` or up to three words (`word_re`) after it (by default
    not across "a", "the" or a time word: "this week a factory" is no facility of "this")."""
    facility_re = vocabulary().facility_re
    for _ in range(WORDS_BEFORE_FACILITY + 1):
        if facility_re.match(text, pos):
            return pos
        word = word_re.match(text, pos)
        if word is None:
            return None
        pos = word.end()
    return None


def facility_after(text: str, marker: re.Pattern) -> bool:
    """A facility noun right after a marker, or up to three words after it ("this modern
    high-tech enterprise", "тағы бір өндіріс")."""
    return any(_facility_start(text, m.end()) is not None for m in marker.finditer(text))


ANOTHER_MARKER = re.compile(r"\b(?:another|one more|ещ[её] (?:один|одн\w*)|тағы бір)\s+", re.IGNORECASE)
JOINT_BEFORE = re.compile(r"\b(?:this|that|the|этой|этого|этот|эту|этом|осы|бұл)\s+(?:and|и|және|мен)\s+$", FLAGS)


def _another_facility(clause: str) -> int | None:
    """"another plant has been built next to this one", "тағы бір өндіріс орны бой көтерді": where
    the facility said to be one more begins; a new facility, whatever the clause points back to."""
    for m in ANOTHER_MARKER.finditer(clause):
        if JOINT_BEFORE.search(clause, max(0, m.start() - 25), m.start()):
            continue    # "в строительство этой и ещё одной станции": the known one and another, together
        if _facility_start(clause, m.end()) is not None:
            return m.end()  # its modifiers too: "one more gas processing plant", not "plant"
    return None


def _points_back(clause: str) -> bool:
    """A facility noun after a demonstrative ("this enterprise", "этого завода", "осы зауыт") anywhere
    in the clause: the clause speaks of a facility named before, whatever else it names."""
    return facility_after(clause, DEMONSTRATIVE)


def _bare_reference(an: Analysis, clause: tuple[int, int], current: Draft | None) -> bool:
    """"Кәсіпорын жылына ...", "На предприятии ...", "Жобаның құны ...": a facility noun with no
    name, no sector word and no new place, while a project is open, is that project again."""
    if current is None or current.kind != "project":
        return False
    text = an.text[clause[0]:clause[1]]
    phrase = facility_phrase(text)
    if phrase is not None and phrase.rank == 3 and is_bare(phrase) and not sector_of(text)[0]:
        return True     # "Проект реализован компанией QazaqGaz": the project, and who carries it out
    if (phrase and sector_of(phrase.written)[0]) or NEW_PROJECT.search(text):
        return False
    if (names := find_companies(text)) and not _owner_named(phrase, text, current, names):
        return False
    if phrase is not None and (kinds := concepts_in(phrase.written)) and not kinds & concepts_in(current.title):
        return False    # "построят дата-центр" while a copper smelter is open: a facility of another kind
    if phrase is not None and _proper_name_before(text, phrase.head_start, current):
        return False    # "Aktorgay Mining Plant worth 334 billion tenge is to be built": a plant called by its own name
    if phrase is not None and _kind_words(phrase) and not _shares_head_words(phrase.title, current.title):
        return False    # "заработал домостроительный комбинат": a kind of facility the open project is not
    if phrase is not None and not current.headline and ARTICLE_RIGHT_BEFORE.search(text, 0, phrase.start) and \
            not set(_kind_words(phrase)) <= set(re.findall(r"[\w-]+", current.title.lower())):
        return False    # "a wheelset production complex ... was put into operation" after a waste sorting complex
                        # (the lead retells the headline's plant with "a")
    places = regions_in(an, clause)
    return not places or set(places) <= set(current.regions)


def _owner_named(phrase: Phrase | None, text: str, current: Draft, names: list[str]) -> bool:
    """"В Тогызкенте идет строительство завода кальцинированной соды. Новый завод ТОО «Qazaq Soda»
    будет работать на местном сырье": the open plant's bare head again, now with the firm that owns
    it, while the open plant has no firm; not a plant of a firm when the open one has its own firm
    ("the plant of Y" after X's plant is another plant), nor a head the open plant does not have."""
    if phrase is None or not is_bare(phrase) or current.companies or not _shares_head_words(phrase.title, current.title):
        return False
    unnamed = text
    for name in names:
        unnamed = unnamed.replace(name, " ")
    if sector_of(unnamed)[0]:
        return False    # "новый завод ТОО «Арал Химия» по выпуску кирпича": what it makes (not the firm's "Химия")
    if INDEFINITE_RIGHT_BEFORE.search(text, 0, phrase.start):
        return False    # "EkibastuzFerroAlloys is to open a plant": "a" introduces another one
    # the firm is the head's owner: right after it ("завод ТОО «X»", "the plant of X LLP") or in the
    # genitive right before it ("«X» ЖШС-нің жаңа зауыты", "X's new plant"), not the subject of a verb
    after = text[phrase.head_end:phrase.head_end + OWNER_REACH]
    before = text[max(0, phrase.start - OWNER_REACH):phrase.start]
    return bool(OWNER_AFTER.match(after) and find_companies(after) or OWNER_BEFORE.search(before))


OWNER_REACH = 40
OWNER_AFTER = re.compile(r"\s*(?:of\s+)?(?:ТОО|АО|LLP|JSC|компании|компаниясы)?\s*[«\"“]?[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]")
OWNER_BEFORE = re.compile(r"(?:[»\"”]\s*(?:ЖШС|АҚ|ТОО|АО)?-?(?:ның|нің|тың|тің|дың|дің)|['’]s)\s+(?:\w+\s+)?$")


# "a" or "an" right before a facility phrase (whose own modifiers the phrase holds already); finish.py's
# INDEFINITE_BEFORE looks further, past words a title drops
INDEFINITE_ARTICLE = r"(?:^|\s)(?:a|an)\s+"
ARTICLE_RIGHT_BEFORE = re.compile(INDEFINITE_ARTICLE + "$", re.IGNORECASE)
INDEFINITE_RIGHT_BEFORE = re.compile(INDEFINITE_ARTICLE + r"(?:new\s+)?$", re.IGNORECASE)   # "a new plant": its "new" the title drops


# "Aktorgay Mining Plant", "Sary-Arka Copper Processing plant": capitalised words right before the
# facility noun (not an article or a word that opens any sentence)
OPENING_WORDS = frozenset("the a an this that these those its their his her our new in at on by for of and also another".split())
NAME_BEFORE_HEAD = re.compile(r"(?:\b[A-Z][\w&'’-]*\s+){1,4}$")


def _proper_name_before(text: str, head_start: int, current: Draft) -> bool:
    """A facility noun after a name of its own is a facility of its own, unless the open record
    is called by that name too."""
    m = NAME_BEFORE_HEAD.search(text, 0, head_start)
    if m is None:
        return False
    words = [w for w in re.findall(r"[\w&'’-]+", m.group(0))
             if w.lower() not in _common_title_words() and w.lower() not in OPENING_WORDS]
    known = set(re.findall(r"\w+", " ".join([*current.companies, current.title]).lower()))
    return bool(words) and not {w.lower() for w in words} & known


# "There is also a project to make aluminum products on the site of the Ural Transformer Plant": a
# project introduced by an indefinite article is a new one, whatever plant it stands at
NEW_PROJECT = re.compile(r"\b(?:an?|another|one more)\s+(?:new\s+|separate\s+)?project\s+(?:to|for)\s+\w", re.IGNORECASE)


@lru_cache(maxsize=1)
def _drop_modifiers() -> frozenset[str]:
    return frozenset(w.lower() for w in vocabulary().cues["title_drop_modifiers"])


def _kind_words(phrase: Phrase) -> list[str]:
    """The words of a facility title that say what kind of facility it is: not the head noun,
    not "new", "large", "строящийся" ("на новом заводе" is the plant named before)."""
    drop = _drop_modifiers()
    head = phrase.written[phrase.head_start - phrase.start:phrase.head_end - phrase.start].lower()[:4]
    # (a head shorter than four letters is its own stem: "Цехты" is the head "цех", no kind of it)
    return [w for w in re.findall(r"[\w-]+", phrase.title.lower()) if w not in drop
            and not w.startswith(head) and not head.startswith(w)]


def _other_kind(phrase: Phrase, current: Draft) -> bool:
    """The open project's title says what it is, and it is another kind than the phrase's."""
    own = facility_phrase(current.title)
    return own is not None and bool(_kind_words(own)) and (
        not _shares_head_words(phrase.title, current.title) or _other_concept(phrase, own))


def _other_concept(phrase: Phrase, own: Phrase) -> bool:
    """One noun, two kinds: "expanded clay plant" after "brick plant", "завод керамзита" after
    "кирпичный завод". Their words of kind differ and name two concepts with nothing in common
    (a "mineral fertilizer plant" after a "chemical complex" names one concept: it may be the same)."""
    kind, own_kind = {w[:5] for w in _kind_words(phrase)}, {w[:5] for w in _kind_words(own)}
    if not kind or not own_kind or kind & own_kind:
        return False
    concepts, own_concepts = concepts_in(phrase.title), concepts_in(own.title)
    return bool(concepts and own_concepts and not concepts & own_concepts)


def _shares_head_words(title: str, other: str) -> bool:
    """Two titles that share a word stem (five letters) may name one facility."""
    return bool(head_stems(title) & head_stems(other))


COMPANY_OPENING = re.compile(r"^\W*(?:the\s+)?(?:company|investor|компания|инвестор|компаниясы)\b", FLAGS)


def opens_with_reference(an: Analysis, current: Draft | None, seen: set[str] | frozenset[str] = frozenset()) -> bool:
    """A sentence that opens with a word pointing back ("This plant", "Предприятие", "Бұл жоба") continues
    the open record. "Компания «X» приступила к строительству ..." names a new company: not a reference."""
    if not an.backref or not re.match(r"^\W*\w+", an.text):
        return False
    if not vocabulary().backref_re.match(an.text.lstrip("«\"“—–- ")):
        return False
    if COMPANY_OPENING.match(an.text):
        known = set(current.companies) if current is not None else set()
        if any(name not in known for name, _, _ in an.companies):
            return False
    named = THE_NAMED.match(an.text)
    if named and _names_a_facility(an.text, named) and not (
            current is not None and named.group(1).lower() in " ".join([current.title, *current.companies]).lower()):
        # "The Nova Steel plant, whose construction is to finish in two years, ...": a facility
        # called by its own name is a first mention unless the open project bears that name
        return False
    if THE_OPENING.match(an.text):
        # "The cement plant and the concrete products plant are to go onstream in July": "the" plus
        # what the facility makes is a first mention when nothing compatible is open: no project, or
        # a project of another kind ("... a new brick plant went into service. The gas concrete blocks
        # plant ..."), and the article has not spoken of that kind before ("... the glass plant. The
        # glass plant was placed on the map"); `seen` holds the word stems of the body read so far
        phrase = facility_phrase(an.text[:80])
        kind = _kind_words(phrase) if phrase is not None and phrase.start <= 6 else []
        if kind and not all(w[:5] in seen for w in kind if len(w) >= 4) and (
                current is None or current.kind != "project" or _other_kind(phrase, current)):
            return False
    compound = COMPOUND_OPENING.match(an.text)
    if compound and current is not None:
        # "Фармзавод" after a pharmaceutical plant is that plant; "Мясокомбинат" after a sugar
        # plant is another (the compound's kind names another concept)
        kind, own = concepts_in(compound.group(0)), concepts_in(current.title)
        if kind and own and not kind & own:
            return False
    if BARE_OPENING.match(an.text):
        # "Завод Al Khaleej Sugar ... может появиться": the noun followed by its own name is a facility
        # called by that name, new unless the open project already bears it
        named = NAMED_AFTER.match(an.text)
        if named and not (current is not None and named.group(1).lower() in
                          " ".join([current.title, *current.companies]).lower()):
            return False
        # "Фабрика бумажных мешков ТОО «Тобыл Пак» заработала": the noun opens a phrase that says
        # which facility it is, not a reference to the one before (unless it names that one again)
        phrase = facility_phrase(an.text[:80])
        if phrase is not None and phrase.start <= 3 and _kind_words(phrase) and (
                current is None or not _shares_head_words(phrase.title, current.title)
                or current.kind == "project" and _other_kind(phrase, current)):
            return False    # (or the same noun of another kind: "завод керамзита" after "кирпичный завод")
    return True


THE_NAMED = re.compile(r"^\W*[Tt]he\s+([A-Z][\w&'’-]+)(?:\s+[A-Z][\w&'’-]+){0,3}(?:\s+\d[\d.,]*\s*[A-Za-z]+)?\s+")


def _names_a_facility(text: str, named: re.Match) -> bool:
    """"The Nova Steel plant", "the Shalkar Glass Works": the capitalised words after "the" are a
    name (no origin word, no common word) and a facility noun follows them."""
    from .companies import _origin_words
    word = named.group(1)
    if word in _origin_words() or word.lower() in _common_title_words() or vocabulary().facility_re.match(word):
        return False
    if vocabulary().facility_re.match(text, named.end(0) - len(named.group(0).split()[-1]) - 1):
        return True
    # "The Turan cement plant": what the plant makes may stand between its name and its noun
    return _facility_start(text, named.end(), LOWER_WORD) is not None


LOWER_WORD = re.compile(r"[a-z][\w-]*\s+")


THE_OPENING = re.compile(r"^\W*the\s", FLAGS)
# the compounds cues.yaml's backref_patterns lets refer back ("Фармзавод ..."): one word list in two places
COMPOUND_OPENING = re.compile(r"^\W*[а-яё]{2,9}(?:завод|комбинат|фабрик|комплекс)\w*", FLAGS)
BARE_OPENING = re.compile(r"^\W*(?:комплекс|завод|предприятие|фабрика|комбинат|цех|производство|объект|"
                          r"зауыт|кәсіпорын|кешен|нысан|өндіріс)", FLAGS)


NAMED_AFTER = re.compile(r"^\W*\w+\s+[«\"“]?\s*((?=[A-Z])[\w-]{2,}|(?<=[«\"“])[\w-]{2,})")


# "among the most automated car plants": one facility compared with others ("Among other things,
# new production facilities ..." is a discourse marker, not a comparison)
COMPARED = re.compile(r"\b(?:among(?! other things\b| others\b)|one of|среди(?! прочего\b)|(?:одн(?:им|ого|ой|о|а|у)|один) из)\b"
                      r"|\b(?:бірі|қатарында)\b", FLAGS)


KK_ONE_OF_AFTER = re.compile(r"\w*\s+бір(?:і|ін|іне|інде|інен)\b", re.IGNORECASE)   # "...зауыттардың бірі": one of them


def _plural_head(clause: str, phrase: Phrase) -> bool:
    """"plants are to be built", "заводы будут построены": a pool without a count. Russian "фабрики",
    "предприятия", "производства" are also the genitive singular: after a singular adjective or a
    noun that governs them ("строительству швейной фабрики") they name one facility."""
    if cue_regex("uncounted_before_head").search(clause[max(0, phrase.head_start - 40):phrase.head_start]):
        return True     # "бірнеше маңызды нысан": several, in the Kazakh singular
    if not cue_regex("plural_facility_patterns").match(clause, phrase.head_start):
        return False
    if COMPARED.search(clause[max(0, phrase.start - 60):phrase.head_start]) or KK_ONE_OF_AFTER.match(clause, phrase.head_end):
        return False    # "ranks among the most automated car plants", "одним из крупнейших заводов", "ең ірі
                        # зауыттардың бірі": one facility
    head = clause[phrase.head_start:phrase.head_end].lower()
    if re.search(r"[әғқңөұүһі]", head) or not re.search(r"[а-яё]", head):
        return True
    if all(p.tag.number == "plur" for p in ru_parses(head) if p.tag.POS == "NOUN"):
        return True     # "предприятий", "заводов": plural whatever stands before
    prev = re.search(r"([а-яё]+)\s+$", clause[max(0, phrase.head_start - 30):phrase.head_start], re.IGNORECASE)
    if not prev:
        return True
    parses = [p for p in ru_parses(prev.group(1).lower()) if p.tag.POS in ("ADJF", "PRTF", "NOUN")]
    if not parses:
        return True
    if parses[0].tag.POS == "NOUN":
        return False
    return parses[0].tag.number == "plur"


@lru_cache(maxsize=1)
def _firm_quote_re() -> re.Pattern:
    """A legal form, then a quoted name (companies.yaml `registered_name_forms`)."""
    forms = _load("companies.yaml")["registered_name_forms"]
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, forms)) + r")\s*(?:«([^»]{3,80})»|[“\"„]([^”\"“«»]{3,80})[”\"“])")


def _in_firm_name(text: str, pos: int) -> bool:
    """АО «Нобел Алматинская фармацевтическая фабрика»: the facility word is part of a firm's
    registered name (a legal form before the quotes), which names the firm, not a project."""
    # (the name in «», or in “”, "" or „“ as some outlets write it)
    return any(m.start(m.lastindex) <= pos < m.end(m.lastindex) for m in _firm_quote_re().finditer(text))


# "завода компании «Родник»", "the plant of Rodnik LLP": only words that say "a firm" stand between
FIRM_AFTER_HEAD = re.compile(r"[\W]*(?:(?:компани\w*|фирм\w*|корпораци\w*|холдинг\w*|групп\w*|ТОО|АО|ЖШС|АҚ|"
                             r"LLP|JSC|company|group|of|the)[\W]+)*$", FLAGS)
# "the Rodnik bottling plant", "«Родник» компаниясының ауыз су зауыты": a word or two between the firm
# and the noun, after a word that says "a firm"
FIRM_BEFORE_HEAD = re.compile(r"[\W]*(?:(?:компани\w*|серіктестіг\w*|company's|company|LLP's)[\W]+)?(?:[\w-]+[\W]+){0,2}$", FLAGS)


RELATIVE_AFTER_HEAD = re.compile(r"\w*\s+(?:котор\w+|of which|whose)\b", re.IGNORECASE)


def _firm_of_its_own(an: Analysis, head: tuple[int, int], current: Draft | None) -> bool:
    """A company named beside the facility noun that shares no word with the open record's
    companies and title, when no record is open or the open one has a firm ("the updated KIA Sportage" is the KIA
    plant's product, not another firm's plant; "а строит завод компания «Нұр Құрылыс»" names
    who builds the plant of a record that had no firm yet)."""
    if current is not None and not current.companies:
        return False
    # with nothing open, "Запущен завод ТОО «Туран»", "«Тұран» зауыты іске қосылды": a plant its
    # sentence gives a status and a firm of its own is a first mention, as a place or sector makes one
    known = set(re.findall(r"\w+", " ".join([*current.companies, current.title]).lower())) if current else set()
    return any((start >= head[1] and FIRM_AFTER_HEAD.match(an.text, head[1], start) is not None
                or end <= head[0] and FIRM_BEFORE_HEAD.match(an.text, end, head[0]) is not None)
               and not set(re.findall(r"\w+", name.lower())) & known
               for name, start, end in an.companies)


def project_anchor(an: Analysis, current: Draft | None = None,
                   after: int = 0) -> tuple[tuple[int, int], int | None, bool] | None:
    """The first clause (from `after` on) that states a new project (or an uncounted pool), if any."""
    voc = vocabulary()
    clauses = []
    start = 0
    for m in CLAUSE_SEP.finditer(an.text):
        clauses.append((start, m.start()))
        start = m.end()
    clauses.append((start, len(an.text)))
    for a, b in clauses:
        if a < after:
            continue
        clause = an.text[a:b]
        if not voc.facility_re.search(clause):
            continue
        status_m = voc.status_any_re.search(clause) or voc.event_noun_re.search(clause)
        stated = status_m is not None
        own_figures = [f for f in an.figures if in_span((a, b), f.start) and f.kind in ("money", "jobs")
                       and not is_macro(an.text, f.start, a)]
        if status_m is None and not own_figures:
            member = cue_regex("member_intro_patterns").search(clause)
            if member is None:
                continue
            status_m = voc.facility_re.search(clause, member.end())
            if status_m is None:
                continue
        hint = status_m.start() if status_m else own_figures[0].start - a
        another = _another_facility(clause) if status_m is not None and current is not None else None
        if another is not None:
            hint = another
        elif current is not None and _points_back(clause):
            continue    # "The launch of this modern high-tech enterprise will ...": the plant named before
        phrase = facility_phrase(clause, hint)
        if phrase is not None and phrase.rank == 3 and vocabulary().macro_re.search(clause):
            continue    # "GDP growth ..., supported by higher oil production": the economy's production, no project
        if phrase is not None and phrase.rank == 3 and any(m.start() <= phrase.head_start < m.end() for m in
                                                           cue_regex("economy_patterns").finditer(clause)):
            continue    # "второе место в мире по объему производства ферросплавов": a country's output, no facility
        if phrase is not None and another is None and _in_firm_name(an.text, a + phrase.head_start):
            continue
        if phrase is not None and RELATIVE_AFTER_HEAD.match(clause, phrase.head_end):
            continue    # "Локомотивы, выпуск которых планируется на новом заводе": the production of the plant named
        if after and phrase is not None and phrase.rank == 2 and LOCATIVE_BEFORE.search(clause[:phrase.start]):
            continue    # "... a cotton-textile cluster in the TURAN special economic zone": where it stands
        if phrase is not None and (cue_regex("supply_destination_before").search(clause, max(0, phrase.start - 60), phrase.start)
                                   or cue_regex("supply_destination_after").match(clause, phrase.head_start)):
            continue    # "will be delivered to the sugar plants of Zhambyl region": plants that receive a crop
        if phrase is not None and phrase.rank == 2 and (
                cue_regex("material_source_before").search(clause, max(0, phrase.start - 60), phrase.start)
                or cue_regex("material_source_after").match(clause, phrase.head_end)):
            continue    # "перерабатывать хвосты Лисаковского месторождения": where the material comes from
        # "Также завершено строительство завода компании «Родник»": a firm of its own names which
        # plant it is, as a place or a sector would ("the plant of Rodnik LLP" after another firm's
        # plant stays a reference: on dev it changed nothing, on the blind split it added one false record)
        own_firm = stated and phrase is not None and _firm_of_its_own(an, (a + phrase.head_start, a + phrase.head_end), current)
        if another is None and _definite_reference(an, a + phrase.head_start, clause[phrase.head_start:phrase.head_end], current):
            continue
        specific = (sector_of(clause)[0] or regions_in(an, (a, b))
                    or any(in_span((a, b), f.start) and f.kind in ("money", "jobs", "capacity", "area") for f in an.figures)
                    # "...in Kostanay back in 2021; this week a full-cycle factory opened": a facility
                    # said with what kind it is, a status of its own, and a place in its sentence
                    or (status_m is not None and phrase is not None and _kind_words(phrase) and regions_in(an, (0, len(an.text))))
                    # "Осы зауыттың қасында тағы бір өндіріс орны бой көтерді": one more facility beside
                    # the open project is as specific as the project it stands beside
                    or (another is not None and current.kind == "project" and bool(current.regions or current.sector))
                    or own_firm)
        if not specific or (another is None and _bare_reference(an, (a, b), current)):
            continue
        plural = _plural_head(clause, phrase)
        if another is not None:
            return (a + another, b), a + another, plural   # the title is the new facility's, not the one it stands by
        return (a, b), a + hint, plural
    return None
