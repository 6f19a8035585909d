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

from .folding import compile_folded
from .vocabulary import FLAGS, vocabulary

UPPER = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІ"
LOWER = "a-zа-яёәғқңөұүһі"
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
    prefix_re = compile_folded(r"(?:" + "|".join(re.escape(w) for w in cues["company_prefix_words"]) + r")\s+$")
    stop = set(cues["not_companies"]) | set(cues["company_outside_words"])
    name_ends = frozenset(cues["company_name_ends"])
    suffix_after_re = re.compile(r"\s+(" + "|".join(re.escape(s) for s in suffixes) + r")\b")
    return suffixes, prefix_re, stop, suffix_after_re, name_ends


@lru_cache(maxsize=1)
def _role_patterns() -> tuple[re.Pattern, re.Pattern]:
    """A name as the subject of build/invest verbs, or the organisation of its head."""
    cues = vocabulary().cues
    subject = compile_folded(r"^(?:['’]s)?\s+(?:" + "|".join(cues["company_subject_verbs"]) + r")\b")
    owner = compile_folded(r"(?:" + "|".join(cues["company_owner_words"]) + r")\s*$")
    return subject, owner


def _is_region_word(token: str, region_spans: list[tuple[int, int]], pos: int) -> bool:
    return any(s <= pos < e for s, e in region_spans)


APPOSITIVE_RE = re.compile(r",\s+(?:the|a|an)\s+(?:\w+\s+){0,3}(?:maker|producer|manufacturer|company|operator|holding|investor|firm)", FLAGS)
PRODUCT_AFTER_RE = re.compile(r"\s+(?:TV|tires?|tyres?|brand|cars?|plant|factory)\b")
POSSESSIVE_RE = re.compile(r"['’]s$")
# "AKTOBE – ...", "ASTANA, March 3 – ...": a capitalised place opening a paragraph before a dash is a dateline
DATELINE_AFTER_RE = re.compile(r"(?:,[^–—\n]{0,20})?\s*[–—-]\s")
# "100 MW", "1 GW", "5 млн": a capitalised word right after a number is its unit
ARTICLES = {"The", "A", "An", "This", "These", "Its", "Their"}
LEGAL_TAILS = {"Ltd", "LTD", "Limited", "LLC", "Inc", "LLP", "JSC", "Co"}
AFTER_NUMBER_RE = re.compile(r"\d[\s\u00a0]*$")
LOWER_WORD_RE = re.compile(r"[a-zа-яёәғқңөұүһі][\w-]*\s+")
# a capitalised name before these is a place, not a company
NOT_AFTER_NAME_RE = re.compile(r"\s*(?:region|oblast|city|district|special economic zone|economic zone|industrial zone|"
                               r"industrial park|sez|field|deposit|област|район|облыс|аудан|месторожд|индустриальн\w* зон|"
                               r"особ\w* экономическ|арнайы экономикалық|индустриялық аймақ|кен орн)", FLAGS)


def _facility_follows(after: str, voc) -> bool:
    """"Haier refrigerator plant", "Xiaomi TV manufacturing plant": a name before a product and a facility."""
    if NOT_AFTER_NAME_RE.match(after):
        return False
    pos = len(after) - len(after.lstrip())
    for _ in range(3):
        if voc.facility_re.match(after, pos):
            return True
        m = LOWER_WORD_RE.match(after, pos)
        if not m:
            return False
        pos = m.end()
    return False


def find_companies(text: str, region_spans: list[tuple[int, int]] | None = None) -> list[str]:
    """Company names in `text`, in order, without duplicates."""
    return list(dict.fromkeys(name for name, _, _ in _find_companies(text, tuple(region_spans or ()))))


def find_company_spans(text: str, region_spans: list[tuple[int, int]] | None = None) -> list[tuple[str, int, int]]:
    """(name, start, end) of every company name in `text`."""
    return list(_find_companies(text, tuple(region_spans or ())))


@lru_cache(maxsize=4096)
def _find_companies(text: str, region_spans: tuple[tuple[int, int], ...]) -> tuple[tuple[str, int, int], ...]:
    suffixes, prefix_re, stop, suffix_after_re, name_ends = _lists()
    cyrillic_text = len(CYRILLIC_RE.findall(text)) > len(text) / 4
    voc = vocabulary()
    found: list[tuple[str, int, int]] = []
    for m in RUN_RE.finditer(text):
        tokens = m.group(0).split()
        pos = m.start()
        if AFTER_NUMBER_RE.search(text, max(0, pos - 3), pos):
            continue
        if m.group(0).isupper() and (pos == 0 or text[pos - 1] == "\n") and DATELINE_AFTER_RE.match(text, m.end()):
            continue
        # "Agro Taraz LLP": before a legal form a place word is part of the name, elsewhere it ends the name
        legal = tokens[-1] in suffixes or suffix_after_re.match(text, m.end()) is not None or \
            (len(tokens) > 1 and tokens[-1] in name_ends)
        places = () if legal else region_spans
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
        while kept and (POSSESSIVE_RE.sub("", kept[0]) in stop or _is_region_word(kept[0], places, offsets[0])):
            if prefixed and len(kept) > 1 and kept[1] not in stop and kept[0] not in ARTICLES:
                break
            kept.pop(0)
            offsets.pop(0)
        # cut at the first stop word or region word after the name
        for i in range(1, len(kept)):
            if kept[i] in stop or _is_region_word(kept[i], places, offsets[i]):
                kept, offsets = kept[:i], offsets[:i]
                break
        if not kept:
            continue
        name = " ".join(kept)
        start = offsets[0]
        end = offsets[-1] + len(kept[-1])
        before = text[max(0, start - 40):start]
        after = text[end:end + 40]
        head = before.rstrip()
        at_sentence_start = start == 0 or not text[:start].strip() or head[-1:] in ".!?:;–—-"
        # cheapest tests first
        evidence = (
            kept[-1] in suffixes
            or (len(kept) > 1 and kept[-1] in name_ends)
            or any(CAMEL_RE.search(t) for t in kept)
            or any(len(t) >= 3 and t.isupper() and t not in stop for t in kept)
            or (cyrillic_text and LATIN_RE.match(name) is not None)
            or suffix_after_re.match(after) is not None
            or prefix_re.search(before) is not None
            or APPOSITIVE_RE.match(after) is not None
            or PRODUCT_AFTER_RE.match(after) is not None
            or (not at_sentence_start and _facility_follows(after, voc))
            or _role_patterns()[0].match(after) is not None
            or _role_patterns()[1].search(before) is not None
        )
        if not evidence:
            continue
        if len(name) < 2 or name.isdigit() or name.lower() in voc.number_words:
            continue
        # a legal form written after the name belongs to it
        sm = suffix_after_re.match(after)
        if sm and kept[-1] not in suffixes:
            name = f"{name} {sm.group(1)}"
        found.append((name, start, end))
    # "Huaxin Building Materials Co., Ltd.": one name with two legal forms, not two companies
    chained: list[tuple[str, int, int]] = []
    for name, start, end in found:
        if chained and re.fullmatch(r"\.?,\s*", text[chained[-1][2]:start]) and name in LEGAL_TAILS:
            prev = chained.pop()
            tail = re.match(r"\.", text[end:end + 1])
            stop = end + (1 if tail else 0)
            chained.append((text[prev[1]:stop], prev[1], stop))
        else:
            chained.append((name, start, end))
    found = chained
    for m in QUOTED_RE.finditer(text):
        inner = m.group(1).strip()
        before = text[max(0, m.start() - 20):m.start()]
        after = text[m.end():m.end() + 12]
        legal = re.search(r"(?:ТОО|АО|ЖШС|АҚ|LLP|JSC|компани\w*)\s*$", before, FLAGS) or \
            re.match(r"\s*(?:ТОО|АО|ЖШС|АҚ|LLP|JSC|компаниясы)\b", after)
        if legal and inner not in {f[0] for f in found}:
            found.append((inner, m.start(1), m.end(1)))
    return tuple(found)
