"""Titles: the facility's noun phrase in the article's own words, and what a program's pool is."""
from __future__ import annotations

import re

from .vocabulary import FLAGS, vocabulary

TITLE_STOP_LEFT = {
    "a", "an", "the", "of", "in", "at", "to", "by", "with", "for", "from", "on", "into", "as", "its", "their", "this",
    "these", "that", "is", "are", "was", "were", "has", "have", "will", "be", "launch", "include", "includes", "including",
    "с", "в", "во", "на", "по", "для", "и", "а", "также", "о", "об", "из", "к", "у", "что", "как", "это",
    "мен", "және", "бен", "пен", "үшін", "туралы", "болатын", "құны",
}
TITLE_STOP_RIGHT = {"in", "at", "by", "with", "will", "is", "are", "was", "were", "has", "have", "в", "во", "на", "будет", "будут",
                    "which", "that", "who", "который", "которая", "которое", "которые", "able", "designed", "to",
                    "also", "too", "также", "тоже", "бар", "де", "да"}
WORD_RE = re.compile(r"[^\W\d][\w'’/-]*|\d[\d.,]*", FLAGS)

PLACE_NOUN = re.compile(r"(?:област|облыс|region|oblast|район|аудан|district|город|қала)", FLAGS)


def _words_before(text: str, end: int, limit: int = 5) -> int:
    """Start of the noun phrase that ends at `end` (modifiers before a facility noun)."""
    start = end
    count = 0
    for m in reversed(list(WORD_RE.finditer(text[:end]))):
        gap = text[m.end():start]
        if re.search(r"[,.;:()«»\"—–]", gap) or m.group(0).lower() in TITLE_STOP_LEFT or m.group(0)[0].isdigit() \
                or PLACE_NOUN.match(m.group(0)):
            break
        if vocabulary().kzt_re.match(m.group(0)) or vocabulary().scale_re.fullmatch(m.group(0)):
            break
        start = m.start()
        count += 1
        if count >= limit:
            break
    return start


def _words_after(text: str, start: int, limit: int = 6) -> int:
    end = start
    count = 0
    for m in WORD_RE.finditer(text, start):
        gap = text[end:m.start()]
        if re.search(r"[.;:()«»\"—–]", gap) or (count == 0 and "," in gap and not re.match(
                r",\s+(?:focused|focusing|specializ|producing|making|designed|выпускающ|производящ|который|которая|которое)", text[end:], FLAGS)):
            break
        if "," in gap and count > 0 and not re.match(r",\s+(?:который|которая|которое|which|that)", text[end:], FLAGS):
            break
        w = m.group(0).lower()
        if w in TITLE_STOP_RIGHT or w[0].isdigit():
            break
        end = m.end()
        count += 1
        if count >= limit:
            break
    return end


def facility_title(item: str, companies: list[str], status_hint: int | None = None) -> str:
    """A short description in the article's words: modifiers + facility noun + complement."""
    voc = vocabulary()
    facilities = list(voc.facility_re.finditer(item))
    title = ""
    if facilities:
        after = [f for f in facilities if status_hint is not None and 0 <= f.start() - status_hint <= 60]
        if after:
            fac = after[0]
        elif status_hint is not None:
            fac = min(facilities, key=lambda m: abs(m.start() - status_hint))
        else:
            fac = facilities[0]
        end = re.compile(r"\w*").match(item, fac.end()).end()
        # a run of facility nouns is one head: "production plant", "шығару өндірісі"
        while True:
            nxt = voc.facility_re.match(item, end + 1) if item[end:end + 1] == " " else None
            if not nxt:
                break
            end = re.compile(r"\w*").match(item, nxt.end()).end()
        start = _words_before(item, fac.start())
        end = _words_after(item, end)
        # a status verb is not part of the name: "возведут металлургический комбинат", "зауыты пайдалануға берілді"
        for rx in vocabulary().status_patterns.values():
            for sm in rx.finditer(item, max(0, start - 40), end):
                if sm.end() <= fac.start():
                    start = max(start, sm.end())
                elif sm.start() >= fac.end():
                    end = min(end, sm.start())
        title = item[start:end]
    if not title or len(title.split()) < 2 and not facilities:
        cleaned = re.sub(r"^[\s,;:–—-]*(?:(?:and|as well as|а также|и|және|including|include|includes|В их числе|В частности)\b[\s,–—-]*)*",
                         "", item, flags=FLAGS)
        cleaned = re.split(r"\s+(?:in|at|в|во)\s+(?:the\s+)?[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]|\s*\(", cleaned)[0]
        title = " ".join(cleaned.split()[:10])
    title = re.sub(r"[\s,;:(–—-]+$", "", " ".join(title.split()))
    for c in companies[:1]:
        if c.lower() not in title.lower():
            title = f"{c} {title}"
    return title.strip()


def program_title(text: str, pos: int, sector: str | None, clause_text: str) -> str:
    """What the pool is: the sector's word and the counted noun ("metallurgical projects")."""
    voc = vocabulary()
    count = voc.count_after_re.match(text, re.compile(r"\S+").match(text, pos).end()) if re.compile(r"\S+").match(text, pos) else None
    noun = count.group(0).strip() if count else None
    if not noun:
        nouns = list(voc.count_noun_re.finditer(text[:pos])) or list(voc.count_noun_re.finditer(text))
        noun = re.compile(r"[\w-]+").match(text, nouns[-1].start()).group(0) if nouns else "projects"
    sector_m = voc.sector_patterns[sector].search(clause_text) if sector else None
    sector_word = re.compile(r"[\w-]+").match(clause_text, sector_m.start()).group(0) if sector_m else ""
    if sector_word and sector_word.lower() in noun.lower():
        sector_word = ""
    return " ".join(x for x in (sector_word, noun) if x)
