"""What the pass over sentences remembers: the records so far, the open project and program."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .analysis import Analysis
from .draft import Draft


@dataclass
class State:
    records: list[Draft] = field(default_factory=list)
    current: Draft | None = None
    program: Draft | None = None
    currency: str | None = None
    language: str | None = None
    published: date | None = None
    sector_context: str | None = None     # the industry the previous sentence talked about
    lead_texts: list[str] = field(default_factory=list)   # the headline and the first sentence
    list_intro: Analysis | None = None    # "...сосредоточится на строительстве:": the lines after it are items
    list_prev: str | None = None          # the list's line before this one
    prev_companies: list[str] = field(default_factory=list)   # the companies the sentence before named
    prev_text: str | None = None          # the sentence before (a pool it announces may be listed in this one)
    pending: Analysis | None = None       # a facility named with nothing told of it yet ("... was on the agenda")
    seen_stems: set[str] = field(default_factory=set)   # five-letter stems of the words read so far
    reference_year: int | None = None     # the article's year: published, else the latest year it names

    def lead_phrases(self) -> list:
        """Facility phrases of the headline and the first sentence (read only when a title needs them)."""
        from .titles import facility_phrase
        return [p for p in map(facility_phrase, self.lead_texts) if p is not None]


def st_position(an: Analysis, pos: int) -> int:
    return an.sentence.start * 10 + pos if an.sentence.start >= 0 else pos
