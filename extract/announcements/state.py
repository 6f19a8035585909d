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
    lead_phrases: list = field(default_factory=list)   # facility phrases of the headline and the first sentence


def st_position(an: Analysis, pos: int) -> int:
    return an.sentence.start * 10 + pos if an.sentence.start >= 0 else pos
