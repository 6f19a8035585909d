"""Announcement extractor: article text in, announcement records out (docs/announcements.md).

Pure: no database, network or Scrapy. The pipeline reads top to bottom in `records.py` (the pass) and the modules it calls:
sentences -> figures, periods, places, cues -> anchors and continuations -> records.
"""
from __future__ import annotations

import re
from datetime import date, datetime

from .records import build_drafts

__all__ = ["extract_announcements"]

_KAZAKH_LETTERS = re.compile(r"[әғқңөұүһі]", re.IGNORECASE)
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)


def _detect_language(text: str) -> str:
    try:
        from ..language import detect_language
    except ImportError:  # the language module is optional for this package
        detect_language = None
    if detect_language is not None:
        lang = detect_language(text)
        if lang:
            return lang
    if _KAZAKH_LETTERS.search(text):
        return "kk"
    return "ru" if _CYRILLIC.search(text) else "en"


def _may_announce(text: str, title: str | None) -> bool:
    """Whether the article names a facility or counts projects anywhere: every record opens on
    one of the two (a facility noun in the clause, a counted noun of a pool, or a firm's
    expansion of its output), so an article
    with neither (sport, culture, most of what a general feed carries) has none, and skipping
    it saves the whole reading (60% of the 181 benchmark pages; outputs identical on every
    corpus of the repository)."""
    from ..kazakh_latin import is_kazakh_latin, to_cyrillic

    if is_kazakh_latin(text):
        text, title = to_cyrillic(text), to_cyrillic(title)   # the vocabulary is written in Cyrillic
    return _names_facility_or_pool(text, title)


def _names_facility_or_pool(text: str, title: str | None) -> bool:
    """_may_announce's test itself, on a text already in the script the vocabulary is written in."""
    from .vocabulary import cue_regex, vocabulary

    voc = vocabulary()
    # (or a firm expanding its own output, or production said with a verb: records.py's expansion
    # and production records need no facility noun)
    from .production import production_clause
    return any(part and (voc.facility_re.search(part) or voc.count_noun_re.search(part)
                         or cue_regex("expansion_patterns").search(part) or production_clause(part) is not None)
               for part in (title, text))


def extract_announcements(text: str, published: date | None = None, language: str | None = None,
                          title: str | None = None) -> list[dict]:
    """Every announcement of an industrial or investment project (or pool of them) in the article."""
    if not text or not text.strip():
        return []
    if isinstance(published, datetime):
        published = published.date()
    if isinstance(published, str):
        published = date.fromisoformat(published[:10])
    from ..kazakh_latin import is_kazakh_latin
    if is_kazakh_latin(text):
        return _latin_kazakh(text, published, title)
    if not _names_facility_or_pool(text, title):   # (the Latin-Kazakh test just made)
        return []
    language = language or _detect_language(text)
    dated = published
    if published is None:
        from ..dates import date_in_text
        from .periods import year_in_text
        # a dateline or byline: "today" and "this year" need it; else the latest year the text names
        dated = date_in_text(text)
        published = dated or year_in_text(text)
    from .titles import DOCUMENT_LANGUAGE
    token = DOCUMENT_LANGUAGE.set(language)
    try:
        records = [d.to_record() for d in build_drafts(text, published, language, title)]
    finally:
        DOCUMENT_LANGUAGE.reset(token)
    from .companies import registered_designations
    registered = registered_designations(text, [name for record in records for name in record["companies"]])
    for record in records:
        record["companies"] = [registered.get(name, name) for name in record["companies"]]
    if dated is not None:   # a year guessed from the text is no date to redraw the map by
        from ..regions import regions_of_the_time
        for record in records:
            record["regions"] = regions_of_the_time(record["regions"], dated)
    return records


LATIN_FIELDS = ("title", "evidence", "companies")


def _latin_kazakh(text: str, published: date | None, title: str | None) -> list[dict]:
    """A Kazakh article in the Latin alphabet: read in Cyrillic, records written back in Latin."""
    from ..kazakh_latin import to_cyrillic, to_latin
    records = extract_announcements(to_cyrillic(text), published, "kk", to_cyrillic(title))
    for record in records:
        for field in LATIN_FIELDS:
            value = record.get(field)
            if isinstance(value, str):
                record[field] = to_latin(value)
            elif isinstance(value, list):
                record[field] = [to_latin(v) if isinstance(v, str) else v for v in value]
    return records
